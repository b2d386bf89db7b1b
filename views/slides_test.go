package views

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"workreport/app/chart"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/task"
)

// screen is a screen a meeting room may have: its pixels and the display scale.
type screen struct {
	name  string
	w, h  float32
	scale float32
}

var screens = []screen{
	{"1366x768@125%", 1366, 768, 1.25}, // the usual office laptop
	{"1024x600", 1024, 600, 1},         // the smallest
	{"1920x1080", 1920, 1080, 1},       // a projector
	{"1366x768@130%", 1366, 768, 1.3},  // the laptop as Fyne scales it at 125%
	{"1024x600@125%", 1024, 600, 1.25}, // a small screen, scaled
}

// logical is the screen in Fyne's units.
func (s screen) logical() fyne.Size { return fyne.NewSize(s.w/s.scale, s.h/s.scale) }

// presentOn opens a report full screen on a screen and enters presentation mode.
func presentOn(t testing.TB, s screen, r *report.Report) (*UI, fyne.Window, *fakeDeps) {
	t.Helper()
	u, w, fd, _ := testUIWith(t, s.logical(), r)
	w.Canvas().(test.WindowlessCanvas).SetScale(s.scale)
	u.present(true)
	if !u.presenting || !w.FullScreen() {
		t.Fatal("F11 did not start presenting")
	}
	return u, w, fd
}

// overflow lists what on a slide would need scrolling or be cut off: an object that
// reaches past the canvas, text drawn wider than the canvas, or a paragraph given less
// height than its lines need.
func overflow(o fyne.CanvasObject, size fyne.Size) []string {
	var out []string
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		sz := o.Size()
		const slack = 0.75
		if sz.Width > 0 && sz.Height > 0 &&
			(pos.X < -slack || pos.Y < -slack || pos.X+sz.Width > size.Width+slack || pos.Y+sz.Height > size.Height+slack) {
			out = append(out, fmt.Sprintf("%T at %v size %v", o, pos, sz))
		}
		switch v := o.(type) {
		case *canvas.Text:
			if w := v.MinSize().Width; v.Text != "" && pos.X+w > size.Width+slack {
				out = append(out, fmt.Sprintf("text %q runs to %.0f", v.Text, pos.X+w))
			}
		case *textBlock:
			if need := v.MinSize().Height; need > sz.Height+slack {
				out = append(out, fmt.Sprintf("paragraph %q needs %.0f, has %.0f", clipText(v.Text(), 16), need, sz.Height))
			}
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				visit(c, pos)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				visit(c, pos)
			}
		}
	}
	visit(o, fyne.NewPos(0, 0))
	return out
}

func clipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// TestSlidesFitEveryScreen shows every slide of the built-in report on each screen,
// through the real widgets: nothing reaches past the canvas, and no text is cut off.
func TestSlidesFitEveryScreen(t *testing.T) {
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			u, w, _ := presentOn(t, s, reporttest.Load(t, reporttest.National2016))
			size := w.Canvas().Size()
			n := len(u.pres.deck)
			if n < 30 {
				t.Fatalf("only %d slides", n)
			}
			for i := 0; i < n; i++ {
				u.pres.goTo(i)
				if u.pres.at != i && i != 0 {
					t.Fatalf("slide %d not shown", i+1)
				}
				for _, o := range overflow(u.pres.current, size) {
					t.Errorf("slide %d (%s): %s", i+1, u.pres.deck[i].label(), o)
				}
			}
			// Every figure and chart of every page is on some slide.
			figs, charts := 0, 0
			for _, sl := range u.pres.deck {
				figs += len(sl.cards)
				if sl.spec != nil {
					charts++
				}
			}
			wantFigs, wantCharts := 0, 0
			for _, p := range u.sess.Pages() {
				m := u.sess.Model(p.ID)
				wantFigs += len(m.Cards)
				wantCharts += len(m.Charts)
			}
			if figs != wantFigs || charts != wantCharts {
				t.Errorf("slides show %d cards and %d charts, the pages %d and %d", figs, charts, wantFigs, wantCharts)
			}
		})
	}
}

