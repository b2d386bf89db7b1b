package resources_test

import (
	"bytes"
	"strings"
	"testing"

	"workreport/app/report/reporttest"
)

// source is the newspaper text every figure of the built-in report comes from, kept
// beside the repository in ../shared.
func source(t *testing.T) string {
	return string(reporttest.ReadShared(t, "source/jiangmen-2023-government-work-report.md"))
}

// The documented repairs that turn the newspaper text into the cleaned text embedded in
// resources/report.yaml. Each removes layout debris or markup, or restores a sentence the
// page layout broke; none changes a character of content. The README lists them too.
var (
	// Lines that are page-layout debris: the graphic's stray section digits and the
	// page-continuation note.
	debrisLines = map[string]string{
		"2":       "stray digit from the page layout",
		"3":       "stray digit from the page layout",
		"上接 A01版": "page-continuation note",
	}
	// Lines whose layout prefix is dropped.
	prefixed = map[string]string{
		"1 2022年工作回顾": "2022年工作回顾", // stray digit 1 before the heading
	}
	// The heading 2023年工作安排 is printed above the 2022 review; it belongs before the
	// first part of the work plan.
	moved = struct{ line, before string }{"2023年工作安排", "(一)主动融入双区和支撑三大平台建设,释放发展潜力和优势"}
	// Headings the digest implies but does not print: the targets block, and the
	// newspaper's article after the digest.
	inserted = []struct{ line, before string }{
		{"2023年主要预期目标", "今年经济社会发展的主要预期目标是:"},
		{"大会报道", "吴晓晖说,2023年是全面贯彻落实党的二十大精神开局之年,"},
	}
	// Lines that end where a page column ends mid-word or mid-sentence; the next line
	// continues them (牢/牢 and 十/六届 are words split across the break).
	brokenEnds = []string{"推动", "全力扩大", "我们要牢", "圆满完成市十"}
	// Where the article, a single run once its column breaks are joined, is divided into
	// paragraphs for reading: at the start of these sentences. No character changes.
	paragraphStarts = []string{"吴晓晖在报告中指出,", "为实现上述目标,", "吴晓晖说,目标在前", "吴晓晖强调,",
		"市人大常委会党组书记、副主任易中强", "会议还听取了", "列席会议的有:"}
)

// repair applies the documented repairs to the newspaper text.
func repair(t *testing.T, src string) []string {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(src, "\n") {
		l = strings.ReplaceAll(l, "**", "") // bold markers: unreliable markup
		l = strings.TrimSpace(l)
		l = strings.TrimPrefix(l, "- ") // list markers: markup
		if l == "" {
			continue
		}
		if _, debris := debrisLines[l]; debris {
			continue
		}
		if p, ok := prefixed[l]; ok {
			l = p
		}
		lines = append(lines, l)
	}
	lines = remove(t, lines, moved.line)
	lines = insertBefore(t, lines, moved.line, moved.before)
	for _, in := range inserted {
		lines = insertBefore(t, lines, in.line, in.before)
	}
	for _, end := range brokenEnds {
		i := indexWhere(lines, func(l string) bool { return strings.HasSuffix(l, end) })
		if i < 0 || i+1 >= len(lines) {
			t.Fatalf("repair: no line ends with %q", end)
		}
		lines = append(lines[:i], append([]string{lines[i] + lines[i+1]}, lines[i+2:]...)...)
	}
	for _, start := range paragraphStarts {
		i := indexWhere(lines, func(l string) bool { return strings.Contains(l, start) && !strings.HasPrefix(l, start) })
		if i < 0 {
			t.Fatalf("repair: no paragraph to split at %q", start)
		}
		k := strings.Index(lines[i], start)
		lines = append(lines[:i], append([]string{lines[i][:k], lines[i][k:]}, lines[i+1:]...)...)
	}
	return lines
}

func indexWhere(lines []string, ok func(string) bool) int {
	for i, l := range lines {
		if ok(l) {
			return i
		}
	}
	return -1
}

func remove(t *testing.T, lines []string, line string) []string {
	i := indexWhere(lines, func(l string) bool { return l == line })
	if i < 0 {
		t.Fatalf("repair: line %q not found", line)
	}
	return append(lines[:i:i], lines[i+1:]...)
}

func insertBefore(t *testing.T, lines []string, line, before string) []string {
	i := indexWhere(lines, func(l string) bool { return strings.HasPrefix(l, before) })
	if i < 0 {
		t.Fatalf("repair: no line starts with %q", before)
	}
	return append(lines[:i:i], append([]string{line}, lines[i:]...)...)
}

// TestCleanedTextIsSourceWithDocumentedRepairs proves the embedded text differs from the
// newspaper only by the repairs above.
func TestCleanedTextIsSourceWithDocumentedRepairs(t *testing.T) {
	want := repair(t, source(t))
	got := mustDefault(t).Lines()
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			t.Fatalf("line %d differs:\nsource+repairs: %q\nembedded:       %q", i+1, w, g)
		}
	}
}

// TestRepairsAreNeeded shows the comparison above has teeth: the raw text, with only the
// markup stripped, does not match.
func TestRepairsAreNeeded(t *testing.T) {
	var naive []string
	for _, l := range strings.Split(strings.ReplaceAll(source(t), "**", ""), "\n") {
		if l = strings.TrimPrefix(strings.TrimSpace(l), "- "); l != "" {
			naive = append(naive, l)
		}
	}
	got := mustDefault(t).Lines()
	if strings.Join(naive, "\n") == strings.Join(got, "\n") {
		t.Fatal("raw source equals cleaned text; the repairs would be untested")
	}
	if bytes.Contains([]byte(strings.Join(got, "\n")), []byte("**")) {
		t.Fatal("cleaned text still holds bold markers")
	}
}
