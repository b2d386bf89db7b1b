package session

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"workreport/app/compare"
	"workreport/app/indicator"
	"workreport/app/report"
	"workreport/app/workspace"
)

// Targets against results: the report's own targets judged by the next year's report,
// and the previous year's targets judged by this one, when the library holds them.

// VerdictPrefix opens the id of a page of verdicts: verdicts-2015 judges 2015's targets.
const VerdictPrefix = "verdicts-"

// VerdictTable is a page of verdicts: year N's targets against report N+1's results.
type VerdictTable struct {
	Year       int // the target year N
	Prev, Next *report.Report
	Bulletin   *report.Report // the statistical bulletin of year N, when the library holds it
	Rows       []compare.Row
	Rules      []string
	// Context is what report N+1 says of the year's main targets as a whole (全年主要
	// 目标任务圆满完成), quoted on the page; it decides no single target.
	Context string
}

// Holder is the report a person's verdict is kept with: report N+1, or the bulletin
// where the library holds no report N+1.
func (t *VerdictTable) Holder() *report.Report {
	if t.Next != nil {
		return t.Next
	}
	return t.Bulletin
}

// Sources names what the verdicts rest on: 2024年国务院政府工作报告和2023年统计公报.
func (t *VerdictTable) Sources() string {
	var out []string
	for _, r := range []*report.Report{t.Next, t.Bulletin} {
		if r != nil {
			out = append(out, r.Title)
		}
	}
	return strings.Join(out, "和")
}

// Library is the way to the library: its other reports (a place's report of a year,
// the reports of a place, the reports of a year from other places, each decoded; except
// is the library key of the report on show, which is never returned), the data file of
// the report on show for review, and a verdict kept with another report. The workspace
// satisfies it.
type Library interface {
	Neighbour(place string, year int, except string) *report.Report
	Bulletin(place string, year int, except string) *report.Report
	Reports(place, except string) []*report.Report
	Peers(year int, place, except string) []*report.Report
	DraftFor(key string) (*workspace.Draft, error)
	SaveOverride(next *report.Report, o report.Override) (workspace.Entry, error)
}

// SetLibrary gives the session the library's other reports, and adds the pages that
// compare the open report with them: the verdicts it takes part in, an indicator over
// the years, and the year's targets of other places. The pages are built once.
func (s *Session) SetLibrary(l Library) {
	s.lib = l
	s.rebuildPages()
	if s.resume != "" && s.byID[s.resume] != nil && len(s.history) == 1 && s.history[0] == OverviewID {
		s.history = []string{s.resume}
		s.settings.SetString(KeyLastPage, s.resume)
	}
	s.resume = ""
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
	if s.lib == nil || r.Place == "" {
		return
	}
	add := func(prev, next, bulletin *report.Report) {
		if prev == nil || next == nil && bulletin == nil {
			return
		}
		p := compare.Pair{Prev: prev, Next: next, Bulletin: bulletin}
		rows := compare.Judge(p, s.Tolerance())
		if len(rows) == 0 {
			return
		}
		t := &VerdictTable{Year: prev.Year, Prev: prev, Next: next, Bulletin: bulletin, Rows: rows,
			Rules: compare.AllRules(), Context: compare.Blanket(p)}
		s.verdicts[prev.Year] = t
		id := fmt.Sprintf("%s%d", VerdictPrefix, prev.Year)
		title := fmt.Sprintf("%d年目标完成情况", prev.Year)
		// After the overview, the most recent first.
		page := &Page{ID: id, Title: title, Short: title}
		s.pages = append(s.pages[:1], append([]*Page{page}, s.pages[1:]...)...)
	}
	if r.Source.Kind.IsBulletin() {
		// A bulletin states the results of its year's report's targets.
		add(s.lib.Neighbour(r.Place, r.Year, s.entry), s.lib.Neighbour(r.Place, report.JudgedIn(r.Year), s.entry), r)
		return
	}
	add(r, s.lib.Neighbour(r.Place, report.JudgedIn(r.Year), s.entry), s.lib.Bulletin(r.Place, r.Year, s.entry))
	prevYear := report.ReviewedYear(r.Year)
	add(s.lib.Neighbour(r.Place, prevYear, s.entry), r, s.lib.Bulletin(r.Place, prevYear, s.entry))
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
	Bulletins  int // and how many of its statistical bulletins
}

