//go:build !windows

package views

// nativeDialogs leaves Fyne's own dialogs in place: elsewhere than on Windows the
// system's dialogs would need cgo and GTK.
func nativeDialogs(*Deps) {}
