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
var ErrNoPair = errors.New("没有相邻两年的报告，也没有报告所在年份的统计公报")

// Pairs sorts reports of one place by year and returns each report of year N with what
// states its results: the report of year N+1 and the statistical bulletin of year N,
// where they are among the reports. A report whose next report is missing pairs with
// its year's bulletin alone; 2019 and 2021 are not a pair.
func Pairs(reports []*report.Report) ([]Pair, error) {
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
	byYear := map[int]*report.Report{}
	bulletins := map[int]*report.Report{}
	for _, r := range sorted {
		if r.Source.Kind.IsBulletin() {
			bulletins[r.Year] = r
		} else if byYear[r.Year] == nil {
			byYear[r.Year] = r
		}
	}
	var out []Pair
	for _, r := range sorted {
		if r.Source.Kind.IsBulletin() || byYear[r.Year] != r {
			continue
		}
		p := Pair{Prev: r, Next: byYear[report.JudgedIn(r.Year)], Bulletin: bulletins[r.Year]}
		if p.Next != nil || p.Bulletin != nil {
			out = append(out, p)
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
var Header = []string{"年份", "指标", "目标", "结果", "判定", "差距", "来源", "说明", "目标原文", "结果原文"}

// Cells is a row's cells, in the order of Header.
func (r Row) Cells() []string {
	return []string{fmt.Sprint(r.Year), r.Indicator, r.TargetText(), r.ResultText(), r.VerdictText(), r.Gap, r.Source, r.Note,
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
