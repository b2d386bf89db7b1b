package export

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"workreport/app/palette"
	"workreport/app/report"
)

// Chart geometry in pixels; a default row is 20 px tall.
const (
	chartWidth    = 620
	chartBase     = 90 // title, axis and margins
	chartPerBar   = 30 // per category
	chartPerGroup = 14 // per extra series in a category
	rowPixels     = 20
	chartColumn   = 6 // the column charts are anchored in (F)
)

// percentFormat shows a number as the report prints it followed by %: 3.3 → 3.3%.
const percentFormat = `General"%"`

// chartBlock is one small table on the 图表 sheet with the chart drawn from it.
type chartBlock struct {
	title   string
	columns []string // first column is the category
	rows    []chartRow
	series  []chartSeries
	format  string // data label and axis number format
}

type chartRow struct {
	category string
	values   []*report.Figure // one per series; nil leaves the cell empty
	notes    []string         // extra text columns after the values
}

type chartSeries struct {
	name   string
	colour palette.Colour
}

// chartBlocks chooses the figures the workbook charts: the 2022 growth rates, each
// result beside its targets (one chart per unit, so that no axis mixes units), and the
// 2022 shares and completion rates.
func chartBlocks(r *report.Report) []chartBlock {
	var blocks []chartBlock
	growth := chartBlock{
		title:   "2022年各项增速（%）",
		columns: []string{"指标", "增速（%）", "原文表述"},
		series:  []chartSeries{{"2022年实绩", palette.Result}},
		format:  percentFormat,
	}
	shares := chartBlock{
		title:   "2022年占比与完成率（%）",
		columns: []string{"指标", "数值（%）", "原文表述"},
		series:  []chartSeries{{"2022年实绩", palette.Share}},
		format:  percentFormat,
	}
	for _, f := range r.Figures() {
		if f.Nature != report.Result || !f.HasValue || f.Unit != "%" {
			continue
		}
		row := chartRow{category: labelWithBound(f), values: []*report.Figure{f}, notes: []string{f.Phrase}}
		switch f.Measure {
		case "增速":
			growth.rows = append(growth.rows, row)
		case "占比", "完成率":
			shares.rows = append(shares.rows, row)
		}
	}
	if len(growth.rows) > 0 {
		blocks = append(blocks, growth)
	}
	// Pairs, grouped by unit in order of first appearance.
	var units []string
	byUnit := map[string]*chartBlock{}
	for _, p := range r.Pairs() {
		u := p.Result.Unit
		blk := byUnit[u]
		if blk == nil {
			units = append(units, u)
			blk = &chartBlock{
				title:   fmt.Sprintf("2022年实绩与2023年目标（%s）", unitLabel(u)),
				columns: []string{"指标", "2022年实绩", "2023年目标", "2023年力争目标", "目标原文表述"},
				series:  []chartSeries{{"2022年实绩", palette.Result}, {"2023年目标", palette.Target}, {"2023年力争目标", palette.Strive}},
			}
			if u == "%" {
				blk.format = percentFormat
			}
			byUnit[u] = blk
		}
		row := chartRow{category: p.Result.Indicator, values: []*report.Figure{p.Result, p.Targets[0], nil}}
		phrase := targetPhrase(p.Targets[0])
		for _, t := range p.Targets[1:] {
			if t.Strive != "" {
				row.values[2] = t
				phrase += "，" + targetPhrase(t)
				break
			}
		}
		row.notes = []string{phrase}
		// A bar labelled 6 must not hide that the target is 6%以上: the category names
		// the qualified target whenever a bound or strive word qualifies it.
		if qualified(p) {
			row.category += "（目标" + phrase + "）"
		}
		blk.rows = append(blk.rows, row)
	}
	for _, u := range units {
		blk := byUnit[u]
		hasStrive := false
		for _, row := range blk.rows {
			hasStrive = hasStrive || row.values[2] != nil
		}
		if !hasStrive {
			blk.columns = append(blk.columns[:3:3], blk.columns[4])
			blk.series = blk.series[:2]
			for i := range blk.rows {
				blk.rows[i].values = blk.rows[i].values[:2]
			}
		}
		blocks = append(blocks, *blk)
	}
	if len(shares.rows) > 0 {
		blocks = append(blocks, shares)
	}
	return blocks
}

// qualified reports whether any figure of the pair carries a bound or strive word.
func qualified(p report.Pair) bool {
	for _, f := range append([]*report.Figure{p.Result}, p.Targets...) {
		if f.Bound != "" || f.Strive != "" {
			return true
		}
	}
	return false
}

