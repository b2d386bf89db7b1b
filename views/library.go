package views

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/report"
	"workreport/app/session"
	"workreport/app/workspace"
)

// The library of reports: importing a report, the list of reports, and saving a
// reviewed report into it.

// libraryScreen is the library dialog and the import and save actions.
type libraryScreen struct {
	u    *UI
	rows *fyne.Container // the open library dialog's rows
}

// importFile asks for a .docx, .html or .txt file and imports it.
func (s *libraryScreen) importFile() {
	u := s.u
	if !u.rev.leaveEdits(s.importFile) {
		return
	}
	u.deps.PickImport(u.win, u.folderSetting(session.KeyImportDir), func(path string) {
		if path == "" {
			return
		}
		u.sess.Settings().SetString(session.KeyImportDir, filepath.Dir(path))
		s.runImport(filepath.Base(path), "", func() (*workspace.Draft, string, error) { return u.deps.Workspace.Import(path) })
	})
}

// importClipboard imports the text on the clipboard, as copied from a web page or a
// document.
func (s *libraryScreen) importClipboard() {
	u := s.u
	if !u.rev.leaveEdits(s.importClipboard) {
		return
	}
	text := u.clipboard().Content()
	if strings.TrimSpace(text) == "" {
		u.showError("无法导入", errors.New("剪贴板里没有文字。请先在网页或文档中选中报告全文并复制（Ctrl+C），再导入。"))
		return
	}
	const name = "剪贴板文字.txt"
	s.runImport(name, "", func() (*workspace.Draft, string, error) { return u.deps.Workspace.ImportText(name, []byte(text)) })
}

