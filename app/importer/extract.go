package importer

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"workreport/app/report"
	"workreport/app/zhtext"
)

// fig is a figure found in a paragraph, before it is written out.
type fig struct {
	sec     *section
	item    int    // the paragraph's index in sec.items
	text    string // the paragraph
	start   int    // byte offset of the phrase in text
	phrase  string
	value   float64
	upper   float64
	has     bool
	isRange bool
	unit    string
	bound   string
	strive  string
	// unitSource: where a table states the unit of a number printed without one.
	unitSource string

	nature    report.Nature
	measure   string
	basis     report.Basis
	direction report.Direction
	indicator string
	sentence  string
	period    string
	role      report.Role
	notes     []string
	pair      *fig
	id        string
	// decline: a growth printed as a decline (下降7.0%), whose value is negative and
	// whose phrase opens with the decline word.
	decline string
	// list is 1 + the rune where the clause starts whose 分别 gave the figure its
	// indicator, 0 for a figure not in such a list.
	list int
	// also are the other indicators a list gives the same number (化学需氧量、氨氮排放
	// 都要减少2%): each becomes a figure of its own.
	also []string
}

func (f *fig) note(s string) {
	if !slices.Contains(f.notes, s) {
		f.notes = append(f.notes, s)
	}
}

// nonfig is a number that is not a figure: a year, a date, an ordinal, a name or a word.
type nonfig struct {
	text, kind, reason string
}

// Nonfigure kinds.
const (
	kindYear  = "年份"
	kindDate  = "日期"
	kindOrder = "序号"
	kindName  = "名称"
	kindWord  = "词语"
	kindSpan  = "时期"
	kindNote  = "注释"
)

// scanner finds the figures and nonfigures of one paragraph.
type scanner struct {
	sec    *section
	item   int
	text   string
	rs     []rune
	off    []int // byte offset of each rune, and len(text) at the end
	role   report.Role
	year   int // the report's year
	figs   []*fig
	nons   []nonfig
	target [2]int // rune range of the main targets in this paragraph, if any
	// bulletin: the paragraph is a statistical bulletin's, whose every figure is a
	// result of its year.
	bulletin bool
	level    string // the report's level (全国, 省, 市), for the indicators' standard names
	// oneYear: the paragraph speaks of the reviewed year alone, though its section
	// reviews several years.
	oneYear bool
	// names remembers the standard names found for the import's indicators.
	names map[string]string
}

func newScanner(sec *section, item int, text string, year int) *scanner {
	s := &scanner{sec: sec, item: item, text: text, rs: []rune(text), role: sec.role, year: year, target: [2]int{-1, -1}}
	s.off = make([]int, len(s.rs)+1)
	o := 0
	for i, r := range s.rs {
		s.off[i] = o
		o += len(string(r))
	}
	s.off[len(s.rs)] = o
	s.oneYear = sec.oneYear || sec.oneYearFrom > 0 && item >= sec.oneYearFrom-1 || opensOneYear(text, year)
	return s
}

func (s *scanner) at(i int, w string) bool {
	if i < 0 {
		return false
	}
	k := i
	for _, r := range w {
		if k >= len(s.rs) || s.rs[k] != r {
			return false
		}
		k++
	}
	return true
}

// endsAt reports whether w ends just before rune index i.
func (s *scanner) endsAt(i int, w string) bool {
	n := utf8.RuneCountInString(w)
	return i-n >= 0 && s.at(i-n, w)
}

func (s *scanner) longestAt(i int, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && s.at(i, w) {
			best = w
		}
	}
	return best
}

func (s *scanner) longestBefore(i int, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && s.endsAt(i, w) {
			best = w
		}
	}
	return best
}

func (s *scanner) str(i, j int) string { return s.text[s.off[i]:s.off[j]] }

func isDigit(r rune) bool   { return zhtext.IsDigit(r) }
func isNumeral(r rune) bool { return zhtext.IsNumeral(r) }
func isASCIILetter(r rune) bool {
	return r < 128 && unicode.IsLetter(r)
}

var (
	rangeSeps   = []rune("－-–—～~")
	wordSeps    = []string{"至", "到"}
	clausePunct = "，。；：！？,;:!?（）()“”\"「」《》"
	sentPunct   = "。！？!?"
)

