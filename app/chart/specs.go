package chart

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"workreport/app/palette"
	"workreport/app/report"
)

// The series every chart uses, so that results and targets look the same everywhere.
var (
	resultSeries = func(year int) Series { return Series{Name: fmt.Sprintf("%d年实绩", year), Colour: palette.Result} }
	targetSeries = func(year int) Series { return Series{Name: fmt.Sprintf("%d年目标", year), Colour: palette.Target} }
	striveSeries = func(year int) Series {
		return Series{Name: fmt.Sprintf("%d年力争目标", year), Colour: palette.Strive, Outline: true}
	}
)

// bar is the bar of one figure: its value, and its value as printed.
func bar(f *report.Figure) Bar {
	return Bar{Value: f.Value, Text: f.ValueText(), Figure: f.ID}
}

// unitTitle is how a unit appears in a title: （%）, （亿元）.
func unitTitle(u string) string { return "（" + u + "）" }

// Overview returns the overview charts: the main indicators' growth with their ranks,
// each result beside its targets (one chart per unit), the key amounts in 亿元, and
// the shares and completion rates.
func Overview(r *report.Report) []*Spec {
	var out []*Spec
	if s := growthOverview(r); s != nil {
		out = append(out, s)
	}
	out = append(out, Pairs(r)...)
	if s := amounts(r); s != nil {
		out = append(out, s)
	}
	if s := shares(r); s != nil {
		out = append(out, s)
	}
	return out
}

func resultYear(r *report.Report) int { return r.Year - 1 }

// growthOverview draws the growth rates printed in the review's headline, each with the
// rank the report gives it; the ranks rank these growth rates.
func growthOverview(r *report.Report) *Spec {
	review := topSection(r, report.Result)
	if review == nil {
		return nil
	}
	y := resultYear(r)
	s := &Spec{ID: "overview-growth", Title: fmt.Sprintf("%d年主要经济指标增速（%%）", y),
		Note: "排名为增速在全省的位次", Unit: "%", Series: []Series{resultSeries(y)}}
	for _, f := range review.Figures() {
		if f.Nature != report.Result || f.Measure != "增速" || !f.HasValue || f.Unit != "%" {
			continue
		}
		b := bar(f)
		var notes []string
		for _, d := range r.Dependents(f) {
			if d.Measure == "排名" {
				notes = append(notes, d.Brief)
			}
		}
		b.Note = strings.Join(notes, " ")
		s.Groups = append(s.Groups, Group{Label: trimMeasure(f.Indicator), Bars: []Bar{b}})
	}
	if len(s.Groups) == 0 {
		return nil
	}
	return s
}

// topSection is the first top-level section holding figures of the given nature.
func topSection(r *report.Report, n report.Nature) *Section {
	for _, s := range r.Sections {
		for _, f := range s.Figures() {
			if f.Nature == n {
				return s
			}
		}
	}
	return nil
}

// Section is report.Section; the alias keeps signatures short.
type Section = report.Section

// trimMeasure drops a trailing 增速 from an indicator when the chart's title says it.
func trimMeasure(s string) string { return strings.TrimSuffix(s, "增速") }

// Pairs returns one chart per unit of each result beside its targets: the result, the
// target and, where the report sets one, the striving target.
func Pairs(r *report.Report) []*Spec {
	y := resultYear(r)
	var out []*Spec
	byUnit := map[string]*Spec{}
	for _, p := range r.Pairs() {
		u := p.Result.Unit
		s := byUnit[u]
		if s == nil {
			s = &Spec{ID: fmt.Sprintf("overview-pairs-%d", len(out)+1),
				Title: fmt.Sprintf("%d年实绩与%d年目标%s", y, r.Year, unitTitle(u)),
				Unit:  u, Series: []Series{resultSeries(y), targetSeries(r.Year), striveSeries(r.Year)}}
			byUnit[u] = s
			out = append(out, s)
		}
		g := Group{Label: p.Result.Indicator, Bars: []Bar{bar(p.Result), bar(p.Targets[0]), {Missing: true}}}
		if p.Targets[0].Strive != "" {
			g.Bars[1].Text = p.Targets[0].Strive + g.Bars[1].Text
		}
		for _, t := range p.Targets[1:] {
			if t.Strive != "" {
				g.Bars[2] = bar(t)
				g.Bars[2].Text = t.Strive + g.Bars[2].Text
				break
			}
		}
		s.Groups = append(s.Groups, g)
	}
	for _, s := range out {
		strive := false
		for _, g := range s.Groups {
			strive = strive || !g.Bars[2].Missing
		}
		if !strive {
			s.Series = s.Series[:2]
			for i := range s.Groups {
				s.Groups[i].Bars = s.Groups[i].Bars[:2]
			}
		}
		if s.Unit == "%" {
			s.Title = fmt.Sprintf("%d年增速与%d年增速目标（%%）", y, r.Year)
		}
	}
	return out
}

// amounts draws the results in 亿元, largest first.
func amounts(r *report.Report) *Spec {
	y := resultYear(r)
	var figs []*report.Figure
	for _, f := range r.Figures() {
		if f.Nature == report.Result && f.Measure == "总量" && f.Unit == "亿元" && f.HasValue {
			figs = append(figs, f)
		}
	}
	if len(figs) < 2 {
		return nil
	}
	sort.SliceStable(figs, func(i, j int) bool { return figs[i].Value > figs[j].Value })
	s := &Spec{ID: "overview-amounts", Title: fmt.Sprintf("%d年主要总量指标（亿元）", y), Unit: "亿元",
		Note: "按数值从大到小排列", Series: []Series{resultSeries(y)}}
	for _, f := range figs {
		s.Groups = append(s.Groups, Group{Label: f.Indicator, Bars: []Bar{bar(f)}})
	}
	return s
}

