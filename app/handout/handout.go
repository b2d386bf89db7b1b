// Package handout writes the meeting's paper: an A4 PDF of the open report for each
// participant to read before the meeting and write on during it. It is built from the
// session's page models and chart specs, as the screen and the workbook are: a cover,
// the headline figures as cards, last year's targets against their results, this
// year's targets, each section's charts and figures, and the rules and qualifiers.
//
// Chinese text is set in the embedded font, embedded in the file as a subset of the
// characters used, so that the PDF prints the same on any office PC. Charts are drawn
// at about 200 dpi. Page numbers and the report's title are in the footer; no table row
// is split across pages, and a table that continues repeats its header. Verdicts are
// written in words as well as in colour, for black-and-white printers.
package handout

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"workreport/app/chart"
	"workreport/app/compare"
	"workreport/app/palette"
	"workreport/app/report"
	"workreport/app/safefile"
	"workreport/app/session"
	"workreport/app/zhtext"
	"workreport/resources"
)

// Page geometry, in millimetres, and type sizes, in points.
const (
	pageW, pageH   = 210.0, 297.0
	margin         = 15.0
	footerH        = 12.0
	contentW       = pageW - 2*margin
	bottom         = pageH - margin - footerH
	sizeTitle      = 24.0
	sizeHeading    = 15.0
	sizeSubheading = 12.0
	sizeBody       = 10.0
	sizeSmall      = 8.5
	sizeValue      = 17.0
	cellPad        = 1.6
	fontName       = "wqy"
)

// chartDPI is the resolution charts are drawn at: sharp on a laser printer.
const chartDPI = 200

// Doc is a handout as written: its PDF and the text of each page, in reading order,
// for the tests and for finding a figure in it.
type Doc struct {
	PDF   []byte
	Pages [][]string
}

