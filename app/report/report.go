// Package report models a government work report as structured, trustworthy data:
// its sections and verbatim text, and every figure with its qualifier, period and source
// sentence.
package report

import (
	"strconv"
	"strings"

	"workreport/app/zhtext"
)

// Nature says what kind of figure a Figure is (the 性质 column).
type Nature string

// The natures a figure can have. A planned allocation (赤字率拟按3%安排) is a Target
// whose Direction is NoDirection: it is a plan, not a level to reach.
const (
	Result      Nature = "实绩" // a result of the period under review
	Target      Nature = "目标" // a target or plan for the period ahead
	Threshold   Nature = "门槛" // a threshold that defines a category; not a target
	Derived     Nature = "推算" // computed from other figures; never reported
	Qualitative Nature = "定性" // a qualitative statement with no number, such as 全面完成
)

// Natures lists every valid Nature in display order.
var Natures = []Nature{Result, Target, Threshold, Derived, Qualitative}

// Role is the part a section, or a figure, plays in a report (the 角色 column).
type Role string

// The roles. A report's main targets often sit in one paragraph inside a larger section
// (the national reports put them in 总体要求和政策取向), so a figure may state its own role.
const (
	RoleReview  Role = "回顾"   // results of the period under review
	RoleTargets Role = "主要目标" // the report's main targets for the year ahead
	RolePlan    Role = "工作安排" // the work plan: tasks, often with quantified aims
	RoleOther   Role = "其他"   // anything else: the government's own conduct, a press report
)

// Roles lists every valid Role in display order.
var Roles = []Role{RoleReview, RoleTargets, RolePlan, RoleOther}

// Direction says which way a target is met (the 方向 column).
type Direction string

// The directions.
const (
	Higher      Direction = "越高越好" // growth, output, income: met at or above the target
	Lower       Direction = "越低越好" // a ceiling (prices, unemployment, 控制在…): met at or below it
	NoDirection Direction = "无"    // a plan or allocation (赤字率拟按3%安排): not met or missed
)

// Directions lists every valid Direction.
var Directions = []Direction{Higher, Lower, NoDirection}

// Basis is what a figure is measured against, where the text states it (the 基础 column).
// Two figures of different bases measure different things: a like-for-like (可比) growth
// rate cannot be compared with a headline one.
type Basis string

// The bases a text states. The empty Basis means the text states none.
const (
	Comparable  Basis = "可比"   // like-for-like: 可比增长
	Real        Basis = "实际"   // after inflation: 实际增长
	Nominal     Basis = "名义"   // before inflation: 名义增长
	YearEnd     Basis = "年末"   // at the end of the year: 年末…
	YearAverage Basis = "全年平均" // averaged over the year: 全年…平均
)

// Bases lists every valid Basis.
var Bases = []Basis{Comparable, Real, Nominal, YearEnd, YearAverage}

// ReviewState says whether a person has confirmed a figure (the 审核 column).
type ReviewState string

// The review states. A figure the software found is Unconfirmed until a person checks it.
const (
	Confirmed   ReviewState = "已审核"
	Unconfirmed ReviewState = "未审核"
)

// SourceKind says what text a report file holds.
type SourceKind string

// The kinds of source text.
const (
	Official SourceKind = "官方全文" // the full text as the government published it
	Digest   SourceKind = "报纸摘要" // a newspaper's digest, in its own selection and layout
	Excerpt  SourceKind = "节选"   // parts of the full text
	Bulletin SourceKind = "统计公报" // a statistical bulletin (国民经济和社会发展统计公报): the year's results
)

// SourceKinds lists every valid SourceKind.
var SourceKinds = []SourceKind{Official, Digest, Excerpt, Bulletin}

// IsBulletin reports whether the text is a statistical bulletin, which states the
// results of its year and sets no targets; a report of the same place and year is
// another document.
func (k SourceKind) IsBulletin() bool { return k == Bulletin }

// ReadSourceKind reads a data file's source kind as written: a format 1 file wrote it
// in free text, and was a newspaper digest unless the text says otherwise.
func ReadSourceKind(format int, written string) SourceKind {
	if format == 1 {
		return sourceKindFromText(written)
	}
	return SourceKind(written)
}

// SectionPathSep joins section titles into the 章节 path.
const SectionPathSep = " > "

