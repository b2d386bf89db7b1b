package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// replaceInBackground runs load off the UI goroutine with a progress dialog. When it
// fails, the error is explained and the report on show stays; otherwise show puts the
// new report on show, after asking about unsaved edits.
func (u *UI) replaceInBackground(working, failed, kept string, load func() error, show func()) {
	progress := u.modal(progressDialog, working, widget.NewProgressBarInfinite(), 420)
	u.deps.Exec.Go(func() {
		err := load()
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				u.showError(failed, fmt.Errorf("%w\n\n%s", err, kept))
				return
			}
			if u.rev.leaveEdits(show) {
				show()
			}
		})
	})
}
