package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"workreport/app/compare"
	"workreport/app/meta"
	"workreport/app/palette"
	"workreport/app/report"
	"workreport/app/zhtext"
)

// natureMeanings says what each nature means, naming the report's own periods.
func (b *builder) natureMeanings() [][2]string {
	when := func(n report.Nature) string {
		if ps := b.r.Periods(n); len(ps) > 0 {
			return "（本报告：" + report.PeriodLabels(ps) + "）"
		}
		return ""
	}
	return [][2]string{
		{string(report.Result), "回顾期间的实际结果" + when(report.Result)},
		{string(report.Target), "目标或工作安排，包括“拟安排”的资金等计划数" + when(report.Target)},
		{string(report.Threshold), "界定一类对象的门槛，不是目标，如“投资10亿元以上项目”中的“10亿元以上”"},
		{string(report.Derived), "由原文中两个数字计算得出，报告中没有这个数字；四舍五入保留一位小数，原文表述一栏写明算式"},
		{string(report.Qualitative), "没有数字的目标或评价，如“基本同步”“全面完成”"},
	}
}

func (b *builder) cover() {
	r := b.r
	w := b.sheet(SheetCover, map[int]float64{1: 14, 2: 90})
	w.text(1, r.Title+"数据", b.st.title, false)
	w.next()
	w.next()
	count := map[report.Nature]int{}
	for _, f := range r.Figures() {
		count[f.Nature]++
	}
	summary := fmt.Sprintf("共 %d 项", len(r.Figures()))
	for _, n := range report.Natures {
		summary += fmt.Sprintf("；%s %d 项", n, count[n])
	}
	source := string(r.Source.Kind)
	if r.Source.Publication != "" {
		source = r.Source.Publication + "，" + source
	}
	if c := r.Source.Caveat(); c != "" {
		source += "：" + c
	}
	if r.Source.Note != "" {
		source += "。" + r.Source.Note
	}
	rows := [][2]string{{"报告", r.Title}}
	if r.Place != "" {
		rows = append(rows, [2]string{"地区", r.Place})
	}
	if meeting := strings.TrimSpace(r.Source.Meeting + " " + r.Source.Date); meeting != "" {
		rows = append(rows, [2]string{"会议", meeting})
	}
	rows = append(rows, [2]string{"来源", source}, [2]string{"数据", summary})
	if n := r.Unconfirmed(); n > 0 {
		rows = append(rows, [2]string{report.FieldReview, fmt.Sprintf("有 %d 项数据是软件识别、尚未经人核对的（审核一栏为“未审核”，以黄色标出），使用前请对照原文核对", n)})
	}
	rows = append(rows, [2]string{"导出时间", b.now.Format("2006年1月2日 15:04")},
		[2]string{"软件", fmt.Sprintf("%s %s（%s）", meta.DisplayName, meta.Version, meta.Name)})
	for _, kv := range rows {
		w.text(1, kv[0], b.st.label, false)
		style := b.st.wrap
		if kv[0] == report.FieldReview {
			style = b.st.unconfirmed
		}
		w.text(2, kv[1], style, true)
		w.next()
	}
	w.next()
	w.text(1, "工作表", b.st.subtitle, false)
	w.next()
	for _, sh := range b.sheets[1:] {
		c := cell(1, w.row)
		w.text(1, sh.name, b.st.link, false)
		tip := "转到“" + sh.name + "”"
		b.check(b.f.SetCellHyperLink(SheetCover, c, "'"+sh.name+"'!A1", "Location", excelize.HyperlinkOpts{Tooltip: &tip}))
		w.text(2, sh.purpose, b.st.wrap, true)
		w.next()
	}
	w.next()
	w.text(1, "限定词", b.st.subtitle, false)
	w.next()
	for _, m := range zhtext.Glossary {
		w.text(1, m.Words, b.st.label, false)
		w.text(2, m.Meaning, b.st.wrap, true)
		w.next()
	}
	w.next()
	w.text(1, report.FieldNature, b.st.subtitle, false)
	w.next()
	for _, m := range b.natureMeanings() {
		w.text(1, m[0], b.st.label, false)
		w.text(2, m[1], b.st.wrap, true)
		w.next()
	}
	w.next()
	w.text(1, report.FieldValue, b.st.subtitle, false)
	w.next()
	w.text(1, "说明", b.st.label, false)
	w.text(2, "数值按原文单位记录，不换算、不四舍五入：3773.41亿元 记为 3773.41，3.3% 记为 3.3，“超千亿元”记为 1000，排名“第2”记为 2，"+
		"区间“6%－6.5%”的数值记为下限 6、上限记为 6.5。限定词另列一栏。时期一栏写明数据所属的年份、年份区间（五年合计或年均）或规划期。", b.st.wrap, true)
	w.next()
	w.finish()
}

