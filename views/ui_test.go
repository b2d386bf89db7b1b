package views

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/export"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/safefile"
	"workreport/app/session"
)

var windowSize = fyne.NewSize(1280, 820)

func TestWindowTitle(t *testing.T) {
	_, w, _, _ := testUI(t, windowSize)
	if got := w.Title(); got != "2016年国务院政府工作报告（节选） · 图解" {
		t.Errorf("title = %q", got)
	}
}

// TestEveryPanelRenders visits every page of another report and of the built-in one:
// each shows its title, a card per figure and its charts, and draws something.
func TestEveryPanelRenders(t *testing.T) {
	for _, r := range []*report.Report{reporttest.Load(t, reporttest.National2016), sample(t)} {
		t.Run(r.Title, func(t *testing.T) { everyPanelRenders(t, r) })
	}
}

func everyPanelRenders(t *testing.T, r *report.Report) {
	u, w, _, _ := testUIWith(t, windowSize, r)
	for _, p := range u.sess.Pages() {
		u.sess.Go(p.ID)
		if u.cur == nil || u.cur.page != p {
			t.Fatalf("%s: not shown", p.ID)
		}
		if got, want := len(u.cur.order), len(u.sess.Figures(p.ID)); got != want {
			t.Errorf("%s: %d cards for %d figures", p.ID, got, want)
		}
		if got, want := len(u.cur.charts), len(u.sess.Charts(p.ID)); got != want {
			t.Errorf("%s: %d charts, want %d", p.ID, got, want)
		}
		for _, cv := range u.cur.charts {
			if cv.err != nil {
				t.Errorf("%s: chart %s failed: %v", p.ID, cv.spec.ID, cv.err)
			}
		}
		img := w.Canvas().Capture()
		if blankImage(img) {
			t.Errorf("%s: blank", p.ID)
		}
	}
}

func TestChartsAreDrawnAtPixelSize(t *testing.T) {
	u, w, _, _ := testUI(t, fyne.NewSize(1280, 3000))
	w.Canvas().Capture()
	for _, cv := range u.cur.charts {
		if cv.img.Image == nil {
			t.Fatalf("%s: not drawn", cv.spec.ID)
		}
		b := cv.img.Image.Bounds()
		sz := cv.Size()
		if b.Dx() != int(sz.Width+0.5) || b.Dy() != int(sz.Height+0.5) {
			t.Errorf("%s: image %v for %v", cv.spec.ID, b.Size(), sz)
		}
	}
}

func TestTreeAndHistoryNavigate(t *testing.T) {
	u, w, _, _ := testUI(t, windowSize)
	u.tree.Select("renwu.hongguan")
	if u.sess.Current().ID != "renwu.hongguan" {
		t.Fatalf("tree selection went to %s", u.sess.Current().ID)
	}
	u.tree.Select("guihua")
	test.Tap(u.back)
	if u.sess.Current().ID != "renwu.hongguan" {
		t.Errorf("back: %s", u.sess.Current().ID)
	}
	typeShortcut(w, fyne.KeyRight, fyne.KeyModifierAlt)
	if u.sess.Current().ID != "guihua" {
		t.Errorf("Alt+Right: %s", u.sess.Current().ID)
	}
	typeShortcut(w, fyne.KeyLeft, fyne.KeyModifierAlt)
	if u.sess.Current().ID != "renwu.hongguan" {
		t.Errorf("Alt+Left: %s", u.sess.Current().ID)
	}
	if u.tree.Selected() != "renwu.hongguan" {
		t.Errorf("tree shows %q", u.tree.Selected())
	}
}

func typeShortcut(w fyne.Window, key fyne.KeyName, mod fyne.KeyModifier) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
}

func typeKey(w fyne.Window, key fyne.KeyName) {
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: key})
}

func (t *navTree) Selected() string { return t.selected }

