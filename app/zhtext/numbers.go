package zhtext

import (
	"strings"
	"unicode/utf8"
)

// Numerals are the characters of a Chinese numeral, magnitudes included.
const Numerals = "零〇一二两三四五六七八九十百千万亿"

// IsNumeral reports whether r is part of a Chinese numeral.
func IsNumeral(r rune) bool { return strings.ContainsRune(Numerals, r) }

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
