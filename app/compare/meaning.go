package compare

import (
	"fmt"
	"math/big"
	"strings"

	"workreport/app/indicator"
	"workreport/app/report"
)

// Qualitative targets are judged by meaning: what a statement of year N says satisfies a
// target's words when the table below says so, and in a clause that names the target's
// indicator. Anything the table does not settle stays 无法判定.

// Meaning is a line of the table: a target whose words hold one of Targets is met by a
// statement holding one of Statements.
type Meaning struct {
	Targets    []string
	Statements []string
}

// Meanings is the table of what satisfies what, shown in 判定规则.
var Meanings = []Meaning{
	{Targets: []string{"明显改善", "显著改善"}, Statements: []string{"明显改善", "显著改善"}},
	{Targets: []string{"进一步改善", "持续改善", "稳定改善", "不断改善", "继续改善", "稳中改善", "改善"},
		Statements: []string{"明显改善", "显著改善", "持续改善", "进一步改善", "稳定改善", "稳中改善", "不断改善", "总体改善", "有新改善", "持续好转", "明显好转"}},
	{Targets: []string{"保持基本稳定", "基本稳定", "保持稳定", "总体稳定"},
		Statements: []string{"趋于稳定", "保持基本稳定", "基本稳定", "保持稳定", "总体稳定"}},
	{Targets: []string{"基本平衡"}, Statements: []string{"基本平衡", "保持平衡", "总体平衡"}},
	{Targets: []string{"全部脱贫"}, Statements: []string{"全部脱贫", "全部实现脱贫"}},
	{Targets: []string{"全部摘帽"}, Statements: []string{"全部摘帽"}},
	{Targets: []string{"继续下降", "继续减少", "持续下降", "持续减少"}, Statements: []string{"继续下降", "继续减少", "持续下降", "持续减少"}},
}

// Targets settled by the sign of the year's growth (正增长, 稳步增长, 回稳向好) or of its
// decrease (能耗继续下降); the named pollutants whose stated decreases settle a target
// for the major pollutants; words no statement settles (提质: a quality no figure shows)
// and words only the report's own words settle (完成省下达的任务).
var (
	growthWords   = []string{"正增长", "稳步增长", "平稳增长", "稳定增长", "持续增长"}
	recoveryWords = []string{"回稳向好", "稳中向好", "向好"}
	pollutants    = []string{"二氧化硫排放量降幅", "氮氧化物排放量降幅", "化学需氧量排放量降幅", "氨氮排放量降幅"}
	qualityWords  = []string{"提质", "质升", "提效", "实质性进展"}
	taskWords     = []string{"下达", "省定", "目标任务", "有序有效防控", "有效防控", "重点控制"}
)

// AllRules are the verdict rules and the table of qualitative targets, as the app and
// the workbook show them under 判定规则.
func AllRules() []string { return append(append([]string{}, Rules...), MeaningRules()...) }

// MeaningRules describes the table and the rules beside it, for 判定规则.
func MeaningRules() []string {
	out := []string{}
	for _, m := range Meanings {
		out = append(out, fmt.Sprintf("目标“%s”：N+1 年报告（或统计公报）对该指标写明“%s”之一的为达成。",
			strings.Join(m.Targets, "”“"), strings.Join(m.Statements, "”“")))
	}
	out = append(out,
		fmt.Sprintf("目标“%s”：该指标当年增速为正的为达成，为零或负的为未达成。", strings.Join(growthWords, "”“")),
		fmt.Sprintf("目标“%s”：该指标当年增速为正的为达成；为负的不能说明是否回稳，为无法判定。", strings.Join(recoveryWords, "”“")),
		"主要污染物排放量“继续下降/减少”：写明主要污染物排放量继续下降，或写明二氧化硫、氮氧化物、化学需氧量、氨氮排放量下降的，为达成。",
		"降低类指标（如能耗）“继续下降”：当年降幅为正的为达成，为负（上升）的为未达成。",
		fmt.Sprintf("含“%s”的目标：数字不能说明质量，为无法判定。", strings.Join(qualityWords, "”“")),
		"“完成国家（省）下达的任务”“努力完成……目标任务”“有效防控”之类：只有 N+1 年报告点名该指标说已完成时为达成，否则无法判定。",
		"“争取更好结果”：同一指标的基本目标已达成、且实绩好于目标数值的，为达成；否则无法判定。",
	)
	return out
}

