//go:build !windows

package views

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// openFile opens a file or folder with the program the desktop associates with it.
func openFile(path string) error {
	return fyne.CurrentApp().OpenURL(uriToURL(storage.NewFileURI(path)))
}

// showFile opens the folder that holds a file.
func showFile(path string) error { return openFile(filepath.Dir(path)) }