func TestZoomIsRemembered(t *testing.T) {
	u, w, _, prefs := testUI(t, windowSize)
	before := themeSize(theme.SizeNameText)
	typeShortcut(w, fyne.KeyEqual, fyne.KeyModifierShortcutDefault)
	typeShortcut(w, fyne.KeyEqual, fyne.KeyModifierShortcutDefault)
	if z := prefs.Float(session.KeyZoom); z < 1.19 || z > 1.21 {
		t.Fatalf("zoom stored %v", z)
	}
	if themeSize(theme.SizeNameText) <= before {
		t.Error("text did not grow")
	}
	typeShortcut(w, fyne.KeyMinus, fyne.KeyModifierShortcutDefault)
	if z := prefs.Float(session.KeyZoom); z < 1.09 || z > 1.11 {
		t.Errorf("zoom out stored %v", z)
	}
	// A new window starts at the remembered zoom.
	u2 := open(u.app, session.New(u.sess.Report(), "", prefs), (&fakeDeps{}).deps())
	if got := themeSize(theme.SizeNameText); got <= before {
		t.Errorf("new window text size %v", got)
	}
	u2.win.Close()
	typeShortcut(w, fyne.Key0, fyne.KeyModifierShortcutDefault)
	if prefs.Float(session.KeyZoom) != 1 {
		t.Error("Ctrl+0 does not reset the zoom")
	}
}

func TestSearchMarksTheFigure(t *testing.T) {
	u, w, _, _ := testUI(t, windowSize)
	typeShortcut(w, fyne.KeyF, fyne.KeyModifierShortcutDefault)
	if !u.search.visible() || w.Canvas().Focused() != u.search.entry {
		t.Fatal("Ctrl+F does not open the search")
	}
	test.Type(u.search.entry, "能耗")
	if len(u.search.results) == 0 || u.search.results[0].Figure == nil {
		t.Fatalf("results: %+v", u.search.results)
	}
	// The bar takes room above the panel for its entry and result rows.
	if h := u.search.root.Size().Height; h < u.search.listBox.MinSize().Height+u.search.entry.MinSize().Height {
		t.Fatalf("the open search bar is %v high", h)
	}
	u.search.list.Select(0)
	if u.sess.Current().ID != "huigu" {
		t.Fatalf("went to %s", u.sess.Current().ID)
	}
	m := u.cur.marked
	if m == nil || m.value.Text != "5.6%" || !m.marked {
		t.Fatalf("marked card: %+v", m)
	}
	u.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.search.visible() {
		t.Error("Esc does not close the search")
	}
	u.sess.Go("guihua")
	if m.marked {
		t.Error("the mark stays after leaving the page")
	}
}

func TestCardsShowComparisonSourceAndCopy(t *testing.T) {
	u, _, _, _ := testUI(t, windowSize)
	gdp := u.cur.cards["huigu.gdp"]
	if gdp == nil || gdp.value.Text != "达到67.7万亿元" || gdp.comment != "增长6.9%" {
		t.Fatalf("gdp card: %+v", gdp)
	}
	test.Tap(gdp.copy)
	if got := u.app.Clipboard().Content(); got != "达到67.7万亿元" {
		t.Errorf("copied %q", got)
	}
	test.Tap(gdp.source)
	if !overlayHasText(u.win, "国内生产总值达到67.7万亿元") {
		t.Error("the source dialog does not show the sentence")
	}
	// A figure no person has confirmed looks unlike the others and says so.
	u.sess.Go("huigu")
	un, ok := u.cur.cards["huigu.plan12.urbanization"], u.cur.cards["huigu.gdp"]
	if un.bg.FillColor == ok.bg.FillColor || !strings.Contains(textOf(un.root), "未审核") || strings.Contains(textOf(ok.root), "未审核") {
		t.Error("an unconfirmed card is not marked")
	}
	// A derived figure's card says it is derived.
	j, _, _, _ := testUIWith(t, windowSize, reporttest.Load(t, reporttest.JiangmenFormat1))
	j.sess.Go("review")
	d := j.cur.cards["review.key-projects-plan"]
	if d.value.Text != "≈1160.8亿元" || !strings.Contains(d.comment+textOf(d.root), "推算") {
		t.Errorf("derived card does not say it is derived: %q", d.value.Text)
	}
	if d.bg.StrokeColor == j.cur.cards["review.key-projects-investment"].bg.StrokeColor {
		t.Error("derived and reported cards look the same")
	}
}

