package views

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/importer"
	"workreport/app/report"
	"workreport/app/review"
)

// The review page: the figures a person still has to check, close calls first with the
// software's reasons, each with its sentence and the number highlighted, and the
// actions that confirm, correct, remove or add figures.

// reviewPerPage is how many figures the review page lists at once: enough to work
// through, few enough to lay out at once on a meeting-room laptop.
const reviewPerPage = 12

// reviewPage is the review page on show, with the handles tests reach for.
type reviewPage struct {
	doc   *review.Doc // the data file it shows
	root  fyne.CanvasObject
	rows  map[string]*reviewRow // by figure id
	first int                   // the queue index of the first row shown
	count *textBlock
	undo  *button
}

// reviewRow is one figure to check.
type reviewRow struct {
	fig                        *report.Figure
	title, fields, sentence    *textBlock
	confirm, edit, remove, add *button
	confirmSection             *button
}

// showReview shows the review page for the open report.
func (u *UI) showReview() {
	if u.sess.Doc() == nil {
		d, err := u.openDocFor()
		if err != nil {
			u.showError("无法审核", err)
			return
		}
		// The report on show becomes the data file's, which is the same report read again.
		u.panels = map[string]*panel{}
		u.cur = nil
		u.editing = true
		u.sess.Review(d)
		u.editing = false
	}
	if u.review == nil || u.review.doc != u.sess.Doc() {
		u.review = &reviewPage{doc: u.sess.Doc()}
	}
	u.reviewing = true
	u.buildReview()
}

// openDocFor reads the open report's data file for review.
func (u *UI) openDocFor() (*review.Doc, error) {
	key := u.sess.Entry()
	for _, e := range u.deps.Library.List() {
		if e.Key == key {
			_, data, err := u.deps.Library.Open(e)
			if err != nil {
				return nil, err
			}
			return review.Open(filepath.Base(e.Key), data)
		}
	}
	if ext := strings.ToLower(filepath.Ext(key)); ext == ".yaml" || ext == ".yml" {
		data, err := os.ReadFile(key)
		if err != nil {
			return nil, fmt.Errorf("无法读取“%s”：%w", key, err)
		}
		return review.Open(filepath.Base(key), data)
	}
	if key != "" && !strings.HasPrefix(key, "内置/") && importer.Importable(key) {
		res, err := u.deps.ReadImport(key)
		if err != nil {
			return nil, err
		}
		return review.Open(strings.TrimSuffix(filepath.Base(key), filepath.Ext(key))+".yaml", res.YAML)
	}
	return nil, errors.New("这份报告不是从报告数据文件打开的，不能审核。请用“文件 › 导入报告…”导入原文后审核。")
}

