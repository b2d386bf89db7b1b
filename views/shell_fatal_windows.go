package views

import (
	"syscall"
	"unsafe"
)

var procMessageBox = syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")

// Message box style: an error icon and an OK button.
const (
	mbOK        = 0x00000000
	mbIconError = 0x00000010
)

// showFatal shows a native Windows message box: a GUI program has no console to print to.
func showFatal(title, text string) {
	t, _ := syscall.UTF16PtrFromString(text)
	c, _ := syscall.UTF16PtrFromString(title)
	procMessageBox.Call(0, uintptr(unsafe.Pointer(t)), uintptr(unsafe.Pointer(c)), mbOK|mbIconError)
}