// sheetName makes a section title into a sheet name Excel accepts: without numbering,
// up to the first comma, without the characters Excel forbids, at most 31 characters,
// and unlike any name already taken.
func sheetName(title string, taken []string) string {
	name := zhtext.ShortTitle(title)
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '·'
		}
		return r
	}, name)
	name = strings.Trim(name, "'")
	if rs := []rune(name); len(rs) > 28 {
		name = string(rs[:28])
	}
	if name == "" {
		name = "分节"
	}
	unique := name
	for n := 2; ; n++ {
		if !slices.ContainsFunc(taken, func(t string) bool { return strings.EqualFold(t, unique) }) {
			return unique
		}
		unique = fmt.Sprintf("%s(%d)", name, n)
	}
}

// Columns of the sheets laid out like the report.
var sectionColumns = []string{"条目 / " + report.FieldIndicator, report.FieldValue, report.FieldUpper, report.FieldUnit, report.FieldBound,
	report.FieldStrive, report.FieldPhrase, report.FieldNature, report.FieldMeasure, report.FieldPeriod, report.FieldReview, report.FieldID}

const (
	sColIndicator = iota + 1
	sColValue
	sColUpper
	sColUnit
	sColBound
	sColStrive
	sColPhrase
	sColNature
	sColMeasure
	sColPeriod
	sColReview
	sColID
)

func (b *builder) header(w *sheetWriter, names []string) {
	for i, n := range names {
		w.text(i+1, n, b.st.header, true)
	}
	w.next()
}

// sectionSheet lays the section out as the report does: each heading, each verbatim item,
// and under each item the figures it holds. Derived figures follow their section's items.
func (b *builder) sectionSheet(name string, top *report.Section) {
	w := b.sheet(name, map[int]float64{sColIndicator: 44, sColPhrase: 24, sColPeriod: 12, sColID: 28})
	b.header(w, sectionColumns)
	last := len(sectionColumns)
	var walk func(s *report.Section, depth int)
	walk = func(s *report.Section, depth int) {
		var derived []*report.Figure
		for i, blk := range s.Blocks() {
			switch {
			case blk.Kind == report.TitleBlock && depth <= 1:
				w.merged(1, last, blk.Text, b.st.heading1)
			case blk.Kind == report.TitleBlock:
				w.merged(1, last, blk.Text, b.st.heading2)
			default:
				w.merged(1, last, blk.Text, b.st.item)
			}
			w.next()
			if blk.Kind == report.TitleBlock && depth == 0 && s.Note != "" {
				w.merged(1, last, "说明："+s.Note, b.st.item)
				w.next()
			}
			for _, f := range figuresAt(s, i) {
				b.figureRow(w, f)
			}
		}
		for _, f := range s.Figures() {
			if f.Nature == report.Derived {
				derived = append(derived, f)
			}
		}
		if len(derived) > 0 {
			w.merged(1, last, "推算数据（由上列原文数字计算，报告中没有这些数字）", b.st.item)
			w.next()
			for _, f := range derived {
				b.figureRow(w, f)
			}
		}
		for _, c := range s.Sections {
			walk(c, depth+1)
		}
	}
	walk(top, 0)
	w.finish()
	b.check(b.f.SetPanes(name, freezeTopRow()))
}

