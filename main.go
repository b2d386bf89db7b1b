// WorkReport (政府工作报告图解) presents a government work report as navigable panels of
// figures, charts and verbatim text, and exports every figure to Excel.
//
// With no arguments it opens the window; with a subcommand it runs headless:
//
//	workreport [--report FILE] figures
//	workreport [--report FILE] check
//	workreport [--report FILE] info
//	workreport [--report FILE] export -o FILE.xlsx
//	workreport [--report FILE] charts -o FOLDER
//	workreport [--report FILE] handout -o FILE.pdf
//	workreport [--report FILE] import -o FILE.yaml
//	workreport verdicts FILE FILE...
//	workreport library
package main

import (
	"os"
	"runtime/debug"
	"time"

	"workreport/app/chart"
	"workreport/app/cli"
	"workreport/app/handout"
	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/safefile"
	"workreport/app/session"
	"workreport/app/task"
	"workreport/app/workspace"
	"workreport/views"
)

func main() {
	args := os.Args[1:]
	cli.PrepareConsole(args)
	os.Exit(cli.Run(args, cli.Stdio(gui)))
}

// guiGCPercent is the garbage collector's target while the window is open. The live
// heap is small (the parsed font, the chart cache), but the window makes short-lived
// images of megabytes (charts, slides, text); collecting when the heap has grown by a
// fifth rather than doubled keeps the peak memory tens of megabytes lower, for a
// collector that still takes about 1% of the time.
const guiGCPercent = 20

// gui opens the window on the report, wired to the real services: background work on
// goroutines, the workbook saved atomically, charts written as PNG files, and report
// files loaded from disk.
func gui(r *report.Report, reportPath string) error {
	debug.SetGCPercent(guiGCPercent)
	return views.Run(r, reportPath, views.Deps{
		Exec:       &task.Async{},
		SaveCharts: chart.WriteFiles,
		SaveImages: safefile.WritePNGs,
		SaveHandout: func(path string, s *session.Session) (string, error) {
			return handout.Save(path, s, time.Now())
		},
		// The built-in reports and the reports the user saved in the app's data folder.
		Workspace: workspace.Default(library.BuiltIn()...),
	})
}
