package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"workreport/app/chart"
	"workreport/app/session"
)

// countingExec runs each render at once and counts them.
type countingExec struct{ n int }

func (e *countingExec) Go(fn func()) { e.n++; fn() }

// Going back to the page before draws no chart again, even when the page between holds
// more charts than the cache's budget (the overview at 125%).
func TestGoingBackDrawsNoChartAgain(t *testing.T) {
	u, w, _, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	w.Canvas().(test.WindowlessCanvas).SetScale(1.25)
	exec := &countingExec{}
	u.charts = chart.NewCache(exec)
	u.rebuild()
	checked := 0
	for _, p := range u.sess.Pages() {
		if p.ID == session.OverviewID {
			continue
		}
		u.sess.Go(p.ID)
		if len(chartViews(u)) == 0 {
			continue
		}
		u.sess.Go(session.OverviewID)
		before := exec.n
		u.sess.Go(p.ID)
		if exec.n != before {
			t.Errorf("going back to %s drew %d charts again", p.ID, exec.n-before)
		}
		checked++
	}
	if checked < 5 || exec.n == 0 {
		t.Fatalf("only %d pages with charts, %d renders", checked, exec.n)
	}
}

// chartViews returns the chart views of the page on show.
func chartViews(u *UI) []*chartView {
	var vs []*chartView
	walkCharts(u.cur.root, func(v *chartView) { vs = append(vs, v) })
	return vs
}