// scan walks the paragraph and classifies every number in it.
func (s *scanner) scan() {
	i := 0
	// The numbering that opens a paragraph (一、 （二） 3.) is structure.
	if m := numbered.FindString(s.text); m != "" {
		i = len([]rune(strings.TrimRight(m, "\x00")))
		for i > 0 && !isNumeral(s.rs[i-1]) && !isDigit(s.rs[i-1]) && !strings.ContainsRune("、.．）)", s.rs[i-1]) {
			i--
		}
	}
	s.findTargets()
	for i < len(s.rs) {
		r := s.rs[i]
		switch {
		case isDigit(r):
			i = s.arabic(i)
		case isNumeral(r) || r == '半':
			i = s.chinese(i)
		default:
			i++
		}
	}
	s.sharedBounds()
	s.qualitative()
}

// sharedBounds notes, on the figures of a list that 分别 distributes, a qualifier printed
// once for the list (分别增长6%和8%以上, 分别控制在5.5%和3.5%以内) that may be the others'
// too: a figure's 限定 is what is printed with its number, so a person decides.
func (s *scanner) sharedBounds() {
	lists := map[int][]*fig{}
	for _, f := range s.figs {
		if f.list > 0 {
			lists[f.list] = append(lists[f.list], f)
		}
	}
	for _, figs := range lists {
		if len(figs) < 2 {
			continue
		}
		first, last := figs[0], figs[len(figs)-1]
		for _, f := range figs {
			for _, other := range []*fig{first, last} {
				for _, w := range strings.Split(other.bound, report.BoundJoiner) {
					if other == f || w == "" || strings.Contains(f.bound, w) {
						continue
					}
					if q, ok := zhtext.LookupQualifier(w); ok && (q.Place == zhtext.Before) == (other == first) {
						f.note("“分别”列举的数字可能共用“" + w + "”，此数的限定请核对")
					}
				}
			}
		}
	}
}

// numberEnd returns the end of the Arabic number at i: digits with one decimal point.
func (s *scanner) numberEnd(i int) int {
	j := i
	for j < len(s.rs) && isDigit(s.rs[j]) {
		j++
	}
	if j+1 < len(s.rs) && s.rs[j] == '.' && isDigit(s.rs[j+1]) {
		j++
		for j < len(s.rs) && isDigit(s.rs[j]) {
			j++
		}
	}
	return j
}

func (s *scanner) addNon(text, kind, reason string) {
	s.nons = append(s.nons, nonfig{text: text, kind: kind, reason: reason})
}

// arabic classifies the Arabic number at i and returns where scanning goes on.
func (s *scanner) arabic(i int) int {
	j := s.numberEnd(i)
	num := s.str(i, j)
	// A note mark: 国内生产总值[2].
	if i > 0 && s.rs[i-1] == '[' && j < len(s.rs) && s.rs[j] == ']' {
		s.addNon(s.str(i-1, j+1), kindNote, "注释标号")
		return j + 1
	}
	// A name that holds digits: PM2.5, M2, 5G, G20, C919.
	if (i > 0 && isASCIILetter(s.rs[i-1])) || (j < len(s.rs) && isASCIILetter(s.rs[j]) && !s.at(j, "GB") && !s.at(j, "km")) {
		a, b := i, j
		for a > 0 && (isASCIILetter(s.rs[a-1]) || isDigit(s.rs[a-1]) || s.rs[a-1] == '.') {
			a--
		}
		for b < len(s.rs) && (isASCIILetter(s.rs[b]) || isDigit(s.rs[b]) || s.rs[b] == '.') {
			b++
		}
		s.addNon(s.str(a, b), kindName, "名称中的数字")
		return b
	}
	v, _ := strconv.ParseFloat(num, 64)
	isYearNum := j-i == 4 && !strings.Contains(num, ".") && v >= 1900 && v <= 2100
	if isYearNum {
		// 2013—2017年, 2020、2021年
		if j < len(s.rs) && slices.Contains(rangeSeps, s.rs[j]) {
			k := s.numberEnd(j + 1)
			if k-(j+1) == 4 && k < len(s.rs) && s.rs[k] == '年' {
				s.addNon(s.str(i, k+1), kindYear, "年份区间")
				return k + 1
			}
		}
		if j < len(s.rs) && (s.rs[j] == '年' || s.rs[j] == '、' || s.rs[j] == '至' || s.rs[j] == '届') {
			s.addNon(s.str(i, j+1), kindYear, "年份")
			return j + 1
		}
	}
	// Dates: 3月5日, 12月.
	if j < len(s.rs) && s.rs[j] == '月' && v >= 1 && v <= 12 && !strings.Contains(num, ".") {
		k := j + 1
		if k < len(s.rs) && isDigit(s.rs[k]) {
			e := s.numberEnd(k)
			if e < len(s.rs) && (s.rs[e] == '日' || s.rs[e] == '号') {
				k = e + 1
			}
		} else if s.at(k, "份") {
			k++
		}
		s.addNon(s.str(i, k), kindDate, "日期")
		return k
	}
	if j < len(s.rs) && (s.rs[j] == '日' || s.rs[j] == '号') && i > 0 && s.rs[i-1] == '月' {
		s.addNon(s.str(i, j+1), kindDate, "日期")
		return j + 1
	}
	// Ordinals and ranks: 第2, 第十三届.
	if i > 0 && s.rs[i-1] == '第' {
		return s.ordinal(i-1, i, j, v)
	}
	// Time words: 7年来, 5年间.
	if s.at(j, "年来") || s.at(j, "年间") {
		s.addNon(s.str(i, j+2), kindSpan, "时期")
		return j + 2
	}
	// Anniversaries: 70周年.
	if s.at(j, "周年") {
		s.addNon(s.str(i, j+2), kindOrder, "周年")
		return j + 2
	}
	return s.figure(i, j, v, num)
}

