package session

import (
	"sort"
	"strings"

	"workreport/app/report"
	"workreport/app/zhtext"
)

// Spans returns the parts of block i of a section to highlight as figures. In the digest
// these are the figures printed there. The newspaper's article repeats figures of the
// digest (the targets), so there every printed value of a figure is highlighted where it
// occurs, longest first, without overlaps.
func (s *Session) Spans(sec *report.Section, i int) []report.Span {
	spans := sec.Highlights(i)
	if !sec.Top().Article {
		return spans
	}
	text := sec.Blocks()[i].Text
	figs := append([]*report.Figure(nil), s.Report().Figures()...)
	// Longest first, so that 6%以上 wins over 6%; among equals, targets first, since the
	// article repeats the targets.
	sort.SliceStable(figs, func(a, b int) bool {
		if len(figs[a].Phrase) != len(figs[b].Phrase) {
			return len(figs[a].Phrase) > len(figs[b].Phrase)
		}
		return figs[a].Nature == report.Target && figs[b].Nature != report.Target
	})
	for _, f := range figs {
		if !f.IsReported() || !f.HasValue || f.Section.Top().Article {
			continue
		}
		for from := 0; from < len(text); {
			j := strings.Index(text[from:], f.Phrase)
			if j < 0 {
				break
			}
			start, end := from+j, from+j+len(f.Phrase)
			from = end
			if !zhtext.StandsAlone(text, start, end) || overlaps(spans, start, end) {
				continue
			}
			spans = append(spans, report.Span{Start: start, End: end, Figures: []*report.Figure{f}})
		}
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	return spans
}

func overlaps(spans []report.Span, start, end int) bool {
	for _, sp := range spans {
		if start < sp.End && sp.Start < end {
			return true
		}
	}
	return false
}
