//go:build !race

package views

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"workreport/app/report/reporttest"
	"workreport/app/session"
	"workreport/app/task"
	"workreport/app/workspace/workspacetest"
)

// TestSoakPanelsAndExports visits every panel 100 times and exports the workbook 20
// times, with charts rendered in the background as in the app. Afterwards the heap is
// within 10% of what it was after the first pass, the goroutines are back to their
// number then, and no temporary file is left. (It runs without -race: the race detector
// multiplies the memory it measures.)
//
// Fyne keeps the renderers of widgets that left the screen for a minute, and its
// painter frees the stale ones at most every 10 seconds. To measure the app's own memory
// rather than that timer, the test runs in a child process with FYNE_CACHE=200ms and
// lets Fyne's cleaner run (by painting after 10 seconds) before each measurement, as the
// running app's paint loop does.
func TestSoakPanelsAndExports(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test")
	}
	if os.Getenv("WORKREPORT_SOAK_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSoakPanelsAndExports$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), "WORKREPORT_SOAK_CHILD=1", "FYNE_CACHE=200ms")
		out, err := cmd.CombinedOutput()
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(line, "soak_test.go") {
				t.Log(strings.TrimSpace(line))
			}
		}
		if err != nil {
			t.Fatalf("soak child failed: %v\n%s", err, out)
		}
		return
	}
	a := test.NewTempApp(t)
	r := reporttest.Load(t, reporttest.National2016)
	bg := &task.Async{}
	fd := &fakeDeps{ws: workspacetest.New(t, t.TempDir())}
	deps := fd.deps()
	deps.Exec = bg
	u := open(a, session.New(r, "", &session.MemorySettings{}), deps)
	w := u.win
	w.Resize(fyne.NewSize(1280, 820))
	w.Show()
	started(a)
	fd.flush()
	defer w.Close()
	dir := t.TempDir()
	tmpBefore := tempEntries(t)

	pass := func() {
		for _, p := range u.sess.Pages() {
			if !u.sess.Go(p.ID) {
				u.sess.Go(session.OverviewID)
				u.sess.Go(p.ID)
			}
			bg.Wait() // the charts of the page are drawn before moving on
		}
	}
	pass()
	heap1, routines1 := settle(bg, w)
	for i := 1; i < 100; i++ {
		pass()
	}
	fd.exportPath = filepath.Join(dir, "江门 数据.xlsx")
	for i := 0; i < 20; i++ {
		u.runExport(fd.exportPath)
		bg.Wait()
		if !overlayHasText(w, "导出完成") {
			t.Fatalf("export %d failed", i+1)
		}
		for _, o := range w.Canvas().Overlays().List() {
			w.Canvas().Overlays().Remove(o)
		}
	}
	heap2, routines2 := settle(bg, w)
	t.Logf("heap after the first pass %.1f MiB, after the run %.1f MiB; goroutines %d → %d; chart cache %.1f MiB",
		mib(heap1), mib(heap2), routines1, routines2, mib(uint64(u.charts.Bytes())))
	if float64(heap2) > 1.10*float64(heap1) {
		t.Errorf("heap grew from %.1f to %.1f MiB, more than 10%%", mib(heap1), mib(heap2))
	}
	if routines2 > routines1 {
		t.Errorf("goroutines grew from %d to %d", routines1, routines2)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left in the export folder: %v", names)
	}
	if left := newEntries(tmpBefore, tempEntries(t)); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// cleanInterval is how often Fyne's painter frees stale renderers at most.
const cleanInterval = 10*time.Second + 500*time.Millisecond

// settle waits for background work, lets Fyne's cache cleaner run when given a window
// (it runs on a paint at least 10 seconds after the last), collects garbage and returns
// the live heap and the number of goroutines.
func settle(exec *task.Async, w fyne.Window) (uint64, int) {
	exec.Wait()
	if w != nil {
		time.Sleep(cleanInterval)
		w.Canvas().Capture()
	}
	var m runtime.MemStats
	n := runtime.NumGoroutine()
	for i := 0; i < 20; i++ { // finished goroutines take a moment to be gone
		time.Sleep(10 * time.Millisecond)
		if k := runtime.NumGoroutine(); k == n {
			break
		} else {
			n = k
		}
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc, runtime.NumGoroutine()
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

func tempEntries(t *testing.T) map[string]bool {
	out := map[string]bool{}
	entries, _ := os.ReadDir(os.TempDir())
	for _, e := range entries {
		out[e.Name()] = true
	}
	return out
}

func newEntries(before, after map[string]bool) []string {
	var out []string
	for n := range after {
		if !before[n] && (strings.Contains(n, "workreport") || strings.Contains(n, "excelize") || strings.HasSuffix(n, ".tmp")) {
			out = append(out, n)
		}
	}
	return out
}
