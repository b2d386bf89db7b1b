package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestTwinPassesArgumentsOutputAndStatus builds the twin as x.com beside a stand-in
// x.exe and checks that arguments, output and exit status pass through.
func TestTwinPassesArgumentsOutputAndStatus(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in is a shell script")
	}
	dir := t.TempDir()
	twin := filepath.Join(dir, "x.com")
	if out, err := exec.Command("go", "build", "-o", twin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	script := "#!/bin/sh\necho \"args: $*\"\necho \"到 stderr\" >&2\nexit 3\n"
	if err := os.WriteFile(filepath.Join(dir, "x.exe"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(twin, "export", "-o", "江门 数据.xlsx")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	exit, ok := err.(*exec.ExitError)
	if !ok || exit.ExitCode() != 3 {
		t.Fatalf("exit: %v", err)
	}
	if stdout.String() != "args: export -o 江门 数据.xlsx\n" || stderr.String() != "到 stderr\n" {
		t.Errorf("stdout %q stderr %q", stdout.String(), stderr.String())
	}
	os.Remove(filepath.Join(dir, "x.exe"))
	out, _ := exec.Command(twin, "figures").CombinedOutput()
	if !strings.Contains(string(out), "x.exe") || !strings.Contains(string(out), "同一个文件夹") {
		t.Errorf("missing target: %q", out)
	}
}
