package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workreport/app/report/reporttest"
)

// Reports of different places, or without two consecutive years, are refused.
func TestVerdictsRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	a := write("示例市 2022.yaml", reporttest.Bytes(t, reporttest.SampleCity2022))
	later := strings.Replace(string(reporttest.Bytes(t, reporttest.SampleCity2023)), "year: 2023", "year: 2024", 1)
	b := write("示例市 2024.yaml", []byte(later))
	code, _, errs, _ := run(t, "verdicts", a, b)
	if code != ExitUsage || !strings.Contains(errs, "没有相邻两年") || !strings.Contains(errs, "示例市 2022.yaml") {
		t.Errorf("2022 and 2024: exit %d, %q", code, errs)
	}
	other := write("全国.yaml", reporttest.Bytes(t, reporttest.National2016))
	code, _, errs, _ = run(t, "verdicts", a, other)
	if code != ExitUsage || !strings.Contains(errs, "不是同一地区") {
		t.Errorf("different places: exit %d, %q", code, errs)
	}
	if code, _, _, _ = run(t, "verdicts", a); code != ExitUsage {
		t.Errorf("one file: exit %d", code)
	}
}

// The verdicts command judges a pair of consecutive reports, given in any order.
func TestVerdictsOfAPair(t *testing.T) {
	a, b := reporttest.Path(t, reporttest.SampleCity2023), reporttest.Path(t, reporttest.SampleCity2022)
	code, out, errs, _ := run(t, "verdicts", a, b)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "2022\t地区生产总值增速\t7%左右\t5.4%\t未达成\t-1.6\t") || strings.Count(out, "\n") != 9 {
		t.Errorf("verdicts: %s", out)
	}
}
