package report

import (
	"sort"
	"strings"
)

// Lines returns the report's cleaned text, one line per run of text, in document order:
// the headline, the lead, then each section's title, intro and items, depth first.
// This is the text every 原文 is checked against.
func (r *Report) Lines() []string {
	var out []string
	for _, s := range []string{r.Headline, r.Lead} {
		if s != "" {
			out = append(out, s)
		}
	}
	r.WalkSections(func(s *Section) {
		for _, b := range s.Blocks() {
			out = append(out, b.Text)
		}
	})
	return out
}

// Text is Lines joined with newlines.
func (r *Report) Text() string { return strings.Join(r.Lines(), "\n") }

// digestText is the text of the digest alone (without the newspaper's article), joined
// with newlines so that no match spans two runs.
func (r *Report) digestText() string {
	var b strings.Builder
	for _, t := range r.digestRuns() {
		b.WriteString(t.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// textRun is a run of digest text with where it came from.
type textRun struct {
	Section *Section // nil for the headline and lead
	Block   int
	Kind    BlockKind
	Text    string
}

func (r *Report) digestRuns() []textRun {
	var out []textRun
	for _, s := range []string{r.Headline, r.Lead} {
		if s != "" {
			out = append(out, textRun{Block: -1, Kind: IntroBlock, Text: s})
		}
	}
	r.WalkSections(func(s *Section) {
		if s.Top().Article {
			return
		}
		for i, b := range s.Blocks() {
			out = append(out, textRun{Section: s, Block: i, Kind: b.Kind, Text: b.Text})
		}
	})
	return out
}

// Span marks the bytes [Start, End) of a block that print a figure.
type Span struct {
	Start, End int
	Figures    []*Figure // the figures printed there; several when one phrase serves two indicators
}

// Highlights returns the spans of block i of the section that print its figures,
// sorted and without overlaps, for showing the text with its figures highlighted.
func (s *Section) Highlights(block int) []Span {
	var spans []Span
	for _, f := range s.figures {
		if !f.IsReported() || f.Location.Block != block || f.Location.End == 0 {
			continue
		}
		merged := false
		for i := range spans {
			if spans[i].Start == f.Location.Start && spans[i].End == f.Location.End {
				spans[i].Figures = append(spans[i].Figures, f)
				merged = true
			}
		}
		if !merged {
			spans = append(spans, Span{Start: f.Location.Start, End: f.Location.End, Figures: []*Figure{f}})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	// Drop spans nested in an earlier one (千亿 inside 千亿级 never happens in one block,
	// but a hand-edited file might), so that callers can cut the text linearly.
	out := spans[:0]
	end := -1
	for _, sp := range spans {
		if sp.Start < end {
			continue
		}
		out = append(out, sp)
		end = sp.End
	}
	return out
}