func TestCopyPageFigures(t *testing.T) {
	u, w, _, _ := testUI(t, windowSize)
	u.sess.Go("renwu.hongguan")
	b := findButton(w.Content(), "复制本页数据")
	if b == nil {
		t.Fatal("no copy button")
	}
	test.Tap(b)
	tsv := u.app.Clipboard().Content()
	lines := strings.Split(strings.TrimSpace(tsv), "\n")
	if !strings.HasPrefix(lines[0], "章节\t指标\t性质") || !strings.HasSuffix(lines[0], "编号\t对应") || len(lines) != len(u.sess.Figures("renwu.hongguan"))+1 {
		t.Errorf("clipboard = %q", tsv)
	}
}

func TestExportThroughInjectedPicker(t *testing.T) {
	_, w, fd, prefs := testUI(t, windowSize)
	dir := filepath.Join(t.TempDir(), "导出 文件夹")
	os.Mkdir(dir, 0o755)
	fd.exportPath = filepath.Join(dir, "全国 数据")
	typeShortcut(w, fyne.KeyE, fyne.KeyModifierShortcutDefault)
	want := fd.exportPath + ".xlsx"
	if info, err := os.Stat(want); err != nil || info.Size() < 10000 {
		t.Fatalf("workbook not written: %v", err)
	}
	if !overlayHasText(w, "导出完成") || prefs.String(session.KeyExportDir) != dir {
		t.Error("no success dialog, or the folder is not remembered")
	}
	open := findButton(topOverlay(w), "打开所在文件夹")
	if open == nil {
		t.Fatal("no button to open the folder")
	}
	test.Tap(open)
	if len(fd.opened) != 1 || fd.opened[0] != "show:"+want {
		t.Errorf("opened %v", fd.opened)
	}
}

// TestFailedExportKeepsTheOldFile: the export fails half way through writing; the
// workbook already there is unchanged and the user sees why.
func TestFailedExportKeepsTheOldFile(t *testing.T) {
	u, w, fd, _ := testUI(t, windowSize)
	dir := t.TempDir()
	target := filepath.Join(dir, "数据.xlsx")
	old := []byte("an earlier workbook")
	os.WriteFile(target, old, 0o644)
	u.deps.Workspace.SetExporter(func(path string, r *report.Report, _ export.Options) (string, error) {
		err := safefile.Write(path, func(wr io.Writer) error {
			if err := export.Write(&cutWriter{w: wr, n: 5000}, r, export.Options{}); err != nil {
				return errors.Join(errors.New("写到一半时出错"), err)
			}
			return nil
		})
		return path, err
	})
	fd.exportPath = target
	u.exportExcel()
	confirm := findButton(topOverlay(w), "替换")
	if confirm == nil {
		t.Fatal("no confirmation before replacing an existing file")
	}
	test.Tap(confirm)
	if got, _ := os.ReadFile(target); string(got) != string(old) {
		t.Error("the earlier workbook changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left in the folder", len(entries))
	}
	if !overlayHasText(w, "导出失败") || !overlayHasText(w, "原有文件没有改动") {
		t.Error("the error is not shown")
	}
}

type cutWriter struct {
	w io.Writer
	n int
}

func (c *cutWriter) Write(p []byte) (int, error) {
	if len(p) > c.n {
		c.w.Write(p[:c.n])
		return c.n, io.ErrShortWrite
	}
	c.n -= len(p)
	return c.w.Write(p)
}

func TestOpenBadReportKeepsTheCurrentOne(t *testing.T) {
	u, w, fd, _ := testUI(t, windowSize)
	before := u.sess.Report()
	bad := filepath.Join(t.TempDir(), "坏的 报告.yaml")
	os.WriteFile(bad, []byte("format: 1\ntitle: [\n"), 0o644)
	fd.reportPath = bad
	typeShortcut(w, fyne.KeyO, fyne.KeyModifierShortcutDefault)
	if u.sess.Report() != before || w.Title() != before.Title+" · 图解" {
		t.Fatal("a bad report replaced the current one")
	}
	if !overlayHasText(w, "坏的 报告.yaml") || !overlayHasText(w, "仍显示原来的报告") {
		t.Error("the loader's error is not shown")
	}
	fd.reportPath = reporttest.Path(t, reporttest.JiangmenFormat1)
	u.openReport()
	if u.sess.Report().Title != "江门市2023年政府工作报告（节选）" || w.Title() != "江门市2023年政府工作报告（节选） · 图解" {
		t.Errorf("good report not opened: %q", w.Title())
	}
	if len(u.cur.order) == 0 {
		t.Error("no cards after opening")
	}
}

