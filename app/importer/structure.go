package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"workreport/app/report"
	"workreport/app/zhtext"
)

// section is a section of the imported report.
type section struct {
	id, title string
	role      report.Role
	items     []string
	children  []*section
	parent    *section
	kind      string // the numbering style of its title: "一、", "（一）", "1.", "h2", "kw", "是"
	multiYear bool   // a review of several years
	// oneYear: the section speaks of the reviewed year alone; oneYearFrom: its
	// paragraphs do from the one of this index less one on (0: none), after one opens
	// with that year.
	oneYear     bool
	oneYearFrom int
	tables      map[int]*tableLine // the items that state a table's number, by index
}

// add appends a paragraph, or a table, to the section's items.
func (s *section) add(b block) {
	if b.line != nil {
		if s.tables == nil {
			s.tables = map[int]*tableLine{}
		}
		s.tables[len(s.items)] = b.line
	}
	s.items = append(s.items, b.text)
}

var (
	numberingKinds = []struct {
		kind string
		re   *regexp.Regexp
	}{
		{"一、", regexp.MustCompile(`^[` + zhtext.OrdinalNumerals + `]{1,3}、`)},
		{"（一）", regexp.MustCompile(`^[（(][` + zhtext.OrdinalNumerals + `]{1,3}[）)]`)},
		{"1.", regexp.MustCompile(`^[0-9]{1,2}[.．、](?:[^0-9]|$)`)},
		{"（1）", regexp.MustCompile(`^[（(][0-9]{1,2}[）)]`)},
	}
	// roleHeading finds an unnumbered heading by the words a report's parts are called.
	roleHeading = regexp.MustCompile(`工作回顾|工作安排|工作任务|重点工作|主要任务|总体部署|总体要求|预期目标|主要目标|政府工作建议`)
	licence     = regexp.MustCompile(`著作权法|版权所有|Copyright|Public domain|本作品是`)
)

// numberingKind returns the style of numbering a paragraph opens with, or "".
func numberingKind(s string) string {
	for _, k := range numberingKinds {
		if k.re.MatchString(s) {
			return k.kind
		}
	}
	return ""
}

// splitHeading decides whether a paragraph is a heading, and returns its title and the
// text that follows the title in the same paragraph. A numbered paragraph of up to 40
// characters is a heading; a longer one whose first sentence is short is a heading
// followed by its first paragraph ("（一）…，保持经济运行在合理区间。今年…").
func splitHeading(b block) (kind, title, rest string) {
	n := utf8.RuneCountInString(b.text)
	if b.level > 0 && n <= 80 {
		return "h" + strconv.Itoa(b.level), b.text, ""
	}
	k := numberingKind(b.text)
	if k == "" {
		// A heading named by its part of the report; a page's layout may put a bare
		// number before it (a page number left on the heading's line).
		if n <= 24 && roleHeading.MatchString(b.text) && !strings.ContainsAny(b.text, "，。；,;") {
			return "kw", b.text, ""
		}
		if sequenceWord.MatchString(b.text) {
			first, rest := firstSentence(b.text)
			if utf8.RuneCountInString(first) <= 40 && !strings.ContainsFunc(first, isDigit) {
				return "是", first, rest
			}
		}
		return "", "", ""
	}
	if n <= 40 {
		return k, b.text, ""
	}
	if k == "1." || k == "（1）" {
		return "", "", "" // a numbered list item, not a heading
	}
	first, rest := firstSentence(b.text)
	if utf8.RuneCountInString(first) <= 50 && !strings.ContainsFunc(first, isDigit) {
		return k, first, rest
	}
	return "", "", ""
}

func firstSentence(s string) (first, rest string) {
	for i, r := range s {
		if r == '。' || r == '！' || r == '？' {
			j := i + utf8.RuneLen(r)
			return s[:j], strings.TrimSpace(s[j:])
		}
	}
	return s, ""
}

