package views

import (
	"image/color"
	"math"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/zhtext"
)

// textRun is a run of text in one colour. A figure run is never split across lines.
type textRun struct {
	text   string
	colour fyne.ThemeColorName
	figure bool
}

// textBlock is a paragraph of Chinese text with runs in colour, set like a newspaper
// column: lines are filled to the width, and a line may break between any two Chinese
// characters but never inside a printed figure (a number with its qualifier, magnitude
// and unit), a Latin word or a highlighted run, and never before closing punctuation.
// A path breaks only at its separators. (Fyne's RichText breaks Chinese text anywhere,
// 42⏎8.8亿元, and moves a whole segment to the next line when it does not fit.)
type textBlock struct {
	widget.BaseWidget
	runs     []textRun
	size     fyne.ThemeSizeName
	px       float32 // an explicit text size, for slides; 0 uses size
	path     bool    // the text is a file path
	minLines int     // the fewest lines it takes, so that a status line does not jump
	widest   string  // if set, the text stays on one line, as wide as this text needs
	width    float32 // the width it was last laid out at; its height depends on it

	marked bool // drawn on the mark colour, as a search result
}

func newTextBlock(size fyne.ThemeSizeName, runs ...textRun) *textBlock {
	t := &textBlock{runs: runs, size: size, width: 600}
	t.ExtendBaseWidget(t)
	return t
}

// mutedText is wrapped secondary text.
func mutedText(s string, size fyne.ThemeSizeName) *textBlock {
	return newTextBlock(size, textRun{text: s, colour: colourMuted})
}

// wrapped is body text that wraps.
func wrapped(s string) *textBlock { return newTextBlock(theme.SizeNameText, textRun{text: s}) }

// formLabel is the label of a field in a form: on one line, as wide as its words, so
// that a narrow column never breaks it inside a word (保存/到).
func formLabel(s string) *textBlock {
	t := newTextBlock(theme.SizeNameText, textRun{text: s})
	t.widest = s
	return t
}

// pathText is a file path that wraps at its separators.
func pathText(p string) *textBlock {
	t := newTextBlock(theme.SizeNameText, textRun{text: p})
	t.path = true
	return t
}

