package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// modalButton is a button at the foot of a modal dialog. Every button closes the dialog
// before its action runs.
type modalButton struct {
	label   string
	primary bool
	action  func()
}

// modal shows a dialog over the window. Its title is set in the regular face, larger and
// in colour: Fyne's own dialogs set titles in bold, and Fyne parses the embedded font
// (4.6 MB of glyphs, about 45 MB in memory) once more for each text style it meets.
// It returns the pop-up, to hide dialogs that have no buttons.
func (u *UI) modal(title string, content fyne.CanvasObject, width float32, buttons ...modalButton) *widget.PopUp {
	heading := canvas.NewText(title, themeColour(colourHeading))
	heading.TextSize = themeSize(theme.SizeNameSubHeadingText)
	var pop *widget.PopUp
	foot := container.NewHBox(layout.NewSpacer())
	for _, b := range buttons {
		b := b
		btn := newButton(b.label, nil, func() {
			pop.Hide()
			if b.action != nil {
				b.action()
			}
		})
		if b.primary {
			btn.Importance = widget.HighImportance
		}
		foot.Add(btn)
	}
	body := container.NewBorder(container.NewVBox(heading, widget.NewSeparator()), foot, nil, nil, content)
	if len(buttons) == 0 {
		body = container.NewBorder(container.NewVBox(heading, widget.NewSeparator()), nil, nil, nil, content)
	}
	pop = widget.NewModalPopUp(container.NewPadded(body), u.win.Canvas())
	size := pop.MinSize()
	if width > size.Width {
		size.Width = width
	}
	pop.Resize(size)
	pop.Show()
	return pop
}

// scrolled gives content a scroll area of a fixed height, for long dialog text.
func scrolled(content fyne.CanvasObject, height float32) fyne.CanvasObject {
	return container.New(newFixedHeight(height), container.NewVScroll(content))
}

// wrapped is a label that wraps its text.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
