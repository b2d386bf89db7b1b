package importer

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"workreport/app/report"
	"workreport/app/report/reporttest"
)

// The evaluation: figures labelled by hand (testdata/labels, typed from the text by
// people, never by this package) against what the importer finds in the same text.

// devReports were read while the rules were written; heldOut were not, and are scored
// apart. The floors hold for every labelled report. full reports have every figure labelled; the others only their main targets
// and headline results.
var (
	devReports  = []int{2015, 2016, 2017, 2018, 2019}
	heldOut     = []int{2021, 2022}
	fullReports = map[int]bool{2017: true, 2019: true, 2022: true}
)

type label struct {
	line                           int
	snippet, phrase                string
	value, upper                   string
	unit, bound, strive            string
	nature, measure, period, basis string
	indicator, mark, note          string
}

func readLabels(t testing.TB, year int) []label {
	f, err := os.Open(filepath.Join("testdata", "labels", strconv.Itoa(year)+".tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			continue
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		c := strings.Split(line, "\t")
		for len(c) < 15 {
			c = append(c, "")
		}
		n, _ := strconv.Atoi(c[0])
		out = append(out, label{line: n, snippet: c[1], phrase: c[2], value: c[3], upper: c[4], unit: c[5],
			bound: c[6], strive: c[7], nature: c[8], measure: c[9], period: c[10], basis: c[11],
			indicator: c[12], mark: c[13], note: c[14]})
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
	return out
}

func overlaps(f *report.Figure, sp span) bool {
	return f.Section == sp.sec && f.Location.Block == sp.block && f.Location.Start < sp.b && sp.a < f.Location.End
}

func parseLabelValue(v string) (float64, bool) {
	if a, b, ok := strings.Cut(v, "/"); ok {
		x, err1 := strconv.ParseFloat(a, 64)
		y, err2 := strconv.ParseFloat(b, 64)
		return x / y, err1 == nil && err2 == nil && y != 0
	}
	x, err := strconv.ParseFloat(v, 64)
	return x, err == nil
}

// score is one report's evaluation.
type score struct {
	labels, found, exact        int
	natureOK, periodN, periodOK int
	figures, real               int
	keyLabels, keyExact         int
	misses                      []string
}

func (s score) pct(a, b int) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

// exactMatch reports whether a figure carries the label's value, unit and qualifier.
func exactMatch(f *report.Figure, l label) bool {
	if l.nature == "定性" {
		return f.Nature == report.Qualitative
	}
	want, ok := parseLabelValue(l.value)
	if !ok || !f.HasValue || math.Abs(f.Value-want) > 1e-9*math.Max(1, math.Abs(want)) {
		return false
	}
	if l.upper != "" {
		u, _ := strconv.ParseFloat(l.upper, 64)
		if !f.IsRange || f.Upper != u {
			return false
		}
	}
	unit := normalize(l.unit)
	if f.Unit != unit {
		return false
	}
	return f.Bound == strings.ReplaceAll(l.bound, "，", "、")
}

func evaluate(t testing.TB, r *report.Report, labels []label, full bool) score {
	var sc score
	matched := map[*report.Figure]bool{}
	for _, l := range labels {
		sc.labels++
		key := l.mark != ""
		if key {
			sc.keyLabels++
		}
		var best *report.Figure
		for _, sp := range locate(r, l) {
			for _, f := range r.Figures() {
				if f.Nature == report.Derived || !overlaps(f, sp) {
					continue
				}
				if best == nil || exactMatch(f, l) && !exactMatch(best, l) {
					best = f
				}
			}
		}
		if best == nil {
			sc.misses = append(sc.misses, fmt.Sprintf("未找到 %d行 %s「%s」", l.line, l.phrase, l.snippet))
			continue
		}
		matched[best] = true
		sc.found++
		exact := exactMatch(best, l)
		if exact {
			sc.exact++
		} else {
			sc.misses = append(sc.misses, fmt.Sprintf("不一致 %d行 %s：得到 %s %s %s「%s」，标注 %s %s %s", l.line, l.phrase,
				best.NumberString(), best.Unit, best.Bound, best.Phrase, l.value, l.unit, l.bound))
		}
		natureOK := string(best.Nature) == l.nature
		if natureOK {
			sc.natureOK++
		} else {
			sc.misses = append(sc.misses, fmt.Sprintf("性质 %d行 %s：得到 %s，标注 %s", l.line, l.phrase, best.Nature, l.nature))
		}
		if key && exact && natureOK {
			sc.keyExact++
		}
		if l.period != "" {
			sc.periodN++
			if best.Period.String() == l.period {
				sc.periodOK++
			}
		}
	}
	if full {
		for _, f := range r.Figures() {
			if f.Nature == report.Derived {
				continue
			}
			sc.figures++
			if matched[f] {
				sc.real++
				continue
			}
			// A figure that overlaps a label matched to another figure still names a
			// real figure's number (a second reading of the same number).
			sc.misses = append(sc.misses, fmt.Sprintf("多余 %s「%s」", f.Phrase, f.Sentence))
		}
	}
	return sc
}

func importCorpus(t testing.TB, name string) *report.Report {
	res, err := ReadFile(reporttest.Shared(t, "corpus/national/"+name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res.Report
}

// TestAccuracy scores the importer on the hand-labelled national reports and the
// built-in report's hand-made data file, and fails below the floors.
func TestAccuracy(t *testing.T) {
	var rows []string
	rows = append(rows, "报告\t标注\t召回(数值单位限定)\t性质\t时期\t精确率\t主要目标与头条")
	var dev, held score
	add := func(total *score, s score) {
		total.labels += s.labels
		total.found += s.found
		total.exact += s.exact
		total.natureOK += s.natureOK
		total.periodN += s.periodN
		total.periodOK += s.periodOK
		total.figures += s.figures
		total.real += s.real
		total.keyLabels += s.keyLabels
		total.keyExact += s.keyExact
	}
	row := func(name string, s score) string {
		prec := "—"
		if s.figures > 0 {
			prec = s.pct(s.real, s.figures)
		}
		return fmt.Sprintf("%s\t%d\t%s\t%s\t%s\t%s\t%s", name, s.labels, s.pct(s.exact, s.labels),
			s.pct(s.natureOK, s.found), s.pct(s.periodOK, s.periodN), prec, s.pct(s.keyExact, s.keyLabels))
	}
	check := func(name string, s score) {
		if s.keyExact != s.keyLabels {
			t.Errorf("%s：主要目标与头条 %d/%d 项数值、单位、限定和性质全部正确，应为全部", name, s.keyExact, s.keyLabels)
		}
	}
	for _, group := range []struct {
		years []int
		total *score
		name  string
	}{{devReports, &dev, "编写规则时参照"}, {heldOut, &held, "留作检验"}} {
		for _, y := range group.years {
			r := importCorpus(t, strconv.Itoa(y)+".txt")
			s := evaluate(t, r, readLabels(t, y), fullReports[y])
			add(group.total, s)
			rows = append(rows, row(fmt.Sprintf("全国 %d（%s）", y, group.name), s))
			if testing.Verbose() {
				for _, m := range s.misses {
					t.Logf("%d %s", y, m)
				}
			}
			check(fmt.Sprintf("全国 %d", y), s)
		}
	}
	rows = append(rows, row("合计：编写规则时参照", dev))
	rows = append(rows, row("合计：留作检验", held))
	t.Log("\n" + strings.Join(rows, "\n"))
	all := dev
	add(&all, held)
	if r := float64(all.exact) / float64(all.labels); r < 0.95 {
		t.Errorf("召回率 %.1f%%，低于 95%%", 100*r)
	}
	if p := float64(all.real) / float64(all.figures); p < 0.95 {
		t.Errorf("精确率 %.1f%%，低于 95%%", 100*p)
	}
	if n := float64(all.natureOK) / float64(all.found); n < 0.90 {
		t.Errorf("性质正确率 %.1f%%，低于 90%%", 100*n)
	}
}