func TestWindowSizeIsRemembered(t *testing.T) {
	u, w, _, prefs := testUI(t, fyne.NewSize(1000, 700))
	u.saveSize()
	if prefs.Float(session.KeyWindowWidth) != 1000 || prefs.Float(session.KeyWindowHeight) != 700 {
		t.Fatalf("saved %v×%v", prefs.Float(session.KeyWindowWidth), prefs.Float(session.KeyWindowHeight))
	}
	w.Resize(fyne.NewSize(300, 300))
	u.restoreSize()
	if got := w.Canvas().Size(); got.Width != 1000 || got.Height != 700 {
		t.Errorf("restored %v", got)
	}
}

func TestLightByDefaultDarkOnRequest(t *testing.T) {
	u, _, _, prefs := testUI(t, windowSize)
	light := themeColour(theme.ColorNameBackground)
	u.setDark(true)
	if prefs.String(session.KeyTheme) != "dark" || themeColour(theme.ColorNameBackground) == light {
		t.Error("dark theme not applied or not stored")
	}
	u.setDark(false)
	if themeColour(theme.ColorNameBackground) != light {
		t.Error("light theme not restored")
	}
}

// TestOneTextStyle: every text the app draws uses the regular style. Fyne parses the
// embedded font once per text style (about 45 MB each), so a stray bold or monospace
// label would double the font's memory. Every panel and every dialog is checked.
func TestOneTextStyle(t *testing.T) {
	u, w, fd, _ := testUI(t, windowSize)
	check := func(where string, o fyne.CanvasObject) {
		walk(o, func(x fyne.CanvasObject) {
			var st fyne.TextStyle
			switch v := x.(type) {
			case *canvas.Text:
				st = v.TextStyle
			case *widget.Label:
				st = v.TextStyle
			case *widget.RichText:
				for _, seg := range v.Segments {
					if ts, ok := seg.(*widget.TextSegment); ok && (ts.Style.TextStyle.Bold || ts.Style.TextStyle.Monospace || ts.Style.TextStyle.Italic) {
						t.Errorf("%s: %q is styled %+v", where, ts.Text, ts.Style.TextStyle)
					}
				}
			}
			if st.Bold || st.Monospace || st.Italic {
				t.Errorf("%s: text styled %+v in %T", where, st, x)
			}
		})
	}
	for _, p := range u.sess.Pages() {
		u.sess.Go(p.ID)
		check(p.ID, w.Content())
	}
	dialogs := map[string]func(){
		"about":   u.showAbout,
		"source":  func() { u.showSource(u.sess.Report().Figure("huigu.gdp")) },
		"charts":  u.exportCharts,
		"error":   func() { u.showError("导出失败", errors.New("测试")) },
		"saved":   func() { u.showSaved("导出完成", "工作簿已保存到：", "/tmp/a.xlsx", true) },
		"export":  func() { u.pickExportPath(w, "/tmp", "a.xlsx", func(string) {}) },
		"replace": func() { fd.exportPath = os.Args[0]; u.exportExcel() },
		"library": u.lib.show,
		"import error": func() {
			fd.importPath = "/nonexistent/报告.docx"
			u.lib.importFile()
		},
	}
	for name, open := range dialogs {
		open()
		check(name, topOverlay(w))
		w.Canvas().Overlays().Remove(topOverlay(w))
	}
	// The review page and its dialogs.
	u.clipboard().SetContent(fixture)
	u.lib.importClipboard()
	check("review", w.Content())
	f := u.sess.Draft().Queue()[0]
	for name, open := range map[string]func(){
		"edit": func() { u.rev.editFigure(f) },
		"add":  func() { u.rev.addFigure(f) },
		"info": u.rev.editInfo,
	} {
		open()
		check(name, topOverlay(w))
		w.Canvas().Overlays().Remove(topOverlay(w))
	}
}

