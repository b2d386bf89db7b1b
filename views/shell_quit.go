package views

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// quitGrace is how long the process may take to end once the app has begun to quit.
const quitGrace = 5 * time.Second

// quitWatch ends the process if it is still running quitGrace after the app began to
// quit. Fyne 2.7 can hang while it shuts down: an input or focus event queued as the
// window closes waits for a main loop that has already ended, and the process stays
// with no window (on Windows, a WorkReport.exe left in the Task Manager). Every file the
// app writes is complete and in place before the window closes, so ending the process
// then loses nothing.
type quitWatch struct {
	grace time.Duration
	exit  func(code int)
	once  sync.Once
}

// begin starts the countdown, once; a clean quit ends the process before it is up.
func (q *quitWatch) begin() {
	if q == nil {
		return
	}
	q.once.Do(func() {
		time.AfterFunc(q.grace, func() { q.exit(0) })
	})
}

// onSignals begins the countdown when the system asks the process to end (Fyne quits
// the app on the same signals).
func (q *quitWatch) onSignals() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		q.begin()
	}()
}
