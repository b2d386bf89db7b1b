package export

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"workreport/app/chart"
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

// chartBlock is one small table on the 图表 sheet with the native chart drawn from it.
// It is made from a chart.Spec, the same one the screen and the PNG files draw.
type chartBlock struct {
	title   string
	columns []string // the category, a column per series, then the values as printed
	rows    []chartRow
	series  []chart.Series
	format  string // data label and axis number format
}

type chartRow struct {
	category string
	values   []*report.Figure // one per series; nil leaves the cell empty
	printed  string           // the values as the report prints them
}

// chartBlocks makes the workbook's charts from the overview's chart specs. A native
// chart draws a number per bar: a category whose target carries a bound, a strive word
// or a range names the target as printed, so that a bar labelled 6 never hides that the
// target is 6%以上, and a range target, drawn up to its lower bound, names the whole range.
func chartBlocks(r *report.Report, specs []*chart.Spec) []chartBlock {
	var blocks []chartBlock
	for _, s := range specs {
		blk := chartBlock{title: s.Title, series: s.Series}
		blk.columns = append(blk.columns, report.FieldIndicator)
		for _, se := range s.Series {
			blk.columns = append(blk.columns, se.Name+"（"+s.Unit+"）")
		}
		blk.columns = append(blk.columns, report.FieldPhrase)
		if s.Unit == "%" {
			blk.format = percentFormat
		}
		for _, g := range s.Groups {
			row := chartRow{category: g.Label}
			var printed, qualifiers []string
			for _, b := range g.Bars {
				f := r.Figure(b.Figure)
				if b.Missing || f == nil {
					row.values = append(row.values, nil)
					continue
				}
				row.values = append(row.values, f)
				printed = append(printed, b.Text)
				if f.Bound != "" || f.Strive != "" || f.IsRange {
					qualifiers = append(qualifiers, b.Text)
				}
			}
			row.printed = strings.Join(printed, "，")
			if len(qualifiers) > 0 {
				row.category += "（" + strings.Join(qualifiers, "，") + "）"
			}
			blk.rows = append(blk.rows, row)
		}
		blocks = append(blocks, blk)
	}
	return blocks
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
	for i, blk := range chartBlocks(b.r, b.charts) {
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
			w.text(2+len(row.values), row.printed, b.st.tableText, false)
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
		cs := excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", SheetCharts, colName(2+i), first-1),
			Categories: ref(1, first, last),
			Values:     ref(2+i, first, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.Colour.Hex}},
			DataLabel:  excelize.ChartDataLabel{Font: excelize.Font{Family: Font, Size: 9, Color: palette.Ink.Hex}},
		}
		series = append(series, cs)
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
