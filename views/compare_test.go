package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"workreport/app/compare"
	"workreport/app/export"
	"workreport/app/session"
)

// The test library's reports of the made-up city: 2022 and 2023. The 2023 report opens
// first, with the page of 2022's targets against its results.

// A report whose previous year's report is in the library gets a page of that year's
// targets against its results: every target with its verdict, both sentences a tap
// away, the table on the clipboard, and the rules. The earlier report's target cards
// show their verdicts.
func TestVerdictPage(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1280, 1500), sample(t))
	if !u.sess.Go("verdicts-2022") {
		t.Fatalf("no page of 2022's verdicts; pages %v", u.sess.Roots())
	}
	m := u.sess.Model("verdicts-2022")
	if m.Verdicts == nil || len(m.Verdicts.Rows) != 8 || len(u.cur.verdictRows) != 8 {
		t.Fatalf("verdict rows: %+v", m.Verdicts)
	}
	if text := textOf(u.cur.root); !strings.Contains(text, "达成 6 项") || !strings.Contains(text, "未达成 2 项") {
		t.Errorf("the summary does not count the verdicts: %s", text)
	}
	test.Tap(u.cur.verdictRows[0])
	if !overlayHasText(w, "增长5.4%") || !overlayHasText(w, "地区生产总值增长7%左右") {
		t.Error("the source does not show both sentences")
	}
	tapIn(t, topOverlay(w), "关闭")
	tapIn(t, u.cur.root, "复制本页数据")
	if got := u.clipboard().Content(); !strings.HasPrefix(got, strings.Join(compare.Header, "\t")) || strings.Count(got, "\n") != 9 {
		t.Errorf("clipboard: %q", got)
	}
	// The 2022 report: its own targets are judged by the 2023 report in its workbook,
	// which also follows every indicator over the years; its GDP card says how its
	// target fared.
	openSample(t, u, 2022)
	fd.exportPath = filepath.Join(t.TempDir(), "2022 示例市.xlsx")
	u.exportExcel()
	wb, err := excelize.OpenFile(fd.exportPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range []string{export.SheetVerdicts, export.SheetTrend} {
		if rows, err := wb.GetRows(sheet); err != nil || len(rows) < 5 {
			t.Errorf("sheet %s: %d rows, %v", sheet, len(rows), err)
		}
	}
	wb.Close()
	found := false
	for _, p := range u.sess.Pages() {
		for _, c := range u.sess.Model(p.ID).Cards {
			for _, n := range c.Notes {
				if strings.Contains(n, "完成情况（据2023年报告）：未达成") {
					found = true
				}
			}
		}
	}
	if !found {
		t.Error("no card shows its target's verdict")
	}
}

// The reports of one place over the years: an indicator's targets and results, GDP growth
// first, another indicator on choice, the table on the clipboard, the chart as a PNG.
func TestTrendPage(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1280, 1500), sample(t))
	if !u.sess.Go(session.TrendID) {
		t.Fatal("no trend page")
	}
	tr := u.sess.Trend()
	if !strings.HasSuffix(tr.Indicator, "生产总值增速") || len(tr.Points) != 3 {
		t.Fatalf("trend: %s, %d years", tr.Indicator, len(tr.Points))
	}
	tapIn(t, u.cur.root, "复制本页数据")
	got := u.clipboard().Content()
	if !strings.Contains(got, "2022\t"+tr.Indicator+"\t7%左右\t5.4%\t未达成\t-1.6") || !strings.Contains(got, "2021\t"+tr.Indicator+"\t\t7.2%\t\t\t报告库中没有 2021 年的报告，目标空缺") {
		t.Errorf("clipboard: %q", got)
	}
	u.cur.trendChoice.SetSelected("城镇新增就业")
	if tr := u.sess.Trend(); tr.Indicator != "城镇新增就业" || u.sess.Current().ID != session.TrendID {
		t.Errorf("after choosing: %s on %s", tr.Indicator, u.sess.Current().ID)
	}
	// The chart saves as PNG files, like the others.
	fd.folder = t.TempDir()
	u.exportCharts()
	tapIn(t, topOverlay(w), "选择文件夹…")
	if entries, _ := os.ReadDir(fd.folder); len(entries) == 0 {
		t.Error("the trend chart was not saved")
	}
}

