// Package compare answers the questions asked across reports: were year N's targets met,
// judged by the results year N+1's report states.
package compare

import (
	"fmt"
	"math/big"
	"strings"

	"workreport/app/indicator"
	"workreport/app/report"
	"workreport/app/zhtext"
)

// Verdict is the judgement of a target against its result.
type Verdict string

// The verdicts.
const (
	Met        Verdict = "达成"
	MostlyMet  Verdict = "基本达成"
	Missed     Verdict = "未达成"
	Undecided  Verdict = "无法判定"
	manualMark         = "人工判定"
)

// Verdicts lists the verdicts in the order of the rules.
var Verdicts = []Verdict{Met, MostlyMet, Missed, Undecided}

// Tolerance is how far short of a 左右 target a result may fall and still be 基本达成:
// Rate percentage points for rates, and Share of the target for amounts and counts.
type Tolerance struct {
	Rate  float64
	Share float64
}

// DefaultTolerance is 0.3 percentage points for rates and 3% of the target otherwise.
var DefaultTolerance = Tolerance{Rate: 0.3, Share: 0.03}

// Rules are the verdict rules as the app and the workbook show them.
var Rules = []string{
	"配对：同一地区相邻两年的报告；N 年报告的主要目标与 N+1 年报告中 N 年的实绩配对，要求指标相同（按同义词表）、口径相同、单位可换算（万亿元与亿元等），且实绩是一年的数据；五年合计、五年年均和“十四五”目标不与年度目标配对。",
	"基础不同（年末与全年平均、可比与名义等）时仍配对，但判定为无法判定；目标未写基础的照常判定，并在说明中写出实绩的基础。",
	"方向：越高越好的，实绩高于目标为好；越低越好的（如物价、失业率），低于目标为好；降低类目标（如能耗降低 X%）降得越多越好；安排类（无方向）不作判定。",
	"以上、超、不低于、达到或不带限定词的目标：实绩在有利一侧达到目标为达成，否则未达成。",
	"以内、以下、不超过、控制在：实绩不超过目标为达成，否则未达成。",
	"左右、约：实绩在目标或其有利一侧为达成；在不利一侧而差距在容差之内为基本达成，否则未达成。容差是一项设置（视图 › 判定容差…），默认比率为 0.3 个百分点，数量为目标的 3%，每项说明写出所用的容差。",
	"区间 a–b：实绩到达有利一侧的界限（越高越好时不低于 a）为达成，说明写出实绩在区间内还是超出区间；否则未达成。",
	"实绩带限定词（超过、近、左右……）时，是界限或估计：只在它足以定出判定时判定，否则无法判定，说明写出限定词。",
	"报告原话：N+1 年报告说某项目标“未能实现”或“超额完成”的，以原话为判定，说明引用原话。",
	"定性目标：“同步”“基本同步”比较居民收入增速与经济增速（“基本”按容差）；“基本平衡”“持续改善”等，只有 N+1 年报告写明同样情况时为达成并引用原文，否则无法判定。",
	"力争目标单列一行，指标后注“（力争）”。差距：按目标的单位，以十进制计算，好于目标为正；区间按说明中的界限；无法判定时为空。",
}

// Row is one target of year N and what became of it.
type Row struct {
	Year      int            // the target year N
	Indicator string         // the target's indicator; a 力争 target's ends in （力争）
	Target    *report.Figure // in report N
	Result    *report.Figure // in report N+1; nil when none was found
	Verdict   Verdict
	Gap       string // signed, in the target's unit, positive when better; "" when undecided
	Note      string // 说明: the rule applied, the tolerance, the basis, a quote
	Quote     string // the words of report N+1 the verdict rests on, if any
	Stated    string // for a qualitative target, the condition as report N+1 states it
	Manual    bool   // a person's verdict, with the note
}

// TargetText is the target as written, with its strive word: 力争7%以上.
func (r Row) TargetText() string { return r.Target.StriveText() }