// figuresAt returns the reported figures printed in block i of s, in text order.
func figuresAt(s *report.Section, i int) []*report.Figure {
	var out []*report.Figure
	for _, f := range s.Figures() {
		if f.IsReported() && f.Location.Block == i {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(a, c int) bool { return out[a].Location.Start < out[c].Location.Start })
	return out
}

// reviewText is the 审核 cell of a figure.
func reviewText(f *report.Figure) string {
	if f.Confirmed() {
		return string(report.Confirmed)
	}
	return string(report.Unconfirmed)
}

func (b *builder) figureRow(w *sheetWriter, f *report.Figure) {
	textStyle := b.st.figText
	switch f.Nature {
	case report.Threshold:
		textStyle = b.st.figThreshold
	case report.Derived:
		textStyle = b.st.figDerived
	}
	w.styleRow(1, len(sectionColumns), b.st.figNote)
	w.text(sColIndicator, f.Indicator, textStyle, true)
	if f.HasValue {
		w.number(sColValue, f.Value, f.NumberString(), b.st.figNumber)
	}
	if f.IsRange {
		w.number(sColUpper, f.Upper, f.UpperString(), b.st.figNumber)
	}
	w.text(sColUnit, f.Unit, b.st.figNote, false)
	w.text(sColBound, f.Bound, b.st.figNote, false)
	w.text(sColStrive, f.Strive, b.st.figNote, false)
	w.text(sColPhrase, f.Phrase, b.st.figNote, true)
	w.text(sColNature, string(f.Nature), b.st.figNote, false)
	w.text(sColMeasure, f.Measure, b.st.figNote, false)
	w.text(sColPeriod, f.Period.String(), b.st.figNote, false)
	review := b.st.figNote
	if !f.Confirmed() {
		review = b.st.unconfirmed
	}
	w.text(sColReview, reviewText(f), review, false)
	w.text(sColID, f.ID, b.st.figNote, true)
	w.next()
}

// pairColumns are the columns of the 目标对比 table. The results' and targets' columns are
// headed by their periods when every pair shares them (2022年实绩); otherwise a 时期
// column says.
func (b *builder) pairColumns(pairs []report.Pair) (cols []string, mixed bool) {
	var results, targets []*report.Figure
	for _, p := range pairs {
		results = append(results, p.Result)
		targets = append(targets, p.Targets...)
	}
	rl, tl := report.CommonLabel(results), report.CommonLabel(targets)
	mixed = rl == "" || tl == ""
	cols = []string{report.FieldIndicator, report.FieldMeasure, report.FieldUnit, rl + "实绩", "实绩" + report.FieldPhrase, tl + "目标", "目标" + report.FieldUpper, "目标" + report.FieldBound, "目标" + report.FieldPhrase,
		tl + "力争目标", "力争原文表述"}
	if mixed {
		cols = append(cols, "实绩时期", "目标时期")
	}
	return append(cols, "实绩编号", "目标编号"), mixed
}

func (b *builder) pairsSheet() {
	pairs := b.r.Pairs()
	cols, mixed := b.pairColumns(pairs)
	w := b.sheet(SheetPairs, map[int]float64{1: 30, 5: 16, 9: 16, 11: 16})
	b.header(w, cols)
	for _, p := range pairs {
		res, main, strive := p.Result, p.Main(), p.Strive()
		w.styleRow(1, len(cols), b.st.tableText)
		w.text(1, res.Indicator, b.st.tableWrap, true)
		w.text(2, res.Measure, b.st.tableText, false)
		w.text(3, res.Unit, b.st.tableText, false)
		w.number(4, res.Value, res.NumberString(), b.st.tableNumber)
		w.text(5, res.Phrase, b.st.tableText, false)
		if main != nil {
			w.number(6, main.Value, main.NumberString(), b.st.tableNumber)
			if main.IsRange {
				w.number(7, main.Upper, main.UpperString(), b.st.tableNumber)
			}
			w.text(8, main.Bound, b.st.tableText, false)
			w.text(9, main.Phrase, b.st.tableText, false)
		}
		if strive != nil {
			w.number(10, strive.Value, strive.NumberString(), b.st.tableNumber)
			w.text(11, strive.StriveText(), b.st.tableText, false)
		}
		col := 12
		if mixed {
			w.text(12, res.Period.String(), b.st.tableText, false)
			w.text(13, p.First().Period.String(), b.st.tableText, false)
			col = 14
		}
		w.text(col, res.ID, b.st.tableText, false)
		var ids []string
		for _, t := range p.Targets {
			ids = append(ids, t.ID)
		}
		w.text(col+1, strings.Join(ids, "、"), b.st.tableText, false)
		w.next()
	}
	b.table(w, TablePairs, len(cols))
	// Print the comparison without the two id columns, so that it fits a page legibly.
	b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", SheetPairs, colName(len(cols)-2), max(w.row-1, 1)), Scope: SheetPairs}))
}

// allSheet is every figure, one per row, in the columns of the figures command.
func (b *builder) allSheet() {
	// Narrow, wrapping text columns keep the sheet legible when printed fitted to A4.
	wide := map[int]bool{1: true, 2: true, 3: true, 15: true, 16: true, 17: true}
	w := b.sheet(SheetAll, map[int]float64{1: 22, 2: 20, 3: 20, 15: 16, 16: 40, 17: 22})
	b.header(w, report.Columns)
	for _, f := range b.r.Figures() {
		w.styleRow(1, len(report.Columns), b.st.tableText)
		for i, v := range f.Row() {
			col := i + 1
			switch {
			case i == report.ColumnValue:
				if f.HasValue {
					w.number(col, f.Value, v, b.st.tableNumber)
				}
			case i == report.ColumnUpper:
				if f.IsRange {
					w.number(col, f.Upper, v, b.st.tableNumber)
				}
			case i == report.ColumnReview && !f.Confirmed():
				w.text(col, v, b.st.unconfirmed, false)
			case wide[col]:
				w.text(col, v, b.st.tableWrap, true)
			default:
				w.text(col, v, b.st.tableText, false)
			}
		}
		w.next()
	}
	b.table(w, TableAll, len(report.Columns))
}

// table turns the written rows into an Excel table with filter buttons and a frozen
// header row. A table needs at least one data row.
func (b *builder) table(w *sheetWriter, name string, cols int) {
	w.finish()
	lastRow := w.row - 1
	if lastRow < 2 {
		return
	}
	showStripes := true
	b.check(b.f.AddTable(w.name, &excelize.Table{
		Range:          "A1:" + cell(cols, lastRow),
		Name:           name,
		StyleName:      "TableStyleLight9",
		ShowRowStripes: &showStripes,
	}))
	b.check(b.f.SetPanes(w.name, freezeTopRow()))
}

func freezeTopRow() *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}
}

