package resources_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"workreport/app/cli"
	"workreport/app/compare"
	"workreport/app/importer/labels"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/resources"
)

// builtIn loads every data file of the built-in library.
func builtIn(t *testing.T) map[string]*report.Report {
	t.Helper()
	out := map[string]*report.Report{}
	for _, name := range resources.LibraryNames() {
		r, err := report.Load(name, resources.Library(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = r
	}
	return out
}

// Every built-in report loads, is of the place, year and kind its text is, holds only
// figures a person confirmed, and accounts for every number it keeps; the library holds
// the nation's reports 2015–2026, the province's 2019–2026, the city's 2014, 2016, 2018
// and 2020–2023, and the national bulletins 2014–2025.
func TestLibraryReports(t *testing.T) {
	places := map[string]string{"national": "全国", "guangdong": "广东省", "jiangmen": "江门市", "bulletin-national": "全国"}
	count := map[string]int{}
	for name, r := range builtIn(t) {
		base := strings.TrimSuffix(name, ".yaml")
		group := base[:strings.LastIndex(base, "-")]
		year := base[strings.LastIndex(base, "-")+1:]
		count[group]++
		kind := report.Official
		if group == "bulletin-national" {
			kind = report.Bulletin
		}
		if r.Place != places[group] || fmt.Sprint(r.Year) != year || r.Source.Kind != kind || r.Source.Extract == "" {
			t.Errorf("%s: place %q year %d kind %s extract %q", name, r.Place, r.Year, r.Source.Kind, r.Source.Extract)
		}
		if r.Unconfirmed() != 0 {
			t.Errorf("%s: %d figures unconfirmed", name, r.Unconfirmed())
		}
		if un := r.Uncovered(); len(un) > 0 {
			t.Errorf("%s: %d numbers unaccounted for, first %q", name, len(un), un[0].Text)
		}
		ls, err := labels.Read(base)
		if err != nil {
			t.Fatal(err)
		}
		headline := 0
		for _, l := range ls {
			if !l.Headline() {
				continue
			}
			headline++
			if f := labels.Best(r, l, false); f == nil || len(labels.Problems(f, l, false)) > 0 {
				t.Errorf("%s 第%d行 %s %s：内置数据中没有这一项，或与标注不符", name, l.Line, l.Indicator, l.Phrase)
			}
		}
		if n := len(r.Figures()); n != headline {
			t.Errorf("%s: %d figures, %d labelled headline figures", name, n, headline)
		}
	}
	want := map[string]int{"national": 12, "guangdong": 8, "jiangmen": 7, "bulletin-national": 12}
	for g, n := range want {
		if count[g] != n {
			t.Errorf("%d built-in %s texts, want %d", count[g], g, n)
		}
	}
}

// The verdicts of the built-in library's pairs, through the verdicts command, against
// the verdicts typed by hand from the full texts (app/cli/testdata/verdicts): the
// reviewed data judges as the texts do.
func TestLibraryVerdictsAgainstHandTables(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "内置 报告库")
	os.MkdirAll(dir, 0o755)
	groups := map[string][]string{}
	for _, name := range resources.LibraryNames() {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, resources.Library(name), 0o644); err != nil {
			t.Fatal(err)
		}
		place := strings.TrimPrefix(name[:strings.LastIndex(name, "-")], "bulletin-")
		groups[place] = append(groups[place], p)
	}
	// The report the app opens with, a digest of the city's report, judges the city's
	// targets of the year before by its own figures.
	digest := filepath.Join(dir, resources.ReportName)
	if err := os.WriteFile(digest, resources.ReportYAML, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := report.Default()
	if err != nil {
		t.Fatal(err)
	}
	groups["jiangmen-digest"] = []string{filepath.Join(dir, fmt.Sprintf("jiangmen-%d.yaml", report.ReviewedYear(r.Year))), digest}
	for _, place := range []string{"national", "guangdong", "jiangmen", "jiangmen-digest"} {
		var stdout, stderr bytes.Buffer
		code := cli.Run(append([]string{"verdicts"}, groups[place]...), cli.Env{Stdout: &stdout, Stderr: &stderr})
		if code != cli.ExitOK {
			t.Fatalf("%s: exit %d: %s", place, code, stderr.String())
		}
		lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
		if lines[0] != strings.Join(compare.Header, "\t") {
			t.Fatalf("header %q", lines[0])
		}
		var rows [][]string
		for _, l := range lines[1:] {
			rows = append(rows, strings.Split(l, "\t"))
		}
		hand, err := labels.ReadVerdicts(place)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < len(hand)*9/10 {
			t.Errorf("%s: %d verdicts, %d typed by hand", place, len(rows), len(hand))
		}
		for _, p := range labels.CheckVerdicts(rows, hand, string(compare.Undecided), nil) {
			t.Errorf("%s %s", place, p)
		}
	}
}

// TestLibraryShipsPartOfEachText: a built-in report ships only the parts of its text a
// person reviewed (titles, main-targets paragraphs, sentences of confirmed figures and
// of verdicts), so its characters are a small share of the text's. With -v it prints
// the share of each text.
func TestLibraryShipsPartOfEachText(t *testing.T) {
	texts, err := labels.Texts()
	if err != nil {
		t.Fatal(err)
	}
	all := builtIn(t)
	var shipped, whole int
	for _, lt := range texts {
		r := all[lt.Name+".yaml"]
		src, err := os.ReadFile(reporttest.Shared(t, lt.Corpus))
		if r == nil || err != nil {
			t.Fatalf("%s: no built-in report or no text (%v)", lt.Name, err)
		}
		n, total := 0, countChars(string(src))
		r.WalkSections(func(s *report.Section) {
			n += countChars(s.Title)
			for _, b := range s.Blocks() {
				n += countChars(b.Text)
			}
		})
		share := float64(n) / float64(total)
		t.Logf("%-24s %6d / %6d  %5.1f%%", lt.Name, n, total, 100*share)
		if share > 0.2 { // 2–12% today
			t.Errorf("%s ships %.0f%% of its text", lt.Name, 100*share)
		}
		shipped += n
		whole += total
	}
	t.Logf("%-24s %6d / %6d  %5.1f%%", "合计", shipped, whole, 100*float64(shipped)/float64(whole))
}

// countChars counts the characters of a text that are not spaces.
func countChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