// ordinal handles 第N: a rank when it places something (稳居世界第二位, 排全省第2),
// else an ordinal (第十三届, 第五次会议).
func (s *scanner) ordinal(di, i, j int, v float64) int {
	placed := false
	for _, w := range []string{"世界", "全球", "全国", "全省", "全市", "全区", "全县", "居", "排", "列", "位", "排名", "跃升", "升至", "保持"} {
		for k := max(0, di-6); k < di; k++ {
			if s.at(k, w) && k+len([]rune(w)) >= di-3 {
				placed = true
			}
		}
	}
	if j < len(s.rs) && (s.rs[j] == '位' || s.rs[j] == '名') && !s.at(j, "名称") {
		placed = true
	}
	if j < len(s.rs) && strings.ContainsRune("届次批期轮章条款个部", s.rs[j]) {
		placed = false
	}
	if !placed {
		k := j
		if k < len(s.rs) && !strings.ContainsRune(clausePunct+"、", s.rs[k]) {
			k++
		}
		s.addNon(s.str(di, k), kindOrder, "序数")
		return k
	}
	f := s.newFig(di, j, v)
	f.unit = report.RankUnit
	f.measure = "排名"
	s.finish(f, di, j)
	return j
}

// chinese classifies the run of Chinese numerals at i.
func (s *scanner) chinese(i int) int {
	// Set phrases: 一带一路, 千方百计.
	for _, p := range fixedPhrases {
		pr := []rune(p)
		for k := 0; k < len(pr); k++ {
			if pr[k] == s.rs[i] && s.at(i-k, p) {
				s.addNon(p, kindName, "固定说法")
				return i - k + len(pr)
			}
		}
	}
	j := i
	for j < len(s.rs) && (isNumeral(s.rs[j]) || s.rs[j] == '半' && j == i) {
		j++
	}
	run := s.str(i, j)
	next := func(k int) rune {
		if k < len(s.rs) {
			return s.rs[k]
		}
		return 0
	}
	word := func(reason, kind string) int {
		a, b := i, j
		if b < len(s.rs) && !strings.ContainsRune(clausePunct+"、—", s.rs[b]) {
			b++
		} else if a > 0 && !strings.ContainsRune(clausePunct+"、—", s.rs[a-1]) {
			a--
		}
		s.addNon(s.str(a, b), kind, reason)
		return j
	}
	if run == "半" {
		if s.endsAt(i, "减") {
			// 减半征收: a fraction of one half.
			return s.fraction(i, j, 0.5)
		}
		return s.wordAt(i, j, "词语中的数字")
	}
	if run == "一" && s.at(j, "半") && !s.at(j+1, "年") {
		return s.fraction(i, j+1, 0.5)
	}
	// Plan names: 十三五, “十四五”.
	if m := report.PlanName.FindString(run); m != "" && (run == m) {
		s.addNon(run, kindName, "五年规划")
		return j
	}
	// Party congresses and sessions: 十九大, 十九届二中全会, 第十三届.
	if next(j) == '大' && len([]rune(run)) >= 2 {
		s.addNon(run+"大", kindOrder, "党的全国代表大会届次")
		return j + 1
	}
	if next(j) == '届' || s.at(j, "中全会") || s.at(j, "次会议") {
		a := i
		if a > 0 && s.rs[a-1] == '第' {
			a--
		}
		e := j + 1
		if s.at(j, "中全会") {
			e = j + 3
		}
		s.addNon(s.str(a, e), kindOrder, "届次")
		return e
	}
	if i > 0 && s.rs[i-1] == '第' {
		v, ok := zhtext.ParseNumber(run)
		if ok {
			return s.ordinal(i-1, i, j, v)
		}
	}
	if next(j) == '是' && (i == 0 || strings.ContainsRune(clausePunct+"、。—", s.rs[i-1])) {
		s.addNon(run+"是", kindOrder, "列举")
		return j + 1
	}
	// Fractions: 三分之一.
	if s.at(j, "分之") {
		k := j + 2
		e := k
		for e < len(s.rs) && isNumeral(s.rs[e]) {
			e++
		}
		a, ok1 := zhtext.ParseNumber(run)
		b, ok2 := zhtext.ParseNumber(s.str(k, e))
		if ok1 && ok2 && a > 0 && e > k {
			return s.fraction(i, e, b/a)
		}
	}
	// 翻一番, 翻两番.
	if i > 0 && s.rs[i-1] == '翻' && next(j) == '番' {
		v, _ := zhtext.ParseNumber(run)
		f := s.newFig(i, j+1, v)
		f.unit = "番"
		f.measure = "比率"
		s.finish(f, i, j+1)
		return j + 1
	}
	// Time spans used as time words: 过去五年, 今后五年, 五年来, 近两年.
	if next(j) == '年' {
		if s.endsAt(i, "过去") || s.endsAt(i, "今后") || s.endsAt(i, "未来") || s.endsAt(i, "近") || s.endsAt(i, "这") ||
			s.at(j+1, "来") || s.at(j+1, "间") || s.at(j+1, "行动") || s.at(j+1, "规划") || s.at(j+1, "攻坚") || s.endsAt(i, "今明") {
			a := i
			for _, w := range []string{"过去", "今后", "未来", "近", "这", "今明"} {
				if s.endsAt(i, w) {
					a = i - len([]rune(w))
					break
				}
			}
			e := j + 1
			if s.at(j+1, "来") || s.at(j+1, "间") {
				e++
			}
			s.addNon(s.str(a, e), kindSpan, "时期")
			return e
		}
	}
	// A leading magnitude stands for one of it after 上 (上千万, 上百亿, 上亿) or alone
	// before a unit (千亿元).
	num, mag := splitMagnitude(run)
	v, ok := zhtext.ParseNumber(num)
	if num == "" {
		v, ok = 1, true
	}
	if !ok {
		return word("词语中的数字", kindWord)
	}
	unit := s.longestAt(j, countUnits)
	if mag == "" && next(j) == '强' && v >= 10 {
		return s.figure(i, j, v, run)
	}
	if num == "" && !s.endsAt(i, "上") && !s.endsAt(i, "近") && !s.endsAt(i, "超") && !s.endsAt(i, "数") {
		return word("数量词，是词语的一部分（亿万、千辛万苦）", kindWord)
	}
	if (num == "百" || num == "千") && mag == "" && !s.endsAt(i, "上") {
		return word("数量词，是词语的一部分（百年、千年）", kindWord)
	}
	if mag == "" && v < 10 && (unit == "个" || unit == "种" || unit == "类") && !s.at(j, "个百分点") && !s.at(j, "个月") && !s.at(j, "个工作日") {
		return word("“两个”“八个”等泛指或提法，不作为数据", kindWord)
	}
	if i > 0 && s.rs[i-1] == '“' {
		return word("引号中的提法", kindName)
	}
	if mag == "" && unit == "" {
		if s.endsAt(i, "上") && strings.ContainsAny(run, "百千万亿") {
			// 上百, 上千 with a noun: 上千家 is caught above; 上百 alone is a word.
		}
		return word("不带单位的数字，是词语的一部分", kindWord)
	}
	if mag == "" && v == 1 && unit != "倍" && unit != "番" && unit != "个百分点" && !strings.ContainsAny(run, "十百千") {
		return word("“一”加量词，是泛指", kindWord)
	}
	if s.endsAt(i, "几") || s.endsAt(i, "数") || s.endsAt(i, "多") && mag == "" {
		return word("约数", kindWord)
	}
	if unit == "个" && next(j+1) == '“' {
		return word("名称", kindName)
	}
	// 十件民生实事, 三项工程, 九项重点工程, “促进就业九条”: a programme named by how
	// many parts it has.
	if mag == "" && v <= 20 && (unit == "项" || unit == "件" || unit == "条") {
		if k := j + len([]rune(unit)); k < len(s.rs) && (s.rs[k] == '”' || s.rs[k] == '》' || unicode.Is(unicode.Han, s.rs[k]) && !s.at(k, "的") && !s.at(k, "以")) {
			return word("以数量命名的工作或政策（如“十件民生实事”）", kindName)
		}
	}
	return s.figure(i, j, v, run)
}

