package report

import (
	"bytes"
	"os"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader without its panic guard. Whatever the
// input, load must return a report or an error, never panic; and a report it accepts
// must hold the invariants the rest of the application relies on.
// Seeds: the test reports, and the files under testdata/fuzz/FuzzLoad.
func FuzzLoad(f *testing.F) {
	for _, p := range []string{national2016, jiangmenFormat1, sampleCity2022, sampleCity2023} {
		small, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(small)
	}
	f.Add([]byte("format: 1\ntitle: t\nyear: 2023\nsource: {publication: p, meeting: m, date: d}\nsections: [{id: a, title: t, items: [十件]}]\nfigures: [{编号: a.x, 指标: i, 性质: 实绩, 口径: 数量, 数值: 10, 单位: 件, 原文表述: 十件, 原文: 十件}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := load("fuzz.yaml", data)
		if err != nil {
			if r != nil {
				t.Fatal("report returned with an error")
			}
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		for _, fig := range r.Figures() {
			if fig.Section == nil {
				t.Fatalf("%s has no section", fig.ID)
			}
			if fig.IsReported() {
				b := fig.Section.Blocks()[fig.Location.Block].Text
				if b[fig.Location.Start:fig.Location.End] != fig.Phrase {
					t.Fatalf("%s: location does not hold its phrase", fig.ID)
				}
			}
		}
		var buf bytes.Buffer
		if err := WriteTSV(&buf, r.Figures()); err != nil {
			t.Fatal(err)
		}
		if got := bytes.Count(buf.Bytes(), []byte("\n")); got != len(r.Figures())+1 {
			t.Fatalf("TSV has %d lines for %d figures", got, len(r.Figures()))
		}
		r.Uncovered()
		r.Pairs()
		r.WalkSections(func(s *Section) {
			for i := range s.Blocks() {
				s.Highlights(i)
			}
		})
	})
}