// TestSlideTextIsLargeOnAProjector: on a 1920×1080 screen a card's value is at least
// 64 pixels tall and its labels and excerpt at least 28, and no card had to shrink.
func TestSlideTextIsLargeOnAProjector(t *testing.T) {
	u, _, _ := presentOn(t, screens[2], reporttest.Load(t, reporttest.National2016))
	cards := 0 // values seen
	for i, sl := range u.pres.deck {
		if sl.kind != cardsSlide {
			continue
		}
		if sl.shrink != 1 {
			t.Errorf("slide %d: cards shrunk by %.2f", i+1, sl.shrink)
		}
		u.pres.goTo(i)
		notes := map[string]bool{}
		for _, cm := range sl.cards {
			for _, n := range cm.Notes {
				notes[n] = true
			}
		}
		walk(u.pres.current, func(o fyne.CanvasObject) {
			switch v := o.(type) {
			case *canvas.Text:
				if v.TextSize >= 60 {
					cards++
					if v.TextSize < 64 && len([]rune(v.Text)) < 8 {
						t.Errorf("slide %d: value %q at %.0f px", i+1, v.Text, v.TextSize)
					}
				}
			case *textBlock:
				if v.px < 28 && !notes[v.Text()] {
					t.Errorf("slide %d: %q at %.0f px", i+1, clipText(v.Text(), 12), v.px)
				}
			}
		})
	}
	if cards < 50 {
		t.Errorf("only %d card values checked", cards)
	}
}

// TestPresentationKeys: the clicker's keys, as PowerPoint takes them.
func TestPresentationKeys(t *testing.T) {
	u, w, fd := presentOn(t, screens[0], sample(t))
	if w.MainMenu() != nil {
		t.Error("the menu bar stays in presentation mode")
	}
	if findButton(w.Content(), "复制") != nil || findButton(w.Content(), "导出Excel") != nil {
		t.Error("buttons stay on the slides")
	}
	last := len(u.pres.deck) - 1
	steps := []struct {
		key  fyne.KeyName
		want int
	}{
		{fyne.KeyPageDown, 1}, {fyne.KeyRight, 2}, {fyne.KeyDown, 3}, {fyne.KeySpace, 4}, {fyne.KeyReturn, 5},
		{fyne.KeyPageUp, 4}, {fyne.KeyLeft, 3}, {fyne.KeyUp, 2}, {fyne.KeyBackspace, 1},
		{fyne.KeyEnd, last}, {fyne.KeyPageDown, last}, {fyne.KeyHome, 0}, {fyne.KeyPageUp, 0},
	}
	for _, s := range steps {
		typeKey(w, s.key)
		if u.pres.at != s.want {
			t.Errorf("%s: slide %d, want %d", s.key, u.pres.at+1, s.want+1)
		}
	}
	// A number and Enter jump to that slide.
	typeRunes(w, "12")
	if !strings.Contains(u.pres.label.Text, "12") {
		t.Errorf("the typed number is not shown: %q", u.pres.label.Text)
	}
	typeKey(w, fyne.KeyReturn)
	if u.pres.at != 11 {
		t.Errorf("12 Enter: slide %d", u.pres.at+1)
	}
	typeRunes(w, "999")
	typeKey(w, fyne.KeyReturn)
	if u.pres.at != 11 {
		t.Errorf("a number past the end moved to slide %d", u.pres.at+1)
	}
	// The counter shows the place, then fades.
	if !u.pres.counter.Visible() || !strings.Contains(u.pres.label.Text, fmt.Sprintf("12 / %d", last+1)) {
		t.Errorf("counter %q", u.pres.label.Text)
	}
	fd.flush()
	if u.pres.counter.Visible() {
		t.Error("the counter does not fade")
	}
	// B blanks to black, W to white; any key brings the slide back and does nothing else.
	typeRunes(w, "b")
	if !u.pres.blank.Visible() || u.pres.blank.FillColor != color.Black {
		t.Error("B does not blank the screen to black")
	}
	typeKey(w, fyne.KeyPageDown)
	if u.pres.blank.Visible() || u.pres.at != 11 {
		t.Errorf("a key on a blank screen: blank %v, slide %d", u.pres.blank.Visible(), u.pres.at+1)
	}
	u.pres.runeOff = u.pres.runeOff.Add(-time.Second)
	typeRunes(w, "w")
	if !u.pres.blank.Visible() || u.pres.blank.FillColor != color.White {
		t.Error("W does not blank the screen to white")
	}
	typeKey(w, fyne.KeyEscape)
	if !u.presenting || u.pres.blank.Visible() {
		t.Error("Esc on a blank screen should bring the slide back, not leave")
	}
	// Esc leaves, on the page of the slide.
	typeKey(w, fyne.KeyEscape)
	if u.presenting || w.FullScreen() || w.MainMenu() == nil {
		t.Fatal("Esc did not leave presentation mode")
	}
	if got := u.sess.Current().ID; got != u.pres.deck[11].page.ID {
		t.Errorf("left on page %s, the slide was of %s", got, u.pres.deck[11].page.ID)
	}
}

