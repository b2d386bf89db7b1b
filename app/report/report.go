// Package report models a government work report as structured, trustworthy data:
// its sections and verbatim text, and every figure with its qualifier and source sentence.
package report

import (
	"strconv"
	"strings"
)

// Nature says what kind of figure a Figure is (the 性质 column).
type Nature string

// The natures a figure can have.
const (
	Result      Nature = "实绩" // a result of the year under review
	Target      Nature = "目标" // a target or plan for the coming year
	Threshold   Nature = "门槛" // a threshold that defines a category; not a target
	Derived     Nature = "推算" // computed from other figures; never reported
	Qualitative Nature = "定性" // a qualitative statement with no number, such as 全面完成
)

// Natures lists every valid Nature in display order.
var Natures = []Nature{Result, Target, Threshold, Derived, Qualitative}

// SectionPathSep joins section titles into the 章节 path.
const SectionPathSep = " > "

// Source says where the report text comes from.
type Source struct {
	Publication string // the publication, as the text names it (本报)
	Kind        string // what the text is, e.g. a newspaper digest rather than the official text
	Meeting     string // the meeting at which the report was delivered
	Date        string // the date of that meeting, as written
}

// Report is a loaded, validated report. It is read-only after loading and safe to share
// between goroutines.
type Report struct {
	Name     string // the file name the report was loaded from, for messages
	Title    string
	City     string
	Year     int
	Source   Source
	Headline string // the newspaper's headline for the digest
	Lead     string // the newspaper's lead paragraph

	Sections   []*Section
	NonFigures []NonFigure

	figures  []*Figure
	byID     map[string]*Figure
	sections map[string]*Section
}

// Figures returns every figure in document order (the order of the data file).
func (r *Report) Figures() []*Figure { return r.figures }

// Figure returns the figure with the given 编号, or nil.
func (r *Report) Figure(id string) *Figure { return r.byID[id] }

// Section returns the section with the given id, or nil.
func (r *Report) Section(id string) *Section { return r.sections[id] }

// WalkSections calls fn for every section in document order, depth first.
func (r *Report) WalkSections(fn func(*Section)) {
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			fn(s)
			walk(s.Sections)
		}
	}
	walk(r.Sections)
}

// Section is one part of the report: a title, an optional intro, verbatim items
// (bullets, or paragraphs for the article) and sub-sections.
type Section struct {
	ID       string
	Title    string
	Intro    string
	Items    []string
	Article  bool // the newspaper's article rather than the digest
	Sections []*Section
	Parent   *Section

	figures []*Figure
}

// Figures returns the figures located in this section (not in its sub-sections).
func (s *Section) Figures() []*Figure { return s.figures }

// AllFigures returns the figures of this section and all its sub-sections, in document order.
func (s *Section) AllFigures() []*Figure {
	out := append([]*Figure(nil), s.figures...)
	for _, c := range s.Sections {
		out = append(out, c.AllFigures()...)
	}
	return out
}

// Path returns the titles from the top-level section down to this one.
func (s *Section) Path() []string {
	var p []string
	for x := s; x != nil; x = x.Parent {
		p = append([]string{x.Title}, p...)
	}
	return p
}

// PathString is the 章节 column: the section path joined with " > ".
func (s *Section) PathString() string { return strings.Join(s.Path(), SectionPathSep) }

// Top returns the top-level section this section belongs to.
func (s *Section) Top() *Section {
	for s.Parent != nil {
		s = s.Parent
	}
	return s
}

// BlockKind says what a block of section text is.
type BlockKind int

// The kinds of block.
const (
	TitleBlock BlockKind = iota
	IntroBlock
	ItemBlock
)

// Block is one run of verbatim text in a section: its title, intro or an item.
type Block struct {
	Kind BlockKind
	Text string
}

// Blocks returns the section's text in order: title, intro (if any), then items.
// Block indexes are used by Figure.Location.
func (s *Section) Blocks() []Block {
	b := []Block{{TitleBlock, s.Title}}
	if s.Intro != "" {
		b = append(b, Block{IntroBlock, s.Intro})
	}
	for _, it := range s.Items {
		b = append(b, Block{ItemBlock, it})
	}
	return b
}

// Location is where a figure's 原文表述 sits in its section's text.
type Location struct {
	Block      int // index into Section.Blocks()
	Start, End int // byte offsets of the 原文表述 within the block text
}

// Figure is one figure of the report, with its qualifier and provenance.
// Field comments give the column name used in the data file, the TSV and the workbook.
type Figure struct {
	ID        string  // 编号
	Indicator string  // 指标
	Nature    Nature  // 性质
	Measure   string  // 口径: 总量, 增速, 占比, 排名, 数量, 完成率, 时间, 评价…
	Value     float64 // 数值, in the printed unit; meaningful only if HasValue
	HasValue  bool
	Unit      string // 单位, as printed; 名 for ranks
	Bound     string // 限定: 超, 以上, 近, 左右, 突破, 达… ; empty when exact
	Strive    string // 力争: 力争 or 争取, or empty
	Phrase    string // 原文表述; for derived figures, the formula as text
	Sentence  string // 原文; for derived figures, the sentences of the inputs
	Pair      string // 对应: the 编号 of the paired figure
	Of        string // 从属: the 编号 of the figure this one qualifies
	Brief     string // 简述: the short phrase shown on cards; contains Phrase
	Section   *Section
	Location  Location // where Phrase sits in Section; zero for derived figures
	Formula   *Formula // set for derived figures only
	Line      int      // line of the figure in the data file
}

// Formula records how a derived figure was computed.
type Formula struct {
	Op          string // "÷" or "×"
	Left, Right *Figure
	Exact       float64 // the unrounded result
}

// Rounding states how derived figures are rounded.
const Rounding = "四舍五入保留一位小数"

// NumberString formats the value exactly as the model holds it: 3773.41, 3.3, 1000.
// It is empty for a figure without a number.
func (f *Figure) NumberString() string {
	if !f.HasValue {
		return ""
	}
	return FormatNumber(f.Value)
}

// FormatNumber formats a number with the fewest digits that represent it exactly.
func FormatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// ValueText is the figure's value as a reader should see it: the 原文表述 for a reported
// figure (超2600家, 6%以上, 第2), and ≈ plus number and unit for a derived one.
func (f *Figure) ValueText() string {
	if f.Nature == Derived {
		return "≈" + f.NumberString() + f.Unit
	}
	return f.Phrase
}

// IsReported reports whether the figure is printed in the text, as opposed to derived.
func (f *Figure) IsReported() bool { return f.Nature != Derived }

// NonFigure is a number in the text that is not a figure: a date, an ordinal, a name or a
// fixed phrase. Listing them makes sure no number in the text is dropped silently.
type NonFigure struct {
	Text   string // 文本: the run of text that holds the number
	Kind   string // 类别: 年份, 日期, 序号, 名称, 词语…
	Reason string // 说明
}
