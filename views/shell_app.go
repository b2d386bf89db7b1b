package views

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"

	"workreport/app/meta"
	"workreport/resources"
)

// appIcon is the window and taskbar icon.
var appIcon = fyne.NewStaticResource("Icon.png", resources.IconPNG)

// newApp creates the Fyne application with WorkReport's ID, so that preferences are kept
// per user under it.
func newApp() fyne.App {
	a := fyneapp.NewWithID(meta.ID)
	a.SetIcon(appIcon)
	return a
}

// warmFont sets the app's theme and parses its font in the background: the parse is the
// longest step before the first frame (the font holds every Chinese character), and it
// can run while the main goroutine creates the window. Receive from the channel before
// laying anything out, so that the font is parsed once, not twice at the same time.
func warmFont(a fyne.App, th fyne.Theme) <-chan struct{} {
	a.Settings().SetTheme(th)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fyne.MeasureText("报告", th.Size(theme.SizeNameText), fyne.TextStyle{})
	}()
	return done
}
