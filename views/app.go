package views

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

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
