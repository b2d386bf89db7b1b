// Package chart draws the report's figures as bar charts with go-chart's renderer: each
// chart is first described as a Spec built from the report model, then rendered at an
// exact pixel size, off the UI goroutine, with a timeout and a readable placeholder when
// anything goes wrong.
package chart

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"

	"workreport/app/palette"
)

// Spec describes one chart: horizontal bars, one row per group, one bar per series in
// each group. All bars share one value axis, in one unit, which starts at zero.
type Spec struct {
	ID        string   // stable and file-name safe, e.g. "overview-growth"
	Title     string   // says what, when and in what unit: 主要经济指标增速：2022年实绩（%）
	Note      string   // a line under the title, e.g. what the ranks rank
	Unit      string   // the unit of every value, as printed
	Series    []Series // one per bar in a group; the legend shows them when there are several
	Groups    []Group  // the rows, top to bottom
	Reference *Line    // an optional vertical reference line, e.g. 100%
	Section   string   // the id of the report section the chart belongs to, "" for the overview
}

// Series is one kind of bar, such as 2022年实绩 or 2023年目标.
type Series struct {
	Name    string
	Colour  palette.Colour
	Outline bool // draw a dark outline, for light colours that must survive grey print
}

// Group is one row of the chart: a label and a bar per series.
type Group struct {
	Label string
	Bars  []Bar
}

// Bar is one value. Text is the value as the report prints it, with its unit and bound
// (超2000亿元); Note follows it in a muted colour (增速全省第2). A range (6%－6.5%) is
// drawn solid up to its lower bound and as a band from there to its upper bound.
type Bar struct {
	Value   float64
	Upper   float64 // the upper bound of a range
	IsRange bool
	Text    string
	Note    string
	Missing bool   // no value for this series in this group; nothing is drawn
	Figure  string // the 编号 of the figure shown
	// NoteColour colours the note (a verdict: 达成 in green, 未达成 in red); the zero
	// value draws it muted.
	NoteColour palette.Colour
}

// Top is where the bar ends: its value, or the upper bound of a range.
func (b Bar) Top() float64 {
	if b.IsRange {
		return b.Upper
	}
	return b.Value
}

// Line is a reference line across the bars at a value.
type Line struct {
	Value float64
	Label string
}

// Errors a spec can fail validation with.
var (
	ErrNoData   = errors.New("没有可绘制的数据")
	ErrBadValue = errors.New("数据不是有效数字")
	ErrBadShape = errors.New("图表结构不一致")
)

// Validate checks a spec before it is rendered: it has data, every bar belongs to a
// series, and every value is a finite number.
func (s *Spec) Validate() error {
	if len(s.Series) == 0 || len(s.Groups) == 0 {
		return ErrNoData
	}
	bars := 0
	for _, g := range s.Groups {
		if len(g.Bars) != len(s.Series) {
			return fmt.Errorf("%w：“%s”有 %d 个数值，应为 %d 个", ErrBadShape, g.Label, len(g.Bars), len(s.Series))
		}
		for _, b := range g.Bars {
			if b.Missing {
				continue
			}
			if math.IsNaN(b.Value) || math.IsInf(b.Value, 0) || b.IsRange && (math.IsNaN(b.Upper) || math.IsInf(b.Upper, 0) || b.Upper <= b.Value) {
				return fmt.Errorf("%w：“%s”", ErrBadValue, g.Label)
			}
			bars++
		}
	}
	if bars == 0 {
		return ErrNoData
	}
	if s.Reference != nil && (math.IsNaN(s.Reference.Value) || math.IsInf(s.Reference.Value, 0)) {
		return fmt.Errorf("%w：参考线", ErrBadValue)
	}
	return nil
}

// Range returns the value axis: from the smallest value or zero, whichever is lower, to
// the largest value or zero, whichever is higher, widened to nice tick steps. An all-zero
// chart gets the range 0 to 1, so that the axis never collapses.
func (s *Spec) Range() (lo, hi, step float64) {
	for _, g := range s.Groups {
		for _, b := range g.Bars {
			if !b.Missing {
				lo, hi = math.Min(lo, b.Value), math.Max(hi, b.Top())
			}
		}
	}
	if s.Reference != nil {
		lo, hi = math.Min(lo, s.Reference.Value), math.Max(hi, s.Reference.Value)
	}
	if hi == lo {
		hi = 1
	}
	step = niceStep((hi - lo) / 5)
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	return lo, hi, step
}

// niceStep rounds a raw tick step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

// Hash identifies the spec's content, for caches: two specs with the same hash render
// the same image.
func (s *Spec) Hash() uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%s|%s|%s|%s|", s.ID, s.Title, s.Note, s.Unit, s.Section)
	for _, se := range s.Series {
		fmt.Fprintf(h, "%s|%s|%v|", se.Name, se.Colour.Hex, se.Outline)
	}
	for _, g := range s.Groups {
		fmt.Fprintf(h, "g%s|", g.Label)
		for _, b := range g.Bars {
			fmt.Fprintf(h, "%v|%v|%v|%s|%s|%v|%s|", b.Value, b.Upper, b.IsRange, b.Text, b.Note, b.Missing, b.NoteColour.Hex)
		}
	}
	if s.Reference != nil {
		fmt.Fprintf(h, "r%v|%s", s.Reference.Value, s.Reference.Label)
	}
	return h.Sum64()
}
