package resources_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"workreport/app/compare"
	"workreport/app/importer"
	"workreport/app/importer/labels"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/resources"
)

// The built-in library is reviewed data, not copies of texts. Each file of
// resources/library is made from a text of the corpus beside the repository: the text is
// imported, the figures a person labelled as headline figures (app/importer/testdata/
// labels, typed by hand and checked by a second person) are found among the imported
// ones and must agree with their labels in every field; they are marked 已审核, and every
// other figure is dropped. Of the text, the file keeps only the section titles and
// roles, the main-targets paragraphs, the sentences of the confirmed figures, and the
// sentences the verdicts of the corpus's pairs quote (a qualitative result, the report's
// own words, its blanket statement, the candidate of an undecided row). Every other
// number of a kept sentence is listed as a nonfigure of kind 未收录.
//
// `go test ./resources -run TestLibrary -update` makes the files again; without -update
// the test fails when they differ from what the corpus and the labels give.

// extractScope is what a built-in file keeps of its text, as its source.extract says.
const extractScope = "主要目标段落、已审核数据的原句、目标完成情况引用的句子和各节标题"

// libText is a text of the corpus on its way into the library.
type libText struct {
	text    labels.Text
	file    string // its data file's name in resources/library
	res     *importer.Result
	keep    map[*report.Figure]bool // the confirmed figures
	whole   map[blockKey]bool       // blocks kept whole: the main-targets paragraphs
	ranges  map[blockKey][][2]int   // byte ranges of a block to keep
	reduced *report.Report          // the report the data file loads as
	data    []byte
}

type blockKey struct {
	sec   *report.Section
	block int
}

// libraryFile names a text's data file: national-2019.yaml, bulletin-national-2024.yaml.
func libraryFile(t labels.Text) string { return t.Name + ".yaml" }

// buildLibrary makes the data files of the built-in library from the corpus.
func buildLibrary(t *testing.T) []*libText {
	t.Helper()
	all, err := labels.Texts()
	if err != nil {
		t.Fatal(err)
	}
	var texts []*libText
	for _, lt := range all {
		path := reporttest.Shared(t, lt.Corpus)
		res, err := importer.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", lt.Corpus, err)
		}
		x := &libText{text: lt, file: libraryFile(lt), res: res, keep: map[*report.Figure]bool{},
			whole: map[blockKey]bool{}, ranges: map[blockKey][][2]int{}}
		ls, err := labels.Read(lt.Name)
		if err != nil {
			t.Fatal(err)
		}
		taken := map[*report.Figure]bool{}
		for _, l := range ls {
			if !l.Headline() {
				continue
			}
			f := labels.BestOf(res.Report, l, false, taken)
			if f == nil {
				t.Errorf("%s 第%d行 %s %s：导入的报告中找不到", lt.Name, l.Line, l.Indicator, l.Phrase)
				continue
			}
			if p := labels.Problems(f, l, false); len(p) > 0 {
				t.Errorf("%s 第%d行 %s %s：与人工标注不符：%s", lt.Name, l.Line, l.Indicator, l.Phrase, strings.Join(p, "；"))
				continue
			}
			taken[f] = true
			x.keep[f] = true
			x.keepSentence(f.Section, f.Location.Block, f.Sentence)
			if f.UnitSource != "" && !strings.Contains(f.Sentence, f.UnitSource) {
				// A table's unit line (单位：%) that gives the unit of its numbers.
				for bi := f.Location.Block; bi >= 0; bi-- {
					if b := f.Section.Blocks()[bi].Text; strings.Contains(b, f.UnitSource) {
						x.keepSentence(f.Section, bi, b)
						break
					}
				}
			}
			if l.MainTarget() {
				x.whole[blockKey{f.Section, f.Location.Block}] = true
			}
		}
		texts = append(texts, x)
	}
	if t.Failed() {
		t.FailNow()
	}
	// The sentences the verdicts of every pair quote.
	for _, pairs := range corpusPairs(t, texts, func(x *libText) *report.Report { return x.res.Report }) {
		for _, p := range pairs {
			for _, q := range quotedSentences(p) {
				for _, x := range texts {
					if x.res.Report == p.Next || x.res.Report == p.Bulletin {
						x.keepQuote(q)
					}
				}
			}
		}
	}
	for _, x := range texts {
		x.data = x.write(t)
		r, err := report.Load(x.file, x.data)
		if err != nil {
			t.Fatalf("%s: %v", x.file, err)
		}
		x.reduced = r
	}
	return texts
}

