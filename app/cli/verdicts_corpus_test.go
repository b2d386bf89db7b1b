package cli

import (
	"fmt"
	"strings"
	"testing"

	"workreport/app/compare"
	"workreport/app/importer/labels"
	"workreport/app/report/reporttest"
)

// The verdicts of every pair of reports in the corpus beside the repository, through
// the verdicts command with the statistical bulletins, against verdicts typed by hand from
// the texts (testdata/verdicts/*.tsv: typed and checked by people who had not read this
// program, each row quoting the target's and the result's sentences). The software is
// never confidently wrong: where it gives 达成, 基本达成 or 未达成 the hand-typed verdict
// is the same. Where it says 无法判定 and the table does not, the table's 分歧 column
// argues why.

// corpusPlaces are the places of the corpus with the files the verdicts command takes.
func corpusPlaces() map[string][]string {
	files := func(dir, prefix string, from, to int) []string {
		var out []string
		for y := from; y <= to; y++ {
			out = append(out, fmt.Sprintf("corpus/%s/%s%d.txt", dir, prefix, y))
		}
		return out
	}
	return map[string][]string{
		"national":  append(files("national", "", 2015, 2026), files("bulletins", "national-", 2014, 2025)...),
		"guangdong": files("guangdong", "", 2019, 2026),
		"jiangmen":  files("jiangmen", "", 2020, 2023),
	}
}

func TestVerdictsOnTheCorpus(t *testing.T) {
	var summary []string
	places := []string{"national", "guangdong", "jiangmen"}
	for _, place := range places {
		var args []string
		for _, rel := range corpusPlaces()[place] {
			args = append(args, reporttest.Shared(t, rel))
		}
		code, out, errs, _ := run(t, append([]string{"verdicts"}, args...)...)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", place, code, errs)
		}
		got := map[string][][]string{} // by year and indicator
		counts := map[string]int{}
		bulletin := 0
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n")[1:] {
			c := strings.Split(l, "\t")
			got[c[0]+"\t"+c[1]] = append(got[c[0]+"\t"+c[1]], c)
			counts[c[4]]++
			if c[6] == compare.FromBulletin {
				bulletin++
			}
		}
		summary = append(summary, fmt.Sprintf("%s：%d 项，达成 %d，基本达成 %d，未达成 %d，无法判定 %d；%d 项实绩取自统计公报",
			place, len(strings.Split(out, "\n"))-2, counts["达成"], counts["基本达成"], counts["未达成"], counts["无法判定"], bulletin))
		hand, err := labels.ReadVerdicts(place)
		if err != nil {
			t.Fatal(err)
		}
		var rows [][]string
		for _, rs := range got {
			rows = append(rows, rs...)
		}
		for _, p := range labels.CheckVerdicts(rows, hand, string(compare.Undecided), nil) {
			t.Errorf("%s %s", place, p)
		}
	}
	t.Log("\n" + strings.Join(summary, "\n"))
}
