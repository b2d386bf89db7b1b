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
// Rate percentage points for rates, and Share of the target for amounts and counts; and
// how far income growth may fall short of economic growth for a 基本同步 target to be
// 达成 (SyncMet) or 基本达成 (SyncMostly), in percentage points. Every margin includes
// its bound.
type Tolerance struct {
	Rate       float64
	Share      float64
	SyncMet    float64
	SyncMostly float64
}

// DefaultTolerance is 0.3 percentage points for rates, 3% of the target otherwise, and
// 0.5 and 1.0 points for 基本同步.
var DefaultTolerance = Tolerance{Rate: 0.3, Share: 0.03, SyncMet: 0.5, SyncMostly: 1.0}

// Rules are the verdict rules as the app and the workbook show them.
var Rules = []string{
	"配对：同一地区 N 年报告的主要目标，与 N+1 年报告中 N 年的实绩配对；N+1 年报告没有给出的，取 N 年统计公报的数字，说明中写明来源。实绩须与目标指标相同（按指标词典）、口径相同（增速对增速，总量对总量）、单位可换算（万亿元与亿元，万吨与万亿斤：1 吨 = 2000 斤），且是 N 年一年的数据；五年合计、五年年均、季度和“十四五”目标不与年度目标配对。",
	"报告与统计公报：两处都有而数字不同时，判定报告的数字，说明中写出公报的数字；但报告给的是预计数（一月份的报告常见“预计”）时，以统计公报的最终数字为准，说明中两者都写。同一来源对同一指标给出两个不同数字时，不作判定，说明中引用两处。",
	"基础不同（年末与全年平均、可比与名义等）时，目标写明基础的不作判定；目标未写基础的照常判定，并在说明中写出实绩的基础。",
	"方向：越高越好的，实绩高于目标为好；越低越好的（如物价、失业率），低于目标为好；降低类目标（如能耗降低 X%）降得越多越好；安排类（无方向）不作判定。",
	"以上、超、不低于、达到或不带限定词的目标：实绩在有利一侧达到目标为达成，否则未达成。",
	"以内、以下、不超过、控制在：实绩不超过目标为达成，否则未达成。",
	"左右、约：实绩在目标或其有利一侧为达成；在不利一侧而差距在容差之内（含容差本身）为基本达成，否则未达成。容差是一项设置（视图 › 判定容差…），默认比率为 0.3 个百分点，数量为目标的 3%，每项说明写出所用的容差。",
	"区间 a–b：实绩到达有利一侧的界限（越高越好时不低于 a）为达成，说明写出实绩在区间内还是超出区间；否则未达成。",
	"实绩带限定词（超过、近、左右……）时，是界限或估计：只在它足以定出判定时判定，否则无法判定，说明写出限定词。",
	"报告原话：N+1 年报告在点名该项指标的分句中说“未能实现”“超额完成”“完成（实现）预期目标”的，以原话为判定并引用；原话与数字的判定不一致时，不作判定，两者都引用。“全年主要目标任务圆满完成”之类的总括说法只在页面上作为背景引用，不作为任何一项的判定。",
	"同步：居民人均可支配收入增速（写明实际增长的用实际增长）不低于经济增速为达成，否则未达成。基本同步：低于经济增速不超过 0.5 个百分点为达成，不超过 1.0 个百分点为基本达成，否则未达成；两个幅度是设置，说明中写出。高于、略高于：收入增速高于经济增速为达成。",
	"其他定性目标按含义判定，依据下表；表中不能判定的为无法判定，说明中给出最接近的候选句子，可用“人工判定”一步改判。",
	"力争目标单列一行，指标后注“（力争）”。差距：按目标的单位，以十进制计算，有利一侧为正；越低越好的目标注明“低于上限”“高于目标”等；区间按说明中的界限；无法判定时为空。",
}

