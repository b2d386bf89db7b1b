package review

import (
	"slices"
	"unicode/utf8"

	"workreport/app/indicator"
	"workreport/app/report"
)

// Group is a part of the review queue, in the order a person works through it. An
// imported city report holds a few hundred numbers; nobody checks them all before a
// meeting, so the queue starts with the few that the verdicts, the target table, the
// trends and the overview read.
type Group int

const (
	// KeyFigures are the main targets; the results of the year under review on the
	// indicators of the main targets or of the indicator dictionary (the ones reports
	// are compared on, the GDP level among them); and the year's plan figures on the
	// dictionary's indicators (赤字率, 专项债).
	KeyFigures Group = iota
	// SectionFigures are the other figures, section by section: they feed each section's
	// cards and charts, and may be confirmed a section at a time.
	SectionFigures
	// OtherNumbers feed no page of their own: thresholds that define a category,
	// durations, figures the software could not give a name. They may stay unconfirmed
	// without holding anything back.
	OtherNumbers
)

// Groups lists the groups in order.
var Groups = []Group{KeyFigures, SectionFigures, OtherNumbers}

// String names the group as the review page does.
func (g Group) String() string {
	switch g {
	case KeyFigures:
		return "关键数据"
	case SectionFigures:
		return "各节数据"
	}
	return "其余数字"
}

// Optional reports whether the group's figures may stay unconfirmed.
func (g Group) Optional() bool { return g == OtherNumbers }

// Explain says what the group holds, for the review page.
func (g Group) Explain() string {
	switch g {
	case KeyFigures:
		return "主要目标、上年同一指标的实绩和总量：目标完成情况、目标表、历年走势和概览都用它们，请先逐项核对"
	case SectionFigures:
		return "各节的其他数据：用于各节的卡片和图表，可以一节一节地确认"
	}
	return "门槛、年限和软件没能命名的数字：不进入任何图表或判定，可以不审核"
}

// grouper decides the group of a report's figures.
type grouper struct {
	r          *report.Report
	reviewYear int
	keys       map[string]bool // the main targets' indicators
}

func newGrouper(r *report.Report) *grouper {
	g := &grouper{r: r, reviewYear: r.Year - 1, keys: map[string]bool{}}
	if r.Source.Kind.IsBulletin() {
		g.reviewYear = r.Year // a bulletin states the results of its own year
	}
	for _, f := range r.Figures() {
		if f.IsMainTarget() {
			g.keys[indicator.Key(f.Indicator)] = true
		}
	}
	return g
}

func (g *grouper) of(f *report.Figure) Group {
	if f.IsMainTarget() {
		return KeyFigures
	}
	known := func() bool {
		if g.keys[indicator.Key(f.Indicator)] {
			return true
		}
		_, ok := indicator.Find(f.Indicator)
		return ok
	}
	switch {
	case f.Nature == report.Threshold, slices.Contains(durations, f.Unit), utf8.RuneCountInString(f.Indicator) < 2, f.Indicator == report.UnnamedIndicator:
		return OtherNumbers
	case f.Period.IsYear() && f.Nature == report.Result && f.Period.From == g.reviewYear && g.reviewYear > 0 && known():
		return KeyFigures
	case f.Period.IsYear() && f.Nature == report.Target && f.Period.From == g.r.Year && g.r.Year > 0 && known():
		return KeyFigures
	}
	return SectionFigures
}

// durations are the units of a span of time: 连续5年, 三年行动, 6个月.
var durations = []string{"年", "个月", "天", "日", "小时"}

// GroupOf returns the group of one of the report's figures.
func (d *Doc) GroupOf(f *report.Figure) Group { return newGrouper(d.rep).of(f) }

// Counts returns how many figures of each group are left to check.
func (d *Doc) Counts() map[Group]int {
	out := map[Group]int{}
	g := newGrouper(d.rep)
	for _, f := range d.Queue() {
		out[g.of(f)]++
	}
	return out
}
