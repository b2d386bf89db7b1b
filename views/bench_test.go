package views

import (
	"testing"

	"fyne.io/fyne/v2"

	"workreport/app/chart"
	"workreport/app/session"
	"workreport/app/task"
)

// The panel benchmarks drive the real UI on Fyne's test driver with charts rendered
// synchronously, so that a visit includes building the panel, laying it out at the
// window's size and rendering its charts at their pixel size. Painting pixels is left
// out (BenchmarkPanelPaint measures the software painter, for information).

var benchSize = fyne.NewSize(1280, 820)

// BenchmarkPanelFirstVisit measures a first visit: from the navigation to a laid-out
// panel with its charts rendered, with no panel built and no chart cached before.
func BenchmarkPanelFirstVisit(b *testing.B) {
	u, _, _ := shippedUI(b, benchSize, b.TempDir())
	for _, p := range u.sess.Pages() {
		b.Run(p.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				leave(u, p)
				u.panels = map[string]*panel{}
				u.charts = chart.NewCache(task.Sync{})
				b.StartTimer()
				u.sess.Go(p.ID)
			}
		})
	}
}

// BenchmarkPanelSwitch measures going back to a panel visited before, whose charts
// are cached: the target is one frame.
func BenchmarkPanelSwitch(b *testing.B) {
	u, _, _ := shippedUI(b, benchSize, b.TempDir())
	for _, p := range u.sess.Pages() {
		u.sess.Go(p.ID)
	}
	for _, p := range u.sess.Pages() {
		b.Run(p.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				leave(u, p)
				b.StartTimer()
				u.sess.Go(p.ID)
			}
		})
	}
}

// BenchmarkPanelPaint measures Fyne's software painter drawing a whole window, for
// information: on Windows the OpenGL painter does this work.
func BenchmarkPanelPaint(b *testing.B) {
	u, w, _ := shippedUI(b, benchSize, b.TempDir())
	for _, id := range []string{session.OverviewID, "review.industry", "article"} {
		u.sess.Go(id)
		w.Canvas().Capture()
		b.Run(id, func(b *testing.B) {
			for b.Loop() {
				w.Canvas().Capture()
			}
		})
	}
}

// leave goes to another page than p.
func leave(u *UI, p *session.Page) {
	away := session.OverviewID
	if p.ID == away {
		away = "article"
	}
	u.sess.Go(away)
}

// BenchmarkSlideDeck measures laying the whole report out as slides for the laptop's
// screen, which happens as presenting starts and when the screen changes size.
func BenchmarkSlideDeck(b *testing.B) {
	u, w, _ := presentOn(b, screens[0], builtIn(b))
	size := w.Canvas().Size()
	b.ReportAllocs()
	for b.Loop() {
		u.deck(size)
	}
	b.ReportMetric(float64(len(u.pres.deck)), "slides")
}

// BenchmarkSlideNext measures a press of the clicker: building and laying out the next
// slide, its chart drawn synchronously, cycling through every slide of the report. The
// figure is the mean over all slides; the chart slides are the slowest.
func BenchmarkSlideNext(b *testing.B) {
	u, _, _ := presentOn(b, screens[0], builtIn(b))
	u.charts = chart.NewCache(task.Sync{})
	n := len(u.pres.deck)
	b.ReportAllocs()
	for b.Loop() {
		u.pres.goTo((u.pres.at + 1) % n)
	}
}
