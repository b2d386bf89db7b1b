package chart

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"workreport/app/palette"
	"workreport/app/report"
	"workreport/app/zhtext"
)

// Every chart is titled by one pattern: what it shows, then when and in what unit, as in
// 主要经济指标增速：2022年实绩（%）. The periods come from the figures themselves.

// title joins a chart's subject, its periods and its unit.
func title(subject, when, unit string) string {
	return subject + "：" + when + "（" + unit + "）"
}

// The series every chart uses, so that results, targets and striving targets look the
// same everywhere: on screen, in PNG files and in the workbook.
func resultSeries(p report.Period) Series {
	return Series{Name: p.Label() + "实绩", Colour: palette.Result}
}

func targetSeries(p report.Period) Series {
	return Series{Name: p.Label() + "目标", Colour: palette.Target}
}

func striveSeries(p report.Period) Series {
	return Series{Name: p.Label() + "力争目标", Colour: palette.Strive, Outline: true}
}

// bar is the bar of one figure: its value (a range up to its upper bound), and its value
// as printed, with the strive word of a target.
func bar(f *report.Figure) Bar {
	b := Bar{Value: f.Value, Text: f.StriveText(), Figure: f.ID}
	if f.IsRange {
		b.Upper, b.IsRange = f.Upper, true
	}
	return b
}

// headlineResults are the headline's results with a number, in file order, and their
// period (see report.Headline).
func headlineResults(r *report.Report) ([]*report.Figure, report.Period) {
	figs, p := report.Headline(r)
	var out []*report.Figure
	for _, f := range figs {
		if f.Nature == report.Result && f.HasValue {
			out = append(out, f)
		}
	}
	return out, p
}

// Overview returns the overview charts: the headline growth rates with their ranks,
// each result beside its targets (one chart per unit and pair of periods), the largest
// unit of amounts, and the shares and completion rates.
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

// growthOverview draws the growth rates printed in the review's own text (its headline),
// each with the ranks the report gives it.
func growthOverview(r *report.Report) *Spec {
	results, p := headlineResults(r)
	s := &Spec{ID: "overview-growth", Title: title("主要经济指标增速", p.Label()+"实绩", "%"),
		Unit: "%", Series: []Series{resultSeries(p)}}
	for _, f := range results {
		if f.Measure != "增速" || f.Unit != "%" {
			continue
		}
		b := bar(f)
		var notes []string
		for _, d := range r.Dependents(f) {
			if d.Measure == "排名" && d.Brief != "" {
				notes = append(notes, d.Brief)
			}
		}
		b.Note = strings.Join(notes, " ")
		label := trimMeasure(f.Indicator)
		if f.Basis != "" {
			label += "（" + string(f.Basis) + "）" // 可比: growth on a comparable basis
		}
		s.Groups = append(s.Groups, Group{Label: label, Bars: []Bar{b}})
	}
	if len(s.Groups) == 0 {
		return nil
	}
	return s
}

// trimMeasure drops a trailing 增速 from an indicator when the chart's title says it.
func trimMeasure(s string) string { return strings.TrimSuffix(s, "增速") }

// Pairs returns one chart per unit and pair of periods of each result beside its
// targets: the result, the main target and, where the report sets one, the striving
// target.
func Pairs(r *report.Report) []*Spec {
	var out []*Spec
	byKey := map[string]*Spec{}
	for _, p := range r.Pairs() {
		main, strive := p.Main(), p.Strive()
		u, tp := p.Result.Unit, p.First().Period
		key := u + "|" + p.Result.Period.String() + "|" + tp.String()
		s := byKey[key]
		if s == nil {
			s = &Spec{ID: fmt.Sprintf("overview-pairs-%d", len(out)+1), Unit: u,
				Title:  title("实绩与目标", p.Result.Period.Label()+"实绩，"+tp.Label()+"目标", u),
				Series: []Series{resultSeries(p.Result.Period), targetSeries(tp), striveSeries(tp)}}
			byKey[key] = s
			out = append(out, s)
		}
		g := Group{Label: p.Result.Indicator, Bars: []Bar{bar(p.Result), {Missing: true}, {Missing: true}}}
		if main != nil {
			g.Bars[1] = bar(main)
		}
		if strive != nil {
			g.Bars[2] = bar(strive)
		}
		s.Groups = append(s.Groups, g)
	}
	for _, s := range out {
		dropEmptySeries(s)
	}
	return out
}

// dropEmptySeries removes the series no group has a bar in.
func dropEmptySeries(s *Spec) {
	for i := len(s.Series) - 1; i >= 0; i-- {
		used := false
		for _, g := range s.Groups {
			used = used || !g.Bars[i].Missing
		}
		if used {
			continue
		}
		s.Series = slices.Delete(s.Series, i, i+1)
		for j := range s.Groups {
			s.Groups[j].Bars = slices.Delete(s.Groups[j].Bars, i, i+1)
		}
	}
}

