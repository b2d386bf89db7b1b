package importer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"workreport/app/indicator"
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
	var also []string // the other indicators a list gives the same number
	if distributed {
		f.list = major + 1
		head, tail, _ := strings.Cut(prefix, "分别")
		subject, verb = trimSubjectTo(head, 4*maxIndicator)
		if _, v := trimSubject("x" + tail); v != "" {
			verb = v
		}
		names := s.distribute(f, a, major, subject, verb)
		subject, also = clipEnd(names[0], maxIndicator), names[1:]
	} else if list, lverb, ok := s.sharedList(major, minor, a, prefix); ok {
		// 化学需氧量、氨氮排放都要减少2%左右: the number is each listed indicator's.
		subject, verb, also = clipEnd(list[0], maxIndicator), lverb, list[1:]
		f.note("列举的几项指标共用这一个数字，每项各列为一项数据，请核对")
	} else {
		subject, verb = trimSubject(prefix)
	}
	known := func(name string) *indicator.Indicator {
		if d, ok := indicator.Find(s.std(name)); ok {
			return d
		}
		return nil
	}
	if subject == "" || known(subject) == nil {
		// 发行1万亿元抗疫特别国债, 年初剩余的551万农村贫困人口全部脱贫: an indicator the
		// dictionary knows, named after the number.
		if name := s.nameAfter(f, b); name != "" {
			subject, verb = name, ""
			f.note("指标名称取自数字后面的词语，请核对")
		}
	}
	if subject == "" || slices.Contains(genericSubjects, subject) {
		// A growth rate, a total or a share without a subject of its own is the
		// indicator's whose level it follows: first in its own clause
		// (地区生产总值达到13.57万亿元、增长4.8%), then in the clauses before it that
		// state that indicator's figures (收入140350亿元，比上年增加11140亿元，增长8.6%),
		// never a neighbouring statement. It shares that figure's verb where it has none
		// of its own (地区生产总值增长6%以上、力争7%以上).
		prev, prevVerb := "", ""
		if minor > major {
			prev, prevVerb = subjectBeforeNumber(s.str(major, minor))
		}
		if prev == "" {
			prev, prevVerb = s.previousSubject(major, sa)
		}
		if prev != "" {
			subject = prev + subject
			if verb == "" && (f.unit == "%" || f.unit == "个百分点") {
				verb = prevVerb
			}
		} else if d, ok := s.mentionBefore(f, sa, major); ok {
			// 从今年开始拟连续几年发行超长期特别国债，……，今年先发行1万亿元: the
			// indicator the sentence names before, where no clause between states a figure.
			subject = d
			f.note("指标名称取自句中前文，请核对")
		}
	} else if known(subject) == nil && !s.knownWith(subject, verb) {
		// 粮食播种面积3320万亩、总产量1280万吨; 规模以上工业企业达7.6万家、增加值增长3%:
		// a short subject that shares the words that open the subject before it.
		prev := ""
		if minor > major {
			prev, _ = subjectBeforeNumber(s.str(major, minor))
		}
		if prev == "" {
			prev, _ = s.previousSubject(major, sa)
		}
		if c := composeName(prev, subject, func(n string) bool { return s.knownWith(n, verb) }); c != "" {
			subject = c
		}
	}
	if subject == "" {
		// 近14亿人口, 解决3亿多农村人口饮水安全问题: the noun after the number.
		after := s.str(b, s.clauseEnd(b, clausePunct+"、"))
		after = strings.TrimPrefix(after, "的")
		if k := strings.Index(after, "的"); k > 0 {
			after = after[:k] // 近14亿人口的发展中大国: 人口
		}
		if k := firstNumber(after); k > 0 {
			// 16—59岁人口平均受教育年限为11.3年: the words before the next number.
			if t, _ := trimSubject(after[:k]); t != "" {
				after = t
			}
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
	f.indicator = s.std(nameOf(subject, verb, f))
	if strings.TrimSpace(f.indicator) == "" {
		// Nothing around the number names it (a quote mark and a number): a name a person
		// must write, so that the data file still loads.
		f.indicator = report.UnnamedIndicator
		f.note("未能识别指标名称，请改写")
	}
	f.also = nil
	for _, n := range also {
		f.also = append(f.also, s.std(nameOf(clipEnd(n, maxIndicator), verb, f)))
	}
	// A level indicator printed with a decline (进出口总额下降7.0%) states a growth below
	// zero, under the growth's name; a decrease measured as such (能耗降幅) stays one.
	if base, ok := strings.CutSuffix(f.indicator, "降幅"); ok && slices.Contains(report.DeclineWords, verb) {
		if _, known := indicator.Find(f.indicator); !known {
			if g, ok := indicator.Find(s.std(base + "增速")); ok {
				f.indicator, f.measure, f.decline = g.Name(s.level), "增速", verb
			}
		}
	}
	// A decrease measured as such (细颗粒物浓度降幅) printed as a rise (比上年上升3.4%) is
	// a decrease below zero, under the decrease's name.
	if base, ok := strings.CutSuffix(f.indicator, "增速"); ok && slices.Contains(report.RiseWords, verb) {
		if _, known := indicator.Find(f.indicator); !known {
			if d, ok := indicator.Find(s.std(base + "降幅")); ok {
				f.indicator, f.measure, f.decline = d.Name(s.level), "增速", verb
			}
		}
	}
}

// afterAdverbs stand between an indicator named after its number and what is said of
// it: 551万农村贫困人口全部实现脱贫.
var afterAdverbs = strings.NewReplacer("全部", "", "全面", "", "基本", "", "均", "", "已", "", "实现", "", "顺利", "")

// nameAfter is the indicator the dictionary knows that the words after a figure name,
// in a unit it takes: 1万亿元抗疫特别国债, 52个贫困县全部摘帽; "" when they name none.
func (s *scanner) nameAfter(f *fig, b int) string {
	after := strings.TrimPrefix(s.str(b, s.clauseEnd(b, clausePunct+"、")), "的")
	after = afterAdverbs.Replace(after)
	rs := []rune(after)
	for n := min(len(rs), 2*maxIndicator); n >= 2; n-- {
		name := string(rs[:n])
		if d, ok := indicator.Find(s.std(name)); ok && d.Takes(f.unit) {
			return name
		}
	}
	return ""
}

// mentionBefore is the indicator the sentence names last before the clause at major,
// in a unit it takes.
func (s *scanner) mentionBefore(f *fig, sa, major int) (string, bool) {
	if major <= sa {
		return "", false
	}
	d, _, ok := indicator.LastMention(s.str(sa, major))
	if !ok {
		return "", false
	}
	if !d.Takes(f.unit) {
		// 地区生产总值……，五年年均增长5.9%: the growth of the level named.
		g, ok := indicator.Find(d.National + "增速")
		if !ok || !g.Takes(f.unit) {
			return "", false
		}
	}
	return d.Name(s.level), true
}

// composeName joins a short subject to the opening words of the subject before it, the
// longest opening that makes a name the dictionary knows: 粮食 (of 粮食播种面积) and
// 总产量 make 粮食总产量. It is "" when none does.
func composeName(prev, subject string, known func(string) bool) string {
	if !indicator.Within(subject) {
		return "" // no name the dictionary knows holds the subject
	}
	rs := []rune(prev)
	for n := len(rs) - 1; n >= 1; n-- {
		if c := string(rs[:n]) + subject; known(c) {
			return c
		}
	}
	return ""
}

// clipEnd keeps the last n runes of a name.
func clipEnd(s string, n int) string {
	if rs := []rune(s); len(rs) > n {
		return string(rs[len(rs)-n:])
	}
	return s
}

// hasBracket reports whether s holds a bracket, before a bracket's expression is run.
func hasBracket(s string) bool { return strings.ContainsAny(s, "（(") }

// dropNotes removes note marks: 能耗[4]比上年.
func dropNotes(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	return noteInName.ReplaceAllString(s, "")
}

// dropLeadingYear removes the year that opens a clause (2015年, 预计2022年).
func dropLeadingYear(s string) string {
	if s == "" || !(isDigit(rune(s[0])) || strings.HasPrefix(s, "预计") || strings.HasPrefix(s, "其中") || strings.HasPrefix(s, "而") ||
		strings.HasPrefix(s, "到") || strings.HasPrefix(s, "截至")) {
		return s
	}
	return leadingYear.ReplaceAllString(s, "")
}

// trimSubject strips the lead words and the verb from the text before a number, and
// keeps at most maxIndicator runes of it.
func trimSubject(p string) (subject, verb string) {
	return trimSubjectTo(p, maxIndicator)
}

// trimSubjectTo is trimSubject keeping at most limit runes: a list that 分别 distributes
// is cut into its indicators before each is clipped.
func trimSubjectTo(p string, limit int) (subject, verb string) {
	for _, w := range striveWords {
		p = strings.ReplaceAll(p, w, "")
	}
	// A year that opens the clause is the figure's period, not its subject
	// (2015年农村贫困人口5575万人), and a note mark is no part of it (能耗[4]比上年), nor a
	// remark on how it is measured (同比增长（下同）4%), nor what introduces a target
	// (全市经济发展的预期目标为生产总值增速9%).
	p = dropLeadingYear(dropNotes(p))
	if hasBracket(p) {
		p = asideRemark.ReplaceAllString(p, "")
	}
	if strings.Contains(p, "目标") {
		if q := targetIntro.ReplaceAllString(p, ""); q != "" {
			p = q
		} else if k := targetWords.FindStringIndex(p); k != nil {
			p = p[:k[0]] // 经济增长预期目标为5%左右: the indicator before the words
		}
	}
	// A remark in brackets (细颗粒物（PM2.5）平均浓度) is no part of the subject, and its
	// digits do not end it.
	if hasBracket(p) {
		p = bracketed.ReplaceAllString(p, "")
	}
	// A second number in the clause (从8.7万元提高到12万元) ends the subject before it.
	// An age that names a group (16—59岁人口平均受教育年限) is part of the subject.
	if k := firstNumber(p); k >= 0 {
		if rest := leadingCount.FindString(p[k:]); k == 0 && rest != "" && !strings.ContainsFunc(p[len(rest):], isDigit) {
			// 74个重点城市细颗粒物年均浓度: a count that opens the subject is no part of it.
			p = p[len(rest):]
		} else {
			p = p[:k]
			p = strings.TrimSuffix(strings.TrimSuffix(p, "人均"), "从")
		}
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
		for _, w := range comparisonWords {
			if strings.HasSuffix(p, w) && len(p) > len(w) {
				p = strings.TrimSuffix(p, w)
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
	for again := true; again; {
		again = false
		for _, w := range subjectAdverbs {
			if strings.HasSuffix(p, w) && len(p) > len(w) {
				p, again = strings.TrimSuffix(p, w), true // 粮食产量首次跃上1.4万亿斤
			}
		}
		if strings.Contains(p, "年") || strings.Contains(p, "五") {
			if q := spanInSubject.ReplaceAllString(p, ""); q != p {
				p, again = q, true
			}
		}
		for _, list := range [][]string{growthVerbs, declineVerbs, riseVerbs, levelVerbs} {
			for _, w := range list {
				if strings.HasSuffix(p, w) && len(p) > len(w) {
					if verb == "" {
						verb = w
					}
					p, again = strings.TrimSuffix(p, w), true // 二氧化碳排放强度要降低
				}
			}
		}
	}
	if slices.Contains(subjectAdverbs, p) || slices.Contains(clauseLead, p) {
		p = "" // 今年先发行1万亿元: no subject of its own
	}
	if utf8.RuneCountInString(p) > limit {
		rs := []rune(p)
		p = string(rs[len(rs)-limit:])
		if k := strings.LastIndexAny(p, "的在对和与将把"); k >= 0 && k+3 < len(p) {
			p = p[k+len("的"):]
		}
	}
	return p, verb
}

// distribute gives each indicator of a list its value: "高技术制造业、装备制造业增加值
// 分别增长8.9%、7.7%". A list of several indicators with one value ("化学需氧量、氨氮
// 排放量要分别下降2%") gives it to each of them: the names are returned, the figure's first.
func (s *scanner) distribute(f *fig, a, major int, subject, verb string) []string {
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
					if k >= pos && index < 0 {
						index = values // the first number at the figure's start or after its bound
					}
					values++
				}
			}
		}
	}
	parts := splitList(subject)
	if len(parts) <= 1 || index < 0 {
		f.note("“分别”列举的指标与数字未能一一对应，请核对指标名称")
		return []string{subject}
	}
	names := s.listNames(parts, verb)
	if values == 1 {
		f.note("“分别”列举的几项指标共用这一个数字，每项各列为一项数据，请核对")
		return names
	}
	if len(parts) != values {
		f.note("“分别”列举的指标与数字个数不同，请核对指标名称")
		if index >= len(parts) {
			return []string{subject}
		}
	}
	f.note("由“分别”拆分的指标，请核对指标名称")
	return []string{names[index]}
}

