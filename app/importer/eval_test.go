package importer

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"workreport/app/importer/labels"
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

// texts are the labelled texts of the corpus.
func texts(t testing.TB) []labels.Text {
	t.Helper()
	out, err := labels.Texts()
	if err != nil || len(out) < 39 {
		t.Fatalf("label files: %d texts, %v", len(out), err)
	}
	return out
}

// readLabels reads a label file of testdata/labels.
func readLabels(t testing.TB, name string) []labels.Label {
	t.Helper()
	out, err := labels.Read(name)
	if err != nil {
		t.Fatal(err)
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

// evaluateHeadline checks every headline label of a text.
func evaluateHeadline(r *report.Report, ls []labels.Label) score {
	var sc score
	for _, l := range ls {
		if !l.Headline() {
			continue
		}
		sc.key++
		f := labels.Best(r, l, false)
		if f == nil {
			sc.misses = append(sc.misses, fmt.Sprintf("未找到 %d行 %s %s「%s」", l.Line, l.Indicator, l.Phrase, l.Snippet))
			continue
		}
		if p := labels.Problems(f, l, false); len(p) > 0 {
			sc.misses = append(sc.misses, fmt.Sprintf("%d行 %s %s：%s", l.Line, l.Indicator, l.Phrase, strings.Join(p, "；")))
			continue
		}
		sc.keyExact++
	}
	return sc
}

// evaluateFull scores a text labelled in full: recall of its labels (value, unit and
// qualifier right) and the precision of the importer's figures.
func evaluateFull(r *report.Report, ls []labels.Label) score {
	var sc score
	matched := map[*report.Figure]bool{}
	for _, l := range ls {
		sc.labels++
		f := labels.BestOf(r, l, true, matched)
		if f == nil {
			sc.misses = append(sc.misses, fmt.Sprintf("漏 %d行 %s「%s」", l.Line, l.Phrase, l.Snippet))
			continue
		}
		matched[f] = true
		sc.found++
		if p := labels.Problems(f, l, true); len(p) == 0 {
			sc.ok++
		} else {
			sc.misses = append(sc.misses, fmt.Sprintf("读错 %d行 %s：%s", l.Line, l.Phrase, strings.Join(p, "；")))
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
	for _, c := range texts(t) {
		r := importCorpus(t, c.Corpus)
		s := evaluateHeadline(r, readLabels(t, c.Name))
		if slices.Contains(labels.Full, c.Name) {
			f := evaluateFull(r, readLabels(t, c.Name+".full"))
			s.labels, s.found, s.ok, s.figures, s.real = f.labels, f.found, f.ok, f.figures, f.real
			s.misses = append(s.misses, f.misses...)
			full.add(f)
		}
		if totals[c.Group] == nil {
			totals[c.Group] = &score{}
			groups = append(groups, c.Group)
		}
		totals[c.Group].add(s)
		all.add(s)
		recall, prec := "—", "—"
		if s.labels > 0 {
			recall, prec = s.pct(s.ok, s.labels), s.pct(s.real, s.figures)
		}
		rows = append(rows, fmt.Sprintf("%s\t%d\t%s\t%d\t%s\t%s", c.Name, s.key, s.pct(s.keyExact, s.key), s.labels, recall, prec))
		if s.keyExact != s.key {
			t.Errorf("%s：头条与主要目标 %d/%d 项全部正确，应为全部", c.Name, s.keyExact, s.key)
		}
		if testing.Verbose() {
			for _, m := range s.misses {
				t.Logf("%s %s", c.Name, m)
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
	for _, c := range texts(t) {
		r := importCorpus(t, c.Corpus)
		files := []string{c.Name}
		if slices.Contains(labels.Full, c.Name) {
			files = append(files, c.Name+".full")
		}
		for _, name := range files {
			full := name != c.Name
			for _, l := range readLabels(t, name) {
				if l.Measure != "增速" || l.Nature == "定性" {
					continue
				}
				if d, ok := indicator.Find(l.Indicator); !ok || d.National != l.Indicator && d.Local != l.Indicator {
					continue
				}
				f := labels.Best(r, l, full)
				if f == nil {
					continue // reported by TestAccuracy
				}
				checked++
				if f.Indicator != l.Indicator {
					t.Errorf("%s %d行 %s：记在“%s”名下，应为“%s”", name, l.Line, l.Phrase, f.Indicator, l.Indicator)
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
	for _, c := range texts(t) {
		r := importCorpus(t, c.Corpus)
		year, _ := strconv.Atoi(c.Name[strings.LastIndex(c.Name, "-")+1:])
		bulletin := c.Group == "统计公报"
		if r.Place != places[c.Group] || r.Year != year || r.Source.Kind.IsBulletin() != bulletin || r.Level != report.LevelOf(places[c.Group]) {
			t.Errorf("%s: place %q level %q year %d kind %q", c.Name, r.Place, r.Level, r.Year, r.Source.Kind)
		}
	}
}

// TestYearFigures lists every figure with the unit 年 the importer finds in the corpus,
// so that a reader can check that none is a duration (三年新冠疫情, 五年来).
func TestYearFigures(t *testing.T) {
	var lines []string
	for _, c := range texts(t) {
		r := importCorpus(t, c.Corpus)
		for _, f := range r.Figures() {
			if f.Unit == "年" {
				lines = append(lines, fmt.Sprintf("%s\t%s\t%s\t「%s」", c.Name, f.Phrase, f.Indicator, clipRunes(f.Sentence, 50)))
			}
		}
	}
	sort.Strings(lines)
	t.Logf("%d figures with the unit 年:\n%s", len(lines), strings.Join(lines, "\n"))
}
