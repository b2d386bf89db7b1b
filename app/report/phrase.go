package report

import (
	"errors"
	"regexp"
	"slices"
	"strings"

	"workreport/app/zhtext"
)

// RankUnit is the unit of a rank: 排全省第2 is 2 名, printed as 第2.
const RankUnit = "名"

// rankPrefix is how a rank is printed before its number.
const rankPrefix = "第"

// TopBound is the bound of a rank printed as N强: 全国50强 is a place within the top 50.
const TopBound = "强"

// DeclineWords open the phrase of a growth printed as a decline: 下降7.0% is a growth of
// −7.0%. (A decrease measured as such, 能耗下降3%, is a 降幅 of 3%, printed without them.)
var DeclineWords = []string{"下降", "减少", "降低"}

// RiseWords open the phrase of a decrease printed as a rise: 上升3.4% under 细颗粒物浓度降幅
// is a decrease of −3.4.
var RiseWords = []string{"上升", "增长", "提高", "增加"}

// IsDecrease reports whether an indicator measures a decrease (能耗降幅), whose rise is
// printed as one (上升3.4%) and read below zero.
func IsDecrease(indicator string) bool { return strings.HasSuffix(indicator, "降幅") }

// ParsePhraseOf reads the number back from a figure's 原文表述, as ParsePhrase does, and
// reads a decrease printed as a rise (上升3.4% under a 降幅 indicator) below zero.
func ParsePhraseOf(phrase, unit, bound, indicator string) (Parsed, error) {
	if IsDecrease(indicator) {
		for _, w := range RiseWords {
			if rest, ok := strings.CutPrefix(phrase, w); ok {
				p, err := ParsePhrase(strings.TrimLeft(noteMark.ReplaceAllString(rest, ""), " "), unit, bound)
				p.Value, p.Upper = -p.Value, -p.Upper
				if p.IsRange {
					p.Value, p.Upper = p.Upper, p.Value
				}
				return p, err
			}
		}
	}
	return ParsePhrase(phrase, unit, bound)
}

// noteMark is a bulletin's note mark inside a phrase: 下降[43]3.9%.
var noteMark = regexp.MustCompile(`\[[0-9]{1,3}\]`)

// BoundJoiner joins two bounds of one figure: 达到、以上.
const BoundJoiner = zhtext.QualifierJoiner

// Phrase errors, wrapped into load errors with the figure's path.
var (
	errNoBound  = errors.New("不含限定词")
	errNoUnit   = errors.New("不含单位")
	errNoNumber = errors.New("不是数字")
	errBadRange = errors.New("区间有误")
)

// IsFraction reports whether a phrase may be a fraction, which has no unit: 三分之一,
// 一半以上, 半. ParsePhrase decides whether it is one.
func IsFraction(phrase string) bool {
	return strings.Contains(phrase, "分之") || strings.Contains(phrase, "半")
}

// Parsed is what a 原文表述 says: a number, or a range from Value to Upper.
type Parsed struct {
	Value   float64
	Upper   float64 // the upper bound of a range
	IsRange bool
	Printed string // the number as printed, without bound and unit
}

