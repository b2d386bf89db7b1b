package views

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// The keys of the window, the pages, the tree, the search bar, the presentation and
// the dialogs are bound from one table, and 帮助 › 快捷键 (F1) lists that table: the list
// cannot say anything the keys do not do.

// keyScope is where a key acts; the list of keys is grouped by it.
type keyScope string

const (
	inWindow keyScope = "窗口"
	onPage   keyScope = "阅读页面和审核页面"
	inTree   keyScope = "目录（点选一页之后）"
	inSearch keyScope = "搜索框"
	inSlides keyScope = "演示"
	inDialog keyScope = "对话框"
)

// keyScopes is the order of the list.
var keyScopes = []keyScope{inWindow, onPage, inTree, inSearch, inSlides, inDialog}

// stroke is a key with its modifiers, or typed characters.
type stroke struct {
	key   fyne.KeyName
	mod   fyne.KeyModifier
	chars string // typed characters, any of which acts (digits, B, W)
}

// binding is what some keys do in a scope. run reports whether it acted. A binding
// without run is the toolkit's own (Tab between controls): it is listed, not bound.
type binding struct {
	scope   keyScope
	strokes []stroke
	anyKey  bool // every key acts (a blanked screen comes back)
	what    string
	run     func(u *UI, e *fyne.KeyEvent) bool
}

func key(k fyne.KeyName) stroke                         { return stroke{key: k} }
func ctrl(k fyne.KeyName) stroke                        { return stroke{key: k, mod: fyne.KeyModifierShortcutDefault} }
func withMod(k fyne.KeyName, m fyne.KeyModifier) stroke { return stroke{key: k, mod: m} }

// act wraps a command as a binding's run: it goes through u.action, as menus do.
func act(fn func(u *UI)) func(*UI, *fyne.KeyEvent) bool {
	return func(u *UI, _ *fyne.KeyEvent) bool { u.action(func() { fn(u) }); return true }
}

// scroll moves the page on show (or the review list) by a scroll key.
func scroll(u *UI, e *fyne.KeyEvent) bool { return u.scrollKey(e) }

// slides runs a presenter step.
func slides(fn func(p *presenter)) func(*UI, *fyne.KeyEvent) bool {
	return func(u *UI, _ *fyne.KeyEvent) bool { fn(u.pres); return true }
}

// bindings is the table, set at init: the list it makes (F1) is itself one of its keys.
var bindings []binding

