package session

import (
	"fmt"
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

// SetNeighbour gives the session the way to the library's other reports, and adds the
// pages of verdicts the open report takes part in.
func (s *Session) SetNeighbour(fn Neighbour) {
	s.neighbour = fn
	s.rebuildPages()
}

// rebuildPages builds the pages again for the open report, keeping the page on show.
func (s *Session) rebuildPages() {
	history, pos := s.history, s.pos
	s.setReport(s.report, s.path)
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
		rows := compare.Judge(prev, next, compare.DefaultTolerance)
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
	add(r, s.neighbour(r.Place, r.Year+1))
	add(s.neighbour(r.Place, r.Year-1), r)
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