// buildSections turns paragraphs into sections. The kinds of numbering nest in the order
// they first appear, as in any outline; paragraphs before the first heading form an
// opening section.
func buildSections(blocks []block) []*section {
	root := &section{}
	var stack []*section // open sections, outermost first
	cur := root
	opening := &section{title: "开篇"}
	for _, b := range blocks {
		kind, title, rest := "", "", ""
		if b.table == nil {
			kind, title, rest = splitHeading(b)
		}
		if kind == "" {
			if cur == root {
				opening.add(b)
			} else {
				cur.add(b)
			}
			continue
		}
		depth := -1
		for i, s := range stack {
			if s.kind == kind {
				depth = i
				break
			}
		}
		if kind == "kw" {
			depth = 0
		}
		if kind == "是" && (len(stack) == 0 || !strings.HasPrefix(title, "一是") && stack[len(stack)-1].kind != "是") {
			// 二是 without 一是 before it is not a heading.
			cur.items = append(cur.items, b.text)
			continue
		}
		if depth < 0 {
			depth = len(stack)
		}
		stack = stack[:depth]
		parent := root
		if depth > 0 {
			parent = stack[depth-1]
		}
		s := &section{title: title, kind: kind, parent: parent}
		if parent != root {
			s.parent = parent
		} else {
			s.parent = nil
		}
		parent.children = append(parent.children, s)
		stack = append(stack, s)
		cur = s
		if rest != "" {
			s.items = append(s.items, rest)
		}
	}
	out := root.children
	if len(opening.items) > 0 {
		out = append([]*section{opening}, out...)
	}
	for _, s := range out {
		s.parent = nil
	}
	return out
}

// assignIDs names sections s1, s1.2, … (s0 is the opening).
func assignIDs(secs []*section) {
	n := 0
	for _, s := range secs {
		if s.title == "开篇" && s.kind == "" {
			s.id = "s0"
		} else {
			n++
			s.id = "s" + strconv.Itoa(n)
		}
		assignChildIDs(s)
	}
}

func assignChildIDs(s *section) {
	for i, c := range s.children {
		c.id = s.id + "." + strconv.Itoa(i+1)
		c.parent = s
		assignChildIDs(c)
	}
}

var reviewTitle = regexp.MustCompile(`回顾|过去一年|一年来|过去五年|五年来|成就`)
var planTitle = regexp.MustCompile(`任务|部署|安排|重点工作|建议|总体要求|政策取向|目标|举措`)

// assignRoles gives each top section its role from its title: a review, or a plan; the
// sections after the first plan section are the plan's too (三、把改革开放扎实推向纵深).
// Subsections take their parent's role. Every part of a statistical bulletin states
// results.
func assignRoles(secs []*section, year int, kind report.SourceKind) {
	planSeen := false
	for _, s := range secs {
		switch {
		case kind.IsBulletin():
			s.role = report.RoleReview
		case reviewTitle.MatchString(s.title):
			s.role = report.RoleReview
			// 过去五年工作回顾, “十三五”时期发展成就和2020年主要工作: several years.
			s.multiYear = strings.Contains(s.title, "五年") || report.PlanName.MatchString(s.title)
		case planTitle.MatchString(s.title) || yearOf(s.title) == year && year > 0:
			s.role = report.RolePlan
			planSeen = true
		case planSeen:
			s.role = report.RolePlan
		default:
			s.role = report.RoleOther
		}
		inheritRole(s)
	}
}

func inheritRole(s *section) {
	for _, c := range s.children {
		c.role = s.role
		c.multiYear = s.multiYear
		inheritRole(c)
	}
}

// markOneYear finds, in the review sections, the paragraph that opens by naming the
// reviewed year alone (2022年是…, 刚刚过去的2017年): it and what follows it in the
// section, its parts included, speak of that year.
func markOneYear(secs []*section, year int) {
	var mark func(s *section, on bool)
	mark = func(s *section, on bool) {
		s.oneYear = on
		if s.role == report.RoleReview && !on {
			for i, it := range s.items {
				if opensOneYear(it, year) {
					s.oneYearFrom = i + 1
					on = true
					break
				}
			}
			if !on && opensOneYear(s.title, year) {
				s.oneYear, on = true, true
			}
		}
		for _, c := range s.children {
			mark(c, on)
		}
	}
	for _, s := range secs {
		mark(s, false)
	}
}

var yearRe = regexp.MustCompile(`((?:19|20|21)[0-9]{2})年`)

func yearOf(s string) int {
	m := yearRe.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	v, _ := strconv.Atoi(m[1])
	return v
}

// cutLicence drops a licence notice and what follows it near the end of a page's text
// (本作品是…, 版权所有), which is no part of the report.
func cutLicence(blocks []block) []block {
	for i := len(blocks) / 2; i < len(blocks); i++ {
		if licence.MatchString(blocks[i].text) {
			return blocks[:i]
		}
	}
	return blocks
}
