package report

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, so that callers can tell the classes of bad input apart with errors.Is.
var (
	ErrEmpty    = errors.New("文件为空")
	ErrTooLarge = errors.New("文件过大")
	ErrNotText  = errors.New("不是文本格式的报告文件")
	ErrSyntax   = errors.New("文件格式有误")
	ErrInvalid  = errors.New("报告内容不符合要求")
)

// LoadError is one problem found in a report file. Its message is in Chinese and names
// the file, the line (when known), the path of the field and what is wrong, for example
// `报告.yaml 第41行: figures[12].单位 为空`.
type LoadError struct {
	File string // the file name
	Line int    // 1-based line number, or 0 when unknown
	Path string // the field path, such as figures[12].单位; may be empty
	Msg  string // what is wrong, in Chinese
	Err  error  // the class of the problem: one of the sentinel errors above
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, " 第%d行", e.Line)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(" ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the class of the problem.
func (e *LoadError) Unwrap() error { return e.Err }

// maxReported caps how many problems one load reports, so that a badly broken file
// gives a readable message rather than hundreds of lines.
const maxReported = 20

// LoadErrors is every problem found in one report file, in file order.
type LoadErrors []*LoadError

func (es LoadErrors) Error() string {
	lines := make([]string, 0, len(es)+1)
	for i, e := range es {
		if i == maxReported {
			lines = append(lines, fmt.Sprintf("……另有 %d 处问题未列出", len(es)-maxReported))
			break
		}
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.Is and errors.As look at each problem.
func (es LoadErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
