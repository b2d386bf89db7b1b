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

// Piece is a unit of text a line never splits, with what the rules say of the breaks
// around it.
type Piece struct {
	Text string
	// Glue: no line may break before this piece (it is closing punctuation, or the
	// piece before it is an opening bracket).
	Glue bool
	// Soft: a break after this piece is a good one (after a clause or list mark, or
	// before an opening bracket).
	Soft bool
}

// Pieces splits s for line breaking: into the pieces of Unbreakable (a figure with its
// qualifiers, magnitude and unit stays whole: 超2600家, 6%－6.5%), each with the rules
// for the break before and after it. Charts, cards and slides all break lines by it.
func Pieces(s string) []Piece {
	parts := Unbreakable(s)
	out := make([]Piece, len(parts))
	for i, p := range parts {
		first, last := firstRune(p), lastRune(p)
		out[i].Text = p
		out[i].Glue = i > 0 && (CannotStartLine(first) || CannotEndLine(lastRune(parts[i-1])))
		out[i].Soft = IsSoftBreak(last) || i+1 < len(parts) && CannotEndLine(firstRune(parts[i+1]))
	}
	return out
}

// CanBreakBetween reports whether a line may end with a and the next start with b, for
// pieces of different runs of text.
func CanBreakBetween(a, b string) bool {
	return a != "" && b != "" && !CannotEndLine(lastRune(a)) && !CannotStartLine(firstRune(b))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
