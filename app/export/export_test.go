package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"workreport/app/chart"
	"workreport/app/report"
	"workreport/app/report/reporttest"
)

var exportTime = time.Date(2023, 2, 16, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// mustReport is the 2016 national excerpt: another place and year than the built-in
// report, with a range target, a five-year paragraph and an unconfirmed figure.
func mustReport(t testing.TB) *report.Report { return reporttest.Load(t, reporttest.National2016) }

// deep is a report whose sections nest three levels, as a work plan's do.
func deep(t testing.TB) *report.Report {
	t.Helper()
	text := `format: 2
title: 测试市2024年政府工作报告
place: 测试市
year: 2024
source: {kind: 官方全文}
sections:
  - id: plan
    title: 2024年工作安排
    sections:
      - id: plan.a
        title: (一)大抓产业发展
        sections:
          - id: plan.a.b
            title: 1.培育优质企业
            items: ["新增企业超50家,新增项目30个"]
figures:
  - {编号: plan.a.b.firms, 指标: 新增企业, 性质: 目标, 口径: 数量, 数值: 50, 单位: 家, 限定: 超, 原文表述: 超50家, 原文: "新增企业超50家,新增项目30个"}
  - {编号: plan.a.b.projects, 指标: 新增项目, 性质: 目标, 口径: 数量, 数值: 30, 单位: 个, 原文表述: 30个, 原文: "新增企业超50家,新增项目30个"}
`
	r, err := report.Load("deep.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// workbook writes the report's workbook and opens it again with excelize.
func workbook(t testing.TB, r *report.Report) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, Options{Time: exportTime}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the written workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

// TestSheets: a sheet for each section of the report that holds figures, named after
// it, between the cover and the tables; nothing of another report's years.
func TestSheets(t *testing.T) {
	f, _ := workbook(t, mustReport(t))
	want := []string{SheetCover, "2015年工作回顾", "“十三五”时期主要目标任务和重大举措", "2016年重点工作", SheetPairs, SheetAll, SheetCharts}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	// A report without pairs or charts has no empty sheets for them.
	g, _ := workbook(t, deep(t))
	if got := g.GetSheetList(); strings.Join(got, ",") != SheetCover+",2024年工作安排,"+SheetAll {
		t.Errorf("sheets of a report without pairs or overview charts = %v", got)
	}
	if got := sheetName("(一)[关于]:一件*事/二？", nil); got != "·关于··一件·事·二？" {
		t.Errorf("sheetName = %q", got)
	}
	if got := sheetName("全部数据", []string{SheetAll}); got != "全部数据(2)" {
		t.Errorf("a section named like a fixed sheet: %q", got)
	}
}

// TestNoOtherReportsYears: no cell, chart or property of the 2016 report's workbook
// names a year the report does not hold.
func TestNoOtherReportsYears(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, mustReport(t), Options{Time: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		for _, year := range []string{"2022年", "2023年", "江门"} {
			if bytes.Contains(b, []byte(year)) {
				t.Errorf("%s holds %q", zf.Name, year)
			}
		}
	}
}

// TestEveryFigureReadsBack: the 全部数据 sheet holds every figure of the model exactly,
// with 数值 as a number cell holding the model's value.
func TestEveryFigureReadsBack(t *testing.T) {
	r := mustReport(t)
	f, _ := workbook(t, r)
	rows, err := f.GetRows(SheetAll, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], "\t") != strings.Join(report.Columns, "\t") {
		t.Fatalf("header = %q", rows[0])
	}
	figs := r.Figures()
	if len(rows)-1 != len(figs) {
		t.Fatalf("%d rows for %d figures", len(rows)-1, len(figs))
	}
	for i, fig := range figs {
		want := fig.Row()
		got := rows[i+1]
		for len(got) < len(want) {
			got = append(got, "")
		}
		for c := range want {
			if got[c] != want[c] {
				t.Errorf("%s column %s = %q, want %q", fig.ID, report.Columns[c], got[c], want[c])
			}
		}
		cellRef := cell(report.ColumnValue+1, i+2)
		typ, _ := f.GetCellType(SheetAll, cellRef)
		if fig.HasValue && typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s: 数值 cell type %v, want a number", fig.ID, typ)
		}
	}
	// The raw XML stores the number as the model has it, e.g. 67.7, not 67.69999.
	if v, _ := f.GetCellValue(SheetAll, cell(report.ColumnValue+1, 2), excelize.Options{RawCellValue: true}); v != "67.7" {
		t.Errorf("数值 of the first figure = %q", v)
	}
	// A range keeps both bounds, each a number.
	row := 2 + slices.IndexFunc(figs, func(f *report.Figure) bool { return f.IsRange })
	lo, _ := f.GetCellValue(SheetAll, cell(report.ColumnValue+1, row), excelize.Options{RawCellValue: true})
	hi, _ := f.GetCellValue(SheetAll, cell(report.ColumnUpper+1, row), excelize.Options{RawCellValue: true})
	typ, _ := f.GetCellType(SheetAll, cell(report.ColumnUpper+1, row))
	if lo != "6.5" || hi != "7" || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("range: %q to %q (type %v)", lo, hi, typ)
	}
}

