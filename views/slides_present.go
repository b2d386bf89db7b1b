package views

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
)

// counterShown is how long the slide counter stays before it fades: long enough to
// read, short enough not to sit on the slide.
const counterShown = 2500 * time.Millisecond

// presenter shows the deck full screen and follows a presentation clicker. The keys are
// PowerPoint's, which is what clickers send.
type presenter struct {
	u       *UI
	root    *slideHost
	counter *fyne.Container
	label   *canvas.Text
	blank   *canvas.Rectangle
	deck    []slide
	size    fyne.Size // the canvas size the deck was built for
	at      int
	digits  string    // a slide number being typed
	hideGen int       // the counter's fade, so that a newer slide's counter is not hidden early
	runeOff time.Time // runes until then belong to a key that ended a blank screen
	current fyne.CanvasObject
}

// slideHost holds the current slide and rebuilds the deck when the canvas changes size.
type slideHost struct {
	widget.BaseWidget
	p       *presenter
	content *fyne.Container
}

func (h *slideHost) CreateRenderer() fyne.WidgetRenderer {
	return &slideHostRenderer{h: h}
}

type slideHostRenderer struct{ h *slideHost }

func (r *slideHostRenderer) Layout(size fyne.Size) {
	r.h.content.Resize(size)
	if size.Width > 0 && size.Height > 0 && size != r.h.p.size {
		r.h.p.rebuild(size)
	}
}
func (r *slideHostRenderer) MinSize() fyne.Size           { return fyne.NewSize(0, 0) }
func (r *slideHostRenderer) Refresh()                     { r.h.content.Refresh() }
func (r *slideHostRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.h.content} }
func (r *slideHostRenderer) Destroy()                     {}

func newPresenter(u *UI) *presenter {
	p := &presenter{u: u}
	bg := canvas.NewRectangle(themeColour(theme.ColorNameBackground))
	p.root = &slideHost{p: p, content: container.NewStack(bg)}
	p.root.ExtendBaseWidget(p.root)
	p.label = canvas.NewText("", themeColour(colourMuted))
	box := canvas.NewRectangle(themeColour(theme.ColorNameBackground))
	box.CornerRadius = 6
	p.counter = container.NewStack(box, container.NewPadded(p.label))
	p.blank = canvas.NewRectangle(color.Black)
	p.blank.Hide()
	return p
}

// startAt builds the deck for the canvas and shows the first slide of a page.
func (p *presenter) startAt(pageID string, size fyne.Size) {
	p.size = size
	p.deck = p.u.deck(size)
	p.at = 0
	for i, s := range p.deck {
		if s.page.ID == pageID {
			p.at = i
			break
		}
	}
	p.show()
}

// rebuild paginates the deck again for a new canvas size, staying on the same page and
// on the slide that shows the same first element.
func (p *presenter) rebuild(size fyne.Size) {
	var keep slide
	if p.at < len(p.deck) {
		keep = p.deck[p.at]
	}
	p.size = size
	p.deck = p.u.deck(size)
	p.at = 0
	for i, s := range p.deck {
		if keep.page != nil && s.page == keep.page && sameStart(s, keep) {
			p.at = i
			break
		}
		if keep.page != nil && s.page == keep.page && p.at == 0 {
			p.at = i
		}
	}
	p.show()
}

// sameStart reports whether two slides of a page begin with the same element.
func sameStart(a, b slide) bool {
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case cardsSlide:
		return len(a.cards) > 0 && len(b.cards) > 0 && a.cards[0].Figure == b.cards[0].Figure
	case tableSlide:
		return len(a.rows) > 0 && len(b.rows) > 0 && a.rows[0].Figure == b.rows[0].Figure
	case chartSlide:
		return a.spec != nil && b.spec != nil && a.spec.ID == b.spec.ID
	case textSlide:
		return len(a.text) > 0 && len(b.text) > 0 && a.text[0] == b.text[0]
	}
	return true
}