// buildReview lays out the review page from the data file as it stands.
func (u *UI) buildReview() {
	d := u.sess.Doc()
	rp := u.review
	rp.rows = map[string]*reviewRow{}
	queue := d.Queue()
	if rp.first >= len(queue) {
		rp.first = max(0, (len(queue)-1)/reviewPerPage*reviewPerPage)
	}
	r := d.Report()
	total, left := len(r.Figures()), r.Unconfirmed()
	rp.count = newTextBlock(theme.SizeNameText,
		textRun{text: "审核数据  ", colour: colourHeading},
		textRun{text: fmt.Sprintf("待审核 %d / %d 项，把握不大的 %d 项在前", left, total, doubts(queue)), colour: colourMuted})
	rp.undo = newButton("撤销", theme.ContentUndoIcon(), func() { u.action(u.undoEdit) })
	if !d.CanUndo() {
		rp.undo.Disable()
	}
	top := container.NewBorder(nil, nil, nil, container.NewHBox(
		newButton("报告信息…", theme.InfoIcon(), func() { u.action(u.editInfo) }),
		rp.undo,
		newButton("保存到报告库", theme.DocumentSaveIcon(), func() { u.action(u.saveToLibrary) }),
		newButton("返回报告", theme.NavigateBackIcon(), func() { u.leaveReview() }),
	), rp.count)
	list := container.NewVBox()
	if len(queue) == 0 {
		list.Add(wrapped("全部数据都已审核。可以用“保存到报告库”保存，审核标记随文件保存。"))
	}
	end := min(len(queue), rp.first+reviewPerPage)
	for i := rp.first; i < end; i++ {
		row := u.reviewRow(i+1, queue[i])
		rp.rows[queue[i].ID] = row
		list.Add(row.box())
		list.Add(widget.NewSeparator())
	}
	if len(queue) > reviewPerPage {
		prev := newButton("上一页", theme.NavigateBackIcon(), func() { rp.first -= reviewPerPage; u.buildReview() })
		next := newButton("下一页", theme.NavigateNextIcon(), func() { rp.first += reviewPerPage; u.buildReview() })
		if rp.first == 0 {
			prev.Disable()
		}
		if end >= len(queue) {
			next.Disable()
		}
		list.Add(container.NewHBox(prev, mutedText(fmt.Sprintf("第 %d–%d 项，共 %d 项", rp.first+1, end, len(queue)), theme.SizeNameText), next))
	}
	scroll := container.NewVScroll(container.NewPadded(list))
	rp.root = container.NewBorder(container.NewVBox(container.NewPadded(top), widget.NewSeparator()), nil, nil, nil, scroll)
	u.content.Objects = []fyne.CanvasObject{rp.root}
	u.content.Refresh()
	u.refreshHeader()
}

func doubts(q []*report.Figure) int {
	n := 0
	for _, f := range q {
		if f.ReviewNote != "" {
			n++
		}
	}
	return n
}

// reviewRow builds the row of the n-th figure to check.
func (u *UI) reviewRow(n int, f *report.Figure) *reviewRow {
	row := &reviewRow{fig: f}
	value := f.StriveText()
	if f.Nature == report.Qualitative {
		value = f.Phrase
	}
	row.title = newTextBlock(theme.SizeNameText,
		textRun{text: fmt.Sprintf("%d. ", n), colour: colourMuted},
		textRun{text: value, colour: natureColour(f.Nature), figure: true},
		textRun{text: "  " + f.Indicator + " · " + string(f.Nature), colour: colourHeading})
	row.sentence = newTextBlock(theme.SizeNameText, sentenceRuns(f)...)
	row.fields = mutedText(fieldSummary(u.sess.Report(), f), theme.SizeNameCaptionText)
	row.confirm = newButton("确认", theme.ConfirmIcon(), func() {
		u.action(func() { u.applyEdit(func(d *review.Doc) error { return d.Confirm(f.ID) }, "已确认："+f.Phrase) })
	})
	row.confirm.Importance = widget.HighImportance
	row.edit = newButton("修改…", theme.DocumentCreateIcon(), func() { u.action(func() { u.editFigure(f) }) })
	row.remove = newButton("删除", theme.DeleteIcon(), func() { u.action(func() { u.removeFigure(f) }) })
	if f.Section != nil {
		row.add = newButton("从原文添加…", theme.ContentAddIcon(), func() { u.action(func() { u.addFigure(f) }) })
		sec := f.Section
		row.confirmSection = newButton("确认本节全部", theme.ConfirmIcon(), func() {
			u.action(func() {
				u.applyEdit(func(d *review.Doc) error { _, err := d.ConfirmSection(sec.ID); return err }, "已确认本节全部数据："+sec.Title)
			})
		})
	}
	return row
}

func (row *reviewRow) box() fyne.CanvasObject {
	parts := []fyne.CanvasObject{row.title}
	if row.fig.ReviewNote != "" {
		parts = append(parts, newTextBlock(theme.SizeNameCaptionText, textRun{text: "把握不大：" + row.fig.ReviewNote, colour: theme.ColorNameError}))
	}
	if row.fig.Section != nil {
		parts = append(parts, mutedText(row.fig.Section.PathString(), theme.SizeNameCaptionText))
	}
	parts = append(parts, row.sentence, row.fields)
	buttons := container.NewHBox(row.confirm, row.edit, row.remove)
	if row.add != nil {
		buttons.Add(row.add)
	}
	if row.confirmSection != nil {
		buttons.Add(layout.NewSpacer())
		buttons.Add(row.confirmSection)
	}
	return container.NewVBox(append(parts, buttons)...)
}

