package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"workreport/app/report"
)

// run runs the command line with captured output and a fake GUI.
func run(t *testing.T, args ...string) (code int, stdout, stderr string, guiCalls int) {
	t.Helper()
	var out, errb bytes.Buffer
	gui := func(r *report.Report, path string) error {
		guiCalls++
		return nil
	}
	code = Run(args, Env{Stdout: &out, Stderr: &errb, GUI: gui})
	return code, out.String(), errb.String(), guiCalls
}

func TestFiguresTSV(t *testing.T) {
	code, out, errs, _ := run(t, "figures")
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if strings.HasPrefix(out, "\ufeff") || strings.Contains(out, "\r") {
		t.Fatal("output has a BOM or CR")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "编号\t章节\t指标\t性质\t口径\t数值\t单位\t限定\t力争\t原文表述\t原文\t对应" {
		t.Fatalf("header = %q", lines[0])
	}
	r, _ := report.Default()
	if len(lines) != len(r.Figures())+1 {
		t.Fatalf("%d rows for %d figures", len(lines)-1, len(r.Figures()))
	}
	for i, l := range lines {
		if n := strings.Count(l, "\t"); n != 11 {
			t.Errorf("line %d has %d tabs", i+1, n)
		}
	}
	want := "review.gdp\t2022年工作回顾\t地区生产总值\t实绩\t总量\t3773.41\t亿元\t\t\t3773.41亿元\t实现地区生产总值3773.41亿元 增长3.3%,排全省第2 为建市以来最高排位\t"
	if lines[1] != want {
		t.Errorf("first row:\n got %q\nwant %q", lines[1], want)
	}
	if !strings.Contains(out, "targets.gdp-growth-strive\t2023年主要预期目标\t地区生产总值增速（力争）\t目标\t增速\t7\t%\t以上\t力争\t7%以上\t") {
		t.Error("strive target row is wrong")
	}
}

func TestReportFlagBeforeOrAfterCommand(t *testing.T) {
	for _, args := range [][]string{
		{"--report", "../report/testdata/small.yaml", "figures"},
		{"figures", "--report", "../report/testdata/small.yaml"},
		{"figures", "--report=../report/testdata/small.yaml"},
	} {
		code, out, errs, _ := run(t, args...)
		if code != ExitOK || strings.Count(out, "\n") != 4 {
			t.Errorf("%v: exit %d, %d lines, stderr %q", args, code, strings.Count(out, "\n"), errs)
		}
	}
}

func TestBadReportExitsTwoNamingTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "坏 报告.yaml")
	os.WriteFile(bad, []byte("title: [\n"), 0o644)
	for _, args := range [][]string{
		{"--report", bad, "figures"},
		{"--report", filepath.Join(dir, "没有.yaml"), "figures"},
		{"--report", bad}, // GUI start with a bad file
	} {
		code, out, errs, gui := run(t, args...)
		if code != ExitBadReport || out != "" || gui != 0 {
			t.Errorf("%v: exit %d, stdout %q, gui %d", args, code, out, gui)
		}
		if !strings.Contains(errs, filepath.Base(args[1])) {
			t.Errorf("%v: stderr does not name the file: %q", args, errs)
		}
	}
}

func TestNoCommandOpensGUI(t *testing.T) {
	code, _, _, gui := run(t)
	if code != ExitOK || gui != 1 {
		t.Fatalf("exit %d, gui calls %d", code, gui)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"--bogus"}, {"figures", "extra"}, {"--report"}, {"figures", "-o", "x"}} {
		code, _, errs, gui := run(t, args...)
		if code != ExitUsage || errs == "" || gui != 0 {
			t.Errorf("%v: exit %d stderr %q", args, code, errs)
		}
	}
	code, out, _, _ := run(t, "--help")
	if code != ExitOK || !strings.Contains(out, "figures") || !strings.Contains(out, "--report") {
		t.Errorf("help: %d %q", code, out)
	}
	code, out, _, _ = run(t, "--version")
	if code != ExitOK || !strings.Contains(out, "WorkReport") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestCheck(t *testing.T) {
	code, out, errs, _ := run(t, "check")
	if code != ExitOK || !strings.Contains(out, "校验通过") || !strings.Contains(out, "每个数字都已登记") {
		t.Fatalf("exit %d out %q err %q", code, out, errs)
	}
	// The small report leaves numbers unregistered: check says which, and fails.
	code, out, _, _ = run(t, "check", "--report", "../report/testdata/small.yaml")
	if code != ExitFailure || !strings.Contains(out, "“2”") {
		t.Errorf("small report: exit %d out %q", code, out)
	}
}

