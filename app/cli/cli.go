// Package cli runs WorkReport's command line: it parses the arguments, loads the report
// and runs a headless command, or hands the report to the GUI.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"workreport/app/chart"
	"workreport/app/compare"
	"workreport/app/export"
	"workreport/app/handout"
	"workreport/app/importer"
	"workreport/app/library"
	"workreport/app/meta"
	"workreport/app/report"
	"workreport/app/safefile"
	"workreport/app/session"
	"workreport/app/workspace"
)

// Exit statuses.
const (
	ExitOK        = 0 // success
	ExitFailure   = 1 // the command failed, e.g. the workbook could not be written
	ExitUsage     = 2 // the command line is wrong
	ExitBadReport = 2 // the report file is missing, unreadable or invalid
)

// Env is what a run needs from the outside world, so that tests can supply their own.
type Env struct {
	Stdout, Stderr io.Writer
	// GUI opens the window for the report. reportPath is the file it came from, or ""
	// for the embedded report. It is called when no subcommand is given.
	GUI func(r *report.Report, reportPath string) error
	// Library is the library the library command lists: the built-in reports and those
	// saved in the app's data folder, as the window shows them. nil is the app's own.
	Library *workspace.Workspace
}

// command is one headless subcommand.
type command struct {
	name    string
	summary string
	input   string // what the command's argument names, or "" if it takes none
	many    bool   // it takes several arguments
	output  string // what -o names, or "" if the command takes no -o
	run     func(env Env, r *report.Report, o options) error
}

type options struct {
	reportPath string
	output     string
	input      string
	inputs     []string // a command's arguments, when it takes several
}

// commands are the headless subcommands, in the order the usage lists them.
var commands = []command{
	{name: "figures", summary: "以制表符分隔的文本输出全部数据（UTF-8）", run: runFigures},
	{name: "check", summary: "校验报告文件，并列出文本中未登记的数字", run: runCheck},
	{name: "info", summary: "输出报告的概况（标题、地区、年份、页面数……），制表符分隔", run: runInfo},
	{name: "export", summary: "把全部数据导出为 Excel 工作簿（.xlsx）", output: "文件.xlsx", run: runExport},
	{name: "charts", summary: "把全部图表保存为 PNG（1 倍和 2 倍），用于幻灯片", output: "文件夹", run: runCharts},
	{name: "handout", summary: "把会议材料导出为 A4 的 PDF（封面、主要数据、目标完成情况、主要目标、各节图表和数据、判定规则）", output: "文件.pdf", run: runHandout},
	{name: "import", input: "原文", summary: "导入报告原文（.docx、.html、.txt），生成报告数据文件（.yaml）", output: "文件.yaml"},
	{name: "verdicts", input: "文件 文件…", many: true, summary: "同一地区的报告（可加统计公报）：各年目标是否达成，制表符分隔"},
	{name: "library", summary: "列出报告库中的报告（内置的和已保存的）：地区、年份、类别、数据项数，制表符分隔"},
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// parse reads the arguments. --report may come before or after the subcommand.
func parse(args []string) (cmd string, o options, help bool, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(a, "=")
		takeValue := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(args) || args[i+1] == "" {
				return "", usageError{name + " 后面缺少参数"}
			}
			i++
			return args[i], nil
		}
		switch {
		case name == "--report" || name == "-report":
			if o.reportPath, err = takeValue(); err != nil {
				return
			}
		case name == "-o" || name == "--output" || name == "-output":
			if o.output, err = takeValue(); err != nil {
				return
			}
		case a == "-h" || a == "--help" || a == "-help" || a == "help":
			help = true
		case a == "--version" || a == "-version" || a == "version":
			cmd = "version"
		case strings.HasPrefix(a, "-"):
			return "", o, false, usageError{"未知选项：" + a}
		case cmd == "":
			cmd = a
		case findCommand(cmd) != nil && findCommand(cmd).many:
			o.inputs = append(o.inputs, a)
		case o.input == "" && findCommand(cmd) != nil && findCommand(cmd).input != "":
			o.input = a
		default:
			return "", o, false, usageError{"多余的参数：" + a}
		}
	}
	return cmd, o, help, nil
}