// ResultText is the result as written, or "".
func (r Row) ResultText() string {
	if r.Result == nil {
		return r.Stated
	}
	return r.Result.Phrase
}

// ResultSentence is the result's sentence, or the quoted words, or "".
func (r Row) ResultSentence() string {
	if r.Result != nil {
		return r.Result.Sentence
	}
	return r.Quote
}

// VerdictText is the verdict as shown, with 人工判定 for a person's.
func (r Row) VerdictText() string {
	if r.Manual {
		return string(r.Verdict) + "（" + manualMark + "）"
	}
	return string(r.Verdict)
}

// Judge pairs the main targets of report prev (year N) with the results of report next
// (year N+1) and judges each. next must be the following year's report of the same place.
func Judge(prev, next *report.Report, tol Tolerance) []Row {
	var rows []Row
	for _, t := range prev.Figures() {
		if !t.IsMainTarget() {
			continue
		}
		row := Row{Year: prev.Year, Indicator: t.Indicator, Target: t}
		if t.Strive != "" {
			row.Indicator += "（力争）"
		}
		judge(&row, next, tol)
		unconfirmed(&row)
		override(&row, next)
		rows = append(rows, row)
	}
	return rows
}

func judge(row *Row, next *report.Report, tol Tolerance) {
	t := row.Target
	year := row.Year
	undecided := func(why string) {
		row.Verdict, row.Gap, row.Note = Undecided, "", why
	}
	if !t.Period.IsZero() && !t.Period.IsYear() {
		undecided(fmt.Sprintf("这是%s的目标，不与 %d 年一年的实绩对比", t.Period.Label(), year))
		return
	}
	// The report's own words settle it, with or without a number.
	if verdict, quote := ownWords(next, t, year); verdict != "" {
		row.Verdict, row.Quote = verdict, quote
		row.Note = fmt.Sprintf("%d 年报告原话：“%s”", next.Year, quote)
		if r := findResult(next, t, year); r != nil {
			row.Result = r
			if gap, _, ok := gapOf(t, r); ok {
				row.Gap = gap
			}
		}
		return
	}
	if t.Nature == report.Qualitative {
		qualitative(row, next, tol)
		return
	}
	if t.Direction == report.NoDirection {
		undecided("安排类，不作判定")
		return
	}
	r := findResult(next, t, year)
	if r == nil {
		undecided(fmt.Sprintf("%d 年报告中没有找到 %d 年%s的实绩", next.Year, year, t.Indicator))
		return
	}
	row.Result = r
	var notes []string
	if r.Basis != t.Basis {
		if t.Basis != "" {
			undecided(fmt.Sprintf("计算基础不同：目标为%s，实绩为%s，不能比较", basisName(t.Basis), basisName(r.Basis)))
			return
		}
		notes = append(notes, "实绩的计算基础为"+basisName(r.Basis)+"，目标未写明")
	}
	gap, bound, ok := gapOf(t, r)
	if !ok {
		undecided(fmt.Sprintf("单位不同（目标为“%s”，实绩为“%s”），不能换算", t.Unit, r.Unit))
		return
	}
	v, why := decide(t, r, tol)
	if v == Undecided {
		undecided(why)
		return
	}
	row.Verdict, row.Gap = v, gap
	if bound != "" {
		notes = append([]string{bound}, notes...)
	}
	row.Note = strings.Join(append([]string{why}, notes...), "；")
}

func basisName(b report.Basis) string {
	if b == "" {
		return "未注明"
	}
	return string(b)
}

// findResult finds the year-N result of the target's indicator in report N+1: same
// indicator, same measure, one year; the review's first, and the one of the same basis.
func findResult(next *report.Report, t *report.Figure, year int) *report.Figure {
	name := indicator.Key(t.Indicator)
	var best *report.Figure
	score := -1
	for _, f := range next.Figures() {
		if f.Nature != report.Result || !f.HasValue || f.Measure != t.Measure || indicator.Key(f.Indicator) != name {
			continue
		}
		if f.Period != report.Year(year) {
			continue
		}
		if _, ok := convert(f.Unit, t.Unit); !ok {
			continue
		}
		s := 0
		if f.Role == report.RoleReview {
			s += 2
		}
		if f.Basis == t.Basis {
			s++
		}
		if s > score {
			best, score = f, s
		}
	}
	return best
}

