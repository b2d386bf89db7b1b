package zhtext

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// invisibleRunes are characters that carry no text: zero-width spaces and joiners, the
// BOM inside text, soft hyphens, and bidirectional marks.
var invisibleRunes = []rune{'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u202a', '\u202c'}

// hasInvisible reports whether s holds an invisible character.
func hasInvisible(s string) bool {
	for _, r := range s {
		if r >= 0x00ad && slices.Contains(invisibleRunes, r) {
			return true
		}
	}
	return false
}

// invisible removes the invisible characters from text.
var invisible = func() *strings.Replacer {
	var pairs []string
	for _, r := range invisibleRunes {
		pairs = append(pairs, string(r), "")
	}
	return strings.NewReplacer(pairs...)
}()

// Normalize cleans one line: invisible characters go, full-width digits, Latin letters and
// the percent sign become their ASCII forms (a full-width stop between digits becomes
// a decimal point), and non-breaking spaces become spaces. Chinese punctuation stays.
func Normalize(s string) string {
	if hasInvisible(s) {
		s = invisible.Replace(s)
	}
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '％', r == '＋':
			b.WriteString(width.Narrow.String(string(r)))
			continue
		case r == '．' && i > 0 && i+1 < len(rs) && isDigitOrWide(rs[i-1]) && isDigitOrWide(rs[i+1]):
			b.WriteByte('.')
			continue
		case r == '\u00a0':
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigitOrWide(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// OnlyInvisible reports whether s holds invisible characters and, besides them, only
// spaces: a line that marks where a web page's link was.
func OnlyInvisible(s string) bool {
	return hasInvisible(s) && strings.TrimSpace(s) != "" && strings.TrimSpace(invisible.Replace(s)) == ""
}