// TestPresentingStartsAtTheCurrentPageAndReturnsToTheSlidesPlace: F11 on a page starts
// at its title slide; Esc on a later slide of a long page scrolls the page to what the
// slide showed.
func TestPresentingStartsAtTheCurrentPageAndReturnsToTheSlidesPlace(t *testing.T) {
	u, w, fd, _ := testUIWith(t, screens[0].logical(), reporttest.Load(t, reporttest.National2016))
	w.Canvas().(test.WindowlessCanvas).SetScale(1.25)
	u.sess.Go("huigu")
	before := w.Canvas().Size()
	typeKey(w, fyne.KeyF11)
	sl := u.pres.deck[u.pres.at]
	if sl.page.ID != "huigu" || sl.kind != titleSlide {
		t.Fatalf("presenting started at %s (%v)", sl.page.ID, sl.kind)
	}
	// Go to the page's last slide of cards.
	for i := u.pres.at; i < len(u.pres.deck) && u.pres.deck[i].page.ID == "huigu"; i++ {
		if u.pres.deck[i].kind == cardsSlide {
			u.pres.goTo(i)
		}
	}
	first := u.pres.deck[u.pres.at].cards[0].Figure.ID
	w.Resize(fyne.NewSize(1366/1.25, 768/1.25)) // the full-screen canvas
	typeKey(w, fyne.KeyEscape)
	if u.sess.Current().ID != "huigu" {
		t.Fatalf("left on %s", u.sess.Current().ID)
	}
	if got := w.Canvas().Size(); got.Subtract(before).Width > 0.05 || before.Subtract(got).Width > 0.05 ||
		got.Subtract(before).Height > 0.05 || before.Subtract(got).Height > 0.05 {
		t.Errorf("the window is %v after full screen, was %v", got, before)
	}
	w.Canvas().Capture()
	fd.flush() // the page is laid out; now it scrolls
	card := u.cur.cards[first]
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(card.root).Y
	view := d.AbsolutePositionForObject(u.cur.scroll).Y
	if u.cur.scroll.Offset.Y == 0 || top < view-1 || top > view+u.cur.scroll.Size().Height {
		t.Errorf("the page is not scrolled to %s: offset %v, card at %v, view at %v", first, u.cur.scroll.Offset.Y, top, view)
	}
}

