package views

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/importer"
	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/review"
	"workreport/app/session"
)

// Importing a report, the library of reports, and saving a reviewed report into it.

// importFile asks for a .docx, .html or .txt file and imports it.
func (u *UI) importFile() {
	if !u.leaveEdits(u.importFile) {
		return
	}
	u.deps.PickImport(u.win, u.folderSetting(session.KeyImportDir), func(path string) {
		if path == "" {
			return
		}
		u.sess.Settings().SetString(session.KeyImportDir, filepath.Dir(path))
		u.runImport(filepath.Base(path), "", func() (*importer.Result, error) { return u.deps.ReadImport(path) })
	})
}

// importClipboard imports the text on the clipboard, as copied from a web page or a
// document.
func (u *UI) importClipboard() {
	if !u.leaveEdits(u.importClipboard) {
		return
	}
	text := u.clipboard().Content()
	if strings.TrimSpace(text) == "" {
		u.showError("无法导入", errors.New("剪贴板里没有文字。请先在网页或文档中选中报告全文并复制（Ctrl+C），再导入。"))
		return
	}
	u.runImport("剪贴板文字.txt", "", func() (*importer.Result, error) { return u.deps.Import("剪贴板文字.txt", []byte(text)) })
}

// dropped imports the first file dropped on the window.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 || u.presenting || u.dialogOpen() {
		return
	}
	path := uris[0].Path()
	if !u.leaveEdits(func() { u.dropped(fyne.Position{}, uris) }) {
		return
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".yaml" || ext == ".yml" {
		u.openReportFile(path) // a report data file opens as it is
		return
	}
	u.runImport(filepath.Base(path), "", func() (*importer.Result, error) { return u.deps.ReadImport(path) })
}

// runImport imports off the UI goroutine, with a progress dialog, and opens the report
// at once. A file that does not import leaves the current report on show. key is the
// saved report the import will replace when saved, or "".
func (u *UI) runImport(name, key string, read func() (*importer.Result, error)) {
	var res *importer.Result
	var doc *review.Doc
	u.replaceInBackground("正在导入“"+name+"”…", "无法导入", "仍显示原来的报告。", func() (err error) {
		if res, err = read(); err == nil {
			doc, err = review.Open(strings.TrimSuffix(name, filepath.Ext(name))+".yaml", res.YAML)
		}
		return err
	}, func() {
		u.sess.OpenDoc(doc, key)
		u.reviewing = false
		u.rebuild()
		u.status("已导入“" + name + "”：" + res.Summary())
		u.showReview()
	})
}

// replaceInBackground runs load off the UI goroutine with a progress dialog. When it
// fails, the error is explained and the report on show stays; otherwise show puts the
// new report on show, after asking about unsaved edits.
func (u *UI) replaceInBackground(working, failed, kept string, load func() error, show func()) {
	progress := u.modal(progressDialog, working, widget.NewProgressBarInfinite(), 420)
	u.deps.Exec.Go(func() {
		err := load()
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				u.showError(failed, fmt.Errorf("%w\n\n%s", err, kept))
				return
			}
			if u.leaveEdits(show) {
				show()
			}
		})
	})
}

// leaveEdits asks before edits that are not saved would be lost. It returns true when
// there are none, or the user already chose to drop them and has made no edit since;
// otherwise it asks, and runs then once the user chose to go on without saving.
func (u *UI) leaveEdits(then func()) bool {
	d := u.sess.Doc()
	if d == nil || !d.Dirty() || u.dropDoc == d && u.dropEdits == d.Edits() {
		return true
	}
	u.modal(questionDialog, "有未保存的审核修改",
		wrapped("当前报告的审核修改还没有保存。继续的话，这些修改将丢失。\n\n要保留它们，请先按“取消”，再用“文件 › 保存到报告库”（Ctrl+S）。"), 560,
		modalButton{label: "取消"},
		modalButton{label: "不保存，继续", primary: true, action: func() {
			u.dropDoc, u.dropEdits = d, d.Edits()
			then()
		}})
	return false
}

// saveToLibrary saves the open report's data file into the library, atomically. A new
// report of a place and year the library already holds asks whether to replace it.
func (u *UI) saveToLibrary() {
	d := u.sess.Doc()
	if d == nil {
		u.showError("无需保存", errors.New("当前报告没有修改。导入或审核报告后，可以把它保存到报告库。"))
		return
	}
	lib := u.deps.Library
	r := d.Report()
	replace := u.sess.Entry()
	if !lib.Owns(replace) {
		if same, ok := lib.Same(r.Place, r.Year); ok {
			u.modal(questionDialog, "替换报告库中的报告？",
				wrapped(fmt.Sprintf("报告库中已有%s：“%s”（%s）。\n\n替换它，还是另存一份？", same.Label(), same.Title, same.State())), 600,
				modalButton{label: "另存一份", action: func() { u.writeToLibrary(d, "") }},
				modalButton{label: "替换", primary: true, action: func() { u.writeToLibrary(d, same.Path) }})
			return
		}
		replace = ""
	}
	u.writeToLibrary(d, replace)
}

