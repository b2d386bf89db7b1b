package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"workreport/app/chart"
	"workreport/app/report"
	"workreport/app/session"
	"workreport/app/zhtext"
)

// Slides are built from the page models, for the screen they are shown on: each page
// opens with a title slide, its cards are grouped into slides that fit the screen, each
// chart has a slide of its own, and its targets table and text are split over as many
// slides as they need. Nothing on a slide ever needs scrolling, at any screen size.

// slideKind says what a slide shows.
type slideKind int

const (
	titleSlide slideKind = iota
	tableSlide
	cardsSlide
	chartSlide
	textSlide
)

// slide is one slide of the deck.
type slide struct {
	page   *session.Page
	model  *session.PageModel
	kind   slideKind
	cards  []session.Card
	rows   []session.TargetRow
	spec   *chart.Spec
	text   []session.TextItem
	part   string  // 1/3 when the page's cards, rows or text take several slides
	shrink float32 // how much the cards' text is reduced to fit, 1 when it is not
}

// metrics are a slide's sizes, in proportion to the screen: on a 1920×1080 screen a
// card's value is 68 pixels tall and its labels and excerpts at least 28.
type metrics struct {
	w, h float32 // the canvas size
	u    float32 // one pixel of a 1920×1080 slide
	// pixels is how many image pixels a unit of the canvas takes when a slide is saved
	// as an image: charts are drawn at that resolution. Zero on screen.
	pixels float32
}

// refWidth and refHeight are the slide size the metrics are designed at.
const refWidth, refHeight = 1920, 1080

func metricsFor(size fyne.Size) metrics {
	return metrics{w: size.Width, h: size.Height, u: min(size.Width/refWidth, size.Height/refHeight)}
}

func (m metrics) margin() float32   { return 56 * m.u }
func (m metrics) gap() float32      { return 24 * m.u }
func (m metrics) headerPx() float32 { return 34 * m.u }
func (m metrics) titlePx() float32  { return 64 * m.u }
func (m metrics) valuePx() float32  { return 68 * m.u }
func (m metrics) labelPx() float32  { return 32 * m.u }
func (m metrics) bodyPx() float32   { return 28 * m.u }
func (m metrics) notePx() float32   { return 24 * m.u }

// header is the height of the strip naming the page at the top of a slide.
func (m metrics) header() float32 { return m.headerPx()*1.6 + m.gap() }

// content is the area below the header, inside the margins.
func (m metrics) content() (fyne.Position, fyne.Size) {
	top := m.margin() + m.header()
	return fyne.NewPos(m.margin(), top), fyne.NewSize(m.w-2*m.margin(), m.h-top-m.margin())
}

// cardColumns is how many cards a slide sets side by side: as many as fit at 460
// units each, at most four.
func (m metrics) cardColumns() int {
	_, c := m.content()
	n := int((c.Width + m.gap()) / (460*m.u + m.gap()))
	return max(1, min(n, 4))
}

func (m metrics) cardWidth() float32 {
	_, c := m.content()
	n := float32(m.cardColumns())
	return (c.Width - (n-1)*m.gap()) / n
}

// deck builds every slide of the session's pages, in reading order, for a canvas size.
func (u *UI) deck(size fyne.Size) []slide {
	m := metricsFor(size)
	var out []slide
	for _, p := range u.sess.Pages() {
		out = append(out, u.pageSlides(u.sess.Model(p.ID), m)...)
	}
	return out
}

// pageSlides are the slides of one page.
func (u *UI) pageSlides(pm *session.PageModel, m metrics) []slide {
	base := slide{page: pm.Page, model: pm, shrink: 1}
	out := []slide{with(base, func(s *slide) { s.kind = titleSlide })}
	text := func() {
		for _, group := range u.packText(pm.Text, m) {
			out = append(out, with(base, func(s *slide) { s.kind, s.text = textSlide, group }))
		}
	}
	if pm.Article {
		text()
	}
	if pm.Table != nil {
		for _, rows := range u.packRows(pm.Table, m) {
			out = append(out, with(base, func(s *slide) { s.kind, s.rows = tableSlide, rows }))
		}
	}
	for _, group := range u.packCards(pm.Cards, m) {
		out = append(out, with(base, func(s *slide) { s.kind, s.cards, s.shrink = cardsSlide, group.cards, group.shrink }))
	}
	for _, sp := range pm.Charts {
		out = append(out, with(base, func(s *slide) { s.kind, s.spec = chartSlide, sp }))
	}
	if !pm.Article {
		text()
	}
	// Number the slides of one kind on a page: 数据 1/3.
	count := map[slideKind]int{}
	for _, s := range out {
		count[s.kind]++
	}
	seen := map[slideKind]int{}
	for i := range out {
		k := out[i].kind
		seen[k]++
		if count[k] > 1 && k != chartSlide {
			out[i].part = fmt.Sprintf("%d/%d", seen[k], count[k])
		}
	}
	return out
}