// TestAChartSlideKeepsItsPlace: on a chart slide, a change of screen size keeps the
// same chart, and Esc scrolls the page to it.
func TestAChartSlideKeepsItsPlace(t *testing.T) {
	u, w, fd, _ := testUIWith(t, screens[0].logical(), reporttest.Load(t, reporttest.National2016))
	u.sess.Go("huigu")
	typeKey(w, fyne.KeyF11)
	chartAt := -1
	for i, s := range u.pres.deck {
		if s.page.ID == "huigu" && s.kind == chartSlide {
			chartAt = i
			break
		}
	}
	if chartAt < 0 {
		t.Fatal("the page has no chart slide")
	}
	u.pres.goTo(chartAt)
	id := u.pres.deck[chartAt].spec.ID
	w.Resize(fyne.NewSize(1024/1.25, 600/1.25)) // a smaller projector
	if s := u.pres.deck[u.pres.at]; s.kind != chartSlide || s.spec.ID != id {
		t.Fatalf("after the resize the slide is %v of %s", s.kind, s.page.ID)
	}
	w.Resize(fyne.NewSize(1366/1.25, 768/1.25))
	typeKey(w, fyne.KeyEscape)
	w.Canvas().Capture()
	fd.flush()
	var cv *chartView
	for _, c := range u.cur.charts {
		if c.spec.ID == id {
			cv = c
		}
	}
	if cv == nil {
		t.Fatalf("the page has no chart %s", id)
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(cv).Y
	view := d.AbsolutePositionForObject(u.cur.scroll).Y
	if u.cur.scroll.Offset.Y == 0 || top < view-1 || top > view+u.cur.scroll.Size().Height {
		t.Errorf("the page is not scrolled to the chart: offset %v, chart at %v, view at %v", u.cur.scroll.Offset.Y, top, view)
	}
}

// TestASlideLeftBehindLetsGoOfItsChart: a chart slide that is no longer shown drops its
// image at once, so a clicker passing many chart slides does not pile up images.
func TestASlideLeftBehindLetsGoOfItsChart(t *testing.T) {
	u, w, _ := presentOn(t, screens[0], sample(t))
	u.charts = chart.NewCache(task.Sync{})
	var cv *chartView
	for i, s := range u.pres.deck {
		if s.kind == chartSlide {
			u.pres.goTo(i)
			break
		}
	}
	w.Canvas().Capture()
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				find(c)
			}
		case *chartView:
			cv = o
		}
	}
	find(u.pres.current)
	if cv == nil || cv.img.Image == nil {
		t.Fatal("the chart slide shows no chart image")
	}
	typeKey(w, fyne.KeyPageDown)
	if cv.img.Image != nil {
		t.Error("the chart slide left behind keeps its image")
	}
}

// TestDialogsTakeTheKeys: while a dialog is open the page and the slides behind it do
// not move; Esc closes the dialog.
func TestDialogsTakeTheKeys(t *testing.T) {
	u, w, _, _ := testUIWith(t, fyne.NewSize(1000, 700), reporttest.Load(t, reporttest.National2016))
	u.sess.Go("huigu")
	w.Canvas().Capture()
	u.showSource(u.sess.Report().Figure("huigu.gdp"))
	before := u.cur.scroll.Offset
	for _, k := range []fyne.KeyName{fyne.KeyPageDown, fyne.KeyDown, fyne.KeyEnd, fyne.KeySpace} {
		typeKey(w, k)
	}
	typeShortcut(w, fyne.KeyRight, fyne.KeyModifierAlt)
	if u.cur.scroll.Offset != before || u.sess.Current().ID != "huigu" {
		t.Error("keys reached the page behind a dialog")
	}
	typeKey(w, fyne.KeyEscape)
	if u.dialogOpen() {
		t.Fatal("Esc does not close the source dialog")
	}
	typeKey(w, fyne.KeyPageDown)
	if u.cur.scroll.Offset.Y <= before.Y {
		t.Error("PageDown does not scroll the page")
	}
	// In presentation mode too.
	u.present(true)
	at := u.pres.at
	u.showError("导出失败", fmt.Errorf("测试"))
	typeKey(w, fyne.KeyPageDown)
	typeRunes(w, "b")
	if u.pres.at != at || u.pres.blank.Visible() {
		t.Error("keys reached the slides behind a dialog")
	}
	typeKey(w, fyne.KeyEscape)
	if u.dialogOpen() || !u.presenting {
		t.Error("Esc should close the dialog and keep presenting")
	}
}

