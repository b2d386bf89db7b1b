// Package labels reads the figures typed by hand from the texts of the corpus beside the
// repository (../testdata/labels, see its README) and finds each among a report's
// figures. The importer's evaluation and the built-in library's generator use it: the
// labels are typed once.
package labels

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"workreport/app/report"
	"workreport/app/zhtext"
)

// Text is a labelled text of the corpus.
type Text struct {
	Name   string // the label file's name: national-2019, guangdong-2021, bulletin-national-2024
	Corpus string // its path under shared/: corpus/national/2019.txt
	Group  string // how tables group it: 全国, 广东, 江门, 统计公报
	Year   int
}

// Texts are the labelled texts of the corpus: every file of a label of headline figures.
func Texts() ([]Text, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	groups := []struct{ prefix, dir, group string }{
		{"national-", "national/", "全国"},
		{"guangdong-", "guangdong/", "广东"},
		{"jiangmen-", "jiangmen/", "江门"},
		{"bulletin-national-", "bulletins/national-", "统计公报"},
	}
	var out []Text
	for _, g := range groups {
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".tsv")
			y, err := strconv.Atoi(strings.TrimPrefix(name, g.prefix))
			if !strings.HasPrefix(name, g.prefix) || err != nil {
				continue // another group's, or a text's full labels
			}
			out = append(out, Text{Name: name, Corpus: fmt.Sprintf("corpus/%s%d.txt", g.dir, y), Group: g.group, Year: y})
		}
	}
	return out, nil
}

// Full are the texts labelled in full: every figure (NAME.full.tsv), and every other
// number (NAME.nonfigures.tsv).
var Full = []string{"national-2017", "national-2019", "national-2022", "jiangmen-2021"}

// Label is one figure typed by hand.
type Label struct {
	Line                           int    // 行: the paragraph's line in the corpus file
	Snippet, Phrase                string // 片段, 表述
	Value, Upper                   string // 数值, 上限, as typed
	Unit, Bound, Strive            string // 单位, 限定, 力争
	Nature, Measure, Period, Basis string // 性质, 口径, 时期, 基础
	Indicator, Mark, Estimate      string // 指标, 标记, 预计
}

// Headline reports whether the label is a headline figure: a main target, a headline
// result or a plan figure.
func (l Label) Headline() bool { return l.Mark != "" }

// MainTarget reports whether the label is a target of the main-targets paragraph.
func (l Label) MainTarget() bool { return l.Mark == "主要目标" }

// Dir is the folder of the label files.
func Dir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "app", "importer", "testdata", "labels"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Read reads the label file NAME.tsv; its header names the columns (the older files
// have no 预计 column).
func Read(name string) ([]Label, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	return ReadFile(filepath.Join(dir, name+".tsv"))
}

// ReadFile reads a label file at a path.
func ReadFile(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var col map[string]int
	var out []Label
	for sc.Scan() {
		line := sc.Text()
		if col == nil {
			col = map[string]int{}
			for i, h := range strings.Split(line, "\t") {
				col[h] = i
			}
			continue
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		c := strings.Split(line, "\t")
		get := func(h string) string {
			if i, ok := col[h]; ok && i < len(c) {
				return strings.TrimSpace(c[i])
			}
			return ""
		}
		n, _ := strconv.Atoi(get("行"))
		out = append(out, Label{Line: n, Snippet: get("片段"), Phrase: get("表述"), Value: get("数值"), Upper: get("上限"),
			Unit: get("单位"), Bound: get("限定"), Strive: get("力争"), Nature: get("性质"), Measure: get("口径"),
			Period: get("时期"), Basis: get("基础"), Indicator: get("指标"), Mark: get("标记"), Estimate: get("预计")})
	}
	return out, sc.Err()
}

// squash removes what the labels leave out of a snippet: spaces and line breaks, and
// folds widths as the importer does.
func squash(s string) string {
	s = zhtext.Normalize(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, s)
}

// Span is where a label points in a report: bytes [A, B) of a block of a section.
type Span struct {
	Sec   *report.Section
	Block int
	A, B  int
}

// Locate finds where a label points in a report: the 表述 within the 片段.
func Locate(r *report.Report, l Label) []Span {
	snip := squash(l.Snippet)
	phrase := squash(l.Phrase)
	var out []Span
	r.WalkSections(func(s *report.Section) {
		for bi, b := range s.Blocks() {
			// Search the block without its spaces, and map back to its offsets.
			var text strings.Builder
			var pos []int
			for i, r := range b.Text {
				if r == ' ' || r == '\u3000' || r == '\t' {
					continue
				}
				for k := 0; k < len(string(r)); k++ {
					pos = append(pos, i+k)
				}
				text.WriteRune(r)
			}
			pos = append(pos, len(b.Text))
			t := text.String()
			for from := 0; ; {
				k := strings.Index(t[from:], snip)
				if k < 0 || snip == "" {
					break
				}
				at := from + k
				off := strings.Index(snip, phrase)
				a, e := at, at+len(snip)
				if off >= 0 {
					a, e = at+off, at+off+len(phrase)
				}
				out = append(out, Span{s, bi, pos[a], pos[e-1] + 1})
				from = at + 1
			}
		}
	})
	if len(out) == 0 {
		// A text that keeps only the figure's sentence (the built-in library) lacks the
		// sentences before it the snippet opens with.
		if off := strings.Index(snip, phrase); off > 0 {
			if k := strings.LastIndexAny(snip[:off], "。！？；"); k >= 0 {
				l.Snippet = snip[k+len("。"):]
				return Locate(r, l)
			}
		}
		out = locateRow(r, l)
	}
	return out
}

// locateRow finds a label typed from a table's row ("- 居民消费价格 0.2 0.1 0.4", "| 纱 |
// 万吨 | 2277.9 | 1.3 |"): the report writes a table a line per number, opening with
// the row's label, so the label's number is looked for in the lines of its row.
func locateRow(r *report.Report, l Label) []Span {
	row := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l.Snippet), "- "))
	fields := strings.FieldsFunc(row, func(r rune) bool { return r == '|' || r == ' ' || r == '\u3000' })
	if len(fields) < 2 {
		return nil
	}
	name := fields[0]
	var out []Span
	r.WalkSections(func(s *report.Section) {
		for bi, b := range s.Blocks() {
			if !strings.HasPrefix(b.Text, name+"\u3000") && !strings.HasPrefix(b.Text, name+"：") {
				continue
			}
			if k := strings.LastIndex(b.Text, "："+l.Phrase); k >= 0 && k+len("："+l.Phrase) == len(b.Text) {
				out = append(out, Span{s, bi, k + len("："), len(b.Text)})
			}
		}
	})
	return out
}

