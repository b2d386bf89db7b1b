package importer

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"workreport/app/report"
	"workreport/app/zhtext"
)

const maxIndicator = 18 // runes of an indicator's name taken from before its number

// describe names the indicator a figure measures and the measure: the subject of its
// clause, less the verb and the words that only lead into it.
func (s *scanner) describe(f *fig, a, b, sa int) {
	major := s.clauseStart(a, ",，;；:：。！？!?")
	minor := s.clauseStart(a, ",，;；:：。！？!?、")
	prefix := s.str(minor, a)
	distributed := false
	if k := strings.Index(s.str(major, a), "分别"); k >= 0 {
		distributed = true
		prefix = s.str(major, a)
	}
	verb := ""
	subject := prefix
	if distributed {
		head, _, _ := strings.Cut(prefix, "分别")
		subject, verb = trimSubject(head)
		_, tail, _ := strings.Cut(prefix, "分别")
		if _, v := trimSubject("x" + tail); v != "" {
			verb = v
		}
		subject = s.distribute(f, a, major, subject)
	} else {
		subject, verb = trimSubject(prefix)
	}
	if subject == "" || slices.Contains(genericSubjects, subject) {
		// 国内生产总值增长6.6%，总量突破90万亿元: the measure of the previous subject.
		if prev := s.previousSubject(major, sa); prev != "" {
			subject = prev + subject
		}
	}
	if subject == "" {
		// 近14亿人口, 解决3亿多农村人口饮水安全问题: the noun after the number.
		after := s.str(b, s.clauseEnd(b, clausePunct+"、"))
		after = strings.TrimPrefix(after, "的")
		if k := strings.Index(after, "的"); k > 0 {
			after = after[:k] // 近14亿人口的发展中大国: 人口
		}
		subject = clip(after, 12)
		if subject != "" {
			f.note("指标名称取自数字后面的词语，请核对")
		}
	}
	if subject == "" {
		subject = clip(s.str(major, s.clauseEnd(b, clausePunct)), maxIndicator)
		f.note("未能识别指标名称，暂以所在分句代替，请改写")
	}
	f.measure = measureOf(f, subject, verb)
	f.indicator = nameOf(subject, verb, f)
}

// trimSubject strips the lead words and the verb from the text before a number.
func trimSubject(p string) (subject, verb string) {
	for _, w := range striveWords {
		p = strings.ReplaceAll(p, w, "")
	}
	// A second number in the clause (从8.7万元提高到12万元) ends the subject before it.
	if k := strings.IndexFunc(p, func(r rune) bool { return isDigit(r) }); k >= 0 {
		p = p[:k]
		p = strings.TrimSuffix(strings.TrimSuffix(p, "人均"), "从")
	}
	if k := strings.Index(p, "从"); k > 0 {
		p = p[:k]
	}
	for changed := true; changed; {
		changed = false
		p = strings.TrimSpace(strings.Trim(p, "—-“”\"（）() "))
		for _, w := range clauseLead {
			if strings.HasPrefix(p, w) && utf8.RuneCountInString(p) > utf8.RuneCountInString(w) {
				p = strings.TrimPrefix(p, w)
				changed = true
			}
		}
		for _, list := range [][]string{growthVerbs, riseVerbs, declineVerbs, levelVerbs, prefixBounds} {
			for _, w := range list {
				if strings.HasSuffix(p, w) {
					p = strings.TrimSuffix(p, w)
					if verb == "" || slices.Contains(levelVerbs, verb) {
						verb = w
					}
					changed = true
				}
			}
		}
	}
	p = strings.TrimSuffix(p, "的")
	if utf8.RuneCountInString(p) > maxIndicator {
		rs := []rune(p)
		p = string(rs[len(rs)-maxIndicator:])
		if k := strings.LastIndexAny(p, "的在对和与将把"); k >= 0 && k+3 < len(p) {
			p = p[k+len("的"):]
		}
	}
	return p, verb
}

