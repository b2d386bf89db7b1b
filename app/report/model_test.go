package report

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The fixtures in reporttest are read by path here: this internal test package cannot
// import reporttest, which imports this package.
const (
	national2016    = "reporttest/national-2016.yaml"
	jiangmenFormat1 = "reporttest/jiangmen-format1.yaml"
	sampleCity2022  = "reporttest/sample-city-2022.yaml"
	sampleCity2023  = "reporttest/sample-city-2023.yaml"
)

func fixture(t testing.TB, path string) *Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Load(path, data)
	if err != nil {
		t.Fatalf("%s does not load: %v", path, err)
	}
	return r
}

// everyReport is every report the tests know: the fixtures.
func everyReport(t *testing.T) []*Report {
	return []*Report{fixture(t, national2016), fixture(t, jiangmenFormat1), fixture(t, sampleCity2022), fixture(t, sampleCity2023)}
}

// TestProvenance: every figure's 原文 occurs verbatim in its section's text, its 原文表述
// occurs in that sentence, and its location points at exactly that phrase.
func TestProvenance(t *testing.T) {
	for _, r := range everyReport(t) {
		text := r.Text()
		for _, f := range r.Figures() {
			if f.Nature == Derived {
				continue
			}
			if !strings.Contains(text, f.Sentence) {
				t.Errorf("%s %s: 原文 not in text: %q", r.Name, f.ID, f.Sentence)
			}
			if !strings.Contains(f.Sentence, f.Phrase) {
				t.Errorf("%s %s: 原文表述 %q not in 原文", r.Name, f.ID, f.Phrase)
			}
			b := f.Section.Blocks()[f.Location.Block].Text
			if got := b[f.Location.Start:f.Location.End]; got != f.Phrase {
				t.Errorf("%s %s: location holds %q, want %q", r.Name, f.ID, got, f.Phrase)
			}
			if f.Section.Top().Article && r.findText(f.Sentence) != f.Section {
				t.Errorf("%s %s: taken from the article though the report's own text has it", r.Name, f.ID)
			}
		}
	}
}

// TestPhrasesParseBack: number, range, unit and bound come back from each 原文表述.
func TestPhrasesParseBack(t *testing.T) {
	n := 0
	for _, r := range everyReport(t) {
		for _, f := range r.Figures() {
			if !f.HasValue || f.Nature == Derived {
				continue
			}
			got, err := ParsePhrase(f.Phrase, f.Unit, f.Bound)
			if err != nil || got.Value != f.Value || got.IsRange != f.IsRange || got.Upper != f.Upper {
				t.Errorf("%s: ParsePhrase(%q, %q, %q) = %+v, %v", f.ID, f.Phrase, f.Unit, f.Bound, got, err)
			}
			n++
		}
	}
	if n < 80 {
		t.Errorf("only %d numeric figures checked", n)
	}
}

func TestEveryNumberOfTheFixtureIsAccountedFor(t *testing.T) {
	r := fixture(t, national2016)
	for _, m := range r.Uncovered() {
		t.Errorf("%s: number %q is neither a figure nor a listed non-figure: %q", r.Name, m.Text, m.Context)
	}
}

// TestScanCatchesDroppedFigures shows the scan above can fail: dropping a figure, or a
// non-figure, leaves its number uncovered.
func TestScanCatchesDroppedFigures(t *testing.T) {
	r := fixture(t, national2016)
	for _, drop := range []string{"huigu.plan12.poverty", "renwu.gdp-growth", "huigu.plan12.urbanization"} {
		f := r.Figure(drop)
		cp := *r
		sec := *f.Section
		sec.figures = nil
		for _, g := range f.Section.figures {
			if g != f {
				sec.figures = append(sec.figures, g)
			}
		}
		cp.Sections = replaceSection(r.Sections, f.Section, &sec)
		if len(cp.Uncovered()) == 0 {
			t.Errorf("dropping %s left no uncovered number", drop)
		}
	}
	cp := *r
	cp.NonFigures = nil
	if got := len(cp.Uncovered()); got < 20 {
		t.Errorf("without the non-figure list only %d numbers are uncovered", got)
	}
}

func replaceSection(ss []*Section, old, repl *Section) []*Section {
	out := make([]*Section, len(ss))
	for i, s := range ss {
		if s == old {
			out[i] = repl
			continue
		}
		c := *s
		c.Sections = replaceSection(s.Sections, old, repl)
		out[i] = &c
	}
	return out
}