// Row is one target of year N and what became of it.
type Row struct {
	Year      int            // the target year N
	Indicator string         // the target's indicator; a 力争 target's ends in （力争）
	Target    *report.Figure // in report N
	Result    *report.Figure // in report N+1 or the bulletin of year N; nil when none was found
	Source    string         // where the result comes from: 报告 or 统计公报; "" for none
	Verdict   Verdict
	Gap       string // signed, in the target's unit, positive when better; "" when undecided
	Note      string // 说明: the rule applied, the tolerance, the basis, a quote
	Quote     string // the words the verdict rests on, if any
	Stated    string // for a qualitative target, the condition as stated
	Candidate string // for 无法判定, the sentence that came closest, for a person to settle
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

// ResultSentence is the result's sentence, or the quoted words, or the candidate
// sentence of an undecided row, or "".
func (r Row) ResultSentence() string {
	switch {
	case r.Result != nil:
		return r.Result.Sentence
	case r.Quote != "":
		return r.Quote
	}
	return r.Candidate
}

// VerdictText is the verdict as shown, with 人工判定 for a person's.
func (r Row) VerdictText() string {
	if r.Manual {
		return string(r.Verdict) + "（" + manualMark + "）"
	}
	return string(r.Verdict)
}

// Judge judges the main targets of a pair's report of year N against the results of
// year N that report N+1 or the statistical bulletin of year N states.
func Judge(p Pair, tol Tolerance) []Row {
	var rows []Row
	for _, t := range p.Prev.Figures() {
		if !t.IsMainTarget() || restated(t, rows) || !t.Period.IsZero() && !t.Period.IsYear() {
			continue // a span's goals (“十四五”时期的主要目标) are not the year's targets
		}
		row := Row{Year: p.Year(), Indicator: t.Indicator, Target: t}
		if t.Strive != "" {
			row.Indicator += "（力争）"
		}
		judge(&row, p, tol, rows)
		if row.Verdict == Undecided {
			row.Gap = ""
			if row.Candidate == "" {
				row.Candidate = candidate(p, t, p.Year())
			}
			if row.Candidate != "" && row.Result == nil && row.Quote == "" {
				row.Note += "；候选：“" + row.Candidate + "”"
			}
		}
		unconfirmed(&row)
		if holder := p.Next; holder != nil || p.Bulletin != nil {
			if holder == nil {
				holder = p.Bulletin
			}
			override(&row, holder)
		}
		rows = append(rows, row)
	}
	return rows
}

// restated reports whether a target restates one judged before: 经济增长预期目标为5%左右
// after 国内生产总值增长5%左右.
func restated(t *report.Figure, rows []Row) bool {
	for _, r := range rows {
		o := r.Target
		if indicator.Key(o.Indicator) == indicator.Key(t.Indicator) && o.Phrase == t.Phrase && o.Strive == t.Strive && o.Value == t.Value && o.Unit == t.Unit {
			return true
		}
	}
	return false
}

// judge judges one target; rows are the targets judged before it, of which a strive
// part without a number (争取更好结果) takes its base.
func judge(row *Row, p Pair, tol Tolerance, rows []Row) {
	t := row.Target
	year := row.Year
	undecided := func(why string) {
		row.Verdict, row.Gap, row.Note = Undecided, "", why
	}
	if !t.Period.IsZero() && !t.Period.IsYear() {
		undecided(fmt.Sprintf("这是%s的目标，不与 %d 年一年的实绩对比", t.Period.Label(), year))
		return
	}
	words, quote := ownWords(p.Next, t, year)
	if t.Nature == report.Qualitative {
		qualitative(row, p, tol, rows, words, quote)
		return
	}
	if t.Direction == report.NoDirection {
		undecided("安排类，不作判定")
		return
	}
	f, srcNote, clash := findResult(p, wantOf(t), year)
	if clash != nil {
		undecided(fmt.Sprintf("同一来源对 %d 年%s给出两个不同的数字：“%s”与“%s”，不作判定", year, t.Indicator, clash[0].Sentence, clash[1].Sentence))
		row.Candidate = clash[0].Sentence
		return
	}
	if f.fig == nil {
		if words != "" {
			row.Verdict, row.Quote = words, quote
			row.Note = fmt.Sprintf("%d 年报告原话：“%s”", p.NextYear(), quote)
			return
		}
		undecided(fmt.Sprintf("%d 年报告中没有找到 %d 年%s的实绩%s", p.NextYear(), year, t.Indicator, bulletinSaid(p)))
		return
	}
	r := f.fig
	row.Result, row.Source = r, f.source
	var notes []string
	if r.Basis != t.Basis {
		if t.Basis != "" {
			undecided(fmt.Sprintf("计算基础不同：目标为%s，实绩为%s，不能比较", basisName(t.Basis), basisName(r.Basis)))
			return
		}
		notes = append(notes, "实绩的计算基础为"+basisName(r.Basis)+"，目标未写明")
	}
	if adjusted(r) && !adjusted(t) {
		undecided(fmt.Sprintf("实绩是调整后的口径（“%s”），与目标的口径不同，不能比较", clauseOf(r.Sentence, r.Phrase)))
		return
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
	if words != "" && words != v && !(words == Met && v == MostlyMet) {
		undecided(fmt.Sprintf("数字的判定为%s（实绩“%s”），而 %d 年报告原话为“%s”，两者不一致，不作判定", v, r.Phrase, p.NextYear(), quote))
		return
	}
	row.Verdict, row.Gap = v, gap
	if bound != "" {
		notes = append([]string{bound}, notes...)
	}
	if f.source == FromBulletin {
		notes = append(notes, fmt.Sprintf("实绩取自 %d 年统计公报", year))
	}
	if srcNote != "" && f.source != FromBulletin {
		notes = append(notes, srcNote)
	} else if srcNote != "" && !strings.Contains(srcNote, "取自统计公报") {
		notes = append(notes, srcNote)
	}
	if conv := conversion(r.Unit, t.Unit); conv != "" {
		notes = append(notes, conv)
	}
	if words != "" {
		notes = append(notes, fmt.Sprintf("%d 年报告原话：“%s”", p.NextYear(), quote))
	}
	row.Note = strings.Join(append([]string{why}, notes...), "；")
}

// bulletinSaid completes the note of a result found nowhere: whether a bulletin was
// looked at.
func bulletinSaid(p Pair) string {
	if p.Bulletin != nil {
		return fmt.Sprintf("，%d 年统计公报中也没有", p.Year())
	}
	return ""
}

// adjusted reports whether a figure is stated on an adjusted basis the text names:
// 剔除退税等因素, 扣除原料用能和非化石能源消费量后. Real growth (扣除价格因素) is a basis
// of its own.
func adjusted(f *report.Figure) bool {
	s := clauseOf(f.Sentence, f.Phrase) // 同口径增长7.03%（剔除退税等因素影响）
	if k, _, ok := f.PhraseAt(); ok {
		s += f.Sentence[:k] // 扣除原料用能和非化石能源消费量后，……下降0.5%
	}
	s = strings.ReplaceAll(s, "扣除价格因素", "")
	return strings.Contains(s, "剔除") || strings.Contains(s, "扣除")
}

func basisName(b report.Basis) string {
	if b == "" {
		return "未注明"
	}
	return string(b)
}

// rat is a printed number, exactly.
func rat(v float64) *big.Rat {
	r, ok := new(big.Rat).SetString(report.FormatNumber(v))
	if !ok {
		return new(big.Rat)
	}
	return r
}

// end is one end of what a result says of a value: a number, or no bound at all on
// that side (nil).
type end = *big.Rat

// interval is what a result says of the value, in the target's unit: exactly v, at
// least lo, at most hi, by the sense of its qualifier (see zhtext.Qualifiers). A
// qualifier the vocabulary does not know says nothing certain.
func interval(r *report.Figure, unit string, tol Tolerance) (lo, hi end, qualifier string) {
	v, _ := valueIn(r, unit)
	b := zhtext.LastQualifier(r.Bound)
	sense, known := zhtext.SenseOf(r.Bound)
	switch {
	case !known:
		return nil, nil, b
	case sense == zhtext.Exact:
		return v, v, ""
	case sense == zhtext.AtLeast:
		return v, nil, b
	case sense == zhtext.AtMost:
		return nil, v, b
	case sense == zhtext.About:
		d := tolOf(r, tol)
		factor, _ := convert(r.Unit, unit)
		d.Mul(d, factor)
		return new(big.Rat).Sub(v, d), new(big.Rat).Add(v, d), b
	}
	return nil, nil, b
}

// tolOf is the tolerance around a figure's value: Rate points for a rate, Share of the
// value otherwise.
func tolOf(f *report.Figure, tol Tolerance) *big.Rat {
	if isRate(f) {
		return rat(tol.Rate)
	}
	d := rat(tol.Share)
	return d.Mul(d, rat(f.Value))
}

func isRate(f *report.Figure) bool {
	return f.Unit == "%" || f.Unit == "个百分点" || f.Measure == "增速" || f.Measure == "比率" || f.Measure == "占比"
}

// decide judges a numeric target against a result.
func decide(t, r *report.Figure, tol Tolerance) (Verdict, string) {
	lo, hi, q := interval(r, t.Unit, tol)
	vLo, why := decideAt(t, lo, -1, tol)
	vHi, whyHi := decideAt(t, hi, +1, tol)
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

// decideAt judges a target against a value x in the target's unit; a nil x is no bound
// on the side of inf (−1 below, +1 above).
func decideAt(t *report.Figure, x *big.Rat, inf int, tol Tolerance) (Verdict, string) {
	higher := t.Direction != report.Lower
	sense, _ := zhtext.SenseOf(t.Bound)
	// better: x at or beyond v on the favourable side.
	better := func(v *big.Rat) bool {
		if x == nil {
			return higher == (inf > 0)
		}
		if higher {
			return x.Cmp(v) >= 0
		}
		return x.Cmp(v) <= 0
	}
	tv := rat(t.Value)
	switch {
	case t.IsRange:
		lo, hi := tv, rat(t.Upper)
		fav := lo
		if !higher {
			fav = hi
		}
		where := "在区间内"
		if x == nil || x.Cmp(hi) > 0 || x.Cmp(lo) < 0 {
			where = "超出区间"
		}
		if better(fav) {
			return Met, fmt.Sprintf("区间目标，实绩%s，按%s计差距", where, report.FormatNumber(ratFloat(fav)))
		}
		return Missed, fmt.Sprintf("区间目标，实绩未到%s，按%s计差距", report.FormatNumber(ratFloat(fav)), report.FormatNumber(ratFloat(fav)))
	case zhtext.IsCeiling(t.Bound):
		if x != nil && x.Cmp(tv) <= 0 || x == nil && inf < 0 {
			return Met, "上限目标，实绩不超过目标"
		}
		return Missed, "上限目标，实绩超过目标"
	case sense == zhtext.About:
		d := tolOf(t, tol)
		tolText := fmt.Sprintf("容差 %s 个百分点", report.FormatNumber(tol.Rate))
		if !isRate(t) {
			tolText = fmt.Sprintf("容差为目标的 %s%%", report.FormatNumber(tol.Share*100))
		}
		if better(tv) {
			return Met, "“左右”目标，实绩在目标或其有利一侧（" + tolText + "）"
		}
		edge := new(big.Rat).Sub(tv, d)
		if !higher {
			edge = new(big.Rat).Add(tv, d)
		}
		if better(edge) {
			return MostlyMet, "“左右”目标，实绩在不利一侧但在容差之内（" + tolText + "）"
		}
		return Missed, "“左右”目标，实绩在不利一侧且超出容差（" + tolText + "）"
	default:
		if better(tv) {
			return Met, "实绩在有利一侧达到目标"
		}
		return Missed, "实绩未达到目标"
	}
}

func ratFloat(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}

// gapOf is the signed difference between result and target in the target's unit,
// positive when better, in decimal: 8.1 − 6 is +2.1. For a range it is against the
// favourable bound, which it names; for a target where lower is better it says which
// side the result is on: +2.1（低于上限）.
func gapOf(t, r *report.Figure) (string, string, bool) {
	factor, ok := convert(r.Unit, t.Unit)
	if !ok {
		return "", "", false
	}
	res := rat(r.Value)
	tv := t.Value
	bound := ""
	if t.IsRange {
		if t.Direction == report.Lower {
			tv = t.Upper
		}
		bound = fmt.Sprintf("差距按区间的%s %s 计", map[bool]string{true: "上限", false: "下限"}[t.Direction == report.Lower], report.FormatNumber(tv))
	}
	res.Mul(res, factor)
	d := new(big.Rat).Sub(res, rat(tv))
	if t.Direction == report.Lower {
		d.Neg(d)
	}
	gap := decimal(d, max(decimals(report.FormatNumber(r.Value))+exponent(factor), decimals(report.FormatNumber(tv))))
	if t.Direction == report.Lower && d.Sign() != 0 {
		limit := "目标"
		if zhtext.IsCeiling(t.Bound) {
			limit = "上限"
		}
		side := "低于"
		if d.Sign() < 0 {
			side = "高于"
		}
		gap += "（" + side + limit + "）"
	}
	return gap, bound, true
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
