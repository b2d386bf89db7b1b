package compare

import (
	"fmt"
	"math/big"
	"strings"

	"workreport/app/indicator"
	"workreport/app/report"
)

// The sources of a year's results: report N+1, which reviews year N, and the statistical
// bulletin of year N. The report's words are the ones a meeting quotes, so its figure is
// judged, except that an estimate (预计, usual in a report delivered in January) yields
// to the bulletin's final figure.

// Sources of a result, as 说明 names them.
const (
	FromReport   = "报告"
	FromBulletin = "统计公报"
)

// Pair is a report of year N and what states the year's results: the report of year
// N+1 and the statistical bulletin of year N of the same place. Either may be missing,
// not both.
type Pair struct {
	Prev     *report.Report
	Next     *report.Report
	Bulletin *report.Report
}

// Year is the target year N.
func (p Pair) Year() int { return p.Prev.Year }

// NextYear is the year of the report that reviews year N.
func (p Pair) NextYear() int { return report.JudgedIn(p.Prev.Year) }

// found is a result and where it comes from.
type found struct {
	fig      *report.Figure
	source   string
	estimate bool
}

// want says what result a target needs: its indicator's key, measure and unit, and
// the basis to prefer.
type want struct {
	key, measure, unit string
	basis              report.Basis
	// strict: a result of another basis does not do (a year's average, not the year end).
	strict bool
}

func wantOf(t *report.Figure) want {
	w := want{key: indicator.Key(t.Indicator), measure: t.Measure, unit: t.Unit, basis: t.Basis}
	if w.basis == "" && t.Measure == "比率" && strings.Contains(t.Phrase+clauseOf(t.Sentence, t.Phrase), "全年") {
		// 城镇调查失业率全年控制在5.5%以内: a rate of the whole year, its year's average
		// (not the year-end rate).
		w.basis, w.strict = report.YearAverage, true
	}
	return w
}

// clauseOf is the clause of a sentence that holds the phrase, with the remark in
// brackets after it: 地方一般公共预算收入同口径增长7.03%（剔除退税等因素影响）.
func clauseOf(sentence, phrase string) string {
	for _, c := range clauses(sentence) {
		if strings.Contains(c, phrase) {
			return c
		}
	}
	return sentence
}

// candidates are the one-year results of year N a source states on the indicator, in
// the measure and a unit the target's converts from: a review's before the rest, of the
// wanted basis before others.
func candidates(src *report.Report, w want, year int) []*report.Figure {
	if src == nil {
		return nil
	}
	var best []*report.Figure
	score := -1
	for _, f := range src.Figures() {
		if f.Nature != report.Result || !f.HasValue || f.Measure != w.measure || indicator.Key(f.Indicator) != w.key {
			continue
		}
		if f.Period != report.Year(year) {
			continue
		}
		if _, ok := convert(f.Unit, w.unit); !ok {
			continue
		}
		if w.strict && f.Basis != w.basis && f.Basis != "" {
			continue
		}
		s := 0
		if f.Role == report.RoleReview {
			s += 2
		}
		if f.Basis == w.basis {
			s++
		}
		switch {
		case s > score:
			best, score = []*report.Figure{f}, s
		case s == score:
			best = append(best, f)
		}
	}
	return best
}

// pick is the result a source states, or the two that disagree.
func pick(src *report.Report, kind string, w want, year int) (found, []*report.Figure) {
	cs := candidates(src, w, year)
	if len(cs) == 0 {
		return found{}, nil
	}
	first := cs[0]
	for _, c := range cs[1:] {
		if !sameValue(c, first, w.unit) {
			return found{}, []*report.Figure{first, c}
		}
	}
	return found{fig: first, source: kind, estimate: isEstimate(first)}, nil
}

// sameValue reports whether two results state the same value in the unit.
func sameValue(a, b *report.Figure, unit string) bool {
	x, okA := valueIn(a, unit)
	y, okB := valueIn(b, unit)
	return okA && okB && x.Cmp(y) == 0 && a.Bound == b.Bound
}

// valueIn is a figure's value in a unit, exactly.
func valueIn(f *report.Figure, unit string) (*big.Rat, bool) {
	factor, ok := convert(f.Unit, unit)
	if !ok {
		return nil, false
	}
	v, ok := new(big.Rat).SetString(report.FormatNumber(f.Value))
	if !ok {
		return nil, false
	}
	return v.Mul(v, factor), true
}

// isEstimate reports whether a result is given as an estimate: its sentence says 预计,
// or its part of the report says its figures are (预计数，下同).
func isEstimate(f *report.Figure) bool {
	if strings.Contains(f.Sentence, "预计") {
		return true
	}
	for s := f.Section; s != nil; s = s.Parent {
		for i, b := range s.Blocks() {
			if s == f.Section && i > f.Location.Block {
				break
			}
			if strings.Contains(b.Text, "预计数") {
				return true
			}
		}
	}
	return false
}

// findResult finds year N's result for a target: report N+1's, or the bulletin's where the
// report gives none or gives an estimate the bulletin makes final. It says in a note
// what the other source states, and returns the disagreeing figures where one source
// states two values.
func findResult(p Pair, w want, year int) (found, string, []*report.Figure) {
	fromReport, clash := pick(p.Next, FromReport, w, year)
	if clash != nil {
		return found{}, "", clash
	}
	fromBulletin, clash := pick(p.Bulletin, FromBulletin, w, year)
	if clash != nil {
		return found{}, "", clash
	}
	switch {
	case fromReport.fig == nil && fromBulletin.fig == nil:
		return found{}, "", nil
	case fromReport.fig == nil:
		return fromBulletin, fmt.Sprintf("%d 年报告未给出，取自统计公报", p.NextYear()), nil
	case fromBulletin.fig == nil:
		if fromReport.estimate {
			return fromReport, "报告中为预计数", nil
		}
		return fromReport, "", nil
	case sameValue(fromReport.fig, fromBulletin.fig, w.unit):
		return fromReport, "统计公报同为" + fromBulletin.fig.Phrase, nil
	case fromReport.estimate:
		return fromBulletin, fmt.Sprintf("报告中为预计数“%s”，以统计公报的“%s”为准", fromReport.fig.Phrase, fromBulletin.fig.Phrase), nil
	}
	return fromReport, fmt.Sprintf("统计公报为“%s”", fromBulletin.fig.Phrase), nil
}