func init() {
	bindings = []binding{
		{scope: inWindow, strokes: []stroke{key(fyne.KeyF1)}, what: "快捷键一览（本表）", run: act((*UI).showKeys)},
		{scope: inWindow, strokes: []stroke{key(fyne.KeyF5), key(fyne.KeyF11)}, what: "从当前页面开始全屏演示；演示中再按一次结束",
			run: func(u *UI, _ *fyne.KeyEvent) bool { u.present(!u.presenting); return true }},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyF)}, what: "搜索", run: act(func(u *UI) { u.search.open() })},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyL)}, what: "报告库", run: act(func(u *UI) { u.lib.show() })},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyI)}, what: "导入报告（Word、网页、文本）", run: act(func(u *UI) { u.lib.importFile() })},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyO)}, what: "打开报告数据文件", run: act((*UI).openReport)},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyS)}, what: "保存到报告库", run: act(func(u *UI) { u.lib.save() })},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyE)}, what: "导出 Excel 工作簿", run: act((*UI).exportExcel)},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyR)}, what: "审核数据", run: act(func(u *UI) { u.rev.show() })},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyZ)}, what: "撤销审核中的上一次修改", run: act(func(u *UI) { u.rev.undo() })},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyEqual), withMod(fyne.KeyEqual, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)},
			what: "放大文字", run: act(func(u *UI) { u.zoom(1) })},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.KeyMinus)}, what: "缩小文字", run: act(func(u *UI) { u.zoom(-1) })},
		{scope: inWindow, strokes: []stroke{ctrl(fyne.Key0)}, what: "文字恢复实际大小", run: act(func(u *UI) { u.zoom(0) })},
		{scope: inWindow, strokes: []stroke{withMod(fyne.KeyLeft, fyne.KeyModifierAlt)}, what: "后退到上一个看过的页面",
			run: act(func(u *UI) { u.sess.Back() })},
		{scope: inWindow, strokes: []stroke{withMod(fyne.KeyRight, fyne.KeyModifierAlt)}, what: "前进", run: act(func(u *UI) { u.sess.Forward() })},
		{scope: inWindow, strokes: []stroke{key(fyne.KeyTab), withMod(fyne.KeyTab, fyne.KeyModifierShift)}, what: "在按钮、列表和输入框之间移动（有焦点的按钮带一圈蓝框）"},

		{scope: onPage, strokes: []stroke{key(fyne.KeyPageDown), key(fyne.KeySpace)}, what: "向下翻一屏", run: scroll},
		{scope: onPage, strokes: []stroke{key(fyne.KeyPageUp)}, what: "向上翻一屏", run: scroll},
		{scope: onPage, strokes: []stroke{key(fyne.KeyDown), key(fyne.KeyUp)}, what: "向下、向上滚动三行", run: scroll},
		{scope: onPage, strokes: []stroke{key(fyne.KeyHome), key(fyne.KeyEnd)}, what: "到页首、页尾", run: scroll},

		{scope: inTree, strokes: []stroke{key(fyne.KeyDown), key(fyne.KeyUp)}, what: "打开下一页、上一页",
			run: func(u *UI, e *fyne.KeyEvent) bool {
				id := u.tree.step(e.Name == fyne.KeyDown)
				if id != "" {
					u.tree.Select(id)
				}
				return id != "" // at an end, or no page marked: the key scrolls the page
			}},
		{scope: inTree, strokes: []stroke{key(fyne.KeyRight), key(fyne.KeyLeft)}, what: "展开、收起分节",
			run: func(u *UI, e *fyne.KeyEvent) bool { u.tree.Tree.TypedKey(e); return true }},

		{scope: inSearch, strokes: []stroke{key(fyne.KeyReturn), key(fyne.KeyEnter)}, what: "打开第一条结果",
			run: func(u *UI, _ *fyne.KeyEvent) bool {
				if len(u.search.results) > 0 {
					u.search.choose(0)
				}
				return true
			}},
		{scope: inSearch, strokes: []stroke{key(fyne.KeyEscape)}, what: "关闭搜索框",
			run: func(u *UI, _ *fyne.KeyEvent) bool { u.search.close(); return true }},

		{scope: inSlides, anyKey: true, what: "黑屏或白屏时：回到幻灯片",
			run: func(u *UI, _ *fyne.KeyEvent) bool {
				if !u.pres.blank.Visible() {
					return false
				}
				u.pres.unblank()
				return true
			}},
		{scope: inSlides, strokes: []stroke{key(fyne.KeyPageDown), key(fyne.KeyRight), key(fyne.KeyDown), key(fyne.KeySpace)},
			what: "下一张（翻页笔的“下一页”）", run: slides(func(p *presenter) { p.digits = ""; p.goTo(p.at + 1) })},
		{scope: inSlides, strokes: []stroke{key(fyne.KeyPageUp), key(fyne.KeyLeft), key(fyne.KeyUp), key(fyne.KeyBackspace)},
			what: "上一张（翻页笔的“上一页”）", run: slides(func(p *presenter) { p.digits = ""; p.goTo(p.at - 1) })},
		{scope: inSlides, strokes: []stroke{key(fyne.KeyHome)}, what: "第一张", run: slides(func(p *presenter) { p.digits = ""; p.goTo(0) })},
		{scope: inSlides, strokes: []stroke{key(fyne.KeyEnd)}, what: "最后一张", run: slides(func(p *presenter) { p.digits = ""; p.goTo(len(p.deck) - 1) })},
		{scope: inSlides, strokes: []stroke{{chars: "0123456789"}}, what: "输入幻灯片编号",
			run: func(u *UI, e *fyne.KeyEvent) bool { u.pres.digit(rune(e.Name[0])); return true }},
		{scope: inSlides, strokes: []stroke{key(fyne.KeyReturn), key(fyne.KeyEnter)}, what: "转到输入的编号那一张；没有输入编号时为下一张",
			run: slides((*presenter).enter)},
		{scope: inSlides, strokes: []stroke{{chars: "Bb.。"}}, what: "黑屏", run: slides(func(p *presenter) { p.blankTo(color.Black) })},
		{scope: inSlides, strokes: []stroke{{chars: "Ww,，"}}, what: "白屏", run: slides(func(p *presenter) { p.blankTo(color.White) })},
		{scope: inSlides, strokes: []stroke{key(fyne.KeyEscape)}, what: "结束演示，回到演示到的页面",
			run: func(u *UI, _ *fyne.KeyEvent) bool { u.present(false); return true }},

		{scope: inDialog, strokes: []stroke{key(fyne.KeyEscape)}, what: "关闭对话框，或取消（不执行任何操作）",
			run: func(u *UI, _ *fyne.KeyEvent) bool {
				if d := u.topDialog(); d != nil && (d.kind != progressDialog || d.canCancel()) {
					d.cancel()
				}
				return true
			}},
		{scope: inDialog, strokes: []stroke{key(fyne.KeyReturn), key(fyne.KeyEnter)}, what: "按下对话框的主按钮（蓝色的那个）",
			run: func(u *UI, _ *fyne.KeyEvent) bool {
				if d := u.topDialog(); d != nil && d.kind != progressDialog {
					d.confirm()
				}
				return true
			}},
	}
}