// TestRolesAndPeriodsComeFromTheReport: each section's role and period is read from its
// own title, and a figure may state its own: the main targets sit in the work-plan
// section, and the one-year review holds a five-year paragraph.
func TestRolesAndPeriodsComeFromTheReport(t *testing.T) {
	r := fixture(t, national2016)
	sections := []struct {
		id     string
		role   Role
		period string
	}{
		{"huigu", RoleReview, "2015"},
		{"guihua", RoleTargets, "十三五"},
		{"renwu", RolePlan, "2016"},
		{"renwu.hongguan", RolePlan, "2016"},
	}
	for _, s := range sections {
		sec := r.Section(s.id)
		if sec.Role != s.role || sec.Period.String() != s.period || sec.RoleStated || sec.PeriodStated {
			t.Errorf("%s: %s %s (stated %v %v), want %s %s", s.id, sec.Role, sec.Period, sec.RoleStated, sec.PeriodStated, s.role, s.period)
		}
	}
	figures := []struct {
		id     string
		role   Role
		period string
		year   bool
	}{
		{"huigu.gdp-growth", RoleReview, "2015", true},
		{"huigu.plan12.gdp-growth", RoleReview, "十二五", false},
		{"guihua.gdp-growth", RoleTargets, "十三五", false},
		{"guihua.productivity-2015", RoleTargets, "2015", true},
		{"renwu.gdp-growth", RoleTargets, "2016", true},
		{"renwu.hongguan.deficit", RolePlan, "2016", true},
	}
	for _, ft := range figures {
		f := r.Figure(ft.id)
		if f.Role != ft.role || f.Period.String() != ft.period || f.Period.IsYear() != ft.year {
			t.Errorf("%s: %s %s (one year %v), want %s %s", ft.id, f.Role, f.Period, f.Period.IsYear(), ft.role, ft.period)
		}
	}
	if p := r.Figure("huigu.plan12.gdp-growth").Period; p.From != 2011 || p.To != 2015 || p.Label() != "“十二五”时期" {
		t.Errorf("十二五 = %+v %s", p, p.Label())
	}
	var main []string
	for _, f := range r.Figures() {
		if f.IsMainTarget() && f.Period.IsYear() {
			main = append(main, f.ID)
		}
	}
	if len(main) != 9 || main[0] != "renwu.gdp-growth" {
		t.Errorf("main targets of the year: %v", main)
	}
}

func TestRangeTarget(t *testing.T) {
	r := fixture(t, national2016)
	f := r.Figure("renwu.gdp-growth")
	if !f.IsRange || f.Value != 6.5 || f.Upper != 7 || f.ValueText() != "6.5%－7%" {
		t.Fatalf("range: %+v", f)
	}
	row := f.Row()
	if row[ColumnValue] != "6.5" || row[ColumnUpper] != "7" || row[14] != "6.5%－7%" {
		t.Errorf("row: %q", row)
	}
	if g := r.Figure("renwu.cpi"); g.IsRange || g.UpperString() != "" {
		t.Errorf("a bound is not a range: %+v", g)
	}
}

func TestDirections(t *testing.T) {
	r := fixture(t, national2016)
	want := map[string]Direction{
		"renwu.gdp-growth":                Higher,
		"renwu.cpi":                       Lower,       // prices: better lower
		"renwu.unemployment":              Lower,       // a 以内 ceiling
		"renwu.energy":                    Higher,      // a decrease: more is better
		"renwu.hongguan.deficit":          NoDirection, // an allocation, by its indicator
		"renwu.hongguan.deficit-ratio":    NoDirection,
		"renwu.hongguan.special-bonds":    NoDirection,
		"renwu.hongguan.deficit-increase": NoDirection, // stated
		"renwu.income":                    "",          // qualitative
		"huigu.plan12.gdp-rank":           Lower,       // a rank
	}
	for id, d := range want {
		if got := r.Figure(id).Direction; got != d {
			t.Errorf("%s: %q, want %q", id, got, d)
		}
	}
	if !r.Figure("renwu.hongguan.deficit-increase").DirectionStated || r.Figure("renwu.cpi").DirectionStated {
		t.Error("stated and defaulted directions are not told apart")
	}
}