func (u *UI) writeToLibrary(d *review.Doc, replace string) {
	e, err := u.deps.Library.Save(d.Bytes(), d.Report(), replace)
	if err != nil {
		u.showError("无法保存", fmt.Errorf("%w\n\n审核修改仍在窗口中，没有丢失。", err))
		return
	}
	d.MarkSaved()
	u.sess.SetEntry(e.Key)
	u.libraryChanged()
	u.refreshHeader()
	u.status(fmt.Sprintf("已保存到报告库：%s（%s）", e.Title, e.State()))
}

// showLibrary lists the reports: the built-in ones, then those saved, each with its
// review state; a damaged file is listed with the reason.
func (u *UI) showLibrary() {
	lib := u.deps.Library
	var box *dialogBox
	rows := container.NewVBox()
	for _, e := range lib.List() {
		e := e
		name := newTextBlock(theme.SizeNameText, textRun{text: e.Label() + "  "}, textRun{text: e.Title, colour: colourHeading})
		state := e.State()
		if e.BuiltIn {
			state = "内置 · " + state
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
			actions.Add(newButton("打开", theme.FolderOpenIcon(), func() { box.Hide(); u.openEntry(e) }))
		}
		if !e.BuiltIn && e.Path != "" {
			actions.Add(newButton("重新导入…", theme.ViewRefreshIcon(), func() { box.Hide(); u.reimport(e) }))
			actions.Add(newButton("删除", theme.DeleteIcon(), func() { box.Hide(); u.removeEntry(e) }))
		}
		rows.Add(container.NewBorder(nil, nil, nil, actions, container.NewVBox(name, info)))
		rows.Add(widget.NewSeparator())
	}
	where := mutedText("保存的报告位于："+lib.Dir, theme.SizeNameCaptionText)
	box = u.modal(resultDialog, "报告库", container.NewBorder(nil, where, nil, nil, scrolled(rows, 420)), 760,
		modalButton{label: "导入报告…", action: func() { u.action(u.importFile) }},
		modalButton{label: "关闭", primary: true})
	u.libraryRows = rows
}

// openEntry opens a report of the library, decoding it only now.
func (u *UI) openEntry(e library.Entry) {
	if !u.leaveEdits(func() { u.openEntry(e) }) {
		return
	}
	var r *report.Report
	var doc *review.Doc
	u.replaceInBackground("正在打开报告…", "无法打开报告", "仍显示原来的报告。报告库中这份报告已标为“已损坏”。", func() (err error) {
		var data []byte
		if r, data, err = u.deps.Library.Open(e); err == nil && !e.BuiltIn {
			doc, err = review.Open(filepath.Base(e.Path), data)
		}
		return err
	}, func() {
		if doc != nil {
			u.sess.OpenDoc(doc, e.Key)
		} else {
			u.sess.SetReport(r, e.Key)
		}
		u.reviewing = false
		u.rebuild()
		u.status(fmt.Sprintf("已打开：%s（%d 项数据，%s）", r.Title, len(r.Figures()), e.State()))
	})
}

// reimport imports a file again in place of a saved report.
func (u *UI) reimport(e library.Entry) {
	if !u.leaveEdits(func() { u.reimport(e) }) {
		return
	}
	u.deps.PickImport(u.win, u.folderSetting(session.KeyImportDir), func(path string) {
		if path == "" {
			return
		}
		u.runImport(filepath.Base(path), e.Key, func() (*importer.Result, error) { return u.deps.ReadImport(path) })
	})
}

// removeEntry deletes a saved report after asking.
func (u *UI) removeEntry(e library.Entry) {
	u.modal(questionDialog, "删除报告？", wrapped(fmt.Sprintf("从报告库中删除%s“%s”？\n文件：%s\n删除后不能恢复，可以重新导入原文。", e.Label(), e.Title, e.Path)), 600,
		modalButton{label: "取消"},
		modalButton{label: "删除", primary: true, action: func() {
			if err := u.deps.Library.Remove(e); err != nil {
				u.showError("无法删除", err)
				return
			}
			if u.sess.Entry() == e.Key {
				// The report on show is now saved nowhere.
				u.sess.SetEntry("")
				if d := u.sess.Doc(); d != nil {
					d.MarkUnsaved()
				}
				u.refreshHeader()
			}
			u.libraryChanged()
			u.status("已删除：" + e.Title)
			u.showLibrary()
		}})
}

