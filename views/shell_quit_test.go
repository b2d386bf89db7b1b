package views

import (
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A process still running quitGrace after the app began to quit ends itself, once, with
// status 0; asking to close with unsaved edits and cancelling starts no countdown.
func TestQuitWatchEndsAHungProcess(t *testing.T) {
	var exits, code atomic.Int32
	code.Store(-1)
	watch := func() *quitWatch {
		return &quitWatch{grace: 20 * time.Millisecond, exit: func(c int) { exits.Add(1); code.Store(int32(c)) }}
	}
	waitExits := func(want int32) {
		t.Helper()
		time.Sleep(100 * time.Millisecond)
		if got := exits.Load(); got != want {
			t.Fatalf("the process was ended %d times, want %d", got, want)
		}
	}

	q := watch()
	q.begin()
	q.begin()
	waitExits(1)
	if code.Load() != 0 {
		t.Errorf("exit status %d, want 0", code.Load())
	}
	var none *quitWatch
	none.begin() // tests and the command line have no watch

	// Closing the window with unsaved edits asks first: 取消 starts nothing, and the
	// window closing after "不保存，继续" does.
	u, w, _, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	u.quit = watch()
	u.clipboard().SetContent(fixture)
	u.action(u.lib.importClipboard)
	d := u.sess.Draft()
	test.Tap(u.rev.page.rows[d.Queue()[0].ID].confirm)
	u.requestClose()
	tapIn(t, topOverlay(w), "取消")
	waitExits(1)
	u.requestClose()
	tapIn(t, topOverlay(w), "不保存，继续")
	waitExits(2)

	// 文件 › 退出 (Ctrl+Q) starts it too.
	u2, _, _, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	u2.quit = watch()
	quitItem(t, u2).Action()
	waitExits(3)
}

// quitItem returns the menu's 退出 item.
func quitItem(t *testing.T, u *UI) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.mainMenu.Items {
		for _, it := range m.Items {
			if it.Label == "退出" {
				return it
			}
		}
	}
	t.Fatal("no 退出 in the menu")
	return nil
}