// Source says where the report text comes from.
type Source struct {
	Kind        SourceKind
	Publication string // who published the text, as it names itself (本报, 新华社)
	Meeting     string // the meeting at which the report was delivered
	Date        string // the date of that meeting, as written
	Note        string // anything else a reader should know about the text
	// Extract (extract) says the file holds only the named parts of the text, those a
	// person reviewed (the built-in library): 主要目标段落、已审核数据的原句…; "" for
	// the whole text.
	Extract string
}

// Caveat is what a reader must be told about the text before trusting its numbers, or ""
// for the official full text.
func (s Source) Caveat() string {
	switch s.Kind {
	case Digest:
		return s.publisher() + "对报告的摘录和图解，并非报告官方全文；数字以正式发布的报告为准"
	case Excerpt:
		return "报告节选，并非全文；数字以正式发布的报告为准"
	}
	if s.Extract != "" {
		return "只收录原文中经人工审核的部分（" + s.Extract + "），其余文字没有收录；需要全文时请导入原文"
	}
	return ""
}

// ShortCaveat is the caveat in a few words, for a page footer: 本报摘录，并非报告官方全文.
func (s Source) ShortCaveat() string {
	switch s.Kind {
	case Digest:
		return s.publisher() + "摘录，并非报告官方全文"
	case Excerpt:
		return "报告节选，并非全文"
	}
	if s.Extract != "" {
		return "原文中经审核的部分，并非全文"
	}
	return ""
}

// publisher names who published a digest: its publication, or a newspaper.
func (s Source) publisher() string {
	if s.Publication == "" {
		return "报纸"
	}
	return s.Publication
}