// show draws the current slide and shows the counter for a moment.
func (p *presenter) show() {
	if len(p.deck) == 0 {
		return
	}
	p.at = max(0, min(p.at, len(p.deck)-1))
	s := p.deck[p.at]
	if p.current != nil {
		p.release(p.current)
	}
	p.current = p.u.buildSlide(s, metricsFor(p.size), false)
	p.root.content.Objects = []fyne.CanvasObject{p.background(), p.current, container.NewWithoutLayout(p.counter), p.blank}
	p.root.content.Refresh()
	p.u.noteShownCharts()
	p.showCounter(fmt.Sprintf("%s　%d / %d", s.label(), p.at+1, len(p.deck)))
}

// release lets go of what a slide that is no longer shown holds, at once: its charts'
// images (the chart cache keeps renders within its budget) and the textures Fyne made
// for its text and images. A clicker can pass many slides in the minute for which Fyne
// would otherwise keep them.
func (p *presenter) release(old fyne.CanvasObject) {
	p.u.freeTextures(old)
	walkCharts(old, (*chartView).drop)
}

func (p *presenter) background() fyne.CanvasObject {
	return canvas.NewRectangle(themeColour(theme.ColorNameBackground))
}

// showCounter shows a line in the corner and fades it after counterShown.
func (p *presenter) showCounter(text string) {
	m := metricsFor(p.size)
	p.label.Text = text
	p.label.TextSize = max(m.notePx(), 12)
	p.label.Color = themeColour(colourMuted)
	p.label.Refresh()
	sz := p.counter.MinSize()
	p.counter.Resize(sz)
	p.counter.Move(fyne.NewPos(p.size.Width-sz.Width-m.margin()/2, p.size.Height-sz.Height-m.margin()/4))
	p.counter.Show()
	p.hideGen++
	gen := p.hideGen
	p.u.deps.After(counterShown, func() {
		if gen == p.hideGen && p.digits == "" {
			p.counter.Hide()
		}
	})
}

// goTo shows slide i, if there is one.
func (p *presenter) goTo(i int) bool {
	if i < 0 || i >= len(p.deck) || i == p.at {
		return false
	}
	p.at = i
	p.show()
	return true
}

// rune handles a typed character: digits make up a slide number, B blanks the screen
// to black and W to white (the key table says which).
func (p *presenter) rune(r rune) {
	if time.Now().Before(p.runeOff) {
		return // the character of the key that brought the slide back
	}
	p.u.runRune(inSlides, r)
}

// unblank brings the slide back after a blank screen; the character the key types
// arrives next and is ignored.
func (p *presenter) unblank() {
	p.blank.Hide()
	p.runeOff = time.Now().Add(100 * time.Millisecond)
}

// digit adds a digit to the slide number being typed.
func (p *presenter) digit(r rune) {
	if len(p.digits) < 4 {
		p.digits += string(r)
	}
	p.showCounter(fmt.Sprintf("转到第 %s 张（按 Enter）", p.digits))
}

// enter goes to the slide whose number was typed, or to the next one.
func (p *presenter) enter() {
	if p.digits == "" {
		p.goTo(p.at + 1)
		return
	}
	n, _ := strconv.Atoi(p.digits)
	p.digits = ""
	if !p.goTo(n - 1) {
		p.show() // an out-of-range number just clears what was typed
	}
}

func (p *presenter) blankTo(c color.Color) {
	p.blank.FillColor = c
	p.blank.Resize(p.size)
	p.blank.Show()
	p.blank.Refresh()
}

// anchor is the object of the page a slide shows first, for leaving presentation mode
// where it was: the first card, the chart, the table or the first text block.
func (p *presenter) anchor(pn *panel) fyne.CanvasObject {
	if p.at >= len(p.deck) || pn == nil {
		return nil
	}
	s := p.deck[p.at]
	switch s.kind {
	case cardsSlide:
		if c := pn.cards[s.cards[0].Figure.ID]; c != nil {
			return c.root
		}
	case chartSlide:
		for _, cv := range pn.charts {
			if cv.spec.ID == s.spec.ID {
				return cv
			}
		}
	case tableSlide:
		return pn.table
	case textSlide:
		it := s.text[0]
		if ts := pn.texts[it.Section]; it.Block < len(ts) && ts[it.Block] != nil {
			return ts[it.Block]
		}
	}
	return nil
}

