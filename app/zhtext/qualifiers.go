package zhtext

import "strings"

// The qualifiers of a printed figure, each listed once with what it says of the number:
// the importer reads them as a figure's 限定, the verdicts judge by their meaning, the
// workbook explains them and line breaking keeps them with their number.

// Sense is what a qualifier says of the number it qualifies.
type Sense int

// The senses.
const (
	Exact   Sense = iota // 达到, 达: the number itself
	AtLeast              // 超过, 以上, 突破, 多, 余: the number or more
	AtMost               // 以内, 不超过, 控制在, 近: the number or less
	About                // 左右, 约: near the number, on either side
	Top                  // 强: a place within the top N
	Scale                // 级: of the order of the number (千亿级)
)

// Place is where a qualifier is printed.
type Place int

// The places.
const (
	Before Place = iota // before the number: 超2600家
	After               // after the number and its unit: 6%以上; 多 and 余 also between them (6600多万人)
)

// Qualifier is one qualifier word.
type Qualifier struct {
	Word    string
	Place   Place
	Sense   Sense
	Ceiling bool // sets a ceiling when it qualifies a target: 以内, 不超过, 控制在
	// Limit: printed after the number, it makes the number the end of an open range of
	// values (10亿元以上项目, 3岁以下), as a threshold that defines a class does.
	Limit bool
	// Read says the importer reads the word as a figure's qualifier. The others (高于,
	// 不到, 保持在 …) are verbs the text may use before a number; they are understood
	// when a person types them, and kept with the number by line breaking.
	Read bool
}

// qualifiers lists every qualifier.
var qualifiers = []Qualifier{
	{Word: "超过", Place: Before, Sense: AtLeast, Read: true},
	{Word: "超", Place: Before, Sense: AtLeast, Read: true},
	{Word: "突破", Place: Before, Sense: AtLeast, Read: true},
	{Word: "逾", Place: Before, Sense: AtLeast, Read: true},
	{Word: "迈上", Place: Before, Sense: AtLeast, Read: true}, // 迈上14万亿元: past that step
	{Word: "跃上", Place: Before, Sense: AtLeast, Read: true},
	{Word: "跨上", Place: Before, Sense: AtLeast, Read: true},
	{Word: "站上", Place: Before, Sense: AtLeast, Read: true},
	{Word: "不低于", Place: Before, Sense: AtLeast, Read: true},
	{Word: "不少于", Place: Before, Sense: AtLeast, Read: true},
	{Word: "高于", Place: Before, Sense: AtLeast},
	{Word: "上", Place: Before, Sense: AtLeast, Read: true}, // 上百亿: reaching that order
	{Word: "达到", Place: Before, Sense: Exact, Read: true},
	{Word: "达", Place: Before, Sense: Exact, Read: true},
	{Word: "为", Place: Before, Sense: Exact},
	{Word: "保持在", Place: Before, Sense: Exact},
	{Word: "稳定在", Place: Before, Sense: Exact},
	{Word: "控制在", Place: Before, Sense: AtMost, Ceiling: true, Read: true},
	{Word: "不超过", Place: Before, Sense: AtMost, Ceiling: true, Read: true},
	{Word: "不高于", Place: Before, Sense: AtMost, Ceiling: true, Read: true},
	{Word: "不多于", Place: Before, Sense: AtMost, Ceiling: true, Read: true},
	{Word: "低于", Place: Before, Sense: AtMost, Ceiling: true},
	{Word: "近", Place: Before, Sense: AtMost, Read: true},
	{Word: "接近", Place: Before, Sense: AtMost, Read: true},
	{Word: "不到", Place: Before, Sense: AtMost},
	{Word: "约", Place: Before, Sense: About, Read: true},
	{Word: "大约", Place: Before, Sense: About},
	{Word: "及以上", Place: After, Sense: AtLeast, Limit: true, Read: true},
	{Word: "以上", Place: After, Sense: AtLeast, Limit: true, Read: true},
	{Word: "多", Place: After, Sense: AtLeast, Read: true},
	{Word: "余", Place: After, Sense: AtLeast, Read: true},
	{Word: "以下", Place: After, Sense: AtMost, Ceiling: true, Limit: true, Read: true},
	{Word: "以内", Place: After, Sense: AtMost, Ceiling: true, Limit: true, Read: true},
	{Word: "之内", Place: After, Sense: AtMost, Ceiling: true, Limit: true, Read: true},
	{Word: "左右", Place: After, Sense: About, Read: true},
	{Word: "上下", Place: After, Sense: About, Read: true},
	{Word: "强", Place: After, Sense: Top, Read: true},
	{Word: "级", Place: After, Sense: Scale},
}