// TestTextHeadingOnlyOverText checks that a page shows the “原文” heading only when
// text follows it, and that every section page with text of its own shows it.
func TestTextHeadingOnlyOverText(t *testing.T) {
	u, _, _, _ := testUI(t, windowSize)
	headed := 0
	for _, p := range u.sess.Pages() {
		u.sess.Go(p.ID)
		objs := u.cur.box.Objects
		for i, o := range objs {
			if !isSubheading(o, "原文") {
				continue
			}
			headed++
			if i+1 >= len(objs) {
				t.Fatalf("%s: “原文” ends the page", p.ID)
			}
			if _, ok := objs[i+1].(*textBlock); !ok {
				t.Errorf("%s: “原文” is followed by %T, not text", p.ID, objs[i+1])
			}
		}
	}
	if headed == 0 {
		t.Fatal("no page shows its text")
	}
}

func isSubheading(o fyne.CanvasObject, text string) bool {
	box, ok := o.(*fyne.Container)
	if !ok || len(box.Objects) != 3 {
		return false
	}
	row, ok := box.Objects[1].(*fyne.Container)
	if !ok || len(row.Objects) == 0 {
		return false
	}
	tx, ok := row.Objects[0].(*canvas.Text)
	return ok && tx.Text == text
}

// TestWarmFontSetsTheThemeAndMeasures: the font is parsed in the background while the
// window is created, for the theme the window will use.
func TestWarmFontSetsTheThemeAndMeasures(t *testing.T) {
	a := test.NewTempApp(t)
	th := newTheme(true, 1.25)
	ready := warmFont(a, th)
	w := a.NewWindow("江门")
	<-ready
	if a.Settings().Theme() != th {
		t.Fatal("the window would be laid out with another theme")
	}
	if s := fyne.MeasureText("江门", th.Size(theme.SizeNameText), fyne.TextStyle{}); s.Width < 2*th.Size(theme.SizeNameText)*0.9 {
		t.Errorf("two Chinese characters measure %v: not the embedded font", s)
	}
	w.Close()
}

// heldExec keeps background work until the test runs it.
type heldExec struct{ fns []func() }

func (h *heldExec) Go(fn func()) { h.fns = append(h.fns, fn) }

func (h *heldExec) run() {
	for len(h.fns) > 0 {
		fn := h.fns[0]
		h.fns = h.fns[1:]
		fn()
	}
}

// TestOneExportAtATime: while an export runs, another does not start; a new export
// closes the last one's result first, so that a failure is never shown beside an old
// success.
func TestOneExportAtATime(t *testing.T) {
	u, w, fd, _ := testUI(t, windowSize)
	dir := t.TempDir()
	fd.exportPath = filepath.Join(dir, "数据")
	held := &heldExec{}
	u.deps.Exec = held
	picked := 0
	u.deps.PickExportPath = func(_ fyne.Window, _, _ string, done func(string)) {
		picked++
		done(fd.exportPath)
	}
	typeShortcut(w, fyne.KeyE, fyne.KeyModifierShortcutDefault)
	typeShortcut(w, fyne.KeyE, fyne.KeyModifierShortcutDefault)
	if picked != 1 || len(held.fns) != 1 {
		t.Fatalf("a second export started while one ran: %d picks, %d tasks", picked, len(held.fns))
	}
	held.run()
	if !overlayHasText(w, "导出完成") || len(u.dialogs) != 1 {
		t.Fatalf("after the export: %d dialogs", len(u.dialogs))
	}
	u.deps.Workspace.SetExporter(func(string, *report.Report, export.Options) (string, error) { return "", errors.New("磁盘已满") })
	typeShortcut(w, fyne.KeyE, fyne.KeyModifierShortcutDefault)
	if !overlayHasText(w, "替换") {
		t.Fatal("no question before replacing the workbook")
	}
	typeKey(w, fyne.KeyReturn) // 替换
	held.run()
	if len(u.dialogs) != 1 || !overlayHasText(w, "导出失败") {
		t.Errorf("after a failed export: %d dialogs", len(u.dialogs))
	}
	for _, d := range u.dialogs {
		if strings.Contains(textOf(d.pop), "导出完成") {
			t.Error("the old success stays beside the failure")
		}
	}
}

