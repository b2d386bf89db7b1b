package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/session"
)

// searchBar is the search entry and its results, above the panel. Ctrl+F opens it.
type searchBar struct {
	u       *UI
	root    *fyne.Container
	entry   *searchEntry
	list    *widget.List
	listBox *fyne.Container
	summary *textBlock
	results []session.Result
}

// searchEntry is the search field; Esc closes the search, Enter opens the first result.
type searchEntry struct {
	widget.Entry
	bar *searchBar
}

func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.bar.u.runKey(inSearch, ev) {
		e.Entry.TypedKey(ev)
	}
}

// searchRows is how many results show at once.
const searchRows = 8

func newSearchBar(u *UI) *searchBar {
	b := &searchBar{u: u}
	b.entry = &searchEntry{bar: b}
	b.entry.ExtendBaseWidget(b.entry)
	b.entry.SetPlaceHolder("搜索指标、原文和大会报道，例如“高企”")
	b.entry.OnChanged = b.find
	b.summary = mutedText("", theme.SizeNameText)
	b.list = widget.NewList(
		func() int { return len(b.results) },
		func() fyne.CanvasObject {
			kind := widget.NewLabel("数据")
			kind.Importance = widget.HighImportance
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, kind, nil, text)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := b.results[i]
			c := o.(*fyne.Container)
			c.Objects[1].(*widget.Label).SetText(r.Kind)
			where := ""
			if p := u.sess.Page(r.Page); p != nil {
				where = "　— " + p.Title
			}
			c.Objects[0].(*widget.Label).SetText(r.Text + where)
		})
	b.list.OnSelected = func(i widget.ListItemID) { b.choose(i) }
	closeB := newButton("", theme.CancelIcon(), b.close)
	closeB.Importance = widget.LowImportance
	b.listBox = container.New(newFixedHeight(0), b.list) // sized to the results in find
	b.root = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), closeB, b.entry),
		b.summary, b.listBox)
	b.root.Hide()
	return b
}

func (b *searchBar) visible() bool { return b.root.Visible() }

// open shows the search bar and puts the cursor in it.
func (b *searchBar) open() {
	b.root.Show()
	b.find(b.entry.Text)
	b.relayout()
	b.u.win.Canvas().Focus(b.entry)
}

func (b *searchBar) close() {
	b.root.Hide()
	b.relayout()
	b.u.win.Canvas().Unfocus()
}

// relayout gives the bar its new height in the window.
func (b *searchBar) relayout() {
	if r, ok := b.u.right.(*fyne.Container); ok {
		r.Refresh()
	}
}

func (b *searchBar) find(q string) {
	b.results = b.u.sess.Search(q)
	summary := ""
	switch {
	case q == "":
	case len(b.results) == 0:
		summary = "没有找到“" + q + "”"
	case len(b.results) >= session.MaxResults:
		summary = fmt.Sprintf("找到 %d 条以上，只列出前 %d 条", session.MaxResults, session.MaxResults)
	default:
		summary = fmt.Sprintf("找到 %d 条", len(b.results))
	}
	b.summary.runs = []textRun{{text: summary, colour: colourMuted}}
	b.summary.Refresh()
	rows := min(len(b.results), searchRows)
	b.listBox.Layout = newFixedHeight(float32(rows) * (themeSize(theme.SizeNameText)*2 + themeSize(theme.SizeNamePadding)*2))
	b.list.UnselectAll()
	b.list.Refresh()
	b.listBox.Refresh()
	b.relayout()
}

// choose shows result i: its page, with the figure's card marked or the text in view.
func (b *searchBar) choose(i int) {
	if i < 0 || i >= len(b.results) {
		return
	}
	r := b.results[i]
	// The list took the focus with the click; it keeps no key of the window's (Esc,
	// PageDown, F5), so the keys go back to the window.
	b.u.win.Canvas().Unfocus()
	b.u.sess.Go(r.Page)
	if r.Figure != nil {
		b.u.markFigure(r.Figure.ID)
	} else {
		b.u.markBlock(r.Section, r.Block)
	}
	b.u.status("搜索结果：" + r.Text)
}

// fixedHeight lays its one object out at full width and a fixed height.
type fixedHeight struct{ h float32 }

func newFixedHeight(h float32) fyne.Layout { return &fixedHeight{h: h} }

func (f *fixedHeight) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, f.h) }

func (f *fixedHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, f.h))
	}
}