// corpusPairs are the pairs of consecutive reports of each place, with the bulletins.
func corpusPairs(t *testing.T, texts []*libText, of func(*libText) *report.Report) map[string][]compare.Pair {
	t.Helper()
	byPlace := map[string][]*report.Report{}
	for _, x := range texts {
		r := of(x)
		byPlace[r.Place] = append(byPlace[r.Place], r)
	}
	out := map[string][]compare.Pair{}
	for place, rs := range byPlace {
		ps, err := compare.Pairs(rs)
		if err != nil {
			t.Fatalf("%s: %v", place, err)
		}
		out[place] = ps
	}
	return out
}

// quotedSentences are the sentences of report N+1 and the bulletin that a pair's
// verdicts quote: the words a verdict rests on, the candidate of an undecided row, and
// the blanket statement shown as context.
func quotedSentences(p compare.Pair) []string {
	var out []string
	for _, row := range compare.Judge(p, compare.DefaultTolerance) {
		for _, s := range []string{row.Quote, row.Candidate} {
			if s != "" {
				out = append(out, s)
			}
		}
		if row.Result != nil {
			out = append(out, row.Result.Sentence)
		}
	}
	if b := compare.Blanket(p); b != "" {
		out = append(out, b)
	}
	return out
}

// keepSentence keeps a sentence of a block.
func (x *libText) keepSentence(sec *report.Section, block int, sentence string) {
	text := sec.Blocks()[block].Text
	if k := strings.Index(text, sentence); k >= 0 {
		key := blockKey{sec, block}
		x.ranges[key] = append(x.ranges[key], [2]int{k, k + len(sentence)})
	}
}

// sentenceEnds end a sentence the verdicts quote (compare splits paragraphs there).
const sentenceEnds = "。！？；"

// keepQuote keeps the sentence around the first place the report holds the words q.
func (x *libText) keepQuote(q string) {
	q = strings.TrimSpace(q)
	if q == "" {
		return
	}
	found := false
	x.res.Report.WalkSections(func(sec *report.Section) {
		for bi, b := range sec.Blocks() {
			k := strings.Index(b.Text, q)
			if found || k < 0 {
				continue
			}
			found = true
			a := strings.LastIndexAny(b.Text[:k], sentenceEnds)
			if a < 0 {
				a = 0
			} else {
				_, n := utf8.DecodeRuneInString(b.Text[a:])
				a += n
			}
			e := k + len(q)
			if last, _ := utf8.DecodeLastRuneInString(q); !strings.ContainsRune(sentenceEnds, last) {
				if i := strings.IndexAny(b.Text[e:], sentenceEnds); i >= 0 {
					_, n := utf8.DecodeRuneInString(b.Text[e+i:])
					e += i + n
				} else {
					e = len(b.Text)
				}
			}
			key := blockKey{sec, bi}
			x.ranges[key] = append(x.ranges[key], [2]int{a, e})
		}
	})
}

// keptItems are the items a section keeps: each main-targets paragraph whole, and of
// the other paragraphs the kept sentences, those next to each other joined.
func (x *libText) keptItems(sec *report.Section) []string {
	var out []string
	for bi, b := range sec.Blocks() {
		key := blockKey{sec, bi}
		if x.whole[key] {
			out = append(out, b.Text)
			continue
		}
		rs := slices.Clone(x.ranges[key])
		sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
		var merged [][2]int
		for _, r := range rs {
			if n := len(merged); n > 0 && strings.TrimSpace(b.Text[merged[n-1][1]:max(r[0], merged[n-1][1])]) == "" {
				merged[n-1][1] = max(merged[n-1][1], r[1])
				continue
			}
			merged = append(merged, r)
		}
		for _, r := range merged {
			out = append(out, strings.TrimSpace(b.Text[r[0]:r[1]]))
		}
	}
	return out
}