// matches reports whether a key event is one of the binding's strokes. Keys with
// modifiers are bound as shortcuts, and characters as typed runes (a key that types a
// character also arrives as a key, which must not act twice).
func (b binding) matches(e *fyne.KeyEvent) bool {
	if b.anyKey {
		return true
	}
	for _, s := range b.strokes {
		if s.mod == 0 && s.key != "" && s.key == e.Name {
			return true
		}
	}
	return false
}

// matchesRune reports whether a typed character is one of the binding's.
func (b binding) matchesRune(r rune) bool {
	for _, s := range b.strokes {
		if s.chars != "" && strings.ContainsRune(s.chars, r) {
			return true
		}
	}
	return false
}

// runKey runs the first binding of the scope the key matches, and reports whether one
// acted.
func (u *UI) runKey(scope keyScope, e *fyne.KeyEvent) bool {
	for _, b := range bindings {
		if b.scope == scope && b.run != nil && b.matches(e) && b.run(u, e) {
			return true
		}
	}
	return false
}

// runRune runs the binding of the scope a typed character matches.
func (u *UI) runRune(scope keyScope, r rune) bool {
	for _, b := range bindings {
		if b.scope == scope && b.run != nil && b.matchesRune(r) {
			return b.run(u, &fyne.KeyEvent{Name: fyne.KeyName(string(r))})
		}
	}
	return false
}

// bindShortcuts binds the window's keys with modifiers as shortcuts.
func (u *UI) bindShortcuts(c fyne.Canvas) {
	for _, b := range bindings {
		if b.run == nil {
			continue
		}
		for _, s := range b.strokes {
			if s.mod == 0 || s.key == "" {
				continue
			}
			run := b.run
			c.AddShortcut(&desktop.CustomShortcut{KeyName: s.key, Modifier: s.mod}, func(fyne.Shortcut) { run(u, nil) })
		}
	}
}

// keyNames are the keys as the list writes them.
var keyNames = map[fyne.KeyName]string{
	fyne.KeyPageDown: "PageDown", fyne.KeyPageUp: "PageUp", fyne.KeySpace: "空格", fyne.KeyReturn: "Enter",
	fyne.KeyEnter: "小键盘 Enter", fyne.KeyEscape: "Esc", fyne.KeyBackspace: "退格", fyne.KeyLeft: "←",
	fyne.KeyRight: "→", fyne.KeyUp: "↑", fyne.KeyDown: "↓", fyne.KeyEqual: "=", fyne.KeyMinus: "-",
}

// String writes a stroke as the list shows it: Ctrl+F, Alt+←, 空格, B / b / .
func (s stroke) String() string {
	if s.chars != "" {
		if s.chars == "0123456789" {
			return "数字键"
		}
		return strings.Join(strings.Split(s.chars, ""), " / ")
	}
	name := keyNames[s.key]
	if name == "" {
		name = string(s.key)
	}
	var mods []string
	if s.mod&fyne.KeyModifierControl != 0 {
		mods = append(mods, "Ctrl")
	}
	if s.mod&fyne.KeyModifierSuper != 0 {
		mods = append(mods, "Cmd")
	}
	if s.mod&fyne.KeyModifierAlt != 0 {
		mods = append(mods, "Alt")
	}
	if s.mod&fyne.KeyModifierShift != 0 {
		mods = append(mods, "Shift")
	}
	return strings.Join(append(mods, name), "+")
}

// keyList is the list of keys: for each scope, each binding's keys and what they do.
func keyList() [][3]string {
	var out [][3]string
	for _, sc := range keyScopes {
		for _, b := range bindings {
			if b.scope != sc {
				continue
			}
			var keys []string
			for _, s := range b.strokes {
				keys = append(keys, s.String())
			}
			if b.anyKey {
				keys = append(keys, "任意键")
			}
			out = append(out, [3]string{string(sc), strings.Join(keys, "、"), b.what})
		}
	}
	return out
}

// showKeys lists every key of the window, the presentation and the dialogs (F1).
func (u *UI) showKeys() {
	rows := container.NewVBox()
	var table *fyne.Container
	scope := ""
	for _, k := range keyList() {
		if k[0] != scope {
			scope = k[0]
			table = container.New(&tableLayout{cols: 2})
			rows.Add(newTextBlock(theme.SizeNameSubHeadingText, textRun{text: scope, colour: colourHeading}))
			rows.Add(table)
		}
		table.Add(newTextBlock(theme.SizeNameText, textRun{text: k[1], colour: colourResult}))
		table.Add(wrapped(k[2]))
	}
	u.modal(resultDialog, "快捷键", scrolled(rows, 440), 720, modalButton{label: "关闭", primary: true})
}
