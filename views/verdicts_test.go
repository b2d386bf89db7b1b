package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"workreport/app/compare"
)

// A report whose previous year's report is in the library gets a page of that year's
// targets against its results: every target with its verdict, both sentences a tap
// away, the table on the clipboard, and the rules. The earlier report's target cards
// show their verdicts.
func TestVerdictPage(t *testing.T) {
	u, w, _, _ := testUIWith(t, fyne.NewSize(1280, 1500), builtIn(t))
	for _, e := range u.deps.Library.List() {
		if e.Place == "全国" && e.Year == 2016 {
			u.openEntry(e)
		}
	}
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
	// The 2015 report's GDP card says how its target fared.
	for _, e := range u.deps.Library.List() {
		if e.Place == "全国" && e.Year == 2015 {
			u.openEntry(e)
		}
	}
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
