// Package views is WorkReport's Fyne user interface: the window, navigation, panels,
// figure cards, theme and dialogs. It lays out the page and card models app/session
// makes; it parses no text and computes no figure.
package views

import (
	"errors"
	"fmt"
	"image"
	"log"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
	"workreport/app/meta"
	"workreport/app/report"
	"workreport/app/session"
	"workreport/app/workspace"
)

// Background runs work off the UI goroutine: chart drawing, export, loading a report.
type Background interface {
	Go(fn func())
}

// Deps are what the UI needs from outside: where background work runs, the workspace
// (the library of reports and the use cases on them), and the actions that pick or
// write files. main wires the real ones; tests replace them. The actions left nil
// default to the app's own: Fyne's file and folder dialogs, opening files with the
// system, and a timer on the UI goroutine.
type Deps struct {
	Exec Background
	// PickExportPath asks where to save the workbook and calls done with the path, or
	// with "" if the user cancels. It must not create or truncate the file.
	PickExportPath func(w fyne.Window, dir, name string, done func(path string))
	// SaveAsksToReplace says that PickExportPath has already asked before choosing an
	// existing file, as the system's save dialog does, so the app does not ask again.
	SaveAsksToReplace bool
	// PickFolder asks for a folder, for saving charts.
	PickFolder func(w fyne.Window, dir string, done func(path string))
	// PickReport asks for a report file to open.
	PickReport func(w fyne.Window, dir string, done func(path string))
	SaveCharts func(dir string, specs []*chart.Spec) ([]string, error)
	// SaveImages saves images as PNG files in a folder, each atomically; render gives
	// image i, for names[i]. It returns the paths written.
	SaveImages func(dir string, names []string, render func(i int) (image.Image, error)) ([]string, error)
	OpenFile   func(path string) error // opens a file with its program
	ShowFile   func(path string) error // shows a file selected in its folder
	// After runs fn on the UI goroutine after a delay.
	After func(d time.Duration, fn func())
	// Workspace is the library of reports (the built-in ones and those the user saved)
	// and the use cases on reports: open, import, save, review, export.
	Workspace *workspace.Workspace
	// PickImport asks for a report's original text to import (.docx, .html, .txt).
	PickImport func(w fyne.Window, dir string, done func(path string))
	// PickHandoutPath asks where to save the meeting's handout (PDF), as PickExportPath.
	PickHandoutPath func(w fyne.Window, dir, name string, done func(path string))
	// SaveHandout writes the meeting's handout of the session's report as a PDF at path,
	// atomically, and returns the path written.
	SaveHandout func(path string, s *session.Session) (string, error)
}

// withDefaults fills in the actions left nil: the system's file dialogs where there are
// any (Windows), Fyne's otherwise.
func (d Deps) withDefaults(u *UI) Deps {
	nativeDialogs(&d)
	if d.PickExportPath == nil {
		d.PickExportPath = u.pickExportPath
	}
	if d.PickFolder == nil {
		d.PickFolder = pickFolder
	}
	if d.PickReport == nil {
		d.PickReport = pickReport
	}
	if d.OpenFile == nil {
		d.OpenFile = openFile
	}
	if d.ShowFile == nil {
		d.ShowFile = showFile
	}
	if d.PickImport == nil {
		d.PickImport = pickImport
	}
	if d.PickHandoutPath == nil {
		d.PickHandoutPath = u.pickHandoutPath
	}
	if d.SaveHandout == nil {
		d.SaveHandout = func(string, *session.Session) (string, error) {
			return "", errors.New("这个版本不能导出会议材料")
		}
	}
	if d.Workspace == nil {
		d.Workspace = workspace.Default()
	}
	if d.After == nil {
		d.After = func(delay time.Duration, fn func()) { time.AfterFunc(delay, func() { fyne.Do(fn) }) }
	}
	return d
}

