package session

import (
	"strings"
	"testing"

	"workreport/app/report"
)

func newSession(t *testing.T) (*Session, *MemorySettings) {
	t.Helper()
	r, err := report.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := &MemorySettings{}
	return New(r, "", s), s
}

func TestPagesMirrorTheReport(t *testing.T) {
	s, _ := newSession(t)
	var roots []string
	for _, id := range s.Roots() {
		roots = append(roots, s.Page(id).Title)
	}
	want := "概览|2022年工作回顾|2023年主要预期目标|2023年工作安排|全面加强政府自身建设|大会报道"
	if strings.Join(roots, "|") != want {
		t.Fatalf("roots = %q", roots)
	}
	if n := len(s.Page("review").Children); n != 6 {
		t.Errorf("review has %d children", n)
	}
	if n := len(s.Page("plan").Children); n != 7 {
		t.Errorf("plan has %d children", n)
	}
	if s.Current().ID != OverviewID {
		t.Errorf("starts at %s", s.Current().ID)
	}
}

func TestNavigationHistory(t *testing.T) {
	s, prefs := newSession(t)
	changes := 0
	s.OnChange(func() { changes++ })
	s.Go("review")
	s.Go("review.industry")
	s.Go("targets")
	if !s.Back() || s.Current().ID != "review.industry" || !s.Back() || s.Current().ID != "review" {
		t.Fatalf("back: at %s", s.Current().ID)
	}
	if !s.Forward() || s.Current().ID != "review.industry" {
		t.Fatalf("forward: at %s", s.Current().ID)
	}
	s.Go("article") // drops the forward history
	if s.CanForward() || s.Forward() {
		t.Error("forward history survived a new visit")
	}
	if s.Go("article") || s.Go("nope") {
		t.Error("Go to the current or a missing page reported a move")
	}
	if changes != 7 || prefs.String(KeyLastPage) != "article" {
		t.Errorf("changes %d, last page %q", changes, prefs.String(KeyLastPage))
	}
	for s.Back() {
	}
	if s.Current().ID != OverviewID || s.CanBack() {
		t.Error("back stops at the first page")
	}
}

func TestNextAndPrevStepInReadingOrder(t *testing.T) {
	s, _ := newSession(t)
	var seen []string
	for {
		seen = append(seen, s.Current().ID)
		if !s.Next() {
			break
		}
	}
	if len(seen) != len(s.Pages()) || seen[1] != "review" || seen[2] != "review.epidemic" || seen[len(seen)-1] != "article" {
		t.Fatalf("order = %v", seen)
	}
	if !s.Prev() || s.Current().ID != "building" {
		t.Errorf("prev from the article: %s", s.Current().ID)
	}
}

func TestRestoresLastPage(t *testing.T) {
	r, _ := report.Default()
	prefs := &MemorySettings{}
	prefs.SetString(KeyLastPage, "plan.green")
	if s := New(r, "", prefs); s.Current().ID != "plan.green" {
		t.Errorf("started at %s", s.Current().ID)
	}
	prefs.SetString(KeyLastPage, "gone")
	if s := New(r, "", prefs); s.Current().ID != OverviewID {
		t.Errorf("started at %s", s.Current().ID)
	}
}

func TestSearchFindsHighTechEnterprises(t *testing.T) {
	s, _ := newSession(t)
	res := s.Search("高企")
	if len(res) == 0 || res[0].Figure == nil || res[0].Figure.Phrase != "超2600家" {
		t.Fatalf("results = %+v", res)
	}
	if res[0].Page != "review.innovation" || res[0].Kind != "数据" {
		t.Errorf("first hit on %s (%s)", res[0].Page, res[0].Kind)
	}
	kinds := map[string]bool{}
	for _, r := range res {
		kinds[r.Kind] = true
	}
	if !kinds["原文"] {
		t.Error("the item text is not among the results")
	}
	if res := s.Search("rcep"); len(res) == 0 {
		t.Error("Latin search is case-sensitive")
	}
	if res := s.Search("三个务必"); len(res) != 1 || res[0].Kind != "报道" || res[0].Page != "article" {
		t.Errorf("article search: %+v", res)
	}
	if res := s.Search("   "); res != nil {
		t.Error("blank query returned results")
	}
	if res := s.Search("的"); len(res) > MaxResults {
		t.Errorf("%d results", len(res))
	}
}