// dropped imports the first file dropped on the window; a report data file opens as
// it is.
func (s *libraryScreen) dropped(_ fyne.Position, uris []fyne.URI) {
	u := s.u
	if len(uris) == 0 || u.presenting || u.dialogOpen() {
		return
	}
	path := uris[0].Path()
	if !u.rev.leaveEdits(func() { s.dropped(fyne.Position{}, uris) }) {
		return
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".yaml" || ext == ".yml" {
		u.openReportFile(path)
		return
	}
	s.runImport(filepath.Base(path), "", func() (*workspace.Draft, string, error) { return u.deps.Workspace.Import(path) })
}

// runImport imports off the UI goroutine, with a progress dialog, and opens the report
// at once. A file that does not import leaves the current report on show. key is the
// saved report the import will replace when saved, or "".
func (s *libraryScreen) runImport(name, key string, read func() (*workspace.Draft, string, error)) {
	u := s.u
	var d *workspace.Draft
	var summary string
	u.replaceInBackground("正在导入“"+name+"”…", "无法导入", "仍显示原来的报告。", func() (err error) {
		d, summary, err = read()
		return err
	}, func() {
		u.sess.OpenDraft(d, key)
		u.rev.on = false
		u.rebuild()
		u.status("已导入“" + name + "”：" + summary)
		u.rev.show()
	})
}

// save saves the open report's data file into the library, atomically. A new report of
// a place, year and kind the library already holds asks whether to replace it.
func (s *libraryScreen) save() {
	u := s.u
	d := u.sess.Draft()
	if d == nil {
		u.showError("无需保存", errors.New("当前报告没有修改。导入或审核报告后，可以把它保存到报告库。"))
		return
	}
	ws := u.deps.Workspace
	if d.Report().Year == 0 {
		u.modal(questionDialog, "请先填写年份", wrapped(workspace.ErrNoYear.Error()), 560,
			cancelButton(nil),
			modalButton{label: "填写年份…", primary: true, action: func() { u.rev.show(); u.rev.editInfo() }})
		return
	}
	replace := u.sess.Entry()
	if !ws.Owns(replace) {
		if same, ok := ws.SameAs(d.Report()); ok {
			u.modal(questionDialog, "替换报告库中的报告？",
				wrapped(fmt.Sprintf("报告库中已有%s：“%s”（%s）。\n\n替换它，还是另存一份？", same.Label(), same.Title, same.State())), 600,
				cancelButton(nil),
				modalButton{label: "另存一份", action: func() { s.write(d, "") }},
				modalButton{label: "替换", primary: true, action: func() { s.write(d, same.Key) }})
			return
		}
		replace = ""
	}
	s.write(d, replace)
}

func (s *libraryScreen) write(d *workspace.Draft, replace string) {
	u := s.u
	e, err := u.deps.Workspace.Save(d, replace)
	if err != nil {
		u.showError("无法保存", err)
		return
	}
	u.sess.SetEntry(e.Key)
	u.refreshHeader()
	u.status(fmt.Sprintf("已保存到报告库：%s（%s）", e.Title, e.State()))
}

// show lists the reports: the built-in ones, then those saved, each with its review
// state; a damaged file is listed with the reason.
func (s *libraryScreen) show() {
	u := s.u
	ws := u.deps.Workspace
	var box *dialogBox
	rows := container.NewVBox()
	group := ""
	for _, e := range ws.ListAround(u.sess.Report().Place) {
		e := e
		if e.Group != group && e.Damaged == "" {
			// The open report's place first, then the other places by level.
			group = e.Group
			rows.Add(newTextBlock(theme.SizeNameSubHeadingText, textRun{text: group, colour: colourHeading}))
		}
		name := newTextBlock(theme.SizeNameText, textRun{text: e.Label() + "  "}, textRun{text: e.Title, colour: colourHeading})
		state := e.State()
		if e.Kind != "" {
			state = string(e.Kind) + " · " + state
		}
		if e.BuiltIn {
			state = "内置 · " + state
		} else if e.Path != "" {
			state = "已保存 · " + state
		}
		if e.Key == u.sess.Entry() {
			state += " · 正在显示"
		}
		info := mutedText(state, theme.SizeNameCaptionText)
		if e.Damaged != "" {
			info = newTextBlock(theme.SizeNameCaptionText, textRun{text: "已损坏：" + e.Damaged + "。可删除后重新导入。", colour: theme.ColorNameError})
		}
		actions := container.NewHBox()
		if e.Damaged == "" && (e.BuiltIn || e.Path != "") {
			actions.Add(newButton("打开", theme.FolderOpenIcon(), func() { box.Hide(); s.open(e) }))
		}
		if !e.BuiltIn && e.Path != "" {
			actions.Add(newButton("重新导入…", theme.ViewRefreshIcon(), func() { box.Hide(); s.reimport(e) }))
			actions.Add(newButton("删除", theme.DeleteIcon(), func() { box.Hide(); s.remove(e) }))
		}
		rows.Add(container.NewBorder(nil, nil, nil, actions, container.NewVBox(name, info)))
		rows.Add(widget.NewSeparator())
	}
	where := mutedText("保存的报告位于："+ws.Dir(), theme.SizeNameCaptionText)
	box = u.modal(resultDialog, "报告库", container.NewBorder(nil, where, nil, nil, scrolled(rows, 420)), 760,
		modalButton{label: "导入报告…", action: func() { u.action(s.importFile) }},
		modalButton{label: "关闭", primary: true})
	s.rows = rows
}

// open opens a report of the library, decoding it only now.
func (s *libraryScreen) open(e workspace.Entry) {
	u := s.u
	if !u.rev.leaveEdits(func() { s.open(e) }) {
		return
	}
	var r *report.Report
	var d *workspace.Draft
	u.replaceInBackground("正在打开报告…", "无法打开报告", "仍显示原来的报告。报告库中这份报告已标为“已损坏”。", func() (err error) {
		r, d, err = u.deps.Workspace.Open(e.Key)
		return err
	}, func() {
		if d != nil {
			u.sess.OpenDraft(d, e.Key)
		} else {
			u.sess.SetReport(r, e.Key)
		}
		u.rev.on = false
		u.rebuild()
		u.status(fmt.Sprintf("已打开：%s（%d 项数据，%s）", r.Title, len(r.Figures()), e.State()))
	})
}

// reimport imports a file again in place of a saved report.
func (s *libraryScreen) reimport(e workspace.Entry) {
	u := s.u
	if !u.rev.leaveEdits(func() { s.reimport(e) }) {
		return
	}
	u.deps.PickImport(u.win, u.folderSetting(session.KeyImportDir), func(path string) {
		if path == "" {
			return
		}
		s.runImport(filepath.Base(path), e.Key, func() (*workspace.Draft, string, error) { return u.deps.Workspace.Import(path) })
	})
}

// remove deletes a saved report after asking.
func (s *libraryScreen) remove(e workspace.Entry) {
	u := s.u
	u.modal(questionDialog, "删除报告？", wrapped(fmt.Sprintf("从报告库中删除%s“%s”？\n文件：%s\n删除后不能恢复，可以重新导入原文。", e.Label(), e.Title, e.Path)), 600,
		cancelButton(nil),
		modalButton{label: "删除", primary: true, action: func() {
			if err := u.deps.Workspace.Remove(e.Key); err != nil {
				u.showError("无法删除", err)
				return
			}
			if u.sess.Entry() == e.Key {
				// The report on show is now saved nowhere.
				u.sess.SetEntry("")
				if d := u.sess.Draft(); d != nil {
					d.MarkUnsaved()
				}
				u.refreshHeader()
			}
			u.status("已删除：" + e.Title)
			s.show()
		}})
}

// pickImport is Fyne's open dialog for files to import.
func pickImport(w fyne.Window, dir string, done func(string)) {
	pickFile(w, dir, []string{".docx", ".html", ".htm", ".txt", ".md"}, done)
}