// Text is all the text of the handout, page after page.
func (d *Doc) Text() string {
	var b strings.Builder
	for _, p := range d.Pages {
		for _, s := range p {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Save writes the handout of the session's report to path, atomically: a failure leaves
// any earlier file of that name as it was. It returns the path written (with .pdf).
func Save(path string, s *session.Session, now time.Time) (string, error) {
	if !strings.EqualFold(strings.TrimSpace(pathExt(path)), ".pdf") {
		path += ".pdf"
	}
	doc, err := Build(s, now)
	if err != nil {
		return "", err
	}
	if err := safefile.Write(path, func(w io.Writer) error { _, err := w.Write(doc.PDF); return err }); err != nil {
		return "", err
	}
	return path, nil
}

func pathExt(p string) string {
	if i := strings.LastIndexAny(p, `./\`); i >= 0 && p[i] == '.' {
		return p[i:]
	}
	return ""
}

// Build lays the handout out and writes its PDF in memory.
func Build(s *session.Session, now time.Time) (*Doc, error) {
	r := s.Report()
	d := newWriter(r, now)
	d.cover(s, now)
	d.headline(s)
	for _, p := range s.Pages() {
		if v := s.Verdicts(p.ID); v != nil {
			d.verdicts(s, p.ID, v)
		}
	}
	for _, p := range s.Pages() {
		if p.Section == nil {
			continue
		}
		m := s.Model(p.ID)
		if m.Table != nil && len(m.Table.Rows) > 0 {
			d.targets(m)
			for _, c := range s.Charts(p.ID) {
				d.chart(c)
			}
		}
	}
	for _, p := range s.Pages() {
		if p.Section == nil || p.Section.Article {
			continue
		}
		if m := s.Model(p.ID); m.Table != nil && len(m.Table.Rows) > 0 {
			continue // its targets are in the table above, with its charts
		}
		d.section(s, p)
	}
	d.rules()
	if d.err == nil {
		d.err = d.pdf.Error()
	}
	if d.err != nil {
		return nil, fmt.Errorf("无法生成会议材料：%w", d.err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("无法生成会议材料：%w", err)
	}
	return &Doc{PDF: buf.Bytes(), Pages: d.pages}, nil
}

// writer lays the handout out.
type writer struct {
	pdf   *fpdf.Fpdf
	r     *report.Report
	pages [][]string
	err   error
	n     int // images registered
}

func newWriter(r *report.Report, now time.Time) *writer {
	now = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location()) // the export date, as the cover gives it
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin+footerH)
	pdf.AddUTF8FontFromBytes(fontName, "", resources.FontTTF)
	pdf.SetTitle(r.Title+" · 会议材料", true)
	pdf.SetCreator("WorkReport", true)
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	pdf.SetCompression(true)
	w := &writer{pdf: pdf, r: r}
	pdf.SetFooterFunc(func() {
		pdf.SetY(pageH - margin - 4)
		pdf.SetFont(fontName, "", sizeSmall)
		w.colour(palette.Muted)
		page := fmt.Sprintf("第 %d 页", pdf.PageNo())
		title := w.lines(r.Title+" · 会议材料", contentW*0.75, 1)[0]
		pdf.CellFormat(contentW*0.75, 5, title, "", 0, "L", false, 0, "")
		pdf.CellFormat(contentW*0.25, 5, page, "", 0, "R", false, 0, "")
		w.note(title)
		w.note(page)
		w.colour(palette.Ink)
	})
	return w
}

func (w *writer) colour(c palette.Colour) {
	w.pdf.SetTextColor(int(c.RGBA.R), int(c.RGBA.G), int(c.RGBA.B))
}

func (w *writer) newPage() {
	w.pdf.AddPage()
	w.pages = append(w.pages, nil)
}

// note records text drawn on the current page.
func (w *writer) note(s string) {
	if len(w.pages) == 0 {
		w.pages = append(w.pages, nil)
	}
	w.pages[len(w.pages)-1] = append(w.pages[len(w.pages)-1], s)
}

// room starts a new page unless h millimetres are left on this one.
func (w *writer) room(h float64) {
	if len(w.pages) == 0 || w.pdf.GetY()+h > bottom {
		w.newPage()
	}
}

// lines breaks text to a width at the current font, at most max lines (0: no limit),
// the last cut with … when the text is longer.
func (w *writer) lines(text string, width float64, max int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		if para == "" {
			out = append(out, "")
			continue
		}
		out = append(out, w.split(para, width)...)
	}
	if max > 0 && len(out) > max {
		out = out[:max]
		last := []rune(out[max-1])
		for len(last) > 0 && w.pdf.GetStringWidth(string(last)+"…") > width {
			last = last[:len(last)-1]
		}
		out[max-1] = string(last) + "…"
	}
	return out
}

// split breaks a paragraph into lines of a width as the screen does: between any two
// Chinese characters but never inside a printed figure or a Latin word, nor before
// closing punctuation. (fpdf's SplitText drops the character at a break in text
// without spaces.) A piece wider than a line is broken between its characters.
func (w *writer) split(text string, width float64) []string {
	var lines []string
	var cur strings.Builder
	x := 0.0
	flush := func() {
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
			cur.Reset()
			x = 0
		}
	}
	pieces := zhtext.Pieces(text)
	for i := 0; i < len(pieces); {
		// A cluster: a piece and those glued to it.
		j := i + 1
		for j < len(pieces) && pieces[j].Glue {
			j++
		}
		cluster := ""
		for _, p := range pieces[i:j] {
			cluster += p.Text
		}
		cw := w.pdf.GetStringWidth(cluster)
		if x > 0 && x+cw > width {
			flush()
		}
		if cw > width {
			for _, r := range cluster {
				rw := w.pdf.GetStringWidth(string(r))
				if x > 0 && x+rw > width {
					flush()
				}
				cur.WriteRune(r)
				x += rw
			}
		} else {
			cur.WriteString(cluster)
			x += cw
		}
		i = j
	}
	flush()
	return lines
}

// para writes wrapped text at the current position, in a size and colour.
func (w *writer) para(text string, size float64, c palette.Colour) {
	w.pdf.SetFont(fontName, "", size)
	w.colour(c)
	lh := size * 0.5
	for _, l := range w.lines(text, contentW, 0) {
		w.room(lh)
		w.pdf.SetX(margin)
		w.pdf.CellFormat(contentW, lh, l, "", 1, "L", false, 0, "")
		w.note(l)
	}
	w.colour(palette.Ink)
}

// heading starts a part of the handout: on a new page, or below what is there when
// at least need millimetres remain.
func (w *writer) heading(text string, need float64) {
	w.room(need + 14)
	if w.pdf.GetY() > margin+1 {
		w.pdf.Ln(4)
	}
	w.para(text, sizeHeading, palette.Heading)
	y := w.pdf.GetY() + 1
	w.pdf.SetDrawColor(200, 208, 220)
	w.pdf.Line(margin, y, pageW-margin, y)
	w.pdf.SetY(y + 3)
}

func (w *writer) cover(s *session.Session, now time.Time) {
	r := s.Report()
	w.newPage()
	w.pdf.SetY(70)
	w.para(r.Title, sizeTitle, palette.Heading)
	w.pdf.Ln(4)
	w.para("会议材料", sizeSubheading+2, palette.Muted)
	w.pdf.Ln(14)
	place := r.Place
	if place == "" {
		place = "地区未填写"
	}
	year := "年份未填写"
	if r.Year > 0 {
		year = fmt.Sprintf("%d年", r.Year)
	}
	w.para(place+" · "+year+" · "+string(r.Source.Kind), sizeSubheading, palette.Ink)
	for _, l := range s.About()[1:] {
		if strings.HasPrefix(l, "报告文件：") {
			continue
		}
		w.pdf.Ln(2)
		w.para(l, sizeBody, palette.Muted)
	}
	w.pdf.Ln(6)
	if n := r.Unconfirmed(); n > 0 {
		w.para(fmt.Sprintf("未审核 %d 项：这些数据由软件识别，尚未经人核对，表中标有“未审核”。", n), sizeSubheading, palette.Missed)
	} else {
		w.para("已审核：全部数据经人核对。", sizeSubheading, palette.Ink)
	}
	w.pdf.Ln(6)
	w.para(fmt.Sprintf("导出日期：%d年%d月%d日", now.Year(), int(now.Month()), now.Day()), sizeBody, palette.Muted)
}

// headline draws the overview's cards, two to a row.
func (w *writer) headline(s *session.Session) {
	m := s.Model(session.OverviewID)
	if len(m.Cards) == 0 {
		return
	}
	w.newPage()
	w.heading(m.CardsTitle, 40)
	const gap, cardH = 4.0, 36.0
	cw := (contentW - gap) / 2
	y := 0.0
	for i, c := range m.Cards {
		if i%2 == 0 {
			w.room(cardH + gap)
			y = w.pdf.GetY()
		}
		w.card(c, margin+float64(i%2)*(cw+gap), y, cw, cardH)
		w.pdf.SetY(y + cardH + gap)
	}
}

// card draws one figure's card: the value with its qualifier, the indicator, what
// qualifies it and a short quote.
func (w *writer) card(c session.Card, x, y, cw, ch float64) {
	p := w.pdf
	p.SetDrawColor(213, 221, 232)
	p.SetFillColor(247, 249, 252)
	if c.Unconfirmed {
		p.SetFillColor(255, 246, 221)
	}
	p.RoundedRect(x, y, cw, ch, 2, "1234", "FD")
	in := x + 3
	width := cw - 6
	at := y + 3
	line := func(text string, size float64, col palette.Colour, max int) {
		p.SetFont(fontName, "", size)
		w.colour(col)
		for _, l := range w.lines(text, width, max) {
			p.SetXY(in, at)
			p.CellFormat(width, size*0.45, l, "", 0, "L", false, 0, "")
			w.note(l)
			at += size * 0.45
		}
		at += 0.8
	}
	line(c.Value, sizeValue, natureColour(c.Figure), 1)
	line(c.Indicator, sizeBody, palette.Heading, 1)
	if c.Comparison != "" {
		line(c.Comparison, sizeSmall, palette.Ink, 1)
	}
	if c.Excerpt != "" {
		line("“"+c.Excerpt+"”", sizeSmall, palette.Muted, 2)
	}
	badge := c.Badge
	if c.Unconfirmed {
		badge += " · 未审核"
	}
	p.SetFont(fontName, "", sizeSmall)
	w.colour(palette.Muted)
	p.SetXY(in, y+ch-5)
	p.CellFormat(width, 4, badge, "", 0, "L", false, 0, "")
	w.note(badge)
	w.colour(palette.Ink)
}

func natureColour(f *report.Figure) palette.Colour {
	if f == nil {
		return palette.Ink
	}
	switch f.Nature {
	case report.Target:
		return targetText
	case report.Qualitative:
		return palette.Muted
	case report.Derived:
		return palette.Derived
	}
	return palette.Result
}

// column is a table column: its width in millimetres and its alignment.
type column struct {
	head  string
	width float64
	align string
}

// cell is a table cell: its text and colour.
type cell struct {
	text string
	col  palette.Colour
}

// table draws rows under a header, never splitting a row across pages and repeating
// the header on each page it continues to.
func (w *writer) table(cols []column, rows [][]cell, size float64) {
	p := w.pdf
	lh := size * 0.45
	header := func() {
		p.SetFont(fontName, "", size)
		h := 0.0
		var texts [][]string
		for _, c := range cols {
			ls := w.lines(c.head, c.width-2*cellPad, 0)
			texts = append(texts, ls)
			h = max(h, float64(len(ls))*lh+2*cellPad)
		}
		y := p.GetY()
		x := margin
		p.SetFillColor(238, 242, 247)
		for i, c := range cols {
			p.Rect(x, y, c.width, h, "F")
			w.colour(palette.Heading)
			for k, l := range texts[i] {
				p.SetXY(x+cellPad, y+cellPad+float64(k)*lh)
				p.CellFormat(c.width-2*cellPad, lh, l, "", 0, c.align, false, 0, "")
				w.note(l)
			}
			x += c.width
		}
		p.SetY(y + h)
		w.colour(palette.Ink)
	}
	// A row never takes more than half a page: its longest cells are cut with …, so that
	// a row always fits below the header on a new page.
	maxLines := int((bottom - margin) / 2 / lh)
	w.room(3 * lh * 2)
	header()
	for _, row := range rows {
		p.SetFont(fontName, "", size)
		h := 0.0
		var texts [][]string
		for i, c := range cols {
			ls := w.lines(row[i].text, c.width-2*cellPad, maxLines)
			texts = append(texts, ls)
			h = max(h, float64(len(ls))*lh+2*cellPad)
		}
		if p.GetY()+h > bottom {
			w.newPage()
			header()
		}
		y := p.GetY()
		x := margin
		for i, c := range cols {
			w.colour(row[i].col)
			for k, l := range texts[i] {
				p.SetXY(x+cellPad, y+cellPad+float64(k)*lh)
				p.CellFormat(c.width-2*cellPad, lh, l, "", 0, c.align, false, 0, "")
				w.note(l)
			}
			x += c.width
		}
		p.SetDrawColor(220, 226, 234)
		p.Line(margin, y+h, margin+tableWidth(cols), y+h)
		p.SetY(y + h)
	}
	w.colour(palette.Ink)
	p.Ln(2)
}

func tableWidth(cols []column) float64 {
	t := 0.0
	for _, c := range cols {
		t += c.width
	}
	return t
}

// chart draws a chart at the full width, at chartDPI.
func (w *writer) chart(spec *chart.Spec) {
	if w.err != nil || spec == nil || w.pdf.Err() {
		return
	}
	const logical = float64(chart.SlideWidth)
	px := contentW / 25.4 * chartDPI
	k := px / logical
	hLogical := chart.NaturalHeight(spec, logical)
	if hLogical <= 0 {
		return
	}
	img, err := chart.Render(spec, int(px), int(hLogical*k), k)
	if err != nil {
		w.para("（图表“"+spec.Title+"”无法绘制："+err.Error()+"）", sizeSmall, palette.Missed)
		return
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		w.err = err
		return
	}
	w.n++
	name := fmt.Sprintf("chart%d", w.n)
	w.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	hmm := contentW * hLogical / logical
	if hmm > bottom-margin {
		hmm = bottom - margin
	}
	w.room(hmm + 2)
	y := w.pdf.GetY()
	w.pdf.ImageOptions(name, margin, y, contentW*hmm/(contentW*hLogical/logical), hmm, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	w.pdf.SetY(y + hmm + 3)
	w.note("图表：" + spec.Title)
}

// verdicts is a page of last year's targets against their results.
func (w *writer) verdicts(s *session.Session, id string, v *session.VerdictTable) {
	w.newPage()
	w.heading(s.Page(id).Title, 30)
	w.para(v.Summary(), sizeBody, palette.Ink)
	if v.Context != "" {
		w.para(fmt.Sprintf("%d年报告的总体评价（仅作背景，不作为任何一项的判定）：“%s”", v.Year+1, v.Context), sizeSmall, palette.Muted)
	}
	w.pdf.Ln(2)
	cols := []column{{"指标", 38, "L"}, {"目标", 26, "L"}, {"实绩", 26, "L"}, {"判定", 18, "L"}, {"差距", 16, "L"}, {"来源", 14, "L"}, {"说明", 42, "L"}}
	var rows [][]cell
	for _, l := range v.Lines() {
		note := l.Note
		if r := []rune(note); len(r) > 60 {
			note = string(r[:60]) + "…"
		}
		rows = append(rows, []cell{{l.Indicator, palette.Heading}, {l.Target, targetText}, {l.Result, palette.Result},
			{verdictWord(l), chart.VerdictColour(v.Rows[l.Row].Verdict)}, {l.Gap, palette.Ink}, {l.Source, palette.Muted}, {note, palette.Muted}})
	}
	w.table(cols, rows, sizeSmall)
	w.para("判定规则（摘要）", sizeSubheading, palette.Heading)
	for i, rule := range v.Rules {
		if i == 4 {
			w.para("……完整规则见最后一页。", sizeSmall, palette.Muted)
			break
		}
		w.para(fmt.Sprintf("%d. %s", i+1, rule), sizeSmall, palette.Muted)
	}
	for _, c := range s.Charts(id) {
		w.chart(c)
	}
}

// verdictWord is the verdict in words, which carry it on a black-and-white printer.
func verdictWord(l session.VerdictLine) string { return l.Verdict }

// targets is the main-targets table with the previous year's results.
func (w *writer) targets(m *session.PageModel) {
	w.newPage()
	w.heading(m.Title, 30)
	t := m.Table
	widths := []float64{62, 44, 18, 14, 42}
	var cols []column
	for i, h := range t.Columns {
		wd := 30.0
		if i < len(widths) {
			wd = widths[i]
		}
		cols = append(cols, column{h, wd, "L"})
	}
	scaleColumns(cols)
	var rows [][]cell
	for _, r := range t.Rows {
		var row []cell
		for i, c := range r.Cells {
			col := palette.Ink
			if i == 1 {
				col = natureColour(r.Figure)
			}
			row = append(row, cell{c, col})
		}
		rows = append(rows, row)
	}
	w.table(cols, rows, sizeBody)
}

// scaleColumns fits the columns to the width of the page.
func scaleColumns(cols []column) {
	t := tableWidth(cols)
	for i := range cols {
		cols[i].width *= contentW / t
	}
}

// section is a section's charts and a compact table of its figures.
func (w *writer) section(s *session.Session, p *session.Page) {
	figs := s.Figures(p.ID)
	if len(figs) == 0 {
		return
	}
	w.heading(p.Title, 40)
	for _, c := range s.Charts(p.ID) {
		w.chart(c)
	}
	cols := []column{{"指标", 50, "L"}, {"数值", 30, "L"}, {"限定", 14, "L"}, {"性质", 14, "L"}, {"原文", 72, "L"}}
	var rows [][]cell
	for _, f := range figs {
		nature := string(f.Nature)
		if !f.Confirmed() {
			nature += " 未审核"
		}
		rows = append(rows, []cell{{f.Indicator, palette.Heading}, {f.StriveText(), natureColour(f)},
			{f.Bound, palette.Ink}, {nature, palette.Muted}, {excerpt(f), palette.Muted}})
	}
	w.table(cols, rows, sizeSmall)
}

// excerpt is the figure's sentence around its words, shortened with ….
func excerpt(f *report.Figure) string {
	if at, end, ok := f.PhraseAt(); ok {
		return zhtext.Excerpt(f.Sentence, at, end, 40)
	}
	if utf8.RuneCountInString(f.Sentence) > 40 {
		return string([]rune(f.Sentence)[:40]) + "…"
	}
	return f.Sentence
}

// rules is the last page: the rules the verdicts follow, and the qualifiers' meanings.
func (w *writer) rules() {
	w.newPage()
	w.heading("判定规则", 30)
	for i, rule := range compare.AllRules() {
		w.para(fmt.Sprintf("%d. %s", i+1, rule), sizeSmall, palette.Ink)
	}
	w.heading("限定词的含义", 30)
	var rows [][]cell
	for _, g := range zhtext.Glossary {
		rows = append(rows, []cell{{g.Words, palette.Heading}, {g.Meaning, palette.Ink}})
	}
	w.table([]column{{"限定词", 50, "L"}, {"含义", contentW - 50, "L"}}, rows, sizeSmall)
}

// targetText writes targets: a shade darker than the charts' orange, for text on paper.
var targetText = palette.Colour{RGBA: color.NRGBA{R: 0xb3, G: 0x50, B: 0x0f, A: 0xff}, Hex: "B3500F"}
