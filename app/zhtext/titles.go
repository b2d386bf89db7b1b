package zhtext

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// numbering is the numbering that opens a heading: (三) or （三）, 三、, 1. 1、 or 1．
var numbering = regexp.MustCompile(`^\s*(?:[(（][` + OrdinalNumerals + `]+[)）]|[` + OrdinalNumerals + `]+、|[0-9]+[.．、])`)

// Numbering returns the numbering a heading opens with, or "". A number followed by a
// decimal point and a digit (3.5%) is not numbering.
func Numbering(title string) string {
	m := numbering.FindStringIndex(title)
	if m == nil {
		return ""
	}
	if title[m[1]-1] == '.' {
		if next, _ := utf8.DecodeRuneInString(title[m[1]:]); IsDigit(next) {
			return ""
		}
	}
	return strings.TrimSpace(title[:m[1]])
}

// StripNumbering removes the numbering a heading opens with.
func StripNumbering(title string) string {
	n := Numbering(title)
	if n == "" {
		return title
	}
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(title), n))
}

// FirstClause keeps a heading up to its first comma:
// (三)多措并举延伸拓展产业链条,全力构建… becomes (三)多措并举延伸拓展产业链条.
func FirstClause(title string) string {
	if i := strings.IndexAny(title, ",，"); i > 0 {
		return title[:i]
	}
	return title
}

// ShortTitle is a heading without its numbering and after its first clause:
// (三)多措并举延伸拓展产业链条,全力构建… becomes 多措并举延伸拓展产业链条.
func ShortTitle(title string) string { return FirstClause(StripNumbering(title)) }
