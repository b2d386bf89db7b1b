// Package session holds the state of a reading session — the open report, the page on
// show, the navigation history, search and the user's settings — and the actions the
// views call. It builds no widgets.
package session

import (
	"strings"
	"sync"

	"workreport/app/chart"
	"workreport/app/export"
	"workreport/app/report"
	"workreport/app/safefile"
	"workreport/app/workspace"
	"workreport/app/zhtext"
)

// OverviewID is the id of the overview page; every other page has its section's id.
const OverviewID = "overview"

// Page is one panel the user can navigate to: the overview, a top-level section of the
// report, or a part of one.
type Page struct {
	ID       string
	Title    string          // the section's full title
	Short    string          // the label in the navigation tree: numbering and first clause
	Section  *report.Section // nil for the overview
	Parent   string          // "" for a top-level page
	Children []string
}

// Settings stores the user's settings between runs. fyne.Preferences satisfies it.
type Settings interface {
	String(key string) string
	SetString(key, value string)
	Float(key string) float64
	SetFloat(key string, value float64)
}

// Setting keys.
const (
	KeyLastPage     = "lastPage"
	KeyExportDir    = "exportDir"
	KeyChartsDir    = "chartsDir"
	KeySlidesDir    = "slidesDir"
	KeyReportDir    = "reportDir"
	KeyZoom         = "zoom"
	KeyTheme        = "theme"
	KeyWindowWidth  = "windowWidth"
	KeyWindowHeight = "windowHeight"
)

// Session is the state of one window. Its methods are meant to be called from the UI
// goroutine; listeners run there too.
type Session struct {
	mu       sync.Mutex // guards report and pages against readers on other goroutines
	report   *report.Report
	path     string
	pages    []*Page // in navigation order, depth first
	byID     map[string]*Page
	history  []string
	pos      int
	settings Settings
	onChange []func()
	entry    string           // the open report's library key
	draft    *workspace.Draft // its data file under review, or nil

	lib            Library               // the library's other reports, or nil
	verdicts       map[int]*VerdictTable // the verdict pages, by target year
	trend          *TrendTable           // the page of an indicator over the years
	trendIndicator string                // the indicator it shows
	resume         string                // the page last read, to open once the library's pages are built
	bench          *BenchTable           // the page of the year's targets side by side
}

// New starts a session on the report, at the page last shown if it still exists.
func New(r *report.Report, path string, s Settings) *Session {
	ss := &Session{settings: s, entry: path}
	ss.setReport(r, path)
	start := OverviewID
	if last := s.String(KeyLastPage); ss.byID[last] != nil {
		start = last
	} else if last != "" {
		// A page comparing the report with the library (目标完成情况, 历年走势, 对标)
		// is there once the library is read: it opens then, if the reader has not
		// moved on by that time.
		ss.resume = last
	}
	ss.history, ss.pos = []string{start}, 0
	return ss
}

func (s *Session) setReport(r *report.Report, path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.report, s.path = r, path
	s.pages = []*Page{{ID: OverviewID, Title: "概览", Short: "概览"}}
	for _, sec := range r.Sections {
		p := &Page{ID: sec.ID, Title: sec.Title, Short: shortTitle(sec.Title), Section: sec}
		s.pages = append(s.pages, p)
		for _, c := range sec.Sections {
			p.Children = append(p.Children, c.ID)
			s.pages = append(s.pages, &Page{ID: c.ID, Title: c.Title, Short: shortTitle(c.Title), Section: c, Parent: sec.ID})
		}
	}
	s.verdictPages(r)
	s.trendPage(r)
	s.benchmarkPage(r)
	s.byID = map[string]*Page{}
	for _, p := range s.pages {
		s.byID[p.ID] = p
	}
}

// SetReport replaces the open report, for example when the user opens another file. The
// history restarts at the page of the same id if the new report has one, else at the
// overview.
func (s *Session) SetReport(r *report.Report, path string) {
	s.draft, s.entry = nil, path
	s.replace(r, path)
}

