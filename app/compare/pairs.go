package compare

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"workreport/app/report"
)

// ErrPlaces is returned for reports of different places.
var ErrPlaces = errors.New("报告不是同一地区的")

// ErrNoPair is returned when no two reports are of consecutive years.
var ErrNoPair = errors.New("没有相邻两年的报告")

// Pairs sorts reports of one place by year and returns each pair of consecutive years,
// earlier first: 2019 and 2021 are not a pair.
func Pairs(reports []*report.Report) ([][2]*report.Report, error) {
	if len(reports) == 0 {
		return nil, ErrNoPair
	}
	sorted := slices.Clone(reports)
	slices.SortStableFunc(sorted, func(a, b *report.Report) int { return a.Year - b.Year })
	for _, r := range sorted[1:] {
		if r.Place != sorted[0].Place {
			return nil, fmt.Errorf("%w：%s（%s）与 %s（%s）", ErrPlaces, sorted[0].Name, placeName(sorted[0]), r.Name, placeName(r))
		}
	}
	var out [][2]*report.Report
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Year == report.JudgedIn(sorted[i-1].Year) {
			out = append(out, [2]*report.Report{sorted[i-1], sorted[i]})
		}
	}
	if len(out) == 0 {
		var names []string
		for _, r := range sorted {
			names = append(names, fmt.Sprintf("%s（%d 年）", r.Name, r.Year))
		}
		return nil, fmt.Errorf("%w：%s", ErrNoPair, strings.Join(names, "、"))
	}
	return out, nil
}

func placeName(r *report.Report) string {
	if r.Place == "" {
		return "地区未注明"
	}
	return r.Place
}

// Header is the verdict table's columns, as the command line writes them.
var Header = []string{"年份", "指标", "目标", "结果", "判定", "差距", "说明", "目标原文", "结果原文"}

// Cells is a row's cells, in the order of Header.
func (r Row) Cells() []string {
	return []string{fmt.Sprint(r.Year), r.Indicator, r.TargetText(), r.ResultText(), r.VerdictText(), r.Gap, r.Note,
		r.Target.Sentence, r.ResultSentence()}
}

// WriteTSV writes rows as one table with a header line, tab-separated; tabs and line
// breaks inside a cell become spaces.
func WriteTSV(w io.Writer, rows []Row) error {
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = r.Cells()
	}
	return report.WriteTSVTable(w, Header, cells)
}
