package zhtext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Numerals are the characters of a Chinese numeral, magnitudes included.
const Numerals = "零〇一二两三四五六七八九十百千万亿"

// OrdinalNumerals write the numbers that number parts, sessions and items: 一、, （三）,
// 第十六届. As a regexp character class: [` + "`+zhtext.OrdinalNumerals+`" + `].
const OrdinalNumerals = "一二三四五六七八九十"

// IsNumeral reports whether r is part of a Chinese numeral.
func IsNumeral(r rune) bool { return r >= 0x3000 && numeralSet[r] }

// numeralSet holds the Chinese numerals, for a quick look-up.
var numeralSet = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range Numerals {
		m[r] = true
	}
	return m
}()

// IsDigit reports whether r is an ASCII digit.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' }

// continues reports whether b continues a number that a ends, or the reverse: two digits
// (a decimal point counts as a digit), or two Chinese numerals.
func continues(a, b rune) bool {
	digit := func(r rune) bool { return IsDigit(r) || r == '.' }
	return digit(a) && digit(b) || IsNumeral(a) && IsNumeral(b)
}

// StandsAlone reports whether text[start:end] is a whole number, not part of a longer
// one: 7.4% inside 17.4% does not stand alone, nor 十大 inside 二十大.
func StandsAlone(text string, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[start:])
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	if start > 0 {
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		if continues(before, first) {
			return false
		}
	}
	if end < len(text) {
		after, _ := utf8.DecodeRuneInString(text[end:])
		if continues(last, after) {
			return false
		}
	}
	return true
}

// IndexAlone returns the byte offset of every occurrence of sub in text that stands
// alone as a number (see StandsAlone), in order.
func IndexAlone(text, sub string) []int {
	if sub == "" {
		return nil
	}
	var out []int
	for from := 0; from <= len(text)-len(sub); {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			break
		}
		at := from + i
		if StandsAlone(text, at, at+len(sub)) {
			out = append(out, at)
		}
		_, size := utf8.DecodeRuneInString(text[at:])
		from = at + size
	}
	return out
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

// chineseDigits are the values of the digit numerals.
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

// NumeralDigit is the value of a digit numeral (一 is 1, 两 is 2), or false.
func NumeralDigit(r rune) (int, bool) {
	d, ok := chineseDigits[r]
	return d, ok
}