// UI is the main window: its frame (toolbar, navigation, status bar, menu), the reading
// pages, and the screens it opens (library, review, comparisons, presentation), each
// with its own state.
type UI struct {
	app  fyne.App
	win  fyne.Window
	sess *session.Session
	deps Deps

	charts *chart.Cache
	panels map[string]*panel // built panels by page id, dropped when the zoom, theme or report changes
	cur    *panel

	tree      *navTree
	split     *container.Split
	normal    fyne.CanvasObject // the window's content outside presentation mode
	content   *fyne.Container   // holds the current panel
	back      *button
	forward   *button
	presentB  *button
	pageLabel *textBlock
	statusBar *textBlock
	// place is where the window was before presenting, put back after (Windows only).
	place     windowPlace
	statusGen int // the latest status message, so that an older one's timer does not clear it
	search    *searchBar
	mainMenu  *fyne.MainMenu

	presenting bool
	pres       *presenter
	quit       *quitWatch // ends a process that hangs while quitting; nil in tests
	mem        windowMemory
	dialogs    []*dialogBox // open dialogs, the top last
	syncing    bool         // true while the tree follows the session, so its callback does not navigate
	themeItems [2]*fyne.MenuItem
	right      fyne.CanvasObject // the search bar and the panel

	headerText  *widget.Label // the open report's place and year, above the navigation
	headerState *widget.Label // and its review state

	lib *libraryScreen // the library, importing and saving
	rev *reviewScreen  // the review page and its dialogs
	cmp *compareScreen // the pages that compare reports
}

// open builds the main window for a session: the theme, whose font is parsed in the
// background while the window is created, the frame, the menu and the shortcuts. The
// first page is built once the app has started, after the window's first frame, so that
// the window appears at once. Run shows the window; tests use the same path.
func open(a fyne.App, sess *session.Session, deps Deps) *UI {
	fontReady := warmFont(a, newTheme(sess.Dark(), sess.Zoom()))
	w := a.NewWindow(sess.Report().Title + meta.TitleSuffix)
	<-fontReady
	u := &UI{app: a, win: w, sess: sess, panels: map[string]*panel{}}
	u.lib, u.rev, u.cmp = &libraryScreen{u: u}, &reviewScreen{u: u}, &compareScreen{u: u}
	u.deps = deps.withDefaults(u)
	u.charts = chart.NewCache(u.deps.Exec)
	u.applyTheme()
	u.build()
	if sess.Entry() == "" && sess.ReportPath() == "" {
		// The report given without a file is the library's first built-in one.
		sess.SetEntry(u.deps.Workspace.Default())
	}
	sess.OnChange(u.pageChanged)
	a.Lifecycle().SetOnStarted(func() {
		u.deps.After(firstPageDelay, func() {
			// The library's reports of the years before and after add the pages of
			// verdicts; they are read once the window is up.
			u.sess.SetLibrary(u.deps.Workspace)
			u.tree.Refresh()
			u.pageChanged()
		})
	})
	u.restoreSize()
	w.SetCloseIntercept(u.requestClose)
	w.SetIcon(appIcon)
	w.SetOnDropped(u.lib.dropped)
	w.SetMaster()
	return u
}

// requestClose closes the window when the user asks to, after asking about unsaved
// review edits.
func (u *UI) requestClose() {
	u.saveSize()
	if u.rev.leaveEdits(u.closeWindow) {
		u.closeWindow()
	}
}

// closeWindow closes the main window, which ends the app.
func (u *UI) closeWindow() {
	u.quit.begin()
	u.win.Close()
}

// quitApp ends the app.
func (u *UI) quitApp() {
	u.quit.begin()
	u.app.Quit()
}

// firstPageDelay lets the window's first frame be drawn before the first page is built:
// the window appears at once, and the page follows a moment later.
const firstPageDelay = 30 * time.Millisecond

// Run opens the main window for the report and blocks until it is closed. If the
// window cannot be created (no OpenGL 2.1), it says so in a message box and returns an
// error, rather than exiting silently.
func Run(r *report.Report, reportPath string, deps Deps) (err error) {
	watch := &glWatch{out: log.Writer(), onFail: func(cause string) {
		// Fyne keeps waiting for a window that will never come: explain, and end here.
		showFatal("政府工作报告图解", noOpenGLMessage(cause))
		fmt.Fprintf(os.Stderr, "workreport: %v（%s）\n", errNoOpenGL, cause)
		os.Exit(exitNoWindow)
	}}
	log.SetOutput(watch)
	defer log.SetOutput(watch.out)
	defer func() {
		// GLFW panics when it cannot start at all (no display, no usable driver).
		if p := recover(); p != nil {
			cause := fmt.Sprint(p)
			if _, logged := watch.result(); logged != "" {
				cause = logged + "；" + cause
			}
			showFatal("政府工作报告图解", noOpenGLMessage(cause))
			err = fmt.Errorf("%w（%s）", errNoOpenGL, cause)
		}
	}()
	a := newApp()
	u := open(a, session.New(r, reportPath, a.Preferences()), deps)
	u.quit = &quitWatch{grace: quitGrace, exit: os.Exit}
	u.quit.onSignals()
	u.win.ShowAndRun()
	if failed, cause := watch.result(); failed {
		showFatal("政府工作报告图解", noOpenGLMessage(cause))
		return errNoOpenGL
	}
	return nil
}

