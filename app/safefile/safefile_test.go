package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// oldContent stands for a workbook the user saved earlier.
var oldContent = []byte("PK an earlier workbook that must survive a failed save")

// setup makes a folder with a Chinese name and spaces holding an earlier workbook.
func setup(t *testing.T) (dir, target string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "江门 报告 导出")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	target = filepath.Join(dir, "政府工作报告 数据.xlsx")
	if err := os.WriteFile(target, oldContent, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, target
}

// assertIntact checks that the earlier workbook is byte-identical and that nothing else
// was left in the folder.
func assertIntact(t *testing.T, dir, target string) {
	t.Helper()
	got, err := os.ReadFile(target)
	if err != nil || !bytes.Equal(got, oldContent) {
		t.Errorf("the earlier workbook changed: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if filepath.Join(dir, e.Name()) != target {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func testSaver() saver {
	s := defaultSaver
	s.delay = time.Millisecond
	return s
}

// content is what the tests write: large enough to need several writes to disk.
var content = bytes.Repeat([]byte("政府工作报告数据 0123456789\n"), 4000)

func writeContent(t *testing.T) func(io.Writer) error {
	return func(w io.Writer) error {
		for i := 0; i < len(content); i += 4096 {
			if _, err := w.Write(content[i:min(i+4096, len(content))]); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestWriteReplacesTheTarget(t *testing.T) {
	dir, target := setup(t)
	if err := Write(target, writeContent(t)); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); !bytes.Equal(got, content) {
		t.Error("target does not hold the new content")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}
	if info, _ := os.Stat(target); runtime.GOOS != "windows" && info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", info.Mode())
	}
	fresh := filepath.Join(dir, "新 文件.bin")
	if err := Write(fresh, writeContent(t)); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(fresh); runtime.GOOS != "windows" && info.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v", info.Mode())
	}
	for in, want := range map[string]string{"a": "a.xlsx", "a.XLSX": "a.XLSX", "a.xls": "a.xls.xlsx", "报告 2023": "报告 2023.xlsx"} {
		if got := WithExtension(in, ".xlsx"); got != want {
			t.Errorf("WithExtension(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteFailuresKeepTheOldFile(t *testing.T) {
	enospc := &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	tests := []struct {
		name  string
		saver func(s saver) saver
		class error
		msg   string
	}{
		{"writer fails mid-write", func(s saver) saver {
			s.wrap = func(w io.Writer) io.Writer { return &errAfter{w, 20000, io.ErrShortWrite} }
			return s
		}, nil, "原有文件没有改动"},
		{"disk fills up mid-write", func(s saver) saver {
			s.wrap = func(w io.Writer) io.Writer { return &errAfter{w, 30000, enospc} }
			return s
		}, ErrNoSpace, "磁盘空间不足"},
		{"windows sharing violation", func(s saver) saver {
			s.goos = "windows"
			s.rename = func(string, string) error {
				return &os.LinkError{Op: "rename", Err: syscall.Errno(winSharingViolation)}
			}
			return s
		}, ErrLocked, "Excel 或 WPS"},
		{"windows lock violation", func(s saver) saver {
			s.goos = "windows"
			s.rename = func(string, string) error { return &os.LinkError{Op: "rename", Err: syscall.Errno(winLockViolation)} }
			return s
		}, ErrLocked, "换一个文件名"},
		{"windows access denied at rename", func(s saver) saver {
			s.goos = "windows"
			s.rename = func(string, string) error { return &os.LinkError{Op: "rename", Err: syscall.Errno(winAccessDenied)} }
			return s
		}, ErrLocked, "关闭"},
		{"windows disk full", func(s saver) saver {
			s.goos = "windows"
			s.wrap = func(w io.Writer) io.Writer {
				return &errAfter{w, 1000, &os.PathError{Op: "write", Err: syscall.Errno(winDiskFull)}}
			}
			return s
		}, ErrNoSpace, "其他磁盘"},
		{"no permission", func(s saver) saver {
			s.create = func(string, string) (*os.File, error) {
				return nil, &os.PathError{Op: "open", Err: syscall.EACCES}
			}
			return s
		}, ErrPermission, "换一个文件夹"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, target := setup(t)
			err := tt.saver(testSaver()).save(target, writeContent(t))
			if err == nil {
				t.Fatal("save succeeded")
			}
			var se *SaveError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a SaveError", err)
			}
			if tt.class != nil && !errors.Is(err, tt.class) {
				t.Errorf("class: %v", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q lacks %q", err, tt.msg)
			}
			assertIntact(t, dir, target)
		})
	}
}

func TestWriteRetriesABriefLock(t *testing.T) {
	dir, target := setup(t)
	s := testSaver()
	s.goos = "windows"
	calls := 0
	s.rename = func(from, to string) error {
		calls++
		if calls < 3 {
			return &os.LinkError{Op: "rename", Err: syscall.Errno(winSharingViolation)}
		}
		return os.Rename(from, to)
	}
	if err := s.save(target, writeContent(t)); err != nil {
		t.Fatalf("save failed after a brief lock: %v", err)
	}
	if calls != 3 {
		t.Errorf("%d rename attempts", calls)
	}
	if b, _ := os.ReadFile(target); bytes.Equal(b, oldContent) {
		t.Error("workbook not replaced")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder", len(entries))
	}
}

func TestWriteGivesUpOnAPersistentLock(t *testing.T) {
	dir, target := setup(t)
	s := testSaver()
	s.goos = "windows"
	calls := 0
	s.rename = func(string, string) error {
		calls++
		return &os.LinkError{Op: "rename", Err: syscall.Errno(winSharingViolation)}
	}
	if err := s.save(target, writeContent(t)); !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v", err)
	}
	if calls != lockAttempts {
		t.Errorf("%d attempts, want %d", calls, lockAttempts)
	}
	assertIntact(t, dir, target)
}

func TestWriteToBadTargets(t *testing.T) {
	dir, target := setup(t)
	folder := filepath.Join(dir, "子文件夹.xlsx")
	os.Mkdir(folder, 0o755)
	if err := Write(folder, writeContent(t)); !errors.Is(err, ErrIsFolder) || !strings.Contains(err.Error(), "是一个文件夹") {
		t.Errorf("folder as target: %v", err)
	}
	os.Remove(folder)
	if err := Write(filepath.Join(dir, "没有这个文件夹", "a.xlsx"), writeContent(t)); !errors.Is(err, ErrNoFolder) || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing folder: %v", err)
	}
	if err := Write(filepath.Join(target, "a.xlsx"), writeContent(t)); !errors.Is(err, ErrNoFolder) {
		t.Errorf("file as folder: %v", err)
	}
	assertIntact(t, dir, target)
}

func TestWriteWithoutPermission(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a non-root Unix user: root ignores folder permissions; the injected case covers the message")
	}
	dir, target := setup(t)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	err := Write(target, writeContent(t))
	if !errors.Is(err, ErrPermission) {
		t.Errorf("err = %v", err)
	}
	assertIntact(t, dir, target)
}

// TestWriteUnderFileSizeLimit causes a real mid-write failure: a child process saves the
// workbook with its file size limit (ulimit -f) below the workbook's size, so the kernel
// refuses the write part way through.
func TestWriteUnderFileSizeLimit(t *testing.T) {
	if path := os.Getenv("WORKREPORT_SAVE_CHILD"); path != "" {
		err := Write(path, writeContent(t))
		fmt.Fprint(os.Stdout, "CHILD:", err)
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("ulimit is a Unix facility")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("needs bash")
	}
	dir, target := setup(t)
	// 16 blocks of 512 bytes: far below the content, above the old file.
	cmd := exec.Command("bash", "-c", `ulimit -f 16 && exec "$0" -test.run='^TestWriteUnderFileSizeLimit$' -test.count=1`, os.Args[0])
	cmd.Env = append(os.Environ(), "WORKREPORT_SAVE_CHILD="+target)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "CHILD:") || !strings.Contains(string(out), "磁盘空间不足") {
		t.Fatalf("child did not report the size limit:\n%s", out)
	}
	assertIntact(t, dir, target)
}

// errAfter passes writes through until n bytes in all, then writes what fits and fails
// with err, as a filling disk does.
type errAfter struct {
	w   io.Writer
	n   int
	err error
}

func (e *errAfter) Write(p []byte) (int, error) {
	if len(p) <= e.n {
		e.n -= len(p)
		return e.w.Write(p)
	}
	k, _ := e.w.Write(p[:e.n])
	e.n = 0
	return k, e.err
}
