// Package views is WorkReport's Fyne user interface: the window, navigation, panels,
// figure cards, theme and dialogs. It shows what app computes; it computes nothing itself.
package views

import (
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"workreport/app/meta"
	"workreport/app/report"
)

// Run opens the main window for the report and blocks until it is closed.
func Run(r *report.Report, reportPath string) error {
	a := fyneapp.NewWithID(meta.ID)
	w := a.NewWindow(r.Title + meta.TitleSuffix)
	body := widget.NewLabel(strings.Join(r.Lines(), "\n\n"))
	body.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewVScroll(body))
	w.Resize(fyne.NewSize(1200, 800))
	w.ShowAndRun()
	return nil
}