// interval is what a result says of the value: exactly v, at least lo, at most hi, by
// the sense of its qualifier (see zhtext.Qualifiers). A qualifier the vocabulary does not
// know says nothing certain.
func interval(r *report.Figure, tol Tolerance) (lo, hi float64, qualifier string) {
	v := r.Value
	b := zhtext.LastQualifier(r.Bound)
	sense, known := zhtext.SenseOf(r.Bound)
	switch {
	case !known:
		return -inf, inf, b
	case sense == zhtext.Exact:
		return v, v, ""
	case sense == zhtext.AtLeast:
		return v, inf, b
	case sense == zhtext.AtMost:
		return -inf, v, b
	case sense == zhtext.About:
		d := tolOf(r, tol)
		return v - d, v + d, b
	}
	return -inf, inf, b
}

var inf = 1e300

// tolOf is the tolerance around a figure's value.
func tolOf(f *report.Figure, tol Tolerance) float64 {
	if isRate(f) {
		return tol.Rate
	}
	return tol.Share * f.Value
}

func isRate(f *report.Figure) bool {
	return f.Unit == "%" || f.Unit == "个百分点" || f.Measure == "增速" || f.Measure == "比率" || f.Measure == "占比"
}

// decide judges a numeric target against a result, both in the target's unit.
func decide(t, r *report.Figure, tol Tolerance) (Verdict, string) {
	factor, _ := convert(r.Unit, t.Unit)
	f, _ := factor.Float64()
	lo, hi, q := interval(r, tol)
	if lo > -inf {
		lo *= f
	}
	if hi < inf {
		hi *= f
	}
	at := func(x float64) (Verdict, string) { return decideAt(t, x, tol) }
	vLo, why := at(lo)
	vHi, whyHi := at(hi)
	if q == "" {
		return vLo, why
	}
	if vLo != vHi {
		return Undecided, fmt.Sprintf("实绩为“%s”（%s），不足以判定", r.Phrase, q)
	}
	if t.Direction == report.Lower {
		why = whyHi
	}
	return vLo, why + fmt.Sprintf("；实绩带限定词“%s”，按其界限判定", q)
}

// decideAt judges a target against an exact result x in the target's unit.
func decideAt(t *report.Figure, x float64, tol Tolerance) (Verdict, string) {
	higher := t.Direction != report.Lower
	sense, _ := zhtext.SenseOf(t.Bound)
	better := func(a, b float64) bool { // a at or beyond b on the favourable side
		if higher {
			return a >= b-1e-9
		}
		return a <= b+1e-9
	}
	tv := t.Value
	switch {
	case t.IsRange:
		lo, hi := t.Value, t.Upper
		fav := lo
		if !higher {
			fav = hi
		}
		where := "在区间内"
		if x > hi+1e-9 || x < lo-1e-9 {
			where = "超出区间"
		}
		if better(x, fav) {
			return Met, fmt.Sprintf("区间目标，实绩%s，按%s计差距", where, report.FormatNumber(fav))
		}
		return Missed, fmt.Sprintf("区间目标，实绩未到%s，按%s计差距", report.FormatNumber(fav), report.FormatNumber(fav))
	case zhtext.IsCeiling(t.Bound):
		if x <= tv+1e-9 {
			return Met, "上限目标，实绩不超过目标"
		}
		return Missed, "上限目标，实绩超过目标"
	case sense == zhtext.About:
		d := tolOf(t, tol)
		tolText := fmt.Sprintf("容差 %s 个百分点", report.FormatNumber(tol.Rate))
		if !isRate(t) {
			tolText = fmt.Sprintf("容差为目标的 %s%%", report.FormatNumber(tol.Share*100))
		}
		if better(x, tv) {
			return Met, "“左右”目标，实绩在目标或其有利一侧（" + tolText + "）"
		}
		if higher && x >= tv-d-1e-9 || !higher && x <= tv+d+1e-9 {
			return MostlyMet, "“左右”目标，实绩在不利一侧但在容差之内（" + tolText + "）"
		}
		return Missed, "“左右”目标，实绩在不利一侧且超出容差（" + tolText + "）"
	default:
		if better(x, tv) {
			return Met, "实绩在有利一侧达到目标"
		}
		return Missed, "实绩未达到目标"
	}
}

