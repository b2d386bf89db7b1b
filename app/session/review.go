package session

import (
	"strings"

	"workreport/app/export"
	"workreport/app/report"
)

// FieldSummary lists a figure's fields in one line, for checking it at a glance on the
// review page: 口径 增速 · 时期 2022 · 基础 未注明 · 数值 6 · 单位 % · ….
func (s *Session) FieldSummary(f *report.Figure) string {
	or := func(v, none string) string {
		if v == "" {
			return none
		}
		return v
	}
	parts := []string{
		report.FieldMeasure + " " + f.Measure,
		report.FieldPeriod + " " + or(f.Period.String(), "—"),
		report.FieldBasis + " " + or(string(f.Basis), "未注明"),
	}
	if f.HasValue {
		value := f.NumberString()
		if f.IsRange {
			value += "–" + f.UpperString()
		}
		parts = append(parts, report.FieldValue+" "+value, report.FieldUnit+" "+or(f.Unit, "—"), report.FieldBound+" "+or(f.Bound, "—"))
	}
	parts = append(parts, report.FieldDirection+" "+or(string(f.Direction), "—"), report.FieldRole+" "+string(f.Role))
	if p := s.Report().Figure(f.Pair); p != nil && f.Nature == report.Target {
		parts = append(parts, report.FieldPair+" "+p.Indicator+" "+p.Phrase)
	}
	return strings.Join(parts, " · ")
}

// ExportOptions are what the library adds to the open report's workbook: its targets
// judged by the next year's report, and the years' trends.
func (s *Session) ExportOptions() export.Options {
	return export.Options{Verdicts: s.NextVerdicts(), TrendHeader: TrendHeader, Trend: s.TrendSheet()}
}
