package views

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/workspace"
)

const fixture = "2019年某市政府工作报告\n\n一、2018年工作回顾\n\n过去一年，地区生产总值增长6.6%，总量突破900亿元。城镇新增就业5.2万人，其中帮助困难人员就业1.1万人。\n\n二、2019年工作安排\n\n今年全市发展主要预期目标是：地区生产总值增长6%－6.5%；城镇新增就业5万人以上；生态环境质量持续改善。\n"

func tapIn(t *testing.T, o fyne.CanvasObject, label string) {
	t.Helper()
	b := findButton(o, label)
	if b == nil {
		t.Fatalf("no button %q", label)
	}
	test.Tap(b)
}

// The whole path a reviewer takes, through the real widgets: import a file, edit a
// figure, undo, confirm, save to the library, switch to a built-in report, reopen the
// saved one from the library. The saved file holds exactly what the screen showed.
func TestImportReviewSaveReopen(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	dir := filepath.Join(t.TempDir(), "报告 原文")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fd.importPath = filepath.Join(dir, "某市 政府工作报告.txt")
	if err := os.WriteFile(fd.importPath, []byte(fixture), 0o644); err != nil {
		t.Fatal(err)
	}

	// Import (Ctrl+I): the report opens at once, marked 未审核, on the review page.
	typeShortcut(w, fyne.KeyI, fyne.KeyModifierShortcutDefault)
	r := u.sess.Report()
	if r.Year != 2019 || len(r.Figures()) == 0 || r.Unconfirmed() != len(r.Figures()) {
		t.Fatalf("imported report: year %d, %d figures, %d unconfirmed", r.Year, len(r.Figures()), r.Unconfirmed())
	}
	if !u.rev.on || !strings.Contains(u.headerState.Text, "未审核") {
		t.Fatalf("review page %v, header %q", u.rev.on, u.headerState.Text)
	}
	rows := u.rev.page.rows
	if len(rows) == 0 {
		t.Fatal("no figures listed to review")
	}

	// Edit a figure's name in the form, then undo it with Ctrl+Z.
	var gdp *reviewRow
	for _, row := range rows {
		if row.fig.Phrase == "6.6%" {
			gdp = row
		}
	}
	if gdp == nil {
		t.Fatal("6.6% is not listed")
	}
	if !strings.Contains(gdp.sentence.Text(), "地区生产总值增长6.6%") {
		t.Errorf("row sentence %q", gdp.sentence.Text())
	}
	test.Tap(gdp.edit)
	name := u.rev.editForm.entries["指标"]
	name.SetText("全市地区生产总值增速")
	tapIn(t, topOverlay(w), "保存修改")
	if f := u.sess.Report().Figure(gdp.fig.ID); f.Indicator != "全市地区生产总值增速" {
		t.Fatalf("edited indicator %q", f.Indicator)
	}
	if !strings.Contains(u.headerState.Text, "未保存") {
		t.Errorf("header %q does not say the edit is unsaved", u.headerState.Text)
	}
	typeShortcut(w, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	if f := u.sess.Report().Figure(gdp.fig.ID); f.Indicator == "全市地区生产总值增速" {
		t.Fatal("Ctrl+Z did not take the edit back")
	}

	// A wrong edit is refused with a message, and changes nothing.
	test.Tap(u.rev.page.rows[gdp.fig.ID].edit)
	u.rev.editForm.entries["限定"].SetText("以上")
	tapIn(t, topOverlay(w), "保存修改")
	if !overlayHasText(w, "数据没有改动") {
		t.Error("a refused edit was not explained")
	}
	tapIn(t, topOverlay(w), "确定")

	// Edit again and confirm the figure; confirm the targets' section at once.
	test.Tap(u.rev.page.rows[gdp.fig.ID].edit)
	u.rev.editForm.entries["指标"].SetText("地区生产总值增速")
	tapIn(t, topOverlay(w), "保存修改")
	test.Tap(u.rev.page.rows[gdp.fig.ID].confirm)
	if !u.sess.Report().Figure(gdp.fig.ID).Confirmed() {
		t.Fatal("confirm did not confirm")
	}
	var target *reviewRow
	for _, row := range u.rev.page.rows {
		if row.fig.Nature == report.Target {
			target = row
		}
	}
	test.Tap(target.confirmSection)
	for _, f := range u.sess.Report().Section(target.fig.Section.ID).AllFigures() {
		if !f.Confirmed() {
			t.Errorf("%s not confirmed with its section", f.ID)
		}
	}

	// Remove a figure, and add it back by selecting its words in the text.
	var help *reviewRow
	for _, row := range u.rev.page.rows {
		if row.fig.Phrase == "1.1万人" {
			help = row
		}
	}
	test.Tap(help.remove)
	tapIn(t, topOverlay(w), "删除")
	if u.sess.Report().Figure(help.fig.ID) != nil {
		t.Fatal("figure not removed")
	}
	anyRow := func() *reviewRow {
		for _, row := range u.rev.page.rows {
			if row.fig.Section != nil && row.fig.Section.ID == help.fig.Section.ID {
				return row
			}
		}
		t.Fatal("no row left in the review section")
		return nil
	}
	test.Tap(anyRow().add)
	selectText(u.rev.addText, "1.1万人")
	if got := u.rev.addText.SelectedText(); got != "1.1万人" {
		t.Fatalf("selected %q", got)
	}
	tapIn(t, topOverlay(w), "添加")
	var added *report.Figure
	for _, f := range u.sess.Report().Figures() {
		if f.Phrase == "1.1万人" {
			added = f
		}
	}
	if added == nil || added.Confirmed() || added.Value != 1.1 || added.Unit != "万人" {
		t.Fatalf("added: %+v", added)
	}

	// The text names no place the software can read: the reviewer states it.
	tapIn(t, u.rev.page.root, "报告信息…")
	u.rev.infoForm[1].SetText("江门市蓬江区")
	tapIn(t, topOverlay(w), "保存修改")
	if u.sess.Report().Place != "江门市蓬江区" {
		t.Fatalf("place %q", u.sess.Report().Place)
	}

	// Save (Ctrl+S) into the library; the file equals the report on screen.
	shown := u.sess.Report()
	typeShortcut(w, fyne.KeyS, fyne.KeyModifierShortcutDefault)
	saved := u.sess.Entry()
	if saved == "" || strings.HasPrefix(saved, "内置/") {
		t.Fatalf("saved as %q", saved)
	}
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	back, err := report.Load("saved.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	sameFigures(t, back, shown)

	// Switch to a built-in report through the library, then reopen the saved one.
	typeShortcut(w, fyne.KeyL, fyne.KeyModifierShortcutDefault)
	if u.lib.rows == nil || !overlayHasText(w, "示例市 2022年") || !overlayHasText(w, "审核中") {
		t.Fatal("the library does not list the national reports and the saved one")
	}
	openRow(t, u, "示例市 2022年")
	if r := u.sess.Report(); r.Place != "示例市" || r.Year != 2022 || r.Unconfirmed() != 0 || u.rev.on {
		t.Fatalf("switched to %s %d (%d unconfirmed)", r.Place, r.Year, r.Unconfirmed())
	}
	typeShortcut(w, fyne.KeyL, fyne.KeyModifierShortcutDefault)
	openRow(t, u, shown.Place+" 2019年")
	sameFigures(t, u.sess.Report(), shown)
	if u.sess.Entry() != saved {
		t.Errorf("reopened %q, saved %q", u.sess.Entry(), saved)
	}
}

// selectText selects the first occurrence of s in an entry with the keyboard, as a user
// holding Shift would.
func selectText(e *readOnlyText, s string) {
	// One line, so that the cursor moves one character per key: at a wrapped line's end
	// a key moves the cursor to the next line without moving it in the text.
	e.Resize(fyne.NewSize(8000, e.Size().Height))
	at := strings.Index(e.Text, s)
	e.CursorRow, e.CursorColumn = 0, 0
	for range []rune(e.Text[:at]) {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range []rune(s) {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// openRow taps 打开 on the library row whose text starts with label.
func openRow(t *testing.T, u *UI, label string) {
	t.Helper()
	for _, o := range u.lib.rows.Objects {
		if strings.HasPrefix(textOf(o), label) {
			tapIn(t, o, "打开")
			return
		}
	}
	t.Fatalf("no library row %q", label)
}

func sameFigures(t *testing.T, got, want *report.Report) {
	t.Helper()
	if len(got.Figures()) != len(want.Figures()) {
		t.Fatalf("%d figures, want %d", len(got.Figures()), len(want.Figures()))
	}
	for i, f := range got.Figures() {
		g := want.Figures()[i]
		if f.ID != g.ID || f.Indicator != g.Indicator || f.Nature != g.Nature || f.Review != g.Review ||
			f.Phrase != g.Phrase || f.Value != g.Value || f.Unit != g.Unit || f.Bound != g.Bound || f.Pair != g.Pair ||
			f.Period != g.Period || f.Basis != g.Basis || f.Direction != g.Direction {
			t.Errorf("figure %d: %+v, want %+v", i, f, g)
		}
	}
}

// A file that does not import leaves the report on show and says why; pasted text
// imports; a damaged file in the library is listed as damaged; a second report of the
// same place and year asks whether to replace the first.
func TestImportFailuresClipboardAndLibrary(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	before := u.sess.Report()
	fd.importPath = filepath.Join(t.TempDir(), "扫描件.pdf")
	os.WriteFile(fd.importPath, []byte("%PDF-1.4\n"), 0o644)
	typeShortcut(w, fyne.KeyI, fyne.KeyModifierShortcutDefault)
	if u.sess.Report() != before || !overlayHasText(w, "仍显示原来的报告") || !overlayHasText(w, "扫描件.pdf") {
		t.Fatal("a failed import replaced the report or did not explain")
	}
	tapIn(t, topOverlay(w), "确定")

	u.clipboard().SetContent("")
	u.action(u.lib.importClipboard)
	if !overlayHasText(w, "剪贴板里没有文字") {
		t.Error("an empty clipboard was not explained")
	}
	tapIn(t, topOverlay(w), "确定")
	u.clipboard().SetContent(strings.ReplaceAll(fixture, "某市", "江门市"))
	u.action(u.lib.importClipboard)
	if r := u.sess.Report(); r.Year != 2019 || r.Unconfirmed() == 0 || u.sess.Entry() != "" {
		t.Fatalf("pasted text: %d, %d unconfirmed, entry %q", r.Year, r.Unconfirmed(), u.sess.Entry())
	}
	u.action(u.lib.save)
	first := u.sess.Entry()

	// The same place and year again: replace it.
	u.action(u.lib.importClipboard)
	if !overlayHasText(w, "不保存，继续") && u.sess.Draft().Dirty() {
		t.Fatal("unsaved edits were not protected")
	}
	u.action(u.lib.save)
	if !overlayHasText(w, "报告库中已有") {
		t.Fatal("no question before replacing a report of the same place and year")
	}
	tapIn(t, topOverlay(w), "替换")
	if u.sess.Entry() != first {
		t.Errorf("replaced into %q, want %q", u.sess.Entry(), first)
	}

	// A damaged file is listed with its reason, and the app goes on.
	os.WriteFile(filepath.Join(fd.ws.Dir(), "坏文件.yaml"), []byte("format: 2\ntitle: [\n"), 0o644)
	typeShortcut(w, fyne.KeyL, fyne.KeyModifierShortcutDefault)
	if !overlayHasText(w, "已损坏") || !overlayHasText(w, "江门市 2019年") {
		t.Error("the library does not list the damaged file and the saved report")
	}
}

// A pasted text that does not state its year opens on the review page, which asks for
// the year first; saving before it is stated asks again, and nothing is lost. The
// report's pages show meanwhile without a made-up year.
func TestImportWithoutYear(t *testing.T) {
	u, w, _, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	text := "江门市政府工作报告\n\n一、工作回顾\n\n全市地区生产总值增长5.2%，城镇新增就业3.1万人。\n\n二、今年工作安排\n\n今年主要预期目标是：地区生产总值增长5%左右。\n"
	u.clipboard().SetContent(text)
	u.action(u.lib.importClipboard)
	if r := u.sess.Report(); r.Year != 0 || !u.rev.on {
		t.Fatalf("year %d, review page %v", r.Year, u.rev.on)
	}
	if !strings.Contains(textOf(u.rev.page.root), "原文中没有写明这是哪一年") {
		t.Fatal("the review page does not ask for the year")
	}
	// The report's pages show meanwhile, without a made-up year.
	tapIn(t, u.rev.page.root, "返回报告")
	if h := u.headerText.Text; !strings.Contains(h, "年份待填写") || strings.Contains(h, "0年") {
		t.Errorf("header %q", h)
	}
	w.Canvas().(test.WindowlessCanvas).Capture()
	u.rev.show()
	u.action(u.lib.save)
	if !overlayHasText(w, "年份还没有填写") {
		t.Fatal("saved without a year, or did not say why not")
	}
	tapIn(t, topOverlay(w), "填写年份…")
	if u.rev.infoForm[2].Text != "" {
		t.Errorf("the year field shows %q", u.rev.infoForm[2].Text)
	}
	u.rev.infoForm[2].SetText("2024")
	tapIn(t, topOverlay(w), "保存修改")
	if u.sess.Report().Year != 2024 || strings.Contains(textOf(u.rev.page.root), "原文中没有写明") {
		t.Fatalf("year %d after stating it", u.sess.Report().Year)
	}
	u.action(u.lib.save)
	if back, err := report.LoadFile(u.sess.Entry()); err != nil || back.Year != 2024 {
		t.Errorf("saved as %q: %v", u.sess.Entry(), err)
	}
}

// Unsaved review edits are never dropped without asking: not by closing the window, not
// by a cancelled import after "不保存，继续", and an edit asked for on a report that has
// since been replaced is not made on the new one. The review page stays through a zoom.
func TestUnsavedEditsAreProtected(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	u.clipboard().SetContent(fixture)
	u.action(u.lib.importClipboard)
	d := u.sess.Draft()
	f := d.Queue()[0]
	test.Tap(u.rev.page.rows[f.ID].confirm)
	if !d.Dirty() {
		t.Fatal("an edit did not make the report unsaved")
	}

	typeShortcut(w, fyne.KeyEqual, fyne.KeyModifierShortcutDefault) // zoom in
	if !u.rev.on {
		t.Error("zooming left the review page")
	}

	// Closing the window asks; 取消 keeps everything.
	u.requestClose()
	if !overlayHasText(w, "有未保存的审核修改") {
		t.Fatal("closing with unsaved edits did not ask")
	}
	tapIn(t, topOverlay(w), "取消")

	// Drop the edits for an import, then cancel the file dialog: the edits are still
	// unsaved, and the next switch asks again after a new edit.
	fd.importPath = ""
	typeShortcut(w, fyne.KeyI, fyne.KeyModifierShortcutDefault)
	tapIn(t, topOverlay(w), "不保存，继续")
	if u.sess.Draft() != d || !d.Dirty() {
		t.Fatal("cancelling the import lost the report or its unsaved mark")
	}
	g := d.Queue()[0]
	test.Tap(u.rev.page.rows[g.ID].confirm)
	typeShortcut(w, fyne.KeyL, fyne.KeyModifierShortcutDefault)
	openRow(t, u, "示例市 2022年")
	if !overlayHasText(w, "有未保存的审核修改") {
		t.Fatal("a new edit after dropping was not protected")
	}
	tapIn(t, topOverlay(w), "取消")
	if u.sess.Draft() != d {
		t.Fatal("the report was replaced although the user cancelled")
	}

	// An edit dialog left open while another report replaces this one does nothing.
	h := d.Queue()[0]
	test.Tap(u.rev.page.rows[h.ID].edit)
	form := u.rev.editForm
	u.rev.dropDraft, u.rev.dropEdits = d, d.Edits()
	u.sess.SetReport(sample(t), "")
	form.entries["指标"].SetText("不应写入")
	u.rev.saveForm(h, form)
	if !overlayHasText(w, "修改没有进行") {
		t.Error("an edit for a replaced report was not refused")
	}
}

// A file dropped on the window is imported; a report data file dropped opens as it is.
func TestDropFiles(t *testing.T) {
	u, _, _, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	dir := t.TempDir()
	txt := filepath.Join(dir, "某市 报告.txt")
	os.WriteFile(txt, []byte(fixture), 0o644)
	u.lib.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(txt)})
	if r := u.sess.Report(); r.Year != 2019 || r.Unconfirmed() == 0 || !u.rev.on {
		t.Fatalf("dropped text: %d, %d unconfirmed", r.Year, r.Unconfirmed())
	}
	yml := filepath.Join(dir, "示例市 2022.yml")
	os.WriteFile(yml, reporttest.Bytes(t, reporttest.SampleCity2022), 0o644)
	u.rev.leaveEdits(func() {}) // nothing edited: no question
	u.lib.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(yml)})
	if r := u.sess.Report(); r.Year != 2022 || r.Unconfirmed() != 0 || u.rev.on {
		t.Fatalf("dropped data file: %s %d, %d unconfirmed", r.Place, r.Year, r.Unconfirmed())
	}
}

// The review page: the page keys scroll its list; while it is on show the tree marks no
// page and the counter says 审核, and a click on the page read last returns to it;
// 确认本节全部 asks first when the software doubted some of the section's figures,
// naming how many, and confirms at once when it doubted none.
func TestReviewPageKeysTreeAndSectionConfirm(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1000, 420), sample(t))
	var text strings.Builder
	text.WriteString("2019年某市政府工作报告\n\n一、2018年工作回顾\n\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&text, "第%d片区完成投资%d亿元，增长%d.5%%。\n\n", i, 10+i, i)
	}
	text.WriteString("二、2019年工作安排\n\n今年全市发展主要预期目标是：地区生产总值增长6%－6.5%；城镇新增就业5万人以上。\n")
	fd.importPath = filepath.Join(t.TempDir(), "某市.txt")
	os.WriteFile(fd.importPath, []byte(text.String()), 0o644)
	typeShortcut(w, fyne.KeyI, fyne.KeyModifierShortcutDefault)
	if !u.rev.on {
		t.Fatal("no review page")
	}
	w.Canvas().Capture()
	sc := u.rev.page.scroll
	pressKey(w, fyne.KeyPageDown)
	if sc.Offset.Y < sc.Size().Height*0.8 {
		t.Errorf("PageDown scrolled the review list by %v of %v", sc.Offset.Y, sc.Size().Height)
	}
	pressKey(w, fyne.KeyHome)
	if sc.Offset.Y != 0 {
		t.Errorf("Home left the list at %v", sc.Offset.Y)
	}
	if u.tree.selected != "" || u.pageLabel.Text() != "审核" {
		t.Errorf("on the review page the tree marks %q and the counter says %q", u.tree.selected, u.pageLabel.Text())
	}
	last := u.sess.Current().ID
	u.tree.Select(last)
	if u.rev.on || u.cur == nil || u.cur.page.ID != last || u.pageLabel.Text() == "审核" {
		t.Fatalf("a click on the page read last does not return to it: review %v", u.rev.on)
	}

	// Confirming a section with a doubted figure asks, and Esc confirms nothing.
	typeShortcut(w, fyne.KeyR, fyne.KeyModifierShortcutDefault)
	var row *reviewRow
	for _, r := range u.rev.page.rows {
		if r.confirmSection != nil && r.fig.Section.Role == report.RoleReview {
			row = r
			break
		}
	}
	if row == nil {
		t.Fatal("no row with 确认本节全部")
	}
	open := 0
	for _, f := range row.fig.Section.AllFigures() {
		if !f.Confirmed() {
			open++
		}
	}
	row.fig.ReviewNote = "测试：把握不大"
	test.Tap(row.confirmSection)
	if !overlayHasText(w, "有 1 项软件把握不大") || !overlayHasText(w, fmt.Sprintf("确认全部 %d 项", open)) {
		t.Fatalf("no question naming the doubted figure: %q", textOf(topOverlay(w)))
	}
	pressKey(w, fyne.KeyEscape)
	if n := u.sess.Report().Unconfirmed(); n != len(u.sess.Report().Figures()) {
		t.Fatalf("Esc confirmed %d figures", len(u.sess.Report().Figures())-n)
	}
	test.Tap(row.confirmSection)
	tapIn(t, topOverlay(w), fmt.Sprintf("确认全部 %d 项", open))
	if n := u.sess.Report().Unconfirmed(); n != len(u.sess.Report().Figures())-open {
		t.Errorf("%d unconfirmed after confirming %d of %d", n, open, len(u.sess.Report().Figures()))
	}
	// A section without doubts is confirmed at once.
	for _, r := range u.rev.page.rows {
		if r.confirmSection != nil {
			test.Tap(r.confirmSection)
			if u.dialogOpen() {
				t.Errorf("a section without doubts asks: %q", textOf(topOverlay(w)))
			}
			break
		}
	}
}