// trendPage adds the page of indicators over the years.
func (s *Session) trendPage(r *report.Report) {
	s.trend = nil
	if s.lib == nil || r.Place == "" {
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
	// Named as the place's own reports name them: 地区生产总值增速 for a city.
	for i, n := range names {
		names[i] = indicator.Name(n, r.Level)
	}
	ind := indicator.Name(s.trendIndicator, r.Level)
	if !slices.Contains(names, ind) {
		ind = names[0]
	}
	n := 0
	for _, o := range reports {
		if !o.Source.Kind.IsBulletin() {
			n++
		}
	}
	s.trend = &TrendTable{Place: r.Place, Indicator: ind, Indicators: names,
		Points: compare.Trend(reports, ind, s.Tolerance()), Reports: n, Bulletins: len(reports) - n}
	s.pages = append(s.pages[:1], append([]*Page{{ID: TrendID, Title: "历年走势", Short: "历年走势"}}, s.pages[1:]...)...)
}

// placeReports is r and the library's reports of r's place of the other years, with
// the place's statistical bulletins of the years they review.
func (s *Session) placeReports(r *report.Report) []*report.Report {
	reports := []*report.Report{r}
	first, last := r.Year, r.Year
	for _, o := range s.lib.Reports(r.Place, s.entry) {
		if o.Year != r.Year {
			reports = append(reports, o)
			first, last = min(first, o.Year), max(last, o.Year)
		}
	}
	if r.Source.Kind.IsBulletin() {
		return reports
	}
	for y := report.ReviewedYear(first); y <= last; y++ {
		if b := s.lib.Bulletin(r.Place, y, s.entry); b != nil {
			reports = append(reports, b)
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
		if p.Row == nil {
			row[6] = trendGap(p)
		}
		out = append(out, row)
	}
	return out
}

// trendGap says why a year of the trend has no verdict: which report the library lacks,
// or what the reports it holds do not state.
func trendGap(p compare.TrendPoint) string {
	var out []string
	switch {
	case !p.Set:
		out = append(out, fmt.Sprintf("报告库中没有 %d 年的报告，目标空缺", p.Year))
	case p.Target == nil:
		out = append(out, fmt.Sprintf("%d 年报告没有设这项数字目标", p.Year))
	}
	switch {
	case p.Result != nil:
	case !p.Told:
		out = append(out, fmt.Sprintf("报告库中没有 %d 年的报告和 %d 年的统计公报，实绩空缺", report.JudgedIn(p.Year), p.Year))
	default:
		out = append(out, "报告库中的报告没有写明这一年的实绩")
	}
	return strings.Join(out, "；")
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
	if s.lib == nil {
		return
	}
	others := s.lib.Peers(r.Year, r.Place, s.entry)
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
		note := "比率，可比"
		var with []string
		for i, f := range r.Targets {
			if f != nil {
				with = append(with, t.Places[i])
			}
		}
		switch {
		case len(with) == 1 && len(t.Places) > 1:
			note = "只有" + with[0] + "提出这项目标，无从比较"
		case !r.Comparable:
			note = "数量，规模不同，不比"
			for _, f := range r.Targets {
				if f != nil && !f.HasValue {
					note = "定性目标，不比"
				}
			}
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
	KeySyncMet        = "syncMet"        // percentage points below economic growth, 基本同步 达成
	KeySyncMostlyMet  = "syncMostlyMet"  // percentage points below economic growth, 基本同步 基本达成
)

// Tolerance is the margins of the verdicts (compare.Tolerance).
type Tolerance = compare.Tolerance

// FromBulletin names a result the statistical bulletin states.
const FromBulletin = compare.FromBulletin

// Tolerance is how far short of a 左右 target a result may fall and still be 基本达成,
// and the margins of 基本同步: the user's settings, or 0.3 percentage points, 3% of the
// target, 0.5 and 1.0 points.
func (s *Session) Tolerance() compare.Tolerance {
	t := compare.DefaultTolerance
	if v := s.settings.Float(KeyToleranceRate); v > 0 {
		t.Rate = v
	}
	if v := s.settings.Float(KeyToleranceShare); v > 0 {
		t.Share = v
	}
	if v := s.settings.Float(KeySyncMet); v > 0 {
		t.SyncMet = v
	}
	if v := s.settings.Float(KeySyncMostlyMet); v > 0 {
		t.SyncMostly = v
	}
	return t
}

// SetTolerance changes the tolerance and judges the targets again: the rate in
// percentage points (0 to 2), the share of the target in parts (0 to 0.2), and the 基本
// 同步 margins in percentage points (0 to 3, the first not above the second).
func (s *Session) SetTolerance(t compare.Tolerance) error {
	if !(t.Rate > 0 && t.Rate <= 2) || !(t.Share > 0 && t.Share <= 0.2) {
		return fmt.Errorf("容差超出范围：比率应在 0 到 2 个百分点之间（不含 0），数量应在目标的 0%% 到 20%% 之间（不含 0）")
	}
	if !(t.SyncMet > 0 && t.SyncMet <= t.SyncMostly && t.SyncMostly <= 3) {
		return fmt.Errorf("“基本同步”的幅度超出范围：应在 0 到 3 个百分点之间（不含 0），且“达成”的幅度不大于“基本达成”的")
	}
	s.settings.SetFloat(KeyToleranceRate, t.Rate)
	s.settings.SetFloat(KeyToleranceShare, t.Share)
	s.settings.SetFloat(KeySyncMet, t.SyncMet)
	s.settings.SetFloat(KeySyncMostlyMet, t.SyncMostly)
	s.rebuildPages()
	return nil
}

// VerdictTone is how a verdict is coloured: met, mostly met, missed, or undecided.
type VerdictTone int

// The tones.
const (
	ToneUndecided VerdictTone = iota
	ToneMet
	ToneMostlyMet
	ToneMissed
)

// VerdictLine is one row of a verdict page as the screen shows it.
type VerdictLine struct {
	Indicator string
	Target    string // as printed, with its strive word
	Result    string // as printed, or the condition the report states; "" when none
	Source    string // where the result comes from: 报告 or 统计公报; "" for none
	Verdict   string // with 人工判定 for a person's
	Tone      VerdictTone
	Gap, Note string
	Row       int // the row's index, for its source and for 人工判定
}

// Lines are the rows as the screen shows them.
func (t *VerdictTable) Lines() []VerdictLine {
	out := make([]VerdictLine, len(t.Rows))
	for i, r := range t.Rows {
		tone := map[compare.Verdict]VerdictTone{compare.Met: ToneMet, compare.MostlyMet: ToneMostlyMet, compare.Missed: ToneMissed}[r.Verdict]
		out[i] = VerdictLine{Indicator: r.Indicator, Target: r.TargetText(), Result: r.ResultText(), Source: r.Source, Verdict: r.VerdictText(),
			Tone: tone, Gap: r.Gap, Note: r.Note, Row: i}
	}
	return out
}

// Summary counts the verdicts: 2015 年的 9 项主要目标：达成 6 项　基本达成 1 项……
func (t *VerdictTable) Summary() string {
	counts := map[compare.Verdict]int{}
	for _, r := range t.Rows {
		counts[r.Verdict]++
	}
	out := fmt.Sprintf("%d 年的 %d 项主要目标：", t.Year, len(t.Rows))
	for _, v := range compare.Verdicts {
		out += fmt.Sprintf("%s %d 项　", v, counts[v])
	}
	return out
}

// VerdictSource is what the source dialog of a row shows: the target, the result (or the
// words quoted, or nothing found), and the verdict with its reason.
type VerdictSource struct {
	Verdict        string
	Target, Result *report.Figure
	Quote          string
	From           string // the title of the report or bulletin the result or quote is from
	Candidate      string // for an undecided target, the sentence that came closest
}

// RowSource is the provenance of row i.
func (t *VerdictTable) RowSource(i int) VerdictSource {
	r := t.Rows[i]
	from := t.Holder()
	if r.Source == compare.FromBulletin && t.Bulletin != nil {
		from = t.Bulletin
	}
	src := VerdictSource{Verdict: fmt.Sprintf("%s：%s（%s）", r.Indicator, r.VerdictText(), r.Note), Target: r.Target, Result: r.Result,
		Quote: r.Quote, Candidate: r.Candidate}
	if from != nil {
		src.From = from.Title
	}
	return src
}

// Override gives row i of a verdict page a person's verdict, with the reason, or takes a
// person's verdict back (verdict ""). The verdict is kept with the later report: in the
// data file of the report on show when that is the later one (saved with it), otherwise
// in the library at once. It returns what was done, in a sentence.
func (s *Session) Override(t *VerdictTable, i int, verdict, note string) (string, error) {
	row := t.Rows[i]
	o := report.Override{Year: row.Year, Indicator: row.Indicator, Target: row.TargetText(), Verdict: verdict, Note: note}
	if verdict == "" {
		o.Note = ""
	}
	if t.Holder() == s.Report() {
		if s.draft == nil {
			d, err := s.lib.DraftFor(s.entry)
			if err != nil {
				return "", err
			}
			s.draft = d
		}
		if err := s.draft.SetOverride(o); err != nil {
			return "", err
		}
		s.Edited()
		return "已记下人工判定；保存报告（Ctrl+S）后随报告保存", nil
	}
	e, err := s.lib.SaveOverride(t.Holder(), o)
	if err != nil {
		return "", err
	}
	s.rebuildPages()
	return fmt.Sprintf("已保存人工判定到报告库：%s（%s）", e.Title, filepath.Base(e.Path)), nil
}
