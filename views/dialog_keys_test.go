package views

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/report"
	"workreport/app/zhtext"
	"workreport/resources"
)

// pressKey gives a key to the window as the desktop driver does: to the widget that has
// the focus if there is one, else to the window's own handler.
func pressKey(w fyne.Window, key fyne.KeyName) {
	e := &fyne.KeyEvent{Name: key}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(e)
		return
	}
	w.Canvas().OnTypedKey()(e)
}

// TestEscClosesEveryDialogWithoutActing: in every dialog, Esc closes it (or cancels) and
// runs no action, wherever the focus is: on nothing, or on any control Tab reaches. The
// page behind is left as it was.
func TestEscClosesEveryDialogWithoutActing(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1000, 700), sample(t))
	u.sess.Go(u.sess.Roots()[0])
	w.Canvas().Capture()
	page := u.sess.Current().ID
	verdicts := u.sess.Verdicts("verdicts-2022")
	dialogs := map[string]func(){
		"报告库":  u.lib.show,
		"导出图表": u.exportCharts,
		"关于":   u.showAbout,
		"容差":   u.cmp.editTolerance,
		"人工判定": func() { u.cmp.overrideVerdict(verdicts, verdicts.Lines()[0]) },
		"数据":   func() { u.rev.show(); u.rev.editFigure(u.sess.Report().Figures()[0]) },
	}
	for name, open := range dialogs {
		// Every place the focus can be: none, then each control in turn.
		for stop := 0; ; stop++ {
			open()
			if !u.dialogOpen() {
				t.Fatalf("%s: no dialog", name)
			}
			for i := 0; i < stop; i++ {
				test.FocusNext(w.Canvas())
			}
			focused := w.Canvas().Focused()
			picks := fd.picks
			pressKey(w, fyne.KeyEscape)
			if u.dialogOpen() {
				t.Errorf("%s: Esc with the focus on %T leaves the dialog open", name, focused)
				for u.dialogOpen() {
					u.topDialog().close()
				}
			}
			if fd.picks != picks {
				t.Errorf("%s: Esc with the focus on %T opened a file dialog", name, focused)
			}
			if u.rev.on {
				u.rev.leave()
			}
			if stop > 0 && focused == nil || stop > 12 {
				break // every control reached
			}
		}
		if got := u.sess.Current().ID; got != page {
			t.Errorf("%s: Esc left the page %q, was %q", name, got, page)
		}
	}
}

// TestEnterPressesOnlyThePrimaryButton: a dialog without a primary button does nothing
// on Enter, unless it only reports a result, which Enter closes.
func TestEnterPressesOnlyThePrimaryButton(t *testing.T) {
	u, w, _, _ := testUI(t, fyne.NewSize(1000, 700))
	ran := false
	u.modal(questionDialog, "问题", wrapped("？"), 400, cancelButton(nil), modalButton{label: "做", action: func() { ran = true }})
	pressKey(w, fyne.KeyReturn)
	if ran || !u.dialogOpen() {
		t.Error("Enter ran a button that is not primary")
	}
	pressKey(w, fyne.KeyEscape)
	u.modal(resultDialog, "结果", wrapped("好"), 400, modalButton{label: "打开文件夹", action: func() { ran = true }})
	pressKey(w, fyne.KeyReturn)
	if ran || u.dialogOpen() {
		t.Error("Enter on a result without a primary button should close it and run nothing")
	}
}

// TestFocusIsVisible: the focused button has a ring, 3:1 or more against the window's
// and the dialogs' background in both variants, outside its edge so that it shows on a
// filled button too; a button without the focus has none.
func TestFocusIsVisible(t *testing.T) {
	for _, dark := range []bool{false, true} {
		th := newTheme(dark, 1)
		v := th.variant()
		ring := th.Color(colourFocusRing, v)
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground} {
			if c := contrast(ring, th.Color(bg, v)); c < 3 {
				t.Errorf("dark=%v: the focus ring has %.2f:1 against %s", dark, c, bg)
			}
		}
	}
	u, w, _, _ := testUI(t, fyne.NewSize(1000, 700))
	u.modal(questionDialog, "问题", wrapped("？"), 400, cancelButton(nil), modalButton{label: "好", primary: true})
	test.FocusNext(w.Canvas())
	b, ok := w.Canvas().Focused().(*button)
	if !ok {
		t.Fatalf("Tab reached %T, not a button", w.Canvas().Focused())
	}
	r := test.TempWidgetRenderer(t, b).(*buttonRenderer)
	if !r.ring.Visible() || r.ring.Position().X >= 0 || r.ring.Size().Width <= b.Size().Width {
		t.Errorf("the focused button's ring: visible %v at %v size %v (button %v)", r.ring.Visible(), r.ring.Position(), r.ring.Size(), b.Size())
	}
	b.FocusLost()
	if r.ring.Visible() {
		t.Error("a button without the focus shows a ring")
	}
}

