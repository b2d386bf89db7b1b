package session

import (
	"fmt"
	"strings"

	"workreport/app/chart"
	"workreport/app/report"
	"workreport/app/zhtext"
)

// PageModel is everything a panel shows, decided here so that the views only lay it out:
// its heading, the text around it, the targets table, the figure cards, the charts, the
// verbatim text and the links to its parts.
type PageModel struct {
	Page  *Page
	Title string // the heading: the report's title on the overview, else the section's
	Where string // the line above the heading: where the page sits, or the meeting and source

	Headline string // a newspaper's headline, on the overview
	Lead     string // a newspaper's lead paragraph, on the overview and the press report
	Caveat   string // what the reader must know about the source, on the overview
	Note     string // an editor's note about the section
	Article  bool   // a press report: its text comes first, its figures after

	Table      *TargetTable
	Verdicts   *VerdictTable // a page of last year's targets against their results
	Trend      *TrendTable   // the page of an indicator over the years
	Benchmark  *BenchTable   // the page of the year's targets of different places
	CardsTitle string        // 主要数据（7 项）, 数据（18 项）
	Cards      []Card
	Charts     []*chart.Spec
	Text       []TextItem // the verbatim text, its figures to be highlighted
	Children   []Link     // the page's parts
}

// Card is one figure's card.
type Card struct {
	Figure      *report.Figure
	Value       string // the value as printed: 超2600家, 6.5%－7%, ≈1360.4亿元
	Indicator   string
	Badge       string // the nature, so that a target is never mistaken for a result
	Comparison  string // what qualifies it: 增长3.3%，增速全省第2（建市以来最高排位）
	Notes       []string
	Excerpt     string // the source sentence around the figure, cut at clause marks
	Unconfirmed bool   // no person has confirmed the figure yet
}

// TargetTable lists the targets of a page beside the results they are paired with.
type TargetTable struct {
	Columns []string
	Rows    []TargetRow
}

// TargetRow is one target: its cells in the order of the columns.
type TargetRow struct {
	Figure *report.Figure
	Cells  []string // 指标, target as printed, 限定, 力争, paired result as printed
}

// TextItem is one block of a section's verbatim text.
type TextItem struct {
	Section  *report.Section
	Block    int
	Heading  bool // a sub-section's title
	Bullet   bool // an item of the report's own text, set as a list
	From, To int  // a part of the block's text, in bytes, when it is split over slides; 0, 0 for all of it
}

// Link is a link to another page, with how many figures it holds.
type Link struct {
	ID    string
	Label string
}

// Model returns the model of a page, or nil if there is no such page.
func (s *Session) Model(id string) *PageModel {
	p := s.byID[id]
	if p == nil {
		return nil
	}
	r := s.Report()
	m := &PageModel{Page: p, Title: p.Title}
	if v := s.Verdicts(id); v != nil {
		m.Where = fmt.Sprintf("%s › 据%s", v.Prev.Title, v.Sources())
		m.Verdicts = v
		m.Charts = s.Charts(id)
		return m
	}
	if b := s.Benchmark(); b != nil && id == BenchmarkID {
		m.Title = fmt.Sprintf("对标：%d年目标", b.Year)
		m.Where = "报告库中同一年份的报告：" + strings.Join(b.Places, "、")
		m.Benchmark = b
		m.Charts = s.Charts(id)
		return m
	}
	if t := s.Trend(); t != nil && id == TrendID {
		m.Title = t.Place + t.Indicator + "：历年目标与实绩"
		m.Where = fmt.Sprintf("据报告库中%s的 %d 份报告", t.Place, t.Reports)
		if t.Bulletins > 0 {
			m.Where += fmt.Sprintf("和 %d 份统计公报", t.Bulletins)
		}
		m.Trend = t
		m.Charts = s.Charts(id)
		return m
	}
	switch {
	case p.Section == nil:
		m.Title = r.Title
		m.Where = sourceLine(r)
		m.Headline, m.Lead = r.Headline, r.Lead
		m.Caveat = caveat(r)
	case p.Section.Parent != nil:
		m.Where = r.Title + " › " + strings.Join(p.Section.Parent.Path(), " › ")
	default:
		m.Where = r.Title
	}
	if p.Section != nil {
		m.Note = p.Section.Note
		m.Article = p.Section.Top().Article
		if m.Article {
			m.Lead = r.Lead
		}
	}
	figs := s.Figures(id)
	m.Table = s.targetTable(figs)
	if len(figs) > 0 {
		title := "数据"
		if p.Section == nil {
			title = "主要数据"
		}
		m.CardsTitle = fmt.Sprintf("%s（%d 项）", title, len(figs))
		for _, f := range figs {
			m.Cards = append(m.Cards, s.card(f, p))
		}
	}
	m.Charts = s.Charts(id)
	if p.Section != nil {
		m.Text = sectionText(p.Section, len(p.Children) > 0)
	}
	for _, cid := range p.Children {
		c := s.byID[cid]
		label := c.Title
		if n := len(s.Figures(cid)); n > 0 {
			label += fmt.Sprintf("（%d 项数据）", n)
		}
		m.Children = append(m.Children, Link{ID: cid, Label: label})
	}
	return m
}

