//go:build ci

package views

import "fyne.io/fyne/v2"

// workArea is unknown on Fyne's test driver, which has no screen.
func workArea(fyne.App) (fyne.Size, bool) { return fyne.Size{}, false }