// TestReportHeaderLines: at 1366×768 and 125%, the report's name above the tree, long
// or short, takes one line and never runs over its review state below it; the button
// beside it says what it opens.
func TestReportHeaderLines(t *testing.T) {
	r := sample(t)
	r.Place = "" // the name shown is then the title, as for a text whose place is unknown
	r.Title = "某某省某某市某某县二〇二三年政府工作报告（在县第十八届人民代表大会第三次会议上）"
	u, w, _, _ := testUIWith(t, fyne.NewSize(1093, 614), r)
	w.Canvas().Capture()
	d := fyne.CurrentApp().Driver()
	name, state := d.AbsolutePositionForObject(u.headerText), d.AbsolutePositionForObject(u.headerState)
	if name.Y+u.headerText.MinSize().Height > state.Y+0.5 || u.headerText.Size().Height > u.headerText.MinSize().Height+0.5 {
		t.Errorf("the name (at %v, %v high) runs over the state line at %v", name, u.headerText.Size(), state)
	}
	if findButton(w.Content(), "报告库…") == nil {
		t.Error("no 报告库… button above the tree")
	}
}

// TestPagesFitTheWindowAt125: on a 1366×768 laptop at 125%, no page of the built-in
// report asks for more width than the window has (a page that did would widen the
// window and squeeze the tree), and the tree keeps its share of the window.
func TestPagesFitTheWindowAt125(t *testing.T) {
	s := screens[0]
	u, w, _ := shippedUI(t, s.logical(), t.TempDir())
	w.Canvas().(test.WindowlessCanvas).SetScale(s.scale)
	for _, p := range u.sess.Pages() {
		u.sess.Go(p.ID)
		w.Canvas().Capture()
		if mw := u.normal.MinSize().Width; mw > s.logical().Width {
			t.Errorf("%s asks for %v of %v wide", p.ID, mw, s.logical().Width)
		}
		if left := u.split.Leading.Size().Width; left < s.logical().Width*0.18 {
			t.Errorf("%s leaves the tree %v wide", p.ID, left)
		}
	}
}

// TestTableFitsItsWidth: a table whose columns are wider together than its width
// narrows its wide columns, wraps their text and grows taller, and asks for no more
// width than a few characters a column; a table that fits keeps each column as wide
// as its widest cell.
func TestTableFitsItsWidth(t *testing.T) {
	test.NewTempApp(t)
	long := "与经济增长基本同步，在发展中保障和改善民生"
	var cells []fyne.CanvasObject
	for r := 0; r < 3; r++ {
		for c := 0; c < 6; c++ {
			cells = append(cells, newTextBlock(theme.SizeNameText, textRun{text: long[:3*(4+c+r)]}))
		}
	}
	tl := &tableLayout{cols: 6}
	table := container.New(tl, cells...)
	wide := table.MinSize()
	table.Resize(fyne.NewSize(2000, wide.Height))
	oneLine := table.MinSize().Height
	if cells[5].Size().Width < natural(cells[5])-0.5 {
		t.Errorf("at 2000 wide a column is narrowed to %v", cells[5].Size().Width)
	}
	table.Resize(fyne.NewSize(600, oneLine))
	if w := table.MinSize().Width; w > 600 {
		t.Errorf("the table asks for %v wide", w)
	}
	for i, c := range cells {
		if right := c.Position().X + c.Size().Width; right > 600+0.5 {
			t.Errorf("cell %d reaches %v of 600", i, right)
		}
	}
	if h := table.MinSize().Height; h <= oneLine {
		t.Errorf("narrowed, the table is %v high, as on one line (%v)", h, oneLine)
	}
}