// exitNoWindow is the exit status when the window cannot be created.
const exitNoWindow = 1

// statusShown is how long a confirmation stays in the status bar: long enough to read.
const statusShown = 4 * time.Second

// restoreSize gives the window its size at launch: the saved size if it fits the
// screen, otherwise one that does, centred.
func (u *UI) restoreSize() {
	s := u.sess.Settings()
	saved := fyne.NewSize(float32(s.Float(session.KeyWindowWidth)), float32(s.Float(session.KeyWindowHeight)))
	work, scale, _ := workArea(u.app)
	u.win.Resize(onPixels(fitWindow(saved, work), scale))
	u.win.CenterOnScreen()
}

// saveSize remembers the window's size for the next launch; in full screen, the size
// it had before.
func (u *UI) saveSize() {
	sz := u.mem.saveable(u.win.Canvas().Size())
	if sz.Width <= 0 || sz.Height <= 0 {
		return
	}
	u.sess.Settings().SetFloat(session.KeyWindowWidth, float64(sz.Width))
	u.sess.Settings().SetFloat(session.KeyWindowHeight, float64(sz.Height))
}

func (u *UI) applyTheme() {
	u.app.Settings().SetTheme(newTheme(u.sess.Dark(), u.sess.Zoom()))
}

func (u *UI) clipboard() fyne.Clipboard { return u.app.Clipboard() }

func (u *UI) build() {
	u.tree = newNavTree(u)
	u.back = newButton("", theme.NavigateBackIcon(), func() { u.sess.Back() })
	u.forward = newButton("", theme.NavigateNextIcon(), func() { u.sess.Forward() })
	u.presentB = newButton("演示", theme.ViewFullScreenIcon(), func() { u.present(true) })
	u.pageLabel = newTextBlock(theme.SizeNameText, textRun{colour: colourMuted})
	n := len(u.sess.Pages())
	u.pageLabel.widest = fmt.Sprintf("%d / %d", n, n) // one line, as wide as it ever gets
	u.statusBar = newTextBlock(theme.SizeNameText, textRun{colour: colourMuted})
	u.statusBar.minLines = 1 // a message appears without moving the page
	u.search = newSearchBar(u)

	toolbar := container.NewHBox(
		u.back, u.forward,
		newButton("搜索", theme.SearchIcon(), u.search.open),
		newButton("导出Excel", theme.DocumentSaveIcon(), func() { u.action(u.exportExcel) }),
		newButton("导出图表", theme.FileImageIcon(), func() { u.action(u.exportCharts) }),
		newButton("审核", theme.ConfirmIcon(), func() { u.action(u.rev.show) }),
		layout.NewSpacer(),
		u.pageLabel,
		newButton("", theme.ZoomOutIcon(), func() { u.zoom(-1) }),
		newButton("", theme.ZoomInIcon(), func() { u.zoom(1) }),
		u.presentB,
	)
	loading := mutedText("正在打开报告…", theme.SizeNameText)
	u.content = container.NewStack(container.NewCenter(loading))
	u.right = container.NewBorder(u.search.root, nil, nil, nil, u.content)
	u.split = container.NewHSplit(container.NewBorder(u.reportHeader(), nil, nil, nil, u.tree), u.right)
	u.split.Offset = 0.22
	u.normal = container.NewBorder(toolbar, u.statusBar, nil, nil, u.split)
	u.win.SetContent(u.normal)
	u.mainMenu = u.menu()
	u.win.SetMainMenu(u.mainMenu)
	u.shortcuts()
}

