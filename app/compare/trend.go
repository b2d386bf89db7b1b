package compare

import (
	"slices"

	"workreport/app/indicator"
	"workreport/app/report"
)

// Indicators over the years, from the reports of one place.

// TrendPoint is one year of an indicator: the target the year's report set, the result
// a later report states, and the verdict when both reports are at hand.
type TrendPoint struct {
	Year   int
	Target *report.Figure // nil when no report of that year sets one
	Result *report.Figure // nil when no report states the year's result
	Row    *Row           // the verdict, when the next year's report is at hand
	// Set, Told: whether the reports given hold the year's report, which sets its
	// targets, and the next year's report or the year's bulletin, which state its results.
	Set, Told bool
}

// Indicators are the indicators the reports set numeric main targets for, the most
// often first; GDP growth leads when it is among them.
func Indicators(reports []*report.Report) []string {
	count := map[string]int{}
	var order []string
	for _, r := range reports {
		seen := map[string]bool{}
		for _, f := range r.Figures() {
			if !f.IsMainTarget() || !f.HasValue || f.Strive != "" {
				continue
			}
			c := indicator.Key(f.Indicator)
			if seen[c] {
				continue
			}
			seen[c] = true
			if count[c] == 0 {
				order = append(order, c)
			}
			count[c]++
		}
	}
	slices.SortStableFunc(order, func(a, b string) int {
		if a == "国内生产总值增速" {
			return -1
		}
		if b == "国内生产总值增速" {
			return 1
		}
		return count[b] - count[a]
	})
	return order
}

// Trend follows an indicator through reports of one place, year by year: each year's
// target, its result as a later report states it (in the targets' unit), and the
// verdict where the next year's report is at hand.
func Trend(reports []*report.Report, name string, tol Tolerance) []TrendPoint {
	want := indicator.Key(name)
	sorted := slices.Clone(reports)
	slices.SortStableFunc(sorted, func(a, b *report.Report) int { return a.Year - b.Year })
	byYear := map[int]*report.Report{}
	bulletins := map[int]*report.Report{}
	for _, r := range sorted {
		if r.Source.Kind.IsBulletin() {
			bulletins[r.Year] = r
		} else {
			byYear[r.Year] = r
		}
	}
	targetOf := func(r *report.Report) *report.Figure {
		for _, f := range r.Figures() {
			if f.IsMainTarget() && f.HasValue && f.Strive == "" && indicator.Key(f.Indicator) == want {
				return f
			}
		}
		return nil
	}
	unit, measure := "", ""
	for _, r := range sorted {
		if t := targetOf(r); t != nil {
			unit, measure = t.Unit, t.Measure
			break
		}
	}
	if unit == "" {
		return nil
	}
	resultOf := func(year int) *report.Figure {
		// The next year's report first, then any other that states the year's result.
		candidates := []*report.Report{byYear[report.JudgedIn(year)]}
		candidates = append(candidates, sorted...)
		for _, r := range candidates {
			if r == nil {
				continue
			}
			for _, f := range r.Figures() {
				if f.Nature == report.Result && f.HasValue && f.Unit == unit && f.Measure == measure &&
					f.Period == report.Year(year) && indicator.Key(f.Indicator) == want {
					return f
				}
			}
		}
		return nil
	}
	first, last := report.ReviewedYear(sorted[0].Year), sorted[len(sorted)-1].Year
	var out []TrendPoint
	for y := first; y <= last; y++ {
		p := TrendPoint{Year: y, Result: resultOf(y), Set: byYear[y] != nil, Told: byYear[report.JudgedIn(y)] != nil || bulletins[y] != nil}
		if r := byYear[y]; r != nil {
			p.Target = targetOf(r)
			if next, b := byYear[report.JudgedIn(y)], bulletins[y]; (next != nil || b != nil) && p.Target != nil {
				for _, row := range Judge(Pair{Prev: r, Next: next, Bulletin: b}, tol) {
					if row.Target == p.Target {
						row := row
						p.Row = &row
					}
				}
			}
		}
		// A year of which nothing is known stays in the table, a gap.
		out = append(out, p)
	}
	return out
}
