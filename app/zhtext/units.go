package zhtext

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// A printed figure is a number with the words around it that give it its meaning: the
// qualifier before it (超, 近, 达到, 第), the magnitude and unit after it (万亿元, 个百分点)
// and the qualifier after that (以上, 左右). A line must never separate them: 42⏎8.8亿元,
// 增长3.⏎1% and 超⏎2600家 all misread.

// qualifiersBefore are the words that may stand directly before a number and stay with
// it: the qualifiers, the rank mark 第 and the plan's 拟按.
var qualifiersBefore = sortedLongestFirst(append(QualifierWords(Before, false), "第", "拟按"))

// qualifiersAfter are the words that may follow a number and its unit.
var qualifiersAfter = QualifierWords(After, false)

// unitsAfter are the magnitudes and units that may follow a number, longest first so
// that 万亿 wins over 万 and 个百分点 over 个.
var unitsAfter = sortedLongestFirst(append(append(MagnitudeWords(), BaseUnits...), "％"))

func sortedLongestFirst(words []string) []string {
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	return words
}

// Unbreakable splits s into the pieces a line break may never fall inside: a Latin
// word; a printed figure with its qualifiers, magnitude and unit (超2600家, 6%－6.5%,
// 第2, 十件, 1.39万亿斤); or any other single character. Joining the pieces gives s back.
func Unbreakable(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := figureEnd(s, i)
		if j == i {
			j = wordEnd(s, i)
		}
		out = append(out, s[i:j])
		i = j
	}
	// A qualifier before a figure joins it: 超 + 2600家.
	for k := 1; k < len(out); k++ {
		if !startsFigure(out[k]) {
			continue
		}
		for _, q := range qualifiersBefore {
			n := utf8.RuneCountInString(q)
			if k >= n && strings.Join(out[k-n:k], "") == q {
				out[k-n] = q + out[k]
				out = append(out[:k-n+1], out[k+1:]...)
				k -= n
				break
			}
		}
	}
	return out
}

// startsFigure reports whether a piece is a figure that begins with its number.
func startsFigure(piece string) bool {
	r, _ := utf8.DecodeRuneInString(piece)
	return IsDigit(r) || (IsNumeral(r) && utf8.RuneCountInString(piece) > 1)
}

// figureEnd returns where a figure that starts at i ends, or i when none starts there:
// a number (Arabic, with its decimal point and %, or Chinese numerals followed by a
// unit), then its magnitude and unit, an optional range to a second number, and a
// qualifier after.
func figureEnd(s string, i int) int {
	j := numberEnd(s, i)
	if j == i {
		return i
	}
	arabic := IsDigit(rune(s[i]))
	k := unitEnd(s, j)
	if !arabic && k == j {
		// A Chinese numeral is a figure when a unit follows it (十件) or it ends in a
		// magnitude (百亿, 一万); alone (一些, 千方百计) it is part of a word.
		last, _ := utf8.DecodeLastRuneInString(s[i:j])
		if utf8.RuneCountInString(s[i:j]) < 2 || !strings.ContainsRune("十百千万亿", last) {
			return i
		}
	}
	j = k
	// A range: 6%－6.5%, 6－6.5%.
	if mark := rangeMarkAt(s[j:]); mark != "" && j+len(mark) < len(s) {
		if e := numberEnd(s, j+len(mark)); e > j+len(mark) && IsDigit(rune(s[j+len(mark)])) == arabic {
			j = unitEnd(s, e)
		}
	}
	for _, q := range qualifiersAfter {
		if strings.HasPrefix(s[j:], q) {
			return j + len(q)
		}
	}
	return j
}

// numberEnd returns where a number starting at i ends: digits with a decimal point, or
// Chinese numerals; i when none starts there.
func numberEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case IsDigit(r):
		case r == '.' && j > i && j+1 < len(s) && IsDigit(rune(s[j+1])) && IsDigit(rune(s[j-1])):
		case IsNumeral(r) && (j == i || !IsDigit(rune(s[i]))):
		default:
			return j
		}
		j += size
	}
	return j
}

// unitEnd returns where the magnitudes and units after a number end.
func unitEnd(s string, j int) int {
	for {
		matched := false
		for _, u := range unitsAfter {
			if strings.HasPrefix(s[j:], u) {
				j += len(u)
				matched = true
				break
			}
		}
		if !matched {
			return j
		}
		// A unit may be followed by /日, /年 (万吨/日).
		if strings.HasPrefix(s[j:], "/") {
			if r, size := utf8.DecodeRuneInString(s[j+1:]); r != utf8.RuneError && !IsWordRune(r) && size > 1 {
				j += 1 + size
			}
		}
	}
}

// PathPieces splits a file path into the pieces a line may break between: after each
// separator and space, so that a long path wraps at its folders, never inside a name.
func PathPieces(path string) []Piece {
	var parts []string
	start := 0
	for i, r := range path {
		if r == '/' || r == '\\' || r == ' ' {
			parts = append(parts, path[start:i+utf8.RuneLen(r)])
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(path) {
		parts = append(parts, path[start:])
	}
	out := make([]Piece, len(parts))
	for i, p := range parts {
		out[i] = Piece{Text: p, Glue: i > 0 && !CanBreakBetween(parts[i-1], p)}
	}
	return out
}