// fieldSummary lists a figure's fields in one line, for checking at a glance.
func fieldSummary(r *report.Report, f *report.Figure) string {
	or := func(s, none string) string {
		if s == "" {
			return none
		}
		return s
	}
	parts := []string{
		"口径 " + f.Measure,
		"时期 " + or(f.Period.String(), "—"),
		"基础 " + or(string(f.Basis), "未注明"),
	}
	if f.HasValue {
		parts = append(parts, "数值 "+f.NumberString()+or(rangeSuffix(f), ""), "单位 "+or(f.Unit, "—"), "限定 "+or(f.Bound, "—"))
	}
	parts = append(parts, "方向 "+or(string(f.Direction), "—"), "角色 "+string(f.Role))
	if p := r.Figure(f.Pair); p != nil && f.Nature == report.Target {
		parts = append(parts, "对应 "+p.Indicator+" "+p.Phrase)
	}
	return strings.Join(parts, " · ")
}

func rangeSuffix(f *report.Figure) string {
	if f.IsRange {
		return "–" + f.UpperString()
	}
	return ""
}

// applyEdit makes one edit to the data file and shows the result; an edit the file
// refuses changes nothing and is explained.
func (u *UI) applyEdit(edit func(d *review.Doc) error, done string) {
	u.applyEditTo(u.sess.Doc(), edit, done)
}

// applyEditTo makes an edit asked for while d was on show: if another report has been
// opened since (a file dialog answered late), the edit is not made.
func (u *UI) applyEditTo(d *review.Doc, edit func(d *review.Doc) error, done string) {
	if d == nil || d != u.sess.Doc() {
		u.showError("无法修改", errors.New("这项修改针对的报告已经不在窗口中（打开了另一份报告），修改没有进行。"))
		return
	}
	if err := edit(d); err != nil {
		u.showError("无法修改", fmt.Errorf("%w\n\n数据没有改动。", err))
		return
	}
	u.edited()
	u.status(done)
}

// edited shows the report as the data file now stands: the panels are rebuilt when
// next shown, and the review page at once.
func (u *UI) edited() {
	u.panels = map[string]*panel{}
	u.cur = nil
	u.editing = true
	u.sess.Edited()
	u.editing = false
	if u.reviewing {
		u.buildReview()
	} else {
		u.pageChanged()
	}
}

// undoEdit takes back the last edit (Ctrl+Z).
func (u *UI) undoEdit() {
	d := u.sess.Doc()
	if d == nil || !d.Undo() {
		u.status("没有可撤销的修改")
		return
	}
	u.edited()
	u.status("已撤销上一次修改")
}

// leaveReview returns to the report's pages.
func (u *UI) leaveReview() {
	u.reviewing = false
	u.rebuild()
}

// editInfo corrects the report's title, place and year, by which the library lists it.
func (u *UI) editInfo() {
	r := u.sess.Report()
	d := u.sess.Doc()
	title, place, year := newDialogEntry(u, r.Title), newDialogEntry(u, r.Place), newDialogEntry(u, fmt.Sprint(r.Year))
	u.infoForm = [3]*dialogEntry{title, place, year}
	grid := container.New(layout.NewFormLayout(), wrapped("标题"), title, wrapped("地区"), place, wrapped("年份"), year)
	note := mutedText("地区写全称（市、省、自治区等写到“市”“省”字），国务院的报告写“全国”。报告库按地区和年份列出报告。", theme.SizeNameCaptionText)
	u.modal(questionDialog, "报告信息", container.NewVBox(grid, note), 600,
		modalButton{label: "取消"},
		modalButton{label: "保存修改", primary: true, action: func() {
			fields := map[string]string{}
			for k, e := range map[string]*dialogEntry{"title": title, "place": place, "year": year} {
				fields[k] = e.Text
			}
			u.applyEditTo(d, func(d *review.Doc) error { return d.SetInfo(fields) }, "已修改报告信息")
		}})
}