// shares draws the results that are shares or completion rates, against 100%.
func shares(r *report.Report) *Spec {
	y := resultYear(r)
	s := &Spec{ID: "overview-shares", Title: fmt.Sprintf("%d年占比与完成率（%%）", y), Unit: "%",
		Series:    []Series{{Name: fmt.Sprintf("%d年实绩", y), Colour: palette.Share}},
		Reference: &Line{Value: 100, Label: "100%"}}
	for _, f := range r.Figures() {
		if f.Nature == report.Result && (f.Measure == "占比" || f.Measure == "完成率") && f.Unit == "%" && f.HasValue {
			s.Groups = append(s.Groups, Group{Label: f.Indicator, Bars: []Bar{bar(f)}})
		}
	}
	if len(s.Groups) < 2 {
		return nil
	}
	return s
}

// Sections returns the charts of a section: one per kind of comparable figures (same
// nature, measure and unit) that has at least two figures. A part of the work plan is
// charted over all its sub-parts, so that each part shows its quantified targets; a
// sub-part gets its own chart only when it differs from its part's.
func Sections(r *report.Report, sec *report.Section) []*Spec {
	var out []*Spec
	seen := map[string]bool{}
	var walk func(s *report.Section)
	walk = func(s *report.Section) {
		figs := s.Figures()
		if s.Parent != nil && len(s.Sections) > 0 { // a part: chart all its sub-parts together
			figs = s.AllFigures()
		}
		for _, grp := range comparable(figs) {
			key := groupKey(grp)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, sectionSpec(r, s, grp, len(out)+1))
		}
		for _, c := range s.Sections {
			walk(c)
		}
	}
	walk(sec)
	return out
}

// comparable groups figures by nature, measure and unit, keeping groups of two or more.
// Thresholds, derived and qualitative figures and ranks are left out: thresholds and
// ranks are not amounts to compare, derived figures are not printed in the report.
func comparable(figs []*report.Figure) [][]*report.Figure {
	var keys []string
	groups := map[string][]*report.Figure{}
	for _, f := range figs {
		if !f.HasValue || f.Measure == "排名" || (f.Nature != report.Result && f.Nature != report.Target) {
			continue
		}
		k := string(f.Nature) + "|" + f.Measure + "|" + f.Unit
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], f)
	}
	var out [][]*report.Figure
	for _, k := range keys {
		if len(groups[k]) >= 2 {
			out = append(out, groups[k])
		}
	}
	return out
}

func groupKey(figs []*report.Figure) string {
	var ids []string
	for _, f := range figs {
		ids = append(ids, f.ID)
	}
	return strings.Join(ids, ",")
}

var sectionNumber = regexp.MustCompile(`^(?:\([一二三四五六七八九十]+\)|[0-9]+\.)`)

// ShortTitle is a section title without its numbering and after its first clause:
// (三)多措并举延伸拓展产业链条,全力构建… becomes 多措并举延伸拓展产业链条.
func ShortTitle(title string) string {
	t := sectionNumber.ReplaceAllString(title, "")
	if i := strings.IndexAny(t, ",，"); i > 0 {
		t = t[:i]
	}
	return t
}

func sectionSpec(r *report.Report, s *report.Section, figs []*report.Figure, n int) *Spec {
	f0 := figs[0]
	year, series := resultYear(r), resultSeries(resultYear(r))
	if f0.Nature == report.Target {
		year, series = r.Year, targetSeries(r.Year)
	}
	what := f0.Measure
	if f0.Nature == report.Target {
		what += "目标"
	}
	name := ShortTitle(s.Title)
	if !strings.HasPrefix(name, fmt.Sprint(year)) { // 2022年工作回顾 names its year already
		name = fmt.Sprintf("%d年 %s", year, name)
	}
	spec := &Spec{
		ID:      fmt.Sprintf("%s-%d", s.ID, n),
		Title:   fmt.Sprintf("%s：%s%s", name, what, unitTitle(f0.Unit)),
		Unit:    f0.Unit,
		Series:  []Series{series},
		Section: s.ID,
	}
	for _, f := range figs {
		b := bar(f)
		if f.Strive != "" {
			b.Text = f.Strive + b.Text
		}
		spec.Groups = append(spec.Groups, Group{Label: f.Indicator, Bars: []Bar{b}})
	}
	return spec
}

// All returns every chart of the report: the overview's, then each section's in order,
// leaving out a section chart that draws the same figures as an earlier chart.
func All(r *report.Report) []*Spec {
	out := Overview(r)
	seen := map[string]bool{}
	for _, s := range out {
		seen[specFigures(s)] = true
	}
	for _, sec := range r.Sections {
		for _, s := range Sections(r, sec) {
			if k := specFigures(s); !seen[k] {
				seen[k] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// specFigures identifies the set of figures a chart draws.
func specFigures(s *Spec) string {
	var ids []string
	for _, g := range s.Groups {
		for _, b := range g.Bars {
			if !b.Missing {
				ids = append(ids, b.Figure)
			}
		}
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}