// fraction records a fraction (三分之一, 一半, 半) at runes [i, j), with a bound after it.
func (s *scanner) fraction(i, j int, v float64) int {
	end := j
	bound := ""
	if w := s.longestAt(j, suffixBounds); w != "" {
		bound, end = w, j+len([]rune(w))
	}
	f := s.newFig(i, end, v)
	f.unit = ""
	f.bound = bound
	s.finish(f, i, end)
	return end
}

// wordAt records the numeral at [i, j) as part of a word.
func (s *scanner) wordAt(i, j int, reason string) int {
	a, b := i, j
	if b < len(s.rs) && !strings.ContainsRune(clausePunct+"、—", s.rs[b]) {
		b++
	} else if a > 0 && !strings.ContainsRune(clausePunct+"、—", s.rs[a-1]) {
		a--
	}
	s.addNon(s.str(a, b), kindWord, reason)
	return j
}

// splitMagnitude splits a Chinese numeral into its number and the magnitude that ends
// it: 一万亿 → 一 and 万亿, 千亿 → 千 and 亿, 十四亿 → 十四 and 亿.
func splitMagnitude(run string) (num, mag string) {
	rs := []rune(run)
	k := len(rs)
	for k > 0 && (rs[k-1] == '万' || rs[k-1] == '亿') {
		k--
	}
	if k == 0 {
		return "", run
	}
	return string(rs[:k]), string(rs[k:])
}