// removeFigure deletes a figure after asking.
func (u *UI) removeFigure(f *report.Figure) {
	d := u.sess.Doc()
	u.modal(questionDialog, "删除这项数据？",
		wrapped(fmt.Sprintf("“%s”（%s）不是数据，或识别有误？删除后它列为“审核删除”的非数据数字，可以撤销（Ctrl+Z）。", f.Phrase, f.Indicator)), 560,
		modalButton{label: "取消"},
		modalButton{label: "删除", primary: true, action: func() {
			u.applyEditTo(d, func(d *review.Doc) error { return d.Remove(f.ID) }, "已删除："+f.Phrase)
		}})
}

// figureForm is the edit dialog's fields, by data file name.
type figureForm struct {
	doc     *review.Doc // the data file the form edits
	entries map[string]*dialogEntry
	selects map[string]*widget.Select
	secRole *widget.Select
}

const (
	byDefault = "（默认）"
	noPair    = "（无）"
)

// editFigure opens the form that corrects a figure's reading.
func (u *UI) editFigure(f *report.Figure) {
	r := u.sess.Report()
	form := &figureForm{entries: map[string]*dialogEntry{}, selects: map[string]*widget.Select{}}
	grid := container.New(layout.NewFormLayout())
	entry := func(field, value string) {
		e := newDialogEntry(u, value)
		form.entries[field] = e
		grid.Add(wrapped(field))
		grid.Add(e)
	}
	choose := func(field string, options []string, value string) {
		s := widget.NewSelect(options, nil)
		if value == "" {
			value = options[0]
		}
		s.SetSelected(value)
		form.selects[field] = s
		grid.Add(wrapped(field))
		grid.Add(s)
	}
	var natures []string
	for _, n := range report.Natures {
		if n != report.Derived {
			natures = append(natures, string(n))
		}
	}
	entry("指标", f.Indicator)
	choose("性质", natures, string(f.Nature))
	entry("口径", f.Measure)
	period := ""
	if f.PeriodStated {
		period = f.Period.String()
	}
	entry("时期", period)
	choose("基础", append([]string{"（未注明）"}, names(report.Bases)...), string(f.Basis))
	if f.HasValue {
		entry("数值", f.NumberString())
		entry("上限", f.UpperString())
		entry("单位", f.Unit)
		entry("限定", f.Bound)
	}
	choose("力争", []string{"（无）", "力争", "争取"}, f.Strive)
	dir := ""
	if f.DirectionStated {
		dir = string(f.Direction)
	}
	choose("方向", append([]string{byDefault}, names(report.Directions)...), dir)
	role := ""
	if f.RoleStated {
		role = string(f.Role)
	}
	choose("角色", append([]string{byDefault}, names(report.Roles)...), role)
	if f.Nature == report.Target {
		opts := []string{noPair}
		cur := ""
		for _, g := range r.Figures() {
			if g.Nature == report.Result && g.ID != f.ID {
				label := g.ID + " " + g.Indicator + " " + g.Phrase
				opts = append(opts, label)
				if g.ID == f.Pair {
					cur = label
				}
			}
		}
		choose("对应", opts, cur)
	}
	if f.Section != nil {
		form.secRole = widget.NewSelect(names(report.Roles), nil)
		form.secRole.SetSelected(string(f.Section.Role))
		grid.Add(wrapped("所在分节的角色"))
		grid.Add(form.secRole)
	}
	intro := newTextBlock(theme.SizeNameCaptionText, sentenceRuns(f)...)
	u.editForm = form
	form.doc = u.sess.Doc()
	u.modal(questionDialog, "修改数据："+f.Phrase, scrolled(container.NewVBox(intro, widget.NewSeparator(), grid), 420), 720,
		modalButton{label: "取消"},
		modalButton{label: "保存修改", primary: true, action: func() { u.saveForm(f, form) }})
}