// pageChanged shows the session's current page. While an edit is shown, the review
// page stays.
func (u *UI) pageChanged() {
	u.refreshHeader()
	if u.rev.editing {
		return
	}
	u.rev.on = false
	p := u.sess.Current()
	pn := u.panels[p.ID]
	if pn == nil {
		pn = u.buildPanel(p)
		u.panels[p.ID] = pn
	}
	if u.cur != nil {
		u.cur.unmark()
		if u.cur != pn {
			u.freeTextures(u.cur.root)
			walkCharts(u.cur.root, (*chartView).drop)
		}
	}
	u.cur = pn
	walkCharts(pn.root, (*chartView).restore)
	u.noteShownCharts()
	// A page seen before keeps its scroll position, as in a browser.
	u.content.Objects = []fyne.CanvasObject{pn.root}
	u.content.Refresh()
	u.back.Disable()
	if u.sess.CanBack() {
		u.back.Enable()
	}
	u.forward.Disable()
	if u.sess.CanForward() {
		u.forward.Enable()
	}
	u.syncing = true
	if p.Parent != "" && !u.tree.IsBranchOpen(p.Parent) {
		u.tree.OpenBranch(p.Parent)
	}
	if u.tree.selected != p.ID {
		u.tree.Select(p.ID)
	}
	u.syncing = false
	u.pageLabel.runs = []textRun{{text: fmt.Sprintf("%d / %d", u.sess.Index(p.ID)+1, len(u.sess.Pages())), colour: colourMuted}}
	u.pageLabel.Refresh()
	u.win.SetTitle(u.sess.Report().Title + meta.TitleSuffix)
}

// rebuild drops every built panel, after a change of zoom, theme or report. The review
// page, if on show, is laid out again.
func (u *UI) rebuild() {
	u.dropPanels()
	u.tree.Refresh()
	if u.rev.on {
		u.refreshHeader()
		u.rev.build()
		return
	}
	u.pageChanged()
}

// dropPanels forgets the built panels: they are built again when next shown.
func (u *UI) dropPanels() {
	u.panels = map[string]*panel{}
	u.cur = nil
}

// status shows a message at the bottom of the window for statusShown, in a colour that
// reads on the background (a contrast of at least 4.5:1 in both themes).
func (u *UI) status(msg string) {
	u.statusGen++
	gen := u.statusGen
	u.statusBar.runs = []textRun{{text: msg, colour: colourMuted}}
	u.statusBar.Refresh()
	// A message longer than a line takes a second one: the window's layout gives the
	// bar its new height at once, rather than at the next resize.
	if c, ok := u.normal.(*fyne.Container); ok && !c.Size().IsZero() {
		c.Layout.Layout(c.Objects, c.Size())
	}
	if msg == "" {
		return
	}
	u.deps.After(statusShown, func() {
		if gen == u.statusGen {
			u.status("")
		}
	})
}

// statusText is the message on show.
func (u *UI) statusText() string { return u.statusBar.Text() }

// zoom changes the text size by steps, remembered between runs.
func (u *UI) zoom(steps int) {
	if u.presenting {
		return // slides size their text to the screen
	}
	z := u.sess.Zoom()
	if steps == 0 {
		z = 1
	} else {
		z += float64(steps) * session.ZoomStep
	}
	z = u.sess.SetZoom(z)
	u.applyTheme()
	u.rebuild()
	u.status(fmt.Sprintf("缩放：%.0f%%", z*100))
}

// present enters or leaves presentation mode. Entering shows the slides full screen,
// without menu, toolbar or buttons, starting at the current page. Leaving restores the
// window's exact size and shows the page and the place of the slide that was on show.
// The theme is not touched either way: Fyne would take the full-screen size for the
// window's if it were rescaled while full screen.
func (u *UI) present(on bool) {
	if on == u.presenting {
		return
	}
	if on {
		u.search.close()
		u.mem.enter(u.win.Canvas().Size())
		u.place = placeOf(u.win)
		u.presenting = true
		if u.pres == nil {
			u.pres = newPresenter(u)
		}
		u.win.SetMainMenu(nil)
		u.win.SetContent(u.pres.root)
		u.win.SetFullScreen(true)
		u.pres.startAt(u.sess.Current().ID, u.win.Canvas().Size())
		u.win.Canvas().Unfocus()
		return
	}
	var at slide
	if u.pres.at < len(u.pres.deck) {
		at = u.pres.deck[u.pres.at]
	}
	u.presenting = false
	u.noteShownCharts()
	u.win.SetFullScreen(false)
	u.win.SetContent(u.normal)
	u.win.SetMainMenu(u.mainMenu)
	u.win.Resize(onPixels(u.mem.leave(), u.win.Canvas().Scale()))
	// Back where it was: at once, and once the system has finished leaving full screen.
	restorePlace(u.win, u.place)
	place := u.place
	u.deps.After(firstPageDelay, func() {
		if !u.presenting {
			restorePlace(u.win, place)
		}
	})
	if at.page != nil {
		u.sess.Go(at.page.ID)
		// Scroll once the page is laid out in the window again.
		u.deps.After(firstPageDelay, func() {
			if u.presenting || u.cur == nil {
				return
			}
			if a := u.pres.anchor(u.cur); a != nil {
				u.scrollTo(a)
			} else {
				u.cur.moveTo(0)
			}
		})
	}
	u.win.Canvas().Unfocus()
}

