package views

import (
	"cmp"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/report"
	"workreport/app/session"
)

// panel is the content shown for one page.
type panel struct {
	page   *session.Page
	root   fyne.CanvasObject
	scroll *pageScroll
	table  fyne.CanvasObject // the targets table, if the page has one
	box    *fyne.Container
	cards  map[string]*figureCard
	order  []*figureCard
	charts []*chartView
	texts  map[*report.Section][]*textBlock // verbatim blocks by section, in block order
	marked *figureCard
	// markedText is the text a search result led to.
	markedText *textBlock
	// verdictRows are a verdict page's source buttons, one per target.
	verdictRows []*button
	// overrideButtons are a verdict page's 人工判定 buttons, one per target.
	overrideButtons []*button
	// trendChoice chooses the indicator followed over the years.
	trendChoice *keySelect
}

func (p *panel) unmark() {
	if p.marked != nil {
		p.marked.mark(false)
		p.marked = nil
	}
	if p.markedText != nil {
		p.markedText.mark(false)
		p.markedText = nil
	}
}

// relayout sizes the current page's scroll area to the page's height again.
func (u *UI) relayout() {
	if u.cur != nil {
		u.cur.scroll.Refresh()
	}
}

// pageLayout stacks a page's parts at the full width. Cards, charts and text take a
// height that depends on their width, so each part is first given the width and then
// asked for its height there. When the total height changes with the width, onHeight
// asks the scroll area to take the new height; it runs once this layout is complete.
type pageLayout struct {
	width    float32
	total    float32 // the height the parts took at the last layout
	onHeight func()
	onLaid   func() // after each layout, with the parts in place
}

func (l *pageLayout) spacing() float32 { return theme.Padding() }

func (l *pageLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objects { // parts hidden out of view keep their place
		m := o.MinSize()
		w, h = max(w, m.Width), h+m.Height
		n++
	}
	if n > 1 {
		h += float32(n-1) * l.spacing()
	}
	return fyne.NewSize(w, h)
}