// commandGCPercent is the garbage collector's target while a command runs.
const commandGCPercent = 400

// Run runs the command line and returns the exit status.
func Run(args []string, env Env) int {
	cmdName, o, help, err := parse(args)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n\n", strings.ToLower(meta.Name), err)
		usage(env.Stderr)
		return ExitUsage
	}
	if help {
		usage(env.Stdout)
		return ExitOK
	}
	if cmdName == "version" {
		fmt.Fprintf(env.Stdout, "%s %s (%s)\n", meta.Name, meta.Version, meta.DisplayName)
		return ExitOK
	}
	var cmd *command
	if cmdName != "" {
		if cmd = findCommand(cmdName); cmd == nil {
			fmt.Fprintf(env.Stderr, "%s: 未知命令：%s\n\n", strings.ToLower(meta.Name), cmdName)
			usage(env.Stderr)
			return ExitUsage
		}
		if cmd.output == "" && o.output != "" {
			fmt.Fprintf(env.Stderr, "%s: %s 命令不接受 -o\n", strings.ToLower(meta.Name), cmd.name)
			return ExitUsage
		}
		if cmd.output != "" && o.output == "" {
			fmt.Fprintf(env.Stderr, "%s: %s 命令需要 -o %s\n", strings.ToLower(meta.Name), cmd.name, cmd.output)
			return ExitUsage
		}
		if cmd.many && len(o.inputs) < 2 {
			fmt.Fprintf(env.Stderr, "%s: %s 命令需要至少两个报告文件\n", strings.ToLower(meta.Name), cmd.name)
			return ExitUsage
		}
		if cmd.input != "" && !cmd.many && o.input == "" {
			fmt.Fprintf(env.Stderr, "%s: %s 命令需要%s文件\n", strings.ToLower(meta.Name), cmd.name, cmd.input)
			return ExitUsage
		}
	}
	if cmd != nil && cmd.name == "import" {
		return runImport(env, o)
	}
	if cmd != nil && cmd.name == "verdicts" {
		return runVerdicts(env, o)
	}
	if cmd != nil && cmd.name == "library" {
		return runLibrary(env)
	}
	if cmd != nil {
		// A command lives for a few tens of milliseconds and allocates ten or so MB;
		// collecting that garbage along the way only slows it down.
		defer debug.SetGCPercent(debug.SetGCPercent(commandGCPercent))
	}
	r, err := loadReport(o.reportPath)
	if err == nil && cmd != nil && r.Year == 0 {
		err = noYear(o.reportPath) // the window asks a person for it; a command cannot
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: 无法打开报告%s：\n%v\n", strings.ToLower(meta.Name), quotePath(o.reportPath), err)
		return ExitBadReport
	}
	if cmd == nil {
		if env.GUI == nil {
			fmt.Fprintln(env.Stderr, "此版本不含图形界面，请使用命令，见 --help")
			return ExitUsage
		}
		if err := env.GUI(r, o.reportPath); err != nil {
			fmt.Fprintf(env.Stderr, "%s: %v\n", strings.ToLower(meta.Name), err)
			return ExitFailure
		}
		return ExitOK
	}
	if err := cmd.run(env, r, o); err != nil {
		var ue usageError
		fmt.Fprintf(env.Stderr, "%s: %v\n", strings.ToLower(meta.Name), err)
		if errors.As(err, &ue) {
			return ExitUsage
		}
		return ExitFailure
	}
	return ExitOK
}

func quotePath(p string) string {
	if p == "" {
		return "（内置报告）"
	}
	return " " + p
}

// loadReport loads the report to work on: the embedded one, a data file, or any file
// the importer reads (a .docx, a saved page, a text), imported in memory with every
// figure unconfirmed.
func loadReport(path string) (*report.Report, error) {
	if path == "" {
		return report.Default()
	}
	if importer.Importable(path) {
		res, err := importer.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return res.Report, nil
	}
	return report.LoadFile(path)
}