// typedKey handles keys that reach the window rather than a widget, through the key
// table (shell_keys.go). It reports whether it used the key. While a dialog is open,
// the keys act on the dialog only; while presenting, on the slides.
func (u *UI) typedKey(e *fyne.KeyEvent) bool {
	if u.dialogKey(e) {
		return true
	}
	if u.presenting {
		return u.runKey(inSlides, e) || u.runKey(inWindow, e)
	}
	if u.runKey(inWindow, e) {
		return true
	}
	if e.Name == fyne.KeyEscape && u.search.visible() {
		return u.runKey(inSearch, e)
	}
	return u.runKey(onPage, e)
}

// typedRune handles characters that reach the window: in presentation mode, slide
// numbers and the blank-screen keys.
func (u *UI) typedRune(r rune) {
	if u.presenting && !u.dialogOpen() {
		u.pres.rune(r)
	}
}

// scrollKey scrolls the page with the keyboard, as a browser does.
func (u *UI) scrollKey(e *fyne.KeyEvent) bool {
	if u.rev.on {
		if u.rev.page == nil || u.rev.page.scroll == nil {
			return false
		}
		sc := u.rev.page.scroll
		off, ok := scrolledBy(e.Name, sc.Offset.Y, sc.Size().Height, sc.Content.MinSize().Height)
		if ok {
			sc.ScrollToOffset(fyne.NewPos(0, max(0, min(off, sc.Content.Size().Height-sc.Size().Height))))
		}
		return ok
	}
	pn := u.cur
	if pn == nil {
		return false
	}
	off, ok := scrolledBy(e.Name, pn.scroll.Offset.Y, pn.scroll.Size().Height, pn.scroll.Content.MinSize().Height)
	if !ok {
		return false
	}
	limit := max(0, pn.scroll.Content.Size().Height-pn.scroll.Size().Height)
	pn.moveTo(min(off, limit))
	return true
}

// scrolledBy is where a scroll key takes a view of a height from an offset, as a browser
// does: a screen less a tenth for PageDown and Space, three lines for the arrows.
func scrolledBy(key fyne.KeyName, off, view, end float32) (float32, bool) {
	line := themeSize(theme.SizeNameText) * 3
	switch key {
	case fyne.KeyPageDown, fyne.KeySpace:
		off += view * 0.9
	case fyne.KeyPageUp:
		off -= view * 0.9
	case fyne.KeyDown:
		off += line
	case fyne.KeyUp:
		off -= line
	case fyne.KeyHome:
		off = 0
	case fyne.KeyEnd:
		off = end
	default:
		return off, false
	}
	return off, true
}

func (u *UI) shortcuts() {
	c := u.win.Canvas()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) { u.typedKey(e) })
	c.SetOnTypedRune(u.typedRune)
	u.bindShortcuts(c)
}

// action runs a command from a menu, a shortcut or a button. A dialog that only reports
// a result is closed first; while a dialog waits for an answer or a task runs, nothing
// else starts. In presentation mode, commands wait until it ends.
func (u *UI) action(fn func()) {
	if u.presenting {
		return
	}
	if !u.closeStaleDialogs() {
		return
	}
	fn()
}

// defaultFolder is where file dialogs start when the user has not chosen a folder yet:
// the Documents folder, or the home folder.
func defaultFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	for _, d := range []string{"Documents", "文档", "Desktop"} {
		if info, err := os.Stat(filepath.Join(home, d)); err == nil && info.IsDir() {
			return filepath.Join(home, d)
		}
	}
	return home
}

// folderSetting returns a remembered folder if it still exists, or the default folder.
func (u *UI) folderSetting(key string) string {
	if d := u.sess.Settings().String(key); d != "" {
		if info, err := os.Stat(d); err == nil && info.IsDir() {
			return d
		}
	}
	return defaultFolder()
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
