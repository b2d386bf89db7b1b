// Package views is WorkReport's Fyne user interface: the window, navigation, panels,
// figure cards, theme and dialogs. It lays out the page and card models app/session
// makes; it parses no text and computes no figure.
package views

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
	"workreport/app/meta"
	"workreport/app/report"
	"workreport/app/session"
)

// Background runs work off the UI goroutine: chart drawing, export, loading a report.
type Background interface {
	Go(fn func())
}

// Deps are what the UI needs from outside: where background work runs, and the actions
// that write files or load reports. main wires the real ones; tests replace them. The
// actions left nil default to the app's own: Fyne's file and folder dialogs, opening
// files with the system, and a timer on the UI goroutine.
type Deps struct {
	Exec Background
	// PickExportPath asks where to save the workbook and calls done with the path, or
	// with "" if the user cancels. It must not create or truncate the file.
	PickExportPath func(w fyne.Window, dir, name string, done func(path string))
	// PickFolder asks for a folder, for saving charts.
	PickFolder func(w fyne.Window, dir string, done func(path string))
	// PickReport asks for a report file to open.
	PickReport func(w fyne.Window, dir string, done func(path string))
	Export     func(path string, r *report.Report) (string, error)
	SaveCharts func(dir string, specs []*chart.Spec) ([]string, error)
	LoadReport func(path string) (*report.Report, error)
	OpenFile   func(path string) error // opens a file with its program
	ShowFile   func(path string) error // shows a file selected in its folder
	// After runs fn on the UI goroutine after a delay.
	After func(d time.Duration, fn func())
}

// withDefaults fills in the actions left nil.
func (d Deps) withDefaults(u *UI) Deps {
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
	if d.After == nil {
		d.After = func(delay time.Duration, fn func()) { time.AfterFunc(delay, func() { fyne.Do(fn) }) }
	}
	return d
}

// UI is the main window and the widgets that tests reach for.
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
	body      *fyne.Container // the split, or the panel alone in meeting mode
	content   *fyne.Container // holds the current panel
	back      *button
	forward   *button
	meetingB  *button
	pageLabel *widget.Label
	statusBar *widget.Label
	search    *searchBar

	meeting    bool
	syncing    bool // true while the tree follows the session, so its callback does not navigate
	themeItems [2]*fyne.MenuItem
	right      fyne.CanvasObject // the search bar and panel, beside the tree or alone in meeting mode
}

// open builds the main window for a session: the theme, whose font is parsed in the
// background while the window is created, the frame, the menu and the shortcuts. The
// first page is built once the app has started, after the window's first frame, so that
// the window appears at once. Run shows the window; tests use the same path.
func open(a fyne.App, sess *session.Session, deps Deps) *UI {
	fontReady := warmFont(a, newTheme(sess.Dark(), sess.Zoom(), false))
	w := a.NewWindow(sess.Report().Title + meta.TitleSuffix)
	<-fontReady
	u := &UI{app: a, win: w, sess: sess, panels: map[string]*panel{}}
	u.deps = deps.withDefaults(u)
	u.charts = chart.NewCache(u.deps.Exec)
	u.applyTheme()
	u.build()
	sess.OnChange(u.pageChanged)
	a.Lifecycle().SetOnStarted(func() { u.deps.After(firstPageDelay, u.pageChanged) })
	u.restoreSize()
	w.SetCloseIntercept(func() {
		u.saveSize()
		w.Close()
	})
	w.SetIcon(appIcon)
	w.SetMaster()
	return u
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
	u.win.ShowAndRun()
	if failed, cause := watch.result(); failed {
		showFatal("政府工作报告图解", noOpenGLMessage(cause))
		return errNoOpenGL
	}
	return nil
}

// exitNoWindow is the exit status when the window cannot be created.
const exitNoWindow = 1

// Default and minimum window sizes: the navigation and four cards side by side.
var (
	defaultSize = fyne.NewSize(1280, 820)
	minSize     = fyne.NewSize(800, 560)
)

func (u *UI) restoreSize() {
	s := u.sess.Settings()
	w, h := float32(s.Float(session.KeyWindowWidth)), float32(s.Float(session.KeyWindowHeight))
	if w < minSize.Width || h < minSize.Height {
		w, h = defaultSize.Width, defaultSize.Height
	}
	u.win.Resize(fyne.NewSize(w, h))
}

func (u *UI) saveSize() {
	if u.meeting {
		return // the full-screen size is not the window's
	}
	sz := u.win.Canvas().Size()
	u.sess.Settings().SetFloat(session.KeyWindowWidth, float64(sz.Width))
	u.sess.Settings().SetFloat(session.KeyWindowHeight, float64(sz.Height))
}

func (u *UI) applyTheme() {
	u.app.Settings().SetTheme(newTheme(u.sess.Dark(), u.sess.Zoom(), u.meeting))
}

func (u *UI) clipboard() fyne.Clipboard { return u.app.Clipboard() }