func (s *Session) replace(r *report.Report, path string) {
	cur := s.Current().ID
	s.setReport(r, path)
	if s.byID[cur] == nil {
		cur = OverviewID
	}
	s.history, s.pos = []string{cur}, 0
	s.changed()
}

// Report returns the open report.
func (s *Session) Report() *report.Report {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.report
}

// ReportPath returns the file the report came from, or "" for the embedded one.
func (s *Session) ReportPath() string { return s.path }

// Pages returns every page in navigation order.
func (s *Session) Pages() []*Page { return s.pages }

// Roots returns the top-level pages: the overview, then each top-level section.
func (s *Session) Roots() []string {
	var out []string
	for _, p := range s.pages {
		if p.Parent == "" {
			out = append(out, p.ID)
		}
	}
	return out
}

// Page returns the page with the id, or nil.
func (s *Session) Page(id string) *Page { return s.byID[id] }

// Current returns the page on show.
func (s *Session) Current() *Page { return s.byID[s.history[s.pos]] }

// OnChange registers fn to run after every change of page or report.
func (s *Session) OnChange(fn func()) { s.onChange = append(s.onChange, fn) }

func (s *Session) changed() {
	s.settings.SetString(KeyLastPage, s.Current().ID)
	for _, fn := range s.onChange {
		fn()
	}
}

// Go shows the page with the id. It returns false, changing nothing, if there is no such
// page or it is already on show.
func (s *Session) Go(id string) bool {
	if s.byID[id] == nil || id == s.Current().ID {
		return false
	}
	s.history = append(s.history[:s.pos+1], id)
	s.pos++
	s.changed()
	return true
}

// CanBack and CanForward report whether Back and Forward would move.
func (s *Session) CanBack() bool    { return s.pos > 0 }
func (s *Session) CanForward() bool { return s.pos < len(s.history)-1 }

// Back returns to the page shown before, as a browser does.
func (s *Session) Back() bool {
	if !s.CanBack() {
		return false
	}
	s.pos--
	s.changed()
	return true
}

// Forward undoes Back.
func (s *Session) Forward() bool {
	if !s.CanForward() {
		return false
	}
	s.pos++
	s.changed()
	return true
}

// Next shows the page after the current one in reading order, as a presentation
// clicker steps through slides. It stops at the last page.
func (s *Session) Next() bool { return s.step(1) }

// Prev shows the page before the current one in reading order.
func (s *Session) Prev() bool { return s.step(-1) }

func (s *Session) step(d int) bool {
	i := s.Index(s.Current().ID) + d
	if i < 0 || i >= len(s.pages) {
		return false
	}
	return s.Go(s.pages[i].ID)
}

// Index returns the position of a page in reading order, or -1.
func (s *Session) Index(id string) int {
	for i, p := range s.pages {
		if p.ID == id {
			return i
		}
	}
	return -1
}

// PageOf returns the page that shows a section: the section's own page, or the page of
// the nearest enclosing section that has one.
func (s *Session) PageOf(sec *report.Section) string {
	for x := sec; x != nil; x = x.Parent {
		if s.byID[x.ID] != nil {
			return x.ID
		}
	}
	return OverviewID
}

// Figures returns the figures a page shows: for a section page, those of its section
// and, for a part, of its sub-parts; for a top-level section with parts, only its own;
// for the overview, the headline figures.
func (s *Session) Figures(id string) []*report.Figure {
	p := s.byID[id]
	switch {
	case p == nil || strings.HasPrefix(id, VerdictPrefix) || id == TrendID || id == BenchmarkID:
		return nil
	case p.Section == nil:
		return s.Headline()
	case len(p.Children) > 0:
		return p.Section.Figures()
	default:
		return p.Section.AllFigures()
	}
}