// gapOf is the signed difference between result and target in the target's unit,
// positive when better, in decimal: 8.1 − 6 is 2.1. For a range it is against the
// favourable bound. It also names the bound for a range.
func gapOf(t, r *report.Figure) (string, string, bool) {
	factor, ok := convert(r.Unit, t.Unit)
	if !ok {
		return "", "", false
	}
	res, ok1 := new(big.Rat).SetString(report.FormatNumber(r.Value))
	tv := t.Value
	bound := ""
	if t.IsRange {
		if t.Direction == report.Lower {
			tv = t.Upper
		}
		bound = fmt.Sprintf("差距按区间的%s %s 计", map[bool]string{true: "上限", false: "下限"}[t.Direction == report.Lower], report.FormatNumber(tv))
	}
	tgt, ok2 := new(big.Rat).SetString(report.FormatNumber(tv))
	if !ok1 || !ok2 {
		return "", "", false
	}
	res.Mul(res, factor)
	d := new(big.Rat).Sub(res, tgt)
	if t.Direction == report.Lower {
		d.Neg(d)
	}
	return decimal(d, max(decimals(report.FormatNumber(r.Value))+exponent(factor), decimals(report.FormatNumber(tv)))), bound, true
}

// decimals counts the digits after the point.
func decimals(s string) int {
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

// exponent is how many decimal places a conversion factor adds: 1/10000 adds 4.
func exponent(f *big.Rat) int {
	n := 0
	for d := new(big.Int).Set(f.Denom()); d.Cmp(big.NewInt(1)) > 0; d.Quo(d, big.NewInt(10)) {
		n++
	}
	return n
}

// decimal prints an exact number with at most places decimals and no trailing zeros.
func decimal(r *big.Rat, places int) string {
	s := r.FloatString(places)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	if !strings.HasPrefix(s, "-") && s != "0" {
		s = "+" + s
	}
	return s
}

// bigDiff is the decimal difference of two figures in the same unit.
type bigDiff struct{}

func (bigDiff) of(a, b *report.Figure) string {
	x, _ := new(big.Rat).SetString(report.FormatNumber(a.Value))
	y, _ := new(big.Rat).SetString(report.FormatNumber(b.Value))
	return decimal(new(big.Rat).Sub(x, y), max(decimals(report.FormatNumber(a.Value)), decimals(report.FormatNumber(b.Value))))
}

// override puts a person's verdict, kept with report N+1, in place of the software's,
// naming both.
func override(row *Row, next *report.Report) {
	for _, o := range next.Overrides {
		if o.Year != row.Year || o.Indicator != row.Indicator || o.Target != row.TargetText() {
			continue
		}
		software := row.Verdict
		row.Verdict, row.Manual = Verdict(o.Verdict), true
		row.Note = fmt.Sprintf("人工判定：%s（软件判定为%s：%s）", o.Note, software, row.Note)
		if row.Verdict == Undecided {
			row.Gap = ""
		}
		return
	}
}

// unconfirmed says in the note when the verdict rests on a figure no person has
// confirmed yet: what the software read is a guess until then.
func unconfirmed(row *Row) {
	var which []string
	if !row.Target.Confirmed() {
		which = append(which, "目标")
	}
	if row.Result != nil && !row.Result.Confirmed() {
		which = append(which, "实绩")
	}
	if len(which) > 0 {
		row.Note += "；" + strings.Join(which, "和") + "由软件识别，尚未审核"
	}
}
