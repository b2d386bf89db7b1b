package views

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
)

// The work areas of the screens users have, in Fyne's units. At Windows' 125% Fyne draws
// at 1.3 (it rounds the scale to a tenth), so a 1366×768 laptop with a 40-pixel task bar
// is 1050.8×560 units.
var (
	laptop     = fyne.NewSize(1366/1.3, (768-40)/1.3)
	smallest   = fyne.NewSize(1024/1.3, (600-40)/1.3)
	fullHD     = fyne.NewSize(1920, 1040)
	noneKnown  = fyne.Size{}
	bigMonitor = fyne.NewSize(2560, 1400)
)

func TestFitWindow(t *testing.T) {
	tests := []struct {
		name        string
		saved, work fyne.Size
		want        fyne.Size
	}{
		{"default on the laptop: 90% of the work area", fyne.Size{}, laptop, fyne.NewSize(945, 504)},
		{"default on the smallest screen", fyne.Size{}, smallest, fyne.NewSize(708, 387)},
		{"default on a large screen: the preferred size", fyne.Size{}, fullHD, preferredSize},
		{"default with the screen unknown", fyne.Size{}, noneKnown, preferredSize},
		{"saved and fits", fyne.NewSize(1000, 560), laptop, fyne.NewSize(1000, 560)},
		{"saved on a big monitor, opened on the laptop", fyne.NewSize(2200, 1300), laptop, fyne.NewSize(945, 504)},
		{"saved taller than the laptop only", fyne.NewSize(900, 700), laptop, fyne.NewSize(900, 504)},
		{"saved on the laptop, opened on a big monitor", fyne.NewSize(945, 504), bigMonitor, fyne.NewSize(945, 504)},
		{"a damaged saved size is ignored", fyne.NewSize(12, 9000), laptop, fyne.NewSize(945, 504)},
	}
	for _, tt := range tests {
		if got := fitWindow(tt.saved, tt.work); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestFullScreenIsNeverSaved: leaving full screen gives back the size before it, and
// the size saved while full screen is that size, not the screen's.
func TestFullScreenIsNeverSaved(t *testing.T) {
	var m windowMemory
	normal := fyne.NewSize(945, 504)
	if got := m.saveable(normal); got != normal {
		t.Errorf("saveable before full screen = %v", got)
	}
	m.enter(normal)
	full := fyne.NewSize(1050.8, 590.8)
	if got := m.saveable(full); got != normal {
		t.Errorf("saveable in full screen = %v, want %v", got, normal)
	}
	m.enter(full) // entering again (a theme change in full screen) keeps the first size
	if got := m.leave(); got != normal {
		t.Errorf("leave = %v, want %v", got, normal)
	}
	if got := m.saveable(fyne.NewSize(900, 500)); got != fyne.NewSize(900, 500) {
		t.Errorf("saveable after full screen = %v", got)
	}
}

func TestScaleAsFyneComputesIt(t *testing.T) {
	tests := []struct {
		system, user, want float32
	}{
		{1.25, 1, 1.3}, {1, 1.25, 1.3}, {1.5, 1, 1.5}, {0, 1, 1}, {1, 0, 1}, {1.2, 1.1, 1.3}, {1.75, 1, 1.8},
	}
	for _, tt := range tests {
		if got := scaleFor(tt.system, tt.user); got != tt.want {
			t.Errorf("scaleFor(%v, %v) = %v, want %v", tt.system, tt.user, got, tt.want)
		}
	}
	if got := densityScale(1366, 309); got != 1 { // a 14-inch laptop: 112 DPI
		t.Errorf("densityScale of a laptop = %v", got)
	}
	if got := densityScale(3840, 344); got < 2.3 || got > 2.4 { // a 15.6-inch 4K screen
		t.Errorf("densityScale of 4K = %v", got)
	}
}

// TestTheWindowFitsTheLaptop: at the default size on a 1366×768 laptop at 125%, and
// on the smallest screen, everything the window needs fits: its minimum size is within
// the size it opens at.
func TestTheWindowFitsTheLaptop(t *testing.T) {
	for _, work := range []fyne.Size{laptop, smallest} {
		u, w, _, _ := testUIWith(t, fitWindow(fyne.Size{}, work), sample(t))
		_ = u
		need := w.Content().MinSize()
		have := fitWindow(fyne.Size{}, work)
		if need.Width > have.Width || need.Height > have.Height {
			t.Errorf("work area %v: the window needs %v, opens at %v", work, need, have)
		}
	}
}

// fyneRoundTrip is what Fyne's GLFW driver does with a window's size: Resize makes the
// window ceil(size×scale) pixels, and the canvas reads it back as ceil(pixels÷scale),
// in float32 as the driver computes it.
func fyneRoundTrip(v, scale float32) float32 {
	px := int(math.Ceil(float64(v * scale)))
	return float32(math.Ceil(float64(float32(px) / scale)))
}

// TestTheWindowKeepsItsSize: a size read from the canvas and restored (after full
// screen, or at the next launch) reads back the same, at every scale a user may have,
// however often it is restored.
func TestTheWindowKeepsItsSize(t *testing.T) {
	for _, scale := range []float32{1, 1.1, 1.2, 1.3, 1.5, 1.8, 2, 2.3, 2.5, 3} {
		for n := float32(400); n <= 2000; n++ {
			v := n
			for range 5 {
				v = fyneRoundTrip(onPixels(fyne.NewSize(v, v), scale).Width, scale)
			}
			if v != n {
				t.Fatalf("at scale %v a window %v wide is %v wide after five restores", scale, n, v)
			}
		}
	}
	if got := onPixels(fyne.NewSize(946, 532), 0); got != fyne.NewSize(946, 532) {
		t.Errorf("with the scale unknown the size changed to %v", got)
	}
}
