package export

import (
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"workreport/app/meta"
	"workreport/app/report"
)

// Bound words and their meanings, for the cover sheet.
var boundMeanings = []struct{ word, meaning string }{
	{"超", "超过，多于所列数字"},
	{"以上", "不少于所列数字（含本数）"},
	{"近", "接近，略少于所列数字"},
	{"左右", "大约，可能略多或略少"},
	{"突破", "已超过所列数字"},
	{"达", "达到所列数字"},
	{"上", "达到所列的数量级，如“上百亿”"},
	{"级", "规模在所列的数量级，如“千亿级”"},
	{"力争 / 争取", "争取达到的目标，在基本目标之外或之上"},
}

// Nature meanings, for the cover sheet.
var natureMeanings = []struct {
	nature  report.Nature
	meaning string
}{
	{report.Result, "2022年的实际结果"},
	{report.Target, "2023年的目标或工作安排"},
	{report.Threshold, "界定一类对象的门槛，不是目标，如“投资10亿元以上项目”中的“10亿元以上”"},
	{report.Derived, "由原文中两个数字计算得出，报告中没有这个数字；四舍五入保留一位小数，原文表述一栏写明算式"},
	{report.Qualitative, "没有数字的评价，如“全面完成”“优秀”"},
}

func (b *builder) cover() {
	r := b.r
	w := b.sheet(SheetCover, map[int]float64{1: 14, 2: 90})
	w.text(1, r.Title+"数据", b.st.title, false)
	w.next()
	w.next()
	kind := r.Source.Kind
	if kind == "" {
		kind = "报纸对政府工作报告的摘录，并非报告官方全文"
	}
	count := map[report.Nature]int{}
	for _, f := range r.Figures() {
		count[f.Nature]++
	}
	summary := fmt.Sprintf("共 %d 项", len(r.Figures()))
	for _, n := range report.Natures {
		summary += fmt.Sprintf("；%s %d 项", n, count[n])
	}
	rows := [][2]string{
		{"报告", r.Title},
		{"会议", r.Source.Meeting + "（" + r.Source.Date + "）"},
		{"来源", r.Source.Publication + "：" + kind + "。数字以正式发布的报告为准。"},
		{"数据", summary},
		{"导出时间", b.now.Format("2006年1月2日 15:04")},
		{"软件", fmt.Sprintf("%s %s（%s）", meta.DisplayName, meta.Version, meta.Name)},
	}
	for _, kv := range rows {
		w.text(1, kv[0], b.st.label, false)
		w.text(2, kv[1], b.st.wrap, true)
		w.next()
	}
	w.next()
	w.text(1, "工作表", b.st.subtitle, false)
	w.next()
	for _, name := range b.sheets[1:] {
		c := cell(1, w.row)
		w.text(1, name, b.st.link, false)
		tip := "转到“" + name + "”"
		b.check(b.f.SetCellHyperLink(SheetCover, c, "'"+name+"'!A1", "Location", excelize.HyperlinkOpts{Tooltip: &tip}))
		w.text(2, sheetPurpose[name], b.st.wrap, true)
		w.next()
	}
	w.next()
	w.text(1, "限定词", b.st.subtitle, false)
	w.next()
	for _, m := range boundMeanings {
		w.text(1, m.word, b.st.label, false)
		w.text(2, m.meaning, b.st.wrap, true)
		w.next()
	}
	w.next()
	w.text(1, "性质", b.st.subtitle, false)
	w.next()
	for _, m := range natureMeanings {
		w.text(1, string(m.nature), b.st.label, false)
		w.text(2, m.meaning, b.st.wrap, true)
		w.next()
	}
	w.next()
	w.text(1, "数值", b.st.subtitle, false)
	w.next()
	w.text(1, "说明", b.st.label, false)
	w.text(2, "数值按原文单位记录，不换算、不四舍五入：3773.41亿元 记为 3773.41，3.3% 记为 3.3，“超千亿元”记为 1000，排名“第2”记为 2。限定词另列一栏。", b.st.wrap, true)
	w.next()
	w.finish()
}

// sheetPurpose says what each sheet holds, for the index on the cover.
var sheetPurpose = map[string]string{
	SheetReview:  "2022年工作回顾：按报告顺序列出每条原文及其中的数据",
	SheetTargets: "2023年主要预期目标：每条目标及其数值、限定词和力争目标",
	SheetPlan:    "2023年工作安排：按部分和小节列出每条原文及其中的数据",
	SheetPairs:   "2022年实绩与2023年目标并列对照（可筛选）",
	SheetAll:     "全部数据，每项一行（可筛选、排序、复制）",
	SheetCharts:  "增速、实绩与目标、占比的图表及其数据",
}

