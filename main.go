// WorkReport (政府工作报告图解) presents a city's government work report as navigable
// panels of figures, charts and verbatim text, and exports every figure to Excel.
//
// With no arguments it opens the window; with a subcommand it runs headless:
//
//	workreport [--report FILE] figures
//	workreport [--report FILE] check
//	workreport [--report FILE] export -o FILE.xlsx
//	workreport [--report FILE] charts -o FOLDER
package main

import (
	"os"

	"workreport/app/cli"
	"workreport/views"
)

func main() {
	args := os.Args[1:]
	cli.PrepareConsole(args)
	os.Exit(cli.Run(args, cli.Stdio(views.Run)))
}
