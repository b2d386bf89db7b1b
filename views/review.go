package views

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/report"
	"workreport/app/workspace"
)

// The review page: the figures a person still has to check, close calls first with the
// software's reasons, each with its sentence and the number highlighted, and the
// actions that confirm, correct, remove or add figures.

// reviewPerPage is how many figures the review page lists at once: enough to work
// through, few enough to lay out at once on a meeting-room laptop.
const reviewPerPage = 12

// reviewScreen is the review page and its dialogs: their state and their actions.
type reviewScreen struct {
	u    *UI
	page *reviewPage // the page on show, or the last one shown
	on   bool        // the review page is on show
	// editing: an edit is being shown; the page on show stays.
	editing bool

	editForm *figureForm     // the open edit dialog's fields
	infoForm [3]*dialogEntry // the open report-information dialog's title, place and year
	addText  *readOnlyText   // the open add dialog's text

	// A draft whose unsaved edits the user chose to drop, and how many it had then.
	dropDraft *workspace.Draft
	dropEdits int
}

// reviewPage is the review page on show, with the handles tests reach for.
type reviewPage struct {
	draft  *workspace.Draft // the data file it shows
	root   fyne.CanvasObject
	rows   map[string]*reviewRow // by figure id
	first  int                   // the queue index of the first row shown
	count  *textBlock
	groups []workspace.ReviewGroup // the groups whose heading the page shows, in order
	// scroll is the list's scroll area: the page keys scroll it, as they scroll a page.
	scroll *container.Scroll
	undo   *button
}

// reviewRow is one figure to check.
type reviewRow struct {
	fig                        *report.Figure
	title, fields, sentence    *textBlock
	confirm, edit, remove, add *button
	confirmSection             *button
}

// show shows the review page for the open report.
func (s *reviewScreen) show() {
	u := s.u
	if u.sess.Draft() == nil {
		d, err := u.deps.Workspace.DraftFor(u.sess.Entry())
		if err != nil {
			u.showError("无法审核", err)
			return
		}
		// The report on show becomes the data file's, which is the same report read again.
		u.dropPanels()
		s.editing = true
		u.sess.Review(d)
		s.editing = false
	}
	if s.page == nil || s.page.draft != u.sess.Draft() {
		s.page = &reviewPage{draft: u.sess.Draft()}
	}
	s.on = true
	s.build()
}

