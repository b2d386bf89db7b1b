package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/report"
	"workreport/app/session"
)

// cardWidthEms is a card's width in text sizes: four cards fit beside the navigation in
// a 1280-pixel window, and the longest printed value fits on one line.
const cardWidthEms = 16

// valueEms is the size of a card's value, in text sizes.
const valueEms = 1.9

// figureCard shows one figure: its value as printed, the indicator, a comparison line,
// where it comes from, and buttons to copy the value and to see the source sentence.
type figureCard struct {
	fig     *report.Figure
	root    fyne.CanvasObject
	bg      *canvas.Rectangle
	value   *canvas.Text
	copy    *button
	source  *button
	marked  bool
	fill    fyne.ThemeColorName // the card's fill when not marked
	comment string              // the comparison line, kept for tests
	content *stackLayout        // sets the card's text at its width
}

func (u *UI) newCard(m session.Card) *figureCard {
	f := m.Figure
	text := themeSize(theme.SizeNameText)
	width := text * cardWidthEms
	c := &figureCard{fig: f, fill: colourCard}
	if m.Unconfirmed {
		c.fill = colourUnconfirmed
	}

	c.value = canvas.NewText(m.Value, themeColour(natureColour(f.Nature)))
	c.value.TextSize = text * valueEms
	for c.value.TextSize > text && fyne.MeasureText(c.value.Text, c.value.TextSize, c.value.TextStyle).Width > width-2*theme.Padding() {
		c.value.TextSize *= 0.9 // a long value shrinks rather than overflowing the card
	}
	badgeText := m.Badge
	if m.Unconfirmed {
		badgeText += " · 未审核"
	}
	badge := canvas.NewText(badgeText, themeColour(natureColour(f.Nature)))
	badge.TextSize = themeSize(theme.SizeNameCaptionText)

	indicator := newTextBlock(theme.SizeNameText, textRun{text: m.Indicator, colour: theme.ColorNamePrimary})

	// Text widgets inset their text; the value and badge, drawn directly, match them.
	inset := theme.InnerPadding()
	parts := []fyne.CanvasObject{inset2(c.value, inset), indicator}
	c.comment = m.Comparison
	if c.comment != "" {
		parts = append(parts, mutedText(c.comment, theme.SizeNameText))
	}
	for _, n := range m.Notes {
		parts = append(parts, mutedText(n, theme.SizeNameCaptionText))
	}
	parts = append(parts, mutedText("“"+m.Excerpt+"”", theme.SizeNameCaptionText))

	c.copy = newButton("复制", theme.ContentCopyIcon(), func() {
		u.clipboard().SetContent(m.Value)
		u.status("已复制：" + m.Value)
	})
	c.copy.Importance = widget.LowImportance
	c.source = newButton("出处", theme.InfoIcon(), func() { u.showSource(f) })
	c.source.Importance = widget.LowImportance
	parts = append(parts, container.NewHBox(inset2(badge, inset), layoutSpacer(), c.copy, c.source))

	c.bg = canvas.NewRectangle(themeColour(c.fill))
	c.bg.CornerRadius = theme.InputRadiusSize() * 2
	c.bg.StrokeWidth = 1.5
	c.bg.StrokeColor = themeColour(colourCardEdge)
	if f.Nature == report.Threshold || f.Nature == report.Derived {
		c.bg.StrokeColor = themeColour(natureColour(f.Nature))
		c.bg.StrokeWidth = 2
	}
	c.content = &stackLayout{width: width - 2*theme.Padding()}
	c.root = container.NewStack(c.bg, container.NewPadded(container.New(c.content, parts...)))
	return c
}

// heightAt is the card's height at a width: its text wraps to that width.
func (c *figureCard) heightAt(width float32) float32 {
	inner := width - 2*theme.Padding()
	if c.content.width != inner {
		c.content.width = inner
		c.content.min = fyne.Size{}
	}
	return c.root.MinSize().Height
}

// mark shows the card as the one a search or a link led to.
func (c *figureCard) mark(on bool) {
	c.marked = on
	if on {
		c.bg.FillColor = themeColour(colourMark)
		c.bg.StrokeColor = themeColour(colourTarget)
		c.bg.StrokeWidth = 3
	} else {
		c.bg.FillColor = themeColour(c.fill)
		c.bg.StrokeColor = themeColour(colourCardEdge)
		c.bg.StrokeWidth = 1.5
	}
	c.bg.Refresh()
}

// inset2 pads an object on the left and right, as text widgets pad their text.
func inset2(o fyne.CanvasObject, x float32) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedLayout(0, 0, x, x), o)
}

// stackLayout stacks objects vertically at a fixed width, so that wrapped text reports
// the height it needs at that width. A card's content never changes (a new theme or zoom
// builds new cards), so the size is measured once.
type stackLayout struct {
	width float32
	gap   float32 // between objects; half the theme's padding when zero
	min   fyne.Size
}

func (l *stackLayout) spacing() float32 {
	if l.gap > 0 {
		return l.gap
	}
	return theme.Padding() / 2
}

func (l *stackLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if !l.min.IsZero() {
		return l.min
	}
	h := float32(0)
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(l.width, o.Size().Height))
		h += o.MinSize().Height
		if i > 0 {
			h += l.spacing()
		}
	}
	l.min = fyne.NewSize(l.width, h)
	return l.min
}

func (l *stackLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(size.Width, o.Size().Height))
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + l.spacing()
	}
}

// insetLayout draws its first object (a background) over the whole area and lays the
// second out inside it, inset by pad, at a fixed width.
type insetLayout struct {
	pad, width float32
}

func (l *insetLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.width, objects[1].MinSize().Height+2*l.pad)
}

func (l *insetLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
	objects[1].Move(fyne.NewPos(l.pad, l.pad))
	objects[1].Resize(fyne.NewSize(size.Width-2*l.pad, size.Height-2*l.pad))
}
