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
			u.sess.Go(id)
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey keeps the arrow keys, which move through the tree, and lets the window
// handle the others: F11, Esc, and the page's scrolling keys.
func (t *navTree) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyReturn, fyne.KeyEnter:
		t.Tree.TypedKey(e)
		return
	}
	if t.u.typedKey(e) {
		return
	}
	t.Tree.TypedKey(e)
}