// Report is a loaded, validated report. It is read-only after loading and safe to share
// between goroutines.
type Report struct {
	Name     string // the file name the report was loaded from, for messages
	Format   int    // the data file format it was written in
	Title    string
	Place    string // the place the report governs: 江门市, 广东省, 全国
	Level    string // 全国, 省, 市 or 区县; inferred from Place when not stated
	Year     int    // the year the report was delivered in
	Source   Source
	Headline string // a newspaper's headline for a digest
	Lead     string // a newspaper's lead paragraph

	Sections   []*Section
	NonFigures []NonFigure
	// Overrides are verdicts a person gave the previous year's targets, in place of the
	// software's (the verdicts field of the data file).
	Overrides []Override

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

// Unconfirmed returns how many figures await a person's review.
func (r *Report) Unconfirmed() int {
	n := 0
	for _, f := range r.figures {
		if !f.Confirmed() {
			n++
		}
	}
	return n
}

// Section is one part of the report: a title, an optional intro, verbatim items
// (paragraphs or bullets) and sub-sections.
type Section struct {
	ID       string
	Title    string
	Intro    string
	Items    []string
	Article  bool   // a press report about the meeting rather than the report's own text
	Note     string // an editor's note shown with the section, not part of the text
	Sections []*Section
	Parent   *Section

	Role         Role   // stated, or inferred from the title or the parent
	RoleStated   bool   // the data file states the role
	Period       Period // stated, or inferred from the title, the parent or the role
	PeriodStated bool   // the data file states the period

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
	Measure   string  // 口径: 总量, 增速, 占比, 比率, 排名, 数量, 完成率, 时间, 评价…
	Value     float64 // 数值, in the printed unit; the lower bound of a range; meaningful only if HasValue
	HasValue  bool
	Upper     float64 // 上限: the upper bound of a range (6%－6.5%); meaningful only if IsRange
	IsRange   bool
	Unit      string // 单位, as printed; 名 for ranks
	// UnitSource (单位出处) is where a table states the unit of a number printed
	// without one: the column's head (比上年增长（%）) or the table's unit line (单位：%).
	// The phrase of such a figure is the number alone.
	UnitSource string
	Bound      string // 限定: 超, 以上, 近, 左右, 突破, 达, 以内… ; empty when exact
	Strive     string // 力争: 力争 or 争取, or empty
	Basis      Basis  // 基础: 可比, 实际, 年末…; empty when the text states none
	Phrase     string // 原文表述; for derived figures, the formula as text
	Sentence   string // 原文; for derived figures, the sentences of the inputs
	Pair       string // 对应: the 编号 of the paired figure
	Of         string // 从属: the 编号 of the figure this one qualifies
	Brief      string // 简述: the short phrase shown on cards; contains Phrase

	Role            Role      // 角色: stated, or the section's
	RoleStated      bool      // the data file states the role
	Period          Period    // 时期: stated, or the section's
	PeriodStated    bool      // the data file states the period
	Direction       Direction // 方向: stated, or defaulted from the indicator; "" when it does not apply
	DirectionStated bool      // the data file states the direction
	Review          ReviewState
	ReviewNote      string // 审核说明: why the software's reading was a close call

	Section  *Section
	Location Location // where Phrase sits in Section; zero for derived figures
	Formula  *Formula // set for derived figures only
	Line     int      // line of the figure in the data file
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
// It is empty for a figure without a number. For a range it is the lower bound.
func (f *Figure) NumberString() string {
	if !f.HasValue {
		return ""
	}
	return FormatNumber(f.Value)
}

// UpperString formats the upper bound of a range, or "" for anything else.
func (f *Figure) UpperString() string {
	if !f.IsRange {
		return ""
	}
	return FormatNumber(f.Upper)
}

// FormatNumber formats a number with the fewest digits that represent it exactly.
func FormatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// ValueText is the figure's value as a reader should see it: the 原文表述 for a reported
// figure (超2600家, 6%以上, 6%－6.5%, 第2), and ≈ plus number and unit for a derived one.
func (f *Figure) ValueText() string {
	if f.Nature == Derived {
		return "≈" + f.NumberString() + f.Unit
	}
	return f.Phrase
}

// StriveText is the value as a reader says it, with its strive word: 力争7%以上.
func (f *Figure) StriveText() string {
	v := f.ValueText()
	if strings.Contains(v, f.Strive) {
		return v // 在实际工作中争取更好结果 says its strive word itself
	}
	return f.Strive + v
}

// UnnamedIndicator is the name an import gives a figure whose words name nothing, for
// a person to rewrite.
const UnnamedIndicator = "未命名指标"

// PhraseAt returns where the figure's 原文表述 sits in its sentence, in bytes: from its
// place in the section's text when it has one, else the one occurrence of the phrase
// that stands alone (not inside a longer number: 5% is not the 5% of 5.5%左右). It
// reports false when neither tells, so that a caller highlights nothing rather than
// the wrong number.
func (f *Figure) PhraseAt() (start, end int, ok bool) {
	if f.Phrase == "" || f.Sentence == "" || !f.IsReported() {
		return 0, 0, false
	}
	if loc := f.Location; f.Section != nil && loc.End > loc.Start {
		if blocks := f.Section.Blocks(); loc.Block < len(blocks) {
			b := blocks[loc.Block].Text
			if loc.End <= len(b) && b[loc.Start:loc.End] == f.Phrase {
				for from := 0; from <= loc.Start; {
					k := strings.Index(b[from:], f.Sentence)
					if k < 0 {
						break
					}
					at := from + k
					if at <= loc.Start && loc.End <= at+len(f.Sentence) {
						return loc.Start - at, loc.End - at, true
					}
					from = at + 1
				}
			}
		}
	}
	hits := zhtext.IndexAlone(f.Sentence, f.Phrase)
	if len(hits) != 1 {
		return 0, 0, false // not there, or twice: which one is not known
	}
	return hits[0], hits[0] + len(f.Phrase), true
}

// IsReported reports whether the figure is printed in the text, as opposed to derived.
func (f *Figure) IsReported() bool { return f.Nature != Derived }

// Confirmed reports whether a person has confirmed the figure.
func (f *Figure) Confirmed() bool { return f.Review != Unconfirmed }

// IsMainTarget reports whether the figure is one of the report's main targets.
func (f *Figure) IsMainTarget() bool {
	return f.Role == RoleTargets && (f.Nature == Target || f.Nature == Qualitative)
}

// NonFigure is a number in the text that is not a figure: a date, an ordinal, a name or a
// fixed phrase. Listing them makes sure no number in the text is dropped silently.
type NonFigure struct {
	Text   string // 文本: the run of text that holds the number
	Kind   string // 类别: 年份, 日期, 序号, 名称, 词语…
	Reason string // 说明
}

// Override is a person's verdict on one of the previous year's targets, kept with the
// report whose results it judges: the target's year, indicator and words as printed, the
// verdict and why.
type Override struct {
	Year      int    // 年份
	Indicator string // 指标
	Target    string // 目标, as printed with its strive word
	Verdict   string // 判定
	Note      string // 说明
}

// OverrideVerdicts are the verdicts a person may give.
var OverrideVerdicts = []string{"达成", "基本达成", "未达成", "无法判定"}
