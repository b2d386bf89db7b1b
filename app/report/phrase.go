package report

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RankUnit is the unit of a rank: 排全省第2 is 2 名, printed as 第2.
const RankUnit = "名"

// rankPrefix is how a rank is printed before its number.
const rankPrefix = "第"

// Phrase errors, wrapped into load errors with the figure's path.
var (
	errNoBound  = errors.New("不含限定词")
	errNoUnit   = errors.New("不含单位")
	errNoNumber = errors.New("不是数字")
)

// ParsePhrase reads the number back from a 原文表述, given the figure's unit and bound.
// The phrase must be the bound (before or after), the number and the unit, and nothing
// else: 超2600家 with unit 家 and bound 超 gives 2600; 6%以上 gives 6; 第2 with unit 名
// gives 2; 超千亿元 with unit 亿元 gives 1000. It also returns the number as printed.
func ParsePhrase(phrase, unit, bound string) (value float64, printed string, err error) {
	p := phrase
	if bound != "" {
		switch {
		case strings.HasPrefix(p, bound):
			p = strings.TrimPrefix(p, bound)
		case strings.HasSuffix(p, bound):
			p = strings.TrimSuffix(p, bound)
		default:
			return 0, "", errNoBound
		}
	}
	if unit == RankUnit {
		if !strings.HasPrefix(p, rankPrefix) {
			return 0, "", errNoUnit
		}
		p = strings.TrimPrefix(p, rankPrefix)
		p = strings.TrimSuffix(p, RankUnit)
	} else {
		if unit == "" || !strings.HasSuffix(p, unit) {
			return 0, "", errNoUnit
		}
		p = strings.TrimSuffix(p, unit)
	}
	v, ok := ParseNumber(p)
	if !ok {
		return 0, p, errNoNumber
	}
	return v, p, nil
}

// ParseNumber parses a number as printed in the report: an Arabic decimal (3773.41) or a
// Chinese numeral (十, 两, 六, 千, 二十, 一万). It rejects anything else, including signs,
// exponents and thousands separators, so that only what the text shows is accepted.
func ParseNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	if isASCIIDigit(s[0]) {
		dot := false
		for i := 0; i < len(s); i++ {
			switch {
			case isASCIIDigit(s[i]):
			case s[i] == '.' && !dot && i > 0 && i < len(s)-1:
				dot = true
			default:
				return 0, false
			}
		}
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	return parseChinese(s)
}

var chineseDigits = map[rune]int{'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var chineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// parseChinese parses a Chinese numeral below one hundred million, such as 十, 二十五,
// 三百, 千 (a magnitude word standing alone is one of it) or 一万五千.
func parseChinese(s string) (float64, bool) {
	total, section, digit := 0, 0, -1
	lastUnit := 10000 // units must fall: 二十五 and 三百 are numerals, 十十 is not
	for _, r := range s {
		if d, ok := chineseDigits[r]; ok {
			if digit >= 0 {
				return 0, false // two digits in a row: not a numeral
			}
			digit = d
			continue
		}
		if u, ok := chineseUnits[r]; ok {
			if u >= lastUnit {
				return 0, false
			}
			lastUnit = u
			if digit < 0 {
				digit = 1
			}
			section += digit * u
			digit = -1
			continue
		}
		if r == '万' {
			if digit >= 0 {
				section += digit
			}
			if section == 0 {
				section = 1
			}
			if total != 0 {
				return 0, false
			}
			total = section * 10000
			section, digit, lastUnit = 0, -1, 10000
			continue
		}
		return 0, false
	}
	if digit >= 0 {
		section += digit
	}
	return float64(total + section), true
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// isNumberRune reports whether r can be part of a printed number, Arabic or Chinese.
func isNumberRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIDigit(byte(r)) || r == '.'
	}
	return isChineseNumeral(r)
}

func isChineseNumeral(r rune) bool {
	if _, ok := chineseDigits[r]; ok {
		return true
	}
	if _, ok := chineseUnits[r]; ok {
		return true
	}
	return r == '万' || r == '亿'
}

// indexPhrase finds phrase in text where it stands on its own as a number: the match
// may not continue a number before it (7.4% inside 17.4%). It returns every such byte offset.
func indexPhrase(text, phrase string) []int {
	var out []int
	if phrase == "" {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(phrase)
	for from := 0; from <= len(text)-len(phrase); {
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			break
		}
		at := from + i
		ok := true
		if at > 0 && first < utf8.RuneSelf && isASCIIDigit(byte(first)) {
			prev, _ := utf8.DecodeLastRuneInString(text[:at])
			ok = !(prev < utf8.RuneSelf && (isASCIIDigit(byte(prev)) || prev == '.'))
		}
		if end := at + len(phrase); ok && end < len(text) {
			last, _ := utf8.DecodeLastRuneInString(phrase)
			next, _ := utf8.DecodeRuneInString(text[end:])
			if last < utf8.RuneSelf && isASCIIDigit(byte(last)) && next < utf8.RuneSelf && isASCIIDigit(byte(next)) {
				ok = false
			}
		}
		if ok {
			out = append(out, at)
		}
		_, size := utf8.DecodeRuneInString(text[at:])
		from = at + size
	}
	return out
}
