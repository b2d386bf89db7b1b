package importer

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"workreport/app/indicator"
	"workreport/app/report"
	"workreport/app/report/reporttest"
)

// The evaluation: figures labelled by hand (testdata/labels, typed from the texts by
// people and checked by a second person, never produced by this package) against what
// the importer finds in the same texts, read from the corpus beside the repository.
//
// Every labelled text has its headline figures labelled: the main targets, the results
// of the reviewed year on the indicators of the previous report's targets with the GDP
// level, and the fiscal plan (赤字率, 专项债); a bulletin's results on those indicators.
// These must come out exactly: value, unit, qualifier, strive word, nature, period and
// the standard indicator name, compared as strings. Four texts are labelled in full, every
// figure, for recall and precision.

// corpusText is a labelled text of the corpus.
type corpusText struct {
	label  string // the label file's name: national-2019, guangdong-2021, bulletin-national-2024
	corpus string // its path under shared/
	group  string // how the table groups it
}

func corpusTexts() []corpusText {
	var out []corpusText
	add := func(prefix, dir, group string, years ...int) {
		for _, y := range years {
			name := strconv.Itoa(y)
			label := prefix + "-" + name
			if dir == "bulletins" {
				name = "national-" + name
			}
			out = append(out, corpusText{label: label, corpus: "corpus/" + dir + "/" + name + ".txt", group: group})
		}
	}
	add("national", "national", "全国", 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026)
	add("guangdong", "guangdong", "广东", 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026)
	add("jiangmen", "jiangmen", "江门", 2014, 2016, 2018, 2020, 2021, 2022, 2023)
	add("bulletin-national", "bulletins", "统计公报", 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025)
	return out
}

// fullTexts are labelled in full: every figure, and (in .nonfigures.tsv) every other number.
var fullTexts = []string{"national-2017", "national-2019", "national-2022", "jiangmen-2021"}

type label struct {
	line                           int
	snippet, phrase                string
	value, upper                   string
	unit, bound, strive            string
	nature, measure, period, basis string
	indicator, mark, estimate      string
}

func (l label) key() bool { return l.mark != "" }

// readLabels reads a label file; its header names the columns (the older files have no
// 预计 column).
func readLabels(t testing.TB, name string) []label {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "labels", name+".tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var col map[string]int
	var out []label
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
		out = append(out, label{line: n, snippet: get("片段"), phrase: get("表述"), value: get("数值"), upper: get("上限"),
			unit: get("单位"), bound: get("限定"), strive: get("力争"), nature: get("性质"), measure: get("口径"),
			period: get("时期"), basis: get("基础"), indicator: get("指标"), mark: get("标记"), estimate: get("预计")})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// squash removes what the labels leave out of a snippet: spaces and line breaks, and
// folds widths as the importer does.
func squash(s string) string {
	s = normalize(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, s)
}

type span struct {
	sec   *report.Section
	block int
	a, b  int
}

// locate finds where a label points in the imported report: the 表述 within the 片段.
func locate(r *report.Report, l label) []span {
	snip := squash(l.snippet)
	phrase := squash(l.phrase)
	var out []span
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
				if k < 0 {
					break
				}
				at := from + k
				off := strings.Index(snip, phrase)
				a, e := at, at+len(snip)
				if off >= 0 {
					a, e = at+off, at+off+len(phrase)
				}
				out = append(out, span{s, bi, pos[a], pos[e-1] + 1})
				from = at + 1
			}
		}
	})
	if len(out) == 0 {
		out = locateRow(r, l)
	}
	return out
}