func TestSectionSheetsFollowTheReport(t *testing.T) {
	r := mustReport(t)
	f, _ := workbook(t, r)
	for i, sec := range r.Sections {
		sheet := f.GetSheetList()[i+1]
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var firstCol []string
		for _, row := range rows {
			if len(row) > 0 {
				firstCol = append(firstCol, row[0])
			}
		}
		all := strings.Join(firstCol, "\n")
		// Every heading and item appears, in order.
		pos := 0
		var walk func(*report.Section)
		walk = func(x *report.Section) {
			for _, b := range x.Blocks() {
				i := strings.Index(all[pos:], b.Text)
				if i < 0 {
					t.Errorf("%s: %q missing or out of order", sheet, b.Text)
					continue
				}
				pos += i + len(b.Text)
			}
			for _, c := range x.Sections {
				walk(c)
			}
		}
		walk(sec)
		// Every figure of the section appears, with its number.
		for _, fig := range sec.AllFigures() {
			if !strings.Contains(all, fig.Indicator) {
				t.Errorf("%s: figure %s missing", sheet, fig.ID)
			}
		}
	}
}

func TestPairsTable(t *testing.T) {
	r := mustReport(t)
	f, _ := workbook(t, r)
	rows, _ := f.GetRows(SheetPairs, excelize.Options{RawCellValue: true})
	if len(rows)-1 != len(r.Pairs()) {
		t.Fatalf("%d pair rows, want %d", len(rows)-1, len(r.Pairs()))
	}
	head := strings.Join(rows[0], "|")
	if !strings.Contains(head, "|2015年实绩|") || !strings.Contains(head, "|2016年目标|目标上限|") || strings.Contains(head, "时期") {
		t.Errorf("header = %q", head)
	}
	gdp := rows[1]
	if gdp[0] != "国内生产总值增速" || gdp[3] != "6.9" || gdp[5] != "6.5" || gdp[6] != "7" || gdp[8] != "6.5%－7%" {
		t.Errorf("GDP row = %q", gdp)
	}
	// A strive target beside the main one has columns of its own.
	j, _ := workbook(t, reporttest.Load(t, reporttest.JiangmenFormat1))
	jrows, _ := j.GetRows(SheetPairs, excelize.Options{RawCellValue: true})
	if g := jrows[1]; g[3] != "3.3" || g[5] != "6" || g[7] != "以上" || g[9] != "7" || g[10] != "力争7%以上" {
		t.Errorf("GDP row with a strive target = %q", g)
	}
}

