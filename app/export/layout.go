package export

import (
	"math"

	"golang.org/x/text/width"
)

// displayWidth is the width of s in Excel column units: a full-width (CJK) character
// counts as 2, anything else as 1.
func displayWidth(s string) int { return int(measure(s, 2)) }

// wrapWidth estimates how much of a column s fills when Excel wraps it. A CJK character
// of 10 pt 微软雅黑 is about 1.6 column units wide, so counting 2 (right for sizing
// columns, where clipping must never happen) would overstate the lines wrapped text needs.
func wrapWidth(s string) float64 { return measure(s, 1.65) }

// measure is the width of s with each full-width (CJK) character counted as wide and
// anything else as 1.
func measure(s string, wide float64) float64 {
	w := 0.0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += wide
		default:
			w++
		}
	}
	return w
}

// Layout constants, in Excel units (column widths in characters, heights in points).
const (
	minColWidth   = 6
	defaultCap    = 60 // longer text wraps
	widthPadding  = 2
	lineHeight    = 14 // one line of 10 pt 微软雅黑 (13.2 pt) with leading
	rowPadding    = 3
	maxLinesInRow = 30 // Excel caps a row at 409 pt
)

// sheetWriter writes the cells of one sheet and sizes its columns to fit Chinese text:
// each column as wide as its longest text up to a cap, and each row tall enough for the
// lines its wrapped text needs.
type sheetWriter struct {
	b      *builder
	name   string
	row    int
	caps   map[int]float64 // column → maximum width
	widths map[int]float64 // column → width needed
	spans  map[int][]span  // row → texts and the columns they span
	maxCol int
	// rowStyle is the style styleRow gave columns rowFrom..rowTo of the current row;
	// a cell written there in the same style needs no style of its own.
	rowStyle, rowFrom, rowTo int
}

type span struct {
	from, to int
	text     string
	wrap     bool
}

func (b *builder) sheet(name string, caps map[int]float64) *sheetWriter {
	return &sheetWriter{b: b, name: name, row: 1, caps: caps, widths: map[int]float64{}, spans: map[int][]span{}}
}

func (w *sheetWriter) capOf(col int) float64 {
	if c, ok := w.caps[col]; ok {
		return c
	}
	return defaultCap
}

// styled gives the cell at col of the current row its style, unless styleRow already did.
func (w *sheetWriter) styled(col int, c string, style int) {
	if style == w.rowStyle && col >= w.rowFrom && col <= w.rowTo {
		return
	}
	w.b.style(w.name, c, c, style)
}

// text writes a text cell in the current row. Empty text leaves the cell blank (styled,
// but with no value), so that Excel's blank filters, COUNTA and Ctrl+arrow treat it as
// empty.
func (w *sheetWriter) text(col int, s string, style int, wrap bool) {
	c := cell(col, w.row)
	w.styled(col, c, style)
	if s == "" {
		return
	}
	w.b.text(w.name, c, s)
	need := math.Min(float64(displayWidth(s)+widthPadding), w.capOf(col))
	if need > w.widths[col] {
		w.widths[col] = need
	}
	w.spans[w.row] = append(w.spans[w.row], span{col, col, s, wrap})
	w.maxCol = max(w.maxCol, col)
}

// number writes a numeric cell in the current row.
func (w *sheetWriter) number(col int, v float64, printed string, style int) {
	c := cell(col, w.row)
	w.b.number(w.name, c, v)
	w.styled(col, c, style)
	if need := float64(len(printed) + widthPadding); need > w.widths[col] {
		w.widths[col] = need
	}
	w.maxCol = max(w.maxCol, col)
}

// merged writes text across columns from..to of the current row, wrapping it. Excel,
// WPS and LibreOffice take a merged range's font, fill and alignment from its first
// cell, but draw each cell's own borders: only a style with borders goes on every cell.
func (w *sheetWriter) merged(from, to int, s string, style int) {
	first, last := cell(from, w.row), cell(to, w.row)
	w.b.text(w.name, first, s)
	w.b.check(w.b.f.MergeCell(w.name, first, last))
	if w.b.bordered[style] {
		w.b.style(w.name, first, last, style)
	} else {
		w.b.style(w.name, first, first, style)
	}
	w.spans[w.row] = append(w.spans[w.row], span{from, to, s, true})
	w.maxCol = max(w.maxCol, to)
}

// styleRow applies a style to columns from..to of the current row (for empty cells
// that still need borders).
func (w *sheetWriter) styleRow(from, to, style int) {
	w.b.style(w.name, cell(from, w.row), cell(to, w.row), style)
	w.rowStyle, w.rowFrom, w.rowTo = style, from, to
}

func (w *sheetWriter) next() {
	w.row++
	w.rowStyle, w.rowFrom, w.rowTo = 0, 0, 0
}

// finish sets the column widths and the heights of rows with wrapped text.
func (w *sheetWriter) finish() {
	for col, wd := range w.widths {
		if wd < minColWidth {
			wd = minColWidth
		}
		name := colName(col)
		w.b.check(w.b.f.SetColWidth(w.name, name, name, wd))
	}
	for row, spans := range w.spans {
		lines := 1
		for _, sp := range spans {
			if !sp.wrap {
				continue
			}
			avail := -float64(widthPadding)
			for c := sp.from; c <= sp.to; c++ {
				avail += w.colWidth(c)
			}
			if avail < 1 {
				avail = 1
			}
			if n := int(math.Ceil(wrapWidth(sp.text) / avail)); n > lines {
				lines = n
			}
		}
		if lines > 1 {
			lines = min(lines, maxLinesInRow)
			w.b.check(w.b.f.SetRowHeight(w.name, row, float64(lines*lineHeight+rowPadding)))
		}
	}
	// excelize leaves the dimension at A1, which makes streaming readers (openpyxl in
	// read-only mode, pandas) see a single cell.
	if w.row > 1 && w.maxCol > 0 {
		w.b.check(w.b.f.SetSheetDimension(w.name, "A1:"+cell(w.maxCol, w.row-1)))
	}
}

func (w *sheetWriter) colWidth(col int) float64 {
	if wd, ok := w.widths[col]; ok && wd >= minColWidth {
		return wd
	}
	return minColWidth + 3 // Excel's default width is about 9
}
