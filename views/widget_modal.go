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

// dialogKind says how a dialog may be closed.
type dialogKind int

const (
	// resultDialog reports what happened (导出完成, an error, 关于); Esc closes it, and so
	// does starting a new action.
	resultDialog dialogKind = iota
	// questionDialog waits for an answer; Esc answers with its cancel button, Enter with
	// its primary one.
	questionDialog
	// progressDialog shows a task at work; it closes when the task ends.
	progressDialog
)

// dialogBox is an open dialog.
type dialogBox struct {
	u       *UI
	pop     *widget.PopUp
	kind    dialogKind
	buttons []modalButton
	closed  bool
}

// modal shows a dialog over the window. Its title is set in the regular face, larger and
// in colour: Fyne's own dialogs set titles in bold, and Fyne parses the embedded font
// (4.6 MB of glyphs, about 45 MB in memory) once more for each text style it meets.
// While it is open, keys act on it only: Esc closes it (or cancels a question), Enter
// presses its primary button.
func (u *UI) modal(kind dialogKind, title string, content fyne.CanvasObject, width float32, buttons ...modalButton) *dialogBox {
	heading := canvas.NewText(title, themeColour(colourHeading))
	heading.TextSize = themeSize(theme.SizeNameSubHeadingText)
	d := &dialogBox{u: u, kind: kind, buttons: buttons}
	foot := container.NewHBox(layout.NewSpacer())
	for _, b := range buttons {
		b := b
		btn := newButton(b.label, nil, func() { d.press(b) })
		if b.primary {
			btn.Importance = widget.HighImportance
		}
		foot.Add(btn)
	}
	body := container.NewBorder(container.NewVBox(heading, widget.NewSeparator()), foot, nil, nil, content)
	if len(buttons) == 0 {
		body = container.NewBorder(container.NewVBox(heading, widget.NewSeparator()), nil, nil, nil, content)
	}
	d.pop = widget.NewModalPopUp(container.NewPadded(body), u.win.Canvas())
	size := d.pop.MinSize()
	if width > size.Width {
		size.Width = width
	}
	if cs := u.win.Canvas().Size(); cs.Width > 0 && size.Width > cs.Width-16 {
		size.Width = cs.Width - 16 // never wider than the window
	}
	d.pop.Resize(size)
	u.dialogs = append(u.dialogs, d)
	u.win.Canvas().Unfocus()
	d.pop.Show()
	return d
}

// press closes the dialog and runs the button's action.
func (d *dialogBox) press(b modalButton) {
	d.close()
	if b.action != nil {
		b.action()
	}
}

// close hides the dialog.
func (d *dialogBox) close() {
	if d.closed {
		return
	}
	d.closed = true
	d.pop.Hide()
	u := d.u
	for i, x := range u.dialogs {
		if x == d {
			u.dialogs = append(u.dialogs[:i], u.dialogs[i+1:]...)
			break
		}
	}
}

// Hide closes the dialog; the name matches the pop-ups it replaces.
func (d *dialogBox) Hide() { d.close() }

// cancel answers the dialog as its non-primary button would (or just closes a result).
func (d *dialogBox) cancel() {
	for _, b := range d.buttons {
		if !b.primary {
			d.press(b)
			return
		}
	}
	d.close()
}

// confirm presses the dialog's primary button, or closes a dialog that has none.
func (d *dialogBox) confirm() {
	for _, b := range d.buttons {
		if b.primary {
			d.press(b)
			return
		}
	}
	if len(d.buttons) > 0 {
		d.press(d.buttons[len(d.buttons)-1])
	}
}

// topDialog is the dialog on top, or nil.
func (u *UI) topDialog() *dialogBox {
	if len(u.dialogs) == 0 {
		return nil
	}
	return u.dialogs[len(u.dialogs)-1]
}

// dialogOpen reports whether any dialog, the app's or Fyne's own, is over the window.
func (u *UI) dialogOpen() bool {
	return len(u.dialogs) > 0 || u.win.Canvas().Overlays().Top() != nil
}

// dialogKey gives a key to the open dialog, if there is one, and reports whether one
// was: the page behind a dialog never sees the keys.
func (u *UI) dialogKey(e *fyne.KeyEvent) bool {
	if d := u.topDialog(); d != nil {
		switch e.Name {
		case fyne.KeyEscape:
			if d.kind != progressDialog {
				d.cancel()
			}
		case fyne.KeyReturn, fyne.KeyEnter:
			if d.kind != progressDialog {
				d.confirm()
			}
		}
		return true
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		// Fyne's own file dialog: Esc closes it, as a cancel.
		if e.Name == fyne.KeyEscape {
			u.win.Canvas().Overlays().Remove(top)
		}
		return true
	}
	return false
}

// closeStaleDialogs closes dialogs that only report a result, before a new action. It
// reports whether the action may go ahead: not while a question waits or a task runs.
func (u *UI) closeStaleDialogs() bool {
	for {
		d := u.topDialog()
		if d == nil {
			return u.win.Canvas().Overlays().Top() == nil
		}
		if d.kind != resultDialog {
			return false
		}
		d.close()
	}
}

// scrolled gives content a scroll area of a fixed height, for long dialog text.
func scrolled(content fyne.CanvasObject, height float32) fyne.CanvasObject {
	return container.New(newFixedHeight(height), container.NewVScroll(content))
}

// dialogEntry is a text field in a dialog: Esc and Enter act on the dialog, as they do
// when no field has the keyboard.
type dialogEntry struct {
	widget.Entry
	u *UI
}

func newDialogEntry(u *UI, text string) *dialogEntry {
	e := &dialogEntry{u: u}
	e.ExtendBaseWidget(e)
	e.SetText(text)
	return e
}

// TypedKey passes Esc and Enter to the dialog.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		e.u.dialogKey(ev)
	default:
		e.Entry.TypedKey(ev)
	}
}