// TestConfirmationsStayThenClear: a confirmation shows in the status bar, stays for a
// while, and then clears.
func TestConfirmationsStayThenClear(t *testing.T) {
	u, w, fd, _ := testUI(t, windowSize)
	w.Canvas().Capture()
	pageHeight := u.split.Size().Height
	test.Tap(u.cur.cards["huigu.gdp"].copy)
	if got := u.statusText(); got != "已复制：达到67.7万亿元" {
		t.Fatalf("status %q", got)
	}
	// The message shows whole, inside the window, and the page does not move for it.
	w.Canvas().Capture()
	bar := u.statusBar
	bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(bar).Y + bar.Size().Height
	if bar.Size().Height < bar.MinSize().Height || bottom > w.Canvas().Size().Height+0.5 {
		t.Errorf("the status line is cut: %v tall of %v, ends at %v in a window %v tall",
			bar.Size().Height, bar.MinSize().Height, bottom, w.Canvas().Size().Height)
	}
	if u.split.Size().Height != pageHeight {
		t.Errorf("the page changed height from %v to %v for the message", pageHeight, u.split.Size().Height)
	}
	fd.flush()
	if got := u.statusText(); got != "" {
		t.Errorf("the status stays: %q", got)
	}
}

// TestSearchMarksTheLine: a result in the text marks its line, and leaving the page
// clears the mark.
func TestSearchMarksTheLine(t *testing.T) {
	u, w, _, _ := testUI(t, windowSize)
	typeShortcut(w, fyne.KeyF, fyne.KeyModifierShortcutDefault)
	test.Type(u.search.entry, "举世瞩目")
	u.search.list.Select(0)
	if u.cur.markedText == nil || !u.cur.markedText.marked || !strings.Contains(u.cur.markedText.Text(), "举世瞩目") {
		t.Fatal("the line of the result is not marked")
	}
	m := u.cur.markedText
	u.sess.Go("guihua")
	if m.marked {
		t.Error("the mark stays after leaving the page")
	}
}

// TestCardsUseTheWholeWidth: the cards of a row fill the page's width.
func TestCardsUseTheWholeWidth(t *testing.T) {
	for _, width := range []float32{900, 1280, 1700} {
		u, w, _, _ := testUI(t, fyne.NewSize(width, 800))
		u.sess.Go("huigu")
		w.Canvas().Capture()
		var row []*figureCard
		for _, c := range u.cur.order {
			if c.root.Position().Y == u.cur.order[0].root.Position().Y {
				row = append(row, c)
			}
		}
		last := row[len(row)-1].root
		flow := u.cur.order[0].root
		d := fyne.CurrentApp().Driver()
		right := d.AbsolutePositionForObject(last).X + last.Size().Width
		boxRight := d.AbsolutePositionForObject(u.cur.box).X + u.cur.box.Size().Width
		if boxRight-right > 2 || len(row) < 2 {
			t.Errorf("width %v: %d cards end %.0f short of the page", width, len(row), boxRight-right)
		}
		_ = flow
	}
}

// TestTreeArrowsOpenPages: with the tree focused, ↓ and ↑ open the page below and
// above, skipping the parts of a closed section; → opens a section to step into it.
func TestTreeArrowsOpenPages(t *testing.T) {
	u, w, _, _ := testUI(t, windowSize)
	u.sess.Go(session.OverviewID)
	u.tree.CloseAllBranches()
	u.tree.Select("huigu") // as a click on the row does
	if w.Canvas().Focused() != u.tree {
		t.Fatal("a chosen row does not give the tree the keys")
	}
	u.tree.Select(session.OverviewID)
	for _, step := range []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.KeyDown, "huigu"}, {fyne.KeyDown, "guihua"}, {fyne.KeyDown, "renwu"},
		{fyne.KeyDown, "renwu"}, // renwu is closed: its part is not shown, and renwu is last
		{fyne.KeyRight, "renwu"}, {fyne.KeyDown, "renwu.hongguan"},
		{fyne.KeyUp, "renwu"}, {fyne.KeyUp, "guihua"},
	} {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: step.key})
		if got := u.sess.Current().ID; got != step.want {
			t.Fatalf("%s: on %s, want %s", step.key, got, step.want)
		}
	}
}

