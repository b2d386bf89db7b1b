package handout

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"workreport/app/importer"
	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/session"
	"workreport/app/workspace"
	"workreport/app/workspace/workspacetest"
	"workreport/resources"
)

// day is the export date the tests print.
var day = time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)

// sampleSession is the made-up city's 2023 report, with the test library beside it:
// its verdicts of 2022, its targets and its sections.
func sampleSession(t testing.TB) *session.Session {
	t.Helper()
	s := session.New(reporttest.Load(t, reporttest.SampleCity2023), "", &session.MemorySettings{})
	s.SetLibrary(workspacetest.New(t, t.TempDir()))
	return s
}

// The handout of a fixture: a PDF of A4 pages, as many as it says, with the cover, every
// headline figure on its cards, the verdicts in words, the targets, the rules, and the
// report's title and page number in every footer.
// (The bytes of two handouts of a report may differ: fpdf writes images of one width in
// the order of a map. What the pages show does not; see TestReadmePages.)
func TestHandoutOfAFixture(t *testing.T) {
	s := sampleSession(t)
	d, err := Build(s, day)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(d.PDF, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	pages := len(regexp.MustCompile(`/Type /Page\b`).FindAll(d.PDF, -1))
	if pages != len(d.Pages) || pages < 5 || pages > 12 {
		t.Errorf("%d pages in the PDF, %d laid out", pages, len(d.Pages))
	}
	if !bytes.Contains(d.PDF, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("the pages are not A4")
	}
	text := d.Text()
	r := s.Report()
	for _, want := range []string{r.Title, "会议材料", "已审核", "导出日期：2026年12月6日", "判定规则", "限定词的含义"} {
		if !strings.Contains(text, want) {
			t.Errorf("the handout lacks %q", want)
		}
	}
	for _, c := range s.Model(session.OverviewID).Cards {
		if !strings.Contains(text, c.Value) {
			t.Errorf("the headline figure %s %s is not in the handout", c.Indicator, c.Value)
		}
	}
	v := s.Verdicts("verdicts-2022")
	if v == nil {
		t.Fatal("no verdicts in the fixture")
	}
	for _, l := range v.Lines() {
		if !strings.Contains(text, l.Verdict) || !strings.Contains(text, l.Target) {
			t.Errorf("verdict row %s %s %s missing", l.Indicator, l.Target, l.Verdict)
		}
	}
	for i, p := range d.Pages {
		if p[len(p)-1] != fmt.Sprintf("第 %d 页", i+1) || p[len(p)-2] != r.Title+" · 会议材料" {
			t.Errorf("page %d ends %q", i+1, p[max(0, len(p)-2):])
		}
	}
}

// A table longer than a page goes on to the next with its header again, and no row is
// split: every row's cells are on one page.
func TestTableGoesOnWithItsHeader(t *testing.T) {
	r := reporttest.Load(t, reporttest.SampleCity2023)
	w := newWriter(r, day)
	w.newPage()
	cols := []column{{"指标", 60, "L"}, {"原文", 120, "L"}}
	var rows [][]cell
	for i := range 80 {
		rows = append(rows, []cell{{fmt.Sprintf("指标%02d", i), targetText},
			{strings.Repeat(fmt.Sprintf("第%02d行的原文，", i), 1+i%4), targetText}})
	}
	w.table(cols, rows, sizeSmall)
	if len(w.pages) < 3 {
		t.Fatalf("80 rows on %d pages", len(w.pages))
	}
	seen := map[string]int{}
	for n, p := range w.pages {
		if len(p) < 2 || p[0] != "指标" || p[1] != "原文" {
			t.Errorf("page %d starts %q, not with the header", n+1, p[:min(2, len(p))])
		}
		for _, s := range p {
			if m := regexp.MustCompile(`第(\d\d)行`).FindStringSubmatch(s); m != nil {
				if at, ok := seen[m[1]]; ok && at != n {
					t.Errorf("row %s split over pages %d and %d", m[1], at+1, n+1)
				}
				seen[m[1]] = n
			}
		}
	}
}

// A save that cannot replace what is there (here a folder of the name) fails with a
// message, leaves it as it was, and leaves no temporary file beside it.
func TestSaveThatFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "会议 材料.pdf")
	os.Mkdir(path, 0o755)
	os.WriteFile(filepath.Join(path, "inside.txt"), []byte("kept"), 0o644)
	if _, err := Save(path, sampleSession(t), day); err == nil {
		t.Fatal("saved over a folder")
	}
	if b, _ := os.ReadFile(filepath.Join(path, "inside.txt")); string(b) != "kept" {
		t.Error("what was there was changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d entries beside it", len(entries))
	}
}

