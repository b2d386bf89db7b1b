package session

import (
	"fmt"
	"slices"
	"strings"

	"workreport/app/compare"
	"workreport/app/report"
)

// Targets against results: the report's own targets judged by the next year's report,
// and the previous year's targets judged by this one, when the library holds them.

// Neighbour finds the report of a place and year in the library, decoding it, or nil.
type Neighbour func(place string, year int) *report.Report

// VerdictPrefix opens the id of a page of verdicts: verdicts-2015 judges 2015's targets.
const VerdictPrefix = "verdicts-"

// VerdictTable is a page of verdicts: year N's targets against report N+1's results.
type VerdictTable struct {
	Year       int // the target year N
	Prev, Next *report.Report
	Rows       []compare.Row
	Rules      []string
}

// Library is the way to the library's other reports: a place's report of a year, all
// the reports of a place, and the reports of a year from other places. Any may be nil.
type Library struct {
	Neighbour Neighbour
	Reports   Reports
	Peers     Peers
}

// SetLibrary gives the session the library's other reports, and adds the pages that
// compare the open report with them: the verdicts it takes part in, an indicator over
// the years, and the year's targets of other places. The pages are built once.
func (s *Session) SetLibrary(l Library) {
	s.neighbour, s.series, s.peers = l.Neighbour, l.Reports, l.Peers
	s.rebuildPages()
}

// rebuildPages builds the pages again for the open report, keeping the page on show.
func (s *Session) rebuildPages() { s.rebuildPagesFor(s.report) }

// rebuildPagesFor builds the pages for r, keeping the page on show and the history
// when the pages are still there.
func (s *Session) rebuildPagesFor(r *report.Report) {
	history, pos := s.history, s.pos
	s.setReport(r, s.path)
	for _, id := range history {
		if s.byID[id] == nil {
			history, pos = []string{OverviewID}, 0
			break
		}
	}
	s.history, s.pos = history, pos
}

// verdictPages judges the targets the open report shares with its neighbours: the
// previous year's targets by this report, and this report's by the next year's.
func (s *Session) verdictPages(r *report.Report) {
	s.verdicts = map[int]*VerdictTable{}
	if s.neighbour == nil || r.Place == "" {
		return
	}
	add := func(prev, next *report.Report) {
		if prev == nil || next == nil {
			return
		}
		rows := compare.Judge(prev, next, s.Tolerance())
		if len(rows) == 0 {
			return
		}
		t := &VerdictTable{Year: prev.Year, Prev: prev, Next: next, Rows: rows, Rules: compare.Rules}
		s.verdicts[prev.Year] = t
		id := fmt.Sprintf("%s%d", VerdictPrefix, prev.Year)
		title := fmt.Sprintf("%d年目标完成情况", prev.Year)
		// After the overview, the most recent first.
		p := &Page{ID: id, Title: title, Short: title}
		s.pages = append(s.pages[:1], append([]*Page{p}, s.pages[1:]...)...)
	}
	add(r, s.neighbour(r.Place, report.JudgedIn(r.Year)))
	add(s.neighbour(r.Place, report.ReviewedYear(r.Year)), r)
}

// Verdicts returns the table of a verdict page, or nil.
func (s *Session) Verdicts(id string) *VerdictTable {
	if !strings.HasPrefix(id, VerdictPrefix) || s.byID[id] == nil {
		return nil
	}
	var y int
	fmt.Sscanf(strings.TrimPrefix(id, VerdictPrefix), "%d", &y)
	return s.verdicts[y]
}

// NextVerdicts returns the open report's own targets judged by the next year's report,
// for the workbook, or nil.
func (s *Session) NextVerdicts() []compare.Row {
	if t := s.verdicts[s.Report().Year]; t != nil {
		return t.Rows
	}
	return nil
}