// Holds reports whether a figure's words overlap the span.
func (sp Span) Holds(f *report.Figure) bool {
	return f.Section == sp.Sec && f.Location.Block == sp.Block && f.Location.Start < sp.B && sp.A < f.Location.End
}

// Number is the value a label states, signed: a growth printed as a decline (下降3.7%)
// is a growth of −3.7.
func (l Label) Number() (float64, bool) {
	v := l.Value
	var x float64
	if a, b, ok := strings.Cut(v, "/"); ok {
		p, err1 := strconv.ParseFloat(a, 64)
		q, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil || q == 0 {
			return 0, false
		}
		x = p / q
	} else {
		var err error
		if x, err = strconv.ParseFloat(v, 64); err != nil {
			return 0, false
		}
	}
	if declines(l.Phrase) && !strings.HasSuffix(l.Indicator, "降幅") || rises(l.Phrase) && strings.HasSuffix(l.Indicator, "降幅") {
		x = -x
	}
	return x, true
}

// declines reports whether a phrase prints a decline: 下降3.7%.
func declines(phrase string) bool {
	for _, w := range []string{"下降", "减少", "降低"} {
		if strings.HasPrefix(phrase, w) {
			return true
		}
	}
	return false
}

// rises reports whether a phrase prints a rise: 上升3.4%.
func rises(phrase string) bool {
	for _, w := range []string{"上升", "增长", "提高", "增加"} {
		if strings.HasPrefix(phrase, w) {
			return true
		}
	}
	return false
}

// Problems names what a figure got wrong against its label: value, unit and qualifier,
// and unless only those are asked for (full), strive word, nature, period and the
// indicator, compared as strings.
func Problems(f *report.Figure, l Label, full bool) []string {
	var out []string
	if l.Nature == "定性" {
		if f.Nature != report.Qualitative {
			out = append(out, fmt.Sprintf("性质 %s（标注 定性）", f.Nature))
		}
	} else {
		want, ok := l.Number()
		if !ok || !f.HasValue || math.Abs(f.Value-want) > 1e-9*math.Max(1, math.Abs(want)) {
			out = append(out, fmt.Sprintf("数值 %s（标注 %v）", f.NumberString(), want))
		}
		if l.Upper != "" {
			if u, _ := strconv.ParseFloat(l.Upper, 64); !f.IsRange || f.Upper != u {
				out = append(out, fmt.Sprintf("上限 %s（标注 %s）", f.UpperString(), l.Upper))
			}
		}
		if unit := zhtext.Normalize(l.Unit); f.Unit != unit {
			out = append(out, fmt.Sprintf("单位 %q（标注 %q）", f.Unit, unit))
		}
		if b := strings.ReplaceAll(l.Bound, "，", "、"); f.Bound != b {
			out = append(out, fmt.Sprintf("限定 %q（标注 %q）", f.Bound, b))
		}
	}
	if full {
		return out
	}
	if f.Strive != l.Strive {
		out = append(out, fmt.Sprintf("力争 %q（标注 %q）", f.Strive, l.Strive))
	}
	if l.Nature != "定性" && string(f.Nature) != l.Nature {
		out = append(out, fmt.Sprintf("性质 %s（标注 %s）", f.Nature, l.Nature))
	}
	if f.Period.String() != l.Period {
		out = append(out, fmt.Sprintf("时期 %q（标注 %q）", f.Period.String(), l.Period))
	}
	if f.Indicator != l.Indicator {
		out = append(out, fmt.Sprintf("指标 %q（标注 %q）", f.Indicator, l.Indicator))
	}
	return out
}

// Best is the figure a label points at: of those overlapping its words, one that reads
// them right if there is one; nil when none overlaps.
func Best(r *report.Report, l Label, full bool) *report.Figure {
	return BestOf(r, l, full, nil)
}

// BestOf is Best, passing over the figures already taken by another label where there
// is another: two labels of one number shared by two indicators take one figure each.
func BestOf(r *report.Report, l Label, full bool, taken map[*report.Figure]bool) *report.Figure {
	var b *report.Figure
	score := func(f *report.Figure) int {
		v := 4 * rank(f, l, full)
		if taken[f] {
			v += 2
		}
		return v
	}
	for _, sp := range Locate(r, l) {
		for _, f := range r.Figures() {
			if f.Nature == report.Derived || !sp.Holds(f) {
				continue
			}
			if b == nil || score(f) < score(b) {
				b = f
			}
		}
	}
	return b
}

// rank orders the figures a label may point at: fewer problems first, and of a number
// two indicators share (化学需氧量、氨氮排放量要分别下降2%), the one under the label's.
func rank(f *report.Figure, l Label, full bool) int {
	r := 2 * len(Problems(f, l, full))
	if f.Indicator != l.Indicator {
		r++
	}
	return r
}
