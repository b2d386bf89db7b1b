package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"workreport/app/importer"
	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/workspace"
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

// TestFiguresTSV: the figures of another year and place, in the documented columns.
func TestFiguresTSV(t *testing.T) {
	path := reporttest.Path(t, reporttest.National2016)
	code, out, errs, _ := run(t, "--report", path, "figures")
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if strings.HasPrefix(out, "\ufeff") || strings.Contains(out, "\r") {
		t.Fatal("output has a BOM or CR")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "编号\t章节\t指标\t性质\t角色\t口径\t时期\t基础\t数值\t上限\t单位\t限定\t力争\t方向\t原文表述\t原文\t对应\t审核" {
		t.Fatalf("header = %q", lines[0])
	}
	r := reporttest.Load(t, reporttest.National2016)
	if len(lines) != len(r.Figures())+1 {
		t.Fatalf("%d rows for %d figures", len(lines)-1, len(r.Figures()))
	}
	for i, l := range lines {
		if n := strings.Count(l, "\t"); n != 17 {
			t.Errorf("line %d has %d tabs", i+1, n)
		}
	}
	want := "huigu.gdp\t一、2015年工作回顾\t国内生产总值\t实绩\t回顾\t总量\t2015\t\t67.7\t\t万亿元\t达到\t\t越高越好\t达到67.7万亿元\t" +
		"国内生产总值达到67.7万亿元，增长6.9%，在世界主要经济体中位居前列。\t\t已审核"
	if lines[1] != want {
		t.Errorf("first row:\n got %q\nwant %q", lines[1], want)
	}
	for _, row := range []string{
		"renwu.gdp-growth\t三、2016年重点工作\t国内生产总值增速\t目标\t主要目标\t增速\t2016\t\t6.5\t7\t%\t\t\t越高越好\t6.5%－7%\t",
		"huigu.plan12.gdp-growth\t一、2015年工作回顾\t国内生产总值年均增速\t实绩\t回顾\t增速\t十二五\t",
		"\t未审核\n",
		"renwu.hongguan.deficit\t三、2016年重点工作 > （一）稳定和完善宏观经济政策，保持经济运行在合理区间。\t财政赤字\t目标\t工作安排\t总量\t2016\t\t2.18\t\t万亿元\t\t\t无\t",
	} {
		if !strings.Contains(out, row) {
			t.Errorf("no row with %q", row)
		}
	}
}

func TestInfo(t *testing.T) {
	code, out, errs, _ := run(t, "info", "--report", reporttest.Path(t, reporttest.National2016))
	want := "标题\t2016年国务院政府工作报告（节选）\n窗口标题\t2016年国务院政府工作报告（节选） · 图解\n地区\t全国\n级别\t全国\n" +
		"年份\t2016\n来源\t节选\n格式\t2\n分节\t4\n页面\t5\n数据\t52\n未审核\t1\n"
	if code != ExitOK || errs != "" || out != want {
		t.Errorf("exit %d err %q\n got %q\nwant %q", code, errs, out, want)
	}
}

// Without --report, the commands read the report the app opens with.
func TestBuiltInReportByDefault(t *testing.T) {
	code, out, _, _ := run(t, "figures")
	if code != ExitOK || !strings.HasPrefix(out, strings.Join(report.Columns, "\t")+"\n") || strings.Count(out, "\n") < 2 {
		t.Errorf("exit %d, %d lines", code, strings.Count(out, "\n"))
	}
}

func TestReportFlagBeforeOrAfterCommand(t *testing.T) {
	small := reporttest.Path(t, reporttest.JiangmenFormat1)
	n := len(reporttest.Load(t, reporttest.JiangmenFormat1).Figures()) + 1
	for _, args := range [][]string{
		{"--report", small, "figures"},
		{"figures", "--report", small},
		{"figures", "--report=" + small},
	} {
		code, out, errs, _ := run(t, args...)
		if code != ExitOK || strings.Count(out, "\n") != n {
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
	code, out, errs, _ := run(t, "check", "--report", reporttest.Path(t, reporttest.National2016))
	if code != ExitOK || !strings.Contains(out, "校验通过") || !strings.Contains(out, "每个数字都已登记") ||
		!strings.Contains(out, "有 1 项数据未审核") {
		t.Fatalf("exit %d out %q err %q", code, out, errs)
	}
	// The small report leaves numbers unregistered: check says which, and fails.
	code, out, _, _ = run(t, "check", "--report", reporttest.Path(t, reporttest.JiangmenFormat1))
	if code != ExitFailure || !strings.Contains(out, "“2022”") {
		t.Errorf("small report: exit %d out %q", code, out)
	}
}

func TestExport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "导出 目录")
	os.Mkdir(dir, 0o755)
	code, out, errs, _ := run(t, "--report", reporttest.Path(t, reporttest.National2016), "export", "-o", filepath.Join(dir, "全国 数据"))
	want := filepath.Join(dir, "全国 数据.xlsx")
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
	code, out, errs, _ := run(t, "--report", reporttest.Path(t, reporttest.National2016), "charts", "-o", dir)
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d err %q", code, errs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) < 8 || len(entries)%2 != 0 {
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

func TestImport(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "2019年 报告.txt")
	text := "各位代表：\n\n一、2018年工作回顾\n\n国内生产总值增长6.6%。\n\n二、2019年政府工作任务\n\n今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%。\n"
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "输出 报告.yaml")
	code, _, stderr, _ := run(t, "import", src, "-o", out)
	if code != ExitOK || !strings.Contains(stderr, "2 项数据") {
		t.Fatalf("import: exit %d, %s", code, stderr)
	}
	code, stdout, _, _ := run(t, "--report", out, "figures")
	if code != ExitOK || !strings.Contains(stdout, "6%－6.5%") || !strings.Contains(stdout, "未审核") {
		t.Errorf("figures of the imported file: exit %d\n%s", code, stdout)
	}
	// --report takes the text itself, imported in memory.
	code, stdout, _, _ = run(t, "--report", src, "figures")
	if code != ExitOK || !strings.Contains(stdout, "6.6%") || !strings.Contains(stdout, "未审核") {
		t.Errorf("--report with a text: exit %d\n%s", code, stdout)
	}
}