// TestMessagesTakeTheirLines: at 1366×768 and 125%, a status message longer than the
// window is wide takes a second line inside the window, and the search bar's count of
// results is never covered by the results below it.
func TestMessagesTakeTheirLines(t *testing.T) {
	s := screens[0]
	u, w, _, _ := testUIWith(t, s.logical(), sample(t))
	w.Canvas().(test.WindowlessCanvas).SetScale(s.scale)
	w.Canvas().Capture()
	one := u.statusBar.Size().Height
	u.status("已导入“某市 2024年 政府工作报告（送审稿）.docx”：22 个分节，111 项数据（全部未审核，其中 16 项把握不大，已注明原因），110 处数字不是数据（年份、序号、名称等）")
	w.Canvas().Capture()
	bar := u.statusBar
	if bar.Size().Height < 1.5*one || bar.Size().Height < bar.MinSize().Height-0.5 {
		t.Errorf("a two-line message has %v (one line %v, needs %v)", bar.Size().Height, one, bar.MinSize().Height)
	}
	if bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(bar).Y + bar.Size().Height; bottom > s.logical().Height+0.5 {
		t.Errorf("the message reaches %v of %v", bottom, s.logical().Height)
	}
	typeShortcut(w, fyne.KeyF, fyne.KeyModifierShortcutDefault)
	u.search.entry.SetText("增长")
	w.Canvas().Capture()
	sum := u.search.summary
	d := fyne.CurrentApp().Driver()
	if sum.Size().Height < sum.MinSize().Height-0.5 || sum.Size().Height < lineHeight(themeSize(theme.SizeNameText)) ||
		d.AbsolutePositionForObject(sum).Y+sum.Size().Height > d.AbsolutePositionForObject(u.search.listBox).Y+0.5 {
		t.Errorf("the count %q is %v high at %v, the results start at %v", sum.Text(), sum.Size().Height,
			d.AbsolutePositionForObject(sum), d.AbsolutePositionForObject(u.search.listBox))
	}
}

// TestFormLabelsOnOneLine: at 1366×768 and 125%, the labels of the export dialog's and
// the figure form's fields stay on one line (no 保存/到, no 所在分节的角色 over four
// lines).
func TestFormLabelsOnOneLine(t *testing.T) {
	s := screens[0]
	u, w, _, _ := testUIWith(t, s.logical(), sample(t))
	w.Canvas().(test.WindowlessCanvas).SetScale(s.scale)
	check := func(name string) {
		w.Canvas().Capture()
		n := 0
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *widget.PopUp:
				walk(o.Content)
			case *container.Scroll:
				walk(o.Content)
			case *fyne.Container:
				for _, c := range o.Objects {
					walk(c)
				}
			case *textBlock:
				if o.widest != "" {
					n++
					if o.Size().Width < natural(o)-1 {
						t.Errorf("%s: %q is %v wide, less than its one line (%v)", name, o.Text(), o.Size().Width, natural(o))
					}
				}
			}
		}
		walk(topOverlay(w))
		if n < 2 {
			t.Errorf("%s: %d form labels found", name, n)
		}
		for u.dialogOpen() {
			u.topDialog().close()
		}
	}
	u.pickExportPath(w, `C:\Users\张三\Documents\工作 报告`, "江门市2023年政府工作报告.xlsx", func(string) {})
	check("导出Excel")
	u.rev.show()
	u.rev.editFigure(u.sess.Report().Figures()[0])
	check("修改数据")
}