// TestKeyboardAndWheelScrollThePage: outside presentation mode the keys scroll the
// page, not when a text field has the keyboard, and a wheel notch moves three lines.
func TestKeyboardAndWheelScrollThePage(t *testing.T) {
	u, w, _, _ := testUI(t, fyne.NewSize(1000, 700))
	u.sess.Go("huigu")
	w.Canvas().Capture()
	sc := u.cur.scroll
	typeKey(w, fyne.KeyPageDown)
	page := sc.Offset.Y
	if page < sc.Size().Height*0.8 {
		t.Errorf("PageDown scrolled %v of %v", page, sc.Size().Height)
	}
	typeKey(w, fyne.KeyDown)
	if sc.Offset.Y <= page {
		t.Error("↓ does not scroll")
	}
	typeKey(w, fyne.KeyEnd)
	if end := sc.Offset.Y; end < sc.Content.Size().Height-sc.Size().Height-1 {
		t.Errorf("End scrolled to %v of %v", end, sc.Content.Size().Height-sc.Size().Height)
	}
	typeKey(w, fyne.KeyHome)
	if sc.Offset.Y != 0 {
		t.Error("Home does not go to the top")
	}
	typeShortcut(w, fyne.KeyF, fyne.KeyModifierShortcutDefault)
	u.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if sc.Offset.Y != 0 {
		t.Error("a key typed in the search field scrolled the page")
	}
	u.search.close()
	sc.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -fyneNotch)})
	notch := sc.Offset.Y
	line := lineHeight(themeSize("text"))
	if notch < 2.5*line || notch > 3.5*line {
		t.Errorf("a wheel notch scrolls %.0f, three lines are %.0f", notch, 3*line)
	}
}

// TestSaveSlides saves every slide as a 1920×1080 PNG, laid out as the presentation
// lays it out on this screen (a 1366×768 laptop at 125%), so that the files are as many
// as the slides presented and numbered alike, into a new folder named after the report;
// saving again makes another folder. A failure or a cancel leaves no file behind.
func TestSaveSlides(t *testing.T) {
	s := screens[0]
	u, w, fd := presentOn(t, s, reporttest.Load(t, reporttest.National2016))
	presented := len(u.pres.deck)
	u.present(false)
	parent := filepath.Join(t.TempDir(), "会议 材料")
	fd.folder = parent
	u.exportSlides()
	folder := filepath.Join(parent, safeName(u.sess.Report().Title)+" 幻灯片")
	entries, err := os.ReadDir(folder)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != presented || presented < 10 {
		t.Fatalf("%d files for %d slides presented", len(entries), presented)
	}
	f, err := os.Open(filepath.Join(folder, slideFileName(0)))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil || img.Bounds().Dx() != 1920 || img.Bounds().Dy() != 1080 || blankImage(img) {
		t.Fatalf("slide image %v, %v", img.Bounds(), err)
	}
	for u.dialogOpen() {
		u.topDialog().close()
	}
	if again := folderFor(parent, filepath.Base(folder)); again != folder+" (2)" {
		t.Errorf("saving again goes to %s", again)
	}

	// Cancelled after the first slide, or failing at the third: nothing is left.
	save := u.deps.SaveImages
	for _, c := range []struct {
		name string
		fail func(i int) error
	}{
		{"cancel", func(i int) error {
			if i == 1 {
				pressKey(w, fyne.KeyEscape) // 取消, as the dialog's button
			}
			return nil
		}},
		{"disk", func(i int) error {
			if i == 2 {
				return errors.New("磁盘已满")
			}
			return nil
		}},
	} {
		fd.folder = filepath.Join(t.TempDir(), c.name)
		os.MkdirAll(fd.folder, 0o755)
		u.deps.SaveImages = func(dir string, names []string, render func(int) (image.Image, error)) ([]string, error) {
			return save(dir, names, func(i int) (image.Image, error) {
				if err := c.fail(i); err != nil {
					return nil, err
				}
				return render(i)
			})
		}
		u.exportSlides()
		if left, _ := os.ReadDir(fd.folder); len(left) != 0 {
			t.Errorf("%s: left %v", c.name, left)
		}
		if c.name == "cancel" && !strings.Contains(u.statusText(), "已取消") {
			t.Errorf("cancel: status %q", u.statusText())
		}
		if c.name == "disk" && !overlayHasText(w, "没有保存任何幻灯片") {
			t.Error("disk: no message that nothing was saved")
		}
		for u.dialogOpen() {
			u.topDialog().close()
		}
	}
}

func typeRunes(w fyne.Window, s string) {
	for _, r := range s {
		w.Canvas().OnTypedRune()(r)
	}
}
