package views

import (
	"fmt"

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
	scroll *container.Scroll
	box    *fyne.Container
	cards  map[string]*figureCard
	order  []*figureCard
	charts []*chartView
	texts  map[*report.Section][]*textBlock // verbatim blocks by section, in block order
	marked *figureCard
}

func (p *panel) unmark() {
	if p.marked != nil {
		p.marked.mark(false)
		p.marked = nil
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
}

func (l *pageLayout) spacing() float32 { return theme.Padding() }

func (l *pageLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objects {
		if o.Visible() {
			m := o.MinSize()
			w, h = max(w, m.Width), h+m.Height
			n++
		}
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
		if !o.Visible() {
			continue
		}
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
	if p.Section == nil {
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
		parts = append(parts, u.targetsTable(m.Table))
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
		parts = append(parts, container.New(&flowLayout{width: 900}, cards...))
	}
	if len(m.Charts) > 0 {
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
	pn.box = container.New(&pageLayout{onHeight: u.relayout}, parts...)
	pn.scroll = container.NewVScroll(container.NewPadded(pn.box))
	pn.root = pn.scroll
	return pn
}

// header is the page title and the line above it: where the page sits in the report,
// or the meeting and the source on the overview.
func (u *UI) header(m *session.PageModel) []fyne.CanvasObject {
	title := canvas.NewText(m.Title, themeColour(colourHeading))
	title.TextSize = themeSize(theme.SizeNameHeadingText)
	if len([]rune(title.Text)) > 24 { // long part titles wrap rather than run off the page
		h := widget.NewRichText(&widget.TextSegment{Text: title.Text, Style: widget.RichTextStyle{
			ColorName: colourHeading, SizeName: theme.SizeNameSubHeadingText}})
		h.Wrapping = fyne.TextWrapWord
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
	text := s.Blocks()[i].Text
	if size == theme.SizeNameSubHeadingText {
		return newTextBlock(size, textRun{text: text, colour: colourHeading})
	}
	var runs []textRun
	if prefix != "" {
		runs = append(runs, textRun{text: prefix})
	}
	at := 0
	for _, sp := range u.sess.Spans(s, i) {
		if sp.Start > at {
			runs = append(runs, textRun{text: text[at:sp.Start]})
		}
		runs = append(runs, textRun{text: text[sp.Start:sp.End], colour: natureColour(sp.Figures[0].Nature), figure: true})
		at = sp.End
	}
	if at < len(text) {
		runs = append(runs, textRun{text: text[at:]})
	}
	return newTextBlock(size, runs...)
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
		l := widget.NewLabel(h) // headed by colour: the font has no bold face
		l.Importance = widget.HighImportance
		cells = append(cells, l)
	}
	for _, row := range t.Rows {
		for i, c := range row.Cells {
			if i == 1 {
				value := canvas.NewText(c, themeColour(natureColour(row.Figure.Nature)))
				value.TextSize = themeSize(theme.SizeNameText) * 1.15
				cells = append(cells, container.NewPadded(value))
				continue
			}
			cells = append(cells, widget.NewLabel(c))
		}
	}
	return container.New(&tableLayout{cols: len(t.Columns)}, cells...)
}

// tableLayout lays cells out in rows, each column as wide as its widest cell, with a
// thin rule between rows.
type tableLayout struct{ cols int }

func (t *tableLayout) widths(objects []fyne.CanvasObject) ([]float32, []float32) {
	w := make([]float32, t.cols)
	var h []float32
	for i, o := range objects {
		m := o.MinSize()
		w[i%t.cols] = max(w[i%t.cols], m.Width)
		if i%t.cols == 0 {
			h = append(h, 0)
		}
		h[len(h)-1] = max(h[len(h)-1], m.Height)
	}
	return w, h
}

func (t *tableLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w, h := t.widths(objects)
	var sw, sh float32
	for _, x := range w {
		sw += x + theme.Padding()
	}
	for _, y := range h {
		sh += y
	}
	return fyne.NewSize(sw, sh)
}

func (t *tableLayout) Layout(objects []fyne.CanvasObject, _ fyne.Size) {
	w, h := t.widths(objects)
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

// markBlock scrolls the current panel to a block of verbatim text.
func (u *UI) markBlock(sec *report.Section, block int) bool {
	pn := u.cur
	if pn == nil {
		return false
	}
	texts := pn.texts[sec]
	if block >= len(texts) || texts[block] == nil {
		return false
	}
	u.scrollTo(texts[block])
	return true
}

func (u *UI) scrollTo(o fyne.CanvasObject) {
	pn := u.cur
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(pn.box).Y
	pn.scroll.ScrollToOffset(fyne.NewPos(0, max(0, pos-themeSize(theme.SizeNamePadding)*4)))
}

// flowLayout places cards left to right in rows, each row as tall as its tallest card.
// Its height depends on its width, which it learns when laid out.
type flowLayout struct {
	width float32
}

func (l *flowLayout) rows(objects []fyne.CanvasObject, width float32) (rows [][]fyne.CanvasObject) {
	pad := theme.Padding()
	var row []fyne.CanvasObject
	x := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(row) > 0 && x+w > width {
			rows = append(rows, row)
			row, x = nil, 0
		}
		row = append(row, o)
		x += w + pad
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, l.height(objects, max(w, l.width)))
}

// height is the height the cards need at a width.
func (l *flowLayout) height(objects []fyne.CanvasObject, width float32) float32 {
	h := float32(0)
	for i, row := range l.rows(objects, width) {
		rh := float32(0)
		for _, o := range row {
			rh = max(rh, o.MinSize().Height)
		}
		if i > 0 {
			h += theme.Padding()
		}
		h += rh
	}
	return h
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	y := float32(0)
	for _, row := range l.rows(objects, size.Width) {
		rh := float32(0)
		for _, o := range row {
			rh = max(rh, o.MinSize().Height)
		}
		x := float32(0)
		for _, o := range row {
			m := o.MinSize()
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(m.Width, rh))
			x += m.Width + theme.Padding()
		}
		y += rh + theme.Padding()
	}
}