func TestReviewMarksAndSource(t *testing.T) {
	r := fixture(t, national2016)
	if r.Unconfirmed() != 1 {
		t.Errorf("%d unconfirmed figures, want 1", r.Unconfirmed())
	}
	f := r.Figure("huigu.plan12.urbanization")
	if f.Confirmed() || f.ReviewNote == "" || f.Row()[ColumnReview] != "未审核" {
		t.Errorf("unconfirmed figure: %+v", f)
	}
	if got := r.Figure("huigu.gdp").Row()[ColumnReview]; got != "已审核" {
		t.Errorf("confirmed figure's 审核 = %q", got)
	}
	if r.Source.Kind != Excerpt || !strings.Contains(r.Source.Caveat(), "节选") {
		t.Errorf("source %q: caveat %q", r.Source.Kind, r.Source.Caveat())
	}
	if (Source{Kind: Official}).Caveat() != "" {
		t.Error("the official text carries a caveat")
	}
	if c := (Source{Kind: Digest, Publication: "某报"}).Caveat(); !strings.HasPrefix(c, "某报") || !strings.Contains(c, "并非报告官方全文") {
		t.Errorf("digest caveat %q", c)
	}
	if r.Place != "全国" || r.Level != "全国" || r.Year != 2016 || r.Format != 2 {
		t.Errorf("metadata: %q %q %d format %d", r.Place, r.Level, r.Year, r.Format)
	}
}

// TestFormat1StillLoads: a file in the first format loads, with the new fields at their
// defaults.
func TestFormat1StillLoads(t *testing.T) {
	r := fixture(t, jiangmenFormat1)
	if r.Format != 1 || r.Place != "江门市" || r.Level != "市" || r.Source.Kind != Digest || r.Source.Publication != "本报" {
		t.Errorf("format 1 metadata: %+v %+v", r, r.Source)
	}
	if r.Unconfirmed() != 0 {
		t.Error("hand-written figures of a format 1 file are unconfirmed")
	}
	if s := r.Section("review"); s.Role != RoleReview || s.Period.String() != "2022" {
		t.Errorf("review: %s %s", s.Role, s.Period)
	}
	if s := r.Section("targets"); s.Role != RoleTargets || s.Period.String() != "2023" {
		t.Errorf("targets: %s %s", s.Role, s.Period)
	}
}

func TestPairHelpers(t *testing.T) {
	pairs := fixture(t, jiangmenFormat1).Pairs()
	if len(pairs) != 1 {
		t.Fatalf("%d pairs", len(pairs))
	}
	p := pairs[0]
	if p.Main().ID != "targets.gdp-growth" || p.Strive() == nil || p.Strive().ID != "targets.gdp-growth-strive" ||
		p.Strive().StriveText() != "力争7%以上" || !p.Qualified() {
		t.Errorf("pair helpers: main %v strive %v", p.Main().ID, p.Strive())
	}
	national := fixture(t, national2016).Pairs()
	var got []string
	for _, p := range national {
		got = append(got, p.Result.ID+"→"+p.Main().ID)
		if p.Strive() != nil {
			t.Errorf("%s has a strive target", p.Result.ID)
		}
	}
	want := "huigu.gdp-growth→renwu.gdp-growth|huigu.new-jobs→renwu.new-jobs|huigu.energy-intensity→renwu.energy"
	if strings.Join(got, "|") != want {
		t.Errorf("pairs = %v", got)
	}
}

func TestTSV(t *testing.T) {
	r := fixture(t, national2016)
	var b bytes.Buffer
	if err := WriteTSV(&b, r.Figures()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if lines[0] != strings.Join(Columns, "\t") || len(lines) != len(r.Figures())+1 {
		t.Fatalf("header %q, %d lines", lines[0], len(lines))
	}
	if Columns[len(Columns)-1] != "审核" {
		t.Error("审核 is not the last column")
	}
	for _, l := range lines {
		if n := strings.Count(l, "\t"); n != len(Columns)-1 {
			t.Errorf("%d tabs in %q", n, l)
		}
	}
	if !strings.Contains(b.String(), "renwu.gdp-growth\t三、2016年重点工作\t国内生产总值增速\t目标\t主要目标\t增速\t2016\t\t6.5\t7\t%\t\t\t越高越好\t6.5%－7%\t") {
		t.Errorf("range row:\n%s", lines[len(lines)-15])
	}
}

func TestComparisonOnFixture(t *testing.T) {
	r := fixture(t, national2016)
	tests := map[string]string{
		"huigu.gdp":             "增长6.9%",
		"huigu.new-jobs":        "超过全年预期目标",
		"huigu.plan12.railways": "超过1.9万公里，占世界60%以上",
		"huigu.trade":           "预期增长目标未能实现",
		"renwu.gdp-growth":      "",
	}
	for id, want := range tests {
		if got := r.Comparison(r.Figure(id)); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}