func TestPageFiguresAndTSV(t *testing.T) {
	s, _ := newSession(t)
	head := s.Headline()
	if len(head) == 0 || head[0].ID != "review.gdp" {
		t.Fatalf("headline = %v", head)
	}
	if len(head) != 7 {
		t.Errorf("%d headline figures, want 7", len(head))
	}
	for _, f := range head {
		if f.Of != "" {
			t.Errorf("headline card for a qualifier: %s", f.ID)
		}
	}
	if got := len(s.Figures("plan.manufacturing")); got < 20 {
		t.Errorf("part figures include sub-parts: %d", got)
	}
	if got := len(s.Figures("plan")); got != 0 {
		t.Errorf("the plan page itself has %d figures", got)
	}
	tsv := s.FiguresTSV("review.innovation")
	lines := strings.Split(strings.TrimSuffix(tsv, "\n"), "\n")
	if len(lines) != len(s.Figures("review.innovation"))+1 || !strings.HasPrefix(lines[0], "编号\t章节") {
		t.Errorf("tsv = %q", tsv)
	}
	if len(s.Charts(OverviewID)) < 4 || len(s.Charts("review.industry")) < 2 {
		t.Error("charts missing")
	}
	if s.DefaultExportName() != "江门市2023年政府工作报告数据.xlsx" {
		t.Errorf("export name %q", s.DefaultExportName())
	}
}

func TestZoomAndTheme(t *testing.T) {
	s, prefs := newSession(t)
	if s.Zoom() != 1 || s.Dark() {
		t.Fatal("defaults")
	}
	if z := s.SetZoom(1.34); z < 1.29 || z > 1.31 || prefs.Float(KeyZoom) != z {
		t.Errorf("zoom %v", z)
	}
	if z := s.SetZoom(9); z != MaxZoom {
		t.Errorf("zoom not clamped: %v", z)
	}
	s.SetDark(true)
	if !s.Dark() {
		t.Error("dark not stored")
	}
}

func TestSetReportKeepsThePageWhenItCan(t *testing.T) {
	s, _ := newSession(t)
	s.Go("targets")
	small, err := report.LoadFile("../report/testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s.SetReport(small, "small.yaml")
	if s.Current().ID != "targets" || s.Report() != small || s.CanBack() {
		t.Errorf("at %s", s.Current().ID)
	}
	s.Go("review")
	big, _ := report.Default()
	s.SetReport(big, "")
	s.Go("plan.green")
	s.SetReport(small, "small.yaml")
	if s.Current().ID != OverviewID {
		t.Errorf("missing page kept: %s", s.Current().ID)
	}
}

func TestArticleSpans(t *testing.T) {
	s, _ := newSession(t)
	art := s.Report().Section("article")
	var got []string
	for i, b := range art.Blocks() {
		for _, sp := range s.Spans(art, i) {
			got = append(got, b.Text[sp.Start:sp.End])
		}
	}
	joined := strings.Join(got, "|")
	for _, want := range []string{"6%以上", "7%以上", "6.5%", "3%左右", "4万人以上", "99万吨以上", "十个"} {
		if !strings.Contains("|"+joined+"|", "|"+want+"|") {
			t.Errorf("article highlights lack %q: %s", want, joined)
		}
	}
	if strings.Contains("|"+joined+"|", "|十大|") {
		t.Errorf("十大 highlighted inside 二十大: %s", joined)
	}
	for i := range art.Blocks() {
		for _, sp := range s.Spans(art, i) {
			if sp.Figures[0].Nature == report.Result {
				t.Errorf("article highlight %s takes a 2022 result's colour", sp.Figures[0].ID)
			}
		}
	}
	// 6% inside 6%以上 is not highlighted twice.
	if strings.Count(joined, "|6%|") > 2 {
		t.Errorf("overlapping highlights: %s", joined)
	}
}
