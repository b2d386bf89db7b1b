package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reportHeader names the open report above the navigation, with its review state, and
// opens the library.
func (u *UI) reportHeader() fyne.CanvasObject {
	// One line each, cut short with … in a narrow column: a wrapped line would take its
	// height only after the column is laid out, over the line below it.
	u.headerText = widget.NewLabel("")
	u.headerText.Importance = widget.HighImportance
	u.headerText.Truncation = fyne.TextTruncateEllipsis
	u.headerState = widget.NewLabel("")
	u.headerState.SizeName = theme.SizeNameCaptionText
	u.headerState.Truncation = fyne.TextTruncateEllipsis
	u.refreshHeader()
	sw := newButton("报告库…", theme.FolderOpenIcon(), func() { u.action(u.lib.show) })
	sw.Importance = widget.LowImportance
	return container.NewVBox(container.NewBorder(nil, nil, nil, sw, u.headerText), u.headerState, widget.NewSeparator())
}

// refreshHeader shows the open report's place and year and its state: 未审核 in colour
// until a person has confirmed every figure, and 未保存 while edits are not saved.
func (u *UI) refreshHeader() {
	if u.headerText == nil {
		return
	}
	r := u.sess.Report()
	name := fmt.Sprintf("%s %d年", r.Place, r.Year)
	switch {
	case r.Place == "":
		name = r.Title
	case r.Year == 0:
		name = r.Place + " 年份待填写"
	}
	u.headerText.SetText(name)
	state, warn := "已审核", false
	if n := r.Unconfirmed(); n > 0 {
		state, warn = fmt.Sprintf("未审核 %d 项", n), true
	}
	if d := u.sess.Draft(); d != nil && d.Dirty() {
		state, warn = state+" · 未保存", true
	}
	u.headerState.Importance = widget.MediumImportance
	if warn {
		u.headerState.Importance = widget.DangerImportance
	}
	u.headerState.SetText(state)
}
