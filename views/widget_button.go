package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// button is a push button with an optional icon and a label in the regular face. Fyne's
// own button sets its label in bold, and Fyne parses the embedded font once more (about
// 45 MB) for each text style; every button of the app is this one instead. It can be
// tapped, hovered, focused and pressed with Space or Enter.
type button struct {
	widget.BaseWidget
	Text       string
	Icon       fyne.Resource
	OnTapped   func()
	Importance widget.Importance
	Alignment  widget.ButtonAlign

	disabled bool
	hovered  bool
	focused  bool
}

func newButton(text string, icon fyne.Resource, tapped func()) *button {
	b := &button{Text: text, Icon: icon, OnTapped: tapped}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped runs the action.
func (b *button) Tapped(*fyne.PointEvent) {
	if !b.disabled && b.OnTapped != nil {
		b.OnTapped()
	}
}

// SetText changes the label.
func (b *button) SetText(s string) {
	b.Text = s
	b.Refresh()
}

// Enable and Disable switch the button on and off; Disabled reports which it is.
func (b *button) Enable()        { b.disabled = false; b.Refresh() }
func (b *button) Disable()       { b.disabled = true; b.Refresh() }
func (b *button) Disabled() bool { return b.disabled }

// Cursor is the pointing hand.
func (b *button) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn, MouseMoved and MouseOut show the hover state.
func (b *button) MouseIn(*desktop.MouseEvent)    { b.hovered = true; b.Refresh() }
func (b *button) MouseMoved(*desktop.MouseEvent) {}
func (b *button) MouseOut()                      { b.hovered = false; b.Refresh() }

// FocusGained, FocusLost, TypedRune and TypedKey make the button usable from the keyboard:
// Space and Enter press it; the other keys go on to the window, so that Esc closes a
// dialog and F11 presents while a button has the focus.
func (b *button) FocusGained()   { b.focused = true; b.Refresh() }
func (b *button) FocusLost()     { b.focused = false; b.Refresh() }
func (b *button) TypedRune(rune) {}
func (b *button) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeySpace || e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	toWindow(b, e)
}

// toWindow hands a key a focused widget does not use to the window's own key handler.
// Fyne gives the keys to the focused widget only.
func toWindow(o fyne.CanvasObject, e *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(e)
	}
}

func (b *button) CreateRenderer() fyne.WidgetRenderer {
	r := &buttonRenderer{b: b, bg: canvas.NewRectangle(color.Transparent), label: canvas.NewText("", color.Black)}
	r.ring = canvas.NewRectangle(color.Transparent)
	r.ring.StrokeWidth = focusRingWidth
	r.icon = canvas.NewImageFromResource(nil)
	r.icon.FillMode = canvas.ImageFillContain
	r.Refresh()
	return r
}

// focusRingWidth and focusRingGap draw the ring of the focused button: outside its edge,
// so that it shows on a filled button too.
const (
	focusRingWidth = 2
	focusRingGap   = 2
)

type buttonRenderer struct {
	b     *button
	ring  *canvas.Rectangle
	bg    *canvas.Rectangle
	icon  *canvas.Image
	label *canvas.Text
}

func (r *buttonRenderer) iconSize() float32 { return themeSize(theme.SizeNameInlineIcon) }

func (r *buttonRenderer) MinSize() fyne.Size {
	pad := themeSize(theme.SizeNameInnerPadding)
	w, h := pad*2, r.label.MinSize().Height
	if r.b.Icon != nil {
		w += r.iconSize()
		h = max(h, r.iconSize())
	}
	if r.b.Text != "" {
		w += r.label.MinSize().Width
		if r.b.Icon != nil {
			w += pad / 2
		}
	}
	return fyne.NewSize(w, h+pad)
}

func (r *buttonRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	out := float32(focusRingGap + focusRingWidth)
	r.ring.Move(fyne.NewPos(-out, -out))
	r.ring.Resize(size.AddWidthHeight(2*out, 2*out))
	pad := themeSize(theme.SizeNameInnerPadding)
	content := r.label.MinSize().Width
	if r.b.Icon != nil {
		content += r.iconSize()
		if r.b.Text != "" {
			content += pad / 2
		}
	}
	x := (size.Width - content) / 2
	if r.b.Alignment == widget.ButtonAlignLeading {
		x = pad
	}
	if r.b.Icon != nil {
		is := r.iconSize()
		r.icon.Move(fyne.NewPos(x, (size.Height-is)/2))
		r.icon.Resize(fyne.NewSize(is, is))
		x += is + pad/2
	}
	ls := r.label.MinSize()
	r.label.Move(fyne.NewPos(x, (size.Height-ls.Height)/2))
	r.label.Resize(ls)
}

func (r *buttonRenderer) Refresh() {
	b := r.b
	fg := themeColour(theme.ColorNameForeground)
	bg := themeColour(theme.ColorNameButton)
	switch {
	case b.disabled:
		fg, bg = themeColour(theme.ColorNameDisabled), themeColour(theme.ColorNameDisabledButton)
	case b.Importance == widget.HighImportance:
		fg, bg = themeColour(theme.ColorNameForegroundOnPrimary), themeColour(theme.ColorNamePrimary)
	case b.Importance == widget.LowImportance:
		bg = color.Transparent
	}
	if !b.disabled && (b.hovered || b.focused) {
		bg = blend(bg, themeColour(theme.ColorNameHover))
	}
	r.bg.FillColor = bg
	r.bg.CornerRadius = themeSize(theme.SizeNameInputRadius)
	r.ring.StrokeColor = themeColour(colourFocusRing)
	r.ring.CornerRadius = r.bg.CornerRadius + focusRingGap
	r.ring.Hidden = !b.focused || b.disabled
	r.label.Text = b.Text
	r.label.Color = fg
	r.label.TextSize = themeSize(theme.SizeNameText)
	if b.Icon != nil {
		res := b.Icon
		if b.disabled {
			res = theme.NewDisabledResource(res)
		} else if b.Importance == widget.HighImportance {
			res = theme.NewInvertedThemedResource(res)
		}
		r.icon.Resource = res
		r.icon.Show()
	} else {
		r.icon.Hide()
	}
	r.Layout(b.Size())
	r.ring.Refresh()
	r.bg.Refresh()
	r.label.Refresh()
	r.icon.Refresh()
}

func (r *buttonRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.ring, r.bg, r.icon, r.label}
}

func (r *buttonRenderer) Destroy() {}

// blend lays a translucent colour over another.
func blend(base, over color.Color) color.Color {
	br, bg, bb, ba := base.RGBA()
	or, og, ob, oa := over.RGBA()
	a := float64(oa) / 0xffff
	mix := func(b, o uint32) uint8 { return uint8((float64(b)*(1-a) + float64(o)*a) / 0x101) }
	alpha := uint8(max(ba, oa) / 0x101)
	if ba == 0 {
		return color.NRGBA{R: uint8(or / 0x101), G: uint8(og / 0x101), B: uint8(ob / 0x101), A: uint8(oa / 0x101)}
	}
	return color.NRGBA{R: mix(br, or), G: mix(bg, og), B: mix(bb, ob), A: alpha}
}