// Columns of the sheets laid out like the report.
var sectionColumns = []string{"条目 / 指标", "数值", "单位", "限定", "力争", "原文表述", "性质", "口径", "编号"}

const (
	sColIndicator = iota + 1
	sColValue
	sColUnit
	sColBound
	sColStrive
	sColPhrase
	sColNature
	sColMeasure
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
	w := b.sheet(name, map[int]float64{sColIndicator: 44, sColPhrase: 24, sColID: 28})
	b.header(w, sectionColumns)
	last := len(sectionColumns)
	var walk func(s *report.Section, depth int)
	walk = func(s *report.Section, depth int) {
		var derived []*report.Figure
		for i, blk := range s.Blocks() {
			switch {
			case blk.Kind == report.TitleBlock && depth == 0:
				w.merged(1, last, blk.Text, b.st.heading1)
			case blk.Kind == report.TitleBlock && depth == 1:
				w.merged(1, last, blk.Text, b.st.heading1)
			case blk.Kind == report.TitleBlock:
				w.merged(1, last, blk.Text, b.st.heading2)
			default:
				w.merged(1, last, blk.Text, b.st.item)
			}
			w.next()
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
	w.text(sColUnit, f.Unit, b.st.figNote, false)
	w.text(sColBound, f.Bound, b.st.figNote, false)
	w.text(sColStrive, f.Strive, b.st.figNote, false)
	w.text(sColPhrase, f.Phrase, b.st.figNote, true)
	w.text(sColNature, string(f.Nature), b.st.figNote, false)
	w.text(sColMeasure, f.Measure, b.st.figNote, false)
	w.text(sColID, f.ID, b.st.figNote, true)
	w.next()
}

// Columns of the 目标对比 table.
var pairColumns = []string{"指标", "口径", "单位", "2022年实绩", "实绩原文表述", "2023年目标", "目标限定", "目标原文表述",
	"2023年力争目标", "力争原文表述", "实绩编号", "目标编号"}

func (b *builder) pairsSheet() {
	w := b.sheet(SheetPairs, map[int]float64{1: 30, 5: 16, 8: 16, 10: 16})
	b.header(w, pairColumns)
	for _, p := range b.r.Pairs() {
		res := p.Result
		main, strive := p.Targets[0], (*report.Figure)(nil)
		for _, t := range p.Targets[1:] {
			if t.Strive != "" && strive == nil {
				strive = t
			}
		}
		w.styleRow(1, len(pairColumns), b.st.tableText)
		w.text(1, res.Indicator, b.st.tableWrap, true)
		w.text(2, res.Measure, b.st.tableText, false)
		w.text(3, res.Unit, b.st.tableText, false)
		w.number(4, res.Value, res.NumberString(), b.st.tableNumber)
		w.text(5, res.Phrase, b.st.tableText, false)
		w.number(6, main.Value, main.NumberString(), b.st.tableNumber)
		w.text(7, main.Bound, b.st.tableText, false)
		w.text(8, targetPhrase(main), b.st.tableText, false)
		if strive != nil {
			w.number(9, strive.Value, strive.NumberString(), b.st.tableNumber)
			w.text(10, targetPhrase(strive), b.st.tableText, false)
		}
		w.text(11, res.ID, b.st.tableText, false)
		ids := main.ID
		if strive != nil {
			ids += "、" + strive.ID
		}
		w.text(12, ids, b.st.tableText, false)
		w.next()
	}
	b.table(w, TablePairs, len(pairColumns))
	// Print the comparison without the two id columns, so that it fits a page legibly.
	b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", SheetPairs, colName(len(pairColumns)-2), max(w.row-1, 1)), Scope: SheetPairs}))
}

// targetPhrase is a target's 原文表述 with its strive word, as a reader says it.
func targetPhrase(f *report.Figure) string {
	if f.Strive != "" {
		return f.Strive + f.Phrase
	}
	return f.Phrase
}

// Column of 数值 in the 全部数据 table (1-based).
const allColValue = 6

func (b *builder) allSheet() {
	// Narrow, wrapping text columns keep the sheet legible when printed fitted to A4.
	w := b.sheet(SheetAll, map[int]float64{1: 22, 2: 20, 3: 20, 10: 16, 11: 40, 12: 22})
	b.header(w, report.Columns)
	for _, f := range b.r.Figures() {
		w.styleRow(1, len(report.Columns), b.st.tableText)
		for i, v := range f.Row() {
			col := i + 1
			switch {
			case col == allColValue:
				if f.HasValue {
					w.number(col, f.Value, v, b.st.tableNumber)
				}
			case col == 1 || col == 2 || col == 3 || col == 10 || col == 11 || col == 12:
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