// A person overrides a verdict with a reason. On the open report's own page it is kept
// in its file (saved with it); for a target of the open report, judged by the next
// year's report, it goes into the library with that report, a built-in one as a saved
// copy. Either way the page shows 人工判定.
func TestOverrideVerdict(t *testing.T) {
	u, w, _, _ := testUIWith(t, fyne.NewSize(1280, 1500), sample(t))
	u.sess.Go("verdicts-2022")
	test.Tap(u.cur.overrideButtons[0]) // 地区生产总值增速 7%左右: 未达成
	u.cmp.overrideForm.verdict.SetSelected("达成")
	u.cmp.overrideForm.note.SetText("按修订数据")
	tapIn(t, topOverlay(w), "保存判定")
	row := u.sess.Verdicts("verdicts-2022").Rows[0]
	if !row.Manual || row.Verdict != compare.Met || !strings.Contains(row.Note, "按修订数据") {
		t.Fatalf("own page override: %+v", row)
	}
	if d := u.sess.Draft(); d == nil || !d.Dirty() || !strings.Contains(u.headerState.Text, "未保存") {
		t.Error("the override is not an unsaved edit of the open report")
	}
	if text := textOf(u.cur.root); !strings.Contains(text, "达成（人工判定）") {
		t.Error("the page does not show the person's verdict")
	}

	// The 2022 report's targets are judged by the built-in 2023 report: seen from the
	// 2022 report, the override is saved into the library as a copy of 2023.
	u.rev.dropDraft, u.rev.dropEdits = u.sess.Draft(), u.sess.Draft().Edits()
	openSample(t, u, 2022)
	u.sess.Go("verdicts-2022")
	test.Tap(u.cur.overrideButtons[1])
	u.cmp.overrideForm.verdict.SetSelected("未达成")
	u.cmp.overrideForm.note.SetText("复核")
	tapIn(t, topOverlay(w), "保存判定")
	row = u.sess.Verdicts("verdicts-2022").Rows[1]
	if !row.Manual || row.Verdict != compare.Missed {
		t.Fatalf("library override: %+v", row)
	}
	saved := 0
	for _, e := range u.deps.Workspace.List() {
		if !e.BuiltIn && e.Place == "示例市" && e.Year == 2023 {
			saved++
			data, _ := os.ReadFile(e.Path)
			if !strings.Contains(string(data), "判定: 未达成") {
				t.Error("the saved copy does not hold the override")
			}
		}
	}
	if saved != 1 {
		t.Errorf("%d saved copies of the 2023 report", saved)
	}
	// Without a reason, nothing is saved.
	test.Tap(u.cur.overrideButtons[2])
	u.cmp.overrideForm.verdict.SetSelected("达成")
	tapIn(t, topOverlay(w), "保存判定")
	if !overlayHasText(w, "理由") {
		t.Error("an override without a reason was not refused")
	}
}

// Reports of one year from different places line up their targets: the city beside its
// province.
func TestBenchmarkPage(t *testing.T) {
	u, _, _, _ := testUIWith(t, fyne.NewSize(1280, 1500), sample(t))
	if !u.sess.Go(session.BenchmarkID) {
		t.Fatalf("no benchmark page: %v", u.sess.Roots())
	}
	b := u.sess.Benchmark()
	if len(b.Places) != 2 || b.Places[0] != "示例市" || b.Places[1] != "示例省" {
		t.Fatalf("places %v", b.Places)
	}
	var gdp *compare.BenchRow
	for i := range b.Rows {
		if strings.HasSuffix(b.Rows[i].Indicator, "生产总值增速") {
			gdp = &b.Rows[i]
		}
	}
	if gdp == nil || !gdp.Comparable || gdp.Targets[0].Phrase != "6%以上" || gdp.Targets[1].Phrase != "5%以上" {
		t.Fatalf("GDP growth side by side: %+v", gdp)
	}
	if c := u.sess.Charts(session.BenchmarkID); len(c) != 1 {
		t.Errorf("%d benchmark charts", len(c))
	}
	tapIn(t, u.cur.root, "复制本页数据")
	if got := u.clipboard().Content(); !strings.HasPrefix(got, "指标\t示例市\t示例省\t说明\n") || !strings.Contains(got, "规模不同，不比") {
		t.Errorf("clipboard %q", got)
	}
}

// The tolerance is a setting: widened, a 左右 target missed by 0.4 points becomes
// 基本达成, and the note names the tolerance used; nonsense is refused.
func TestToleranceSetting(t *testing.T) {
	u, w, _, prefs := testUIWith(t, fyne.NewSize(1280, 1500), sample(t))
	gdp := func() compare.Row { return u.sess.Verdicts("verdicts-2022").Rows[0] } // 7%左右 against 5.4%
	if r := gdp(); r.Verdict != compare.Missed {
		t.Fatalf("default tolerance: %s", r.Verdict)
	}
	u.cmp.editTolerance()
	u.cmp.toleranceForm[0].SetText("1.6")
	tapIn(t, topOverlay(w), "应用")
	if r := gdp(); r.Verdict != compare.MostlyMet || !strings.Contains(r.Note, "1.6") {
		t.Errorf("widened tolerance: %s %q", r.Verdict, r.Note)
	}
	if prefs.Float(session.KeyToleranceRate) != 1.6 {
		t.Error("the tolerance is not remembered")
	}
	u.cmp.editTolerance()
	u.cmp.toleranceForm[0].SetText("9")
	tapIn(t, topOverlay(w), "应用")
	if !overlayHasText(w, "超出范围") {
		t.Error("an absurd tolerance was accepted")
	}
}

// openSample opens the test library's report of the made-up city of a year.
func openSample(t *testing.T, u *UI, year int) {
	t.Helper()
	for _, e := range u.deps.Workspace.List() {
		if e.Place == "示例市" && e.Year == year && e.BuiltIn {
			u.lib.open(e)
			return
		}
	}
	t.Fatalf("the test library has no report of %d", year)
}
