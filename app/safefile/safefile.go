// Package safefile writes files so that a failure never leaves a broken file behind: the
// content goes to a temporary file in the target's folder, which replaces the target only
// once it is complete. Failures are classified and explained in Chinese.
package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// Classes of save failure, for errors.Is. Each SaveError carries one of them, or none for
// a failure of another kind.
var (
	ErrLocked     = errors.New("文件被其他程序占用")
	ErrNoSpace    = errors.New("磁盘空间不足")
	ErrPermission = errors.New("没有写入权限")
	ErrNoFolder   = errors.New("文件夹不存在")
	ErrIsFolder   = errors.New("目标是文件夹")
)

// SaveError is a failed write. Its message, in Chinese, says what happened and what the
// user can do; in every case the file that was there before is unchanged.
type SaveError struct {
	Path string // the workbook path
	Kind error  // one of the classes above, or nil
	Err  error  // the underlying error
}

func (e *SaveError) Error() string {
	name, dir := filepath.Base(e.Path), filepath.Dir(e.Path)
	const kept = "原有文件没有改动。"
	switch e.Kind {
	case ErrLocked:
		return fmt.Sprintf("无法保存“%s”：这个文件正被其他程序（如 Excel 或 WPS）打开，或被设为只读。请先在 Excel 或 WPS 中关闭它再导出，或换一个文件名保存。%s", name, kept)
	case ErrNoSpace:
		return fmt.Sprintf("保存“%s”时磁盘空间不足（或超出文件大小限制），文件没有保存。请清理磁盘空间，或保存到其他磁盘。%s", name, kept)
	case ErrPermission:
		return fmt.Sprintf("没有权限在文件夹“%s”中保存文件。请换一个文件夹（例如“文档”或“桌面”）保存。", dir)
	case ErrNoFolder:
		return fmt.Sprintf("文件夹“%s”不存在。请选择一个已有的文件夹。", dir)
	case ErrIsFolder:
		return fmt.Sprintf("“%s”是一个文件夹，不是文件。请在文件夹中输入一个文件名。", e.Path)
	}
	return fmt.Sprintf("保存“%s”失败：%v。%s", name, e.Err, kept)
}

// Unwrap exposes both the class and the underlying error.
func (e *SaveError) Unwrap() []error {
	if e.Kind == nil {
		return []error{e.Err}
	}
	return []error{e.Kind, e.Err}
}

// WithExtension adds ext (such as .xlsx) to a path that lacks it, in any letter case.
func WithExtension(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return path + ext
}

// Write calls write with a buffered writer on a temporary file in path's folder, and
// renames that file over path only once write and the flush to disk have succeeded, so an
// existing file is never replaced by a broken one; on failure the temporary file is
// removed. A target locked by another program is retried briefly before Write gives up.
func Write(path string, write func(io.Writer) error) error {
	return defaultSaver.save(path, write)
}

// Lock retries: antivirus scanners and search indexers hold a new file for a moment.
const (
	lockAttempts = 8
	lockDelay    = 125 * time.Millisecond
)

// saver holds what Save does to the file system, so that tests can inject failures that
// are hard to cause for real, such as a Windows sharing violation.
type saver struct {
	goos     string                                      // whose error codes to expect
	create   func(dir, pattern string) (*os.File, error) // creates the temporary file
	rename   func(from, to string) error                 // replaces the target
	wrap     func(io.Writer) io.Writer                   // wraps the temporary file's writer
	attempts int
	delay    time.Duration
}

var defaultSaver = saver{
	goos: runtime.GOOS, create: os.CreateTemp, rename: os.Rename,
	wrap: func(w io.Writer) io.Writer { return w }, attempts: lockAttempts, delay: lockDelay,
}

func (s saver) save(path string, write func(io.Writer) error) (err error) {
	fail := func(err error) error {
		return &SaveError{Path: path, Kind: s.classify(err, false), Err: err}
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return &SaveError{Path: path, Kind: ErrIsFolder, Err: fs.ErrExist}
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &SaveError{Path: path, Kind: ErrNoFolder, Err: err}
		}
		return fail(err)
	} else if !info.IsDir() {
		return &SaveError{Path: path, Kind: ErrNoFolder, Err: syscall.ENOTDIR}
	}
	tmp, err := s.create(dir, ".workreport-*.tmp")
	if err != nil {
		return fail(err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(s.wrap(tmp), 64<<10)
	if err := write(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	// A temporary file is private to its owner; give the workbook the mode the old file
	// had, or the usual mode of a new document.
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	_ = os.Chmod(tmp.Name(), mode)
	for i := 1; ; i++ {
		err = s.rename(tmp.Name(), path)
		if err == nil {
			break
		}
		if s.classify(err, true) != ErrLocked || i >= s.attempts {
			return &SaveError{Path: path, Kind: s.classify(err, true), Err: err}
		}
		time.Sleep(s.delay)
	}
	done = true
	syncDir(dir)
	return nil
}

// Error codes of Windows (winerror.h), matched by number so that the classification can
// be tested on any system.
const (
	winAccessDenied     = 5
	winSharingViolation = 32
	winLockViolation    = 33
	winHandleDiskFull   = 39
	winDiskFull         = 112
)

// classify maps an error to a class. atRename is set for the final rename, where on
// Windows an access-denied error means the target is open in another program (or
// read-only), since the folder itself proved writable when the temporary file was made.
func (s saver) classify(err error, atRename bool) error {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		if errors.Is(err, fs.ErrPermission) {
			return ErrPermission
		}
		return nil
	}
	if s.goos == "windows" {
		switch uintptr(errno) {
		case winSharingViolation, winLockViolation:
			return ErrLocked
		case winAccessDenied:
			if atRename {
				return ErrLocked
			}
			return ErrPermission
		case winDiskFull, winHandleDiskFull:
			return ErrNoSpace
		}
		return nil
	}
	switch errno {
	case syscall.ENOSPC, syscall.EFBIG, syscall.EDQUOT:
		return ErrNoSpace
	case syscall.EACCES, syscall.EPERM, syscall.EROFS:
		return ErrPermission
	case syscall.EBUSY, syscall.ETXTBSY:
		return ErrLocked
	}
	return nil
}

// WritePNGs saves images as PNG files in dir, creating dir if it is missing: names[i]
// gets the image render(i) returns. Each file is written atomically, so a failure leaves
// any earlier file of that name as it was. It returns the paths written, and stops at
// the first failure.
func WritePNGs(dir string, names []string, render func(i int) (image.Image, error)) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建文件夹“%s”：%w", dir, err)
	}
	var paths []string
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	for i, name := range names {
		img, err := render(i)
		if err != nil {
			return paths, err
		}
		path := filepath.Join(dir, name)
		if err := Write(path, func(w io.Writer) error { return enc.Encode(w, img) }); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}