var sortedUnits = func() []string {
	u := slices.Clone(zhtext.BaseUnits)
	sort.SliceStable(u, func(a, b int) bool { return len(u[a]) > len(u[b]) })
	return u
}()

// figure reads the unit, bounds and range of the number at [i, j) and records the figure.
func (s *scanner) figure(i, j int, v float64, num string) int {
	k := j
	// 6-6.5%: a range before the unit.
	upper, isRange := 0.0, false
	if k+1 < len(s.rs) && slices.Contains(rangeSeps, s.rs[k]) && isDigit(s.rs[k+1]) {
		e := s.numberEnd(k + 1)
		if u, err := strconv.ParseFloat(s.str(k+1, e), 64); err == nil && u > v {
			upper, isRange, k = u, true, e
		}
	}
	inner := ""
	if k < len(s.rs) && (s.rs[k] == '多' || s.rs[k] == '余') {
		if u := s.unitAt(k + 1); u != "" {
			inner = string(s.rs[k])
			k++
		}
	}
	unit := s.unitAt(k)
	if isNumeral(s.rs[i]) {
		// A Chinese numeral carries its magnitude in the run: 一万亿元 is 一 with 万亿元.
		_, mag := splitMagnitude(num)
		if mag != "" {
			k -= len([]rune(mag))
			if inner != "" {
				k--
			}
			unit = s.unitAt(k)
			if v == 1 && !strings.ContainsAny(strings.TrimSuffix(num, mag), "一") {
				// 千亿元 → 千 (1000) × 亿元; handled by ParseNumber of the number part.
			}
		}
	}
	end := k + len([]rune(unit))
	if unit == "" && s.at(k, "强") {
		// 全国50强, 百强县: a place within the top N.
		f := s.newFig(i, k+1, v)
		f.unit, f.bound, f.measure = report.RankUnit, report.TopBound, "排名"
		s.finish(f, i, k+1)
		return k + 1
	}
	// 12.88万吨/日: a unit per day, per person.
	if unit != "" && end+1 < len(s.rs) && s.rs[end] == '/' && strings.ContainsRune("日天年月人户次", s.rs[end+1]) {
		unit += string(s.rs[end : end+2])
		end += 2
	}
	if unit == "" {
		if isRange {
			return j
		}
		a := i
		s.addNon(s.str(a, end), kindWord, "没有单位的数字")
		return end
	}
	// 6%－6.5%: a range after the unit.
	if !isRange && end+1 < len(s.rs) {
		sep := ""
		if slices.Contains(rangeSeps, s.rs[end]) {
			sep = string(s.rs[end])
		} else if w := s.longestAt(end, wordSeps); w != "" {
			sep = w
		}
		if sep != "" {
			b := end + len([]rune(sep))
			if b < len(s.rs) && isDigit(s.rs[b]) {
				e := s.numberEnd(b)
				if u, err := strconv.ParseFloat(s.str(b, e), 64); err == nil && u > v && s.at(e, unit) {
					upper, isRange, end = u, true, e+len([]rune(unit))
				}
			}
		}
	}
	// Suffix bounds: 以上, 左右, and 多/余 after a magnitude (1亿多).
	suffix := ""
	if s.at(end, "内") && slices.Contains(timeUnits, unit) {
		suffix = "内"
	} else if w := s.longestAt(end, suffixBounds); w != "" {
		if w == "多" || w == "余" {
			if inner == "" && isMagnitude(unit) {
				suffix = w
			}
		} else if w != "强" {
			suffix = w
		}
	}
	pEnd := end + len([]rune(suffix))
	f := s.newFig(i, pEnd, v)
	f.unit = unit
	f.upper, f.isRange = upper, isRange
	var bounds []string
	start := i
	if pre := s.longestBefore(i, prefixBounds); pre != "" && (pre != "上" || isNumeral(s.rs[i])) {
		if !(pre == "达" && s.endsAt(i, "到达")) {
			bounds = append(bounds, pre)
			start = i - len([]rune(pre))
		}
	}
	if inner != "" {
		bounds = append(bounds, inner)
	}
	if suffix != "" {
		bounds = append(bounds, suffix)
	}
	f.bound = strings.Join(bounds, "、")
	if unit == "年" && !s.yearsAsQuantity(start, pEnd, f.bound) {
		// 三年新冠疫情, 五年年均增长, 十年前, 改革开放40年, 创10年新高: how long
		// something took, or the period another figure covers.
		s.addNon(s.str(start, pEnd), kindSpan, "经历的时间或数据所属的时期，不作为数据")
		return pEnd
	}
	if s.categoryName(start, pEnd, unit, f.bound) {
		// 超亿元项目, 20户以上的自然村, 千亿级园区: a threshold that names a class of
		// things, not a quantity of them.
		s.addNon(s.str(start, pEnd), kindName, "类别名称中的门槛（如“超亿元项目”）")
		return pEnd
	}
	s.finish(f, start, pEnd)
	// A threshold or a range may be followed by another number: keep scanning after it.
	return pEnd
}

