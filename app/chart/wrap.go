package chart

import (
	"strings"

	"workreport/app/zhtext"
)

// segment is a unit wrapping never splits (see zhtext.Pieces): a figure with its
// qualifiers and unit (超2600家), a Latin word, or one other character.
type segment struct {
	text string
	glue bool // no break before this segment
	soft bool // a preferred break follows this segment
}

func segments(s string) []segment {
	pieces := zhtext.Pieces(s)
	out := make([]segment, len(pieces))
	for i, p := range pieces {
		out[i] = segment{text: p.Text, glue: p.Glue, soft: p.Soft}
	}
	return out
}

// canBreakBefore reports whether a line may end after segs[i-1] and start at segs[i].
func canBreakBefore(segs []segment, i int) bool {
	return i > 0 && i < len(segs) && !segs[i].glue
}

// wrap breaks s into at most maxLines lines, each at most width pixels wide at the given
// font size. It prefers breaking after punctuation or before a bracket, never splits a
// number or a Latin word, and keeps closing punctuation off the start of a line. Text
// that still does not fit ends with an ellipsis.
func wrap(s string, width, px float64, maxLines int) []string {
	if s == "" {
		return nil
	}
	if measure(s, px) <= width {
		return []string{s}
	}
	if maxLines <= 1 {
		return []string{ellipsize(s, width, px)}
	}
	segs := segments(s)
	var lines []string
	start := 0
	for start < len(segs) {
		if len(lines) == maxLines-1 {
			lines = append(lines, ellipsize(join(segs[start:]), width, px))
			break
		}
		// Grow the line while it fits.
		end := start + 1
		for end < len(segs) && measure(join(segs[start:end+1]), px) <= width {
			end++
		}
		if end == len(segs) {
			lines = append(lines, strings.TrimSpace(join(segs[start:])))
			break
		}
		// Choose the break: the last soft one that keeps the line at least half full,
		// otherwise the last allowed one.
		brk := -1
		for i := end; i > start; i-- {
			if segs[i-1].soft && canBreakBefore(segs, i) && measure(join(segs[start:i]), px) >= width/2 {
				brk = i
				break
			}
		}
		if brk < 0 {
			for i := end; i > start; i-- {
				if canBreakBefore(segs, i) {
					brk = i
					break
				}
			}
		}
		if brk < 0 {
			brk = end // nothing allowed: break where it overflows rather than overflow
		}
		lines = append(lines, strings.TrimSpace(join(segs[start:brk])))
		start = brk
		for start < len(segs) && strings.TrimSpace(segs[start].text) == "" {
			start++
		}
	}
	return lines
}

func join(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// ellipsize shortens s to fit width, ending it with …
func ellipsize(s string, width, px float64) string {
	s = strings.TrimSpace(s)
	if measure(s, px) <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		if t := string(rs[:n]) + "…"; measure(t, px) <= width {
			return t
		}
	}
	return "…"
}