// QualifierJoiner joins two qualifiers of one figure, in the order printed: 达到、以上.
const QualifierJoiner = "、"

// Qualifiers returns the qualifier table.
func Qualifiers() []Qualifier { return qualifiers }

// LookupQualifier returns the qualifier of a word.
func LookupQualifier(word string) (Qualifier, bool) {
	for _, q := range qualifiers {
		if q.Word == word {
			return q, true
		}
	}
	return Qualifier{}, false
}

// LastQualifier is the qualifier that decides what a figure's bound says: of 达到、以上
// the last, 以上.
func LastQualifier(bound string) string {
	if i := strings.LastIndex(bound, QualifierJoiner); i >= 0 {
		return bound[i+len(QualifierJoiner):]
	}
	return bound
}

// SenseOf is what a figure's bound (one qualifier, or two joined) says of its number:
// Exact for none. ok is false for a word that is not a qualifier.
func SenseOf(bound string) (s Sense, ok bool) {
	w := LastQualifier(bound)
	if w == "" {
		return Exact, true
	}
	q, ok := LookupQualifier(w)
	return q.Sense, ok
}

// IsCeiling reports whether a bound makes a target a ceiling (以内, 控制在…以内, 不超过).
func IsCeiling(bound string) bool {
	for _, w := range strings.Split(bound, QualifierJoiner) {
		if q, ok := LookupQualifier(w); ok && q.Ceiling {
			return true
		}
	}
	return false
}

// IsLimit reports whether a bound ends with a qualifier that makes the number the end of
// an open range (以上, 以下, 以内 …).
func IsLimit(bound string) bool {
	q, ok := LookupQualifier(LastQualifier(bound))
	return ok && q.Limit
}

// QualifierWords returns the words printed at a place, longest first; read limits them to
// those the importer reads as a figure's qualifier.
func QualifierWords(at Place, read bool) []string {
	var out []string
	for _, q := range qualifiers {
		if q.Place == at && (q.Read || !read) {
			out = append(out, q.Word)
		}
	}
	return sortedLongestFirst(out)
}

// InnerQualifiers may stand between a number and its unit: 6600多万人, 300余家.
var InnerQualifiers = []string{"多", "余"}

// Glossary explains the qualifiers to a reader, grouped by meaning, for the workbook and
// the handout. Every qualifier the importer reads is named in it.
var Glossary = []struct{ Words, Meaning string }{
	{"超 / 超过 / 逾", "超过，多于所列数字"},
	{"以上 / 及以上 / 不低于 / 不少于", "不少于所列数字（含本数）"},
	{"以下 / 以内 / 之内 / 不超过 / 不高于 / 不多于 / 控制在", "不多于所列数字（含本数），是上限"},
	{"近 / 接近", "接近，略少于所列数字"},
	{"约 / 左右 / 上下", "大约，可能略多或略少"},
	{"多 / 余", "比所列数字略多，如“6600多万”"},
	{"突破", "已超过所列数字"},
	{"迈上 / 跃上 / 跨上 / 站上", "已迈过所列数字这一台阶，不少于所列数字"},
	{"达 / 达到", "达到所列数字"},
	{"上", "达到所列的数量级，如“上百亿”"},
	{"级", "规模在所列的数量级，如“千亿级”"},
	{"强", "位列前若干名之内，如“全国50强”"},
	{"区间", "如“6%－6.5%”：数值一栏为下限，上限一栏为上限"},
	{"力争 / 争取", "争取达到的目标，在基本目标之外或之上"},
}