// distribute gives each indicator of a list its value: "高技术制造业、装备制造业增加值
// 分别增长8.9%、7.7%".
func (s *scanner) distribute(f *fig, a, major int, subject string) string {
	values := 0
	index := -1
	tail := s.str(major, s.clauseEnd(a, ",，;；:：。！？!?"))
	_, after, _ := strings.Cut(tail, "分别")
	// Count the numbers after 分别 and find which one this is.
	pos := s.off[a] - s.off[major] - (len(tail) - len(after))
	for k, r := range after {
		if isDigit(r) || isNumeral(r) {
			if k == 0 || !(isDigit(rune(after[k-1])) || after[k-1] == '.') && !strings.HasSuffix(after[:k], "分之") {
				prevRune, _ := utf8.DecodeLastRuneInString(after[:k])
				if k == 0 || !isDigit(prevRune) && prevRune != '.' && !isNumeral(prevRune) {
					if k <= pos {
						index = values
					}
					values++
				}
			}
		}
	}
	parts := splitList(subject)
	if len(parts) <= 1 || index < 0 {
		f.note("“分别”列举的指标与数字未能一一对应，请核对指标名称")
		return subject
	}
	if len(parts) != values {
		f.note("“分别”列举的指标与数字个数不同，请核对指标名称")
		if index >= len(parts) {
			return subject
		}
	}
	last := parts[len(parts)-1]
	name := parts[index]
	for _, t := range listTails {
		if strings.HasSuffix(last, t) && !strings.HasSuffix(name, t) {
			name += t
			break
		}
	}
	f.note("由“分别”拆分的指标，请核对指标名称")
	return name
}

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '和' || r == '及' })
}

// previousSubject is the subject of the clause before the one starting at major, within
// the sentence.
func (s *scanner) previousSubject(major, sa int) string {
	if major <= sa+1 {
		return ""
	}
	pa := s.clauseStart(major-1, ",，;；:：。！？!?")
	if pa < sa {
		pa = sa
	}
	text := s.str(pa, major-1)
	k := strings.IndexFunc(text, func(r rune) bool { return isDigit(r) })
	if k < 0 {
		return ""
	}
	subj, _ := trimSubject(text[:k])
	if slices.Contains(genericSubjects, subj) {
		return ""
	}
	return subj
}

func clip(s string, n int) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) > n {
		rs = rs[:n]
	}
	return string(rs)
}

var (
	countMeasureUnits = []string{"个", "家", "项", "件", "所", "座", "条", "次", "台", "辆", "批", "种", "类", "处", "艘", "架", "枚", "颗", "部", "起", "宗", "场", "套", "间", "张", "册", "本", "份", "支", "根", "层", "轮", "道", "期", "届", "户", "片", "只", "头"}
	timeUnits         = []string{"年", "天", "日", "小时", "分钟", "周", "个月", "个工作日", "工作日", "岁"}
	shareWords        = regexp.MustCompile(`比重|占|比例|份额|贡献率|之比`)
)

// measureOf decides what kind of quantity a figure is.
func measureOf(f *fig, subject, verb string) string {
	if f.measure != "" {
		return f.measure
	}
	unit := f.unit
	for _, m := range magnitudes {
		if strings.HasPrefix(unit, m) && len(unit) > len(m) {
			unit = strings.TrimPrefix(unit, m)
			break
		}
	}
	switch {
	case f.unit == report.RankUnit:
		return "排名"
	case unit == "%" || unit == "‰" || unit == "个百分点" || f.unit == "":
		switch {
		case slices.Contains(growthVerbs, verb) || slices.Contains(riseVerbs, verb) || slices.Contains(declineVerbs, verb):
			return "增速"
		case strings.HasSuffix(subject, "增速") || strings.HasSuffix(subject, "涨幅") || strings.HasSuffix(subject, "增幅") || strings.HasSuffix(subject, "降幅"):
			return "增速"
		case shareWords.MatchString(subject) || verb == "占":
			return "占比"
		}
		return "比率"
	case unit == "倍" || unit == "番":
		return "比率"
	case slices.Contains(timeUnits, unit):
		return "时间"
	case slices.Contains(countMeasureUnits, unit):
		return "数量"
	}
	return "总量"
}