// qualitative judges a target without a number.
func qualitative(row *Row, p Pair, tol Tolerance, rows []Row, words Verdict, quote string) {
	t := row.Target
	year := row.Year
	phrase := t.Phrase
	undecided := func(why string) { row.Verdict, row.Note = Undecided, why }
	switch {
	case strings.Contains(phrase, "同步") || strings.Contains(phrase, "高于") && strings.Contains(t.Sentence, "经济"):
		inStep(row, p, tol)
		return
	case strings.Contains(phrase, "更好结果"):
		better(row, rows)
		return
	}
	if words != "" {
		row.Verdict, row.Quote = words, quote
		row.Note = fmt.Sprintf("%d 年报告原话：“%s”", p.NextYear(), quote)
		return
	}
	for _, w := range qualityWords {
		if strings.Contains(phrase, w) {
			undecided(fmt.Sprintf("目标含“%s”，数字和报告的说法都不能说明是否做到，不作判定", w))
			return
		}
	}
	for _, w := range taskWords {
		if strings.Contains(phrase, w) || strings.Contains(t.Indicator, w) {
			undecided(fmt.Sprintf("%d 年报告没有点名%s说已完成，不作判定", p.NextYear(), t.Indicator))
			return
		}
	}
	// A statement of the year that the table says satisfies the target.
	for _, m := range Meanings {
		if !hasAny(phrase, m.Targets) {
			continue
		}
		if s, said := statement(p, t, year, m.Statements); s != "" {
			row.Verdict, row.Quote, row.Stated = Met, s, said
			row.Note = fmt.Sprintf("写明“%s”，按判定规则满足目标“%s”", said, phrase)
			return
		}
		break // the first line of the table the target's words fall under decides
	}
	if strings.Contains(t.Indicator, "主要污染物") && hasAny(phrase, []string{"下降", "减少"}) {
		if pollutantsFell(row, p, year) {
			return
		}
	}
	if hasAny(phrase, growthWords) || hasAny(phrase, recoveryWords) {
		if bySign(row, p, tol, year, hasAny(phrase, growthWords) && !hasAny(phrase, recoveryWords)) {
			return
		}
	}
	if hasAny(phrase, []string{"下降", "减少"}) && report.IsDecrease(indicator.Key(t.Indicator)) {
		if byDecrease(row, p, year) {
			return
		}
	}
	undecided(fmt.Sprintf("定性目标，%d 年报告对 %d 年的回顾%s中没有写明能按判定规则满足“%s”的说法", p.NextYear(), year, bulletinOr(p), phrase))
}