func (u *UI) build() {
	u.tree = newNavTree(u)
	u.back = newButton("", theme.NavigateBackIcon(), func() { u.sess.Back() })
	u.forward = newButton("", theme.NavigateNextIcon(), func() { u.sess.Forward() })
	u.meetingB = newButton("演示模式", theme.ViewFullScreenIcon(), func() { u.setMeeting(!u.meeting) })
	u.pageLabel = widget.NewLabel("")
	u.statusBar = widget.NewLabel("")
	u.statusBar.Importance = widget.LowImportance
	u.search = newSearchBar(u)

	toolbar := container.NewHBox(
		u.back, u.forward,
		newButton("搜索", theme.SearchIcon(), u.search.open),
		newButton("导出Excel", theme.DocumentSaveIcon(), u.exportExcel),
		newButton("导出图表", theme.FileImageIcon(), u.exportCharts),
		layout.NewSpacer(),
		u.pageLabel,
		newButton("", theme.ZoomOutIcon(), func() { u.zoom(-1) }),
		newButton("", theme.ZoomInIcon(), func() { u.zoom(1) }),
		u.meetingB,
	)
	loading := widget.NewLabel("正在打开报告…")
	loading.Importance = widget.LowImportance
	u.content = container.NewStack(container.NewCenter(loading))
	u.right = container.NewBorder(u.search.root, nil, nil, nil, u.content)
	u.split = container.NewHSplit(u.tree, u.right)
	u.split.Offset = 0.22
	u.body = container.NewStack(u.split)
	u.win.SetContent(container.NewBorder(toolbar, u.statusBar, nil, nil, u.body))
	u.win.SetMainMenu(u.menu())
	u.shortcuts()
}

// pageChanged shows the session's current page.
func (u *UI) pageChanged() {
	p := u.sess.Current()
	pn := u.panels[p.ID]
	if pn == nil {
		pn = u.buildPanel(p)
		u.panels[p.ID] = pn
	}
	if u.cur != nil {
		u.cur.unmark()
	}
	u.cur = pn
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
	u.pageLabel.SetText(fmt.Sprintf("%d / %d", u.sess.Index(p.ID)+1, len(u.sess.Pages())))
	u.statusBar.SetText("")
	u.win.SetTitle(u.sess.Report().Title + meta.TitleSuffix)
	if u.meeting {
		u.win.Canvas().Unfocus()
	}
}

// rebuild drops every built panel, after a change of zoom, theme or report.
func (u *UI) rebuild() {
	u.panels = map[string]*panel{}
	u.cur = nil
	u.tree.Refresh()
	u.pageChanged()
}

// status shows a short message at the bottom of the window until the next message or
// the next change of page.
func (u *UI) status(msg string) { u.statusBar.SetText(msg) }

// zoom changes the text size by steps, remembered between runs.
func (u *UI) zoom(steps int) {
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

// setMeeting enters or leaves meeting mode: full screen, larger type, no navigation
// pane, and the keys of a presentation clicker step through the pages.
func (u *UI) setMeeting(on bool) {
	if u.meeting == on {
		return
	}
	if on {
		u.saveSize()
		u.search.close()
	}
	u.meeting = on
	u.win.SetFullScreen(on)
	u.applyTheme()
	if on {
		u.meetingB.SetText("退出演示")
		u.split.Trailing = widget.NewLabel("") // the panel cannot be in two places
		u.body.Objects = []fyne.CanvasObject{u.right}
	} else {
		u.meetingB.SetText("演示模式")
		u.split.Trailing = u.right
		u.body.Objects = []fyne.CanvasObject{u.split}
	}
	u.split.Refresh()
	u.body.Refresh()
	u.rebuild()
	u.win.Canvas().Unfocus()
	if on {
		u.status("演示模式：PageDown / 空格 / → 下一页，PageUp / 退格 / ← 上一页，Esc 退出")
	}
}

// typedKey handles keys that reach the window rather than a widget. It reports whether
// it used the key.
func (u *UI) typedKey(e *fyne.KeyEvent) bool {
	switch e.Name {
	case fyne.KeyF11:
		u.setMeeting(!u.meeting)
		return true
	case fyne.KeyEscape:
		if u.search.visible() {
			u.search.close()
			return true
		}
		if u.meeting {
			u.setMeeting(false)
			return true
		}
		return false
	}
	if !u.meeting {
		return false
	}
	switch e.Name {
	case fyne.KeyPageDown, fyne.KeySpace, fyne.KeyRight, fyne.KeyDown:
		u.sess.Next()
	case fyne.KeyPageUp, fyne.KeyBackspace, fyne.KeyLeft, fyne.KeyUp:
		u.sess.Prev()
	default:
		return false
	}
	u.win.Canvas().Unfocus()
	return true
}

func (u *UI) shortcuts() {
	c := u.win.Canvas()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) { u.typedKey(e) })
	add := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, func(fyne.Shortcut) { fn() })
	}
	ctrl := fyne.KeyModifierShortcutDefault
	add(fyne.KeyF, ctrl, u.search.open)
	add(fyne.KeyE, ctrl, u.exportExcel)
	add(fyne.KeyO, ctrl, u.openReport)
	add(fyne.KeyEqual, ctrl, func() { u.zoom(1) })
	add(fyne.KeyEqual, ctrl|fyne.KeyModifierShift, func() { u.zoom(1) })
	add(fyne.KeyMinus, ctrl, func() { u.zoom(-1) })
	add(fyne.Key0, ctrl, func() { u.zoom(0) })
	add(fyne.KeyLeft, fyne.KeyModifierAlt, func() { u.sess.Back() })
	add(fyne.KeyRight, fyne.KeyModifierAlt, func() { u.sess.Forward() })
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
