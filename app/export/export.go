// Package export builds WorkReport's Excel workbook from a report: every figure, laid out
// as the report is and as filterable tables, with native charts, print settings and
// document properties. It writes to an io.Writer, and saves to a path atomically.
package export

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"workreport/app/chart"
	"workreport/app/compare"
	"workreport/app/meta"
	"workreport/app/report"
	"workreport/app/safefile"
)

// The names of the sheets every workbook may have. Between the cover and the pairs
// comes a sheet for each top-level section of the report that holds figures, named after
// the section.
const (
	SheetCover  = "说明"
	SheetPairs  = "目标对比"
	SheetAll    = "全部数据"
	SheetCharts = "图表"
	// SheetVerdicts is the targets of a year against the next year's report's results,
	// when that report is at hand.
	SheetVerdicts = "目标完成情况"
	// SheetTrend is the indicators over the years, when several years of the place are
	// at hand.
	SheetTrend = "历年走势"
)

// Table names of the Excel tables (ASCII, so that formulas referring to them work in
// every spreadsheet program).
const (
	TablePairs    = "TargetPairs"
	TableAll      = "AllFigures"
	TableVerdicts = "Verdicts"
	TableTrend    = "Trend"
)

// Font is the workbook's font: present on every Chinese Windows office PC, and mapped to
// a metric-compatible font by WPS and LibreOffice.
const Font = "微软雅黑"

// Options are the parts of the workbook that do not come from the report.
type Options struct {
	// Time is the export time shown on the cover and stored in the document properties.
	// The zero value means now.
	Time time.Time
	// Verdicts are the report's targets judged by the next year's report, when the
	// library holds it; they make the 目标完成情况 sheet.
	Verdicts []compare.Row
	// Trend is the indicators over the years, with its header: it makes the 历年走势
	// sheet.
	TrendHeader []string
	Trend       [][]string
}

func (o Options) time() time.Time {
	if o.Time.IsZero() {
		return time.Now()
	}
	return o.Time
}

// maxCellText is Excel's limit on the text of one cell, in UTF-16 code units. excelize
// would silently cut longer text, so it is refused instead.
const maxCellText = 32767

// Build makes the workbook for the report. The caller must Close it.
func Build(r *report.Report, opt Options) (*excelize.File, error) {
	f := excelize.NewFile()
	f.SetZipWriter(fastZip)
	b := &builder{f: f, r: r, now: opt.time(), verdicts: opt.Verdicts, trendCols: opt.TrendHeader, trend: opt.Trend}
	if err := b.build(); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Extension is the file extension of the workbook.
const Extension = ".xlsx"

// Save builds the workbook and saves it at path, adding .xlsx if missing, through
// safefile: an existing workbook is replaced only by a complete one, and a failure
// leaves it unchanged with a message that says what to do. It returns the path written.
func Save(path string, r *report.Report, opt Options) (string, error) {
	path = safefile.WithExtension(path, Extension)
	if err := safefile.Write(path, func(w io.Writer) error { return Write(w, r, opt) }); err != nil {
		return "", err
	}
	return path, nil
}

// fastZip compresses the workbook at deflate's fastest level: a workbook of this size
// comes out about a fifth larger and is written in about half the time.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, ok := flaters.Get().(*flate.Writer)
		if ok {
			fw.Reset(out)
		} else {
			var err error
			if fw, err = flate.NewWriter(out, flate.BestSpeed); err != nil {
				return nil, err
			}
		}
		return &pooledFlater{fw}, nil
	})
	return zw
}

// flaters keeps deflate writers for reuse: each holds about 600 KB of tables.
var flaters sync.Pool

// pooledFlater returns its deflate writer to the pool when closed.
type pooledFlater struct{ *flate.Writer }

func (p *pooledFlater) Close() error {
	err := p.Writer.Close()
	flaters.Put(p.Writer)
	p.Writer = nil
	return err
}

// Write builds the workbook and writes it to w.
func Write(w io.Writer, r *report.Report, opt Options) error {
	f, err := Build(r, opt)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Write(w); err != nil {
		return fmt.Errorf("写入工作簿：%w", err)
	}
	return nil
}

// builder carries the state of one workbook being built.
type builder struct {
	f         *excelize.File
	r         *report.Report
	now       time.Time
	st        styles
	bordered  map[int]bool // the styles in st that draw borders
	sheets    []sheetInfo
	charts    []*chart.Spec
	verdicts  []compare.Row
	trendCols []string
	trend     [][]string
	err       error // first error; later calls are no-ops
}

// sheetInfo is one sheet of the workbook: its name, what it holds (for the cover's
// index), and the report section it lays out, if any.
type sheetInfo struct {
	name    string
	purpose string
	section *report.Section
}

