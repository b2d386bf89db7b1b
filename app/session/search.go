package session

import (
	"strings"

	"workreport/app/report"
	"workreport/app/zhtext"
)

// Result is one search hit.
type Result struct {
	Page    string          // the page to show
	Figure  *report.Figure  // the figure found, or nil for a hit in the text
	Section *report.Section // the section of the hit
	Block   int             // the block of Section's text, for text hits
	Kind    string          // 数据, 原文 or 报道
	Text    string          // what to show in the result list
}

// MaxResults caps a search's results: more would not help anyone find a figure.
const MaxResults = 60

// Search finds the query in the figures' indicators and printed values, in the digest's
// text and in the newspaper's article. Figures come first. Latin letters match in either
// case.
func (s *Session) Search(query string) []Result {
	q := fold(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	r := s.Report()
	var out []Result
	for _, f := range r.Figures() {
		if strings.Contains(fold(f.Indicator), q) || strings.Contains(fold(f.Phrase), q) {
			out = append(out, Result{Page: s.PageOf(f.Section), Figure: f, Section: f.Section, Kind: "数据",
				Text: f.Indicator + "　" + f.ValueText()})
		}
	}
	var texts []Result
	r.WalkSections(func(sec *report.Section) {
		for i, b := range sec.Blocks() {
			if strings.Contains(fold(b.Text), q) {
				kind := "原文"
				if sec.Top().Article {
					kind = "报道"
				}
				texts = append(texts, Result{Page: s.PageOf(sec), Section: sec, Block: i, Kind: kind, Text: snippet(b.Text, q)})
			}
		}
	})
	out = append(out, texts...)
	if len(out) > MaxResults {
		out = out[:MaxResults]
	}
	return out
}

// fold lower-cases Latin letters so that rcep finds RCEP.
func fold(s string) string { return strings.ToLower(s) }

// snippetRunes is how much text around a hit a result shows.
const snippetRunes = 24

// snippet is the part of text around the first match of q, cut at clause marks and never
// through a number, with ellipses where cut.
func snippet(text, q string) string {
	i := strings.Index(fold(text), q)
	if i < 0 {
		return text
	}
	return zhtext.Excerpt(text, i, i+len(q), snippetRunes+len([]rune(q)))
}
