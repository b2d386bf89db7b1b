//go:build !ci

package views

import (
	"os"
	"runtime"
	"strconv"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// workArea returns the primary screen's work area (the screen without the task bar) in
// Fyne's logical units and the scale Fyne draws at on it, or false when it cannot be
// known. It calls GLFW, which Fyne has
// started on the main thread by the time a window exists; call it from the main thread.
func workArea(a fyne.App) (fyne.Size, float32, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, 0, false
	}
	_, _, w, h := m.GetWorkarea()
	mode := m.GetVideoMode()
	if w <= 0 || h <= 0 || mode == nil {
		return fyne.Size{}, 0, false
	}
	var system float32
	if runtime.GOOS == "windows" {
		system, _ = m.GetContentScale() // the display's scaling setting, 1.25 at 125%
	} else {
		widthMm, _ := m.GetPhysicalSize()
		system = densityScale(mode.Width, widthMm)
	}
	s := scaleFor(system, userScale(a))
	return fyne.NewSize(float32(w)/s, float32(h)/s), s, true
}

// userScale is the user's own scale: FYNE_SCALE, or the app's scale setting.
func userScale(a fyne.App) float32 {
	if v, err := strconv.ParseFloat(os.Getenv("FYNE_SCALE"), 32); err == nil && v > 0 {
		return float32(v)
	}
	if s := a.Settings().Scale(); s > 0 {
		return s
	}
	return 1
}
