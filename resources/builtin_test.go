package resources_test

import (
	"strings"
	"testing"

	"workreport/app/report"
	"workreport/app/zhtext"
	"workreport/resources"
)

func mustDefault(t testing.TB) *report.Report {
	t.Helper()
	r, err := report.Default()
	if err != nil {
		t.Fatalf("embedded report does not load: %v", err)
	}
	return r
}

// TestBuiltInReport pins the built-in report: its metadata, structure and every figure
// whose reading is easy to get wrong. It is the one test of the data the app ships; the
// behaviour tests use the reports in reporttest, so that next year's data file cannot
// break them.
func TestBuiltInReport(t *testing.T) {
	t.Run("metadata", testReportMetadata)
	t.Run("sections", testSectionTreeMirrorsDigest)
	t.Run("figures", testFigures)
	t.Run("qualitative", testQualitativeFiguresHaveNoNumber)
	t.Run("every number", testEveryNumberIsAccountedFor)
	t.Run("names", testNamesAndOrdinalsAreNotFigures)
	t.Run("pairs", testPairs)
	t.Run("derived", testDerivedFigures)
	t.Run("highlights", testHighlightsCutTheTextAtFigures)
	t.Run("comparison", testComparison)
}

func testReportMetadata(t *testing.T) {
	r := mustDefault(t)
	checks := map[string][2]string{
		"title":       {r.Title, "江门市2023年政府工作报告"},
		"place":       {r.Place, "江门市"},
		"level":       {r.Level, "市"},
		"publication": {r.Source.Publication, "本报"},
		"meeting":     {r.Source.Meeting, "江门市第十六届人民代表大会第三次会议"},
		"date":        {r.Source.Date, "2023年2月16日"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
	if r.Year != 2023 {
		t.Errorf("year = %d", r.Year)
	}
	if r.Source.Kind != report.Digest || !strings.Contains(r.Source.Caveat(), "并非报告官方全文") {
		t.Errorf("the source must say the text is not the official report: %q %q", r.Source.Kind, r.Source.Caveat())
	}
	if r.Unconfirmed() != 0 {
		t.Errorf("%d figures of the built-in report are unconfirmed", r.Unconfirmed())
	}
}

func testSectionTreeMirrorsDigest(t *testing.T) {
	r := mustDefault(t)
	var top []string
	for _, s := range r.Sections {
		top = append(top, s.Title)
	}
	want := []string{"2022年工作回顾", "2023年主要预期目标", "2023年工作安排", "全面加强政府自身建设", "大会报道"}
	if strings.Join(top, "|") != strings.Join(want, "|") {
		t.Fatalf("top-level sections = %q, want %q", top, want)
	}
	parts := map[string]int{"review": 6, "targets": 0, "plan": 7, "building": 0, "article": 0}
	for id, n := range parts {
		if got := len(r.Section(id).Sections); got != n {
			t.Errorf("%s has %d parts, want %d", id, got, n)
		}
	}
	for _, p := range r.Section("plan").Sections {
		if len(p.Sections) < 2 {
			t.Errorf("work-plan part %q has %d numbered sub-parts", p.Title, len(p.Sections))
		}
	}
	if got := len(r.Section("building").Items); got != 4 {
		t.Errorf("government self-building has %d points, want 4", got)
	}
	if !r.Section("article").Article {
		t.Error("the article section is not marked as the article")
	}
	if got := r.Section("review.industry").PathString(); got != "2022年工作回顾 > (三)多措并举延伸拓展产业链条,全力构建现代化产业体系" {
		t.Errorf("path = %q", got)
	}
	roles := map[string]report.Role{"review": report.RoleReview, "review.industry": report.RoleReview, "targets": report.RoleTargets,
		"plan": report.RolePlan, "plan.rural.counties": report.RolePlan, "building": report.RoleOther, "article": report.RoleOther}
	for id, want := range roles {
		if got := r.Section(id).Role; got != want {
			t.Errorf("%s: role %s, want %s", id, got, want)
		}
	}
	periods := map[string]string{"review": "2022", "review.economy": "2022", "targets": "2023", "plan.green": "2023"}
	for id, want := range periods {
		if got := r.Section(id).Period.String(); got != want {
			t.Errorf("%s: period %s, want %s", id, got, want)
		}
	}
	if note := r.Section("article").Note; !strings.Contains(note, "十个方面") || !strings.Contains(note, "（一）至（七）") {
		t.Errorf("the article does not say the digest covers only part of it: %q", note)
	}
}

// testFigures pins figures whose reading is easy to get wrong in this text.
func testFigures(t *testing.T) {
	r := mustDefault(t)
	tests := []struct {
		id, phrase          string
		nature              report.Nature
		measure             string
		value               float64
		unit, bound, strive string
		of                  string
	}{
		{"review.gdp", "3773.41亿元", report.Result, "总量", 3773.41, "亿元", "", "", ""},
		{"review.gdp-growth", "3.3%", report.Result, "增速", 3.3, "%", "", "", "review.gdp"},
		// the rank belongs to the growth rate, not to the amount
		{"review.gdp-growth-rank", "第2", report.Result, "排名", 2, "名", "", "", "review.gdp-growth"},
		// one 均排全省第4 covers two indicators
		{"review.industrial-va-growth-rank", "第4", report.Result, "排名", 4, "名", "", "", "review.industrial-va-growth"},
		{"review.retail-growth-rank", "第4", report.Result, "排名", 4, "名", "", "", "review.retail-growth"},
		{"review.industry.agriculture-growth-rank", "第1", report.Result, "排名", 1, "名", "", "", "review.industry.agriculture-growth"},
		// broken bold markers: three figures in one bullet
		{"review.industry.key-chains", "15条", report.Result, "数量", 15, "条", "", "", ""},
		{"review.industry.key-chains-output", "4345亿元", report.Result, "总量", 4345, "亿元", "", "", ""},
		{"review.industry.industrial-output", "突破6000亿元", report.Result, "总量", 6000, "亿元", "突破", "", ""},
		{"review.rural.old-communities", "65个", report.Result, "数量", 65, "个", "", "", ""},
		{"review.rural.elevators", "237台", report.Result, "数量", 237, "台", "", "", ""},
		// 17.4% is the growth of high-level talent, not of the talent total
		{"review.innovation.high-level-talent-growth", "17.4%", report.Result, "增速", 17.4, "%", "", "", "review.innovation.high-level-talent"},
		{"review.innovation.talent-total", "达93.05万人", report.Result, "总量", 93.05, "万人", "达", "", ""},
		{"review.innovation.high-tech-enterprises", "超2600家", report.Result, "数量", 2600, "家", "超", "", ""},
		{"review.economy.tax-cut", "近148亿元", report.Result, "总量", 148, "亿元", "近", "", ""},
		{"review.livelihood.school-places", "超1.5万个", report.Result, "数量", 1.5, "万个", "超", "", ""},
		{"targets.gdp-growth", "6%以上", report.Target, "增速", 6, "%", "以上", "", ""},
		{"targets.gdp-growth-strive", "7%以上", report.Target, "增速", 7, "%", "以上", "力争", ""},
		{"targets.cpi", "3%左右", report.Target, "增速", 3, "%", "左右", "", ""},
		{"plan.manufacturing.investment.projects", "超2000亿元", report.Target, "总量", 2000, "亿元", "超", "争取", ""},
		// thresholds define a category; they are not targets
		{"plan.manufacturing.investment.big-project-threshold", "10亿元以上", report.Threshold, "总量", 10, "亿元", "以上", "", ""},
		{"plan.manufacturing.enterprises.fifty-billion-threshold", "超50亿元", report.Threshold, "总量", 50, "亿元", "超", "", ""},
		{"plan.manufacturing.enterprises.ten-billion-threshold", "超10亿元", report.Threshold, "总量", 10, "亿元", "超", "", ""},
		{"plan.manufacturing.enterprises.hundred-billion-threshold", "超百亿", report.Threshold, "总量", 100, "亿", "超", "", ""},
		{"plan.manufacturing.industry.clusters-class", "千亿级", report.Threshold, "总量", 1000, "亿", "级", "", ""},
		// a district's GDP reaching 千亿 is a target, not a threshold
		{"plan.rural.counties.xinhui-gdp", "千亿", report.Target, "总量", 1000, "亿", "", "", ""},
		// a place within the top N is a rank target, worded the same way twice
		{"plan.talent.innovation.hi-tech-zone", "50强", report.Target, "排名", 50, "名", "强", "", ""},
		{"plan.rural.counties.top-counties", "百强", report.Target, "排名", 100, "名", "强", "", ""},
		// a magnitude word standing alone is the number, with the unit that follows it
		{"plan.manufacturing.industry.clusters-threshold", "超千亿元", report.Threshold, "总量", 1000, "亿元", "超", "", ""},
		// counts in Chinese numerals are figures
		{"review.livelihood-projects", "十件", report.Result, "数量", 10, "件", "", "", ""},
		{"plan.manufacturing.industry.clusters", "两个", report.Target, "数量", 2, "个", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			f := r.Figure(tt.id)
			if f == nil {
				t.Fatal("missing")
			}
			if f.Phrase != tt.phrase || f.Nature != tt.nature || f.Measure != tt.measure ||
				!f.HasValue || f.Value != tt.value || f.Unit != tt.unit || f.Bound != tt.bound ||
				f.Strive != tt.strive || f.Of != tt.of {
				t.Errorf("got %s/%s/%s %v%s bound %q strive %q of %q", f.Phrase, f.Nature, f.Measure,
					f.Value, f.Unit, f.Bound, f.Strive, f.Of)
			}
		})
	}
	// Counts of what the text names, and names that hold numerals, are not figures.
	for _, id := range []string{"plan.regions.platforms", "plan.rural.agriculture.chains", "plan.talent.talent.skills-projects",
		"plan.rural.counties.districts", "article.tasks", "plan.rural.counties.gdp-threshold"} {
		if r.Figure(id) != nil {
			t.Errorf("%s is a figure", id)
		}
	}
	for _, f := range r.Figures() {
		if f.Unit == "大" || f.Unit == "强" || f.Unit == "区" {
			t.Errorf("%s: %q is part of a word, not a unit", f.ID, f.Unit)
		}
	}
	if f := r.Figure("review.revenue-growth"); f.Basis != report.Comparable || f.Pair != "" {
		t.Errorf("the like-for-like revenue growth: basis %q, pair %q", f.Basis, f.Pair)
	}
	directions := map[string]report.Direction{"targets.cpi": report.Lower, "targets.gdp-growth": report.Higher,
		"plan.regions.hard.guangzhou-commute": report.Lower, "plan.talent.innovation.hi-tech-zone": report.Lower}
	for id, want := range directions {
		if got := r.Figure(id).Direction; got != want {
			t.Errorf("%s: direction %s, want %s", id, got, want)
		}
	}
}

func testQualitativeFiguresHaveNoNumber(t *testing.T) {
	r := mustDefault(t)
	for _, id := range []string{"review.livelihood-projects-done", "review.rural.assessment", "targets.income-growth", "targets.air-quality", "targets.water-quality"} {
		f := r.Figure(id)
		if f == nil || f.Nature != report.Qualitative || f.HasValue || f.Unit != "" || f.NumberString() != "" {
			t.Errorf("%s: %+v", id, f)
		}
	}
	if f := r.Figure("review.livelihood-projects-done"); f.Phrase != "全面完成" {
		t.Errorf("phrase %q", f.Phrase)
	}
}

func testEveryNumberIsAccountedFor(t *testing.T) {
	r := mustDefault(t)
	for _, m := range r.Uncovered() {
		t.Errorf("number %q is neither a figure nor a listed non-figure: %q", m.Text, m.Context)
	}
}

func testNamesAndOrdinalsAreNotFigures(t *testing.T) {
	r := mustDefault(t)
	names := []string{"4+N", "十百千万", "万亩千亿", "百县千镇万村", "200强", "2月16日", "第十六届", "二期", "三期",
		"三大平台", "三区", "六大", "十大重点项目"}
	listed := map[string]bool{}
	for _, nf := range r.NonFigures {
		listed[nf.Text] = true
	}
	for _, n := range names {
		if !listed[n] {
			t.Errorf("%q is not on the non-figure list", n)
		}
		for _, f := range r.Figures() {
			if f.Phrase == n || strings.Contains(n, f.Phrase) && f.Section != nil && strings.Contains(f.Sentence, n) && overlaps(f, n) {
				t.Errorf("%q is read as figure %s (%s)", n, f.ID, f.Phrase)
			}
		}
	}
}

// overlaps reports whether the figure's phrase sits inside an occurrence of name.
func overlaps(f *report.Figure, name string) bool {
	b := f.Section.Blocks()[f.Location.Block].Text
	for _, at := range zhtext.IndexAlone(b, name) {
		if f.Location.Start >= at && f.Location.End <= at+len(name) {
			return true
		}
	}
	return false
}

func testPairs(t *testing.T) {
	r := mustDefault(t)
	pairs := map[string][]string{
		"review.gdp-growth":                      {"targets.gdp-growth", "targets.gdp-growth-strive"},
		"review.industrial-va-growth":            {"targets.industrial-va-growth"},
		"review.retail-growth":                   {"targets.retail-growth"},
		"review.livelihood.new-jobs":             {"targets.new-jobs"},
		"review.industry.projects-investment":    {"plan.manufacturing.investment.projects"},
		"review.industry.construction-output":    {"plan.manufacturing.industry.construction-output"},
		"review.economy.key-projects-investment": {"plan.demand.investment.key-projects-investment"},
	}
	got := r.Pairs()
	if len(got) != len(pairs) {
		t.Errorf("%d pairs, want %d", len(got), len(pairs))
	}
	for _, p := range got {
		want, ok := pairs[p.Result.ID]
		if !ok {
			t.Errorf("unexpected pair for %s", p.Result.ID)
			continue
		}
		var ids []string
		for _, tg := range p.Targets {
			ids = append(ids, tg.ID)
		}
		if strings.Join(ids, ",") != strings.Join(want, ",") {
			t.Errorf("%s pairs with %v, want %v", p.Result.ID, ids, want)
		}
		if p.Result.Pair != want[0] {
			t.Errorf("%s.对应 = %q, want %q", p.Result.ID, p.Result.Pair, want[0])
		}
		for _, tg := range p.Targets {
			if tg.Pair != p.Result.ID {
				t.Errorf("%s.对应 = %q", tg.ID, tg.Pair)
			}
		}
	}
	// report.Pair only the same indicator.
	// A like-for-like growth rate is not the headline rate the target sets.
	for _, id := range []string{"review.economy.rcep-trade-growth", "targets.trade-growth", "review.livelihood.school-places",
		"plan.talent.education.school-places", "review.revenue-growth", "targets.revenue-growth"} {
		if p := r.Figure(id).Pair; p != "" {
			t.Errorf("%s is paired with %s", id, p)
		}
	}
}

func testDerivedFigures(t *testing.T) {
	r := mustDefault(t)
	tests := []struct {
		id     string
		value  float64
		phrase string
	}{
		{"review.industry.city-industrial-va", 1360.4, "824.4亿元 ÷ 60.6% ≈ 1360.4亿元（四舍五入保留一位小数）"},
		{"review.economy.key-projects-plan", 1160.8, "1433.6亿元 ÷ 123.5% ≈ 1160.8亿元（四舍五入保留一位小数）"},
		{"review.livelihood.budget-spending", 453.3, "350.4亿元 ÷ 77.3% ≈ 453.3亿元（四舍五入保留一位小数）"},
	}
	for _, tt := range tests {
		f := r.Figure(tt.id)
		if f == nil || f.Nature != report.Derived || f.Value != tt.value || f.Phrase != tt.phrase || f.Formula == nil {
			t.Errorf("%s: %+v", tt.id, f)
			continue
		}
		if f.IsReported() || f.ValueText() != "≈"+report.FormatNumber(tt.value)+"亿元" {
			t.Errorf("%s: derived figure presented as reported: %q", tt.id, f.ValueText())
		}
		if f.Sentence != f.Formula.Left.Sentence {
			t.Errorf("%s: 原文 %q is not its inputs' sentence", tt.id, f.Sentence)
		}
		if d := f.Formula.Exact - f.Value; d > 0.05 || d < -0.05 {
			t.Errorf("%s: rounding off by %v", tt.id, d)
		}
	}
}

func testHighlightsCutTheTextAtFigures(t *testing.T) {
	r := mustDefault(t)
	s := r.Section("review")
	spans := s.Highlights(2) // the second headline line: blocks are title, item 1, item 2
	var got []string
	for _, sp := range spans {
		got = append(got, s.Blocks()[2].Text[sp.Start:sp.End])
	}
	want := "高于全省|3.1%|2.4%|第4|0.2%|十件|全面完成|平稳健康发展"
	if strings.Join(got, "|") != want {
		t.Errorf("highlights = %v, want %s", got, want)
	}
	for _, sp := range spans {
		if s.Blocks()[2].Text[sp.Start:sp.End] == "第4" && len(sp.Figures) != 2 {
			t.Errorf("第4 should carry both ranked indicators, has %d", len(sp.Figures))
		}
	}
}

func testComparison(t *testing.T) {
	r := mustDefault(t)
	tests := map[string]string{
		"review.gdp":                              "增长3.3%，增速全省第2（建市以来最高排位）",
		"review.industry.projects-investment":     "增长17.9%",
		"review.industry.agriculture-output":      "增长7.7%，增速全省第1",
		"review.innovation.high-tech-enterprises": "增长超20%",
		"review.livelihood-projects":              "全面完成",
		"review.economy.key-projects-investment":  "为年度计划的123.5%",
		"review.innovation.talent-total":          "",
		"review.industrial-va-growth":             "增速全省第4",
	}
	for id, want := range tests {
		if got := r.Comparison(r.Figure(id)); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}

// BenchmarkLoad parses and validates the embedded report, as every start does.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.Load("report.yaml", resources.ReportYAML); err != nil {
			b.Fatal(err)
		}
	}
}