// Saved, the handout gets .pdf and replaces the file of that name whole.
func TestSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "江门 会议材料")
	got, err := Save(path, sampleSession(t), day)
	if err != nil || got != path+".pdf" {
		t.Fatalf("saved %q: %v", got, err)
	}
	if b, _ := os.ReadFile(got); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}

// poppler runs a poppler tool on a file, or skips the test where poppler is missing
// (CI installs it: there it fails).
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no %s (Debian package poppler-utils)", tool)
		}
		t.Skipf("no %s (Debian package poppler-utils)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

// The handouts of the built-in Jiangmen digest, of a built-in national report and of an
// imported city report open in poppler: A4 pages, the Chinese font embedded as a subset
// with its Unicode map, every headline figure found by pdftotext, and the digest's
// under 3 MB.
func TestHandoutsInPoppler(t *testing.T) {
	national, err := report.Load("national-2024.yaml", resources.Library("national-2024.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	digest, err := report.Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.ReadFile(reporttest.Shared(t, "corpus/jiangmen/2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		r    *report.Report
	}{{"digest", digest}, {"national-2024", national}, {"jiangmen-2021-imported", res.Report}} {
		s := session.New(c.r, "", &session.MemorySettings{})
		s.SetLibrary(workspace.New(library.New(t.TempDir(), library.BuiltIn()...)))
		path := filepath.Join(t.TempDir(), c.name+".pdf")
		if _, err := Save(path, s, day); err != nil {
			t.Fatal(err)
		}
		info := poppler(t, "pdfinfo", path)
		if !strings.Contains(info, "(A4)") {
			t.Errorf("%s: not A4:\n%s", c.name, info)
		}
		fonts := poppler(t, "pdffonts", path)
		if !regexp.MustCompile(`(?m)CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+yes`).MatchString(fonts) {
			t.Errorf("%s: the Chinese font is not embedded with its Unicode map:\n%s", c.name, fonts)
		}
		text := strings.Join(strings.Fields(poppler(t, "pdftotext", "-enc", "UTF-8", path, "-")), "")
		for _, card := range s.Model(session.OverviewID).Cards {
			if !strings.Contains(text, strings.Join(strings.Fields(card.Value), "")) {
				t.Errorf("%s: pdftotext does not find %s %s", c.name, card.Indicator, card.Value)
			}
		}
		st, _ := os.Stat(path)
		t.Logf("%s: %s, %d bytes", c.name, strings.TrimSpace(regexp.MustCompile(`Pages:\s+\d+`).FindString(info)), st.Size())
		if c.name == "digest" && st.Size() > 3<<20 {
			t.Errorf("the digest's handout is %d bytes", st.Size())
		}
	}
}

// BenchmarkHandout builds the handout of an imported city report (the 2021 Jiangmen
// text, about 30 pages with its charts), from the session to the PDF's bytes.
func BenchmarkHandout(b *testing.B) {
	res, err := importer.ReadFile(reporttest.Shared(b, "corpus/jiangmen/2021.txt"))
	if err != nil {
		b.Fatal(err)
	}
	s := session.New(res.Report, "", &session.MemorySettings{})
	s.SetLibrary(workspace.New(library.New(b.TempDir(), library.BuiltIn()...)))
	var pages int
	for b.Loop() {
		d, err := Build(s, day)
		if err != nil {
			b.Fatal(err)
		}
		pages = len(d.Pages)
	}
	b.ReportMetric(float64(pages), "pages")
}

var update = flag.Bool("update", false, "rewrite the README's pictures of the handout")

// The README shows two pages of the built-in digest's handout, drawn by poppler from the
// PDF; they are rewritten with -update (and looked at), and must otherwise be what the
// handout draws now.
func TestReadmePages(t *testing.T) {
	digest, err := report.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := session.New(digest, "", &session.MemorySettings{})
	s.SetLibrary(workspace.New(library.New(t.TempDir(), library.BuiltIn()...)))
	path := filepath.Join(t.TempDir(), "digest.pdf")
	if _, err := Save(path, s, day); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"2", "3"} {
		prefix := filepath.Join(t.TempDir(), "page")
		poppler(t, "pdftoppm", "-r", "60", "-png", "-singlefile", "-f", page, "-l", page, path, prefix)
		got, err := os.ReadFile(prefix + ".png")
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "handout-page-"+page+".png")
		if *update {
			os.MkdirAll("testdata", 0o755)
			os.WriteFile(golden, got, 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what the handout draws now (go test ./app/handout -run TestReadmePages -update, and look at it): %v", golden, err)
		}
	}
}
