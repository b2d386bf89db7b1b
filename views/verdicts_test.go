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
	"workreport/app/importer"
	"workreport/app/session"
)

// A report whose previous year's report is in the library gets a page of that year's
// targets against its results: every target with its verdict, both sentences a tap
// away, the table on the clipboard, and the rules. The earlier report's target cards
// show their verdicts.
func TestVerdictPage(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1280, 1500), builtIn(t))
	openNational(t, u, 2016)
	if !u.sess.Go("verdicts-2015") {
		t.Fatalf("no page of 2015's verdicts; pages %v", u.sess.Roots())
	}
	w.Canvas().Capture()
	test.AssertImageMatches(t, "verdicts.png", w.Canvas().Capture())
	m := u.sess.Model("verdicts-2015")
	if m.Verdicts == nil || len(m.Verdicts.Rows) != 9 || len(u.cur.verdictRows) != 9 {
		t.Fatalf("verdict rows: %+v", m.Verdicts)
	}
	test.Tap(u.cur.verdictRows[0])
	if !overlayHasText(w, "增长6.9%") || !overlayHasText(w, "国内生产总值增长7%左右") {
		t.Error("the source does not show both sentences")
	}
	tapIn(t, topOverlay(w), "关闭")
	tapIn(t, u.cur.root, "复制本页数据")
	if got := u.clipboard().Content(); !strings.HasPrefix(got, strings.Join(compare.Header, "\t")) || strings.Count(got, "\n") != 10 {
		t.Errorf("clipboard: %q", got)
	}
	// The workbook of the 2016 report judges its own targets by the 2017 report and
	// follows every indicator over the years.
	fd.exportPath = filepath.Join(t.TempDir(), "2016 全国.xlsx")
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
	// The 2015 report's GDP card says how its target fared.
	openNational(t, u, 2015)
	found := false
	for _, p := range u.sess.Pages() {
		for _, c := range u.sess.Model(p.ID).Cards {
			for _, n := range c.Notes {
				if strings.Contains(n, "完成情况（据2016年报告）：基本达成") {
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
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1280, 1500), builtIn(t))
	openNational(t, u, 2022)
	if !u.sess.Go(session.TrendID) {
		t.Fatal("no trend page")
	}
	w.Canvas().Capture()
	test.AssertImageMatches(t, "trend.png", w.Canvas().Capture())
	tr := u.sess.Trend()
	if tr.Indicator != "国内生产总值增速" || len(tr.Points) < 8 {
		t.Fatalf("trend: %s, %d years", tr.Indicator, len(tr.Points))
	}
	tapIn(t, u.cur.root, "复制本页数据")
	got := u.clipboard().Content()
	if !strings.Contains(got, "2015\t国内生产总值增速\t7%左右\t6.9%\t基本达成\t-0.1") || !strings.Contains(got, "2021\t国内生产总值增速\t6%以上\t8.1%\t达成\t+2.1") {
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
	u, w, _, _ := testUIWith(t, fyne.NewSize(1280, 1500), builtIn(t))
	openNational(t, u, 2016)
	u.sess.Go("verdicts-2015")
	test.Tap(u.cur.overrideButtons[0]) // 国内生产总值增速 7%左右: 基本达成
	u.overrideForm.verdict.SetSelected("达成")
	u.overrideForm.note.SetText("按修订数据")
	tapIn(t, topOverlay(w), "保存判定")
	row := u.sess.Verdicts("verdicts-2015").Rows[0]
	if !row.Manual || row.Verdict != compare.Met || !strings.Contains(row.Note, "按修订数据") {
		t.Fatalf("own page override: %+v", row)
	}
	if d := u.sess.Doc(); d == nil || !d.Dirty() || !strings.Contains(u.headerState.Text(), "未保存") {
		t.Error("the override is not an unsaved edit of the open report")
	}

	// The 2016 targets are judged by the built-in 2017 report: the override is saved
	// into the library as a copy of it.
	u.sess.Go("verdicts-2016")
	test.Tap(u.cur.overrideButtons[0])
	u.overrideForm.verdict.SetSelected("未达成")
	u.overrideForm.note.SetText("复核")
	tapIn(t, topOverlay(w), "保存判定")
	row = u.sess.Verdicts("verdicts-2016").Rows[0]
	if !row.Manual || row.Verdict != compare.Missed {
		t.Fatalf("library override: %+v", row)
	}
	saved := 0
	for _, e := range u.deps.Library.List() {
		if !e.BuiltIn && e.Place == "全国" && e.Year == 2017 {
			saved++
			data, _ := os.ReadFile(e.Path)
			if !strings.Contains(string(data), "判定: 未达成") {
				t.Error("the saved copy does not hold the override")
			}
		}
	}
	if saved != 1 {
		t.Errorf("%d saved copies of the 2017 report", saved)
	}
	// Without a reason, nothing is saved.
	test.Tap(u.cur.overrideButtons[1])
	u.overrideForm.verdict.SetSelected("达成")
	tapIn(t, topOverlay(w), "保存判定")
	if !overlayHasText(w, "理由") {
		t.Error("an override without a reason was not refused")
	}
}

// Reports of one year from different places line up their targets: the Jiangmen digest
// beside a national report of the same year (a fixture, imported).
func TestBenchmarkPage(t *testing.T) {
	u, w, _, _ := testUIWith(t, fyne.NewSize(1280, 1500), builtIn(t))
	text := "政府工作报告\n\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n\n国务院总理\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2022年工作回顾\n\n过去一年，国内生产总值增长3%。\n\n二、2023年经济社会发展总体要求和政策取向\n\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。\n"
	res, err := importer.Import("2023年政府工作报告.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.deps.Library.Save(res.YAML, res.Report, ""); err != nil {
		t.Fatal(err)
	}
	u.libraryChanged()
	u.sess.SetLibrary(u.library())
	if !u.sess.Go(session.BenchmarkID) {
		t.Fatalf("no benchmark page: %v", u.sess.Roots())
	}
	w.Canvas().Capture()
	test.AssertImageMatches(t, "benchmark.png", w.Canvas().Capture())
	b := u.sess.Benchmark()
	if len(b.Places) != 2 || b.Places[1] != "全国" {
		t.Fatalf("places %v", b.Places)
	}
	var gdp *compare.BenchRow
	for i := range b.Rows {
		if b.Rows[i].Indicator == "国内生产总值增速" {
			gdp = &b.Rows[i]
		}
	}
	if gdp == nil || !gdp.Comparable || gdp.Targets[0] == nil || gdp.Targets[1].Phrase != "5%左右" {
		t.Fatalf("GDP growth side by side: %+v", gdp)
	}
	if c := u.sess.Charts(session.BenchmarkID); len(c) != 1 {
		t.Errorf("%d benchmark charts", len(c))
	}
	tapIn(t, u.cur.root, "复制本页数据")
	if got := u.clipboard().Content(); !strings.HasPrefix(got, "指标\t江门市\t全国\t说明\n") || !strings.Contains(got, "不作比较") {
		t.Errorf("clipboard %q", got)
	}
}

// The tolerance is a setting: widened, a 左右 target missed by 0.4 points becomes
// 基本达成, and the note names the tolerance used; nonsense is refused.
func TestToleranceSetting(t *testing.T) {
	u, w, _, prefs := testUIWith(t, fyne.NewSize(1280, 1500), builtIn(t))
	openNational(t, u, 2017)
	find := func() compare.Row {
		for _, r := range u.sess.Verdicts("verdicts-2016").Rows {
			if strings.HasPrefix(r.Indicator, "居民收入") {
				return r
			}
		}
		t.Fatal("no income row")
		return compare.Row{}
	}
	if r := find(); r.Verdict != compare.Missed {
		t.Fatalf("default tolerance: %s", r.Verdict)
	}
	u.editTolerance()
	u.toleranceForm[0].SetText("0.5")
	tapIn(t, topOverlay(w), "应用")
	if r := find(); r.Verdict != compare.Met || !strings.Contains(r.Note, "0.5") {
		t.Errorf("widened tolerance: %s %q", r.Verdict, r.Note)
	}
	if prefs.Float(session.KeyToleranceRate) != 0.5 {
		t.Error("the tolerance is not remembered")
	}
	u.editTolerance()
	u.toleranceForm[0].SetText("9")
	tapIn(t, topOverlay(w), "应用")
	if !overlayHasText(w, "超出范围") {
		t.Error("an absurd tolerance was accepted")
	}
}

// openNational opens the library's national report of a year.
func openNational(t *testing.T, u *UI, year int) {
	t.Helper()
	for _, e := range u.deps.Library.List() {
		if e.Place == "全国" && e.Year == year {
			u.openEntry(e)
			return
		}
	}
	t.Fatalf("the library has no national report of %d", year)
}
