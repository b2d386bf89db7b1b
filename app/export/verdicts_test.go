package export

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"workreport/app/compare"
	"workreport/app/report/reporttest"
)

// With the next year's report at hand, the workbook has a 目标完成情况 sheet: every
// target with its verdict, gap and both sentences, as an Excel table, and the rules.
func TestVerdictsSheet(t *testing.T) {
	prev, next := reporttest.Load(t, reporttest.SampleCity2022), reporttest.Load(t, reporttest.SampleCity2023)
	rows := compare.Judge(compare.Pair{Prev: prev, Next: next}, compare.DefaultTolerance)
	var buf bytes.Buffer
	if err := Write(&buf, prev, Options{Verdicts: rows}); err != nil {
		t.Fatal(err)
	}
	data := bytes.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.GetRows(SheetVerdicts)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < len(rows)+1 || got[0][4] != "判定" {
		t.Fatalf("sheet rows: %d, header %v", len(got), got[0])
	}
	for i, row := range rows {
		cells := got[i+1]
		if cells[1] != row.Indicator || cells[4] != row.VerdictText() || len(cells) > 5 && cells[5] != row.Gap || cells[6] != row.Source || cells[8] != row.Target.Sentence {
			t.Errorf("row %d: %v, want %v", i, cells, row.Cells())
		}
	}
	// The rules and the table of qualitative targets are under the table.
	var all strings.Builder
	for _, r := range got {
		all.WriteString(strings.Join(r, " "))
	}
	if !strings.Contains(all.String(), "判定规则") || !strings.Contains(all.String(), "“明显改善”") || !strings.Contains(all.String(), "统计公报") {
		t.Error("the sheet does not state the rules and the table of meanings")
	}
	if tables, _ := f.GetTables(SheetVerdicts); len(tables) != 1 {
		t.Error("the verdicts are not an Excel table")
	}
	withVerdicts := countCharts(t, data)
	// Without the next year's report there is no such sheet.
	buf.Reset()
	if err := Write(&buf, prev, Options{}); err != nil {
		t.Fatal(err)
	}
	if without := countCharts(t, buf.Bytes()); withVerdicts != without+1 {
		t.Errorf("%d native charts with the verdicts, %d without: the verdicts sheet has no chart", withVerdicts, without)
	}
	f2, _ := excelize.OpenReader(&buf)
	if idx, _ := f2.GetSheetIndex(SheetVerdicts); idx >= 0 {
		t.Error("a verdicts sheet without verdicts")
	}
}

// With several years of a place at hand, the workbook has a 历年走势 sheet.
func TestTrendSheet(t *testing.T) {
	r := reporttest.Load(t, reporttest.National2016)
	header := []string{"年份", "指标", "目标", "实绩", "判定", "差距", "说明"}
	rows := [][]string{{"2015", "国内生产总值增速", "7%左右", "6.9%", "基本达成", "-0.1", "“左右”目标"}, {"2016", "国内生产总值增速", "6.5%－7%", "", "", "", ""}}
	var buf bytes.Buffer
	if err := Write(&buf, r, Options{TrendHeader: header, Trend: rows}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.GetRows(SheetTrend)
	if err != nil || len(got) != 3 || got[1][4] != "基本达成" || got[2][2] != "6.5%－7%" {
		t.Fatalf("trend sheet: %v %v", got, err)
	}
}

// countCharts counts the native charts (xl/charts/chartN.xml) in a workbook.
func countCharts(t *testing.T, data []byte) int {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			n++
		}
	}
	return n
}