// listNames writes out each indicator of a list in full: a part takes the noun the
// list's last part ends with (高技术制造业 + 增加值), or the words the first part opens
// with (单位国内生产总值 + 二氧化碳排放), whichever makes a name the dictionary knows.
func (s *scanner) listNames(parts []string, verb string) []string {
	last := parts[len(parts)-1]
	tail := ""
	for _, t := range listTails {
		if strings.HasSuffix(last, t) {
			tail = t
			break
		}
	}
	endsWithTail := func(p string) bool {
		for _, t := range listTails {
			if strings.HasSuffix(p, t) {
				return true
			}
		}
		return false
	}
	knownName := func(c string) bool { return s.knownWith(c, verb) }
	first := []rune(parts[0])
	out := make([]string, len(parts))
	lastRunes := []rune(last)
	for i, p := range parts {
		withTail := p
		if n := utf8.RuneCountInString(p); i < len(parts)-1 && n <= 2 && len(lastRunes) > n+2 {
			// 城镇和农村居民人均可支配收入: a modifier takes the last part's words after
			// its own modifier (城镇 + 居民人均可支配收入).
			withTail = p + string(lastRunes[n:])
		} else if tail != "" && !endsWithTail(p) {
			withTail = p + tail
		}
		out[i] = withTail
		cands := []string{p, withTail}
		if i > 0 {
			for n := len(first) - 1; n >= 2; n-- {
				cands = append(cands, string(first[:n])+p, string(first[:n])+withTail)
			}
		}
		for _, c := range cands {
			if knownName(c) {
				out[i] = c
				break
			}
		}
	}
	return out
}

