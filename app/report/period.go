package report

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"workreport/app/zhtext"
)

// Period is the time a figure covers (the 时期 column): one year, several years (a
// five-year total, or 年均 over them), or the horizon of a five-year plan (十四五).
type Period struct {
	From, To int    // years, inclusive; From == To for one year; zero for no period
	Plan     string // the five-year plan whose horizon this is, such as 十四五; "" otherwise
}

// Year is the period of one year.
func Year(y int) Period { return Period{From: y, To: y} }

// IsZero reports whether the period is unknown.
func (p Period) IsZero() bool { return p.From == 0 }

// IsYear reports whether the period is exactly one year: only such figures can be
// judged against an annual target.
func (p Period) IsYear() bool { return p.From != 0 && p.From == p.To && p.Plan == "" }

// String is the period as the data file writes it: 2022, 2013-2017 or 十四五.
func (p Period) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.Plan != "":
		return p.Plan
	case p.From == p.To:
		return strconv.Itoa(p.From)
	}
	return fmt.Sprintf("%d-%d", p.From, p.To)
}

// Label is the period as a reader reads it: 2022年, 2013—2017年, “十四五”时期.
func (p Period) Label() string {
	switch {
	case p.IsZero():
		return ""
	case p.Plan != "":
		return "“" + p.Plan + "”时期"
	case p.From == p.To:
		return fmt.Sprintf("%d年", p.From)
	}
	return fmt.Sprintf("%d—%d年", p.From, p.To)
}

// PlanName finds a five-year plan's short name: 十四五 is the fourteenth.
var PlanName = regexp.MustCompile(`十[一二三四五六七八九]?五`)

// PlanPeriod returns the years of a five-year plan named as in 十四五. The plans from the
// tenth (十五, 2001–2005) on follow each other without gaps.
func PlanPeriod(name string) (Period, bool) {
	if !PlanName.MatchString(name) || PlanName.FindString(name) != name {
		return Period{}, false
	}
	n := 10
	if r := []rune(name); len(r) == 3 {
		d, ok := zhtext.NumeralDigit(r[1])
		if !ok || d == 0 {
			return Period{}, false
		}
		n += d
	}
	from := 2001 + 5*(n-10)
	return Period{From: from, To: from + 4, Plan: name}, true
}

// ParsePeriod reads a period as the data file writes it: 2022, 2013-2017 (also with – —
// ～ 至 or 到), or a plan name such as 十四五 (quotes allowed).
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "“”\"")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "时期"), "年")
	s = strings.Trim(s, "“”\"")
	if p, ok := PlanPeriod(s); ok {
		return p, nil
	}
	for _, sep := range zhtext.RangeMarks {
		if a, b, ok := strings.Cut(s, sep); ok {
			from, err1 := parseYear(strings.TrimSuffix(strings.TrimSpace(a), "年"))
			to, err2 := parseYear(strings.TrimSpace(b))
			if err1 != nil || err2 != nil || to <= from {
				return Period{}, fmt.Errorf("年份区间应为由小到大的两个四位数年份，以“-”相连")
			}
			return Period{From: from, To: to}, nil
		}
	}
	y, err := parseYear(s)
	if err != nil {
		return Period{}, fmt.Errorf("应为年份（四位数）、年份区间（两个年份以“-”相连）或五年规划期（如“十五五”）")
	}
	return Year(y), nil
}

func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1949 || y > 2200 {
		return 0, fmt.Errorf("not a year: %q", s)
	}
	return y, nil
}

// Periods returns the distinct periods of the report's figures of a nature, in the order
// they first appear.
func (r *Report) Periods(n Nature) []Period {
	var out []Period
	for _, f := range r.figures {
		if f.Nature == n && !f.Period.IsZero() && !slices.Contains(out, f.Period) {
			out = append(out, f.Period)
		}
	}
	return out
}

// PeriodLabels joins the labels of periods: 2015年、“十二五”时期.
func PeriodLabels(ps []Period) string {
	labels := make([]string, len(ps))
	for i, p := range ps {
		labels[i] = p.Label()
	}
	return strings.Join(labels, "、")
}

// CommonLabel is the label of the period the figures share, or "" when their periods
// differ: a column of 2022年实绩 is headed so only when every row is of 2022.
func CommonLabel(figs []*Figure) string {
	label := ""
	for _, f := range figs {
		switch l := f.Period.Label(); {
		case label == "":
			label = l
		case l != label:
			return ""
		}
	}
	return label
}

// The calendar of a report: a report delivered in year y reviews year y−1 (or, after an
// election, the five years y−5 to y−1) and sets the targets of year y, whose results the
// report of year y+1 and the statistical bulletin of year y state.

// ReviewedYear is the year a report delivered in year y reviews.
func ReviewedYear(y int) int { return y - 1 }

// ResultsYear is the year whose results a text of year y states by default: the year
// before for a report, its own year for a statistical bulletin.
func ResultsYear(kind SourceKind, y int) int {
	if kind.IsBulletin() {
		return y
	}
	return ReviewedYear(y)
}

// FiveYearReview is the period a five-year review in a report of year y covers.
func FiveYearReview(y int) Period { return Period{From: y - 5, To: y - 1} }

// JudgedIn is the year of the report that states the results of year y's targets.
func JudgedIn(y int) int { return y + 1 }
