package views

import (
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
// column: lines are filled to the width, a line may break between any two Chinese
// characters but never inside a number, a Latin word or a highlighted figure, and
// never before closing punctuation. (Fyne's RichText moves a whole segment to the next
// line when it does not fit, which leaves ragged gaps in text with highlights.)
type textBlock struct {
	widget.BaseWidget
	runs  []textRun
	size  fyne.ThemeSizeName
	width float32 // the width it was last laid out at; its height depends on it
}

func newTextBlock(size fyne.ThemeSizeName, runs ...textRun) *textBlock {
	t := &textBlock{runs: runs, size: size, width: 600}
	t.ExtendBaseWidget(t)
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

func (t *textBlock) CreateRenderer() fyne.WidgetRenderer {
	return &textBlockRenderer{t: t}
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
	for i, r := range t.runs {
		if r.figure {
			out = append(out, atom{text: r.text, run: i, width: textWidth(r.text, size)})
			continue
		}
		rs := []rune(r.text)
		for j := 0; j < len(rs); {
			k := j + 1
			if zhtext.IsWordRune(rs[j]) {
				for k < len(rs) && zhtext.IsWordRune(rs[k]) {
					k++
				}
			}
			s := string(rs[j:k])
			out = append(out, atom{text: s, run: i, width: textWidth(s, size),
				glue: zhtext.CannotStartLine(rs[j]) || (len(out) > 0 && zhtext.CannotEndLine(lastRune(out[len(out)-1].text)))})
			j = k
		}
	}
	return out
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

// piece is the part of a run on one line.
type piece struct {
	text string
	run  int
	x    float32
}

// lines breaks the text for a width.
func (t *textBlock) lines(width, size float32) [][]piece {
	atoms := t.atoms(size)
	var lines [][]piece
	var cur []piece
	x := float32(0)
	for i, a := range atoms {
		if len(cur) > 0 && x+a.width > width && !a.glue {
			// Keep glued atoms (closing punctuation) with the atom before them.
			lines = append(lines, cur)
			cur, x = nil, 0
		}
		if len(cur) > 0 && cur[len(cur)-1].run == a.run {
			cur[len(cur)-1].text += a.text
		} else {
			cur = append(cur, piece{text: a.text, run: a.run, x: x})
		}
		x += a.width
		_ = i
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func (t *textBlock) lineHeight(size float32) float32 {
	return fyne.MeasureText("国", size, fyne.TextStyle{}).Height + theme.LineSpacing()
}

type textBlockRenderer struct {
	t       *textBlock
	objects []fyne.CanvasObject
	laidFor float32
	memo    struct{ width, size, height float32 } // height at the last width asked
}

func (r *textBlockRenderer) size() float32 { return themeSize(r.t.size) }

func (r *textBlockRenderer) Layout(size fyne.Size) {
	r.t.width = size.Width
	r.build(size.Width)
}

func (r *textBlockRenderer) height(width float32) float32 {
	sz := r.size()
	if r.memo.width == width && r.memo.size == sz && r.memo.height > 0 {
		return r.memo.height
	}
	r.memo.width, r.memo.size = width, sz
	inner := width - 2*theme.InnerPadding()
	n := len(r.t.lines(max(inner-hang(sz), sz), sz))
	r.memo.height = float32(n)*r.t.lineHeight(sz) + theme.InnerPadding()
	return r.memo.height
}

func (r *textBlockRenderer) build(width float32) {
	if width == r.laidFor && r.objects != nil {
		return
	}
	r.laidFor = width
	sz := r.size()
	pad := theme.InnerPadding()
	lh := r.t.lineHeight(sz)
	r.objects = r.objects[:0]
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
	return fyne.NewSize(r.size()*4, r.height(r.t.width))
}

func (r *textBlockRenderer) Refresh() {
	r.laidFor = 0
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