// sharedList reads the subject of a figure as a list of indicators that share it: the
// parts before the figure's own clause hold no number, and the list says so (都, 均) or
// every part is an indicator the dictionary knows (二氧化硫、氮氧化物排放量要下降3%).
func (s *scanner) sharedList(major, minor, a int, prefix string) (names []string, verb string, ok bool) {
	if minor <= major || strings.ContainsFunc(s.str(major, minor), isDigit) {
		return nil, "", false
	}
	subject, verb := trimSubjectTo(s.str(major, a), 4*maxIndicator)
	subject = strings.TrimSuffix(strings.TrimSuffix(subject, "都"), "均")
	parts := splitList(subject)
	if len(parts) < 2 {
		return nil, "", false
	}
	names = s.listNames(parts, verb)
	if !sharedVerb.MatchString(prefix) {
		for _, n := range names {
			if !s.knownWith(n, verb) {
				return nil, "", false
			}
		}
	}
	return names, verb, true
}

// knownWith reports whether a name, alone or with the measure a verb gives it, is an
// indicator the dictionary knows.
func (s *scanner) knownWith(name, verb string) bool {
	for _, suffix := range []string{"", verb, "增速", "降幅", "涨幅"} {
		if _, ok := indicator.Find(s.std(name + suffix)); ok {
			return true
		}
	}
	return false
}

