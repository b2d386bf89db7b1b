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
	s := monitorScale(a, m, mode)
	return fyne.NewSize(float32(w)/s, float32(h)/s), s, true
}

// monitorScale is the scale Fyne draws at on a monitor: the system's scale (on Windows,
// the display's scaling setting, 1.25 at 125%; elsewhere the screen's density) times
// the user's.
func monitorScale(a fyne.App, m *glfw.Monitor, mode *glfw.VidMode) float32 {
	var system float32
	if runtime.GOOS == "windows" {
		system, _ = m.GetContentScale()
	} else {
		widthMm, _ := m.GetPhysicalSize()
		system = densityScale(mode.Width, widthMm)
	}
	return scaleFor(system, userScale(a))
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

// screenSize returns the primary screen's whole size in Fyne's logical units, the size
// a full-screen window takes, or false when it cannot be known. Call it from the main
// thread.
func screenSize(a fyne.App) (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return fyne.Size{}, false
	}
	s := monitorScale(a, m, mode)
	return fyne.NewSize(float32(mode.Width)/s, float32(mode.Height)/s), true
}
