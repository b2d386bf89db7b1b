package zhtext

import (
	"strings"
	"unicode/utf8"
)

// Line-breaking punctuation, after the Chinese typesetting rules (JIS X 4051 and
// GB/T 15834 agree on these): closing punctuation never starts a line, opening
// punctuation never ends one.
const (
	NoLineStart = "、，。；：！？）)」』”’》〉】%％·…,.;:!?"
	NoLineEnd   = "（(「『“‘《〈【"
	// SoftAfter are the preferred places to break: after a clause or a list separator.
	SoftAfter = "、，,；;：:）)。"
)

// CannotStartLine reports whether r must stay on the line of the character before it.
func CannotStartLine(r rune) bool { return strings.ContainsRune(NoLineStart, r) }

// CannotEndLine reports whether r must stay on the line of the character after it.
func CannotEndLine(r rune) bool { return strings.ContainsRune(NoLineEnd, r) }

// IsSoftBreak reports whether a break after r is a good one.
func IsSoftBreak(r rune) bool { return strings.ContainsRune(SoftAfter, r) }

// IsWordRune reports whether r belongs to a Latin word or an Arabic number, which a line
// never splits: 3773.41, 6.5%-7%, RCEP, R&D, PM2.5, 12.88万吨/日's "12.88".
func IsWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' ||
		strings.ContainsRune(".%&+-/", r))
}

// Words splits s into the units line breaking never splits: a run of word runes (see
// IsWordRune) or one other character.
func Words(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := wordEnd(s, i)
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// wordEnd returns where the unit starting at byte i ends: after a run of word runes, or
// after the one other character at i.
func wordEnd(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	j := i + size
	if IsWordRune(r) {
		for j < len(s) {
			r2, n := utf8.DecodeRuneInString(s[j:])
			if !IsWordRune(r2) {
				break
			}
			j += n
		}
	}
	return j
}
