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

// synonyms are names readers use for indicators the reports name otherwise: searching
// one finds the others.
var synonyms = [][]string{
	{"gdp", "地区生产总值", "国内生产总值", "生产总值"},
	{"cpi", "居民消费价格"},
	{"社零", "社会消费品零售总额"},
	{"固投", "固定资产投资"},
	{"高企", "高新技术企业"},
	{"规上工业", "规模以上工业"},
	{"研发", "r&d"},
	{"外贸", "进出口"},
	{"财政收入", "一般公共预算收入"},
	{"失业率", "调查失业率", "登记失业率"},
}

// terms are the query and the other names of what it names.
func terms(q string) []string {
	out := []string{q}
	for _, group := range synonyms {
		for _, name := range group {
			if name == q {
				for _, other := range group {
					if other != q {
						out = append(out, other)
					}
				}
			}
		}
	}
	return out
}

// firstTerm returns the first term that text holds, or "".
func firstTerm(text string, terms []string) string {
	folded := fold(text)
	for _, t := range terms {
		if strings.Contains(folded, t) {
			return t
		}
	}
	return ""
}

// Search finds the query, or another name of the indicator it names (GDP finds 地区生产总值),
// in the figures' indicators and printed values, in the report's text and in a press
// report about it. Figures come first. Latin letters match in either case.
func (s *Session) Search(query string) []Result {
	q := fold(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	ts := terms(q)
	r := s.Report()
	var out []Result
	for _, f := range r.Figures() {
		if firstTerm(f.Indicator, ts) != "" || firstTerm(f.Phrase, ts) != "" {
			out = append(out, Result{Page: s.PageOf(f.Section), Figure: f, Section: f.Section, Kind: "数据",
				Text: f.Indicator + "　" + f.ValueText()})
		}
	}
	var texts []Result
	r.WalkSections(func(sec *report.Section) {
		for i, b := range sec.Blocks() {
			if t := firstTerm(b.Text, ts); t != "" {
				kind := "原文"
				if sec.Top().Article {
					kind = "报道"
				}
				texts = append(texts, Result{Page: s.PageOf(sec), Section: sec, Block: i, Kind: kind, Text: snippet(b.Text, t)})
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