func (l *pageLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	y := float32(0)
	for _, o := range objects {
		if o.Size().Width != size.Width {
			o.Resize(fyne.NewSize(size.Width, o.MinSize().Height)) // learn the width
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + l.spacing()
	}
	// The scroll area gives the page at least its own height, so a short page is taller
	// than its parts; only a change of the parts' height needs a new size.
	total := y - l.spacing()
	if l.onLaid != nil {
		l.onLaid()
	}
	if absDiff(total, l.total) > 0.5 && absDiff(total, size.Height) > 0.5 && l.onHeight != nil {
		l.total = total
		fyne.Do(l.onHeight)
	}
	l.total = total
}

func absDiff(a, b float32) float32 {
	if a > b {
		return a - b
	}
	return b - a
}

func (u *UI) buildPanel(p *session.Page) *panel {
	pn := &panel{page: p, cards: map[string]*figureCard{}, texts: map[*report.Section][]*textBlock{}}
	m := u.sess.Model(p.ID)
	var parts []fyne.CanvasObject
	parts = append(parts, u.header(m)...)
	switch {
	case m.Verdicts != nil:
		parts = append(parts, u.cmp.verdictParts(pn, m)...)
	case m.Trend != nil:
		parts = append(parts, u.cmp.trendParts(pn, m)...)
	case m.Benchmark != nil:
		parts = append(parts, u.cmp.benchmarkParts(pn, m)...)
	case p.Section == nil:
		parts = append(parts, u.overviewIntro(m)...)
	}
	if m.Note != "" {
		parts = append(parts, mutedText("说明："+m.Note, theme.SizeNameCaptionText))
	}
	if m.Article {
		// A press report is for reading: its text first, its few figures after.
		if m.Lead != "" {
			parts = append(parts, wrapped(m.Lead))
		}
		parts = append(parts, u.sectionText(pn, m.Text)...)
	}
	if m.Table != nil {
		pn.table = u.targetsTable(m.Table)
		parts = append(parts, pn.table)
	}
	if len(m.Cards) > 0 {
		parts = append(parts, u.subheading(m.CardsTitle, u.copyButton(p.ID, len(m.Cards))))
		var cards []fyne.CanvasObject
		for _, cm := range m.Cards {
			c := u.newCard(cm)
			pn.cards[cm.Figure.ID] = c
			pn.order = append(pn.order, c)
			cards = append(cards, c.root)
		}
		parts = append(parts, container.New(&flowLayout{width: 900, cards: pn.order}, cards...))
	}
	if len(m.Charts) > 0 && m.Verdicts == nil && m.Trend == nil && m.Benchmark == nil {
		parts = append(parts, u.subheading(fmt.Sprintf("图表（%d 张）", len(m.Charts)), nil))
		for _, s := range m.Charts {
			cv := newChartView(u, s)
			pn.charts = append(pn.charts, cv)
			parts = append(parts, cv)
		}
	}
	if !m.Article && len(m.Text) > 0 {
		parts = append(parts, u.subheading("原文", nil))
		parts = append(parts, u.sectionText(pn, m.Text)...)
	}
	if len(m.Children) > 0 {
		parts = append(parts, u.subheading("各部分", nil), u.childLinks(m.Children))
	}
	pn.box = container.New(&pageLayout{onHeight: u.relayout, onLaid: pn.cull}, parts...)
	pn.scroll = newPageScroll(container.NewPadded(pn.box))
	pn.scroll.OnScrolled = func(fyne.Position) { pn.cull() }
	pn.root = pn.scroll
	return pn
}

// cull shows only the parts of the page within half a screen of the view, and hides the
// rest. Fyne draws every object of a scrolled page, in view or not, and makes a texture
// for every text it draws, so without this a long page (a report's full text) would
// cost its whole length in memory and in drawing time at every frame. Hidden parts
// keep their place: the page's layout ignores visibility.
func (pn *panel) cull() {
	view := pn.scroll.Size().Height
	if view <= 0 || pn.box == nil {
		return
	}
	at := pn.scroll.Offset.Y - pn.box.Position().Y
	top, bottom := at-view/2, at+view*3/2
	var visit func(objs []fyne.CanvasObject, dy float32)
	visit = func(objs []fyne.CanvasObject, dy float32) {
		for _, o := range objs {
			y := dy + o.Position().Y
			near := y+o.Size().Height >= top && y <= bottom
			if c, ok := o.(*fyne.Container); ok && near {
				if _, cards := c.Layout.(*flowLayout); cards {
					visit(c.Objects, y) // a page of cards: each card on its own
				}
			}
			if near != o.Visible() {
				if near {
					o.Show()
				} else {
					o.Hide()
				}
			}
		}
	}
	visit(pn.box.Objects, 0)
}

// moveTo scrolls the page to a position and shows what is near it.
func (pn *panel) moveTo(y float32) {
	pn.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y)))
	pn.cull()
}

// offsetOf is the distance from the top of the page's parts to an object among them,
// found through the page's containers. Fyne's own positions skip hidden objects.
func (pn *panel) offsetOf(o fyne.CanvasObject) (float32, bool) {
	var find func(c *fyne.Container, dy float32) (float32, bool)
	find = func(c *fyne.Container, dy float32) (float32, bool) {
		for _, child := range c.Objects {
			y := dy + child.Position().Y
			if child == o {
				return y, true
			}
			if cc, ok := child.(*fyne.Container); ok {
				if at, ok := find(cc, y); ok {
					return at, true
				}
			}
		}
		return 0, false
	}
	return find(pn.box, 0)
}

// header is the page title and the line above it: where the page sits in the report,
// or the meeting and the source on the overview.
func (u *UI) header(m *session.PageModel) []fyne.CanvasObject {
	title := canvas.NewText(m.Title, themeColour(colourHeading))
	title.TextSize = themeSize(theme.SizeNameHeadingText)
	if len([]rune(title.Text)) > 24 { // long part titles wrap rather than run off the page
		h := newTextBlock(theme.SizeNameSubHeadingText, textRun{text: title.Text, colour: colourHeading})
		return []fyne.CanvasObject{mutedText(m.Where, theme.SizeNameCaptionText), h}
	}
	return []fyne.CanvasObject{mutedText(m.Where, theme.SizeNameCaptionText), title}
}

// subheading is a section heading inside a panel, with an optional action on the right.
func (u *UI) subheading(text string, action fyne.CanvasObject) fyne.CanvasObject {
	t := canvas.NewText(text, themeColour(colourHeading))
	t.TextSize = themeSize(theme.SizeNameSubHeadingText)
	line := canvas.NewRectangle(themeColour(colourCardEdge))
	line.SetMinSize(fyne.NewSize(1, 1))
	row := container.NewHBox(t, layout.NewSpacer())
	if action != nil {
		row.Add(action)
	}
	return container.NewVBox(widget.NewLabel(""), row, line)
}