// TestNoYear: a text that does not state its year is refused by every command, which
// cannot ask for it, with a message that names the file and says what to do; the
// window opens it for a person to state it.
func TestNoYear(t *testing.T) {
	src := filepath.Join(t.TempDir(), "无年份 报告.txt")
	if err := os.WriteFile(src, []byte("各位代表：\n\n一、工作回顾\n\n地区生产总值增长5.2%。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--report", src, "figures"}, {"--report", src, "info"}, {"import", src, "-o", src + ".yaml"}} {
		code, _, stderr, _ := run(t, args...)
		if code != ExitBadReport || !strings.Contains(stderr, "无年份 报告.txt") || !strings.Contains(stderr, "年份") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if code, _, _, gui := run(t, "--report", src); code != ExitOK || gui != 1 {
		t.Errorf("the window: exit %d, %d calls", code, gui)
	}
}

// TestImportBadInputLeavesOutputAlone: a file that cannot be imported exits 2, and the
// output is neither created nor touched.
func TestImportBadInputLeavesOutputAlone(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := map[string]string{
		"empty":   write("空.txt", nil),
		"binary":  write("程序.txt", []byte("MZ\x00\x00\x01\x02\x03")),
		"notzip":  write("假的.docx", []byte("不是压缩包")),
		"nobody":  write("空网页.html", []byte("<html><body><script>x</script></body></html>")),
		"missing": filepath.Join(dir, "不存在.txt"),
		"doc":     write("旧版.doc", []byte("x")),
		"json":    write("数据.json", []byte(`{"title": "清单", "items": [1, 2, 3]}`)),
		"noyear":  write("无年份.txt", []byte("各位代表：\n\n一、工作回顾\n\n地区生产总值增长5.2%。\n")),
	}
	existing := write("已有.yaml", []byte("# 原有的好文件\n"))
	for what, src := range bad {
		fresh := filepath.Join(dir, what+".yaml")
		code, _, stderr, _ := run(t, "import", src, "-o", fresh)
		if code != ExitBadReport || !strings.Contains(stderr, filepath.Base(src)) {
			t.Errorf("%s: exit %d, %q", what, code, stderr)
		}
		if _, err := os.Stat(fresh); !os.IsNotExist(err) {
			t.Errorf("%s: an output file was created", what)
		}
		code, _, _, _ = run(t, "import", src, "-o", existing)
		if got, _ := os.ReadFile(existing); code != ExitBadReport || string(got) != "# 原有的好文件\n" {
			t.Errorf("%s: the existing output was touched (exit %d)", what, code)
		}
		if code, _, _, _ := run(t, "--report", src, "figures"); code != ExitBadReport {
			t.Errorf("%s: --report exit %d, want 2", what, code)
		}
	}
}

// TestBulletinFigures: the national statistical bulletin of 2024, read from the corpus
// beside the repository, lists its results for 2024 on the headline indicators.
func TestBulletinFigures(t *testing.T) {
	path := reporttest.Shared(t, "corpus/bulletins/national-2024.txt")
	code, stdout, stderr, _ := run(t, "--report", path, "figures")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	found := map[string]string{}
	for _, line := range strings.Split(stdout, "\n") {
		c := strings.Split(line, "\t")
		if len(c) > 14 && c[3] == "实绩" && c[6] == "2024" && found[c[2]] == "" {
			found[c[2]] = c[14]
		}
	}
	for indicator, phrase := range map[string]string{"国内生产总值": "1349084亿元", "国内生产总值增速": "5.0%", "居民消费价格涨幅": "0.2%",
		"城镇新增就业": "1256万人", "城镇调查失业率": "5.1%", "粮食产量": "70650万吨"} {
		if found[indicator] != phrase {
			t.Errorf("%s: %q, want %q", indicator, found[indicator], phrase)
		}
	}
	code, stdout, _, _ = run(t, "--report", path, "info")
	if code != ExitOK || !strings.Contains(stdout, "来源\t统计公报") || !strings.Contains(stdout, "年份\t2024") || !strings.Contains(stdout, "地区\t全国") {
		t.Errorf("info: %s", stdout)
	}
}

// The library command lists the library as the window's 报告库 does: the built-in
// reports with their place, year, kind and confirmed figures, then the saved ones with
// their file.
func TestLibraryCommand(t *testing.T) {
	dir := t.TempDir()
	lib := library.New(dir, library.BuiltIn()...)
	res, err := importer.Import("示例市.txt", []byte("2024年示例市政府工作报告\n\n一、2023年工作回顾\n\n地区生产总值增长5.2%。\n\n二、2024年工作安排\n\n今年的主要预期目标是：地区生产总值增长5%左右。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Save(res.YAML, res.Report, ""); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"library"}, Env{Stdout: &out, Stderr: &errb, Library: workspace.New(lib)}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if lines[0] != strings.Join(LibraryHeader, "\t") {
		t.Fatalf("header %q", lines[0])
	}
	kinds := map[string]int{}
	for _, l := range lines[1:] {
		c := strings.Split(l, "\t")
		if len(c) != len(LibraryHeader) {
			t.Fatalf("%d cells in %q", len(c), l)
		}
		kinds[c[0]+c[2]+c[7]]++
	}
	if !strings.HasPrefix(lines[1], "江门市\t2023\t报纸摘要\t") || kinds["全国统计公报内置"] != 12 || kinds["全国官方全文内置"] != 12 ||
		kinds["广东省官方全文内置"] != 8 || kinds["江门市官方全文内置"] != 7 {
		t.Errorf("built-in entries: %v\n%s", kinds, out.String())
	}
	var saved []string
	for _, l := range lines[1:] {
		if c := strings.Split(l, "\t"); c[0] == "示例市" {
			saved = c
		}
	}
	if len(saved) == 0 || saved[1] != "2024" || saved[4] != "2" || saved[5] != "0" || saved[6] != "全文" || !strings.HasPrefix(saved[7], dir) {
		t.Errorf("saved entry %q", saved)
	}
}

// The README shows what the library command prints on a new installation.
func TestReadmeShowsTheLibrary(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"library"}, Env{Stdout: &out, Stderr: &errb, Library: workspace.New(library.New(t.TempDir(), library.BuiltIn()...))}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```text\n"+out.String()+"```") {
		t.Errorf("the README's listing of the library is not the command's output:\n%s", out.String())
	}
}
