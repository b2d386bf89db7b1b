package export

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"workreport/app/compare"
	"workreport/app/report"
	"workreport/resources"
)

// With the next year's report at hand, the workbook has a 目标完成情况 sheet: every
// target with its verdict, gap and both sentences, as an Excel table, and the rules.
func TestVerdictsSheet(t *testing.T) {
	load := func(name string) *report.Report {
		r, err := report.Load(name, resources.National(name))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	prev, next := load("national-2015.yaml"), load("national-2016.yaml")
	rows := compare.Judge(prev, next, compare.DefaultTolerance)
	var buf bytes.Buffer
	if err := Write(&buf, prev, Options{Verdicts: rows}); err != nil {
		t.Fatal(err)
	}
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
		if cells[1] != row.Indicator || cells[4] != row.VerdictText() || len(cells) > 5 && cells[5] != row.Gap || cells[7] != row.Target.Sentence {
			t.Errorf("row %d: %v, want %v", i, cells, row.Cells())
		}
	}
	if tables, _ := f.GetTables(SheetVerdicts); len(tables) != 1 {
		t.Error("the verdicts are not an Excel table")
	}
	// Without the next year's report there is no such sheet.
	buf.Reset()
	if err := Write(&buf, prev, Options{}); err != nil {
		t.Fatal(err)
	}
	f2, _ := excelize.OpenReader(&buf)
	if idx, _ := f2.GetSheetIndex(SheetVerdicts); idx >= 0 {
		t.Error("a verdicts sheet without verdicts")
	}
}