// write makes the text's data file: the imported file with its sections' items cut to
// what is kept, only the confirmed figures (已审核), and the other numbers of the kept
// sentences listed as 未收录.
func (x *libText) write(t *testing.T) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(x.res.YAML, &doc); err != nil {
		t.Fatalf("%s: %v", x.file, err)
	}
	root := doc.Content[0]
	doc.HeadComment = ""
	root.HeadComment = fmt.Sprintf("内置报告库：%s。只收录原文中经人工审核的部分：%s。\n"+
		"数据与人工逐项标注一致，全部为“已审核”；所收句子中的其他数字未经审核，列在 nonfigures 中（类别“未收录”）。", x.res.Report.Title, extractScope)
	ids := map[string]bool{}
	for f := range x.keep {
		ids[f.ID] = true
	}
	r := x.res.Report
	// The sections: the same tree, fewer items.
	secs := map[string]*report.Section{}
	r.WalkSections(func(s *report.Section) { secs[s.ID] = s })
	var walk func(list *yaml.Node)
	walk = func(list *yaml.Node) {
		for _, sn := range list.Content {
			id := mapValue(sn, "id")
			sec := secs[id.Value]
			if sec == nil {
				t.Fatalf("%s: section %s", x.file, id.Value)
			}
			items := x.keptItems(sec)
			if in := mapValue(sn, "items"); in != nil {
				in.Content = nil
				for _, it := range items {
					in.Content = append(in.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: it})
				}
				if len(items) == 0 {
					deleteKey(sn, "items")
				}
			}
			if sub := mapValue(sn, "sections"); sub != nil {
				walk(sub)
			}
		}
	}
	walk(mapValue(root, "sections"))
	src := mapValue(root, "source")
	src.Content = append(src.Content, scalar("extract"), scalar(extractScope))
	// The figures: the confirmed ones.
	figs := mapValue(root, "figures")
	var kept []*yaml.Node
	var dropped []string
	for _, fn := range figs.Content {
		id := mapValue(fn, "编号").Value
		if !ids[id] {
			dropped = append(dropped, mapValue(fn, "原文表述").Value)
			continue
		}
		mapValue(fn, "审核").Value = string(report.Confirmed)
		deleteKey(fn, "审核说明")
		for _, ref := range []string{"对应", "从属"} {
			if v := mapValue(fn, ref); v != nil && !ids[v.Value] {
				deleteKey(fn, ref)
			}
		}
		kept = append(kept, fn)
	}
	figs.Content = kept
	// The nonfigures: those of the kept text, and the numbers not confirmed.
	var text strings.Builder
	r.WalkSections(func(s *report.Section) {
		text.WriteString(s.Title + "\n")
		for _, it := range x.keptItems(s) {
			text.WriteString(it + "\n")
		}
	})
	kept2 := text.String()
	nons := mapValue(root, "nonfigures")
	if nons == nil {
		root.Content = append(root.Content, scalar("nonfigures"), &yaml.Node{Kind: yaml.SequenceNode})
		nons = mapValue(root, "nonfigures")
	}
	var keptNons []*yaml.Node
	seen := map[string]bool{}
	for _, nn := range nons.Content {
		if s := mapValue(nn, "文本").Value; strings.Contains(kept2, s) && !seen[s] {
			seen[s] = true
			keptNons = append(keptNons, nn)
		}
	}
	notReviewed := func(s string) {
		if s != "" && !seen[s] && strings.Contains(kept2, s) {
			seen[s] = true
			keptNons = append(keptNons, nonfigure(s))
		}
	}
	for _, s := range dropped {
		notReviewed(s)
	}
	nons.Content = keptNons
	for range 3 {
		data := encode(t, &doc)
		rr, err := report.Load(x.file, data)
		if err != nil {
			t.Fatalf("%s: %v", x.file, err)
		}
		un := rr.Uncovered()
		if len(un) == 0 {
			return data
		}
		for _, m := range un {
			notReviewed(m.Text)
		}
		nons.Content = keptNons
	}
	t.Fatalf("%s: numbers still unaccounted for", x.file)
	return nil
}

func nonfigure(text string) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		scalar("文本"), scalar(text), scalar("类别"), scalar("未收录"), scalar("说明"), scalar("未经人工审核的数字，不作为数据收录"),
	}}
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

func encode(t *testing.T, doc *yaml.Node) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	enc.Close()
	return b.Bytes()
}

// TestLibraryIsCurrent makes the built-in library from the corpus and the labels and
// compares it with resources/library; with -update it writes it there.
func TestLibraryIsCurrent(t *testing.T) {
	texts := buildLibrary(t)
	want := map[string][]byte{}
	for _, x := range texts {
		want[x.file] = x.data
	}
	if *update {
		old, _ := filepath.Glob(filepath.Join(resources.LibraryDir, "*.yaml"))
		for _, p := range old {
			if want[filepath.Base(p)] == nil {
				os.Remove(p)
			}
		}
		os.MkdirAll(resources.LibraryDir, 0o755)
		for name, data := range want {
			if err := os.WriteFile(filepath.Join(resources.LibraryDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %d files to resources/%s", len(want), resources.LibraryDir)
		return
	}
	names := resources.LibraryNames()
	for _, name := range names {
		if want[name] == nil {
			t.Errorf("%s is not made from the corpus: run go test ./resources -run TestLibrary -update", name)
		}
	}
	for name, data := range want {
		if !bytes.Equal(resources.Library(name), data) {
			t.Errorf("%s differs from what the corpus and the labels give: run go test ./resources -run TestLibrary -update, and read the diff", name)
		}
	}
}