// build lays out the review page from the data file as it stands.
func (s *reviewScreen) build() {
	u := s.u
	d := u.sess.Draft()
	rp := s.page
	rp.rows = map[string]*reviewRow{}
	rp.groups = nil
	queue := d.Queue()
	if rp.first >= len(queue) {
		rp.first = max(0, (len(queue)-1)/reviewPerPage*reviewPerPage)
	}
	r := d.Report()
	total, left := len(r.Figures()), r.Unconfirmed()
	counts := d.Counts()
	rp.count = newTextBlock(theme.SizeNameText,
		textRun{text: "审核数据  ", colour: colourHeading},
		textRun{text: fmt.Sprintf("待审核 %d / %d 项：%s；把握不大的 %d 项", left, total, groupCounts(counts), d.Doubts()), colour: colourMuted})
	rp.undo = newButton("撤销", theme.ContentUndoIcon(), func() { u.action(s.undo) })
	if !d.CanUndo() {
		rp.undo.Disable()
	}
	top := container.NewBorder(nil, nil, nil, container.NewHBox(
		newButton("报告信息…", theme.InfoIcon(), func() { u.action(s.editInfo) }),
		rp.undo,
		newButton("保存到报告库", theme.DocumentSaveIcon(), func() { u.action(u.lib.save) }),
		newButton("返回报告", theme.NavigateBackIcon(), s.leave),
	), rp.count)
	list := container.NewVBox()
	if ask := missingInfo(r); ask != "" {
		// The text does not say which year's or which place's report it is: the year
		// decides which parts review and which plan, the year and the place which report
		// it is set beside; they are asked first.
		label := "填写年份…"
		if r.Year > 0 {
			label = "填写地区…"
		}
		list.Add(container.NewBorder(nil, nil, nil,
			newButton(label, theme.WarningIcon(), func() { u.action(s.editInfo) }), wrapped(ask)))
		list.Add(widget.NewSeparator())
	}
	if len(queue) == 0 {
		list.Add(wrapped("全部数据都已审核。可以用“保存到报告库”保存，审核标记随文件保存。"))
	}
	end := min(len(queue), rp.first+reviewPerPage)
	for i := rp.first; i < end; i++ {
		if g := d.GroupOf(queue[i]); i == rp.first || g != d.GroupOf(queue[i-1]) {
			// Where a group starts, or goes on from the page before: its name, its count
			// and what it is for.
			list.Add(newTextBlock(theme.SizeNameText,
				textRun{text: fmt.Sprintf("%s（%d 项）", g, counts[g]), colour: colourHeading},
				textRun{text: "　" + g.Explain(), colour: colourMuted}))
			rp.groups = append(rp.groups, g)
		}
		row := s.row(i+1, queue[i])
		rp.rows[queue[i].ID] = row
		list.Add(row.box())
		list.Add(widget.NewSeparator())
	}
	if len(queue) > reviewPerPage {
		prev := newButton("上一页", theme.NavigateBackIcon(), func() { rp.first -= reviewPerPage; s.build() })
		next := newButton("下一页", theme.NavigateNextIcon(), func() { rp.first += reviewPerPage; s.build() })
		if rp.first == 0 {
			prev.Disable()
		}
		if end >= len(queue) {
			next.Disable()
		}
		list.Add(container.NewHBox(prev, mutedText(fmt.Sprintf("第 %d–%d 项，共 %d 项", rp.first+1, end, len(queue)), theme.SizeNameText), next))
	}
	rp.scroll = container.NewVScroll(container.NewPadded(list))
	rp.root = container.NewBorder(container.NewVBox(container.NewPadded(top), widget.NewSeparator()), nil, nil, nil, rp.scroll)
	u.content.Objects = []fyne.CanvasObject{rp.root}
	u.content.Refresh()
	u.refreshHeader()
	u.showReviewInTree()
}

// showReviewInTree marks no page of the tree while the review page is on show, and the
// page counter says 审核: a click on any page, the one last read too, returns to it.
func (u *UI) showReviewInTree() {
	u.syncing = true
	u.tree.UnselectAll()
	u.tree.selected = ""
	u.syncing = false
	u.pageLabel.runs = []textRun{{text: "审核", colour: colourMuted}}
	u.pageLabel.Refresh()
}

