package views

import (
	"os/exec"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// openFile opens a file or folder with the program Windows associates with it, such as
// Excel or WPS for a workbook.
func openFile(path string) error {
	return fyne.CurrentApp().OpenURL(uriToURL(storage.NewFileURI(path)))
}

// showFile opens Explorer with the file selected.
func showFile(path string) error {
	cmd := exec.Command("explorer")
	// Explorer parses its own command line: /select,"path" must reach it unsplit.
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `explorer /select,"` + path + `"`}
	return cmd.Start()
}