// locateRow finds a label typed from a table's row ("- 居民消费价格 0.0 0.1 -0.2", "| 纱 |
// 万吨 | 2277.9 | 1.3 |"): the report writes a table a line per number, opening with
// the row's label, so the label's number is looked for in the lines of its row.
func locateRow(r *report.Report, l label) []span {
	row := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l.snippet), "- "))
	fields := strings.FieldsFunc(row, func(r rune) bool { return r == '|' || r == ' ' || r == '\u3000' })
	if len(fields) < 2 {
		return nil
	}
	name := fields[0]
	var out []span
	r.WalkSections(func(s *report.Section) {
		for bi, b := range s.Blocks() {
			if !strings.HasPrefix(b.Text, name+"\u3000") && !strings.HasPrefix(b.Text, name+"：") {
				continue
			}
			if k := strings.LastIndex(b.Text, "："+l.phrase); k >= 0 && k+len("："+l.phrase) == len(b.Text) {
				out = append(out, span{s, bi, k + len("："), len(b.Text)})
			}
		}
	})
	return out
}

func overlaps(f *report.Figure, sp span) bool {
	return f.Section == sp.sec && f.Location.Block == sp.block && f.Location.Start < sp.b && sp.a < f.Location.End
}

// labelValue is the value a label states, signed: a growth printed as a decline
// (下降3.7%) is a growth of −3.7.
func labelValue(l label) (float64, bool) {
	v := l.value
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
	if declines(l.phrase) && !strings.HasSuffix(l.indicator, "降幅") || rises(l.phrase) && strings.HasSuffix(l.indicator, "降幅") {
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

// problem names what a figure got wrong against its label, or "".
func problem(f *report.Figure, l label, full bool) []string {
	var out []string
	if l.nature == "定性" {
		if f.Nature != report.Qualitative {
			out = append(out, fmt.Sprintf("性质 %s（标注 定性）", f.Nature))
		}
	} else {
		want, ok := labelValue(l)
		if !ok || !f.HasValue || math.Abs(f.Value-want) > 1e-9*math.Max(1, math.Abs(want)) {
			out = append(out, fmt.Sprintf("数值 %s（标注 %v）", f.NumberString(), want))
		}
		if l.upper != "" {
			if u, _ := strconv.ParseFloat(l.upper, 64); !f.IsRange || f.Upper != u {
				out = append(out, fmt.Sprintf("上限 %s（标注 %s）", f.UpperString(), l.upper))
			}
		}
		if unit := normalize(l.unit); f.Unit != unit {
			out = append(out, fmt.Sprintf("单位 %q（标注 %q）", f.Unit, unit))
		}
		if b := strings.ReplaceAll(l.bound, "，", "、"); f.Bound != b {
			out = append(out, fmt.Sprintf("限定 %q（标注 %q）", f.Bound, b))
		}
	}
	if full {
		return out
	}
	if f.Strive != l.strive {
		out = append(out, fmt.Sprintf("力争 %q（标注 %q）", f.Strive, l.strive))
	}
	if l.nature != "定性" && string(f.Nature) != l.nature {
		out = append(out, fmt.Sprintf("性质 %s（标注 %s）", f.Nature, l.nature))
	}
	if f.Period.String() != l.period {
		out = append(out, fmt.Sprintf("时期 %q（标注 %q）", f.Period.String(), l.period))
	}
	if f.Indicator != l.indicator {
		out = append(out, fmt.Sprintf("指标 %q（标注 %q）", f.Indicator, l.indicator))
	}
	return out
}

// score is one text's evaluation.
type score struct {
	key, keyExact     int // headline labels, and those the importer gets exactly right
	labels, found, ok int // every label (full texts), those located, those with value, unit and bound right
	figures, real     int // the importer's figures (full texts), and those that are labelled ones
	misses            []string
}

func (s score) pct(a, b int) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func (s *score) add(o score) {
	s.key += o.key
	s.keyExact += o.keyExact
	s.labels += o.labels
	s.found += o.found
	s.ok += o.ok
	s.figures += o.figures
	s.real += o.real
}

// best is the figure a label points at: of those overlapping its words, one that reads
// them right if there is one.
func best(r *report.Report, l label, full bool) *report.Figure {
	return bestOf(r, l, full, nil)
}

// bestOf is best, passing over the figures already taken by another label where there
// is another: two labels of one number shared by two indicators take one figure each.
func bestOf(r *report.Report, l label, full bool, taken map[*report.Figure]bool) *report.Figure {
	var b *report.Figure
	score := func(f *report.Figure) int {
		v := 4 * rank(f, l, full)
		if taken[f] {
			v += 2
		}
		return v
	}
	for _, sp := range locate(r, l) {
		for _, f := range r.Figures() {
			if f.Nature == report.Derived || !overlaps(f, sp) {
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
func rank(f *report.Figure, l label, full bool) int {
	r := 2 * len(problem(f, l, full))
	if f.Indicator != l.indicator {
		r++
	}
	return r
}

// evaluateHeadline checks every headline label of a text.
func evaluateHeadline(r *report.Report, labels []label) score {
	var sc score
	for _, l := range labels {
		if !l.key() {
			continue
		}
		sc.key++
		f := best(r, l, false)
		if f == nil {
			sc.misses = append(sc.misses, fmt.Sprintf("未找到 %d行 %s %s「%s」", l.line, l.indicator, l.phrase, l.snippet))
			continue
		}
		if p := problem(f, l, false); len(p) > 0 {
			sc.misses = append(sc.misses, fmt.Sprintf("%d行 %s %s：%s", l.line, l.indicator, l.phrase, strings.Join(p, "；")))
			continue
		}
		sc.keyExact++
	}
	return sc
}

// evaluateFull scores a text labelled in full: recall of its labels (value, unit and
// qualifier right) and the precision of the importer's figures.
func evaluateFull(r *report.Report, labels []label) score {
	var sc score
	matched := map[*report.Figure]bool{}
	for _, l := range labels {
		sc.labels++
		f := bestOf(r, l, true, matched)
		if f == nil {
			sc.misses = append(sc.misses, fmt.Sprintf("漏 %d行 %s「%s」", l.line, l.phrase, l.snippet))
			continue
		}
		matched[f] = true
		sc.found++
		if p := problem(f, l, true); len(p) == 0 {
			sc.ok++
		} else {
			sc.misses = append(sc.misses, fmt.Sprintf("读错 %d行 %s：%s", l.line, l.phrase, strings.Join(p, "；")))
		}
	}
	for _, f := range r.Figures() {
		if f.Nature == report.Derived {
			continue
		}
		sc.figures++
		if matched[f] {
			sc.real++
			continue
		}
		sc.misses = append(sc.misses, fmt.Sprintf("多余 %s（%s）「%s」", f.Phrase, f.Indicator, clipRunes(f.Sentence, 40)))
	}
	return sc
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func importCorpus(t testing.TB, rel string) *report.Report {
	t.Helper()
	res, err := ReadFile(reporttest.Shared(t, rel))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return res.Report
}

// TestAccuracy scores the importer on every labelled text of the corpus and fails below
// the floors: every headline figure exactly right on every text; recall and precision
// of at least 95% over the texts labelled in full.
func TestAccuracy(t *testing.T) {
	rows := []string{"文本\t头条与主要目标\t全部正确\t标注（全文）\t召回\t精确率"}
	totals := map[string]*score{}
	var groups []string
	var all, full score
	for _, c := range corpusTexts() {
		r := importCorpus(t, c.corpus)
		s := evaluateHeadline(r, readLabels(t, c.label))
		if slices.Contains(fullTexts, c.label) {
			f := evaluateFull(r, readLabels(t, c.label+".full"))
			s.labels, s.found, s.ok, s.figures, s.real = f.labels, f.found, f.ok, f.figures, f.real
			s.misses = append(s.misses, f.misses...)
			full.add(f)
		}
		if totals[c.group] == nil {
			totals[c.group] = &score{}
			groups = append(groups, c.group)
		}
		totals[c.group].add(s)
		all.add(s)
		recall, prec := "—", "—"
		if s.labels > 0 {
			recall, prec = s.pct(s.ok, s.labels), s.pct(s.real, s.figures)
		}
		rows = append(rows, fmt.Sprintf("%s\t%d\t%s\t%d\t%s\t%s", c.label, s.key, s.pct(s.keyExact, s.key), s.labels, recall, prec))
		if s.keyExact != s.key {
			t.Errorf("%s：头条与主要目标 %d/%d 项全部正确，应为全部", c.label, s.keyExact, s.key)
		}
		if testing.Verbose() {
			for _, m := range s.misses {
				t.Logf("%s %s", c.label, m)
			}
		}
	}
	for _, g := range groups {
		s := totals[g]
		rows = append(rows, fmt.Sprintf("合计：%s\t%d\t%s\t%d\t%s\t%s", g, s.key, s.pct(s.keyExact, s.key), s.labels, s.pct(s.ok, s.labels), s.pct(s.real, s.figures)))
	}
	rows = append(rows, fmt.Sprintf("合计\t%d\t%s\t%d\t%s\t%s", all.key, all.pct(all.keyExact, all.key), full.labels, full.pct(full.ok, full.labels), full.pct(full.real, full.figures)))
	t.Log("\n" + strings.Join(rows, "\n"))
	if r := float64(full.ok) / float64(full.labels); r < 0.95 {
		t.Errorf("召回率 %.1f%%，低于 95%%", 100*r)
	}
	if p := float64(full.real) / float64(full.figures); p < 0.95 {
		t.Errorf("精确率 %.1f%%，低于 95%%", 100*p)
	}
}

// TestGrowthAttribution checks every labelled rate of change, headline or not, whose
// label names an indicator of the dictionary by its standard name: the importer must
// credit it to that indicator, the names compared as strings. A growth rate credited to
// a neighbouring indicator is the error every later page repeats.
func TestGrowthAttribution(t *testing.T) {
	checked := 0
	for _, c := range corpusTexts() {
		r := importCorpus(t, c.corpus)
		files := []string{c.label}
		if slices.Contains(fullTexts, c.label) {
			files = append(files, c.label+".full")
		}
		for _, name := range files {
			full := name != c.label
			for _, l := range readLabels(t, name) {
				if l.measure != "增速" || l.nature == "定性" {
					continue
				}
				if d, ok := indicator.Find(l.indicator); !ok || d.National != l.indicator && d.Local != l.indicator {
					continue
				}
				f := best(r, l, full)
				if f == nil {
					continue // reported by TestAccuracy
				}
				checked++
				if f.Indicator != l.indicator {
					t.Errorf("%s %d行 %s：记在“%s”名下，应为“%s”", name, l.line, l.phrase, f.Indicator, l.indicator)
				}
			}
		}
	}
	t.Logf("%d 项增速、降幅和涨幅的指标归属已核对", checked)
	if checked < 400 {
		t.Errorf("only %d rates were checked", checked)
	}
}

// TestCorpusMeta checks what every text of the corpus is: its place, its level, the
// year it is of, and a bulletin's source kind.
func TestCorpusMeta(t *testing.T) {
	places := map[string]string{"全国": "全国", "广东": "广东省", "江门": "江门市", "统计公报": "全国"}
	for _, c := range corpusTexts() {
		r := importCorpus(t, c.corpus)
		year, _ := strconv.Atoi(c.label[strings.LastIndex(c.label, "-")+1:])
		bulletin := c.group == "统计公报"
		if r.Place != places[c.group] || r.Year != year || r.Source.Kind.IsBulletin() != bulletin || r.Level != report.LevelOf(places[c.group]) {
			t.Errorf("%s: place %q level %q year %d kind %q", c.label, r.Place, r.Level, r.Year, r.Source.Kind)
		}
	}
}

// TestYearFigures lists every figure with the unit 年 the importer finds in the corpus,
// so that a reader can check that none is a duration (三年新冠疫情, 五年来).
func TestYearFigures(t *testing.T) {
	var lines []string
	for _, c := range corpusTexts() {
		r := importCorpus(t, c.corpus)
		for _, f := range r.Figures() {
			if f.Unit == "年" {
				lines = append(lines, fmt.Sprintf("%s\t%s\t%s\t「%s」", c.label, f.Phrase, f.Indicator, clipRunes(f.Sentence, 50)))
			}
		}
	}
	sort.Strings(lines)
	t.Logf("%d figures with the unit 年:\n%s", len(lines), strings.Join(lines, "\n"))
}
