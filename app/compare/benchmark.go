package compare

import (
	"slices"
	"strings"

	"workreport/app/indicator"
	"workreport/app/report"
)

// Benchmarking: the targets of one year set by different places, side by side.

// BenchRow is one indicator's targets across places, in the order of the places.
type BenchRow struct {
	Indicator  string
	Targets    []*report.Figure // one per place; nil where a place sets none
	Comparable bool             // rates compare across places; amounts of places of different size do not
}

// Benchmark lines up the main targets of reports of one year from different places: the
// first report's place first. Each indicator any of them sets a target for is a row.
func Benchmark(reports []*report.Report) []BenchRow {
	var rows []BenchRow
	at := map[string]int{}
	for i, r := range reports {
		for _, f := range r.Figures() {
			if !f.IsMainTarget() || f.Strive != "" {
				continue
			}
			name := indicator.Key(f.Indicator)
			if f.Nature == report.Qualitative && strings.Contains(f.Phrase, "同步") {
				// 居民人均可支配收入增速与经济增长基本同步: income growth against the
				// economy's, however the report names it.
				name = indicator.Key(inStepName)
			}
			k, ok := at[name]
			if !ok {
				k = len(rows)
				at[name] = k
				// Named as the first report names it: 地区生产总值增速 beside a city's.
				rows = append(rows, BenchRow{Indicator: indicator.Name(name, reports[0].Level), Targets: make([]*report.Figure, len(reports)), Comparable: true})
			}
			if rows[k].Targets[i] == nil {
				rows[k].Targets[i] = f
			}
		}
	}
	for i := range rows {
		for _, f := range rows[i].Targets {
			if f != nil && (!f.HasValue || !isRate(f)) {
				rows[i].Comparable = false
			}
		}
	}
	// Indicators set by more places first, keeping the first report's order otherwise.
	slices.SortStableFunc(rows, func(a, b BenchRow) int { return count(b) - count(a) })
	return rows
}

func count(r BenchRow) int {
	n := 0
	for _, f := range r.Targets {
		if f != nil {
			n++
		}
	}
	return n
}