func TestExport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "导出 目录")
	os.Mkdir(dir, 0o755)
	code, out, errs, _ := run(t, "export", "-o", filepath.Join(dir, "江门 数据"))
	want := filepath.Join(dir, "江门 数据.xlsx")
	if code != ExitOK || !strings.Contains(out, want) || errs != "" {
		t.Fatalf("exit %d out %q err %q", code, out, errs)
	}
	if info, err := os.Stat(want); err != nil || info.Size() < 10000 {
		t.Fatalf("workbook: %v", err)
	}
	code, out, errs, _ = run(t, "export", "-o", filepath.Join(dir, "没有", "a.xlsx"))
	if code != ExitFailure || out != "" || !strings.Contains(errs, "不存在") {
		t.Errorf("missing folder: exit %d out %q err %q", code, out, errs)
	}
	if code, _, errs, _ := run(t, "export"); code != ExitUsage || !strings.Contains(errs, "-o") {
		t.Errorf("export without -o: exit %d err %q", code, errs)
	}
}

func TestCharts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "幻灯片 图表", "新建")
	code, out, errs, _ := run(t, "charts", "-o", dir)
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d err %q", code, errs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) < 10 || len(entries)%2 != 0 {
		t.Fatalf("%d files: %v", len(entries), err)
	}
	for _, e := range entries {
		if strings.ContainsAny(e.Name(), `/\:*?"<>|`) || !strings.HasSuffix(e.Name(), ".png") {
			t.Errorf("unsafe or wrong file name %q", e.Name())
		}
	}
	if !strings.Contains(out, "已保存") {
		t.Errorf("stdout %q", out)
	}
}

func TestHeadless(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{nil, false}, {[]string{"--report", "x.yaml"}, false}, {[]string{"figures"}, true},
		{[]string{"--report", "x.yaml", "export", "-o", "a"}, true}, {[]string{"--help"}, true}, {[]string{"--bogus"}, true},
	} {
		if got := headless(tt.args); got != tt.want {
			t.Errorf("headless(%q) = %v", tt.args, got)
		}
	}
}

// gcPercent returns the collector's current target.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// gcProbe records the collector's target when a command writes its output.
type gcProbe struct{ seen int }

func (g *gcProbe) Write(p []byte) (int, error) {
	g.seen = gcPercent()
	return len(p), nil
}

// TestCommandsCollectLessAndRestore: a command runs with the collector relaxed, and
// the window (the long-lived process) keeps the default.
func TestCommandsCollectLessAndRestore(t *testing.T) {
	before := gcPercent()
	probe := &gcProbe{}
	if code := Run([]string{"figures"}, Env{Stdout: probe, Stderr: io.Discard}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if probe.seen != commandGCPercent {
		t.Errorf("the command ran with GOGC=%d, want %d", probe.seen, commandGCPercent)
	}
	if got := gcPercent(); got != before {
		t.Errorf("GOGC is %d after the command, was %d", got, before)
	}
	var inGUI int
	Run(nil, Env{Stdout: io.Discard, Stderr: io.Discard, GUI: func(*report.Report, string) error {
		inGUI = gcPercent()
		return nil
	}})
	if inGUI != before {
		t.Errorf("the window runs with GOGC=%d, want %d", inGUI, before)
	}
}