// verdictOf is the verdict on a target of the open report, or nil.
func (s *Session) verdictOf(f *report.Figure) *compare.Row {
	t := s.verdicts[s.Report().Year]
	if t == nil {
		return nil
	}
	for i := range t.Rows {
		if t.Rows[i].Target == f {
			return &t.Rows[i]
		}
	}
	return nil
}

// VerdictsTSV is a verdict page's table as tab-separated text, for the clipboard.
func (s *Session) VerdictsTSV(id string) string {
	t := s.Verdicts(id)
	if t == nil {
		return ""
	}
	var b strings.Builder
	compare.WriteTSV(&b, t.Rows)
	return b.String()
}

// Reports finds the library's reports of a place other than the open one, decoded.
type Reports func(place string) []*report.Report

// TrendID is the id of the page of an indicator over the years.
const TrendID = "trend"

// TrendTable is the page of an indicator over the years, from the library's reports of
// the open report's place.
type TrendTable struct {
	Place      string
	Indicator  string   // the indicator shown
	Indicators []string // those the reports set numeric targets for
	Points     []compare.TrendPoint
	Reports    int // how many reports of the place the library holds
}

// trendPage adds the page of indicators over the years.
func (s *Session) trendPage(r *report.Report) {
	s.trend = nil
	if s.series == nil || r.Place == "" {
		return
	}
	reports := s.placeReports(r)
	if len(reports) < 2 {
		return
	}
	names := compare.Indicators(reports)
	if len(names) == 0 {
		return
	}
	ind := s.trendIndicator
	if !slices.Contains(names, ind) {
		ind = names[0]
	}
	s.trend = &TrendTable{Place: r.Place, Indicator: ind, Indicators: names,
		Points: compare.Trend(reports, ind, s.Tolerance()), Reports: len(reports)}
	s.pages = append(s.pages[:1], append([]*Page{{ID: TrendID, Title: "历年走势", Short: "历年走势"}}, s.pages[1:]...)...)
}

// placeReports is r and the library's reports of r's place of the other years.
func (s *Session) placeReports(r *report.Report) []*report.Report {
	reports := []*report.Report{r}
	for _, o := range s.series(r.Place) {
		if o.Year != r.Year {
			reports = append(reports, o)
		}
	}
	return reports
}

// Trend returns the page of an indicator over the years, or nil.
func (s *Session) Trend() *TrendTable {
	if s.byID[TrendID] == nil {
		return nil
	}
	return s.trend
}

// SetTrendIndicator shows another indicator over the years.
func (s *Session) SetTrendIndicator(name string) {
	s.trendIndicator = name
	s.rebuildPages()
}

// TrendHeader is the columns of the table of an indicator over the years.
var TrendHeader = []string{"年份", "指标", "目标", "实绩", "判定", "差距", "说明"}

// TrendRows are the table's rows, in the order of TrendHeader.
func (t *TrendTable) TrendRows() [][]string {
	var out [][]string
	for _, p := range t.Points {
		row := []string{fmt.Sprint(p.Year), t.Indicator, "", "", "", "", ""}
		if p.Target != nil {
			row[2] = p.Target.StriveText()
		}
		if p.Result != nil {
			row[3] = p.Result.Phrase
		}
		if p.Row != nil {
			row[4], row[5], row[6] = p.Row.VerdictText(), p.Row.Gap, p.Row.Note
		}
		out = append(out, row)
	}
	return out
}

// TrendTSV is the table of an indicator over the years as tab-separated text.
func (s *Session) TrendTSV() string {
	t := s.Trend()
	if t == nil {
		return ""
	}
	var b strings.Builder
	report.WriteTSVTable(&b, TrendHeader, t.TrendRows())
	return b.String()
}

// TrendSheet is every indicator over the years, for the workbook: the rows of each
// indicator's table in turn, in the order of TrendHeader; nil when the library holds one
// year of the place only.
func (s *Session) TrendSheet() [][]string {
	t := s.Trend()
	if t == nil {
		return nil
	}
	reports := s.placeReports(s.Report())
	var out [][]string
	for _, name := range t.Indicators {
		tt := &TrendTable{Indicator: name, Points: compare.Trend(reports, name, s.Tolerance())}
		out = append(out, tt.TrendRows()...)
	}
	return out
}

