package views

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
	"workreport/app/report"
	"workreport/app/session"
	"workreport/app/zhtext"
)

// exportExcel asks where to save the workbook and saves it in the background.
func (u *UI) exportExcel() {
	dir := u.folderSetting(session.KeyExportDir)
	u.deps.PickExportPath(u.win, dir, u.sess.DefaultExportName(), func(path string) {
		if path == "" {
			return
		}
		u.replaceOrSave(session.WorkbookPath(path), "工作簿", u.runExport)
	})
}

// replaceOrSave saves at once, or first asks before replacing a file of that name when
// the path dialog has not asked already (the system's save dialog does).
func (u *UI) replaceOrSave(path, what string, save func(path string)) {
	if info, err := os.Stat(path); err == nil && !info.IsDir() && !u.deps.SaveAsksToReplace {
		u.modal(questionDialog, "替换文件？", wrapped("“"+filepath.Base(path)+"”已经存在。\n要用新导出的"+what+"替换它吗？"), 460,
			cancelButton(nil),
			modalButton{label: "替换", primary: true, action: func() { save(path) }})
		return
	}
	save(path)
}

// exportHandout saves the meeting's handout of the open report as an A4 PDF.
func (u *UI) exportHandout() {
	dir := u.folderSetting(session.KeyExportDir)
	name := safeName(u.sess.Report().Title) + " 会议材料.pdf"
	u.deps.PickHandoutPath(u.win, dir, name, func(path string) {
		if path == "" {
			return
		}
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			path += ".pdf"
		}
		u.replaceOrSave(path, "会议材料", u.runHandout)
	})
}

// runHandout writes the handout off the UI goroutine, with a progress indicator.
func (u *UI) runHandout(path string) {
	progress := u.modal(progressDialog, "正在导出会议材料…", container.NewVBox(pathText(filepath.Base(path)), widget.NewProgressBarInfinite()), 420)
	u.deps.Exec.Go(func() {
		written, err := u.deps.SaveHandout(path, u.sess)
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				u.showError("导出会议材料失败", err)
				return
			}
			u.sess.Settings().SetString(session.KeyExportDir, filepath.Dir(written))
			u.status("已导出会议材料：" + written)
			u.showSaved("会议材料已导出", "A4 的 PDF 已保存到：", written, true)
		})
	})
}

// runExport writes the workbook off the UI goroutine, with a progress indicator.
func (u *UI) runExport(path string) {
	progress := u.modal(progressDialog, "正在导出…", container.NewVBox(pathText(filepath.Base(path)), widget.NewProgressBarInfinite()), 420)
	r, opt := u.sess.Report(), u.sess.ExportOptions()
	u.deps.Exec.Go(func() {
		written, err := u.deps.Workspace.Export(path, r, opt)
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				u.showError("导出失败", err)
				return
			}
			u.sess.Settings().SetString(session.KeyExportDir, filepath.Dir(written))
			u.status("已导出：" + written)
			u.showSaved("导出完成", "工作簿已保存到：", written, true)
		})
	})
}

// showSaved tells where a file or folder was saved, with buttons to open it.
func (u *UI) showSaved(title, intro, path string, isFile bool) {
	where := pathText(path)
	buttons := container.NewHBox()
	if isFile {
		buttons.Add(newButton("打开文件", theme.FileIcon(), func() { u.tryOpen(u.deps.OpenFile, path) }))
		buttons.Add(newButton("打开所在文件夹", theme.FolderOpenIcon(), func() { u.tryOpen(u.deps.ShowFile, path) }))
	} else {
		buttons.Add(newButton("打开文件夹", theme.FolderOpenIcon(), func() { u.tryOpen(u.deps.OpenFile, path) }))
	}
	u.modal(resultDialog, title, container.NewVBox(wrapped(intro), where, buttons), 560, modalButton{label: "关闭", primary: true})
}

func (u *UI) tryOpen(open func(string) error, path string) {
	if err := open(path); err != nil {
		u.showError("无法打开", fmt.Errorf("无法打开“%s”：%v", path, err))
	}
}

// showError shows an error's message, which the app layer writes in Chinese.
func (u *UI) showError(title string, err error) {
	u.modal(resultDialog, title, scrolled(wrapped(err.Error()), 200), 600, modalButton{label: "确定", primary: true})
}

// exportCharts saves the current page's charts, or all charts, as PNG files.
func (u *UI) exportCharts() {
	current := u.sess.Charts(u.sess.Current().ID)
	all := chart.All(u.sess.Report())
	choice := newChoiceGroup([]string{
		fmt.Sprintf("当前页面的图表（%d 张）", len(current)),
		fmt.Sprintf("全部图表（%d 张）", len(all)),
	})
	choice.SetSelected(choice.Options[0])
	if len(current) == 0 {
		choice.SetSelected(choice.Options[1])
	}
	info := wrapped(fmt.Sprintf("每张图表保存为两个 PNG 文件：%d 像素宽，以及用于高清屏和大屏幕的两倍尺寸（文件名带 @2x）。", chart.SlideWidth))
	u.modal(questionDialog, "导出图表", container.NewVBox(choice, info), 520, cancelButton(nil), modalButton{label: "选择文件夹…", primary: true, action: func() {
		specs := all
		if choice.Selected == choice.Options[0] {
			specs = current
		}
		if len(specs) == 0 {
			u.showError("没有图表", errors.New("当前页面没有图表。请选择“全部图表”。"))
			return
		}
		u.deps.PickFolder(u.win, u.exportFolder(session.KeyChartsDir), func(dir string) {
			if dir == "" {
				return
			}
			var names []string
			for i, s := range specs {
				for _, sc := range chart.FileScales {
					names = append(names, chart.FileName(i+1, s, sc))
				}
			}
			u.confirmOverwrite(dir, names, func() { u.runSaveCharts(dir, specs) })
		})
	}})
}