// ageClass is an age that names a group of people within a subject: 60岁以上老年人口,
// 16—59岁人口.
var ageClass = regexp.MustCompile(`[0-9]+(?:[—\-－～~至到][0-9]+)?周?岁(?:及以上|及以下|以上|以下)?(?:的)?(?:` + strings.Join(ageGroups, "|") + `)`)

// firstNumber is the byte offset of the first digit of p that is not part of an age
// naming a group, or -1.
func firstNumber(p string) int {
	skip := 0
	if strings.Contains(p, "岁") {
		for _, m := range ageClass.FindAllStringIndex(p, -1) {
			if k := strings.IndexFunc(p[skip:m[0]], isDigit); k >= 0 {
				return skip + k
			}
			skip = m[1]
		}
	}
	if k := strings.IndexFunc(p[skip:], isDigit); k >= 0 {
		return skip + k
	}
	return -1
}

// leadingCount is a count that opens a subject: 74个, 339个.
var leadingCount = regexp.MustCompile(`^[0-9]+个`)

// sharedVerb says that the indicators listed before it share the number after it:
// 化学需氧量、氨氮排放都要减少2%左右; 单位国内生产总值能耗、水耗均下降20%以上.
var sharedVerb = regexp.MustCompile(`(?:都|均)(?:要|将)?(?:` + strings.Join(append(append([]string{}, growthVerbs...), declineVerbs...), "|") + `)$`)

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '和' || r == '及' })
}

// previousSubject is the subject of the nearest clause before the one starting at
// major, within the sentence, that states a figure: a clause that only continues the
// same indicator (比上年增加11140亿元) is passed over, and a clause without a number ends
// the search.
func (s *scanner) previousSubject(major, sa int) (subject, verb string) {
	end := major - 1
	for end > sa {
		pa := s.clauseStart(end, ",，;；:：。！？!?")
		if pa < sa {
			pa = sa
		}
		text := s.str(pa, end)
		if slices.Contains(asideClauses, strings.TrimSpace(text)) {
			end = pa - 1 // 比上年增长8.9%，扣除价格因素，实际增长7.4%
			continue
		}
		if !strings.ContainsFunc(text, isDigit) {
			return "", ""
		}
		if subj, v := subjectBeforeNumber(text); subj != "" {
			return subj, v
		}
		end = pa - 1
	}
	return "", ""
}

