package views

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"workreport/app/compare"
	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/session"
	"workreport/app/workspace"
)

// The golden images the README shows, of the report and the library the app ships. They
// are the only tests of this package that read the shipped data; every behaviour test
// uses the fixtures of app/report/reporttest. The images are rendered with the app's
// theme and font, with charts drawn synchronously. To change one deliberately, delete
// the file, run the test, and look at the new image in testdata before committing it.

// builtIn is the report the app opens with.
func builtIn(t testing.TB) *report.Report {
	t.Helper()
	r, err := report.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// shippedUI opens the window on the report the app opens with and the library it
// ships, with saved reports in dir.
func shippedUI(t testing.TB, size fyne.Size, dir string) (*UI, fyne.Window, *fakeDeps) {
	t.Helper()
	u, w, fd, _ := testUIOn(t, size, builtIn(t), workspace.New(library.New(dir, library.BuiltIn()...)))
	return u, w, fd
}

func TestGoldenPanels(t *testing.T) {
	for _, id := range []string{session.OverviewID, "review.industry"} {
		t.Run(id, func(t *testing.T) {
			u, w, _ := shippedUI(t, fyne.NewSize(1280, 1500), t.TempDir())
			u.sess.Go(id)
			w.Canvas().Capture() // first pass lays out; charts render at their final size
			test.AssertImageMatches(t, "panel-"+id+".png", w.Canvas().Capture())
		})
	}
}

// TestGoldenReview: the review page of an imported report and the library, on the
// meeting-room laptop's 1366×768 screen at 125%.
func TestGoldenReview(t *testing.T) {
	// A fixed folder, as on Windows, so that the image does not change between runs.
	u, w, fd := shippedUI(t, fyne.NewSize(1093, 614), `C:\Users\张三\AppData\Roaming\WorkReport\reports`)
	fd.importPath = reporttest.Shared(t, "corpus/national/2019.txt")
	u.action(u.lib.importFile)
	w.Canvas().Capture()
	test.AssertImageMatches(t, "review.png", w.Canvas().Capture())
	u.action(u.lib.show)
	w.Canvas().Capture()
	test.AssertImageMatches(t, "library.png", w.Canvas().Capture())
}

// TestGoldenSlides compares a title slide, a card slide and a chart slide of the
// built-in report, on a 1366×768 laptop at 125%.
func TestGoldenSlides(t *testing.T) {
	u, w, _ := presentOn(t, screens[0], builtIn(t))
	want := map[slideKind]string{titleSlide: "slide-title.png", cardsSlide: "slide-cards.png", chartSlide: "slide-chart.png"}
	for i, sl := range u.pres.deck {
		name, ok := want[sl.kind]
		if !ok || sl.page.ID != "review.industry" {
			continue
		}
		delete(want, sl.kind)
		u.pres.goTo(i)
		u.pres.counter.Hide()
		w.Canvas().Capture()
		test.AssertImageMatches(t, name, w.Canvas().Capture())
	}
	if len(want) > 0 {
		t.Errorf("no slide for %v", want)
	}
}

// TestGoldenFirstOpen: the pages a civil servant of the city sees on first open, without
// importing anything, as the README shows them: last year's targets against the
// digest's results, the city's GDP growth over the years the library holds, and the
// year's targets of the city, its province and the nation side by side.
func TestGoldenFirstOpen(t *testing.T) {
	u, w, _ := shippedUI(t, fyne.NewSize(1280, 1500), t.TempDir())
	r := u.sess.Report()
	show := func(id, golden string) {
		t.Helper()
		if !u.sess.Go(id) {
			t.Fatalf("no page %s; pages %v", id, u.sess.Roots())
		}
		w.Canvas().Capture()
		test.AssertImageMatches(t, golden, w.Canvas().Capture())
	}
	prev := report.ReviewedYear(r.Year)
	v := u.sess.Verdicts(fmt.Sprintf("%s%d", session.VerdictPrefix, prev))
	if v == nil || v.Prev.Place != r.Place || v.Prev.Source.Kind != report.Official || v.Next != r {
		t.Fatalf("no verdicts of %d's targets by the report on show", prev)
	}
	if row := v.Rows[0]; row.Verdict != compare.Missed {
		t.Errorf("%s %s: %s", row.Indicator, row.TargetText(), row.Verdict)
	}
	show(fmt.Sprintf("%s%d", session.VerdictPrefix, prev), "verdicts.png")
	tr := u.sess.Trend()
	if tr == nil || tr.Reports < 7 || len(tr.Points) < 10 {
		t.Fatalf("trend %+v", tr)
	}
	show(session.TrendID, "trend.png")
	b := u.sess.Benchmark()
	if b == nil || len(b.Places) != 3 || b.Year != r.Year {
		t.Fatalf("benchmark %+v", b)
	}
	show(session.BenchmarkID, "benchmark.png")
}

// TestGoldenLaptop: the window on a 1366×768 laptop at 125%, as a new user first meets
// it: the library, the export dialog, the search bar with its results, 对标 and a
// status message of two lines.
func TestGoldenLaptop(t *testing.T) {
	s := screens[0]
	u, w, _ := shippedUI(t, s.logical(), `C:\Users\张三\AppData\Roaming\WorkReport\reports`)
	w.Canvas().(test.WindowlessCanvas).SetScale(s.scale)
	shot := func(golden string) {
		t.Helper()
		w.Canvas().Capture()
		test.AssertImageMatches(t, golden, w.Canvas().Capture())
		for u.dialogOpen() {
			u.topDialog().close()
		}
	}
	u.lib.show()
	shot("laptop-library.png")
	u.pickExportPath(w, `C:\Users\张三\Documents\会议 材料`, u.sess.DefaultExportName(), func(string) {})
	shot("laptop-export.png")
	typeShortcut(w, fyne.KeyF, fyne.KeyModifierShortcutDefault)
	u.search.entry.SetText("增长")
	shot("laptop-search.png")
	u.search.close()
	u.sess.Go(session.BenchmarkID)
	u.status("已导入“江门市2024年政府工作报告（送审稿）.docx”：22 个分节，241 项数据（全部未审核，其中 16 项把握不大，已注明原因），" +
		"110 处数字不是数据（年份、序号、名称等）；请先核对关键数据 24 项")
	shot("laptop-benchmark.png")
}
