package cli

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"workreport/app/compare"
	"workreport/app/report/reporttest"
)

// The verdicts of every pair of reports in the corpus beside the repository, through
// the verdicts command with the statistical bulletins, against verdicts typed by hand from
// the texts (testdata/verdicts/*.tsv: typed and checked by people who had not read this
// program, each row quoting the target's and the result's sentences). The software is
// never confidently wrong: where it gives 达成, 基本达成 or 未达成 the hand-typed verdict
// is the same. Where it says 无法判定 and the table does not, the table's 分歧 column
// argues why.

type handVerdict struct {
	year, indicator, target, verdict, result, source, why, argued string
}

func readHandVerdicts(t *testing.T, name string) []handVerdict {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "verdicts", name+".tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var col map[string]int
	var out []handVerdict
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if col == nil {
			col = map[string]int{}
			for i, h := range c {
				col[h] = i
			}
			continue
		}
		get := func(h string) string {
			if i, ok := col[h]; ok && i < len(c) {
				return strings.TrimSpace(c[i])
			}
			return ""
		}
		out = append(out, handVerdict{get("年份"), get("指标"), get("目标"), get("判定"), get("结果"), get("来源"), get("理由"), get("分歧")})
	}
	return out
}

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
		seen := map[string]bool{}
		for _, h := range readHandVerdicts(t, place) {
			key := h.year + "\t" + h.indicator
			rows := got[key]
			var row []string
			for _, r := range rows {
				if r[2] == h.target || len(rows) == 1 {
					row = r
				}
			}
			if row == nil {
				// The indicator named otherwise: the target as printed.
				for k, rs := range got {
					for _, r := range rs {
						if strings.HasPrefix(k, h.year+"\t") && r[2] == h.target {
							row, key = r, k
						}
					}
				}
			}
			if row == nil {
				if h.argued == "" {
					t.Errorf("%s %s %s：软件没有这一项（手工判定 %s）", place, key, h.target, h.verdict)
				}
				continue
			}
			seen[key+"\t"+row[2]] = true
			soft := strings.TrimSuffix(row[4], "（人工判定）")
			switch {
			case soft == h.verdict:
			case soft != string(compare.Undecided):
				t.Errorf("%s %s %s：软件判定 %s（%s，%s），手工判定 %s（%s）", place, key, h.target, soft, row[3], row[7], h.verdict, h.why)
			case h.argued == "":
				t.Errorf("%s %s %s：软件无法判定（%s），手工判定 %s（%s），表中没有说明分歧", place, key, h.target, row[7], h.verdict, h.why)
			}
		}
		var extra []string
		for key, rows := range got {
			for _, r := range rows {
				if !seen[key+"\t"+r[2]] && r[4] != string(compare.Undecided) {
					extra = append(extra, fmt.Sprintf("%s %s %s（%s）", key, r[2], r[4], r[7]))
				} else if !seen[key+"\t"+r[2]] && testing.Verbose() {
					t.Logf("%s：手工表中没有的一项：%s %s 无法判定（%s）", place, key, r[2], r[7])
				}
			}
		}
		sort.Strings(extra)
		for _, e := range extra {
			t.Errorf("%s：手工表中没有的一项，软件判定为 %s", place, e)
		}
	}
	t.Log("\n" + strings.Join(summary, "\n"))
}
