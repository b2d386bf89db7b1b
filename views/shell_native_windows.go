package views

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"github.com/sqweek/dialog"
)

// On Windows the file and folder dialogs are the system's own: they are in Chinese on a
// Chinese Windows, know the user's folders and recent places, and do not make Fyne parse
// the font again for bold titles, as Fyne's dialogs do. Each runs on a goroutine of its
// own, since it blocks until the user answers, and reports back on the UI goroutine.

// nativeDialogs fills in the system's dialogs for the pickers left nil.
func nativeDialogs(d *Deps) {
	if d.PickExportPath == nil {
		d.PickExportPath = nativeSave
		d.SaveAsksToReplace = true
	}
	if d.PickFolder == nil {
		d.PickFolder = nativeFolder
	}
	if d.PickReport == nil {
		d.PickReport = nativeOpen
	}
	if d.PickImport == nil {
		d.PickImport = nativeImport
	}
	if d.PickHandoutPath == nil {
		d.PickHandoutPath = nativeSavePDF
	}
}

func nativeSavePDF(_ fyne.Window, dir, name string, done func(string)) {
	go func() {
		path, err := dialog.File().Title("导出会议材料（PDF）").Filter("PDF 文档", "pdf").
			SetStartDir(dir).SetStartFile(name).Save()
		if err == nil && filepath.Ext(path) == "" {
			path += ".pdf"
		}
		answer(path, err, done)
	}()
}

// answer reports a dialog's answer on the UI goroutine: the path, or "" when the user
// cancelled or the dialog failed.
func answer(path string, err error, done func(string)) {
	if err != nil {
		if !errors.Is(err, dialog.ErrCancelled) {
			fyne.LogError("file dialog", err)
		}
		path = ""
	}
	fyne.Do(func() { done(path) })
}

func nativeSave(_ fyne.Window, dir, name string, done func(string)) {
	go func() {
		path, err := dialog.File().Title("导出Excel").Filter("Excel 工作簿", "xlsx").
			SetStartDir(dir).SetStartFile(name).Save()
		if err == nil && filepath.Ext(path) == "" {
			path += ".xlsx"
		}
		answer(path, err, done)
	}()
}

func nativeFolder(_ fyne.Window, dir string, done func(string)) {
	go func() {
		path, err := dialog.Directory().Title("选择保存的文件夹").SetStartDir(dir).Browse()
		answer(path, err, done)
	}()
}

func nativeOpen(_ fyne.Window, dir string, done func(string)) {
	go func() {
		path, err := dialog.File().Title("打开报告").Filter("报告数据文件", "yaml", "yml").
			SetStartDir(dir).Load()
		answer(path, err, done)
	}()
}

func nativeImport(_ fyne.Window, dir string, done func(string)) {
	go func() {
		path, err := dialog.File().Title("导入报告").Filter("报告原文（Word、网页、文本）", "docx", "html", "htm", "txt", "md").
			SetStartDir(dir).Load()
		answer(path, err, done)
	}()
}