// nameOf writes the indicator's name: the subject, and for a rate of change what
// changes (国内生产总值增速, 居民消费价格涨幅, 单位国内生产总值能耗降幅).
func nameOf(subject, verb string, f *fig) string {
	if f.measure != "增速" {
		if (slices.Contains(growthVerbs, verb) || slices.Contains(declineVerbs, verb)) && !strings.HasSuffix(subject, verb) {
			return subject + verb
		}
		return subject
	}
	for _, w := range []string{"增速", "涨幅", "增幅", "降幅", "增长率", "增长"} {
		if strings.HasSuffix(subject, w) {
			return subject
		}
	}
	switch {
	case f.unit == "个百分点":
		return subject + verb
	case slices.Contains(riseVerbs, verb):
		return subject + "涨幅"
	case slices.Contains(declineVerbs, verb):
		return subject + "降幅"
	}
	return subject + "增速"
}

// nature decides whether a figure is a result, a target or a threshold.
func (s *scanner) nature(f *fig, a, b, sa, sb int) {
	after := s.str(b, min(len(s.rs), b+6))
	if zhtext.IsLimit(f.bound) && hasAnyPrefix(after, thresholdNouns) &&
		!strings.HasSuffix(f.unit, "人次") && !strings.HasSuffix(f.unit, "次") {
		f.nature = report.Threshold
		return
	}
	if sense, _ := zhtext.SenseOf(f.bound); f.bound != "" && sense == zhtext.AtLeast && hasAnyPrefix(after, categoryNouns) {
		f.nature = report.Threshold
		return
	}
	subject := f.indicator
	if (strings.Contains(subject, "起征点") || strings.HasSuffix(subject, "上限") || strings.HasSuffix(subject, "下限")) && f.measure == "总量" {
		f.nature = report.Threshold
		return
	}
	// 由50%提高到75%, 现行16%的税率: the value a change starts from is the present one.
	before2 := s.str(max(0, a-3), a)
	if (strings.HasSuffix(before2, "由") || strings.HasSuffix(before2, "从") || strings.HasSuffix(before2, "现行")) && hasAnyPrefix(after, changeVerbs) ||
		strings.HasSuffix(before2, "现行") {
		f.nature = report.Result
		f.note("这是调整前的现行数值，按实绩处理，时期请核对")
		return
	}
	// 低于13%左右的预期目标, 减少…三分之一目标: a target quoted in a review.
	if s.role == report.RoleReview && (strings.HasPrefix(after, "的预期目标") || strings.HasPrefix(after, "目标") || strings.HasPrefix(after, "的目标") || strings.HasPrefix(after, "预期目标")) {
		f.nature = report.Target
		f.note("回顾中引用的目标，按目标处理")
		return
	}
	// 年收入10万元以下的, 月销售额10万元以下: a threshold stated before the bound too.
	sentence := s.str(sa, sb)
	before := s.str(s.clauseStart(a, ",，;；:：。！？!?"), a)
	switch s.role {
	case report.RoleReview:
		f.nature = report.Result
		if prospective(s.str(0, min(len(s.rs), 12))) && !hasAny(pastOnly(before), pastCues) {
			f.nature = report.Target
			f.note("所在段落以展望开头（如“今后五年”），按目标处理")
		} else if hasAny(before, futureCues) && !hasAny(before, pastCues) {
			f.nature = report.Target
			f.note("在回顾部分，但所在分句是计划或目标，按目标处理")
		}
	case report.RolePlan, report.RoleTargets:
		f.nature = report.Target
		if retrospective(s.str(0, min(len(s.rs), 12))) && !hasAny(before, futureCues) {
			f.nature = report.Result
			f.note("所在段落以回顾开头（如“过去五年”），按实绩处理")
		} else if hasAny(pastOnly(before), pastCues) || hasAny(pastOnly(sentence[:min(len(sentence), strings.Index(sentence, f.phrase)+1)]), []string{"去年", "过去一年", "过去五年", "刚刚过去"}) {
			f.nature = report.Result
			f.note("在工作安排部分，但所在句子讲已取得的结果，按实绩处理")
		}
	default:
		f.nature = report.Result
		if hasAny(before, futureCues) {
			f.nature = report.Target
		}
		f.note("所在分节不是回顾也不是工作安排，性质由句意推断")
	}
}

