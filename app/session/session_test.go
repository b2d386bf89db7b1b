package session

import (
	"strings"
	"testing"

	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/workspace/workspacetest"
)

// newSession opens the 2016 national excerpt: another place, year and set of section ids
// than the built-in report.
func newSession(t *testing.T) (*Session, *MemorySettings) {
	t.Helper()
	s := &MemorySettings{}
	return New(reporttest.Load(t, reporttest.National2016), "", s), s
}

func TestPagesMirrorTheReport(t *testing.T) {
	s, _ := newSession(t)
	var roots []string
	for _, id := range s.Roots() {
		roots = append(roots, s.Page(id).Short)
	}
	want := "概览|一、2015年工作回顾|二、“十三五”时期主要目标任务和重大举措|三、2016年重点工作"
	if strings.Join(roots, "|") != want {
		t.Fatalf("roots = %q", roots)
	}
	if c := s.Page("renwu").Children; len(c) != 1 || c[0] != "renwu.hongguan" {
		t.Errorf("renwu has children %v", c)
	}
	if got := s.Page("renwu.hongguan").Short; got != "（一）稳定和完善宏观经济政策" {
		t.Errorf("short title %q", got)
	}
	if s.Current().ID != OverviewID {
		t.Errorf("starts at %s", s.Current().ID)
	}
}

func TestNavigationHistory(t *testing.T) {
	s, prefs := newSession(t)
	changes := 0
	s.OnChange(func() { changes++ })
	s.Go("huigu")
	s.Go("renwu.hongguan")
	s.Go("guihua")
	if !s.Back() || s.Current().ID != "renwu.hongguan" || !s.Back() || s.Current().ID != "huigu" {
		t.Fatalf("back: at %s", s.Current().ID)
	}
	if !s.Forward() || s.Current().ID != "renwu.hongguan" {
		t.Fatalf("forward: at %s", s.Current().ID)
	}
	s.Go("renwu") // drops the forward history
	if s.CanForward() || s.Forward() {
		t.Error("forward history survived a new visit")
	}
	if s.Go("renwu") || s.Go("nope") {
		t.Error("Go to the current or a missing page reported a move")
	}
	if changes != 7 || prefs.String(KeyLastPage) != "renwu" {
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
	if strings.Join(seen, ",") != "overview,huigu,guihua,renwu,renwu.hongguan" {
		t.Fatalf("order = %v", seen)
	}
	if !s.Prev() || s.Current().ID != "renwu" {
		t.Errorf("prev from the last page: %s", s.Current().ID)
	}
}

func TestRestoresLastPage(t *testing.T) {
	r := reporttest.Load(t, reporttest.National2016)
	prefs := &MemorySettings{}
	prefs.SetString(KeyLastPage, "guihua")
	if s := New(r, "", prefs); s.Current().ID != "guihua" {
		t.Errorf("started at %s", s.Current().ID)
	}
	prefs.SetString(KeyLastPage, "gone")
	if s := New(r, "", prefs); s.Current().ID != OverviewID {
		t.Errorf("started at %s", s.Current().ID)
	}
}

func TestSearch(t *testing.T) {
	s, _ := newSession(t)
	res := s.Search("能耗")
	if len(res) == 0 || res[0].Figure == nil || res[0].Figure.ID != "huigu.energy-intensity" || res[0].Page != "huigu" || res[0].Kind != "数据" {
		t.Fatalf("results = %+v", res)
	}
	kinds := map[string]bool{}
	for _, r := range res {
		kinds[r.Kind] = true
	}
	if !kinds["原文"] {
		t.Error("the text is not among the results")
	}
	if res := s.Search("举世瞩目"); len(res) != 1 || res[0].Kind != "原文" || !strings.Contains(res[0].Text, "举世瞩目") {
		t.Errorf("text search: %+v", res)
	}
	if res := s.Search("   "); res != nil {
		t.Error("blank query returned results")
	}
	if res := s.Search("的"); len(res) > MaxResults {
		t.Errorf("%d results", len(res))
	}
	j := New(reporttest.Load(t, reporttest.JiangmenFormat1), "", &MemorySettings{})
	if res := j.Search("二十大"); len(res) != 1 || res[0].Kind != "报道" || res[0].Page != "article" {
		t.Errorf("article search: %+v", res)
	}
}

func TestPageFiguresAndTSV(t *testing.T) {
	s, _ := newSession(t)
	var head []string
	for _, f := range s.Headline() {
		head = append(head, f.ID)
	}
	// The review's own figures of its year, not its five-year paragraph's.
	want := "huigu.gdp,huigu.new-jobs,huigu.cpi,huigu.services-share,huigu.consumption-contribution,huigu.energy-intensity,huigu.trade"
	if strings.Join(head, ",") != want {
		t.Errorf("headline = %v", head)
	}
	if got := len(s.Figures("renwu")); got != 9 {
		t.Errorf("a section with parts shows its own %d figures, want 9", got)
	}
	if got := len(s.Figures("renwu.hongguan")); got != 6 {
		t.Errorf("part figures: %d", got)
	}
	tsv := s.FiguresTSV("renwu.hongguan")
	lines := strings.Split(strings.TrimSuffix(tsv, "\n"), "\n")
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "章节\t指标\t性质") || !strings.HasSuffix(lines[0], "\t编号\t对应") ||
		!strings.HasPrefix(lines[1], "三、2016年重点工作 > （一）") || !strings.HasSuffix(lines[1], "\trenwu.hongguan.deficit\t") {
		t.Errorf("tsv = %q", tsv)
	}
	if len(s.Charts(OverviewID)) < 1 || len(s.Charts("renwu.hongguan")) != 2 {
		t.Error("charts missing")
	}
	if s.DefaultExportName() != "2016年国务院政府工作报告（节选）数据.xlsx" {
		t.Errorf("export name %q", s.DefaultExportName())
	}
}