// subjectBeforeNumber is the subject of a clause that states a figure: the words before
// its first number, less verbs and leads; "" when they name no indicator of their own.
func subjectBeforeNumber(text string) (subject, verb string) {
	text = dropLeadingYear(dropNotes(strings.TrimSpace(text)))
	if hasBracket(text) {
		text = bracketed.ReplaceAllString(text, "")
	}
	k := firstNumber(text)
	if k < 0 {
		return "", ""
	}
	subj, v := trimSubject(text[:k])
	if slices.Contains(genericSubjects, subj) {
		return "", ""
	}
	return subj, v
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
	// 60岁以上人口, 16—59岁人口: an age, or a span of ages, that names a group.
	if (zhtext.IsLimit(f.bound) || f.isRange && f.unit == "岁") && hasAnyPrefix(after, thresholdNouns) &&
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
	before2 := s.str(max(0, a-6), a)
	if fromValue.MatchString(before2) && hasAnyPrefix(after, changeVerbs) || strings.HasSuffix(before2, "现行") {
		f.nature = report.Result
		f.note("这是调整前的现行数值，按实绩处理，时期请核对")
		return
	}
	// 低于13%左右的预期目标, 减少…三分之一目标: a target quoted in a review.
	if s.role == report.RoleReview && (strings.HasPrefix(after, "的预期目标") || strings.HasPrefix(after, "目标") || strings.HasPrefix(after, "的目标") || strings.HasPrefix(after, "预期目标")) &&
		!strings.HasPrefix(f.bound, "控制在") {
		// 城镇调查失业率控制在5.5%预期目标下运行 states a result within the target.
		f.nature = report.Target
		f.note("回顾中引用的目标，按目标处理")
		return
	}
	// 年收入10万元以下的, 月销售额10万元以下: a threshold stated before the bound too.
	sentence := s.str(sa, sb)
	before := s.str(s.clauseStart(a, ",，;；:：。！？!?"), a)
	if s.bulletin {
		f.nature = report.Result // a bulletin states the results of its year, and nothing else
		return
	}
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

// fromValue ends the words before the value a change starts from: 由50%, 从去年的2.1%.
var fromValue = regexp.MustCompile(`(?:由|从)(?:去年|上年|上一年)?的?$|现行$`)

// changeVerbs follow the value a change starts from: 由50%提高到75%.
var changeVerbs = []string{"提高到", "提高至", "提升到", "提升至", "降至", "降到", "降低到", "降低至", "下调到", "下调至", "上调到", "上调至", "调整为", "调整到", "增加到", "增加至", "减少到", "减少至", "扩大到", "扩大至", "下降到", "下降至"}

// pastOnly drops the comparisons that name last year without stating a result:
// 比去年增加5600亿元 and 赤字率从去年的2.1%提高到2.3% are plans.
func pastOnly(s string) string {
	for _, w := range []string{"比去年", "比上年", "较去年", "同去年", "去年同期", "已经到来", "已有基础", "从去年", "由去年", "从上年", "由上年"} {
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
	// spanWords in a figure's own clause make it a figure of several years.
	spanWords = regexp.MustCompile(`年均|累计|五年|以来|期间|时期`)
	// reachVerbs state the level reached at the end of a span: 从54万亿元增加到82.7万亿元.
	// crossingBounds are qualifiers that say a level was reached, as their verb: 突破2200
	// 亿元. 超过 is not one: 城镇新增就业人数超过6400万人 is a total over the years.
	crossingBounds = []string{"突破", "迈上", "跃上", "跨上", "站上", "达到", "达"}
	reachVerbs     = []string{"增加到", "提高到", "提升到", "增长到", "扩大到", "达到", "达", "突破", "超过", "迈上", "跃上", "跨上", "增至", "提高至"}
	// clauseYear is a year that opens a clause, naming the year of its figures:
	// 预计2022年全省地区生产总值达12.8万亿元, 2020年实现3201亿元.
	clauseYear = regexp.MustCompile(`^(?:预计|其中|而|到|截至)?((?:19|20|21)[0-9]{2})年(?:全年|末|底)?`)
)

// opensOneYear reports whether a paragraph opens by naming the reviewed year alone
// (2020年是…, 刚刚过去的2017年, 过去一年, 一年来): in a review of several years it speaks
// of that year, and so do the parts that follow it.
func opensOneYear(text string, reportYear int) bool {
	t := strings.TrimPrefix(strings.TrimSpace(text), "各位代表，")
	if hasAnyPrefix(t, []string{"过去一年", "一年来", "刚刚过去的一年", "去年"}) {
		return true
	}
	y := itoa(report.ReviewedYear(reportYear))
	for _, p := range []string{y + "年是", y + "年，", y + "年,", y + "年以来", y + "年全年", "刚刚过去的" + y + "年", y + "年我们"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// periodOf states a figure's period where its words make it differ from its section's,
// in this order: its own clause (a plan's horizon, a span of years, a year that opens
// the clause); a review's paragraph that speaks of one year; a plan named in the
// sentence; in a review of several years, a sentence about the last year, or a level
// reached at the span's end; in a review of one year, a paragraph about a plan's span or
// the last five years.
func (s *scanner) periodOf(f *fig, a, b, sa, sb int) {
	if s.bulletin || f.nature == report.Threshold {
		return // a bulletin's figures are of its year
	}
	clause := s.str(s.clauseStart(a, clausePunct), s.clauseEnd(b, clausePunct))
	before := s.str(0, sb)
	sentence := s.str(sa, sb)
	// A plan section's paragraph that looks back (过去五年，……) reviews.
	review := s.role == report.RoleReview || f.nature == report.Result && retrospective(s.str(0, min(len(s.rs), 12)))
	reviewed := itoa(report.ReviewedYear(s.year))
	if name := report.PlanName.FindString(clause); name != "" && spanWords.MatchString(clause) {
		if _, ok := report.PlanPeriod(name); ok {
			f.period = name
			f.note("时期按分句中的五年规划“" + name + "”确定，请核对")
			return
		}
	}
	if s.year == 0 {
		return
	}
	if m := yearsSince.FindStringSubmatch(s.str(s.clauseStart(a, clausePunct), a)); m != nil && review {
		// 十年来我国居民消费价格涨幅稳定在2%左右: the years the clause names.
		if n, ok := zhtext.ParseNumber(m[1]); ok && n >= 2 && n <= 100 {
			to := report.ReviewedYear(s.year)
			f.period = report.Period{From: to - int(n) + 1, To: to}.String()
			f.note("分句讲的是" + m[0] + "，时期按这些年处理，请核对")
			return
		}
	}
	if review && spanWords.MatchString(s.str(s.clauseStart(a, clausePunct), a)) && !strings.Contains(clause, "以来最") {
		f.period = report.FiveYearReview(s.year).String()
		f.note("分句讲的是几年的合计或年均，时期按五年处理，请核对")
		return
	}
	if m := clauseYear.FindStringSubmatch(s.str(s.clauseStart(a, clausePunct), a)); m != nil && review {
		if y, _ := strconv.Atoi(m[1]); y <= report.ReviewedYear(s.year) && y > s.year-12 {
			f.period = m[1]
			return
		}
	}
	if review && s.oneYear && !s.spansYearsAt(a) {
		f.period = reviewed
		return
	}
	if name := report.PlanName.FindString(sentence); name != "" && (strings.Contains(sentence, "时期") || strings.Contains(sentence, "年均") || strings.Contains(sentence, "期间") || strings.Contains(sentence, "规划") || strings.Contains(sentence, "末")) {
		if p, ok := report.PlanPeriod(name); ok {
			if review && p.To == report.ReviewedYear(s.year) && s.reachesLevel(f, a) {
				// “十二五”时期，……地区生产总值突破2200亿元: the level reached at the plan's end.
				f.period = reviewed
				f.note("在“" + name + "”时期的回顾中，这是期末达到的水平，时期按最后一年处理，请核对")
				return
			}
			f.period = name
			f.note("时期按句中的五年规划“" + name + "”确定，请核对")
			return
		}
	}
	if review && (s.sec.multiYear || s.spansYearsAt(a)) {
		if oneYear.MatchString(sentence) {
			f.period = reviewed
			f.note("在五年回顾中，句中讲的是上一年，时期按一年处理")
			return
		}
		if s.reachesLevel(f, a) {
			f.period = reviewed
			f.note("在五年回顾中，这是期末达到的水平，时期按最后一年处理，请核对")
			return
		}
		// A figure of the years reviewed: of the plan the paragraph or the section names,
		// else of the five years before the report.
		span := report.FiveYearReview(s.year).String()
		if name := lastMatch(report.PlanName, s.str(0, a)); name != "" {
			span = name // “十四五”时期我市……的主要目标是: that plan's
		} else if name := report.PlanName.FindString(s.sec.title); name != "" {
			if p, ok := report.PlanPeriod(name); ok && p.To == report.ReviewedYear(s.year) {
				span = name
			}
		}
		f.period = span
		f.note("在几年的回顾中，时期按“" + span + "”处理，请核对")
		return
	}
	if review {
		if name := report.PlanName.FindString(before); name != "" {
			if p, ok := report.PlanPeriod(name); ok && p.To == report.ReviewedYear(s.year) {
				if s.reachesLevel(f, a) {
					f.period = reviewed
					f.note("在“" + name + "”时期的回顾中，这是期末达到的水平，时期按最后一年处理，请核对")
					return
				}
				f.period = name
				f.note("段落讲的是“" + name + "”时期，时期按该五年规划处理，请核对")
				return
			}
		}
		if multiYear.MatchString(before) || strings.Contains(sentence, "年均") {
			if s.reachesLevel(f, a) {
				f.period = reviewed
				f.note("在五年回顾中，这是期末达到的水平，时期按最后一年处理，请核对")
				return
			}
			f.period = report.FiveYearReview(s.year).String()
			f.note("段落讲的是过去五年，时期按五年处理，请核对")
		}
	}
}

// yearsSince names the years a clause speaks of: 十年来, 40多年来.
var yearsSince = regexp.MustCompile(`([零一二两三四五六七八九十百0-9]+)多?年来`)

// spanOpener opens what speaks of several years, in a paragraph: 过去五年，……;
// oneYearOpener what speaks of one: 2015年是……, 去年.
var (
	spanOpener    = regexp.MustCompile(`过去五年|五年来|五年间|本届政府|“?十[一二三四五六七八九]五”?(?:时期|期间|以来)`)
	oneYearOpener = regexp.MustCompile(`去年|过去一年|一年来|刚刚过去的|(?:19|20|21)[0-9]{2}年(?:是|，|,|以来|全年)`)
)

// spansYearsAt reports whether the paragraph, before rune a, last turned to several
// years: 2015年是“十二五”收官之年。过去五年，…… speaks of five years after its first
// sentence.
func (s *scanner) spansYearsAt(a int) bool {
	before := s.str(0, a)
	span := lastIndex(spanOpener, before)
	return span >= 0 && span > lastIndex(oneYearOpener, before)
}

func lastMatch(re *regexp.Regexp, s string) string {
	m := re.FindAllString(s, -1)
	if len(m) == 0 {
		return ""
	}
	return m[len(m)-1]
}

func lastIndex(re *regexp.Regexp, s string) int {
	at := -1
	for _, m := range re.FindAllStringIndex(s, -1) {
		at = m[0]
	}
	return at
}

// reachesLevel reports whether the figure at rune a is a level the text says was
// reached (增加到82.7万亿元, 突破2200亿元): in a review of several years, the level at
// the span's end.
func (s *scanner) reachesLevel(f *fig, a int) bool {
	if first, _, _ := strings.Cut(f.bound, report.BoundJoiner); slices.Contains(crossingBounds, first) && s.endsAt(a+len([]rune(first)), first) {
		return true // 突破2200亿元: the bound is the verb
	}
	lead := s.str(s.clauseStart(a, clausePunct+"、"), a)
	for _, w := range reachVerbs {
		if strings.HasSuffix(lead, w) {
			return true
		}
	}
	return strings.HasSuffix(lead, "为") && !strings.Contains(lead, "年均")
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

var targetsMarker = regexp.MustCompile(`主要预期目标(?:是|为)[：:]?|主要目标(?:是|为)[：:]|预期目标(?:是|为)[：:]?|预期目标(?:作了|进行了)?[^。]{0,8}调整。`)

// targetsEnd are sentence openings that end the list of main targets.
var targetsEnd = regexp.MustCompile(`^(?:上述|提出|实现这些|实现上述|这些目标|以上|这一|这个|主要考虑|综合考虑|作出这样)`)

// findTargets marks the main targets: from "主要预期目标是：" to the end of the paragraph,
// or to the sentence that starts explaining them.
func (s *scanner) findTargets() {
	loc := targetsMarker.FindStringIndex(s.text)
	if loc == nil || targetsEnd.MatchString(s.text) {
		return // 提出上述预期目标，……: the paragraph that explains the targets
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

// A main target without a number is a condition its indicator is to meet: 国际收支基本
// 平衡, 进出口稳中提质、实现正增长, 空气质量优良天数比率和地表水水质优良率均完成国家下达
// 任务. Each part of the targets paragraph without a number is read as a subject and a
// predicate, and named by what the predicate says of the subject: a growth
// (居民收入稳步增长: 居民人均可支配收入增速), a control (各类风险有序有效防控: 风险防控),
// a relation to economic growth (与经济增长基本同步), or the state itself.

// qualitativePredicate finds a qualitative target's state at the end of a clause.
var qualitativePredicate = regexp.MustCompile(`(?:(?:均(?:完成|实现|达到|保持|控制|确保)|确保|全部|基本|继续|持续|稳中|稳定改善|有效|有序|进一步|保持|回稳|明显|总体|稳步|取得|量稳质升|统筹|稳量提质|保稳|促稳|提质|实现|略高于|快于|高于|与经济)[^，。；]{0,12}|同步|平衡|稳定|改善|向好|提质|提效|防控|脱贫|摘帽|正增长|(?:完成|达到)[^，。；]{0,8}(?:下达|目标)[^，。；]{0,6}任务|完成(?:省|市|国家|上级)定?(?:目标)?任务)$`)

// qualitativeVerbFirst finds a target written verb first: 努力实现全面建成小康社会目标任务,
// 重点控制化石能源消费.
var qualitativeVerbFirst = regexp.MustCompile(`^(?:努力实现|努力完成|确保完成|完成|重点控制)(.+)$`)

// assignedTask ends a target to carry out what a higher government set: 完成国家下达的
// 能耗强度控制目标任务 is a target on the indicator it names.
var assignedTask = regexp.MustCompile(`下达的?(.+?)(?:控制)?目标(?:任务)?$`)

// continuesPredicate opens a part that goes on with the subject before it
// (进出口稳中提质、实现正增长) rather than naming one of its own.
var continuesPredicate = regexp.MustCompile(`^(?:实现|保持|稳中|提质|促稳|保稳|确保|继续|持续|基本|进一步|全部|均|有效|力争)`)

// qualitativeLeads open a subject without naming the indicator.
var qualitativeLeads = []string{"现行标准下", "各类", "重大", "全省", "全市", "全国", "全县", "全区", "外贸"}

// qualitative records the main targets stated without a number as 定性 figures.
func (s *scanner) qualitative() {
	// The goals of a plan's span (“十四五”时期……的主要目标是：) are aims, not the year's
	// targets an indicator is judged by.
	if s.target[0] < 0 {
		return
	}
	if s.targetsSpan() != "" {
		return
	}
	a := s.target[0]
	for a < s.target[1] {
		b := s.clauseEnd(a, "，；。,;")
		// A clause of several parts (、) is one target unless a part names a subject of
		// its own.
		start := a
		for k := a; k <= b; k++ {
			if k < b && s.rs[k] != '、' {
				continue
			}
			if k < b && continuesPredicate.MatchString(s.str(k+1, b)) {
				continue
			}
			// 节能减排约束性指标和大气、水环境质量确保完成…: a part without a predicate
			// or a number of its own is a subject that shares the next part's.
			if left := s.str(start, k); k < b && !qualitativePredicate.MatchString(left) && !qualitativeVerbFirst.MatchString(left) && !strings.ContainsFunc(left, isDigit) {
				continue
			}
			s.qualitativePart(start, k)
			start = k + 1
		}
		a = b + 1
	}
	slices.SortStableFunc(s.figs, func(x, y *fig) int { return x.start - y.start })
}

// qualitativePart reads runes [a, b) of the targets paragraph as a qualitative target,
// if it holds no number.
func (s *scanner) qualitativePart(a, b int) {
	clause := s.str(a, b)
	if b <= a || strings.ContainsFunc(clause, isDigit) || strings.HasPrefix(clause, "在") && !strings.Contains(clause, "争取更好结果") {
		return
	}
	add := func(phraseAt int, indicator, strive string) {
		f := &fig{sec: s.sec, item: s.item, text: s.text, nature: report.Qualitative, measure: "评价", role: report.RoleTargets, strive: strive}
		f.phrase = s.str(phraseAt, b)
		f.start = s.off[phraseAt]
		f.indicator = indicator
		if s.year > 0 {
			f.period = itoa(s.year)
		}
		sa, sb := s.sentenceAround(phraseAt, b)
		f.sentence = s.str(sa, sb)
		s.figs = append(s.figs, f)
	}
	// 在实际工作中争取更好结果: the striving part of the target before it.
	if strings.Contains(clause, "争取更好结果") {
		for i := len(s.figs) - 1; i >= 0; i-- {
			if f := s.figs[i]; f.role == report.RoleTargets && f.start < s.off[a] && f.indicator != "" {
				add(a, f.indicator, "争取")
				return
			}
		}
		return
	}
	if m := qualitativeVerbFirst.FindStringSubmatch(clause); m != nil {
		name := strings.Trim(m[1], "“”\"")
		if t := assignedTask.FindStringSubmatch(name); t != nil {
			if d, _, ok := indicator.LastMention(t[1]); ok {
				name = d.Name(s.level)
			}
		}
		add(a, s.std(name), "")
		return
	}
	loc := qualitativePredicate.FindStringIndex(clause)
	if loc == nil || loc[0] == 0 {
		return
	}
	pa := a + utf8.RuneCountInString(clause[:loc[0]])
	predicate := clause[loc[0]:]
	subject := strings.Trim(clause[:loc[0]], "—-“”\"（）() ")
	for _, w := range clauseLead {
		subject = strings.TrimPrefix(subject, w)
	}
	if subject == "" {
		return
	}
	for _, subj := range splitSubjects(subject, s.level) {
		add(pa, s.qualitativeName(subj, predicate), "")
	}
}

// splitSubjects parts a subject that names several indicators sharing one predicate
// (空气质量优良天数比率和地表水水质优良率均完成…; 大气、水环境质量): each part the
// dictionary knows, or a short part that borrows the last part's tail (大气 + 环境质量). A
// subject the dictionary knows whole stays whole.
func splitSubjects(subject, level string) []string {
	if _, ok := indicator.Find(standardName(subject, level)); ok {
		return []string{subject}
	}
	parts := strings.FieldsFunc(subject, func(r rune) bool { return r == '和' || r == '、' || r == '及' })
	if len(parts) < 2 {
		return []string{subject}
	}
	last := []rune(parts[len(parts)-1])
	for i, p := range parts[:len(parts)-1] {
		if utf8.RuneCountInString(p) <= 2 && len(last) > 2 {
			parts[i] = p + string(last[1:])
		}
	}
	return parts
}

// qualitativeName names the indicator of a qualitative target from its subject and
// what its predicate says of it.
func (s *scanner) qualitativeName(subject, predicate string) string {
	for again := true; again; {
		again = false
		for _, w := range qualitativeLeads {
			if strings.HasPrefix(subject, w) && len(subject) > len(w) {
				subject, again = strings.TrimPrefix(subject, w), true
			}
		}
	}
	name := subject
	known := func(n string) bool { _, ok := indicator.Find(s.std(n)); return ok }
	switch {
	case strings.Contains(predicate, "经济增长") && !strings.Contains(subject, "经济增长"):
		name = strings.TrimSuffix(strings.TrimSuffix(subject, "增长"), "增速") + "增长与经济增长"
	case strings.Contains(predicate, "增长") && !strings.HasSuffix(subject, "增速"):
		name = subject + "增速"
	case strings.HasSuffix(predicate, "防控"):
		name = subject + "防控"
	case strings.HasSuffix(predicate, "脱贫") || strings.HasSuffix(predicate, "摘帽"):
		name = subject + predicate[len(predicate)-len("脱贫"):]
	case strings.Contains(predicate, "下降") || strings.Contains(predicate, "减少"):
		if known(subject + "下降") {
			name = subject + "下降"
		}
	}
	if !known(name) && known(subject) {
		name = subject
	}
	if !known(name) {
		// 能耗强度目标在“十四五”规划期内统筹考核: the indicator its subject opens with.
		rs := []rune(subject)
		for n := len(rs) - 1; n >= 2; n-- {
			if known(string(rs[:n])) {
				name = string(rs[:n])
				break
			}
		}
	}
	return s.std(name)
}