// reportHeader names the open report above the navigation, with its review state, and
// opens the library.
func (u *UI) reportHeader() fyne.CanvasObject {
	u.headerText = newTextBlock(theme.SizeNameText)
	u.headerState = newTextBlock(theme.SizeNameCaptionText)
	u.refreshHeader()
	sw := newButton("切换", theme.MenuDropDownIcon(), func() { u.action(u.showLibrary) })
	return container.NewVBox(container.NewBorder(nil, nil, nil, sw, u.headerText), u.headerState, widget.NewSeparator())
}

// refreshHeader shows the open report's place and year and its state: 未审核 in colour
// until a person has confirmed every figure, and 未保存 while edits are not saved.
func (u *UI) refreshHeader() {
	if u.headerText == nil {
		return
	}
	r := u.sess.Report()
	name := fmt.Sprintf("%s %d年", r.Place, r.Year)
	if r.Place == "" {
		name = r.Title
	}
	u.headerText.runs = []textRun{{text: name, colour: colourHeading}}
	u.headerText.Refresh()
	var runs []textRun
	if n := r.Unconfirmed(); n > 0 {
		runs = append(runs, textRun{text: fmt.Sprintf("未审核 %d 项", n), colour: theme.ColorNameError})
	} else {
		runs = append(runs, textRun{text: "已审核", colour: colourMuted})
	}
	if d := u.sess.Doc(); d != nil && d.Dirty() {
		runs = append(runs, textRun{text: " · 未保存", colour: theme.ColorNameError})
	}
	u.headerState.runs = runs
	u.headerState.Refresh()
}

// pickImport is Fyne's open dialog for files to import.
func pickImport(w fyne.Window, dir string, done func(string)) {
	pickFile(w, dir, []string{".docx", ".html", ".htm", ".txt", ".md"}, done)
}

// neighbour finds the library's report of a place and year other than the one on show,
// decoded once and kept, or nil.
func (u *UI) neighbour(place string, year int) *report.Report {
	key := fmt.Sprintf("%s/%d", place, year)
	n, ok := u.neighbours[key]
	if !ok {
		if u.neighbours == nil {
			u.neighbours = map[string]libraryReport{}
		}
		// A report the user saved (a reviewed copy, one with verdicts of their own)
		// comes before the built-in one of the same place and year.
		list := u.deps.Library.List()
		slices.SortStableFunc(list, func(a, b library.Entry) int {
			if a.BuiltIn == b.BuiltIn {
				return 0
			}
			if a.BuiltIn {
				return 1
			}
			return -1
		})
		for _, e := range list {
			if e.Place != place || e.Year != year || e.Damaged != "" {
				continue
			}
			if r, _, err := u.deps.Library.Open(e); err == nil {
				n = libraryReport{key: e.Key, r: r, entry: e}
				break
			}
		}
		u.neighbours[key] = n
	}
	if n.key == u.sess.Entry() {
		return nil // the report on show
	}
	return n.r
}

// libraryReport is a report of the library, decoded, and its key.
type libraryReport struct {
	key   string
	r     *report.Report
	entry library.Entry
}

// libraryChanged forgets the reports read from the library, after a save or removal.
func (u *UI) libraryChanged() { u.neighbours = nil }

// placeReports are the library's reports of a place other than the one on show, each
// decoded once and kept. It runs while the session lays out its pages, so it does not
// call back into the session for the report.
func (u *UI) placeReports(place string) []*report.Report {
	var out []*report.Report
	years := map[int]bool{}
	for _, e := range u.deps.Library.List() {
		if e.Place != place || e.Damaged != "" || years[e.Year] {
			continue
		}
		if r := u.neighbour(place, e.Year); r != nil {
			out, years[e.Year] = append(out, r), true
		}
	}
	return out
}

// peerReports are the library's reports of a year from places other than the given one,
// one per place, each decoded once and kept.
func (u *UI) peerReports(year int, place string) []*report.Report {
	var out []*report.Report
	seen := map[string]bool{place: true}
	for _, e := range u.deps.Library.List() {
		if e.Year != year || e.Damaged != "" || seen[e.Place] {
			continue
		}
		if r := u.neighbour(e.Place, year); r != nil {
			out, seen[e.Place] = append(out, r), true
		}
	}
	return out
}

// library is the session's way to the library's other reports.
func (u *UI) library() session.Library {
	return session.Library{Neighbour: u.neighbour, Reports: u.placeReports, Peers: u.peerReports}
}