// TestUnconfirmedFiguresAreMarked: a figure no person has confirmed says so, in a cell
// filled to be seen, on the sheets and on the cover.
func TestUnconfirmedFiguresAreMarked(t *testing.T) {
	r := mustReport(t)
	f, _ := workbook(t, r)
	i := slices.IndexFunc(r.Figures(), func(f *report.Figure) bool { return !f.Confirmed() })
	ref := cell(report.ColumnReview+1, i+2)
	if v, _ := f.GetCellValue(SheetAll, ref); v != "未审核" {
		t.Fatalf("%s = %q", ref, v)
	}
	id, _ := f.GetCellStyle(SheetAll, ref)
	st, _ := f.GetStyle(id)
	if len(st.Fill.Color) == 0 {
		t.Error("the 未审核 cell is not filled")
	}
	confirmed, _ := f.GetCellStyle(SheetAll, cell(report.ColumnReview+1, 2))
	if confirmed == id {
		t.Error("confirmed figures look like unconfirmed ones")
	}
	rows, _ := f.GetRows(SheetCover)
	cover := fmt.Sprint(rows)
	if !strings.Contains(cover, "有 1 项数据是软件识别、尚未经人核对的") {
		t.Errorf("the cover does not warn of unconfirmed figures: %s", cover)
	}
	section, _ := f.GetRows("2015年工作回顾")
	marked := 0
	for _, row := range section {
		if slices.Contains(row, "未审核") {
			marked++
		}
	}
	if marked != 1 {
		t.Errorf("%d rows of the section sheet say 未审核", marked)
	}
}

func TestTablesFiltersAndPanes(t *testing.T) {
	f, _ := workbook(t, mustReport(t))
	for sheet, name := range map[string]string{SheetAll: TableAll, SheetPairs: TablePairs} {
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 || tables[0].Name != name || !strings.HasPrefix(tables[0].Range, "A1:") {
			t.Errorf("%s tables = %+v, %v", sheet, tables, err)
		}
	}
	for _, sheet := range f.GetSheetList()[1:6] {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s panes = %+v, %v", sheet, p, err)
		}
	}
}

func TestPrintSetupAndProperties(t *testing.T) {
	r := mustReport(t)
	f, _ := workbook(t, r)
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.Size == nil || *pl.Size != A4 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s page layout = %+v", sheet, pl)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page is off", sheet)
		}
		hf, _ := f.GetHeaderFooter(sheet)
		if !strings.Contains(hf.OddHeader, r.Title) || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") ||
			!strings.Contains(hf.OddFooter, "报告节选，并非全文") {
			t.Errorf("%s header/footer = %+v", sheet, hf)
		}
		// A size code must not run into digits of the text (&92022 would be size 92022).
		if regexp.MustCompile(`&\d+\d{4}`).MatchString(hf.OddHeader + hf.OddFooter) {
			t.Errorf("%s: header/footer size code runs into text: %q", sheet, hf.OddHeader)
		}
	}
	names := f.GetDefinedName()
	titled := map[string]bool{}
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" {
			titled[n.Scope] = n.RefersTo == "'"+n.Scope+"'!$1:$1"
		}
	}
	for _, sheet := range f.GetSheetList()[1:6] {
		if !titled[sheet] {
			t.Errorf("%s does not repeat its header row when printed", sheet)
		}
	}
	dp, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if dp.Title != r.Title+"数据" || !strings.HasPrefix(dp.Creator, "WorkReport") || !strings.Contains(dp.Subject, "节选") ||
		dp.Keywords != "政府工作报告; 全国; 2016" ||
		dp.Created != "2023-02-16T01:30:00Z" || dp.Modified != dp.Created {
		t.Errorf("doc props = %+v", dp)
	}
	if strings.Contains(dp.Creator, "xuri") || strings.HasPrefix(dp.Created, "2006") {
		t.Errorf("library defaults leak: %+v", dp)
	}
}

