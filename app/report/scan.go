package report

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"workreport/app/zhtext"
)

// Mention is a number found in the digest text.
type Mention struct {
	Section *Section // nil for the headline and lead
	Block   int      // block index in Section, or -1
	Start   int      // byte offset in the block text
	Text    string   // the number as printed: 3773.41, 十, 千亿
	Context string   // the whole run of text, for messages
}

var (
	arabicNumber  = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?`)
	chineseNumber = regexp.MustCompile(`[` + zhtext.Numerals + `]+`)
)

// Uncovered scans the digest (headline, lead and every section except the newspaper's
// article) for every Arabic number and every Chinese numeral, and returns those that are
// neither printed by a figure's 原文表述 nor inside a listed non-figure. An empty result
// means no number in the text was dropped silently. The numbering a title or an item
// opens with, such as (一), 一、 or 1., is structure and is skipped.
func (r *Report) Uncovered() []Mention {
	var out []Mention
	for _, run := range r.digestRuns() {
		skip := 0
		if run.Kind != IntroBlock {
			skip = len(zhtext.Numbering(run.Text))
			if skip > 0 {
				skip = strings.Index(run.Text, zhtext.Numbering(run.Text)) + skip
			}
		}
		for _, m := range r.mentions(run.Text) {
			if m[0] < skip {
				continue
			}
			if r.covered(run, m[0], m[1]) {
				continue
			}
			out = append(out, Mention{Section: run.Section, Block: run.Block, Start: m[0],
				Text: run.Text[m[0]:m[1]], Context: run.Text})
		}
	}
	return out
}

// mentions returns the byte ranges of every number in text. A Chinese magnitude that
// directly follows Arabic digits (the 万 of 4.5万人) belongs to that number.
func (r *Report) mentions(text string) [][2]int {
	var out [][2]int
	for _, m := range arabicNumber.FindAllStringIndex(text, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	for _, m := range chineseNumber.FindAllStringIndex(text, -1) {
		if m[0] > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:m[0]])
			if prev < utf8.RuneSelf && zhtext.IsDigit(prev) {
				continue
			}
		}
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

func (r *Report) covered(run textRun, start, end int) bool {
	if run.Section != nil {
		for _, f := range run.Section.figures {
			l := f.Location
			if f.IsReported() && l.Block == run.Block && l.Start <= start && end <= l.End {
				return true
			}
		}
	}
	for _, nf := range r.NonFigures {
		for _, at := range indexAll(run.Text, nf.Text) {
			if at <= start && end <= at+len(nf.Text) {
				return true
			}
		}
	}
	return false
}

func indexAll(text, sub string) []int {
	var out []int
	if sub == "" {
		return nil
	}
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			break
		}
		out = append(out, from+i)
		from += i + 1
	}
	return out
}