func with(s slide, fn func(*slide)) slide {
	fn(&s)
	return s
}

// cardGroup is the cards of one slide, and how much their text had to shrink to fit.
type cardGroup struct {
	cards  []session.Card
	shrink float32
}

// packCards groups cards into slides: rows of cardColumns cards, as many rows as fit
// the content's height. A card taller than a whole slide on its own has its text
// reduced until it fits.
func (u *UI) packCards(cards []session.Card, m metrics) []cardGroup {
	_, c := m.content()
	cols := m.cardColumns()
	var out []cardGroup
	var cur []session.Card
	y := float32(0)
	for i := 0; i < len(cards); i += cols {
		row := cards[i:min(i+cols, len(cards))]
		h, shrink := float32(0), float32(1)
		for _, cm := range row {
			ch, k := u.fitCard(cm, m, c.Height)
			h = max(h, ch)
			shrink = min(shrink, k)
		}
		if len(cur) > 0 && y+h > c.Height {
			out = append(out, cardGroup{cards: cur, shrink: 1})
			cur, y = nil, 0
		}
		if shrink < 1 { // a row that only fits reduced is a slide of its own
			if len(cur) > 0 {
				out = append(out, cardGroup{cards: cur, shrink: 1})
				cur, y = nil, 0
			}
			out = append(out, cardGroup{cards: row, shrink: shrink})
			continue
		}
		cur = append(cur, row...)
		y += h + m.gap()
	}
	if len(cur) > 0 {
		out = append(out, cardGroup{cards: cur, shrink: 1})
	}
	return out
}

// fitCard returns a card's height at the slide's card width, and the factor its text
// is reduced by so that it fits a slide's height.
func (u *UI) fitCard(cm session.Card, m metrics, room float32) (float32, float32) {
	k := float32(1)
	for {
		h := u.slideCard(cm, m, k).MinSize().Height
		if h <= room || k < 0.5 {
			return h, k
		}
		k *= 0.9
	}
}

// slideCard is a figure's card on a slide: its value, indicator, comparison, notes and
// excerpt, in the slide's sizes reduced by k; no buttons.
func (u *UI) slideCard(cm session.Card, m metrics, k float32) fyne.CanvasObject {
	f := cm.Figure
	width := m.cardWidth()
	pad := 24 * m.u
	inner := width - 2*pad
	value := canvas.NewText(cm.Value, themeColour(natureColour(f.Nature)))
	value.TextSize = m.valuePx() * k
	for value.TextSize > m.labelPx()*k && fyne.MeasureText(value.Text, value.TextSize, fyne.TextStyle{}).Width > inner-m.labelPx()*k*0.5 {
		value.TextSize *= 0.92 // a long value shrinks rather than overflowing the card
	}
	px := func(t *textBlock, size float32) *textBlock {
		t.px = size
		return t
	}
	// Text blocks inset their text by a quarter of its size; the value, drawn directly,
	// lines up with them.
	parts := []fyne.CanvasObject{container.New(&padLayout{x: m.labelPx() * k * 0.25}, value),
		px(newTextBlock(theme.SizeNameText, textRun{text: cm.Indicator, colour: theme.ColorNamePrimary}), m.labelPx()*k)}
	if cm.Comparison != "" {
		parts = append(parts, px(mutedText(cm.Comparison, theme.SizeNameText), m.bodyPx()*k))
	}
	for i, n := range cm.Notes {
		if i == 2 {
			break
		}
		parts = append(parts, px(mutedText(n, theme.SizeNameText), m.notePx()*k))
	}
	parts = append(parts, px(mutedText("“"+cm.Excerpt+"”", theme.SizeNameText), m.bodyPx()*k))
	badge := cm.Badge
	if cm.Unconfirmed {
		badge += " · 未审核"
	}
	b := canvas.NewText(badge, themeColour(natureColour(f.Nature)))
	b.TextSize = m.notePx() * k
	parts = append(parts, container.New(&padLayout{x: m.notePx() * k * 0.25}, b))
	fill := colourCard
	if cm.Unconfirmed {
		fill = colourUnconfirmed
	}
	bg := canvas.NewRectangle(themeColour(fill))
	bg.CornerRadius = 10 * m.u
	bg.StrokeWidth = 2 * m.u
	bg.StrokeColor = themeColour(colourCardEdge)
	if f.Nature == report.Threshold || f.Nature == report.Derived {
		bg.StrokeColor = themeColour(natureColour(f.Nature))
	}
	content := container.New(&stackLayout{width: inner, gap: 8 * m.u}, parts...)
	return container.New(&insetLayout{pad: pad, width: width}, bg, content)
}

