package cli

import (
	"os"
	"syscall"
)

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
)

// attachParentProcess is ATTACH_PARENT_PROCESS for AttachConsole.
const attachParentProcess = ^uintptr(0)

// PrepareConsole makes a headless command's output visible when WorkReport.exe, a
// Windows GUI program, is run from cmd.exe or PowerShell: it attaches to the console of
// the shell that started it. Output already redirected to a file or pipe (or handed over
// by the console twin, WorkReport.com) is left alone. It does nothing when the arguments
// open the window.
func PrepareConsole(args []string) {
	if !headless(args) {
		return
	}
	if redirected(syscall.STD_OUTPUT_HANDLE) && redirected(syscall.STD_ERROR_HANDLE) {
		return
	}
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return // started without a console, e.g. from Explorer
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !redirected(syscall.STD_OUTPUT_HANDLE) {
		os.Stdout = con
	}
	if !redirected(syscall.STD_ERROR_HANDLE) {
		os.Stderr = con
	}
}

// redirected reports whether a standard handle leads somewhere already.
func redirected(which int) bool {
	h, err := syscall.GetStdHandle(which)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}
