package views

import (
	"image"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
	"workreport/app/handout"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/safefile"
	"workreport/app/session"
	"workreport/app/task"
	"workreport/app/workspace"
	"workreport/app/workspace/workspacetest"
)

// fakeDeps records what the UI asked the outside world for.
type fakeDeps struct {
	exportPath string // what the path picker answers
	folder     string
	reportPath string
	importPath string               // what the import picker answers
	ws         *workspace.Workspace // the test's library: the fixtures, and a folder of its own
	opened     []string
	later      []func() // what the UI asked to run after a delay, in order
	picks      int      // how many times a file or folder picker was asked for
}

// flush runs what the UI asked to run later, as if the time had passed.
func (f *fakeDeps) flush() {
	for len(f.later) > 0 {
		fn := f.later[0]
		f.later = f.later[1:]
		fn()
	}
}

func (f *fakeDeps) deps() Deps {
	return Deps{
		Exec: task.Sync{},
		PickExportPath: func(_ fyne.Window, dir, name string, done func(string)) {
			f.picks++
			done(f.exportPath)
		},
		PickFolder:      func(_ fyne.Window, _ string, done func(string)) { f.picks++; done(f.folder) },
		PickReport:      func(_ fyne.Window, _ string, done func(string)) { f.picks++; done(f.reportPath) },
		SaveCharts:      chart.WriteFiles,
		SaveImages:      safefile.WritePNGs,
		OpenFile:        func(p string) error { f.opened = append(f.opened, "open:"+p); return nil },
		ShowFile:        func(p string) error { f.opened = append(f.opened, "show:"+p); return nil },
		After:           func(_ time.Duration, fn func()) { f.later = append(f.later, fn) },
		Workspace:       f.ws,
		PickImport:      func(_ fyne.Window, _ string, done func(string)) { f.picks++; done(f.importPath) },
		PickHandoutPath: func(_ fyne.Window, _, _ string, done func(string)) { f.picks++; done(f.exportPath) },
		SaveHandout: func(path string, s *session.Session) (string, error) {
			return handout.Save(path, s, time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
		},
	}
}

// testUI opens the window on the 2016 national excerpt, on Fyne's test driver, with
// charts rendered synchronously.
func testUI(t testing.TB, size fyne.Size) (*UI, fyne.Window, *fakeDeps, *session.MemorySettings) {
	t.Helper()
	return testUIWith(t, size, reporttest.Load(t, reporttest.National2016))
}

// sample is the made-up city's 2023 report, the first of the test library: the window
// shows its verdict page for 2022, its trend and its benchmark against the province.
func sample(t testing.TB) *report.Report {
	t.Helper()
	return reporttest.Load(t, reporttest.SampleCity2023)
}

// testUIWith opens the window on a report the way Run does, then starts the app as the
// driver would.
func testUIWith(t testing.TB, size fyne.Size, r *report.Report) (*UI, fyne.Window, *fakeDeps, *session.MemorySettings) {
	t.Helper()
	return testUIOn(t, size, r, workspacetest.New(t, t.TempDir()))
}

// testUIOn opens the window on a report with a library of the test's choosing.
func testUIOn(t testing.TB, size fyne.Size, r *report.Report, ws *workspace.Workspace) (*UI, fyne.Window, *fakeDeps, *session.MemorySettings) {
	t.Helper()
	a := test.NewTempApp(t)
	prefs := &session.MemorySettings{}
	fd := &fakeDeps{ws: ws}
	u := open(a, session.New(r, "", prefs), fd.deps())
	w := u.win
	w.Resize(size)
	w.Show()
	started(a)
	fd.flush() // the first page
	t.Cleanup(func() {
		for _, open := range fyne.CurrentApp().Driver().AllWindows() {
			if open == w { // a test may have closed it
				w.Close()
			}
		}
	})
	return u, w, fd, prefs
}

// started runs the app's started hook, as the driver does when the app runs.
func started(a fyne.App) {
	if l, ok := a.Lifecycle().(interface{ OnStarted() func() }); ok && l.OnStarted() != nil {
		l.OnStarted()()
	}
}

// blankImage reports whether an image is one colour.
func blankImage(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}

// topOverlay is the dialog on top of the window.
func topOverlay(w fyne.Window) fyne.CanvasObject {
	return w.Canvas().Overlays().Top()
}

// overlayHasText reports whether any open dialog shows the text.
func overlayHasText(w fyne.Window, s string) bool {
	for _, o := range w.Canvas().Overlays().List() {
		if strings.Contains(textOf(o), s) {
			return true
		}
	}
	return false
}

// textOf collects the text of an object tree.
func textOf(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(x fyne.CanvasObject) {
		switch v := x.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *canvas.Text:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		case *textBlock:
			b.WriteString(v.Text() + "\n")
		case *button:
			b.WriteString(v.Text + "\n")
		}
	})
	return b.String()
}

// findButton finds a button by its label.
func findButton(o fyne.CanvasObject, label string) *button {
	var found *button
	walk(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*button); ok && found == nil && b.Text == label {
			found = b
		}
	})
	return found
}

// walk visits an object tree, including the objects widgets render.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		if _, ok := v.(*textBlock); ok {
			return
		}
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, fn)
		}
	}
}