// retrospective tells whether a paragraph opens by looking back (过去五年，…; 一年来，…):
// a section titled for achievements and tasks alike reviews in such a paragraph.
func retrospective(opening string) bool {
	return hasAnyPrefix(opening, []string{"过去一年", "过去五年", "过去的一年", "过去的五年", "一年来", "五年来", "刚刚过去的"})
}

// prospective tells whether a paragraph opens by looking ahead (今后五年，…).
func prospective(opening string) bool {
	return hasAnyPrefix(opening, []string{"今后五年", "今后一个时期", "未来五年", "新的一年", "展望"})
}

// changeVerbs follow the value a change starts from: 由50%提高到75%.
var changeVerbs = []string{"提高到", "提高至", "提升到", "提升至", "降至", "降到", "降低到", "降低至", "下调到", "下调至", "上调到", "上调至", "调整为", "调整到", "增加到", "增加至", "减少到", "减少至", "扩大到", "扩大至", "下降到", "下降至"}

// pastOnly drops the comparisons that name last year without stating a result:
// 比去年增加5600亿元 is a plan.
func pastOnly(s string) string {
	for _, w := range []string{"比去年", "比上年", "较去年", "同去年", "去年同期", "已经到来", "已有基础"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// basisOf records the basis a clause states: 可比, 实际, 名义, 年末, 全年平均.
func (s *scanner) basisOf(f *fig, ca, b int) {
	clause := s.str(ca, b)
	switch {
	case strings.Contains(clause, "可比"):
		f.basis = report.Comparable
	case strings.Contains(clause, "实际增长") || strings.Contains(clause, "实际下降"):
		f.basis = report.Real
	case strings.Contains(clause, "名义"):
		f.basis = report.Nominal
	case strings.Contains(clause, "年末"):
		f.basis = report.YearEnd
	case strings.Contains(clause, "全年平均") || strings.Contains(clause, "年平均"):
		f.basis = report.YearAverage
	}
}

var (
	multiYear = regexp.MustCompile(`过去五年|五年来|五年累计|五年间|本届政府`)
	oneYear   = regexp.MustCompile(`去年|过去一年|刚刚过去的|一年来`)
)

// periodOf states a figure's period where the paragraph makes it differ from its
// section's: a five-year total or 年均 in a one-year review, a plan's horizon, or one
// year in a five-year review.
func (s *scanner) periodOf(f *fig, sa, sb int) {
	before := s.str(0, sb)
	sentence := s.str(sa, sb)
	if f.nature == report.Threshold {
		return
	}
	if name := report.PlanName.FindString(sentence); name != "" && (strings.Contains(sentence, "时期") || strings.Contains(sentence, "年均") || strings.Contains(sentence, "期间") || strings.Contains(sentence, "规划") || strings.Contains(sentence, "末")) {
		if _, ok := report.PlanPeriod(name); ok {
			f.period = name
			f.note("时期按句中的五年规划“" + name + "”确定，请核对")
			return
		}
	}
	if s.year == 0 {
		return
	}
	review := s.role == report.RoleReview
	if review && s.sec.multiYear && oneYear.MatchString(sentence) {
		f.period = itoa(report.ReviewedYear(s.year))
		f.note("在五年回顾中，句中讲的是上一年，时期按一年处理")
		return
	}
	if review && !s.sec.multiYear {
		if name := report.PlanName.FindString(before); name != "" {
			if p, ok := report.PlanPeriod(name); ok && p.To == report.ReviewedYear(s.year) {
				f.period = name
				f.note("段落讲的是“" + name + "”时期，时期按该五年规划处理，请核对")
				return
			}
		}
		if multiYear.MatchString(before) || strings.Contains(sentence, "年均") {
			f.period = report.FiveYearReview(s.year).String()
			f.note("段落讲的是过去五年，时期按五年处理，请核对")
		}
	}
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b []byte
	for v > 0 {
		b = append([]byte{byte('0' + v%10)}, b...)
		v /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

var targetsMarker = regexp.MustCompile(`主要预期目标(?:是|为)[：:]?|主要目标(?:是|为)[：:]|预期目标(?:是|为)[：:]`)

// targetsEnd are sentence openings that end the list of main targets.
var targetsEnd = regexp.MustCompile(`^(?:上述|提出|实现这些|实现上述|这些目标|以上|这一|这个|主要考虑|综合考虑|作出这样)`)

// findTargets marks the main targets: from "主要预期目标是：" to the end of the paragraph,
// or to the sentence that starts explaining them.
func (s *scanner) findTargets() {
	loc := targetsMarker.FindStringIndex(s.text)
	if loc == nil {
		return
	}
	a := utf8.RuneCountInString(s.text[:loc[1]])
	b := len(s.rs)
	for k := a; k < len(s.rs); k++ {
		if strings.ContainsRune(sentPunct, s.rs[k]) && targetsEnd.MatchString(s.str(k+1, len(s.rs))) {
			b = k + 1
			break
		}
	}
	s.target = [2]int{a, b}
}

// qualitativePredicate finds a qualitative target's state in a clause without a number:
// 国际收支基本平衡, 居民收入增长和经济增长基本同步, 主要污染物排放量继续下降.
var qualitativePredicate = regexp.MustCompile(`(?:(?:基本|继续|持续|稳中|有效|有序|进一步|保持|回稳|明显|总体|稳步|取得|量稳|统筹)[^，。；、]{0,8}|同步|平衡|稳定|改善|向好|提质|防控)$`)

// qualitative records the main targets stated without a number as 定性 figures.
func (s *scanner) qualitative() {
	if s.target[0] < 0 {
		return
	}
	a := s.target[0]
	for a < s.target[1] {
		b := s.clauseEnd(a, "，；。,;")
		clause := s.str(a, b)
		if b > a && !strings.ContainsFunc(clause, func(r rune) bool { return isDigit(r) }) && !strings.HasPrefix(clause, "在") && !strings.HasPrefix(clause, "争取") {
			if loc := qualitativePredicate.FindStringIndex(clause); loc != nil && loc[0] > 0 {
				pa := a + utf8.RuneCountInString(clause[:loc[0]])
				f := &fig{sec: s.sec, item: s.item, text: s.text, nature: report.Qualitative, measure: "评价", role: report.RoleTargets}
				f.phrase = clause[loc[0]:]
				f.start = s.off[pa]
				// The subject as printed: its verb (居民收入增长) is part of the name.
				subj := strings.Trim(clause[:loc[0]], "—-“”\"（）() ")
				for _, w := range clauseLead {
					subj = strings.TrimPrefix(subj, w)
				}
				if subj == "" {
					subj = clause
				}
				f.indicator = subj
				sa, sb := s.sentenceAround(pa, b)
				f.sentence = s.str(sa, sb)
				s.figs = append(s.figs, f)
			}
		}
		a = b + 1
	}
	slices.SortStableFunc(s.figs, func(x, y *fig) int { return x.start - y.start })
}
