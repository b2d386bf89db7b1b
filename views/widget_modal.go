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
// before its action runs. Enter presses the primary button; Esc presses the cancel
// button, or closes the dialog when it has none: Esc never runs any other action.
type modalButton struct {
	label    string
	primary  bool
	cancel   bool
	keepOpen bool // the dialog stays until its task ends (a progress dialog's 取消)
	action   func()
}

// cancelButton is a dialog's 取消 button, with what cancelling does, if anything.
func cancelButton(action func()) modalButton {
	return modalButton{label: "取消", cancel: true, action: action}
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
	if !b.keepOpen {
		d.close()
	}
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

// cancel answers the dialog with its cancel button, or closes it: the page behind is
// left as it was.
func (d *dialogBox) cancel() {
	for _, b := range d.buttons {
		if b.cancel {
			d.press(b)
			return
		}
	}
	d.close()
}

// canCancel reports whether the dialog has a cancel button (a task that can stop).
func (d *dialogBox) canCancel() bool {
	for _, b := range d.buttons {
		if b.cancel {
			return true
		}
	}
	return false
}

// confirm presses the dialog's primary button. A dialog without one is closed if it only
// reports a result; a question without one waits for a click.
func (d *dialogBox) confirm() {
	for _, b := range d.buttons {
		if b.primary {
			d.press(b)
			return
		}
	}
	if d.kind == resultDialog {
		d.close()
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
	if u.topDialog() != nil {
		u.runKey(inDialog, e)
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

// keySelect is a drop-down list that passes Esc to the window: it closes the dialog the
// list is in, or the search bar, while the list has the focus.
type keySelect struct {
	widget.Select
}

func newKeySelect(options []string, changed func(string)) *keySelect {
	s := &keySelect{}
	s.Options = options
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey passes Esc to the window; the list keeps the keys that open and move it.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		toWindow(s, ev)
		return
	}
	s.Select.TypedKey(ev)
}

// choiceGroup is a set of options of which one is chosen, drawn as radio buttons. Its
// options are the app's buttons, so that Tab reaches them, Space chooses, the focus
// shows, and Esc still closes the dialog.
type choiceGroup struct {
	widget.BaseWidget
	Options  []string
	Selected string
	buttons  []*button
	box      *fyne.Container
}

func newChoiceGroup(options []string) *choiceGroup {
	g := &choiceGroup{Options: options, box: container.NewVBox()}
	for _, o := range options {
		o := o
		b := newButton(o, theme.RadioButtonIcon(), func() { g.SetSelected(o) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		g.buttons = append(g.buttons, b)
		g.box.Add(b)
	}
	g.ExtendBaseWidget(g)
	return g
}

// SetSelected chooses an option.
func (g *choiceGroup) SetSelected(o string) {
	g.Selected = o
	for i, b := range g.buttons {
		if g.Options[i] == o {
			b.Icon = theme.RadioButtonCheckedIcon()
		} else {
			b.Icon = theme.RadioButtonIcon()
		}
		b.Refresh()
	}
}

func (g *choiceGroup) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(g.box)
}