// sourceLine is the overview's line above the title: the meeting, its date and what the
// text is.
func sourceLine(r *report.Report) string {
	var parts []string
	for _, p := range []string{r.Source.Meeting, r.Source.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	switch r.Source.Kind {
	case report.Digest:
		parts = append(parts, r.Source.Publication+"摘录和图解")
	case report.Excerpt:
		parts = append(parts, "报告节选")
	case report.Official:
		if r.Source.Extract != "" {
			parts = append(parts, "报告原文中经审核的部分")
		} else {
			parts = append(parts, "报告全文")
		}
	case report.Bulletin:
		if r.Source.Extract != "" {
			parts = append(parts, "公报原文中经审核的部分")
		}
	}
	return strings.Join(parts, " · ")
}

// About is what the About dialog says of the open report, each line only from the
// report's own fields: its title; its meeting, date and what the text is; its source
// and what that means for its figures; the file it was read from.
func (s *Session) About() []string {
	r := s.Report()
	lines := []string{"当前报告：" + r.Title}
	if l := sourceLine(r); l != "" {
		lines = append(lines, l)
	}
	lines = append(lines, caveat(r))
	if p := s.ReportPath(); p != "" {
		lines = append(lines, "报告文件："+p)
	}
	return lines
}

// caveat is the overview's note on the source and on the software's own numbers.
func caveat(r *report.Report) string {
	var b strings.Builder
	b.WriteString("来源：")
	if r.Source.Publication != "" {
		b.WriteString(r.Source.Publication + "，")
	}
	b.WriteString(string(r.Source.Kind) + "。")
	if c := r.Source.Caveat(); c != "" {
		b.WriteString(c + "。")
	}
	if r.Source.Note != "" && !strings.Contains(r.Source.Caveat(), r.Source.Note) {
		b.WriteString(r.Source.Note + "。")
	}
	b.WriteString("标“推算”的数字由软件计算，报告中没有。")
	if n := r.Unconfirmed(); n > 0 {
		b.WriteString(fmt.Sprintf("有 %d 项数据由软件识别、尚未经人核对，卡片上标有“未审核”。", n))
	}
	return b.String()
}

// excerptRunes is how long a card's excerpt of the source sentence may be.
const excerptRunes = 30

// card is a figure's card as shown on page p.
func (s *Session) card(f *report.Figure, p *Page) Card {
	r := s.Report()
	c := Card{Figure: f, Value: f.ValueText(), Indicator: f.Indicator, Badge: string(f.Nature),
		Comparison: r.Comparison(f), Unconfirmed: !f.Confirmed()}
	if of := r.Qualifies(f); of != nil {
		note := "说明：" + of.Indicator + " " + of.ValueText()
		if c.Comparison != "" {
			c.Comparison += "；" + note
		} else {
			c.Comparison = note
		}
	}
	switch {
	case f.Strive != "":
		c.Notes = append(c.Notes, "力争目标（原文“"+f.Strive+"”）")
	case f.Nature == report.Threshold:
		c.Notes = append(c.Notes, "门槛：界定一类对象的标准，不是目标")
	case f.Nature == report.Derived && f.Formula != nil:
		c.Notes = append(c.Notes, "推算：报告中没有这个数，由 "+f.Formula.Left.ValueText()+" "+f.Formula.Op+" "+
			f.Formula.Right.ValueText()+" 计算，"+report.Rounding)
	case f.Nature == report.Target && f.Direction == report.NoDirection:
		c.Notes = append(c.Notes, "计划安排数，不是要达到的目标")
	}
	if f.Basis != "" {
		c.Notes = append(c.Notes, "计算基础："+string(f.Basis))
	}
	if p.Section != nil && f.Period != p.Section.Period && !f.Period.IsZero() {
		c.Notes = append(c.Notes, "时期："+f.Period.Label())
	}
	if v := s.verdictOf(f); v != nil {
		note := fmt.Sprintf("完成情况（据%d年报告）：%s", report.JudgedIn(v.Year), v.VerdictText())
		if v.ResultText() != "" {
			note += "，实绩" + v.ResultText()
		}
		c.Notes = append(c.Notes, note)
	}
	if c.Unconfirmed {
		note := "未审核：由软件识别，尚未经人核对"
		if f.ReviewNote != "" {
			note += "（" + f.ReviewNote + "）"
		}
		c.Notes = append(c.Notes, note)
	}
	if at, end, ok := f.PhraseAt(); ok {
		c.Excerpt = zhtext.Excerpt(f.Sentence, at, end, excerptRunes)
	} else {
		c.Excerpt = zhtext.Excerpt(f.Sentence, 0, 0, excerptRunes)
	}
	return c
}

// targetTable lists a page's main targets beside their paired results, or nil when the
// page shows none. Its columns name the periods of the figures in it.
func (s *Session) targetTable(figs []*report.Figure) *TargetTable {
	r := s.Report()
	var targets []*report.Figure
	for _, f := range figs {
		if f.IsMainTarget() {
			targets = append(targets, f)
		}
	}
	if len(targets) == 0 {
		return nil
	}
	var results []*report.Figure
	for _, f := range targets {
		if p := r.Figure(f.Pair); p != nil && p.Nature == report.Result {
			results = append(results, p)
		}
	}
	t := &TargetTable{Columns: []string{report.FieldIndicator, report.CommonLabel(targets) + "目标", report.FieldBound, report.FieldStrive}}
	if len(results) > 0 {
		t.Columns = append(t.Columns, report.CommonLabel(results)+"实绩")
	}
	for _, f := range targets {
		row := TargetRow{Figure: f, Cells: []string{f.Indicator, f.ValueText(), f.Bound, f.Strive}}
		if len(results) > 0 {
			res := ""
			if p := r.Figure(f.Pair); p != nil && p.Nature == report.Result {
				res = p.ValueText()
			}
			row.Cells = append(row.Cells, res)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// sectionText is a section's verbatim text: its intro and items, then each
// sub-section's title and items. The section's own title is the page's heading. ownOnly
// leaves sub-sections out, when they have pages of their own.
func sectionText(sec *report.Section, ownOnly bool) []TextItem {
	var out []TextItem
	var walk func(s *report.Section, depth int)
	walk = func(s *report.Section, depth int) {
		for i, b := range s.Blocks() {
			switch {
			case b.Kind == report.TitleBlock && depth == 0:
				continue
			case b.Kind == report.TitleBlock:
				out = append(out, TextItem{Section: s, Block: i, Heading: true})
			default:
				out = append(out, TextItem{Section: s, Block: i, Bullet: !s.Top().Article && b.Kind == report.ItemBlock})
			}
		}
		if ownOnly && depth == 0 {
			return
		}
		for _, c := range s.Sections {
			walk(c, depth+1)
		}
	}
	walk(sec, 0)
	return out
}

// shortTitle keeps a title up to its first comma: (三)多措并举延伸拓展产业链条,全力构建…
// becomes (三)多措并举延伸拓展产业链条.
func shortTitle(t string) string { return zhtext.FirstClause(t) }