// noYear is the error of a text that does not state its year: the command line cannot
// ask for it, the window can.
func noYear(path string) error {
	return fmt.Errorf("“%s”中没有写明报告的年份（如“2024年政府工作报告”或会议日期）。请在图形界面中导入它，在审核页填写年份后保存；或在原文开头加上含年份的标题后再导入。", filepath.Base(path))
}

// runImport imports a report's text and writes its data file. The file is replaced only
// by a complete new one.
func runImport(env Env, o options) int {
	name := strings.ToLower(meta.Name)
	if !importer.Importable(o.input) {
		fmt.Fprintf(env.Stderr, "%s: “%s”已是报告数据文件，无需导入；可直接用 --report 打开\n", name, filepath.Base(o.input))
		return ExitUsage
	}
	if filepath.Clean(o.input) == filepath.Clean(o.output) {
		fmt.Fprintf(env.Stderr, "%s: 输出文件不能是原文文件本身\n", name)
		return ExitUsage
	}
	res, err := importer.ReadFile(o.input)
	if err == nil && res.Report.Year == 0 {
		err = noYear(o.input)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: 无法导入：%v\n", name, err)
		return ExitBadReport
	}
	if err := safefile.Write(o.output, func(w io.Writer) error {
		_, err := w.Write(res.YAML)
		return err
	}); err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
		return ExitFailure
	}
	fmt.Fprintf(env.Stderr, "已导入“%s”：%s\n", filepath.Base(o.input), res.Summary())
	fmt.Fprintf(env.Stderr, "已保存：%s\n", o.output)
	return ExitOK
}

// LibraryHeader is the columns of the library command's table.
var LibraryHeader = []string{"地区", "年份", "类别", "标题", "数据", "已审核", "收录", "位置"}

// runLibrary lists the library's reports as the window's 报告库 does.
func runLibrary(env Env) int {
	ws := env.Library
	if ws == nil {
		ws = workspace.Default(library.BuiltIn()...)
	}
	var rows [][]string
	for _, e := range ws.List() {
		year := ""
		if e.Year != 0 {
			year = fmt.Sprint(e.Year)
		}
		scope := "全文"
		if e.Extract {
			scope = "经审核的部分"
		}
		where := "内置"
		if !e.BuiltIn {
			where = e.Path
		}
		if e.Damaged != "" {
			scope = "已损坏：" + e.Damaged
		}
		rows = append(rows, []string{e.Place, year, string(e.Kind), e.Title, fmt.Sprint(e.Figures), fmt.Sprint(e.Figures - e.Unconfirmed), scope, where})
	}
	if err := report.WriteTSVTable(env.Stdout, LibraryHeader, rows); err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", strings.ToLower(meta.Name), err)
		return ExitFailure
	}
	return ExitOK
}

// runVerdicts judges the targets of each report against the results of the next year's,
// for reports of one place given in any order.
func runVerdicts(env Env, o options) int {
	name := strings.ToLower(meta.Name)
	var reports []*report.Report
	for _, p := range o.inputs {
		r, err := loadReport(p)
		if err == nil && r.Year == 0 {
			err = noYear(p)
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: 无法打开报告 %s：\n%v\n", name, p, err)
			return ExitBadReport
		}
		r.Name = filepath.Base(p)
		reports = append(reports, r)
	}
	pairs, err := compare.Pairs(reports)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
		return ExitUsage
	}
	var rows []compare.Row
	for _, p := range pairs {
		rows = append(rows, compare.Judge(p, compare.DefaultTolerance)...)
	}
	if err := compare.WriteTSV(env.Stdout, rows); err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
		return ExitFailure
	}
	return ExitOK
}

func usage(w io.Writer) {
	exe := strings.ToLower(meta.Name)
	fmt.Fprintf(w, "%s %s：%s\n\n", meta.Name, meta.Version, meta.DisplayName)
	fmt.Fprintf(w, "用法：\n  %s [--report 文件]              打开图形界面\n", exe)
	for _, c := range commands {
		arg := ""
		if c.input != "" {
			arg = " " + c.input
		}
		if c.output != "" {
			arg = " -o " + c.output
		}
		fmt.Fprintf(w, "  %s [--report 文件] %-14s %s\n", exe, c.name+arg, c.summary)
	}
	fmt.Fprintf(w, "\n选项：\n  --report 文件   读取指定的报告数据文件（.yaml），或直接导入报告原文（.docx、.html、.txt，数据均未审核），而不是内置的报告\n  --version       显示版本\n")
	fmt.Fprintf(w, "\n退出状态：0 成功；1 执行失败；2 参数错误或报告文件有误\n")
}