func names[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// saveForm applies the fields that changed, as one edit.
func (u *UI) saveForm(f *report.Figure, form *figureForm) {
	before := map[string]string{
		"指标": f.Indicator, "性质": string(f.Nature), "口径": f.Measure, "基础": string(f.Basis),
		"数值": f.NumberString(), "上限": f.UpperString(), "单位": f.Unit, "限定": f.Bound, "力争": f.Strive, "对应": f.Pair,
	}
	if f.PeriodStated {
		before["时期"] = f.Period.String()
	}
	if f.DirectionStated {
		before["方向"] = string(f.Direction)
	}
	if f.RoleStated {
		before["角色"] = string(f.Role)
	}
	changed := map[string]string{}
	for k, e := range form.entries {
		if v := strings.TrimSpace(e.Text); v != before[k] {
			changed[k] = v
		}
	}
	for k, s := range form.selects {
		v := s.Selected
		if strings.HasPrefix(v, "（") {
			v = ""
		}
		if k == "对应" && v != "" {
			v, _, _ = strings.Cut(v, " ")
		}
		if v != before[k] {
			changed[k] = v
		}
	}
	secChanged := form.secRole != nil && f.Section != nil && form.secRole.Selected != string(f.Section.Role)
	if len(changed) == 0 && !secChanged {
		return
	}
	secID, role := "", report.Role("")
	if secChanged {
		secID, role = f.Section.ID, report.Role(form.secRole.Selected)
	}
	u.applyEditTo(form.doc, func(d *review.Doc) error { return d.Update(f.ID, changed, secID, role) }, "已修改："+f.Phrase)
}

// addFigure opens the paragraph of a figure's sentence in a read-only text box, where
// the user selects the words of a figure the software missed.
func (u *UI) addFigure(near *report.Figure) {
	sec := near.Section
	if sec == nil {
		return
	}
	blocks := sec.Blocks()
	para := near.Sentence
	if near.Location.Block < len(blocks) {
		para = blocks[near.Location.Block].Text
	}
	text := newReadOnlyText(para)
	u.addText = text
	d := u.sess.Doc()
	u.modal(questionDialog, "从原文添加数据", container.NewVBox(
		wrapped("在下面的原文中选中一项数据的数字及其单位（如“6.6%”“1100万人以上”），再按“添加”。"),
		text), 720,
		modalButton{label: "取消"},
		modalButton{label: "添加", primary: true, action: func() {
			u.addSelected(d, sec, para, text.SelectedText())
		}})
}

// addSelected adds the figure the selected words hold, read as an import would.
func (u *UI) addSelected(d *review.Doc, sec *report.Section, para, selected string) {
	r := u.sess.Report()
	fields, err := importer.FigureAt(para, selected, sec.Role, r.Year)
	if err != nil {
		u.showError("无法添加", err)
		return
	}
	for _, f := range sec.Figures() {
		if f.Phrase == fields.Phrase && f.Sentence == fields.Sentence {
			u.showError("无法添加", fmt.Errorf("“%s”已经是一项数据（%s）", f.Phrase, f.Indicator))
			return
		}
	}
	fields.Section = sec.ID
	u.applyEditTo(d, func(d *review.Doc) error {
		_, err := d.Add(fields, "审核时从原文添加，指标、性质等由软件读出，请核对")
		return err
	}, "已添加："+fields.Phrase)
}

// readOnlyText is a multi-line entry whose text can be selected but not changed.
type readOnlyText struct {
	widget.Entry
	text string
}

func newReadOnlyText(s string) *readOnlyText {
	t := &readOnlyText{text: s}
	t.MultiLine = true
	t.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	t.SetText(s)
	t.SetMinRowsVisible(6)
	t.OnChanged = func(string) {
		if t.Text != t.text {
			t.SetText(t.text)
		}
	}
	return t
}

var _ = slices.Contains[[]string]