// TestSourceHighlightsTheFigure: in every figure of the built-in library, the sentence
// shown in 出处 highlights the figure's own words where they stand alone, never a
// number inside another (广东 2022: the revenue target 5%, not the 5% of 5.5%左右).
func TestSourceHighlightsTheFigure(t *testing.T) {
	checked := 0
	for _, name := range resources.LibraryNames() {
		r, err := report.Load(name, resources.Library(name))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Figures() {
			runs := sentenceRuns(f)
			at := 0
			for _, run := range runs {
				if run.figure {
					checked++
					if run.text != f.Phrase || !zhtext.StandsAlone(f.Sentence, at, at+len(run.text)) {
						t.Errorf("%s %s: highlights %q at %d of %q", name, f.ID, run.text, at, f.Sentence)
					}
				}
				at += len(run.text)
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d figures highlighted", checked)
	}
}

// TestAboutSaysWhatIsTrueOfTheReport: 关于 describes the open report from its own
// fields (the digest as a newspaper's extract, a built-in national report as the
// reviewed part of the official text, never the other's words), shows no line feed as
// a box, cuts nothing at the right at 125%, and gives the font's licence in Chinese
// before the original.
func TestAboutSaysWhatIsTrueOfTheReport(t *testing.T) {
	s := screens[0]
	national, err := report.Load("national-2024.yaml", resources.Library("national-2024.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		r         *report.Report
		want, not string
	}{
		{builtIn(t), "摘录", "经人工审核"},
		{national, "经人工审核", "报纸"},
	} {
		u, w, _, _ := testUIWith(t, s.logical(), c.r)
		w.Canvas().(test.WindowlessCanvas).SetScale(s.scale)
		u.showAbout()
		w.Canvas().Capture()
		pop := topOverlay(w).(*widget.PopUp)
		text := textOf(pop)
		if !strings.Contains(text, c.want) || strings.Contains(text, c.not) || strings.Contains(text, "：，") || strings.Contains(text, "（）") {
			t.Errorf("%s: 关于 says %q", c.r.Title, text[:min(len(text), 600)])
		}
		if !strings.Contains(text, "以 Apache 许可证 2.0 版授权使用") || !strings.Contains(text, "Apache License") {
			t.Errorf("%s: no licence in Chinese and in the original", c.r.Title)
		}
		d := fyne.CurrentApp().Driver()
		right := d.AbsolutePositionForObject(pop.Content).X + pop.Content.Size().Width
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *fyne.Container:
				for _, c := range o.Objects {
					walk(c)
				}
			case *container.Scroll:
				walk(o.Content)
			case *textBlock:
				if strings.ContainsAny(o.Text(), "\n\r") {
					t.Errorf("a line feed drawn in %q", o.Text())
				}
				if end := d.AbsolutePositionForObject(o).X + o.Size().Width; end > right+0.5 {
					t.Errorf("%q reaches %v, the dialog ends at %v", o.Text(), end, right)
				}
			}
		}
		walk(pop.Content)
	}
}

// TestF1ListsTheKeysFromTheirTable: F1 shows every key of the table that binds them,
// grouped by where they act, and Esc closes the list; every shortcut of the table is
// bound on the window, and the menu's 快捷键 item says F1.
func TestF1ListsTheKeysFromTheirTable(t *testing.T) {
	u, w, _, _ := testUI(t, fyne.NewSize(1093, 614))
	pressKey(w, fyne.KeyF1)
	if !u.dialogOpen() || !overlayHasText(w, "快捷键") {
		t.Fatal("F1 shows no list of keys")
	}
	text := textOf(topOverlay(w))
	for _, k := range keyList() {
		for _, s := range []string{k[0], k[1], k[2]} {
			if !strings.Contains(text, s) {
				t.Errorf("the list lacks %q", s)
			}
		}
	}
	for _, want := range []string{"Ctrl+F", "PageDown", "Esc", "数字键", "任意键", "Alt+←"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list lacks %s", want)
		}
	}
	pressKey(w, fyne.KeyEscape)
	if u.dialogOpen() {
		t.Error("Esc does not close the list of keys")
	}
	// Every shortcut of the table acts: Ctrl+F opens the search bar, Alt+← goes back.
	sc, ok := w.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("the canvas takes no shortcuts")
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if !u.search.visible() {
		t.Error("Ctrl+F from the table does not open the search bar")
	}
	pressKey(w, fyne.KeyEscape)
	if u.search.visible() {
		t.Error("Esc does not close the search bar")
	}
}

// 文件 › 导出会议材料（PDF）… writes the handout where the user says, with .pdf, says
// where, and asks before replacing a file of that name.
func TestExportHandout(t *testing.T) {
	u, w, fd, _ := testUIWith(t, fyne.NewSize(1093, 614), sample(t))
	fd.exportPath = filepath.Join(t.TempDir(), "会议 材料", "示例市 会议材料")
	os.MkdirAll(filepath.Dir(fd.exportPath), 0o755)
	u.exportHandout()
	b, err := os.ReadFile(fd.exportPath + ".pdf")
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF: %v", err)
	}
	if !strings.Contains(u.statusText(), "已导出会议材料") || !overlayHasText(w, "会议材料已导出") {
		t.Errorf("status %q", u.statusText())
	}
	for u.dialogOpen() {
		u.topDialog().close()
	}
	fd.exportPath += ".pdf"
	u.exportHandout()
	if !overlayHasText(w, "替换") {
		t.Error("no question before replacing the handout")
	}
	found := false
	for _, m := range u.mainMenu.Items {
		for _, it := range m.Items {
			found = found || it.Label == "导出会议材料（PDF）…"
		}
	}
	if !found {
		t.Error("no menu item for the handout")
	}
}