func TestCoverSheet(t *testing.T) {
	r := mustReport(t)
	f, _ := workbook(t, r)
	rows, _ := f.GetRows(SheetCover)
	var text []string
	for _, row := range rows {
		text = append(text, strings.Join(row, " "))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{r.Title, r.Source.Meeting, r.Source.Date, "报告节选，并非全文", "导出时间", "2023年2月16日 09:30",
		"1.0.0", "超过", "不少于", "接近", "大约", "已超过", "达到", "争取", "门槛", "推算", "上限", "区间", SheetAll,
		"回顾期间的实际结果（本报告：2015年、“十二五”时期）", "2016年重点工作：按报告顺序"} {
		if !strings.Contains(all, want) {
			t.Errorf("cover lacks %q", want)
		}
	}
	links := 0
	for i := 1; i <= len(rows); i++ {
		if ok, target, _ := f.GetCellHyperLink(SheetCover, cell(1, i)); ok {
			links++
			if !strings.HasSuffix(target, "!A1") {
				t.Errorf("link target %q", target)
			}
		}
	}
	if links != len(f.GetSheetList())-1 {
		t.Errorf("%d sheet links, want %d", links, len(f.GetSheetList())-1)
	}
}

func TestNativeCharts(t *testing.T) {
	_, data := workbook(t, mustReport(t))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var charts []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			charts = append(charts, string(b))
		}
	}
	if len(charts) < 2 {
		t.Fatalf("%d charts, want at least 2", len(charts))
	}
	all := strings.Join(charts, "\n")
	if strings.Contains(all, `<varyColors val="1">`) {
		t.Error("bars vary in colour, so results and targets would not keep their colours")
	}
	// The workbook charts the overview's specs: the same titles, series and figures.
	specs := chart.Overview(mustReport(t))
	if len(charts) != len(specs) {
		t.Errorf("%d native charts for %d overview charts", len(charts), len(specs))
	}
	for _, s := range specs {
		if !strings.Contains(all, s.Title) {
			t.Errorf("no native chart titled %q", s.Title)
		}
	}
	for _, want := range []string{"<f>&#39;图表&#39;!$A$"} {
		if !strings.Contains(all, want) {
			t.Errorf("charts lack %q", want)
		}
	}
	if strings.Contains(all, "<f>=") {
		t.Error("a chart reference starts with =, which WPS does not draw")
	}
}

// TestTextIsNeverAFormula: text that looks like a formula is stored as text.
func TestTextIsNeverAFormula(t *testing.T) {
	small := reporttest.Load(t, reporttest.JiangmenFormat1)
	tricky := []string{`=HYPERLINK("http://example.com","点我")`, "+1", "-2", "@SUM(A1)"}
	figs := small.Figures()
	for i, s := range tricky {
		figs[i%len(figs)].Indicator = s // the model is the writer's input; mutate a private copy
	}
	f, data := workbook(t, small)
	rows, _ := f.GetRows(SheetAll)
	for i := range figs {
		c := cell(3, i+2)
		formula, _ := f.GetCellFormula(SheetAll, c)
		v, _ := f.GetCellValue(SheetAll, c)
		if formula != "" || v != figs[i].Indicator {
			t.Errorf("%s: formula %q value %q", c, formula, v)
		}
	}
	_ = rows
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
				t.Errorf("%s holds a formula", zf.Name)
			}
		}
	}
}

func TestColumnsFitChineseText(t *testing.T) {
	f, _ := workbook(t, mustReport(t))
	// 指标 on 全部数据 holds long Chinese names: wide, and wrapping beyond the cap.
	w, _ := f.GetColWidth(SheetAll, "C")
	if w < 20 {
		t.Errorf("指标 column width %v", w)
	}
	st, _ := f.GetCellStyle(SheetAll, cell(16, 2)) // 原文
	style, _ := f.GetStyle(st)
	if style.Alignment == nil || !style.Alignment.WrapText {
		t.Error("原文 does not wrap")
	}
	if style.Font == nil || style.Font.Family != Font {
		t.Errorf("font %+v", style.Font)
	}
	if displayWidth("江门3.3%") != 8 {
		t.Errorf("displayWidth counts a full-width character as 2: got %d", displayWidth("江门3.3%"))
	}
}

func TestWriteReportsWriterFailure(t *testing.T) {
	err := Write(&failingWriter{after: 1000}, mustReport(t), Options{})
	if err == nil {
		t.Fatal("no error from a failing writer")
	}
}

type failingWriter struct{ after, n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n+len(p) > w.after {
		k := w.after - w.n
		w.n = w.after
		return k, io.ErrShortWrite
	}
	w.n += len(p)
	return len(p), nil
}