// ParsePhrase reads the number back from a 原文表述, given the figure's unit and bound.
// The phrase must be the bound (before or after), the number and the unit, and nothing
// else: 超2600家 with unit 家 and bound 超 gives 2600; 6%以上 gives 6; 第2 with unit 名
// gives 2; 50强 with unit 名 and bound 强 gives 50; 超千亿元 with unit 亿元 gives 1000;
// 6600多万人 with unit 万人 and bound 多 gives 6600. A range gives both bounds: 6%－6.5%
// and 6－6.5% with unit % give 6 to 6.5.
func ParsePhrase(phrase, unit, bound string) (Parsed, error) {
	// A growth printed as a decline (下降7.0%, 下降[43]3.9%) is a negative growth.
	for _, w := range DeclineWords {
		if rest, ok := strings.CutPrefix(phrase, w); ok {
			rest = strings.TrimLeft(noteMark.ReplaceAllString(rest, ""), " ")
			p, err := ParsePhrase(rest, unit, bound)
			p.Value, p.Upper = -p.Value, -p.Upper
			if p.IsRange {
				p.Value, p.Upper = p.Upper, p.Value
			}
			return p, err
		}
	}
	p := phrase
	inner := false
	// Two bounds, such as 达到…以上 or 控制在…以内, are written 达到、以上: the first
	// is printed before the number, the last after it or between number and unit.
	if first, last, ok := strings.Cut(bound, BoundJoiner); ok && first != "" && last != "" && !strings.Contains(last, BoundJoiner) {
		if !strings.HasPrefix(p, first) {
			return Parsed{}, errNoBound
		}
		p = strings.TrimPrefix(p, first)
		bound = last
	}
	if unit == "" && IsFraction(p) {
		// A fraction: 三分之一 is one third; 一半 and 半 are one half.
		if bound != "" {
			var ok bool
			if p, ok = cutBound(p, bound); !ok {
				return Parsed{}, errNoBound
			}
		}
		if den, num, ok := strings.Cut(p, "分之"); ok {
			d, ok1 := zhtext.ParseNumber(den)
			n, ok2 := zhtext.ParseNumber(num)
			if !ok1 || !ok2 || d == 0 {
				return Parsed{Printed: p}, errNoNumber
			}
			return Parsed{Value: n / d, Printed: p}, nil
		}
		if p == "半" || p == "一半" {
			return Parsed{Value: 0.5, Printed: p}, nil
		}
		return Parsed{Printed: p}, errNoNumber
	}
	if bound != "" {
		rest, ok := cutBound(p, bound)
		switch {
		case ok:
			p = rest
		case slices.Contains(zhtext.InnerQualifiers, bound) && strings.HasSuffix(p, bound+unit):
			inner = true
		default:
			return Parsed{}, errNoBound
		}
	}
	if unit == RankUnit {
		if bound == TopBound {
			return number(p)
		}
		if !strings.HasPrefix(p, rankPrefix) {
			return Parsed{}, errNoUnit
		}
		p = strings.TrimPrefix(p, rankPrefix)
		p = strings.TrimSuffix(p, RankUnit)
		return number(p)
	}
	if unit == "" || !strings.HasSuffix(p, unit) {
		return Parsed{}, errNoUnit
	}
	p = strings.TrimSuffix(p, unit)
	if inner {
		p = strings.TrimSuffix(p, bound)
	}
	if p == "" && (strings.HasPrefix(unit, "万") || strings.HasPrefix(unit, "亿")) {
		// 上亿: a magnitude alone counts one of it.
		return Parsed{Value: 1, Printed: unit}, nil
	}
	for _, sep := range zhtext.RangeMarks {
		a, b, ok := strings.Cut(p, sep)
		if !ok || a == "" || b == "" {
			continue
		}
		lo, err1 := number(strings.TrimSuffix(a, unit))
		hi, err2 := number(b)
		if err1 != nil || err2 != nil {
			return Parsed{Printed: p}, errNoNumber
		}
		if hi.Value <= lo.Value {
			return Parsed{Printed: p}, errBadRange
		}
		return Parsed{Value: lo.Value, Upper: hi.Value, IsRange: true, Printed: p}, nil
	}
	return number(p)
}

func number(p string) (Parsed, error) {
	v, ok := zhtext.ParseNumber(p)
	if !ok {
		return Parsed{Printed: p}, errNoNumber
	}
	return Parsed{Value: v, Printed: p}, nil
}

// ParseCell reads the number of a table's cell, whose unit the table states in a column's
// head or a unit line: 5.6, -0.4.
func ParseCell(phrase string) (Parsed, error) {
	p, neg := phrase, false
	for _, sign := range minusSigns {
		if rest, ok := strings.CutPrefix(p, sign); ok {
			p, neg = rest, true
			break
		}
	}
	got, err := number(p)
	got.Printed = phrase
	if neg {
		got.Value = -got.Value
	}
	return got, err
}

// minusSigns print a number below zero in a table: -0.4.
var minusSigns = []string{"-", "－", "−"}

// cutBound removes a qualifier printed before or after the number: 超2600家, 6%以上.
func cutBound(p, bound string) (string, bool) {
	switch {
	case strings.HasPrefix(p, bound):
		return strings.TrimPrefix(p, bound), true
	case strings.HasSuffix(p, bound):
		return strings.TrimSuffix(p, bound), true
	}
	return p, false
}
