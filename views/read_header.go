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
	u.headerText = newTextBlock(theme.SizeNameText)
	u.headerState = newTextBlock(theme.SizeNameCaptionText)
	u.refreshHeader()
	sw := newButton("切换", theme.MenuDropDownIcon(), func() { u.action(u.lib.show) })
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
	u.headerText.runs = []textRun{{text: name, colour: colourHeading}}
	u.headerText.Refresh()
	var runs []textRun
	if n := r.Unconfirmed(); n > 0 {
		runs = append(runs, textRun{text: fmt.Sprintf("未审核 %d 项", n), colour: theme.ColorNameError})
	} else {
		runs = append(runs, textRun{text: "已审核", colour: colourMuted})
	}
	if d := u.sess.Draft(); d != nil && d.Dirty() {
		runs = append(runs, textRun{text: " · 未保存", colour: theme.ColorNameError})
	}
	u.headerState.runs = runs
	u.headerState.Refresh()
}
