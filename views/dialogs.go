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
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
	"workreport/app/export"
	"workreport/app/report"
	"workreport/app/safefile"
	"workreport/app/session"
)

// exportExcel asks where to save the workbook and saves it in the background.
func (u *UI) exportExcel() {
	dir := u.folderSetting(session.KeyExportDir)
	u.deps.PickExportPath(u.win, dir, u.sess.DefaultExportName(), func(path string) {
		if path == "" {
			return
		}
		path = safefile.WithExtension(path, export.Extension)
		if info, err := os.Stat(path); err == nil && !info.IsDir() {
			dialog.ShowConfirm("替换文件？", "“"+filepath.Base(path)+"”已经存在。\n要用新导出的工作簿替换它吗？", func(ok bool) {
				if ok {
					u.runExport(path)
				}
			}, u.win)
			return
		}
		u.runExport(path)
	})
}

// runExport writes the workbook off the UI goroutine, with a progress indicator.
func (u *UI) runExport(path string) {
	progress := dialog.NewCustomWithoutButtons("正在导出…", container.NewVBox(
		widget.NewLabel(filepath.Base(path)), widget.NewProgressBarInfinite()), u.win)
	progress.Show()
	r := u.sess.Report()
	u.deps.Exec.Go(func() {
		written, err := u.deps.Export(path, r)
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
	where := widget.NewLabel(path)
	where.Wrapping = fyne.TextWrapBreak
	buttons := container.NewHBox()
	if isFile {
		buttons.Add(widget.NewButtonWithIcon("打开文件", theme.FileIcon(), func() { u.tryOpen(u.deps.OpenFile, path) }))
		buttons.Add(widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() { u.tryOpen(u.deps.ShowFile, path) }))
	} else {
		buttons.Add(widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() { u.tryOpen(u.deps.OpenFile, path) }))
	}
	d := dialog.NewCustom(title, "关闭", container.NewVBox(widget.NewLabel(intro), where, buttons), u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

func (u *UI) tryOpen(open func(string) error, path string) {
	if err := open(path); err != nil {
		u.showError("无法打开", fmt.Errorf("无法打开“%s”：%v", path, err))
	}
}

// showError shows an error's message, which the app layer writes in Chinese.
func (u *UI) showError(title string, err error) {
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "确定", container.NewVScroll(msg), u.win)
	d.Resize(fyne.NewSize(600, 280))
	d.Show()
}

// exportCharts saves the current page's charts, or all charts, as PNG files.
func (u *UI) exportCharts() {
	current := u.sess.Charts(u.sess.Current().ID)
	all := chart.All(u.sess.Report())
	choice := widget.NewRadioGroup([]string{
		fmt.Sprintf("当前页面的图表（%d 张）", len(current)),
		fmt.Sprintf("全部图表（%d 张）", len(all)),
	}, nil)
	choice.SetSelected(choice.Options[0])
	if len(current) == 0 {
		choice.SetSelected(choice.Options[1])
	}
	info := widget.NewLabel(fmt.Sprintf("每张图表保存为两个 PNG 文件：%d 像素宽，以及用于高清屏和大屏幕的两倍尺寸（文件名带 @2x）。", chart.SlideWidth))
	info.Wrapping = fyne.TextWrapWord
	dialog.ShowCustomConfirm("导出图表", "选择文件夹…", "取消", container.NewVBox(choice, info), func(ok bool) {
		if !ok {
			return
		}
		specs := all
		if choice.Selected == choice.Options[0] {
			specs = current
		}
		if len(specs) == 0 {
			u.showError("没有图表", errors.New("当前页面没有图表。请选择“全部图表”。"))
			return
		}
		u.deps.PickFolder(u.win, u.folderSetting(session.KeyChartsDir), func(dir string) {
			if dir == "" {
				return
			}
			u.runSaveCharts(dir, specs)
		})
	}, u.win)
}

func (u *UI) runSaveCharts(dir string, specs []*chart.Spec) {
	progress := dialog.NewCustomWithoutButtons("正在保存图表…", widget.NewProgressBarInfinite(), u.win)
	progress.Show()
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
	u.deps.PickReport(u.win, u.folderSetting(session.KeyReportDir), func(path string) {
		if path == "" {
			return
		}
		progress := dialog.NewCustomWithoutButtons("正在打开报告…", widget.NewProgressBarInfinite(), u.win)
		progress.Show()
		u.deps.Exec.Go(func() {
			r, err := u.deps.LoadReport(path)
			fyne.Do(func() {
				progress.Hide()
				if err != nil {
					u.showError("无法打开报告", fmt.Errorf("报告文件有误，仍显示原来的报告。\n\n%w", err))
					return
				}
				u.sess.Settings().SetString(session.KeyReportDir, filepath.Dir(path))
				u.sess.SetReport(r, path)
				u.rebuild()
				u.status(fmt.Sprintf("已打开：%s（%d 项数据）", path, len(r.Figures())))
			})
		})
	})
}

// showSource shows a figure's provenance: the sentence it comes from with the figure
// highlighted, where that sentence sits, and for a derived figure how it was computed.
func (u *UI) showSource(f *report.Figure) {
	var parts []fyne.CanvasObject
	add := func(label, value string) {
		l := widget.NewLabel(label + "：" + value)
		l.Wrapping = fyne.TextWrapWord
		parts = append(parts, l)
	}
	add("指标", f.Indicator)
	add("数值", f.ValueText()+"（"+string(f.Nature)+"，"+f.Measure+"）")
	if f.Section != nil {
		add("章节", f.Section.PathString())
	}
	if f.Nature == report.Derived && f.Formula != nil {
		add("推算", f.Phrase)
		add("说明", "报告中没有这个数字，由上面两项原文数据计算得出")
	}
	parts = append(parts, widget.NewSeparator(), widget.NewLabel("原文："), newTextBlock(theme.SizeNameText, sentenceRuns(f)...))
	add("编号", f.ID)
	copyB := widget.NewButtonWithIcon("复制原文", theme.ContentCopyIcon(), func() {
		u.clipboard().SetContent(f.Sentence)
		u.status("已复制原文")
	})
	d := dialog.NewCustom("数据出处", "关闭", container.NewVScroll(container.NewVBox(append(parts, copyB)...)), u.win)
	d.Resize(fyne.NewSize(640, 460))
	d.Show()
}

// sentenceRuns is a figure's sentence with its printed value highlighted.
func sentenceRuns(f *report.Figure) []textRun {
	s := f.Sentence
	i := strings.Index(s, f.Phrase)
	if !f.IsReported() || i < 0 {
		return []textRun{{text: s}}
	}
	return []textRun{{text: s[:i]}, {text: f.Phrase, colour: natureColour(f.Nature), figure: true}, {text: s[i+len(f.Phrase):]}}
}

// pickExportPath is a folder chooser and a file-name field. It only learns a path: Fyne's
// own save dialog creates and truncates the file before the workbook exists, which would
// destroy an existing workbook if the export then failed.
func pickExportPath(w fyne.Window, dir, name string, done func(string)) {
	folder := widget.NewEntry()
	folder.SetText(dir)
	file := widget.NewEntry()
	file.SetText(name)
	browse := widget.NewButtonWithIcon("选择…", theme.FolderOpenIcon(), func() {
		pickFolder(w, folder.Text, func(d string) {
			if d != "" {
				folder.SetText(d)
			}
		})
	})
	form := widget.NewForm(
		widget.NewFormItem("保存到", container.NewBorder(nil, nil, nil, browse, folder)),
		widget.NewFormItem("文件名", file),
	)
	d := dialog.NewCustomConfirm("导出Excel", "导出", "取消", form, func(ok bool) {
		if !ok {
			done("")
			return
		}
		name := strings.TrimSpace(file.Text)
		if err := checkFileName(name); err != nil {
			dialog.ShowError(err, w)
			return
		}
		done(filepath.Join(strings.TrimSpace(folder.Text), name))
	}, w)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

// checkFileName rejects names Windows cannot store.
func checkFileName(name string) error {
	if name == "" {
		return errors.New("请输入文件名")
	}
	if strings.ContainsAny(name, `/\:*?"<>|`) {
		return errors.New(`文件名不能包含以下字符：/ \ : * ? " < > |`)
	}
	return nil
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
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("")
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".yaml", ".yml"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}