// TestThePageNumberStaysOnOneLine: the toolbar's "19 / 19" never wraps, at any zoom,
// and keeps its width from page to page so that the buttons beside it do not move.
func TestThePageNumberStaysOnOneLine(t *testing.T) {
	u, w, _, _ := testUIWith(t, laptop, sample(t))
	last := u.sess.Pages()[len(u.sess.Pages())-1].ID
	for z := session.MinZoom; z <= session.MaxZoom; z += session.ZoomStep {
		u.sess.SetZoom(z)
		u.applyTheme()
		u.rebuild()
		u.sess.Go(session.OverviewID)
		w.Canvas().Capture()
		first := u.pageLabel.Size().Width
		u.sess.Go(last)
		w.Canvas().Capture()
		sz := themeSize(theme.SizeNameText)
		if n := len(u.pageLabel.lines(u.pageLabel.Size().Width-2*theme.InnerPadding()-hang(sz), sz)); n != 1 {
			t.Errorf("zoom %.1f: %q takes %d lines", z, u.pageLabel.Text(), n)
		}
		if u.pageLabel.Size().Width != first {
			t.Errorf("zoom %.1f: the page number is %v wide on the first page, %v on the last", z, first, u.pageLabel.Size().Width)
		}
	}
}

// TestALongPageDrawsOnlyNearTheView: the parts of a long page more than a screen away
// from the view are hidden, so that Fyne neither draws them nor keeps their textures;
// scrolling, the keys and a search result bring them back, in their places.
func TestALongPageDrawsOnlyNearTheView(t *testing.T) {
	u, w, _, _ := testUI(t, fyne.NewSize(900, 500))
	u.sess.Go("huigu")
	w.Canvas().Capture()
	pn := u.cur
	parts := pn.box.Objects
	first, last := parts[0], parts[len(parts)-1]
	hidden := 0
	for _, o := range parts {
		if !o.Visible() {
			hidden++
		}
	}
	if !first.Visible() || last.Visible() || hidden == 0 {
		t.Fatalf("at the top: first shown %v, last shown %v, %d of %d parts hidden", first.Visible(), last.Visible(), hidden, len(parts))
	}
	lastY := last.Position().Y
	typeKey(w, fyne.KeyEnd)
	if !last.Visible() || first.Visible() {
		t.Errorf("at the end: first shown %v, last shown %v", first.Visible(), last.Visible())
	}
	if last.Position().Y != lastY {
		t.Errorf("the last part moved from %v to %v", lastY, last.Position().Y)
	}
	pn.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 1e6)}) // the wheel, to the top
	if !first.Visible() || last.Visible() {
		t.Errorf("back at the top: first shown %v, last shown %v", first.Visible(), last.Visible())
	}
	// The page is as tall as all its parts, hidden or not.
	if h := pn.box.MinSize().Height; h < lastY+last.MinSize().Height-1 {
		t.Errorf("the page is %v tall, its last part ends at %v", h, lastY+last.MinSize().Height)
	}
}

// TestAPageLeftLetsGoOfItsCharts: a page left for another drops its charts' images (the
// chart cache keeps recent ones); going back shows them again at once.
func TestAPageLeftLetsGoOfItsCharts(t *testing.T) {
	u, w, _, _ := testUI(t, fyne.NewSize(1000, 700))
	u.sess.Go(session.OverviewID)
	w.Canvas().Capture()
	pn := u.cur
	if len(pn.charts) == 0 || pn.charts[0].img.Image == nil {
		t.Fatal("the overview shows no chart")
	}
	u.sess.Go("renwu.hongguan")
	for _, cv := range pn.charts {
		if cv.img.Image != nil {
			t.Fatal("a page left behind keeps its charts' images")
		}
	}
	u.sess.Back()
	for i, cv := range pn.charts {
		if cv.img.Image == nil {
			t.Errorf("chart %d is not shown again on going back", i+1)
		}
	}
}