// plan decides the sheets: the cover; a sheet for each top-level section that holds
// figures; the pairs, when the report pairs any result with a target; every figure; and
// the charts, when there are any.
func (b *builder) plan() {
	b.sheets = []sheetInfo{{name: SheetCover}}
	taken := []string{SheetCover, SheetPairs, SheetAll, SheetCharts, SheetVerdicts, SheetTrend}
	for _, sec := range b.r.Sections {
		if len(sec.AllFigures()) == 0 {
			continue
		}
		name := sheetName(sec.Title, taken)
		taken = append(taken, name)
		b.sheets = append(b.sheets, sheetInfo{name: name, section: sec,
			purpose: sec.Title + "：按报告顺序列出每条原文及其中的数据"})
	}
	if len(b.r.Pairs()) > 0 {
		b.sheets = append(b.sheets, sheetInfo{name: SheetPairs, purpose: "实绩与对应的目标并列对照（可筛选）"})
	}
	if len(b.verdicts) > 0 {
		b.sheets = append(b.sheets, sheetInfo{name: SheetVerdicts, purpose: fmt.Sprintf("%d 年的主要目标与 %d 年报告所写实绩对照：判定、差距、依据和判定规则", b.verdicts[0].Year, report.JudgedIn(b.verdicts[0].Year))})
	}
	if len(b.trend) > 0 && len(b.trendCols) > 0 {
		b.sheets = append(b.sheets, sheetInfo{name: SheetTrend, purpose: "各项主要目标历年的目标、实绩和判定（据报告库中同一地区的报告）"})
	}
	b.sheets = append(b.sheets, sheetInfo{name: SheetAll, purpose: "全部数据，每项一行（可筛选、排序、复制）"})
	b.charts = chart.Overview(b.r)
	if len(b.charts) > 0 {
		b.sheets = append(b.sheets, sheetInfo{name: SheetCharts, purpose: "概览图表及其数据，与软件和导出的图表相同"})
	}
}

// has reports whether the workbook has the named sheet.
func (b *builder) has(name string) bool {
	for _, s := range b.sheets {
		if s.name == name {
			return true
		}
	}
	return false
}

func (b *builder) build() error {
	if err := b.newStyles(); err != nil {
		return err
	}
	b.plan()
	// Name every sheet before adding charts: excelize does not rewrite chart references
	// when a sheet is renamed.
	b.check(b.f.SetSheetName("Sheet1", b.sheets[0].name))
	for _, s := range b.sheets[1:] {
		_, err := b.f.NewSheet(s.name)
		b.check(err)
	}
	b.check(b.f.SetDefaultFont(Font))
	b.cover()
	for _, s := range b.sheets {
		if s.section != nil {
			b.sectionSheet(s.name, s.section)
		}
	}
	if b.has(SheetPairs) {
		b.pairsSheet()
	}
	if b.has(SheetVerdicts) {
		b.verdictsSheet()
	}
	if b.has(SheetTrend) {
		b.trendSheet()
	}
	b.allSheet()
	if b.has(SheetCharts) {
		b.chartsSheet()
	}
	for _, s := range b.sheets {
		b.pageSetup(s.name, s.section != nil || s.name == SheetPairs || s.name == SheetAll || s.name == SheetVerdicts || s.name == SheetTrend)
	}
	b.properties()
	b.f.SetActiveSheet(0)
	return b.err
}

// check records the first error.
func (b *builder) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// text writes a text cell. Text is always stored as a string, never as a formula, even
// when it begins with =, +, - or @.
func (b *builder) text(sheet, cell, s string) {
	if n := utf16Len(s); n > maxCellText {
		b.check(fmt.Errorf("%s!%s：文本有 %d 个字符，超过 Excel 单元格上限 %d", sheet, cell, n, maxCellText))
		return
	}
	b.check(b.f.SetCellStr(sheet, cell, s))
}

// utf16Len is the length of s in UTF-16 code units, the unit of Excel's limits.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// number writes a numeric cell holding exactly the model's value.
func (b *builder) number(sheet, cell string, v float64) {
	b.check(b.f.SetCellFloat(sheet, cell, v, -1, 64))
}

func (b *builder) style(sheet, from, to string, id int) {
	b.check(b.f.SetCellStyle(sheet, from, to, id))
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func colName(col int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return c
}

func (b *builder) properties() {
	stamp := b.now.UTC().Format(time.RFC3339)
	title := b.r.Title + "数据"
	subject := b.r.Title + "的全部数据"
	if c := b.r.Source.ShortCaveat(); c != "" {
		subject += "（" + c + "）"
	}
	keywords := []string{"政府工作报告"}
	if b.r.Place != "" {
		keywords = append(keywords, b.r.Place)
	}
	keywords = append(keywords, fmt.Sprint(b.r.Year))
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        subject,
		Creator:        meta.Name + " " + meta.Version,
		LastModifiedBy: meta.Name + " " + meta.Version,
		Description:    fmt.Sprintf("由%s（%s）于 %s 导出。", meta.DisplayName, meta.Name, b.now.Format("2006-01-02 15:04")),
		Keywords:       strings.Join(keywords, "; "),
		Category:       "政府工作报告",
		Language:       "zh-CN",
		Created:        stamp,
		Modified:       stamp,
		Version:        meta.Version,
	}))
	b.check(b.f.SetAppProps(&excelize.AppProperties{Application: meta.Name, AppVersion: appVersion()}))
}

// appVersion is the version in the form the app.xml AppVersion field requires (XX.YYYY).
func appVersion() string {
	var major, minor int
	fmt.Sscanf(meta.Version, "%d.%d", &major, &minor)
	return fmt.Sprintf("%02d.%04d", major, minor)
}