// Years are a quantity in their own right where the words say so: a streak (连续四年),
// a term (受教育年限11.3年, 再延长30年, 最长3年, 三年内), or a limit that defines a
// class (半年以上人员).
var (
	yearTermNouns = []string{"年限", "期限", "寿命", "工龄", "教龄", "任期", "有效期", "服务期", "保质期", "学制"}
	yearTermVerbs = []string{"连续", "延长", "缩短", "最长", "最短", "长达", "从事", "为期", "满"}
)

// yearsAsQuantity reports whether a number of years at runes [a, b) is a quantity.
func (s *scanner) yearsAsQuantity(a, b int, bound string) bool {
	if bound == "内" || zhtext.IsLimit(bound) && hasAnyPrefix(s.str(b, min(len(s.rs), b+6)), thresholdNouns) {
		return true
	}
	clause := s.str(s.clauseStart(a, clausePunct+"、"), a)
	if hasAny(clause, yearTermVerbs) {
		return true
	}
	sa, _ := s.sentenceAround(a, b)
	return hasAny(s.str(sa, a), yearTermNouns)
}

// categoryNames follow a threshold that names a class of things: 超亿元项目, 投资10亿元
// 以上制造业重点项目, 20户以上的自然村, 千亿级园区, 产值超50亿元后备企业.
var categoryNames = []string{"项目", "企业", "园区", "产业集群", "集群", "自然村", "行政村", "强区", "强县", "强镇", "平台", "基地", "龙头"}