// exportFolder is where a folder dialog for saving files starts: the folder last used
// for this kind of file, or else the last export folder.
func (u *UI) exportFolder(key string) string {
	if u.sess.Settings().String(key) == "" {
		key = session.KeyExportDir
	}
	return u.folderSetting(key)
}

// confirmOverwrite runs save at once when none of the named files exists in dir, and
// otherwise asks first, naming how many would be replaced.
func (u *UI) confirmOverwrite(dir string, names []string, save func()) {
	var existing []string
	for _, n := range names {
		if info, err := os.Stat(filepath.Join(dir, n)); err == nil && !info.IsDir() {
			existing = append(existing, n)
		}
	}
	if len(existing) == 0 {
		save()
		return
	}
	msg := fmt.Sprintf("文件夹中已有 %d 个同名文件，如“%s”。\n要用新导出的文件替换它们吗？", len(existing), existing[0])
	u.modal(questionDialog, "替换文件？", wrapped(msg), 480,
		cancelButton(nil), modalButton{label: "替换", primary: true, action: save})
}

func (u *UI) runSaveCharts(dir string, specs []*chart.Spec) {
	progress := u.modal(progressDialog, "正在保存图表…", widget.NewProgressBarInfinite(), 420)
	u.deps.Exec.Go(func() {
		paths, err := u.deps.SaveCharts(dir, specs)
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				u.showError("保存图表失败", err)
				return
			}
			u.sess.Settings().SetString(session.KeyChartsDir, dir)
			u.showSaved("图表已保存", fmt.Sprintf("已保存 %d 个 PNG 文件到：", len(paths)), dir, false)
		})
	})
}

// openReport asks for a report file and opens it. A file that does not load leaves the
// current report on show and explains what is wrong.
func (u *UI) openReport() {
	if !u.rev.leaveEdits(u.openReport) {
		return
	}
	u.deps.PickReport(u.win, u.folderSetting(session.KeyReportDir), func(path string) {
		if path != "" {
			u.openReportFile(path)
		}
	})
}

// openReportFile opens a report data file, off the UI goroutine.
func (u *UI) openReportFile(path string) {
	var r *report.Report
	u.replaceInBackground("正在打开报告…", "无法打开报告", "报告文件有误，仍显示原来的报告。", func() (err error) {
		r, err = u.deps.Workspace.OpenFile(path)
		return err
	}, func() {
		u.sess.Settings().SetString(session.KeyReportDir, filepath.Dir(path))
		u.sess.SetReport(r, path)
		u.rev.on = false
		u.rebuild()
		u.status(fmt.Sprintf("已打开：%s（%d 项数据）", path, len(r.Figures())))
	})
}

// pickExportPath is a folder chooser and a file-name field. It only learns a path: Fyne's
// own save dialog creates and truncates the file before the workbook exists, which would
// destroy an existing workbook if the export then failed.
func (u *UI) pickExportPath(w fyne.Window, dir, name string, done func(string)) {
	u.pickSavePath(w, "导出Excel", dir, name, done)
}

// pickHandoutPath asks where to save the meeting's handout, as pickExportPath does.
func (u *UI) pickHandoutPath(w fyne.Window, dir, name string, done func(string)) {
	u.pickSavePath(w, "导出会议材料（PDF）", dir, name, done)
}

// pickSavePath is a folder chooser and a file-name field under a title.
func (u *UI) pickSavePath(w fyne.Window, title, dir, name string, done func(string)) {
	folder := newDialogEntry(u, dir)
	file := newDialogEntry(u, name)
	browse := newButton("选择…", theme.FolderOpenIcon(), func() {
		pickFolder(w, folder.Text, func(d string) {
			if d != "" {
				folder.SetText(d)
			}
		})
	})
	form := container.New(layout.NewFormLayout(),
		formLabel("保存到"), container.NewBorder(nil, nil, nil, browse, folder),
		formLabel("文件名"), file,
	)
	u.modal(questionDialog, title, form, 640, cancelButton(func() { done("") }),
		modalButton{label: "导出", primary: true, action: func() {
			name := strings.TrimSpace(file.Text)
			if err := zhtext.CheckFileName(name); err != nil {
				u.showError("文件名有误", err)
				return
			}
			done(filepath.Join(strings.TrimSpace(folder.Text), name))
		}})
}

// pickFolder is Fyne's folder dialog, starting in dir.
func pickFolder(w fyne.Window, dir string, done func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			done("")
			return
		}
		done(u.Path())
	}, w)
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// pickReport is Fyne's open dialog for report files. Opening reads; it changes nothing.
func pickReport(w fyne.Window, dir string, done func(string)) {
	pickFile(w, dir, []string{".yaml", ".yml"}, done)
}

// pickFile is Fyne's open dialog for files of the given extensions, starting in dir.
func pickFile(w fyne.Window, dir string, exts []string, done func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("")
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}