// amounts draws the headline period's totals in the unit most of them use, largest first.
func amounts(r *report.Report) *Spec {
	results, p := headlineResults(r)
	count := map[string]int{}
	unit := ""
	for _, f := range results {
		if f.Measure == "总量" {
			count[f.Unit]++
			if count[f.Unit] > count[unit] {
				unit = f.Unit
			}
		}
	}
	if count[unit] < 2 {
		return nil
	}
	var figs []*report.Figure
	for _, f := range results {
		if f.Measure == "总量" && f.Unit == unit {
			figs = append(figs, f)
		}
	}
	sort.SliceStable(figs, func(i, j int) bool { return figs[i].Value > figs[j].Value })
	s := &Spec{ID: "overview-amounts", Title: title("主要总量指标", p.Label()+"实绩", unit), Unit: unit,
		Note: "按数值从大到小排列", Series: []Series{resultSeries(p)}}
	for _, f := range figs {
		s.Groups = append(s.Groups, Group{Label: f.Indicator, Bars: []Bar{bar(f)}})
	}
	return s
}

// shares draws the headline period's shares and completion rates, against 100%.
func shares(r *report.Report) *Spec {
	results, p := headlineResults(r)
	s := &Spec{ID: "overview-shares", Title: title("占比与完成率", p.Label()+"实绩", "%"), Unit: "%",
		Series:    []Series{{Name: p.Label() + "实绩", Colour: palette.Share}},
		Reference: &Line{Value: 100, Label: "100%"}}
	for _, f := range results {
		if (f.Measure == "占比" || f.Measure == "完成率") && f.Unit == "%" {
			s.Groups = append(s.Groups, Group{Label: f.Indicator, Bars: []Bar{bar(f)}})
		}
	}
	if len(s.Groups) < 2 {
		return nil
	}
	return s
}

// Sections returns the charts of a section: one per kind of comparable figures (same
// nature, measure, unit and period) that has at least two figures. A part with
// sub-parts is charted over all of them, so that each part shows its quantified targets;
// a sub-part gets a chart of its own only for figures no earlier chart draws, so that no
// page repeats a chart's bars under another title.
func Sections(r *report.Report, sec *report.Section) []*Spec {
	var out []*Spec
	drawn := map[string]bool{}
	var walk func(s *report.Section)
	walk = func(s *report.Section) {
		figs := s.Figures()
		if s.Parent != nil && len(s.Sections) > 0 { // a part: chart all its sub-parts together
			figs = s.AllFigures()
		}
		for _, grp := range comparable(figs) {
			if all(grp, func(f *report.Figure) bool { return drawn[f.ID] }) {
				continue
			}
			for _, f := range grp {
				drawn[f.ID] = true
			}
			out = append(out, sectionSpec(s, grp, len(out)+1))
		}
		for _, c := range s.Sections {
			walk(c)
		}
	}
	walk(sec)
	return out
}

func all[T any](xs []T, fn func(T) bool) bool {
	for _, x := range xs {
		if !fn(x) {
			return false
		}
	}
	return true
}

// comparable groups figures by nature, measure, unit and period, keeping groups of two
// or more. Thresholds, derived and qualitative figures and ranks are left out:
// thresholds and ranks are not amounts to compare, derived figures are not printed in
// the report. A five-year total never shares a chart with a year's.
func comparable(figs []*report.Figure) [][]*report.Figure {
	var keys []string
	groups := map[string][]*report.Figure{}
	for _, f := range figs {
		if !f.HasValue || f.Measure == "排名" || (f.Nature != report.Result && f.Nature != report.Target) {
			continue
		}
		k := string(f.Nature) + "|" + f.Measure + "|" + f.Unit + "|" + f.Period.String()
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

// ShortTitle is a section title without its numbering and after its first clause.
func ShortTitle(t string) string { return zhtext.ShortTitle(t) }

// sectionSpec charts comparable figures of a section, titled by the section and by what
// the figures measure: 多措并举延伸拓展产业链条：2022年总量实绩（亿元）. Striving targets
// are drawn as striving targets, as everywhere else.
func sectionSpec(s *report.Section, figs []*report.Figure, n int) *Spec {
	f0 := figs[0]
	p := f0.Period
	what := f0.Measure + string(f0.Nature)
	name := ShortTitle(s.Title)
	when := p.Label() + what
	if strings.Contains(name, p.Label()) { // 2022年工作回顾 names its period already
		when = what
	}
	spec := &Spec{ID: fmt.Sprintf("%s-%d", s.ID, n), Title: title(name, when, f0.Unit), Unit: f0.Unit, Section: s.ID}
	if f0.Nature == report.Target {
		spec.Series = []Series{targetSeries(p), striveSeries(p)}
	} else {
		spec.Series = []Series{resultSeries(p)}
	}
	for _, f := range figs {
		g := Group{Label: f.Indicator, Bars: []Bar{bar(f)}}
		if f0.Nature == report.Target {
			g.Bars = append(g.Bars, Bar{Missing: true})
			if f.Strive != "" {
				g.Bars[0], g.Bars[1] = g.Bars[1], g.Bars[0]
			}
		}
		spec.Groups = append(spec.Groups, g)
	}
	dropEmptySeries(spec)
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