// buildSlide lays a slide out for the metrics. offscreen draws its charts at once, for
// saving slides as images; on screen they are drawn in the background.
func (u *UI) buildSlide(s slide, m metrics, offscreen bool) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	place := func(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
		o.Move(pos)
		o.Resize(size)
		objs = append(objs, o)
	}
	pos, area := m.content()
	if s.kind != titleSlide {
		h := canvas.NewText(trimTitle(s.page.Title), themeColour(colourHeading))
		h.TextSize = m.headerPx()
		if s.part != "" {
			h.Text += "（" + s.part + "）"
		}
		for h.TextSize > 8 && fyne.MeasureText(h.Text, h.TextSize, fyne.TextStyle{}).Width > area.Width {
			h.TextSize *= 0.92
		}
		place(h, fyne.NewPos(m.margin(), m.margin()), fyne.NewSize(area.Width, m.headerPx()*1.4))
		rule := canvas.NewRectangle(themeColour(colourCardEdge))
		place(rule, fyne.NewPos(m.margin(), m.margin()+m.headerPx()*1.5), fyne.NewSize(area.Width, max(1, 2*m.u)))
	}
	switch s.kind {
	case titleSlide:
		u.layoutTitleSlide(s, m, place)
	case cardsSlide:
		// Rows of cards; the cards of a row share its height.
		cols, y := m.cardColumns(), pos.Y
		for i := 0; i < len(s.cards); i += cols {
			var row []fyne.CanvasObject
			rowH := float32(0)
			for _, cm := range s.cards[i:min(i+cols, len(s.cards))] {
				c := u.slideCard(cm, m, s.shrink)
				row = append(row, c)
				rowH = max(rowH, c.MinSize().Height)
			}
			x := pos.X
			for _, c := range row {
				place(c, fyne.NewPos(x, y), fyne.NewSize(m.cardWidth(), rowH))
				x += m.cardWidth() + m.gap()
			}
			y += rowH + m.gap()
		}
	case tableSlide:
		place(u.slideTable(s, m, area.Width), pos, area)
	case chartSlide:
		place(u.slideChart(s.spec, m, area, offscreen), pos, area)
	case textSlide:
		y := pos.Y
		for _, it := range s.text {
			t := u.slideText(it, m)
			h := t.height(area.Width)
			place(t, fyne.NewPos(pos.X, y), fyne.NewSize(area.Width, h))
			y += h + m.gap()
		}
	}
	return container.NewWithoutLayout(objs...)
}

// layoutTitleSlide sets a page's opening slide: its title, where it sits, and what
// follows; the overview's names the report, the meeting and the source.
func (u *UI) layoutTitleSlide(s slide, m metrics, place func(fyne.CanvasObject, fyne.Position, fyne.Size)) {
	pm := s.model
	pos, area := m.content()
	var blocks []*textBlock
	add := func(text string, colour fyne.ThemeColorName, px float32) {
		if text == "" {
			return
		}
		t := newTextBlock(theme.SizeNameText, textRun{text: text, colour: colour})
		t.px = px
		blocks = append(blocks, t)
	}
	add(pm.Where, colourMuted, m.bodyPx())
	add(pm.Title, colourHeading, m.titlePx())
	if s.page.Section == nil && pm.Headline != "" {
		add("“"+pm.Headline+"”", colourMuted, m.labelPx())
	}
	var what []string
	if n := len(pm.Cards); n > 0 {
		what = append(what, fmt.Sprintf("%d 项数据", n))
	}
	if n := len(pm.Charts); n > 0 {
		what = append(what, fmt.Sprintf("%d 张图表", n))
	}
	if len(pm.Children) > 0 {
		what = append(what, fmt.Sprintf("%d 个部分", len(pm.Children)))
	}
	add(joinDot(what), colourMuted, m.labelPx())
	if s.page.Section == nil {
		add(pm.Caveat, colourMuted, m.notePx())
	}
	if pm.Note != "" {
		add("说明："+pm.Note, colourMuted, m.notePx())
	}
	// Set the blocks in the middle of the slide, shrinking them if they do not fit.
	k := float32(1)
	for {
		total := float32(0)
		for _, b := range blocks {
			total += b.height(area.Width) + m.gap()
		}
		if total <= m.h-2*m.margin() || k < 0.4 {
			y := max(m.margin(), (m.h-total)/2)
			for _, b := range blocks {
				h := b.height(area.Width)
				place(b, fyne.NewPos(pos.X, y), fyne.NewSize(area.Width, h))
				y += h + m.gap()
			}
			return
		}
		k *= 0.9
		for _, b := range blocks {
			b.px *= 0.9
		}
	}
}

