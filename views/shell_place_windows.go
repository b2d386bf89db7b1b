package views

import (
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// Fyne 2.7 has no call to place a window, and after full screen GLFW may put it back at
// the top-left corner of the screen. On Windows the window's handle gives its place
// before presenting, and puts it back after.

var (
	user32            = syscall.NewLazyDLL("user32.dll")
	procGetWindowRect = user32.NewProc("GetWindowRect")
	procSetWindowPos  = user32.NewProc("SetWindowPos")
)

const (
	swpNoSize     = 0x0001
	swpNoZOrder   = 0x0004
	swpNoActivate = 0x0010
)

// windowPlace is the window's top-left corner on the screen, in pixels.
type windowPlace struct {
	x, y int32
	ok   bool
}

// withHWND runs f with the window's handle, on the thread that owns the window.
func withHWND(w fyne.Window, f func(hwnd uintptr)) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok && c.HWND != 0 {
			f(c.HWND)
		}
	})
}

// placeOf is where the window is now.
func placeOf(w fyne.Window) windowPlace {
	var p windowPlace
	withHWND(w, func(hwnd uintptr) {
		var r struct{ left, top, right, bottom int32 }
		if ok, _, _ := procGetWindowRect.Call(hwnd, uintptr(unsafe.Pointer(&r))); ok != 0 {
			p = windowPlace{x: r.left, y: r.top, ok: true}
		}
	})
	return p
}

// restorePlace puts the window back where it was, keeping its size.
func restorePlace(w fyne.Window, p windowPlace) {
	if !p.ok {
		return
	}
	withHWND(w, func(hwnd uintptr) {
		procSetWindowPos.Call(hwnd, 0, uintptr(p.x), uintptr(p.y), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
	})
}
