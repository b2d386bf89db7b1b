package compare

import (
	"fmt"
	"strings"

	"workreport/app/indicator"
	"workreport/app/report"
)

// What the next year's report says in words.

// missedWords and metWords are what a report says of a target it did not reach, or
// went beyond.
var (
	missedWords = []string{"目标未能实现", "未能实现", "未能完成", "没有完成", "未完成", "没有实现", "未实现"}
	metWords    = []string{"超额完成", "提前完成"}
)

// reviewSentences are the sentences of report N+1 that review year N: those of its
// sections whose role is 回顾 and whose period is that one year. A five-year review
// does not speak of one year.
func reviewSentences(r *report.Report, year int) []string {
	var out []string
	r.WalkSections(func(sec *report.Section) {
		if sec.Role != report.RoleReview || sec.Period != report.Year(year) {
			return
		}
		for _, item := range sec.Items {
			out = append(out, split(item)...)
		}
	})
	return out
}

// split parts a paragraph into sentences, each ending with its punctuation.
func split(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i, c := range rs {
		if strings.ContainsRune("。！？；", c) {
			if s := strings.TrimSpace(string(rs[start : i+1])); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

// mentions reports whether a sentence names the indicator, by any of its names.
func mentions(s, name string) bool {
	for _, a := range indicator.Mentions(name) {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

// ownWords finds what report N+1 says of the target in so many words: a target 未能实现
// or 超额完成. It returns the verdict and the words, or "".
func ownWords(next *report.Report, t *report.Figure, year int) (Verdict, string) {
	for _, s := range reviewSentences(next, year) {
		if !mentions(s, t.Indicator) {
			continue
		}
		for _, w := range missedWords {
			if strings.Contains(s, w) {
				return Missed, s
			}
		}
		for _, w := range metWords {
			if strings.Contains(s, w) {
				return Met, s
			}
		}
	}
	return "", ""
}

// qualitative judges a target without a number: 同步 compares income growth with GDP
// growth; any other is met only where report N+1 states the same condition.
func qualitative(row *Row, next *report.Report, tol Tolerance) {
	t := row.Target
	year := row.Year
	if strings.Contains(t.Phrase, "同步") {
		income := findByName(next, "居民人均可支配收入增速", year)
		gdp := findByName(next, "国内生产总值增速", year)
		if income == nil || gdp == nil {
			row.Verdict, row.Note = Undecided, fmt.Sprintf("%d 年报告中没有找到 %d 年居民收入和经济的增速，不能比较是否同步", next.Year, year)
			return
		}
		row.Result = income
		d := income.Value - gdp.Value
		gap := new(bigDiff).of(income, gdp)
		cmp := fmt.Sprintf("居民人均可支配收入增长%s，国内生产总值增长%s", income.Phrase, gdp.Phrase)
		basic := strings.Contains(t.Phrase, "基本")
		switch {
		case d >= -1e-9:
			row.Verdict = Met
		case d >= -tol.Rate-1e-9 && basic:
			row.Verdict = Met
		case d >= -tol.Rate-1e-9:
			row.Verdict = MostlyMet
		default:
			row.Verdict = Missed
		}
		row.Gap = gap
		row.Note = fmt.Sprintf("%s；收入增速减经济增速为 %s 个百分点（“基本”容差 %s 个百分点）", cmp, gap, fmtNum(tol.Rate))
		return
	}
	for _, s := range reviewSentences(next, year) {
		if mentions(s, t.Indicator) && strings.Contains(s, t.Phrase) {
			row.Verdict, row.Quote, row.Stated = Met, s, t.Phrase
			row.Note = fmt.Sprintf("%d 年报告写明：“%s”", next.Year, s)
			return
		}
	}
	row.Verdict = Undecided
	row.Note = fmt.Sprintf("定性目标，%d 年报告对 %d 年的回顾中没有写明“%s%s”", next.Year, year, t.Indicator, t.Phrase)
}

// findByName finds a one-year result of an indicator by its dictionary name.
func findByName(next *report.Report, name string, year int) *report.Figure {
	want := indicator.Key(name)
	for _, f := range next.Figures() {
		if f.Nature == report.Result && f.HasValue && indicator.Key(f.Indicator) == want && f.Period == report.Year(year) && f.Bound == "" {
			return f
		}
	}
	return nil
}

func fmtNum(v float64) string { return report.FormatNumber(v) }
