package labels

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Verdict is a verdict typed by hand (app/cli/testdata/verdicts, see its README): was
// year N's target met?
type Verdict struct {
	Year, Indicator, Target, Verdict, Result, Source, Why, Argued string
}

// ReadVerdicts reads the hand-typed verdicts of a place: national, guangdong, jiangmen.
func ReadVerdicts(name string) ([]Verdict, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "..", "..", "..", "cli", "testdata", "verdicts", name+".tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var col map[string]int
	var out []Verdict
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
		out = append(out, Verdict{get("年份"), get("指标"), get("目标"), get("判定"), get("结果"), get("来源"), get("理由"), get("分歧")})
	}
	return out, sc.Err()
}

// The columns of the verdicts command's rows that the comparison reads (compare.Header).
const (
	colYear, colIndicator, colTarget, colResult, colVerdict, colNote = 0, 1, 2, 3, 4, 7
)

// CheckVerdicts compares the verdicts command's rows (its TSV cells, without the
// header) with the hand-typed verdicts of the same place, and names every difference:
// a verdict of the program's that is not the table's, a row of the table the program
// leaves undecided or lacks without a 分歧 that argues it, and a verdict the program
// gives on a target the table does not have. undecided is the program's word for
// 无法判定; within, when set, limits the table to the rows it accepts (the years a
// library holds).
func CheckVerdicts(rows [][]string, hand []Verdict, undecided string, within func(Verdict) bool) []string {
	got := map[string][][]string{} // by year and indicator
	for _, c := range rows {
		got[c[colYear]+"\t"+c[colIndicator]] = append(got[c[colYear]+"\t"+c[colIndicator]], c)
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range hand {
		if within != nil && !within(h) {
			continue
		}
		key := h.Year + "\t" + h.Indicator
		rs := got[key]
		var row []string
		for _, r := range rs {
			if r[colTarget] == h.Target || len(rs) == 1 {
				row = r
			}
		}
		if row == nil {
			// The indicator named otherwise: the target as printed.
			for k, rs := range got {
				for _, r := range rs {
					if strings.HasPrefix(k, h.Year+"\t") && r[colTarget] == h.Target {
						row, key = r, k
					}
				}
			}
		}
		if row == nil {
			if h.Argued == "" {
				out = append(out, fmt.Sprintf("%s %s：软件没有这一项（手工判定 %s）", key, h.Target, h.Verdict))
			}
			continue
		}
		seen[key+"\t"+row[colTarget]] = true
		soft := strings.TrimSuffix(row[colVerdict], "（人工判定）")
		switch {
		case soft == h.Verdict:
		case soft != undecided:
			out = append(out, fmt.Sprintf("%s %s：软件判定 %s（%s，%s），手工判定 %s（%s）", key, h.Target, soft, row[colResult], row[colNote], h.Verdict, h.Why))
		case h.Argued == "":
			out = append(out, fmt.Sprintf("%s %s：软件无法判定（%s），手工判定 %s（%s），表中没有说明分歧", key, h.Target, row[colNote], h.Verdict, h.Why))
		}
	}
	var extra []string
	for key, rs := range got {
		for _, r := range rs {
			if !seen[key+"\t"+r[colTarget]] && r[colVerdict] != undecided {
				extra = append(extra, fmt.Sprintf("手工表中没有的一项，软件判定为 %s %s %s（%s）", key, r[colTarget], r[colVerdict], r[colNote]))
			}
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}