// Text returns the block's text.
func (t *textBlock) Text() string {
	var b strings.Builder
	for _, r := range t.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// mark shows or hides the block's mark, for the text a search result points to.
func (t *textBlock) mark(on bool) {
	t.marked = on
	t.Refresh()
}

func (t *textBlock) CreateRenderer() fyne.WidgetRenderer {
	r := &textBlockRenderer{t: t, bg: canvas.NewRectangle(themeColour(colourMark))}
	r.bg.CornerRadius = 3
	return r
}

// atom is a unit line breaking never splits.
type atom struct {
	text  string
	run   int
	glue  bool // must stay on the line of the atom before it
	width float32
}

// widths caches the advance of each character per text size.
var widths = struct {
	sync.Mutex
	m map[float32]map[rune]float32
}{m: map[float32]map[rune]float32{}}

func runeWidth(r rune, size float32) float32 {
	widths.Lock()
	defer widths.Unlock()
	m := widths.m[size]
	if m == nil {
		m = map[rune]float32{}
		widths.m[size] = m
	}
	w, ok := m[r]
	if !ok {
		w = fyne.MeasureText(string(r), size, fyne.TextStyle{}).Width
		m[r] = w
	}
	return w
}

func textWidth(s string, size float32) float32 {
	w := float32(0)
	for _, r := range s {
		w += runeWidth(r, size)
	}
	return w
}

func (t *textBlock) atoms(size float32) []atom {
	var out []atom
	split := zhtext.Pieces
	if t.path {
		split = zhtext.PathPieces
	}
	for i, r := range t.runs {
		if r.figure {
			out = append(out, atom{text: r.text, run: i, width: textWidth(r.text, size)})
			continue
		}
		for k, p := range split(r.text) {
			glue := p.Glue
			if k == 0 && len(out) > 0 { // the first piece of a run follows another run's
				glue = !zhtext.CanBreakBetween(out[len(out)-1].text, p.Text)
			}
			out = append(out, atom{text: p.Text, run: i, width: textWidth(p.Text, size), glue: glue})
		}
	}
	return out
}

// piece is the part of a run on one line.
type piece struct {
	text string
	run  int
	x    float32
}

// lines breaks the text for a width. Atoms that must stay together (a word and the
// closing punctuation after it, an opening bracket and the word after it) move to the
// next line together; closing punctuation may hang into the margin kept for it. An atom
// wider than a whole line, which only a very narrow column or a very long name makes, is
// broken between its characters rather than drawn past the edge.
func (t *textBlock) lines(width, size float32) [][]piece {
	var lines [][]piece
	var cur []piece
	x := float32(0)
	add := func(a atom) {
		if len(cur) > 0 && cur[len(cur)-1].run == a.run {
			cur[len(cur)-1].text += a.text
		} else {
			cur = append(cur, piece{text: a.text, run: a.run, x: x})
		}
		x += a.width
	}
	atoms := t.atoms(size)
	for i := 0; i < len(atoms); {
		// A cluster: an atom and the atoms glued after it.
		j := i + 1
		for j < len(atoms) && atoms[j].glue {
			j++
		}
		// Closing punctuation at the cluster's end may hang past the width.
		fit := float32(0)
		end := j
		for end > i+1 && zhtext.CannotStartLine([]rune(atoms[end-1].text)[0]) {
			end--
		}
		for _, a := range atoms[i:end] {
			fit += a.width
		}
		if len(cur) > 0 && x+fit > width {
			lines = append(lines, cur)
			cur, x = nil, 0
		}
		for _, a := range atoms[i:j] {
			if a.width > width && x == 0 {
				for _, r := range a.text {
					w := runeWidth(r, size)
					if len(cur) > 0 && x+w > width {
						lines = append(lines, cur)
						cur, x = nil, 0
					}
					add(atom{text: string(r), run: a.run, width: w})
				}
				continue
			}
			if len(cur) > 0 && x+a.width > width+hang(size) && !zhtext.CannotStartLine([]rune(a.text)[0]) {
				lines = append(lines, cur) // a cluster longer than a line breaks inside it
				cur, x = nil, 0
			}
			add(a)
		}
		i = j
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func lineHeight(size float32) float32 {
	return fyne.MeasureText("国", size, fyne.TextStyle{}).Height + theme.LineSpacing()*size/themeSize(theme.SizeNameText)
}

type textBlockRenderer struct {
	t       *textBlock
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
	laidFor float32
	memo    struct{ width, size, height float32 } // height at the last width asked
}

func (r *textBlockRenderer) size() float32 {
	if r.t.px > 0 {
		return r.t.px
	}
	return themeSize(r.t.size)
}

// pad is the inset of the text, in proportion to its size for slides.
func (r *textBlockRenderer) pad() float32 {
	if r.t.px > 0 {
		return r.t.px * 0.25
	}
	return theme.InnerPadding()
}

func (r *textBlockRenderer) Layout(size fyne.Size) {
	r.t.width = size.Width
	r.bg.Resize(size)
	r.build(size.Width)
}

func (r *textBlockRenderer) height(width float32) float32 {
	sz := r.size()
	if r.memo.width == width && r.memo.size == sz && r.memo.height > 0 {
		return r.memo.height
	}
	r.memo.width, r.memo.size = width, sz
	inner := width - 2*r.pad()
	n := max(len(r.t.lines(max(inner-hang(sz), sz), sz)), r.t.minLines)
	r.memo.height = float32(n)*lineHeight(sz) + r.pad()
	return r.memo.height
}

func (r *textBlockRenderer) build(width float32) {
	if width == r.laidFor && r.objects != nil {
		return
	}
	r.laidFor = width
	sz := r.size()
	pad := r.pad()
	lh := lineHeight(sz)
	r.objects = append(r.objects[:0], r.bg)
	r.bg.FillColor = color.Transparent
	if r.t.marked {
		r.bg.FillColor = themeColour(colourMark)
	}
	for i, line := range r.t.lines(max(width-2*pad-hang(sz), sz), sz) {
		for _, p := range line {
			c := theme.ColorNameForeground
			if col := r.t.runs[p.run].colour; col != "" {
				c = col
			}
			txt := canvas.NewText(p.text, themeColour(c))
			txt.TextSize = sz
			txt.Move(fyne.NewPos(pad+p.x, pad/2+float32(i)*lh))
			txt.Resize(fyne.NewSize(textWidth(p.text, sz), lh))
			r.objects = append(r.objects, txt)
		}
	}
}

func (r *textBlockRenderer) MinSize() fyne.Size {
	if r.t.widest != "" {
		w := max(r.t.lineWidth(r.t.Text()), r.t.lineWidth(r.t.widest))
		return fyne.NewSize(w, lineHeight(r.size())+r.pad())
	}
	return fyne.NewSize(r.size()*4, r.height(r.t.width))
}

// lineWidth is the width the block takes to set s on one line, insets included. It is
// rounded up: the line breaker adds the widths of the text's pieces, which may come to
// a fraction more than the width of the whole.
func (t *textBlock) lineWidth(s string) float32 {
	r := &textBlockRenderer{t: t}
	sz := r.size()
	return float32(math.Ceil(float64(textWidth(s, sz)+2*r.pad()+hang(sz)))) + 1
}

func (r *textBlockRenderer) Refresh() {
	r.laidFor = 0
	r.memo.height = 0 // the text may have changed, and its height with it
	r.build(r.t.Size().Width)
	canvas.Refresh(r.t)
}

func (r *textBlockRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.build(max(r.t.Size().Width, r.t.width))
	}
	return r.objects
}

func (r *textBlockRenderer) Destroy() {}

// hang is the room kept at the end of each line for closing punctuation, which stays on
// the line of the character before it.
func hang(size float32) float32 { return size * 0.6 }
