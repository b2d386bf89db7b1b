package views

import (
	"log"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestGLWatchNoticesAFailedWindow(t *testing.T) {
	var out strings.Builder
	var fired []string
	g := &glWatch{out: &out, onFail: func(c string) { fired = append(fired, c) }}
	prev := log.Writer()
	log.SetOutput(g)
	defer log.SetOutput(prev)
	fyne.LogError("Failed to decode image for window icon", nil)
	if failed, _ := g.result(); failed || len(fired) > 0 {
		t.Fatal("an unrelated error counts as a failed window")
	}
	fyne.LogError("window creation error", errString("APIUnavailable: WGL: The driver does not appear to support OpenGL"))
	log.Println("PlatformError: WGL: Failed to set pixel format for dummy context")
	failed, cause := g.result()
	if !failed || !strings.Contains(cause, "does not appear to support OpenGL") {
		t.Fatalf("failed %v cause %q", failed, cause)
	}
	if len(fired) != 1 || fired[0] != cause {
		t.Errorf("onFail called %d times: %q", len(fired), fired)
	}
	if !strings.Contains(out.String(), "window creation error") {
		t.Error("the log is not passed through")
	}
	msg := noOpenGLMessage(cause)
	for _, want := range []string{"OpenGL 2.1", "opengl32.dll", "README", "WorkReport export", "WGL"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q", want)
		}
	}
}

// TestGLWatchNoticesAGLFWError: when GLFW itself cannot start OpenGL it reports through
// its error callback, and no Fyne failure follows.
func TestGLWatchNoticesAGLFWError(t *testing.T) {
	var fired string
	g := &glWatch{out: &strings.Builder{}, onFail: func(c string) { fired = c }}
	l := log.New(g, "", log.LstdFlags)
	l.Println("PlatformError: X11: Failed to convert selection to string") // clipboard: harmless
	if fired != "" {
		t.Fatal("a harmless GLFW error stopped the app")
	}
	l.Println("PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle.")
	if fired != "PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle." {
		t.Errorf("cause %q", fired)
	}
}

type errString string

func (e errString) Error() string { return string(e) }