func bulletinOr(p Pair) string {
	if p.Bulletin != nil {
		return "和统计公报"
	}
	return ""
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// statement finds, in the review of year N and then in the bulletin, a clause naming
// the target's indicator that says one of the words; it returns the sentence and the
// words said.
func statement(p Pair, t *report.Figure, year int, words []string) (string, string) {
	aliases := cleanNames(t.Indicator)
	for _, s := range yearSentences(p, year) {
		for _, c := range clauses(s) {
			if nameAtIn(nameNoise.Replace(c), aliases) < 0 {
				continue
			}
			for _, w := range words {
				if strings.Contains(c, w) && !negated(c, w) {
					return s, w
				}
			}
		}
	}
	return "", ""
}

// negated reports whether a clause says the words are not so: 未能基本平衡.
func negated(clause, w string) bool {
	i := strings.Index(clause, w)
	before := clause[:i]
	return strings.HasSuffix(before, "未") || strings.HasSuffix(before, "未能") || strings.HasSuffix(before, "没有") || strings.HasSuffix(before, "不")
}

// inStepName is the indicator of a target of income growing in step with the economy.
const inStepName = "居民收入增长与经济增长"

// inStep judges 同步, 基本同步 and 高于 (居民收入增长与经济增长同步): the growth of
// per-capita disposable income, real where stated, against economic growth.
func inStep(row *Row, p Pair, tol Tolerance) {
	year := row.Year
	phrase := row.Target.Phrase
	income, incNote := rateOf(p, "居民人均可支配收入增速", report.Real, year)
	gdp, gdpNote := rateOf(p, "国内生产总值增速", "", year)
	if income.fig == nil || gdp.fig == nil {
		row.Verdict = Undecided
		row.Note = fmt.Sprintf("%d 年报告%s中没有找到 %d 年居民人均可支配收入和经济的增速，不能比较", p.NextYear(), bulletinOr(p), year)
		return
	}
	row.Result, row.Source = income.fig, income.source
	d := new(big.Rat).Sub(rat(income.fig.Value), rat(gdp.fig.Value))
	gap := decimal(d, max(decimals(report.FormatNumber(income.fig.Value)), decimals(report.FormatNumber(gdp.fig.Value))))
	incomeName := "居民人均可支配收入增长"
	if income.fig.Basis == report.Real {
		incomeName = "居民人均可支配收入实际增长"
	}
	cmp := fmt.Sprintf("%s%s（%s），经济增长%s（%s）", incomeName, income.fig.Phrase, income.source, gdp.fig.Phrase, gdp.source)
	met, mostly := rat(tol.SyncMet), rat(tol.SyncMostly)
	var rule string
	switch {
	case strings.Contains(phrase, "高于"):
		row.Verdict = map[bool]Verdict{true: Met, false: Missed}[d.Sign() > 0]
		rule = "“高于”：收入增速须高于经济增速"
	case strings.Contains(phrase, "基本同步"):
		switch {
		case d.Cmp(new(big.Rat).Neg(met)) >= 0:
			row.Verdict = Met
		case d.Cmp(new(big.Rat).Neg(mostly)) >= 0:
			row.Verdict = MostlyMet
		default:
			row.Verdict = Missed
		}
		rule = fmt.Sprintf("“基本同步”：收入增速低于经济增速不超过 %s 个百分点为达成，不超过 %s 个百分点为基本达成", fmtNum(tol.SyncMet), fmtNum(tol.SyncMostly))
	default:
		row.Verdict = map[bool]Verdict{true: Met, false: Missed}[d.Sign() >= 0]
		rule = "“同步”：收入增速不低于经济增速为达成"
	}
	row.Gap = gap
	notes := []string{cmp, fmt.Sprintf("收入增速减经济增速为 %s 个百分点", gap), rule}
	for _, n := range []string{incNote, gdpNote} {
		if n != "" {
			notes = append(notes, n)
		}
	}
	row.Note = strings.Join(notes, "；")
}

// rateOf finds year N's rate of an indicator, of the basis to prefer, in report N+1 or
// the bulletin.
func rateOf(p Pair, name string, basis report.Basis, year int) (found, string) {
	f, note, clash := findResult(p, want{key: indicator.Key(name), measure: "增速", unit: "%", basis: basis}, year)
	if clash != nil {
		return found{}, ""
	}
	return f, note
}

// better judges 争取更好结果, the strive part of the target before it: met when that
// target was met by a result beyond its number.
func better(row *Row, rows []Row) {
	for i := len(rows) - 1; i >= 0; i-- {
		base := rows[i]
		if indicator.Key(base.Target.Indicator) != indicator.Key(row.Target.Indicator) || base.Target.Strive != "" {
			continue
		}
		row.Result, row.Source = base.Result, base.Source
		if base.Verdict == Met && base.Gap != "" && !strings.HasPrefix(base.Gap, "0") && !strings.HasPrefix(base.Gap, "-") {
			row.Verdict = Met
			row.Note = fmt.Sprintf("基本目标“%s”达成，实绩“%s”好于目标（差距 %s），按判定规则为争取到了更好结果", base.TargetText(), base.ResultText(), base.Gap)
			return
		}
		row.Verdict = Undecided
		row.Note = fmt.Sprintf("基本目标“%s”为%s，不能说明争取到了更好结果", base.TargetText(), base.Verdict)
		return
	}
	row.Verdict, row.Note = Undecided, "没有找到这一力争目标的基本目标"
}

// bySign judges a target of growth by the sign of the year's growth of its indicator;
// strict says a decline misses it (正增长) rather than leaving it open (回稳向好).
func bySign(row *Row, p Pair, tol Tolerance, year int, strict bool) bool {
	name := indicator.Key(row.Target.Indicator)
	if !strings.HasSuffix(name, "增速") {
		name += "增速"
	}
	if _, ok := indicator.Find(name); !ok {
		return false
	}
	f, note := rateOf(p, name, "", year)
	if f.fig == nil {
		return false
	}
	r := f.fig
	if lo, hi, q := interval(r, "%", tol); q != "" && (lo == nil || hi == nil || lo.Sign() != hi.Sign()) {
		return false
	}
	row.Result, row.Source = r, f.source
	notes := []string{}
	if note != "" {
		notes = append(notes, note)
	}
	switch {
	case r.Value > 0:
		row.Verdict = Met
		row.Note = strings.Join(append([]string{fmt.Sprintf("当年增速为正（%s），按判定规则满足“%s”", r.Phrase, row.Target.Phrase)}, notes...), "；")
	case strict:
		row.Verdict = Missed
		row.Note = strings.Join(append([]string{fmt.Sprintf("当年增速不为正（%s），不满足“%s”", r.Phrase, row.Target.Phrase)}, notes...), "；")
	default:
		row.Verdict = Undecided
		row.Note = fmt.Sprintf("当年增速不为正（%s），不能说明是否“%s”", r.Phrase, row.Target.Phrase)
	}
	return true
}

// byDecrease judges 继续下降 of a decrease indicator (能耗) by the year's decrease.
func byDecrease(row *Row, p Pair, year int) bool {
	f, note := rateOf2(p, indicator.Key(row.Target.Indicator), year)
	if f.fig == nil || f.fig.Bound != "" {
		return false
	}
	r := f.fig
	if adjusted(r) {
		return false
	}
	row.Result, row.Source = r, f.source
	if r.Value > 0 {
		row.Verdict = Met
		row.Note = fmt.Sprintf("当年降幅为 %s，按判定规则满足“%s”", r.Phrase, row.Target.Phrase)
	} else {
		row.Verdict = Missed
		row.Note = fmt.Sprintf("当年未下降（%s），不满足“%s”", r.Phrase, row.Target.Phrase)
	}
	if note != "" {
		row.Note += "；" + note
	}
	return true
}

func rateOf2(p Pair, key string, year int) (found, string) {
	f, note, clash := findResult(p, want{key: key, measure: "增速", unit: "%"}, year)
	if clash != nil {
		return found{}, ""
	}
	return f, note
}

// pollutantsFell judges a target for the major pollutants by the stated decreases of
// the named ones.
func pollutantsFell(row *Row, p Pair, year int) bool {
	var fell []*report.Figure
	source := ""
	for _, name := range pollutants {
		f, _ := rateOf2(p, indicator.Key(name), year)
		if f.fig == nil {
			continue
		}
		if f.fig.Value <= 0 {
			return false
		}
		fell, source = append(fell, f.fig), f.source
	}
	if len(fell) == 0 {
		return false
	}
	var said []string
	for _, f := range fell {
		said = append(said, f.Indicator+f.Phrase)
	}
	row.Verdict, row.Result, row.Source = Met, fell[0], source
	row.Note = fmt.Sprintf("写明%s，按判定规则满足“%s”", strings.Join(said, "、"), row.Target.Phrase)
	return true
}