// labelWithBound is the indicator, with the printed value when a bound qualifies it, so
// that a chart never shows 超20% as a plain 20.
func labelWithBound(f *report.Figure) string {
	if f.Bound != "" {
		return f.Indicator + "（" + f.Phrase + "）"
	}
	return f.Indicator
}

func unitLabel(u string) string {
	if u == "%" {
		return "增速，%"
	}
	return u
}

// chartsSheet writes each chart block's table and adds a native Excel chart beside it.
func (b *builder) chartsSheet() {
	w := b.sheet(SheetCharts, map[int]float64{1: 40, 5: 30})
	type placed struct {
		blk         chartBlock
		first, last int // data rows
		top         int // title row
	}
	var charts []placed
	pageTop := 1
	for i, blk := range chartBlocks(b.r) {
		// Start a new page rather than split a chart across two.
		if rows := blockRows(blk); i > 0 && w.row-pageTop+rows > rowsPerPage {
			b.check(b.f.InsertPageBreak(SheetCharts, cell(1, w.row)))
			pageTop = w.row
		}
		top := w.row
		w.text(1, blk.title, b.st.subtitle, false)
		w.next()
		b.header(w, blk.columns)
		first := w.row
		for _, row := range blk.rows {
			w.styleRow(1, len(blk.columns), b.st.tableText)
			w.text(1, row.category, b.st.tableText, false)
			for i, f := range row.values {
				if f != nil {
					w.number(2+i, f.Value, f.NumberString(), b.st.tableNumber)
				}
			}
			for i, n := range row.notes {
				w.text(2+len(row.values)+i, n, b.st.tableText, false)
			}
			w.next()
		}
		last := w.row - 1
		charts = append(charts, placed{blk, first, last, top})
		// Leave room for the chart beside and below the table.
		for w.row < top+blockRows(blk) {
			w.next()
		}
	}
	w.finish()
	for _, c := range charts {
		b.addChart(c.blk, c.top, c.first, c.last)
	}
}

// rowsPerPage is how many default rows an A4 landscape page holds at the scale the
// charts sheet prints at: fitted to the page width, the table and chart (about 1400 px)
// print at about 74%, so the 650 px of printable height hold about 44 rows of 20 px.
const rowsPerPage = 42

// blockRows is how many rows a block takes: its title, table and chart.
func blockRows(blk chartBlock) int {
	return max(len(blk.rows)+2, int(math.Ceil(float64(chartHeight(blk))/rowPixels))+2) + 1
}

func chartHeight(blk chartBlock) int {
	return chartBase + len(blk.rows)*(chartPerBar+chartPerGroup*(len(blk.series)-1))
}

func (b *builder) addChart(blk chartBlock, top, first, last int) {
	ref := func(col, from, to int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetCharts, colName(col), from, colName(col), to)
	}
	axisFont := excelize.Font{Family: Font, Size: 9, Color: palette.Axis.Hex}
	var series []excelize.ChartSeries
	for i, s := range blk.series {
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", SheetCharts, colName(2+i), first-1),
			Categories: ref(1, first, last),
			Values:     ref(2+i, first, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.colour.Hex}},
			DataLabel:  excelize.ChartDataLabel{Font: excelize.Font{Family: Font, Size: 9, Color: palette.Ink.Hex}},
		})
	}
	zero := 0.0
	legend := excelize.ChartLegend{Position: "bottom", Font: &excelize.Font{Family: Font, Size: 9, Color: palette.Axis.Hex}}
	if len(series) == 1 {
		legend.Position = "none"
	}
	gap := uint(60)
	vary := false
	chart := &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: &vary,
		Series:     series,
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: blk.title,
			Font: &excelize.Font{Family: Font, Size: 12, Bold: true, Color: palette.Ink.Hex}}}},
		Legend:    legend,
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: uint(chartHeight(blk))},
		Format:    excelize.GraphicOptions{OffsetX: 10, OffsetY: 4},
		PlotArea: excelize.ChartPlotArea{ShowVal: true,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmtOr(blk.format)}},
		// The category axis runs top to bottom in table order.
		XAxis: excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis: excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, Font: axisFont,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmtOr(blk.format)}},
		GapWidth: &gap,
	}
	b.check(b.f.AddChart(SheetCharts, cell(chartColumn, top), chart))
}

func numFmtOr(f string) string {
	if f == "" {
		return "General"
	}
	return f
}