// Headline returns the figures for the overview's headline cards: the report's
// headline (report.Headline) less the figures that qualify another, since qualifiers show
// on the cards of the figures they qualify.
func (s *Session) Headline() []*report.Figure {
	figs, _ := report.Headline(s.Report())
	var out []*report.Figure
	for _, f := range figs {
		if f.Of == "" {
			out = append(out, f)
		}
	}
	return out
}

// Charts returns the charts of a page.
func (s *Session) Charts(id string) []*chart.Spec {
	p := s.byID[id]
	if v := s.Verdicts(id); v != nil {
		return chart.Verdicts(v.Rows)
	}
	if b := s.Benchmark(); b != nil && id == BenchmarkID {
		if c := chart.Benchmark(b.Year, b.Places, b.Rows); c != nil {
			return []*chart.Spec{c}
		}
		return nil
	}
	if t := s.Trend(); t != nil && id == TrendID {
		if c := chart.Trend(t.Place, t.Indicator, t.Points); c != nil {
			return []*chart.Spec{c}
		}
		return nil
	}
	if p == nil || strings.HasPrefix(id, VerdictPrefix) {
		return nil
	}
	if p.Section == nil {
		return chart.Overview(s.Report())
	}
	if len(p.Children) > 0 { // a top-level section with parts: its own figures only
		sec := *p.Section
		sec.Sections = nil
		return chart.Sections(s.Report(), &sec)
	}
	return chart.Sections(s.Report(), p.Section)
}

// FiguresTSV returns a page's figures as tab-separated text with a header row, which
// pastes into Excel and WPS as a table: the columns a reader needs first, the internal
// 编号 and 对应 last.
func (s *Session) FiguresTSV(id string) string {
	var b strings.Builder
	report.WriteTSVColumns(&b, s.Figures(id), report.PasteColumns)
	return b.String()
}

// DefaultExportName is the file name the export offers: the report title followed by
// 数据, made safe for a Windows file name.
func (s *Session) DefaultExportName() string {
	return zhtext.SafeFileName(s.Report().Title+"数据") + export.Extension
}

// WorkbookPath is the path a workbook is saved at when the user names it path: with the
// .xlsx extension added if it is missing.
func WorkbookPath(path string) string { return safefile.WithExtension(path, export.Extension) }

// Zoom limits and step.
const (
	MinZoom  = 0.8
	MaxZoom  = 2.0
	ZoomStep = 0.1
)

// Zoom returns the text zoom factor, 1 unless the user changed it.
func (s *Session) Zoom() float64 {
	z := s.settings.Float(KeyZoom)
	if z < MinZoom || z > MaxZoom {
		return 1
	}
	return z
}

// SetZoom stores a zoom factor, clamped to the limits and rounded to the step, and
// returns the value stored.
func (s *Session) SetZoom(z float64) float64 {
	z = float64(int(z/ZoomStep+0.5)) * ZoomStep
	z = min(max(z, MinZoom), MaxZoom)
	s.settings.SetFloat(KeyZoom, z)
	return z
}

// Dark reports whether the user chose the dark theme; light is the default, for projectors.
func (s *Session) Dark() bool { return s.settings.String(KeyTheme) == "dark" }

// SetDark stores the theme choice.
func (s *Session) SetDark(dark bool) {
	v := "light"
	if dark {
		v = "dark"
	}
	s.settings.SetString(KeyTheme, v)
}

// Settings returns the settings store.
func (s *Session) Settings() Settings { return s.settings }

// MemorySettings is a Settings kept in memory, for tests and headless use.
type MemorySettings struct {
	mu      sync.Mutex
	strings map[string]string
	floats  map[string]float64
}

func (m *MemorySettings) String(key string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.strings[key]
}

func (m *MemorySettings) SetString(key, value string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.strings == nil {
		m.strings = map[string]string{}
	}
	m.strings[key] = value
}

func (m *MemorySettings) Float(key string) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.floats[key]
}

func (m *MemorySettings) SetFloat(key string, value float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.floats == nil {
		m.floats = map[string]float64{}
	}
	m.floats[key] = value
}