// Peers finds the library's reports of a year from places other than the one given,
// decoded.
type Peers func(year int, place string) []*report.Report

// BenchmarkID is the id of the page of the year's targets of other places.
const BenchmarkID = "benchmark"

// BenchTable is the page of the year's targets set by different places, side by side.
type BenchTable struct {
	Year    int
	Places  []string
	Reports []*report.Report
	Rows    []compare.BenchRow
}

func (s *Session) benchmarkPage(r *report.Report) {
	s.bench = nil
	if s.peers == nil {
		return
	}
	others := s.peers(r.Year, r.Place)
	if len(others) == 0 {
		return
	}
	reports := append([]*report.Report{r}, others...)
	t := &BenchTable{Year: r.Year, Reports: reports, Rows: compare.Benchmark(reports)}
	for _, o := range reports {
		t.Places = append(t.Places, placeOr(o))
	}
	s.bench = t
	s.pages = append(s.pages[:1], append([]*Page{{ID: BenchmarkID, Title: "对标", Short: "对标"}}, s.pages[1:]...)...)
}

func placeOr(r *report.Report) string {
	if r.Place == "" {
		return r.Title
	}
	return r.Place
}

// Benchmark returns the page of the year's targets side by side, or nil.
func (s *Session) Benchmark() *BenchTable {
	if s.byID[BenchmarkID] == nil {
		return nil
	}
	return s.bench
}

// BenchRows are the side-by-side table's rows: the indicator, each place's target as
// printed, and whether it compares.
func (t *BenchTable) BenchRows() (header []string, rows [][]string) {
	header = append(append([]string{"指标"}, t.Places...), "说明")
	for _, r := range t.Rows {
		row := []string{r.Indicator}
		for _, f := range r.Targets {
			if f == nil {
				row = append(row, "")
				continue
			}
			row = append(row, f.StriveText())
		}
		note := "比率，可以比较"
		if !r.Comparable {
			note = "数量或定性目标，地区规模不同，不作比较"
		}
		rows = append(rows, append(row, note))
	}
	return header, rows
}

// BenchmarkTSV is the side-by-side table as tab-separated text.
func (s *Session) BenchmarkTSV() string {
	t := s.Benchmark()
	if t == nil {
		return ""
	}
	header, rows := t.BenchRows()
	var b strings.Builder
	b.WriteString(strings.Join(header, "\t") + "\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// Settings of the tolerance of 左右 targets.
const (
	KeyToleranceRate  = "toleranceRate"  // percentage points, for rates
	KeyToleranceShare = "toleranceShare" // a share of the target, for amounts and counts
)

// Tolerance is how far short of a 左右 target a result may fall and still be 基本达成:
// the user's setting, or 0.3 percentage points and 3% of the target.
func (s *Session) Tolerance() compare.Tolerance {
	t := compare.DefaultTolerance
	if v := s.settings.Float(KeyToleranceRate); v > 0 {
		t.Rate = v
	}
	if v := s.settings.Float(KeyToleranceShare); v > 0 {
		t.Share = v
	}
	return t
}

// SetTolerance changes the tolerance and judges the targets again. Rates are in
// percentage points (0 to 2), shares of the target in parts (0 to 0.2).
func (s *Session) SetTolerance(t compare.Tolerance) error {
	if !(t.Rate > 0 && t.Rate <= 2) || !(t.Share > 0 && t.Share <= 0.2) {
		return fmt.Errorf("容差超出范围：比率应在 0 到 2 个百分点之间（不含 0），数量应在目标的 0%% 到 20%% 之间（不含 0）")
	}
	s.settings.SetFloat(KeyToleranceRate, t.Rate)
	s.settings.SetFloat(KeyToleranceShare, t.Share)
	s.rebuildPages()
	return nil
}