func joinDot(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " · "
		}
		out += p
	}
	return out
}

// slideTable is the rows of a targets table at the slide's sizes.
func (u *UI) slideTable(s slide, m metrics, width float32) fyne.CanvasObject {
	t := s.model.Table
	var cells []fyne.CanvasObject
	text := func(str string, colour fyne.ThemeColorName, px float32) fyne.CanvasObject {
		c := canvas.NewText(str, themeColour(colour))
		c.TextSize = px
		return container.New(&padLayout{x: 12 * m.u, y: 8 * m.u}, c)
	}
	for _, h := range t.Columns {
		cells = append(cells, text(h, theme.ColorNamePrimary, m.bodyPx()))
	}
	for _, row := range s.rows {
		for i, c := range row.Cells {
			colour, px := theme.ColorNameForeground, m.bodyPx()
			if i == 1 {
				colour, px = natureColour(row.Figure.Nature), m.labelPx()
			}
			cells = append(cells, text(c, colour, px))
		}
	}
	return container.New(&tableLayout{cols: len(t.Columns), fill: true}, cells...)
}

// padLayout pads its one object by x and y.
type padLayout struct{ x, y float32 }

func (l *padLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := objects[0].MinSize()
	return fyne.NewSize(m.Width+2*l.x, m.Height+2*l.y)
}

func (l *padLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(l.x, l.y))
	objects[0].Resize(fyne.NewSize(size.Width-2*l.x, size.Height-2*l.y))
}

// slideChartScale is how much larger a chart's text is on a slide than on a page: at
// least so much that on a 1920×1080 slide its labels are about 28 pixels tall, and as
// much larger (up to twice that) as fills the slide's height.
func slideChartScale(spec *chart.Spec, m metrics, area fyne.Size) float64 {
	lo := math.Max(1, 2.1*float64(m.u))
	hi := 2 * lo
	fits := func(k float64) bool {
		return chart.NaturalHeight(spec, float64(area.Width)/k)*k <= float64(area.Height)
	}
	if !fits(lo) {
		return lo // the chart shrinks to fit as it is drawn
	}
	for range 12 {
		mid := (lo + hi) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// slideChart draws a chart filling the area. Offscreen, for saving slides, it is drawn
// at once; on screen through the chart cache, in the background.
func (u *UI) slideChart(spec *chart.Spec, m metrics, area fyne.Size, offscreen bool) fyne.CanvasObject {
	boost := slideChartScale(spec, m, area)
	if offscreen {
		k := float64(max(1, m.pixels))
		w, h := int(math.Round(float64(area.Width)*k)), int(math.Round(float64(area.Height)*k))
		img, _ := chart.RenderOrPlaceholder(spec, w, h, boost*k, u.ground())
		ci := canvas.NewImageFromImage(img)
		ci.FillMode = canvas.ImageFillStretch
		ci.ScaleMode = canvas.ImageScaleFastest
		return ci
	}
	v := newChartView(u, spec)
	v.boost = float32(boost)
	v.fixed = area
	return v
}

// buildSlideWithBackground is a slide on the theme's background, for saving.
func (u *UI) buildSlideWithBackground(s slide, m metrics) fyne.CanvasObject {
	bg := canvas.NewRectangle(themeColour(theme.ColorNameBackground))
	bg.Resize(fyne.NewSize(m.w, m.h))
	return container.NewWithoutLayout(bg, u.buildSlide(s, m, true))
}

// slideCount says how many slides the session's pages make at a size.
func (u *UI) slideCount(size fyne.Size) int { return len(u.deck(size)) }
