// Command twin is WorkReport.com, the console twin of WorkReport.exe on Windows.
//
// WorkReport.exe is a GUI program, so cmd.exe and PowerShell neither wait for it nor
// report its exit status. Typed without an extension (WorkReport export -o 数据.xlsx),
// a command resolves to WorkReport.com first; this console program runs WorkReport.exe
// beside it with the same arguments and standard streams, waits for it, and exits with
// its status.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "workreport: 无法确定程序位置：", err)
		return 1
	}
	target := strings.TrimSuffix(self, filepath.Ext(self)) + ".exe"
	cmd := exec.Command(target, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	default:
		fmt.Fprintf(os.Stderr, "workreport: 无法运行 %s：%v\n请把 %s 和 %s 放在同一个文件夹中。\n",
			filepath.Base(target), err, filepath.Base(self), filepath.Base(target))
		return 1
	}
}
