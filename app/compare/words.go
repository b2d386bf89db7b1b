package compare

import (
	"fmt"
	"regexp"
	"strings"

	"workreport/app/indicator"
	"workreport/app/report"
)

// What the next year's report says in words.

// missedWords and metWords are what a report says of a target it did not reach, or
// reached: in a clause that names the target's indicator, before them.
var (
	missedWords = []string{"目标未能实现", "未能实现", "未能完成", "没有完成", "未完成", "没有实现", "未实现", "未达到预期", "低于预期目标"}
	metWords    = []string{"超额完成", "提前完成", "胜利完成", "圆满完成", "全面完成", "顺利完成", "超过全年预期目标", "超过预期目标",
		"完成全年预期目标", "完成预期目标", "实现预期目标", "达到预期目标", "完成年度目标", "完成全年目标"}
)

// blanket is a statement of the year's main targets as a whole: 全年主要目标任务圆满完成.
// It is shown as context, never the verdict of a single target.
var blanket = regexp.MustCompile(`(?:主要|各项)(?:预期)?目标任务[^，。；]{0,8}(?:完成|实现)|完成了?全年(?:经济社会发展)?主要(?:预期)?目标任务`)

// reviewSentences are the sentences of report N+1 that review year N: those of its
// sections whose role is 回顾 and whose period is that one year. A five-year review
// does not speak of one year.
func reviewSentences(r *report.Report, year int) []string {
	if r == nil {
		return nil
	}
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

// allSentences are every sentence of a report.
func allSentences(r *report.Report) []string {
	if r == nil {
		return nil
	}
	var out []string
	r.WalkSections(func(sec *report.Section) {
		for _, item := range sec.Items {
			out = append(out, split(item)...)
		}
	})
	return out
}

// yearSentences are the sentences that speak of year N: report N+1's review of it, then
// the bulletin's.
func yearSentences(p Pair, year int) []string {
	return append(reviewSentences(p.Next, year), allSentences(p.Bulletin)...)
}

// split parts a paragraph into sentences, each ending with its punctuation.
func split(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i, c := range rs {
		if strings.ContainsRune("。！？；\n", c) {
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

// clauses parts a sentence into its clauses: at its punctuation, and at the spaces a
// newspaper's graphic sets between clauses instead (增长0.2% 市人大代表票选的十件民生实事
// 全面完成).
func clauses(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("，；：,;:。！？ \u3000", r) })
}

// targetWords are the words by which a clause speaks of the target itself, without a
// subject of its own: 预期增长目标未能实现.
var targetWords = strings.NewReplacer("预期", "", "增长", "", "目标", "", "年度", "", "全年", "", "任务", "", "各项", "", "的", "", "均", "", "都", "", "也", "", "已", "", "已经", "")

// quotes and the words a report puts inside a name (“十三五”规划主要目标任务) do not
// keep it from naming the indicator.
var nameNoise = strings.NewReplacer("“", "", "”", "", "\"", "", "主要", "")

// names are the words by which a clause may name an indicator: its names and aliases,
// those of what a rate of change measures, and each of them without the word for what
// is said of it (农村贫困人口 of 农村贫困人口减少, 贫困县 of 贫困县摘帽).
func names(name string) []string {
	out := indicator.Mentions(name)
	for _, n := range append([]string{}, out...) {
		for _, w := range []string{"减少", "摘帽", "脱贫"} {
			if base, ok := strings.CutSuffix(n, w); ok && len([]rune(base)) >= 2 {
				out = append(out, base)
			}
		}
	}
	return out
}

// cleanNames are names(name) without their noise, as clauses are compared.
func cleanNames(name string) []string {
	ns := names(name)
	for i, n := range ns {
		ns[i] = nameNoise.Replace(n)
	}
	return ns
}

// isBlanket reports whether a sentence is a statement of the year's main targets as a
// whole.
func isBlanket(s string) bool {
	return strings.Contains(s, "目标任务") && blanket.MatchString(s)
}

// ownWords finds what report N+1 says of the target in so many words, in a clause that
// names its indicator before the words: a target 未能实现, or 超额完成, 完成预期目标. A
// target of a plan's span is looked for in the whole report. It returns the verdict
// and the sentence, or "".
func ownWords(next *report.Report, t *report.Figure, year int) (Verdict, string) {
	sentences := reviewSentences(next, year)
	if report.PlanName.MatchString(t.Indicator) {
		sentences = allSentences(next)
	}
	plan := report.PlanName.MatchString(t.Indicator)
	aliases := cleanNames(t.Indicator)
	for _, s := range sentences {
		if !plan && isBlanket(s) {
			continue
		}
		cs := clauses(s)
		for i, c := range cs {
			// 超额完成国家下达的粮食播种面积和总产量任务 speaks of a task set from above,
			// not of this target, unless the target is that task.
			if strings.Contains(c, "下达") && !strings.Contains(t.Phrase+t.Indicator, "下达") {
				continue
			}
			// The clause of the words names the indicator before them, or the clause
			// just before it does: 进出口总额出现下降，预期增长目标未能实现.
			// Words in the clause after the one naming the indicator are the target's only
			// where nothing else is their subject: 预期增长目标未能实现, not
			// 十件民生实事全面完成.
			rest, after := "", false
			clean := nameNoise.Replace(c)
			if at := nameAtIn(clean, aliases); at >= 0 {
				rest = clean[at:]
			} else if i > 0 && nameAtIn(nameNoise.Replace(cs[i-1]), aliases) >= 0 && !namesAnother(c) {
				rest, after = clean, true
			} else {
				continue
			}
			said := func(words []string) bool {
				for _, w := range words {
					if k := strings.Index(rest, w); k >= 0 && (!after || targetWords.Replace(rest[:k]) == "") {
						return true
					}
				}
				return false
			}
			if said(missedWords) {
				return Missed, s
			}
			if said(metWords) {
				return Met, s
			}
		}
	}
	return "", ""
}

// namesAnother reports whether a clause names an indicator of the dictionary of its
// own: then its words are that indicator's.
func namesAnother(c string) bool {
	_, _, ok := indicator.LastMention(c)
	return ok
}

// nameAtIn is where a clause, without its noise, first names the indicator by one of
// its names without theirs, or −1.
func nameAtIn(c string, aliases []string) int {
	at := -1
	for _, a := range aliases {
		if k := strings.Index(c, a); k >= 0 && (at < 0 || k < at) {
			at = k
		}
	}
	return at
}

// candidate is the sentence that comes closest to stating the target's result, for a
// person to settle an undecided verdict: one naming the indicator in the review of year
// N, else in the bulletin.
func candidate(p Pair, t *report.Figure, year int) string {
	aliases := cleanNames(t.Indicator)
	for _, s := range yearSentences(p, year) {
		for _, c := range clauses(s) {
			if nameAtIn(nameNoise.Replace(c), aliases) >= 0 {
				return s
			}
		}
	}
	return ""
}

// Blanket is what report N+1 says of the year's main targets as a whole, quoted as
// context on the page: 全年主要目标任务圆满完成. It never decides a single target.
func Blanket(p Pair) string {
	for _, s := range reviewSentences(p.Next, p.Year()) {
		if isBlanket(s) {
			return s
		}
	}
	if p.Next != nil {
		for _, s := range allSentences(p.Next) {
			if isBlanket(s) && strings.Contains(s, fmt.Sprint(p.Year())) {
				return s
			}
		}
	}
	return ""
}

func fmtNum(v float64) string { return report.FormatNumber(v) }