// categoryName reports whether a figure at runes [a, b) in the unit with the bound is
// the threshold of a class's name: a bound of its size (超, 以上, 级) in money or
// households, or a bare magnitude (千亿园区), followed by the class within a few words.
func (s *scanner) categoryName(a, b int, unit, bound string) bool {
	_, base := zhtext.SplitUnit(unit)
	if !(base == "元" || base == "美元" || base == "户" || base == "" && isMagnitude(unit)) {
		return false
	}
	if zhtext.IsCeiling(bound) || bound == "" && !(isMagnitude(unit) && !strings.ContainsFunc(s.str(a, b), isDigit)) {
		return false // a class is named by a floor (超亿元, 10亿元以上) or an order in words (千亿)
	}
	after := s.str(b, s.clauseEnd(b, "，。；;,：:！？!?"))
	// 超50亿元、100亿元大项目: the list's other sizes; 百亿级市（区）级国有企业: a remark.
	after = listedSize.ReplaceAllString(bracketed.ReplaceAllString(after, ""), "")
	after = strings.TrimPrefix(strings.TrimPrefix(after, "级"), "的")
	if k := strings.IndexRune(after, '、'); k >= 0 {
		after = after[:k]
	}
	for _, w := range categoryNames {
		if k := strings.Index(after, w); k >= 0 && utf8.RuneCountInString(after[:k]) <= 8 {
			return true
		}
	}
	return false
}

// ageGroups are the people an age names: 60岁以上老年人口, 16—59岁人口, 0—3岁婴幼儿.
var ageGroups = []string{"人口", "人群", "老年", "老人", "儿童", "婴幼儿", "幼儿", "少年", "青少年", "青年", "妇女", "男性", "女性", "居民", "人员", "劳动", "学生", "适龄", "群体"}

// listedSize is another size listed after a class's threshold: 超50亿元、100亿元大项目,
// 超五百亿乃至超千亿的产业集群.
var listedSize = regexp.MustCompile(`^(?:、|乃至|甚至|和|或)超?[0-9.一二三四五六七八九十百千万亿]+(?:万|亿)*元?`)

func isMagnitude(unit string) bool {
	return zhtext.IsMagnitude(unit)
}

// unitAt returns the unit at rune k: a magnitude, a base unit, or both.
func (s *scanner) unitAt(k int) string {
	mag := s.longestAt(k, magnitudes)
	base := s.longestAt(k+len([]rune(mag)), sortedUnits)
	if mag != "" && isMagnitude(base) {
		// 万亿 read as 万 + 亿: take the longest magnitude alone.
		if m2 := s.longestAt(k, magnitudes); len(m2) >= len(mag+base) {
			return m2
		}
	}
	u := mag + base
	if base == "人" && (s.at(k+len([]rune(mag)), "人口") || s.at(k+len([]rune(mag)), "人民") || s.at(k+len([]rune(mag)), "人才")) {
		return mag
	}
	// A measure word that is the start of a word is not a unit: 年 of 年均, 次 of 次年.
	if base == "年" && (s.at(k+len([]rune(mag)), "年均") || s.at(k+len([]rune(mag)), "年度") || s.at(k+len([]rune(mag)), "年底") || s.at(k+len([]rune(mag)), "年末")) {
		return mag
	}
	return u
}

func (s *scanner) newFig(i, j int, v float64) *fig {
	return &fig{sec: s.sec, item: s.item, text: s.text, value: v, has: true}
}

