package resources_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/zhtext"
	"workreport/resources"
)

// The repository carries no copy of the corpus's texts. What the product holds (its
// code, its data, its documents) holds no sentence of a corpus text that the built-in
// library does not ship: the library ships a text's section titles, main-targets
// paragraphs, the sentences of its confirmed figures and the sentences verdicts quote.
// The tests and their labels quote the sentences they check, but never a whole
// paragraph the library does not ship. The report the app opens with is a newspaper's
// digest, which quotes its report; it is not measured against the report's text.
func TestNoCorpusTextInTheRepository(t *testing.T) {
	// What the library ships.
	var shipped strings.Builder
	for _, name := range resources.LibraryNames() {
		r, err := report.Load(name, resources.Library(name))
		if err != nil {
			t.Fatal(err)
		}
		r.WalkSections(func(s *report.Section) {
			shipped.WriteString(s.Title + "\n")
			for _, b := range s.Blocks() {
				shipped.WriteString(b.Text + "\n")
			}
		})
	}
	allowed := shipped.String()
	// The corpus's paragraphs and sentences the library does not ship, by their first
	// runes.
	const minRunes, keyRunes = 20, 12
	files, _ := filepath.Glob(filepath.Join(reporttest.Shared(t, "corpus"), "*", "*.txt"))
	if len(files) < 39 {
		t.Fatalf("%d corpus texts", len(files))
	}
	paragraphs, sentences := passages{}, passages{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(zhtext.Normalize(string(data)), "\n") {
			paragraphs.add(strings.TrimSpace(line), allowed, minRunes, keyRunes)
			for _, s := range strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune("。！？；", r) }) {
				sentences.add(strings.TrimSpace(s), allowed, minRunes, keyRunes)
			}
		}
	}
	if len(sentences) < 5000 || len(paragraphs) < 3000 {
		t.Fatalf("only %d sentences and %d paragraphs of the corpus that the library does not ship", len(sentences), len(paragraphs))
	}
	// Every text file of the repository but the library's own data.
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if rel == ".git" || rel == filepath.Join(".ci", "out") || rel == filepath.Join("resources", resources.LibraryDir) || d.Name() == "failed" {
				return filepath.SkipDir
			}
			return nil
		}
		if rel == filepath.Join("resources", resources.ReportName) {
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".png", ".ttf", ".snapshot", ".xlsx", ".ico", ".exe", ".syso", ".docx", ".gz", ".zip":
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil || !utf8.Valid(data) {
			return nil
		}
		checked++
		text := zhtext.Normalize(string(data))
		find, what := paragraphs, "an unshipped paragraph"
		if product(rel) {
			find, what = sentences, "an unshipped sentence"
		}
		for i := range text {
			for _, s := range find[prefixRunes(text[i:], keyRunes)] {
				if strings.HasPrefix(text[i:], s) {
					t.Errorf("%s holds %s of the corpus: %s", rel, what, s)
				}
			}
		}
		return nil
	})
	if checked < 100 {
		t.Fatalf("only %d files checked", checked)
	}
}

// passages are passages of the corpus by their first runes.
type passages map[string][]string

// add keeps a passage of at least min runes, ten of them Chinese (a table's row of
// numbers is no prose), that the shipped text does not hold.
func (p passages) add(s, shipped string, min, key int) {
	han := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if utf8.RuneCountInString(s) < min || han < 10 || strings.Contains(shipped, s) {
		return
	}
	k := prefixRunes(s, key)
	if !slices.Contains(p[k], s) {
		p[k] = append(p[k], s)
	}
}

// product reports whether a file of the repository is part of what ships or documents
// the product, rather than a test or its data.
func product(rel string) bool {
	rel = filepath.ToSlash(rel)
	return !strings.HasSuffix(rel, "_test.go") && !strings.Contains(rel, "testdata/") && !strings.Contains(rel, "reporttest/")
}

// prefixRunes is the first n runes of s, or all of s.
func prefixRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}