// packRows splits a targets table's rows over slides.
func (u *UI) packRows(t *session.TargetTable, m metrics) [][]session.TargetRow {
	_, c := m.content()
	rowH := m.bodyPx() * 2.2
	per := max(1, int((c.Height-rowH)/rowH)) // the header row takes one
	var out [][]session.TargetRow
	for i := 0; i < len(t.Rows); i += per {
		out = append(out, t.Rows[i:min(i+per, len(t.Rows))])
	}
	return out
}

// packText splits a page's text over slides: whole paragraphs while they fit, and a
// paragraph taller than a slide cut between its sentences.
func (u *UI) packText(items []session.TextItem, m metrics) [][]session.TextItem {
	_, c := m.content()
	var out [][]session.TextItem
	var cur []session.TextItem
	y := float32(0)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur, y = nil, 0
		}
	}
	for _, it := range items {
		for _, piece := range u.fitText(it, m, c) {
			h := u.slideText(piece, m).height(c.Width)
			if len(cur) > 0 && y+h > c.Height {
				flush()
			}
			cur = append(cur, piece)
			y += h + m.gap()
		}
	}
	flush()
	return out
}

// fitText returns a text item, or, when it is taller than a slide, its sentences
// grouped into pieces that each fit.
func (u *UI) fitText(it session.TextItem, m metrics, c fyne.Size) []session.TextItem {
	if u.slideText(it, m).height(c.Width) <= c.Height {
		return []session.TextItem{it}
	}
	text := it.Section.Blocks()[it.Block].Text
	var out []session.TextItem
	start := 0
	for _, end := range zhtext.SentenceEnds(text) {
		piece := it
		piece.From, piece.To = start, end
		if len(out) > 0 {
			grown := out[len(out)-1]
			grown.To = end
			if u.slideText(grown, m).height(c.Width) <= c.Height {
				out[len(out)-1] = grown
				start = end
				continue
			}
		}
		out = append(out, piece)
		start = end
	}
	return out
}

// slideText is one text item at the slide's body size, its figures highlighted.
func (u *UI) slideText(it session.TextItem, m metrics) *textBlock {
	var t *textBlock
	if it.Heading {
		t = newTextBlock(theme.SizeNameText, textRun{text: it.Section.Blocks()[it.Block].Text, colour: colourHeading})
		t.px = m.labelPx()
	} else {
		t = u.highlightedRange(it.Section, it.Block, it.From, it.To, "")
		t.px = m.bodyPx()
	}
	return t
}

// height is the block's height at a width.
func (t *textBlock) height(width float32) float32 {
	r := &textBlockRenderer{t: t}
	return r.height(width)
}

// slideTitle names a slide in the counter: the page's short title and what the slide
// shows.
func (s slide) label() string {
	name := s.page.Short
	switch s.kind {
	case tableSlide:
		name += " · 目标"
	case cardsSlide:
		name += " · 数据"
	case chartSlide:
		name += " · 图表"
	case textSlide:
		name += " · 原文"
	}
	if s.part != "" {
		name += " " + s.part
	}
	return name
}

// trimTitle shortens a page title for a slide's header strip.
func trimTitle(t string) string { return strings.TrimSpace(zhtext.FirstClause(t)) }
