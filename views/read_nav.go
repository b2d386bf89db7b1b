package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// navTree is the navigation tree. It passes the keys it does not use (F11, Esc) to the
// window, so that they work while the tree has the keyboard focus.
type navTree struct {
	widget.Tree
	u        *UI
	selected string
}

func newNavTree(u *UI) *navTree {
	t := &navTree{u: u}
	t.ChildUIDs = func(id widget.TreeNodeID) []widget.TreeNodeID {
		if id == "" {
			return u.sess.Roots()
		}
		if p := u.sess.Page(id); p != nil {
			return p.Children
		}
		return nil
	}
	t.IsBranch = func(id widget.TreeNodeID) bool {
		if id == "" {
			return true
		}
		p := u.sess.Page(id)
		return p != nil && len(p.Children) > 0
	}
	t.CreateNode = func(bool) fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateNode = func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
		if l, p := o.(*widget.Label), u.sess.Page(id); p != nil && l.Text != p.Short {
			l.SetText(p.Short)
		}
	}
	t.OnSelected = func(id widget.TreeNodeID) {
		t.selected = id
		if !u.syncing {
			if u.rev.on && u.sess.Current().ID == id {
				u.pageChanged() // back from the review page to the page read last
			} else {
				u.sess.Go(id)
			}
			// A row chosen with the mouse takes the keys, as in Explorer: ↓ and ↑ go on
			// through the pages; PageDown, Space and the rest still scroll the page.
			if c := u.win.Canvas(); c.Focused() != t {
				c.Focus(t)
			}
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey keeps the arrow keys, which move through the tree, and lets the window
// handle the others: F11, Esc, and the page's scrolling keys. ↑ and ↓ open the page
// above or below, as in Explorer's folder tree; ← and → close and open a branch.
func (t *navTree) TypedKey(e *fyne.KeyEvent) {
	if t.u.dialogKey(e) || t.u.runKey(inTree, e) {
		return
	}
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		t.Tree.TypedKey(e)
		return
	}
	if t.u.typedKey(e) {
		return
	}
	t.Tree.TypedKey(e)
}

// step returns the page shown above (or below) the selected one in the tree, skipping
// the pages of closed branches, or "" at the end.
func (t *navTree) step(down bool) string {
	var shown []string
	at := -1
	for _, p := range t.u.sess.Pages() {
		if !t.shown(p.ID) {
			continue
		}
		if p.ID == t.selected {
			at = len(shown)
		}
		shown = append(shown, p.ID)
	}
	next := at - 1
	if down {
		next = at + 1
	}
	if at < 0 || next < 0 || next >= len(shown) {
		return ""
	}
	return shown[next]
}

// shown reports whether a page's row is in the tree: every branch above it is open.
func (t *navTree) shown(id string) bool {
	for p := t.u.sess.Page(id); p != nil && p.Parent != ""; p = t.u.sess.Page(p.Parent) {
		if !t.IsBranchOpen(p.Parent) {
			return false
		}
	}
	return true
}