// copyButton copies the page's figures as tab-separated text.
func (u *UI) copyButton(pageID string, n int) fyne.CanvasObject {
	b := newButton("复制本页数据", theme.ContentCopyIcon(), func() {
		u.clipboard().SetContent(u.sess.FiguresTSV(pageID))
		u.status(fmt.Sprintf("已复制 %d 项数据（制表符分隔，可直接粘贴到 Excel 或 WPS 表格）", n))
	})
	b.Importance = widget.LowImportance
	return b
}

// overviewIntro is a newspaper's headline and lead, and the note on the source.
func (u *UI) overviewIntro(m *session.PageModel) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	if m.Headline != "" {
		h := canvas.NewText("“"+m.Headline+"”", themeColour(colourMuted))
		h.TextSize = themeSize(theme.SizeNameSubHeadingText)
		out = append(out, h)
	}
	if m.Lead != "" {
		out = append(out, wrapped(m.Lead))
	}
	return append(out, mutedText(m.Caveat, theme.SizeNameCaptionText))
}

// sectionText is the verbatim text, its figures highlighted.
func (u *UI) sectionText(pn *panel, items []session.TextItem) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, it := range items {
		var t *textBlock
		switch {
		case it.Heading:
			t = u.highlighted(it.Section, it.Block, theme.SizeNameSubHeadingText, "")
		case it.Bullet:
			t = u.highlighted(it.Section, it.Block, theme.SizeNameText, "•  ")
		default:
			t = u.highlighted(it.Section, it.Block, theme.SizeNameText, "")
		}
		texts := pn.texts[it.Section]
		for len(texts) <= it.Block {
			texts = append(texts, nil)
		}
		texts[it.Block] = t
		pn.texts[it.Section] = texts
		out = append(out, t)
	}
	return out
}

// highlighted renders block i of a section with its figures in their colours.
func (u *UI) highlighted(s *report.Section, i int, size fyne.ThemeSizeName, prefix string) *textBlock {
	if size == theme.SizeNameSubHeadingText {
		return newTextBlock(size, textRun{text: s.Blocks()[i].Text, colour: colourHeading})
	}
	t := u.highlightedRange(s, i, 0, 0, prefix)
	t.size = size
	return t
}

// highlightedRange renders the bytes from..to of block i (all of it when both are 0),
// with its figures in their colours.
func (u *UI) highlightedRange(s *report.Section, i, from, to int, prefix string) *textBlock {
	text := s.Blocks()[i].Text
	if from == 0 && to == 0 {
		to = len(text)
	}
	var runs []textRun
	if prefix != "" {
		runs = append(runs, textRun{text: prefix})
	}
	at := from
	for _, sp := range u.sess.Spans(s, i) {
		if sp.End <= from || sp.Start >= to {
			continue
		}
		if sp.Start > at {
			runs = append(runs, textRun{text: text[at:sp.Start]})
		}
		runs = append(runs, textRun{text: text[max(sp.Start, from):min(sp.End, to)], colour: natureColour(sp.Figures[0].Nature), figure: true})
		at = min(sp.End, to)
	}
	if at < to {
		runs = append(runs, textRun{text: text[at:to]})
	}
	return newTextBlock(theme.SizeNameText, runs...)
}