func runFigures(env Env, r *report.Report, _ options) error {
	return report.WriteTSV(env.Stdout, r.Figures())
}

func runExport(env Env, r *report.Report, o options) error {
	path, err := export.Save(o.output, r, export.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已导出：%s\n", path)
	return nil
}

// runHandout writes the meeting's handout, with the library's reports beside the report
// for its verdicts, as the window does.
func runHandout(env Env, r *report.Report, o options) error {
	ws := env.Library
	if ws == nil {
		ws = workspace.Default(library.BuiltIn()...)
	}
	s := session.New(r, o.reportPath, &session.MemorySettings{})
	s.SetLibrary(ws)
	path, err := handout.Save(o.output, s, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已导出会议材料：%s\n", path)
	return nil
}

func runCharts(env Env, r *report.Report, o options) error {
	paths, err := chart.WriteFiles(o.output, chart.All(r))
	for _, p := range paths {
		fmt.Fprintln(env.Stdout, p)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已保存 %d 个图表文件到：%s\n", len(paths), o.output)
	return nil
}

func runCheck(env Env, r *report.Report, _ options) error {
	fmt.Fprintf(env.Stdout, "%s：校验通过，共 %d 个分节、%d 项数据。\n", r.Name, countSections(r), len(r.Figures()))
	if n := r.Unconfirmed(); n > 0 {
		fmt.Fprintf(env.Stdout, "有 %d 项数据未审核：由软件识别，尚未经人核对。\n", n)
	}
	un := r.Uncovered()
	if len(un) == 0 {
		fmt.Fprintln(env.Stdout, "文本中的每个数字都已登记为数据或非数据。")
		return nil
	}
	fmt.Fprintf(env.Stdout, "文本中有 %d 处数字既不是数据，也不在 nonfigures 中：\n", len(un))
	for _, m := range un {
		where := "导语"
		if m.Section != nil {
			where = m.Section.PathString()
		}
		fmt.Fprintf(env.Stdout, "  “%s” 在 %s：%s\n", m.Text, where, m.Context)
	}
	return errors.New("有未登记的数字，请在 figures 或 nonfigures 中补充")
}

// runInfo prints what the report is, one "name<TAB>value" line each, for people and for
// scripts that must not assume which report is built in.
func runInfo(env Env, r *report.Report, _ options) error {
	pages := len(session.New(r, "", &session.MemorySettings{}).Pages())
	rows := [][2]string{
		{"标题", r.Title},
		{"窗口标题", r.Title + meta.TitleSuffix},
		{"地区", r.Place},
		{"级别", r.Level},
		{"年份", fmt.Sprint(r.Year)},
		{"来源", string(r.Source.Kind)},
		{"格式", fmt.Sprint(r.Format)},
		{"分节", fmt.Sprint(countSections(r))},
		{"页面", fmt.Sprint(pages)},
		{"数据", fmt.Sprint(len(r.Figures()))},
		{"未审核", fmt.Sprint(r.Unconfirmed())},
	}
	for _, row := range rows {
		if _, err := fmt.Fprintf(env.Stdout, "%s\t%s\n", row[0], row[1]); err != nil {
			return err
		}
	}
	return nil
}

func countSections(r *report.Report) int {
	n := 0
	r.WalkSections(func(*report.Section) { n++ })
	return n
}

// Stdio is the Env of a real process.
func Stdio(gui func(*report.Report, string) error) Env {
	return Env{Stdout: os.Stdout, Stderr: os.Stderr, GUI: gui}
}

// headless reports whether the arguments run a command rather than open the window.
func headless(args []string) bool {
	cmd, _, help, err := parse(args)
	return err != nil || help || cmd != ""
}
