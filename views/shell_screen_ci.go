//go:build ci

package views

import "fyne.io/fyne/v2"

// workArea and the scale are unknown on Fyne's test driver, which has no screen.
func workArea(fyne.App) (fyne.Size, float32, bool) { return fyne.Size{}, 0, false }

func screenSize(fyne.App) (fyne.Size, bool) { return fyne.Size{}, false }