// childLinks lists a section's parts as buttons, with how many figures each holds.
func (u *UI) childLinks(links []session.Link) fyne.CanvasObject {
	box := container.NewVBox()
	for _, l := range links {
		id := l.ID
		b := newButton(l.Label, nil, func() { u.sess.Go(id) })
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	return box
}

// targetsTable lays out the page's targets table.
func (u *UI) targetsTable(t *session.TargetTable) fyne.CanvasObject {
	cells := []fyne.CanvasObject{}
	for _, h := range t.Columns {
		// Headed by colour: the font has no bold face.
		cells = append(cells, newTextBlock(theme.SizeNameText, textRun{text: h, colour: theme.ColorNamePrimary}))
	}
	for _, row := range t.Rows {
		for i, c := range row.Cells {
			if i == 1 {
				value := newTextBlock(theme.SizeNameText, textRun{text: c, colour: natureColour(row.Figure.Nature), figure: true})
				value.px = themeSize(theme.SizeNameText) * 1.15
				cells = append(cells, value)
				continue
			}
			cells = append(cells, wrapped(c))
		}
	}
	// Text cells wrap: a long indicator name never makes the page wider than the window.
	return container.New(&tableLayout{cols: len(t.Columns)}, cells...)
}

// tableLayout lays cells out in rows, each column as wide as its widest cell, with a
// thin rule between rows. When the columns do not fit the width they are given, the
// wide ones are narrowed and their text cells wrap, so that a table never makes the
// page, and with it the window, wider than the screen.
type tableLayout struct {
	cols  int
	fill  bool    // the columns widen to the whole width (a slide's table)
	width float32 // the width it was last laid out at; its rows' heights depend on it
}

// natural is a cell's width on one line: a text cell's whole text, another cell's
// minimum.
func natural(o fyne.CanvasObject) float32 {
	if t, ok := o.(*textBlock); ok {
		return t.lineWidth(t.Text())
	}
	return o.MinSize().Width
}

// narrowest is the least width a cell takes: a text cell wraps down to four characters,
// or its whole text if shorter.
func narrowest(o fyne.CanvasObject) float32 {
	if t, ok := o.(*textBlock); ok {
		return min(natural(o), t.lineWidth("四个汉字"))
	}
	return o.MinSize().Width
}

// columns are the widths of the columns within a width: their natural widths if those
// fit; otherwise columns narrower than an even share keep theirs and the rest share
// what is left in proportion to their natural widths, none below its narrowest cell.
func (t *tableLayout) columns(objects []fyne.CanvasObject, width float32) []float32 {
	if t.cols <= 0 {
		return nil
	}
	nat, least := make([]float32, t.cols), make([]float32, t.cols)
	for i, o := range objects {
		c := i % t.cols
		nat[c], least[c] = max(nat[c], natural(o)), max(least[c], narrowest(o))
	}
	avail := width - float32(t.cols)*theme.Padding()
	total := float32(0)
	for _, w := range nat {
		total += w
	}
	if width <= 0 || total <= avail {
		if t.fill && width > 0 && total > 0 {
			out := make([]float32, t.cols)
			for c := range nat {
				out[c] = nat[c] * avail / total
			}
			return out
		}
		return nat
	}
	// The narrow columns keep their width, narrowest first, while each is within an even
	// share of what is left; the wide ones share the rest.
	order := make([]int, t.cols)
	for c := range order {
		order[c] = c
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(nat[a], nat[b]) })
	out := append([]float32(nil), nat...)
	left := avail
	for k, c := range order {
		if nat[c] <= left/float32(t.cols-k) {
			left -= nat[c]
			continue
		}
		// In proportion to their natural widths; a column whose share would be less
		// than its narrowest cell takes that, and the others share the rest.
		wide := order[k:]
		for {
			share := float32(0)
			for _, d := range wide {
				share += nat[d]
			}
			var still []int
			for _, d := range wide {
				if out[d] = left * nat[d] / share; out[d] < least[d] {
					out[d] = least[d]
				} else {
					still = append(still, d)
				}
			}
			if len(still) == len(wide) || len(still) == 0 {
				break
			}
			for _, d := range wide {
				if out[d] == least[d] && !slices.Contains(still, d) {
					left -= least[d]
				}
			}
			wide = still
		}
		break
	}
	return out
}

// rows lays the cells out at the columns' widths and returns each row's height.
func (t *tableLayout) rows(objects []fyne.CanvasObject, w []float32) []float32 {
	if t.cols <= 0 {
		return nil
	}
	var h []float32
	for i, o := range objects {
		c := i % t.cols
		if c == 0 {
			h = append(h, 0)
		}
		if o.Size().Width != w[c] {
			o.Resize(fyne.NewSize(w[c], o.MinSize().Height)) // learn the width
		}
		h[len(h)-1] = max(h[len(h)-1], o.MinSize().Height)
	}
	return h
}

func (t *tableLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if t.cols <= 0 {
		return fyne.Size{}
	}
	var sw, sh float32
	least := make([]float32, t.cols)
	for i, o := range objects {
		least[i%t.cols] = max(least[i%t.cols], narrowest(o))
	}
	for _, x := range least {
		sw += x + theme.Padding()
	}
	for _, y := range t.rows(objects, t.columns(objects, t.width)) {
		sh += y
	}
	return fyne.NewSize(sw, sh)
}