// TestPageModels: what each page shows comes from the report: the heading and source
// line, the main targets with the periods of the report, and the cards' notes.
func TestPageModels(t *testing.T) {
	s, _ := newSession(t)
	o := s.Model(OverviewID)
	if o.Title != "2016年国务院政府工作报告（节选）" || o.Where != "第十二届全国人民代表大会第四次会议 · 2016年3月5日 · 报告节选" ||
		!strings.Contains(o.Caveat, "报告节选，并非全文") || !strings.Contains(o.Caveat, "有 1 项数据由软件识别") || o.CardsTitle != "主要数据（7 项）" {
		t.Errorf("overview: %+v", o)
	}
	if o.Table != nil {
		t.Error("the overview shows a targets table")
	}
	w := s.Model("renwu")
	if w.Table == nil {
		t.Fatal("the main targets in 2016年重点工作 have no table")
	}
	if got := strings.Join(w.Table.Columns, "|"); got != "指标|2016年目标|限定|力争|2015年实绩" {
		t.Errorf("table columns %q", got)
	}
	if len(w.Table.Rows) != 9 || strings.Join(w.Table.Rows[0].Cells, "|") != "国内生产总值增速|6.5%－7%|||6.9%" {
		t.Errorf("table rows: %d, first %q", len(w.Table.Rows), w.Table.Rows[0].Cells)
	}
	if len(w.Children) != 1 || w.Children[0].Label != "（一）稳定和完善宏观经济政策，保持经济运行在合理区间。（6 项数据）" {
		t.Errorf("children %+v", w.Children)
	}
	if len(w.Text) != 1 || !w.Text[0].Bullet || w.Text[0].Heading {
		t.Errorf("text of a section with parts: %+v", w.Text)
	}
	if w.Where != "2016年国务院政府工作报告（节选）" {
		t.Errorf("where %q", w.Where)
	}
	notes := func(page, id string) string {
		for _, c := range s.Model(page).Cards {
			if c.Figure.ID == id {
				return strings.Join(c.Notes, "；")
			}
		}
		t.Fatalf("no card for %s on %s", id, page)
		return ""
	}
	if n := notes("huigu", "huigu.plan12.gdp-growth"); !strings.Contains(n, "时期：“十二五”时期") {
		t.Errorf("a five-year figure's card does not say so: %q", n)
	}
	if n := notes("huigu", "huigu.gdp-growth"); strings.Contains(n, "时期") {
		t.Errorf("a figure of the page's year names its period: %q", n)
	}
	if n := notes("huigu", "huigu.plan12.urbanization"); !strings.Contains(n, "未审核") || !strings.Contains(n, "一半") {
		t.Errorf("an unconfirmed figure's card: %q", n)
	}
	if n := notes("renwu.hongguan", "renwu.hongguan.deficit"); !strings.Contains(n, "计划安排数") {
		t.Errorf("an allocation's card: %q", n)
	}
	for _, c := range s.Model("huigu").Cards {
		if c.Unconfirmed != !c.Figure.Confirmed() || c.Value != c.Figure.ValueText() {
			t.Errorf("card %s: %+v", c.Figure.ID, c)
		}
		if !strings.Contains(c.Excerpt, c.Figure.Phrase) {
			t.Errorf("card %s: excerpt %q lost %q", c.Figure.ID, c.Excerpt, c.Figure.Phrase)
		}
	}
	j := New(reporttest.Load(t, reporttest.JiangmenFormat1), "", &MemorySettings{})
	if m := j.Model("article"); !m.Article || m.Lead != "" && m.Lead != j.Report().Lead {
		t.Errorf("article model %+v", m)
	}
	if s.Model("nope") != nil {
		t.Error("a model for a missing page")
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
	small := reporttest.Load(t, reporttest.JiangmenFormat1)
	s.Go("renwu")
	s.SetReport(small, "small.yaml")
	if s.Current().ID != OverviewID || s.Report() != small || s.CanBack() {
		t.Errorf("at %s", s.Current().ID)
	}
	s.Go("targets")
	other := reporttest.Load(t, reporttest.JiangmenFormat1)
	s.SetReport(other, "other.yaml")
	if s.Current().ID != "targets" || s.Report() != other {
		t.Errorf("a page the new report also has was not kept: %s", s.Current().ID)
	}
}

func TestArticleSpans(t *testing.T) {
	s := New(reporttest.Load(t, reporttest.JiangmenFormat1), "", &MemorySettings{})
	art := s.Report().Section("article")
	var got []string
	for i, b := range art.Blocks() {
		for _, sp := range s.Spans(art, i) {
			got = append(got, b.Text[sp.Start:sp.End])
		}
	}
	joined := "|" + strings.Join(got, "|") + "|"
	for _, want := range []string{"6%以上", "7%以上"} {
		if !strings.Contains(joined, "|"+want+"|") {
			t.Errorf("article highlights lack %q: %s", want, joined)
		}
	}
	for _, not := range []string{"|6%|", "|6.5%|"} {
		if strings.Contains(joined, not) {
			t.Errorf("article highlights %s, which is no figure of the report or is inside one: %s", not, joined)
		}
	}
	for i := range art.Blocks() {
		for _, sp := range s.Spans(art, i) {
			if sp.Figures[0].Nature == report.Result {
				t.Errorf("article highlight %s takes a result's colour", sp.Figures[0].ID)
			}
		}
	}
}

func TestSearchFindsOtherNames(t *testing.T) {
	s, _ := newSession(t)
	res := s.Search("GDP")
	if len(res) == 0 || res[0].Figure == nil || !strings.Contains(res[0].Figure.Indicator, "国内生产总值") {
		t.Fatalf("GDP found %+v", res)
	}
	if res := s.Search("gdp"); len(res) == 0 {
		t.Error("a synonym is case-sensitive")
	}
	if res := s.Search("CPI"); len(res) == 0 || res[0].Figure == nil || !strings.Contains(res[0].Figure.Indicator, "居民消费价格") {
		t.Errorf("CPI found %+v", res)
	}
}

// A page that compares the report with the library is there once the library is read;
// the session opens it then, as the page last read, unless the reader has moved on.
func TestRestoresALibraryPage(t *testing.T) {
	r := reporttest.Load(t, reporttest.SampleCity2023)
	prefs := &MemorySettings{}
	prefs.SetString(KeyLastPage, "verdicts-2022")
	s := New(r, "", prefs)
	if s.Current().ID != OverviewID {
		t.Fatalf("started at %s before the library", s.Current().ID)
	}
	s.SetLibrary(workspacetest.New(t, t.TempDir()))
	if s.Current().ID != "verdicts-2022" {
		t.Errorf("with the library: at %s", s.Current().ID)
	}
	// Moved on before the library came: stays where the reader went.
	s = New(r, "", prefs)
	s.Go(s.Roots()[1])
	at := s.Current().ID
	s.SetLibrary(workspacetest.New(t, t.TempDir()))
	if s.Current().ID != at {
		t.Errorf("the reader went to %s, the library took them to %s", at, s.Current().ID)
	}
}

// 对标 says so where only one place states a target: the table's note names the place,
// and the chart labels a lone bar with its place, so that it does not read as the open
// report's own.
func TestBenchmarkNamesALonePlace(t *testing.T) {
	s := New(reporttest.Load(t, reporttest.SampleCity2023), "", &MemorySettings{})
	s.SetLibrary(workspacetest.New(t, t.TempDir()))
	b := s.Benchmark()
	if b == nil || len(b.Places) < 2 {
		t.Fatal("no benchmark of two places")
	}
	_, rows := b.BenchRows()
	lone := 0
	for i, r := range b.Rows {
		n := 0
		for _, f := range r.Targets {
			if f != nil {
				n++
			}
		}
		note := rows[i][len(rows[i])-1]
		if (n == 1) != strings.HasPrefix(note, "只有") {
			t.Errorf("%s: %d places, note %q", r.Indicator, n, note)
		}
		if n == 1 {
			lone++
		}
	}
	if lone == 0 {
		t.Fatal("the fixtures have no target of one place only")
	}
	for _, c := range s.Charts(BenchmarkID) {
		for _, g := range c.Groups {
			bars := 0
			for _, bar := range g.Bars {
				if !bar.Missing {
					bars++
				}
			}
			if (bars == 1) != strings.Contains(g.Label, "（仅") {
				t.Errorf("chart row %q has %d bars", g.Label, bars)
			}
		}
	}
}
