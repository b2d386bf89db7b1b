//go:build !windows

package views

import "fyne.io/fyne/v2"

// windowPlace is the window's place on the screen; only Windows gives it to the app.
// Elsewhere GLFW puts the window back where it was after full screen.
type windowPlace struct{}

func placeOf(fyne.Window) windowPlace { return windowPlace{} }

func restorePlace(fyne.Window, windowPlace) {}