// groupCounts says how many figures of each group are left: 关键数据 24 · 各节数据 205 ·
// 其余数字 12（可不审核）.
func groupCounts(counts map[workspace.ReviewGroup]int) string {
	var parts []string
	for _, g := range workspace.ReviewGroups {
		p := fmt.Sprintf("%s %d", g, counts[g])
		if g.Optional() {
			p += "（可不审核）"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " · ")
}

// row builds the row of the n-th figure to check.
func (s *reviewScreen) row(n int, f *report.Figure) *reviewRow {
	u := s.u
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
	row.fields = mutedText(u.sess.FieldSummary(f), theme.SizeNameCaptionText)
	row.confirm = newButton("确认", theme.ConfirmIcon(), func() {
		u.action(func() { s.apply(func(d *workspace.Draft) error { return d.Confirm(f.ID) }, "已确认："+f.Phrase) })
	})
	row.confirm.Importance = widget.HighImportance
	row.edit = newButton("修改…", theme.DocumentCreateIcon(), func() { u.action(func() { s.editFigure(f) }) })
	row.remove = newButton("删除", theme.DeleteIcon(), func() { u.action(func() { s.removeFigure(f) }) })
	if f.Section != nil {
		row.add = newButton("从原文添加…", theme.ContentAddIcon(), func() { u.action(func() { s.addFigure(f) }) })
		sec := f.Section
		row.confirmSection = newButton("确认本节全部", theme.ConfirmIcon(), func() {
			u.action(func() { s.confirmSection(sec) })
		})
	}
	return row
}

// confirmSection confirms every figure of a section that is still unconfirmed. When the
// software doubted some of them it asks first, naming how many and why.
func (s *reviewScreen) confirmSection(sec *report.Section) {
	u := s.u
	d := u.sess.Draft()
	var open, doubted []*report.Figure
	for _, f := range sec.AllFigures() {
		if f.IsReported() && !f.Confirmed() {
			open = append(open, f)
			if f.ReviewNote != "" {
				doubted = append(doubted, f)
			}
		}
	}
	confirm := func() {
		s.applyTo(d, func(d *workspace.Draft) error { _, err := d.ConfirmSection(sec.ID); return err },
			fmt.Sprintf("已确认本节全部 %d 项数据：%s", len(open), sec.Title))
	}
	if len(doubted) == 0 {
		confirm()
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "本节待审核的 %d 项数据中，有 %d 项软件把握不大：\n", len(open), len(doubted))
	for i, f := range doubted {
		if i == 5 {
			fmt.Fprintf(&b, "……等 %d 项\n", len(doubted))
			break
		}
		fmt.Fprintf(&b, "· %s（%s）：%s\n", f.Phrase, f.Indicator, f.ReviewNote)
	}
	b.WriteString("\n确认全部即表示这些也已对照原文核对过。")
	u.modal(questionDialog, "确认本节全部数据？", scrolled(wrapped(b.String()), 240), 620,
		cancelButton(nil),
		modalButton{label: fmt.Sprintf("确认全部 %d 项", len(open)), primary: true, action: confirm})
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

// apply makes one edit to the open data file and shows the result; an edit the file
// refuses changes nothing and is explained.
func (s *reviewScreen) apply(edit func(d *workspace.Draft) error, done string) {
	s.applyTo(s.u.sess.Draft(), edit, done)
}

// applyTo makes an edit asked for while d was on show: if another report has been
// opened since (a file dialog answered late), the edit is not made.
func (s *reviewScreen) applyTo(d *workspace.Draft, edit func(d *workspace.Draft) error, done string) {
	u := s.u
	if !s.current(d) {
		return
	}
	if err := edit(d); err != nil {
		u.showError("无法修改", fmt.Errorf("%w\n\n数据没有改动。", err))
		return
	}
	s.edited()
	u.status(done)
}

// current reports whether d is still the data file on show, and says so when it is not:
// another report has been opened since the edit was asked for (a dialog answered late).
func (s *reviewScreen) current(d *workspace.Draft) bool {
	if d == nil || d != s.u.sess.Draft() {
		s.u.showError("无法修改", errors.New("这项修改针对的报告已经不在窗口中（打开了另一份报告），修改没有进行。"))
		return false
	}
	return true
}

// edited shows the report as the data file now stands: the panels are rebuilt when
// next shown, and the review page at once.
func (s *reviewScreen) edited() {
	u := s.u
	u.dropPanels()
	s.editing = true
	u.sess.Edited()
	s.editing = false
	if s.on {
		s.build()
	} else {
		u.pageChanged()
	}
}

// undo takes back the last edit (Ctrl+Z).
func (s *reviewScreen) undo() {
	d := s.u.sess.Draft()
	if d == nil || !d.Undo() {
		s.u.status("没有可撤销的修改")
		return
	}
	s.edited()
	s.u.status("已撤销上一次修改")
}

// leave returns to the report's pages.
func (s *reviewScreen) leave() {
	s.on = false
	s.u.rebuild()
}

// leaveEdits asks before edits that are not saved would be lost. It returns true when
// there are none, or the user already chose to drop them and has made no edit since;
// otherwise it asks, and runs then once the user chose to go on without saving.
func (s *reviewScreen) leaveEdits(then func()) bool {
	d := s.u.sess.Draft()
	if d == nil || !d.Dirty() || s.dropDraft == d && s.dropEdits == d.Edits() {
		return true
	}
	s.u.modal(questionDialog, "有未保存的审核修改",
		wrapped("当前报告的审核修改还没有保存。继续的话，这些修改将丢失。\n\n要保留它们，请先按“取消”，再用“文件 › 保存到报告库”（Ctrl+S）。"), 560,
		cancelButton(nil),
		modalButton{label: "不保存，继续", primary: true, action: func() {
			s.dropDraft, s.dropEdits = d, d.Edits()
			then()
		}})
	return false
}

// missingInfo asks for what the text does not state of a report: its year, its place.
func missingInfo(r *report.Report) string {
	switch {
	case r.Year == 0 && r.Place == "":
		return "原文中没有写明这是哪一年、哪个地区的报告。请先填写年份和地区：年份决定哪些部分是回顾、哪些是计划，年份和地区决定与哪一份报告对照；保存到报告库前必须填写年份。"
	case r.Year == 0:
		return "原文中没有写明这是哪一年的报告。请先填写年份：年份决定哪些部分是回顾、哪些是计划，以及与哪一年的报告对照；保存到报告库前必须填写。"
	case r.Place == "":
		return "原文中没有写明这是哪个地区的报告。请填写地区，报告库按地区和年份列出报告，并据此与相邻年份的报告对照。"
	}
	return ""
}

// editInfo corrects the report's title, place and year, by which the library lists it.
func (s *reviewScreen) editInfo() {
	u := s.u
	r := u.sess.Report()
	d := u.sess.Draft()
	shownYear := ""
	if r.Year > 0 {
		shownYear = fmt.Sprint(r.Year)
	}
	title, place, year := newDialogEntry(u, r.Title), newDialogEntry(u, r.Place), newDialogEntry(u, shownYear)
	year.SetPlaceHolder("如 2024")
	s.infoForm = [3]*dialogEntry{title, place, year}
	grid := container.New(layout.NewFormLayout(), formLabel("标题"), title, formLabel("地区"), place, formLabel("年份"), year)
	note := mutedText("地区写全称（市、省、自治区等写到“市”“省”字），国务院的报告写“全国”。报告库按地区和年份列出报告。", theme.SizeNameCaptionText)
	u.modal(questionDialog, "报告信息", container.NewVBox(grid, note), 600,
		cancelButton(nil),
		modalButton{label: "保存修改", primary: true, action: func() {
			info := workspace.Info{Title: title.Text, Place: place.Text, Year: year.Text}
			s.applyTo(d, func(d *workspace.Draft) error { return d.SetInfo(info) }, "已修改报告信息")
		}})
}

// removeFigure deletes a figure after asking.
func (s *reviewScreen) removeFigure(f *report.Figure) {
	d := s.u.sess.Draft()
	s.u.modal(questionDialog, "删除这项数据？",
		wrapped(fmt.Sprintf("“%s”（%s）不是数据，或识别有误？删除后它列为“审核删除”的非数据数字，可以撤销（Ctrl+Z）。", f.Phrase, f.Indicator)), 560,
		cancelButton(nil),
		modalButton{label: "删除", primary: true, action: func() {
			s.applyTo(d, func(d *workspace.Draft) error { return d.Remove(f.ID) }, "已删除："+f.Phrase)
		}})
}

// figureForm is the edit dialog's fields, each a widget for one field of the figure.
type figureForm struct {
	draft   *workspace.Draft // the data file the form edits
	entries map[string]*dialogEntry
	selects map[string]*keySelect
	secRole *keySelect
}

const (
	byDefault = "（默认）"
	noPair    = "（无）"
)

// editFigure opens the form that corrects a figure's reading.
func (s *reviewScreen) editFigure(f *report.Figure) {
	u := s.u
	r := u.sess.Report()
	form := &figureForm{entries: map[string]*dialogEntry{}, selects: map[string]*keySelect{}}
	text := report.TextOf(f)
	grid := container.New(layout.NewFormLayout())
	entry := func(field, value string) {
		e := newDialogEntry(u, value)
		form.entries[field] = e
		grid.Add(formLabel(field))
		grid.Add(e)
	}
	choose := func(field string, options []string, value string) {
		sel := newKeySelect(options, nil)
		if value == "" {
			value = options[0]
		}
		sel.SetSelected(value)
		form.selects[field] = sel
		grid.Add(formLabel(field))
		grid.Add(sel)
	}
	var natures []string
	for _, n := range report.Natures {
		if n != report.Derived {
			natures = append(natures, string(n))
		}
	}
	entry(report.FieldIndicator, text.Indicator)
	choose(report.FieldNature, natures, text.Nature)
	entry(report.FieldMeasure, text.Measure)
	entry(report.FieldPeriod, text.Period)
	choose(report.FieldBasis, append([]string{"（未注明）"}, names(report.Bases)...), text.Basis)
	if f.HasValue {
		entry(report.FieldValue, text.Value)
		entry(report.FieldUpper, text.Upper)
		entry(report.FieldUnit, text.Unit)
		entry(report.FieldBound, text.Bound)
	}
	choose(report.FieldStrive, []string{"（无）", "力争", "争取"}, text.Strive)
	choose(report.FieldDirection, append([]string{byDefault}, names(report.Directions)...), text.Direction)
	choose(report.FieldRole, append([]string{byDefault}, names(report.Roles)...), text.Role)
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
		choose(report.FieldPair, opts, cur)
	}
	if f.Section != nil {
		form.secRole = newKeySelect(names(report.Roles), nil)
		form.secRole.SetSelected(string(f.Section.Role))
		grid.Add(formLabel("所在分节的角色"))
		grid.Add(form.secRole)
	}
	intro := newTextBlock(theme.SizeNameCaptionText, sentenceRuns(f)...)
	s.editForm = form
	form.draft = u.sess.Draft()
	u.modal(questionDialog, "修改数据："+f.Phrase, scrolled(container.NewVBox(intro, widget.NewSeparator(), grid), 420), 720,
		cancelButton(nil),
		modalButton{label: "保存修改", primary: true, action: func() { s.saveForm(f, form) }})
}

func names[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// text is the figure as the form now states it: the figure's own text with the form's
// fields in place. A choice in brackets (（默认）, （无）) states nothing.
func (form *figureForm) text(f *report.Figure) report.FigureText {
	t := report.TextOf(f)
	value := func(field string) (string, bool) {
		if e, ok := form.entries[field]; ok {
			return strings.TrimSpace(e.Text), true
		}
		if sel, ok := form.selects[field]; ok {
			v := sel.Selected
			if strings.HasPrefix(v, "（") {
				v = ""
			}
			if field == report.FieldPair && v != "" {
				v, _, _ = strings.Cut(v, " ")
			}
			return v, true
		}
		return "", false
	}
	for field, dst := range map[string]*string{
		report.FieldIndicator: &t.Indicator, report.FieldNature: &t.Nature, report.FieldMeasure: &t.Measure,
		report.FieldPeriod: &t.Period, report.FieldBasis: &t.Basis, report.FieldValue: &t.Value, report.FieldUpper: &t.Upper,
		report.FieldUnit: &t.Unit, report.FieldBound: &t.Bound, report.FieldStrive: &t.Strive, report.FieldDirection: &t.Direction,
		report.FieldRole: &t.Role, report.FieldPair: &t.Pair,
	} {
		if v, ok := value(field); ok {
			*dst = v
		}
	}
	return t
}

// saveForm applies the fields that changed, as one edit.
func (s *reviewScreen) saveForm(f *report.Figure, form *figureForm) {
	var role report.Role
	if form.secRole != nil {
		role = report.Role(form.secRole.Selected)
	}
	to := form.text(f)
	s.applyTo(form.draft, func(d *workspace.Draft) error {
		_, err := d.Edit(f.ID, to, role)
		return err
	}, "已修改："+f.Phrase)
}

// addFigure opens the paragraph of a figure's sentence in a read-only text box, where
// the user selects the words of a figure the software missed.
func (s *reviewScreen) addFigure(near *report.Figure) {
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
	s.addText = text
	d := s.u.sess.Draft()
	s.u.modal(questionDialog, "从原文添加数据", container.NewVBox(
		wrapped("在下面的原文中选中一项数据的数字及其单位（如“6.6%”“1100万人以上”），再按“添加”。"),
		text), 720,
		cancelButton(nil),
		modalButton{label: "添加", primary: true, action: func() {
			if !s.current(d) {
				return
			}
			phrase, err := d.AddSelected(sec, para, text.SelectedText())
			if err != nil {
				s.u.showError("无法添加", err)
				return
			}
			s.edited()
			s.u.status("已添加：" + phrase)
		}})
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