func TestSaveAddsTheExtension(t *testing.T) {
	dir := t.TempDir()
	got, err := Save(dir+"/江门 数据", mustReport(t), Options{Time: exportTime})
	if err != nil || got != dir+"/江门 数据.xlsx" {
		t.Fatalf("Save = %q, %v", got, err)
	}
	f, err := excelize.OpenFile(got)
	if err != nil {
		t.Fatalf("saved workbook does not open: %v", err)
	}
	f.Close()
	if _, err := Save(dir+"/没有/a", mustReport(t), Options{}); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing folder: %v", err)
	}
}

// TestTextOverExcelsLimitIsRefused: Excel counts a cell's text in UTF-16 units, so a
// character outside the BMP (such as 𠀀) counts twice; excelize would silently cut longer
// text, and the builder refuses it instead.
func TestTextOverExcelsLimitIsRefused(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{f: f}
	fits := strings.Repeat("𠀀", maxCellText/2) + "a" // 32767 units
	b.text("Sheet1", "A1", fits)
	if b.err != nil {
		t.Fatalf("text of exactly %d units refused: %v", maxCellText, b.err)
	}
	if got, _ := f.GetCellValue("Sheet1", "A1"); got != fits {
		t.Fatalf("text of %d units not stored whole (%d runes back)", maxCellText, len([]rune(got)))
	}
	b.text("Sheet1", "A2", strings.Repeat("𠀀", maxCellText/2+1)) // 32768 units, 16384 runes
	if b.err == nil || !strings.Contains(b.err.Error(), "超过 Excel 单元格上限") {
		t.Fatalf("text over the limit: err = %v", b.err)
	}
}

// TestEmptyFieldsLeaveCellsBlank: a figure's empty field (no 限定, no 力争…) is a blank
// cell, bordered but with no value, not an empty string, which Excel would count with
// COUNTA, stop at with Ctrl+arrow and list apart from (空白) in a filter.
func TestEmptyFieldsLeaveCellsBlank(t *testing.T) {
	r := mustReport(t)
	f, data := workbook(t, r)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, _ := zf.Open()
		sst, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(sst, []byte("<si><t></t></si>")) || bytes.Contains(sst, []byte("<si><t/></si>")) {
			t.Error("the shared strings hold an empty string")
		}
	}
	blank := 0
	for i, fig := range r.Figures() {
		if fig.Bound != "" {
			continue
		}
		ref := cell(12, i+2) // 限定
		if typ, _ := f.GetCellType(SheetAll, ref); typ != excelize.CellTypeUnset {
			t.Fatalf("%s!%s (限定 of %s) has type %v, want a blank cell", SheetAll, ref, fig.ID, typ)
		}
		if s, _ := f.GetCellStyle(SheetAll, ref); s == 0 {
			t.Fatalf("%s!%s (限定 of %s) lost its border", SheetAll, ref, fig.ID)
		}
		blank++
	}
	if blank == 0 {
		t.Fatal("no figure without 限定 to check")
	}
}

// TestBorderedHeadingsSpanTheirRow: a merged heading whose style draws a rule carries it
// on every cell of the merge, since spreadsheet programs draw each cell's own borders.
func TestBorderedHeadingsSpanTheirRow(t *testing.T) {
	f, _ := workbook(t, deep(t))
	const sheet = "2024年工作安排"
	merges, err := f.GetMergeCells(sheet)
	if err != nil || len(merges) == 0 {
		t.Fatalf("no merged cells on %s: %v", sheet, err)
	}
	checked := 0
	for _, m := range merges {
		first, _ := f.GetCellStyle(sheet, m.GetStartAxis())
		st, err := f.GetStyle(first)
		if err != nil || len(st.Border) == 0 {
			continue
		}
		if last, _ := f.GetCellStyle(sheet, m.GetEndAxis()); last != first {
			t.Errorf("%s: the last cell has style %d, the first %d", m.GetCellValue(), last, first)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no bordered heading to check")
	}
}
