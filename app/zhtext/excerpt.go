package zhtext

import "strings"

// clauseMarks end a clause: a break after one is a natural place to cut an excerpt. The
// newspaper digest separates clauses with ASCII commas and spaces, so those count too.
const clauseMarks = "，。；、：！？,;: "

// Ellipsis marks where an excerpt was cut.
const Ellipsis = "…"

// Excerpt returns the part of text around the span text[start:end] (byte offsets), at
// most n runes long, with an ellipsis wherever text was cut. The span is never cut. The
// excerpt starts after and ends before a clause mark (，。；、：) where one leaves room,
// and otherwise never cuts through a number or a Latin word: "增长2…" for 2.4% or
// "…长0.2%" cannot happen. Offsets out of range are clamped.
func Excerpt(text string, start, end, n int) string {
	rs := []rune(text)
	if len(rs) <= n || n <= 0 {
		return text
	}
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if end < start {
		start, end = end, start
	}
	s := len([]rune(text[:start]))
	e := s + len([]rune(text[start:end]))
	if e-s >= n {
		return mark(rs, s, e)
	}
	// Aim for the span in the middle, then settle each edge on a clause boundary.
	want := max(0, s-(n-(e-s))/2)
	p := -1
	for i := want; i <= s && p < 0; i++ {
		if clauseStart(rs, i) {
			p = i
		}
	}
	for i := want - 1; i >= max(0, e-n) && p < 0; i-- {
		if clauseStart(rs, i) {
			p = i
		}
	}
	if p < 0 {
		p = want
		for p < s && !safeCut(rs, p) {
			p++
		}
		for p > max(0, e-n) && !safeCut(rs, p) {
			p--
		}
	}
	limit := min(len(rs), p+n)
	q := -1
	for i := limit; i >= e && q < 0; i-- {
		if clauseEnd(rs, i) {
			q = i
		}
	}
	if q < 0 {
		q = limit
		for q > e && !safeCut(rs, q) {
			q--
		}
	}
	return mark(rs, p, q)
}

// mark is rs[p:q] with ellipses where it does not reach the ends of rs. A clause mark
// next to an ellipsis is dropped: "…增长3.3%" rather than "…,增长3.3%".
func mark(rs []rune, p, q int) string {
	for p < q && p > 0 && strings.ContainsRune(clauseMarks, rs[p]) {
		p++
	}
	for q > p && q < len(rs) && strings.ContainsRune(clauseMarks, rs[q-1]) {
		q--
	}
	out := string(rs[p:q])
	if p > 0 {
		out = Ellipsis + out
	}
	if q < len(rs) {
		out += Ellipsis
	}
	return out
}

// clauseStart reports whether a clause starts at rune i: the start of the text, or just
// after a clause mark.
func clauseStart(rs []rune, i int) bool {
	return i == 0 || i <= len(rs) && strings.ContainsRune(clauseMarks, rs[i-1])
}

// clauseEnd reports whether a clause ends at rune i: the end of the text, or just before
// a clause mark.
func clauseEnd(rs []rune, i int) bool {
	return i == len(rs) || i >= 0 && i < len(rs) && strings.ContainsRune(clauseMarks, rs[i])
}

// safeCut reports whether text may be cut between rune i-1 and rune i without splitting
// a number or a Latin word.
func safeCut(rs []rune, i int) bool {
	if i <= 0 || i >= len(rs) {
		return true
	}
	a, b := rs[i-1], rs[i]
	return !(IsWordRune(a) && IsWordRune(b)) && !continues(a, b)
}

// sentenceMarks end a sentence.
const sentenceMarks = "。！？；!?;"

// SentenceEnds returns the byte offset just after each sentence of text, the last being
// len(text), so that a paragraph can be cut into sentences without losing a character.
func SentenceEnds(text string) []int {
	var out []int
	for i, r := range text {
		if strings.ContainsRune(sentenceMarks, r) {
			out = append(out, i+len(string(r)))
		}
	}
	if len(out) == 0 || out[len(out)-1] != len(text) {
		out = append(out, len(text))
	}
	return out
}
