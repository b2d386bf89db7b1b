package views

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// glWatch passes Fyne's log through and notices the errors the OpenGL driver reports when
// it cannot open a window — typically on a PC, cloud desktop or remote session without
// OpenGL 2.1. Fyne then neither shows a window nor quits; onFail is called instead, once,
// with the cause, so that the app can explain and exit.
type glWatch struct {
	mu      sync.Mutex
	out     io.Writer
	onFail  func(cause string)
	failed  bool
	fired   bool
	cause   string
	pending bool // a failure line was seen; its cause line follows
}

// glfwFatal are the GLFW error classes and back ends whose errors mean no OpenGL window:
// GLFW reports them through its error callback, which Fyne logs.
var glfwFatal = []string{"APIUnavailable", "VersionUnavailable", "FormatUnavailable", "WGL:", "GLX:", "EGL:"}

func (g *glWatch) Write(p []byte) (int, error) {
	n, err := g.out.Write(p)
	line := strings.TrimSpace(string(p))
	g.mu.Lock()
	fire := false
	switch {
	case strings.Contains(line, "window creation error"), strings.Contains(line, "failed to initialise GLFW"):
		g.failed, g.pending = true, true
	case g.pending && strings.Contains(line, "Cause:"):
		g.record(line[strings.Index(line, "Cause:")+len("Cause:"):])
		g.pending, fire = false, !g.fired
	case containsAny(line, glfwFatal):
		g.failed = true
		g.record(withoutTimestamp(line))
		fire = !g.fired
	}
	if fire {
		g.fired = true
	}
	cause, onFail := g.cause, g.onFail
	g.mu.Unlock()
	if fire && onFail != nil {
		onFail(cause)
	}
	return n, err
}

func (g *glWatch) record(cause string) {
	if cause = strings.TrimSpace(cause); g.cause == "" {
		g.cause = cause
	}
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// withoutTimestamp drops the date and time the log package puts first.
func withoutTimestamp(line string) string {
	if f := strings.SplitN(line, " ", 3); len(f) == 3 && strings.Count(f[0], "/") == 2 && strings.Count(f[1], ":") == 2 {
		return f[2]
	}
	return line
}

// result reports whether the window could not be created, and why.
func (g *glWatch) result() (bool, string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.failed, g.cause
}

// errNoOpenGL is returned by Run when the window could not be created.
var errNoOpenGL = errors.New("无法创建窗口：需要 OpenGL 2.1")

// noOpenGLMessage explains, in Chinese, why the window did not open and what to do.
func noOpenGLMessage(cause string) string {
	msg := "无法打开“政府工作报告图解”的窗口：这台电脑的显卡或显卡驱动不支持 OpenGL 2.1，" +
		"或者程序正在远程桌面、云桌面或虚拟机中运行。\n\n" +
		"可以这样解决：\n" +
		"1. 安装或更新显卡驱动后再打开；\n" +
		"2. 或者把 Mesa 软件渲染的 opengl32.dll 放在 WorkReport.exe 所在的文件夹（见使用说明 README 中“没有 OpenGL 时”一节）；\n" +
		"3. 导出 Excel 和图表不需要窗口，可以在命令行运行，例如：WorkReport export -o 报告数据.xlsx"
	if cause != "" {
		msg += fmt.Sprintf("\n\n技术信息：%s", cause)
	}
	return msg
}
