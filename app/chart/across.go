package chart

import (
	"fmt"

	"workreport/app/compare"
	"workreport/app/palette"
	"workreport/app/report"
)

// Charts across reports: targets against the results a later report states.

// Verdicts draws each target of a year beside its result, one chart per unit, the
// verdict and gap after the result. A range or 左右 target is drawn as printed; targets
// without a result in the target's unit are left out.
func Verdicts(rows []compare.Row) []*Spec {
	var out []*Spec
	byUnit := map[string]*Spec{}
	for _, row := range rows {
		t, r := row.Target, row.Result
		if r == nil || !t.HasValue || r.Unit != t.Unit {
			continue
		}
		s := byUnit[t.Unit]
		if s == nil {
			year := report.Year(row.Year)
			s = &Spec{ID: fmt.Sprintf("verdicts-%d-%d", row.Year, len(out)+1), Unit: t.Unit,
				Title:  title("目标完成情况", fmt.Sprintf("%s目标与实绩", year.Label()), t.Unit),
				Note:   "实绩后注明判定和差距",
				Series: []Series{targetSeries(year), resultSeries(year)}}
			byUnit[t.Unit] = s
			out = append(out, s)
		}
		rb := bar(r)
		rb.Note, rb.NoteColour = row.VerdictText(), VerdictColour(row.Verdict)
		if row.Gap != "" {
			rb.Note += " " + row.Gap
		}
		s.Groups = append(s.Groups, Group{Label: row.Indicator, Bars: []Bar{bar(t), rb}})
	}
	return out
}

// Trend draws an indicator's targets and results year by year, the verdict and gap
// after each result.
func Trend(place, indicator string, points []compare.TrendPoint) *Spec {
	unit := ""
	for _, p := range points {
		switch {
		case p.Target != nil:
			unit = p.Target.Unit
		case p.Result != nil && unit == "":
			unit = p.Result.Unit
		}
	}
	s := &Spec{ID: "trend", Unit: unit, Title: title(place+indicator, "历年目标与实绩", unit),
		Note:   "每年一行：当年报告定的目标，下一年报告写的实绩",
		Series: []Series{{Name: "当年目标", Colour: palette.Target}, {Name: "实绩", Colour: palette.Result}}}
	for _, p := range points {
		g := Group{Label: fmt.Sprintf("%d年", p.Year), Bars: []Bar{{Missing: true}, {Missing: true}}}
		if p.Target != nil {
			g.Bars[0] = bar(p.Target)
		}
		if p.Result != nil {
			g.Bars[1] = bar(p.Result)
			if p.Row != nil {
				g.Bars[1].Note, g.Bars[1].NoteColour = p.Row.VerdictText(), VerdictColour(p.Row.Verdict)
				if p.Row.Gap != "" {
					g.Bars[1].Note += " " + p.Row.Gap
				}
			}
		}
		s.Groups = append(s.Groups, g)
	}
	if len(s.Groups) == 0 {
		return nil
	}
	return s
}

// benchColours tell the places apart: the first place in the results' blue, the others
// in colours distinct in grey print.
var benchColours = []palette.Colour{palette.Result, palette.Target, palette.Share, palette.Derived}

// Benchmark draws the rates the places set targets for, one bar per place; amounts of
// places of different size are not drawn.
func Benchmark(year int, places []string, rows []compare.BenchRow) *Spec {
	s := &Spec{ID: fmt.Sprintf("benchmark-%d", year), Unit: "%", Title: title("对标", fmt.Sprintf("%d年目标", year), "%"),
		Note: "只画比率类指标；数量、金额因地区规模不同不作比较"}
	for i, p := range places {
		s.Series = append(s.Series, Series{Name: p, Colour: benchColours[i%len(benchColours)]})
	}
	for _, r := range rows {
		if !r.Comparable {
			continue
		}
		g := Group{Label: r.Indicator}
		var only []string
		for i, f := range r.Targets {
			if f == nil || f.Unit != "%" {
				g.Bars = append(g.Bars, Bar{Missing: true})
				continue
			}
			g.Bars = append(g.Bars, bar(f))
			only = append(only, places[i])
		}
		if len(only) == 1 && len(places) > 1 {
			// One bar alone would read as the first place's own: say whose it is.
			g.Label += "（仅" + only[0] + "）"
		}
		s.Groups = append(s.Groups, g)
	}
	if len(s.Groups) == 0 {
		return nil
	}
	dropEmptySeries(s)
	return s
}

// VerdictColour is the colour a verdict is written in, in charts and on screen: 达成 in
// green, 基本达成 in orange, 未达成 in red, 无法判定 muted.
func VerdictColour(v compare.Verdict) palette.Colour {
	switch v {
	case compare.Met:
		return palette.Share
	case compare.MostlyMet:
		return palette.Target
	case compare.Missed:
		return palette.Missed
	}
	return palette.Muted
}