func (t *tableLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if t.cols <= 0 {
		return
	}
	t.width = size.Width
	w := t.columns(objects, size.Width)
	h := t.rows(objects, w)
	y := float32(0)
	for i, o := range objects {
		c, row := i%t.cols, i/t.cols
		x := float32(0)
		for k := 0; k < c; k++ {
			x += w[k] + theme.Padding()
		}
		if c == 0 && row > 0 {
			y += h[row-1]
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w[c], h[row]))
	}
}

// markFigure scrolls the current panel to a figure's card and marks it.
func (u *UI) markFigure(id string) bool {
	pn := u.cur
	if pn == nil {
		return false
	}
	c := pn.cards[id]
	if c == nil {
		return false
	}
	pn.unmark()
	c.mark(true)
	pn.marked = c
	u.scrollTo(c.root)
	return true
}

// markBlock scrolls the current panel to a block of verbatim text and marks it.
func (u *UI) markBlock(sec *report.Section, block int) bool {
	pn := u.cur
	if pn == nil {
		return false
	}
	texts := pn.texts[sec]
	if block >= len(texts) || texts[block] == nil {
		return false
	}
	pn.unmark()
	texts[block].mark(true)
	pn.markedText = texts[block]
	u.scrollTo(texts[block])
	return true
}

func (u *UI) scrollTo(o fyne.CanvasObject) {
	pn := u.cur
	if pos, ok := pn.offsetOf(o); ok {
		pn.moveTo(pn.box.Position().Y + pos - themeSize(theme.SizeNamePadding)*4)
	}
}

// flowLayout places cards in rows that use the page's whole width: as many columns as
// cards of the minimum width fit, each card stretched to share the row. A card's height
// depends on its width, so the layout learns the width when it is laid out.
type flowLayout struct {
	width float32
	cards []*figureCard
}

// columns is how many cards fit side by side at a width.
func (l *flowLayout) columns(width float32) int {
	minW := themeSize(theme.SizeNameText) * cardWidthEms
	return max(1, int((width+theme.Padding())/(minW+theme.Padding())))
}

// cardWidth is the width each card takes at a page width.
func (l *flowLayout) cardWidth(width float32) float32 {
	n := float32(l.columns(width))
	return (width - (n-1)*theme.Padding()) / n
}

func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	minW := themeSize(theme.SizeNameText) * cardWidthEms
	return fyne.NewSize(minW, l.height(max(l.width, minW)))
}

// height is the height the cards need at a width.
func (l *flowLayout) height(width float32) float32 {
	cols, cw := l.columns(width), l.cardWidth(width)
	h := float32(0)
	for i := 0; i < len(l.cards); i += cols {
		rh := float32(0)
		for _, c := range l.cards[i:min(i+cols, len(l.cards))] {
			rh = max(rh, c.heightAt(cw))
		}
		if i > 0 {
			h += theme.Padding()
		}
		h += rh
	}
	return h
}

func (l *flowLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	cols, cw := l.columns(size.Width), l.cardWidth(size.Width)
	y := float32(0)
	for i := 0; i < len(l.cards); i += cols {
		row := l.cards[i:min(i+cols, len(l.cards))]
		rh := float32(0)
		for _, c := range row {
			rh = max(rh, c.heightAt(cw))
		}
		x := float32(0)
		for _, c := range row {
			c.root.Move(fyne.NewPos(x, y))
			c.root.Resize(fyne.NewSize(cw, rh))
			x += cw + theme.Padding()
		}
		y += rh + theme.Padding()
	}
}

// wheelLines is how many lines of text one notch of the mouse wheel scrolls.
const wheelLines = 3

// fyneNotch is how far Fyne's driver scrolls for one notch of the wheel on Windows and
// Linux.
const fyneNotch = 25

// pageScroll is a page's scroll area: one notch of the mouse wheel moves three lines of
// text, rather than Fyne's 25 units, which are about one line.
type pageScroll struct {
	container.Scroll
}

func newPageScroll(content fyne.CanvasObject) *pageScroll {
	s := &pageScroll{}
	s.Content = content
	s.Direction = container.ScrollVerticalOnly
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled scales the wheel's movement to three lines a notch.
func (s *pageScroll) Scrolled(ev *fyne.ScrollEvent) {
	line := lineHeight(themeSize(theme.SizeNameText))
	ev.Scrolled.DY *= wheelLines * line / fyneNotch
	s.Scroll.Scrolled(ev)
}