// verdictsSheet is the targets of a year against the results the next year's report
// states: one row per target, with both sentences, the verdict, the gap and its reason,
// then the rules the verdicts follow.
func (b *builder) verdictsSheet() {
	cols := compare.Header
	w := b.sheet(SheetVerdicts, map[int]float64{2: 22, 8: 40, 9: 40, 10: 40})
	b.header(w, cols)
	for _, row := range b.verdicts {
		w.styleRow(1, len(cols), b.st.tableText)
		for i, v := range row.Cells() {
			col := i + 1
			switch col {
			case 1:
				w.number(col, float64(row.Year), v, b.st.tableText)
			case 2, 8, 9, 10:
				w.text(col, v, b.st.tableWrap, true)
			default:
				w.text(col, v, b.st.tableText, false)
			}
		}
		w.next()
	}
	b.table(w, TableVerdicts, len(cols))
	// The rules, under the table.
	at := w.row + 1
	b.text(SheetVerdicts, cell(1, at), "判定规则")
	rules := compare.AllRules()
	for i, rule := range rules {
		c := cell(2, at+1+i)
		b.text(SheetVerdicts, c, fmt.Sprintf("%d. %s", i+1, rule))
	}
	b.verdictChart(at + len(rules) + 2)
}

// verdictChart draws the rate targets beside their results as a native bar chart, from
// a small table of the numbers starting at row top: the target drawn up to its number
// (a range's lower bound), the target as printed in the category.
func (b *builder) verdictChart(top int) {
	type point struct {
		label    string
		tgt, res float64
	}
	var pts []point
	for _, row := range b.verdicts {
		t, r := row.Target, row.Result
		if r == nil || !t.HasValue || t.Unit != "%" || r.Unit != "%" {
			continue
		}
		pts = append(pts, point{fmt.Sprintf("%s（%s，%s）", row.Indicator, t.StriveText(), row.VerdictText()), t.Value, r.Value})
	}
	if len(pts) == 0 {
		return
	}
	year := b.verdicts[0].Year
	// The chart starts a printed page of its own rather than run across two.
	b.check(b.f.InsertPageBreak(SheetVerdicts, cell(1, top)))
	b.text(SheetVerdicts, cell(1, top), "图表数据")
	heads := []string{"指标（目标，判定）", fmt.Sprintf("%d年目标（%%）", year), fmt.Sprintf("%d年实绩（%%）", year)}
	for i, h := range heads {
		b.text(SheetVerdicts, cell(1+i, top+1), h)
	}
	for i, p := range pts {
		b.text(SheetVerdicts, cell(1, top+2+i), p.label)
		b.number(SheetVerdicts, cell(2, top+2+i), p.tgt)
		b.number(SheetVerdicts, cell(3, top+2+i), p.res)
	}
	first, last := top+2, top+1+len(pts)
	ref := func(col int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetVerdicts, colName(col), first, colName(col), last)
	}
	var series []excelize.ChartSeries
	for i, c := range []palette.Colour{palette.Target, palette.Result} {
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", SheetVerdicts, colName(2+i), top+1),
			Categories: ref(1), Values: ref(2 + i),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.Hex}},
			DataLabel: excelize.ChartDataLabel{Font: excelize.Font{Family: Font, Size: 9, Color: palette.Ink.Hex}},
		})
	}
	zero := 0.0
	vary := false
	axisFont := excelize.Font{Family: Font, Size: 9, Color: palette.Axis.Hex}
	b.check(b.f.AddChart(SheetVerdicts, cell(5, top), &excelize.Chart{
		Type: excelize.Bar, VaryColors: &vary, Series: series,
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: fmt.Sprintf("目标完成情况：%d年目标与实绩（%%）", year),
			Font: &excelize.Font{Family: Font, Size: 12, Bold: true, Color: palette.Ink.Hex}}}},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &excelize.Font{Family: Font, Size: 9, Color: palette.Axis.Hex}},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: uint(chartBase + len(pts)*(chartPerBar+chartPerGroup))},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: percentFormat}},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:     excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: percentFormat}},
	}))
}

// trendSheet is each indicator's targets and results year by year, as a table.
func (b *builder) trendSheet() {
	cols := b.trendCols
	w := b.sheet(SheetTrend, map[int]float64{2: 22, 7: 40})
	b.header(w, cols)
	for _, row := range b.trend {
		w.styleRow(1, len(cols), b.st.tableText)
		for i, v := range row {
			switch col := i + 1; col {
			case 7:
				w.text(col, v, b.st.tableWrap, true)
			default:
				w.text(col, v, b.st.tableText, false)
			}
		}
		w.next()
	}
	b.table(w, TableTrend, len(cols))
}