// The review of an imported city report starts with its key figures: the page says how
// many figures each group holds, heads each group where it starts, and lists the main
// targets and the year's results first.
func TestReviewShowsGroupsOnACityReport(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	fd.importPath = reporttest.Shared(t, "corpus/jiangmen/2021.txt")
	typeShortcut(w, fyne.KeyI, fyne.KeyModifierShortcutDefault)
	if !u.rev.on {
		t.Fatal("no review page")
	}
	d := u.sess.Draft()
	counts := d.Counts()
	head := u.rev.page.count.Text()
	for _, g := range workspace.ReviewGroups {
		if !strings.Contains(head, fmt.Sprintf("%s %d", g, counts[g])) {
			t.Errorf("the review page says %q, not %s %d", head, g, counts[g])
		}
	}
	if counts[workspace.ReviewGroups[0]] < 15 || counts[workspace.ReviewGroups[0]] > 40 {
		t.Errorf("%d key figures", counts[workspace.ReviewGroups[0]])
	}
	if len(u.rev.page.groups) == 0 || u.rev.page.groups[0] != workspace.ReviewGroups[0] {
		t.Fatalf("the first heading is %v", u.rev.page.groups)
	}
	targets := 0
	for _, row := range u.rev.page.rows {
		if d.GroupOf(row.fig) != workspace.ReviewGroups[0] {
			t.Errorf("on the first page: %s %s, of %s", row.fig.Phrase, row.fig.Indicator, d.GroupOf(row.fig))
		}
		if row.fig.IsMainTarget() {
			targets++
		}
	}
	if targets == 0 {
		t.Error("no main target on the first page of the review")
	}
}