// finish fills in what a figure's phrase at runes [a, b) needs: its sentence, strive
// word, indicator, measure, nature, basis, period and role.
func (s *scanner) finish(f *fig, a, b int) {
	f.phrase = s.str(a, b)
	f.start = s.off[a]
	sa, sb := s.sentenceAround(a, b)
	f.sentence = s.str(sa, sb)
	ca := s.clauseStart(a, ",，;；:：。！？!?")
	clause := s.str(ca, a)
	for _, w := range striveWords {
		if strings.Contains(clause, w) {
			f.strive = w
		}
	}
	s.describe(f, a, b, sa)
	if f.decline != "" {
		s.negate(f, a, b)
	}
	s.nature(f, a, b, sa, sb)
	s.basisOf(f, ca, b)
	s.periodOf(f, a, b, sa, sb)
	if s.target[0] >= 0 && a >= s.target[0] && a < s.target[1] {
		f.role = report.RoleTargets
		if f.nature == report.Result {
			f.nature = report.Target
		}
		// A target of the year's main-targets paragraph is a target of the year, though
		// a plan's span is named nearby, unless its own clause names another span, or the
		// paragraph sets the goals of a span (今后五年……主要目标是：, “十四五”时期……).
		if span := s.targetsSpan(); span != "" {
			f.period = span
		} else if s.year > 0 && !horizon.MatchString(s.str(s.clauseStart(a, clausePunct), s.clauseEnd(b, clausePunct))) {
			f.period = itoa(s.year)
		}
	}
	if f.nature != report.Target {
		f.strive = ""
	}
	if strings.Contains(clause, "拟") || strings.Contains(clause, "安排") && f.nature == report.Target {
		f.direction = report.Direction("无")
	}
	s.figs = append(s.figs, f)
	for _, name := range f.also {
		g := *f
		g.indicator, g.also, g.notes = name, nil, slices.Clone(f.notes)
		s.figs = append(s.figs, &g)
	}
}

// negate makes a growth printed as a decline (下降7.0%) the negative growth it is, and a
// decrease printed as a rise (上升3.4%) the negative decrease: its phrase takes in the
// word printed right before it (a note mark may stand between, 下降[43]3.9%). The word
// elsewhere leaves the change as printed.
func (s *scanner) negate(f *fig, a, b int) {
	k := a
	if k > 0 && s.rs[k-1] == ']' {
		for m := k - 2; m >= 0 && m >= k-6; m-- {
			if s.rs[m] == '[' {
				k = m
				break
			}
		}
	}
	if !s.endsAt(k, f.decline) {
		// The word is not printed with the number: the figure is the change as printed.
		if slices.Contains(report.RiseWords, f.decline) {
			f.indicator = strings.TrimSuffix(f.indicator, "降幅") + "增速"
		} else {
			f.indicator = strings.TrimSuffix(f.indicator, "增速") + "降幅"
		}
		f.decline = ""
		return
	}
	a = k - len([]rune(f.decline))
	f.phrase = s.str(a, b)
	f.start = s.off[a]
	f.value, f.upper = -f.value, -f.upper
	if f.isRange {
		f.value, f.upper = f.upper, f.value
	}
}

// targetsSpan is the span whose goals the main-targets paragraph sets, where its
// opening names one: a plan (“十四五”时期……的主要目标是) or the next five years (今后五年
// ……主要目标是); "" for the year's targets.
func (s *scanner) targetsSpan() string {
	sa, _ := s.sentenceAround(s.target[0], s.target[0])
	intro := s.str(sa, s.target[0])
	if name := report.PlanName.FindString(intro); name != "" {
		return name
	}
	if s.year > 0 && (strings.Contains(intro, "今后五年") || strings.Contains(intro, "未来五年")) {
		return report.Period{From: s.year, To: s.year + 4}.String()
	}
	return ""
}

// horizon names a span other than the year in a target's clause: 十四五, 到2025年, 年均.
var horizon = regexp.MustCompile(report.PlanName.String() + `|到(?:19|20|21)[0-9]{2}年|年均|今后五年|期间`)

// sentenceAround returns the sentence holding runes [a, b).
func (s *scanner) sentenceAround(a, b int) (int, int) {
	sa := a
	for sa > 0 && !strings.ContainsRune(sentPunct, s.rs[sa-1]) {
		sa--
	}
	for sa < a && (s.rs[sa] == '—' || s.rs[sa] == ' ' || s.rs[sa] == '\u3000') {
		sa++
	}
	sb := b
	for sb < len(s.rs) && !strings.ContainsRune(sentPunct, s.rs[sb]) {
		sb++
	}
	if sb < len(s.rs) {
		sb++
	}
	for sb < len(s.rs) && strings.ContainsRune("”’」』）)", s.rs[sb]) {
		sb++
	}
	return sa, sb
}

func (s *scanner) clauseStart(a int, puncts string) int {
	ca := a
	for ca > 0 && !strings.ContainsRune(puncts, s.rs[ca-1]) {
		ca--
	}
	return ca
}

func (s *scanner) clauseEnd(b int, puncts string) int {
	cb := b
	for cb < len(s.rs) && !strings.ContainsRune(puncts, s.rs[cb]) {
		cb++
	}
	return cb
}
