// Package export builds WorkReport's Excel workbook from a report: every figure, laid out
// as the report is and as filterable tables, with native charts, print settings and
// document properties. It writes to an io.Writer, and saves to a path atomically.
package export

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"workreport/app/meta"
	"workreport/app/report"
	"workreport/app/safefile"
)

// Sheet names, in workbook order.
const (
	SheetCover   = "说明"
	SheetReview  = "2022年工作回顾"
	SheetTargets = "2023年主要预期目标"
	SheetPlan    = "2023年工作安排"
	SheetPairs   = "目标对比"
	SheetAll     = "全部数据"
	SheetCharts  = "图表"
)

// Table names of the Excel tables (ASCII, so that formulas referring to them work in
// every spreadsheet program).
const (
	TablePairs = "TargetPairs"
	TableAll   = "AllFigures"
)

// Font is the workbook's font: present on every Chinese Windows office PC, and mapped to
// a metric-compatible font by WPS and LibreOffice.
const Font = "微软雅黑"

// Options are the parts of the workbook that do not come from the report.
type Options struct {
	// Time is the export time shown on the cover and stored in the document properties.
	// The zero value means now.
	Time time.Time
}

func (o Options) time() time.Time {
	if o.Time.IsZero() {
		return time.Now()
	}
	return o.Time
}

// sectionSheets maps the report's top-level sections to the sheets laid out like the
// report. Sections of the report not listed here (the self-building points and the
// article) hold no figures of their own in the sheets; their figures are in 全部数据.
var sectionSheets = []struct{ sheet, section string }{
	{SheetReview, "review"},
	{SheetTargets, "targets"},
	{SheetPlan, "plan"},
}

// maxCellText is Excel's limit on the text of one cell, in UTF-16 code units. excelize
// would silently cut longer text, so it is refused instead.
const maxCellText = 32767

// Build makes the workbook for the report. The caller must Close it.
func Build(r *report.Report, opt Options) (*excelize.File, error) {
	f := excelize.NewFile()
	f.SetZipWriter(fastZip)
	b := &builder{f: f, r: r, now: opt.time()}
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
	f        *excelize.File
	r        *report.Report
	now      time.Time
	st       styles
	bordered map[int]bool // the styles in st that draw borders
	sheets   []string
	err      error // first error; later calls are no-ops
}

func (b *builder) build() error {
	if err := b.newStyles(); err != nil {
		return err
	}
	// Name every sheet before adding charts: excelize does not rewrite chart references
	// when a sheet is renamed.
	b.sheets = []string{SheetCover}
	for _, s := range sectionSheets {
		if b.r.Section(s.section) != nil {
			b.sheets = append(b.sheets, s.sheet)
		}
	}
	b.sheets = append(b.sheets, SheetPairs, SheetAll, SheetCharts)
	b.check(b.f.SetSheetName("Sheet1", b.sheets[0]))
	for _, name := range b.sheets[1:] {
		_, err := b.f.NewSheet(name)
		b.check(err)
	}
	b.check(b.f.SetDefaultFont(Font))
	b.cover()
	for _, s := range sectionSheets {
		if sec := b.r.Section(s.section); sec != nil {
			b.sectionSheet(s.sheet, sec)
		}
	}
	b.pairsSheet()
	b.allSheet()
	b.chartsSheet()
	for _, name := range b.sheets {
		b.pageSetup(name)
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
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        fmt.Sprintf("%s的全部数据（%s摘录和图解，并非报告官方全文）", b.r.Title, b.r.Source.Publication),
		Creator:        meta.Name + " " + meta.Version,
		LastModifiedBy: meta.Name + " " + meta.Version,
		Description:    fmt.Sprintf("由%s（%s）于 %s 导出。", meta.DisplayName, meta.Name, b.now.Format("2006-01-02 15:04")),
		Keywords:       "政府工作报告; " + b.r.City + "; " + fmt.Sprint(b.r.Year),
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
