package views

import (
	"math"

	"fyne.io/fyne/v2"
)

// Window sizes, in Fyne's logical units (a pixel at scale 1; 1.25 pixels at 125%).
var (
	// preferredSize shows the navigation beside four cards.
	preferredSize = fyne.NewSize(1280, 820)
	// smallestSaved is the smallest saved size taken as a real window size rather than
	// as a damaged setting.
	smallestSaved = fyne.NewSize(400, 300)
)

// workShare is the most of the screen's work area (the screen without the task bar) a
// window takes when it opens at its default size, so that it never covers the task bar
// and leaves the desktop visible around it.
const workShare = 0.9

// fitWindow returns the size the window opens at: the saved size if it fits the
// screen's work area; a saved size larger than the work area (say, saved on a large
// monitor the laptop is no longer plugged into) reduced to workShare of it; with no
// saved size, the preferred size, reduced to workShare of the work area when larger. A
// zero work area means the screen is unknown and nothing is reduced.
func fitWindow(saved, work fyne.Size) fyne.Size {
	known := work.Width > 0 && work.Height > 0
	limit := func(v, w float32) float32 {
		if !known || v <= w {
			return v
		}
		return float32(math.Floor(float64(w * workShare)))
	}
	if saved.Width >= smallestSaved.Width && saved.Height >= smallestSaved.Height {
		return fyne.NewSize(limit(saved.Width, work.Width), limit(saved.Height, work.Height))
	}
	size := preferredSize
	if known {
		size = fyne.NewSize(min(size.Width, float32(math.Floor(float64(work.Width*workShare)))),
			min(size.Height, float32(math.Floor(float64(work.Height*workShare)))))
	}
	return size
}

// onPixels returns the size to ask of a window drawn at scale so that it keeps its size
// across a round trip. Fyne makes a window ceil(size×scale) pixels wide and reads its
// size back as ceil(pixels÷scale) units, in float32, so a size restored as it was read
// grows by a pixel at each full screen and each launch. The size asked for is just under
// the largest whole number of pixels that reads back as no more than the size. A scale
// of 0 (unknown) leaves the size as it is.
func onPixels(s fyne.Size, scale float32) fyne.Size {
	if scale <= 0 {
		return s
	}
	ceil := func(v float32) float32 { return float32(math.Ceil(float64(v))) }
	f := func(v float32) float32 {
		px := float32(math.Floor(float64(v * scale)))
		for px > 1 && ceil(px/scale) > ceil(v) {
			px--
		}
		ask := px/scale - 0.01/scale
		for ceil(ask*scale) < px {
			ask += 0.001
		}
		return ask
	}
	return fyne.NewSize(f(s.Width), f(s.Height))
}

// windowMemory remembers the window's size while it is full screen, so that leaving
// full screen restores it exactly, and so that the full-screen size is never saved as
// the window's size.
type windowMemory struct {
	normal     fyne.Size // the size before full screen
	fullScreen bool
}

// enter records the window's size as it goes full screen.
func (m *windowMemory) enter(current fyne.Size) {
	if !m.fullScreen {
		m.normal = current
	}
	m.fullScreen = true
}

// leave returns the size to restore as the window leaves full screen.
func (m *windowMemory) leave() fyne.Size {
	m.fullScreen = false
	return m.normal
}

// saveable returns the size to remember for the next launch: the window's size, or,
// while it is full screen, the size it had before.
func (m *windowMemory) saveable(current fyne.Size) fyne.Size {
	if m.fullScreen {
		return m.normal
	}
	return current
}

// scaleFor is the scale Fyne draws a window at: the system's scale (on Windows, the
// display's scaling setting; elsewhere the screen's density, a DPI of 120 being 1), times
// the user's, rounded to a tenth, as Fyne's driver computes it.
func scaleFor(system, user float32) float32 {
	if user <= 0 {
		user = 1
	}
	if system <= 0 {
		system = 1
	}
	return float32(math.Round(float64(system*user*10)) / 10)
}

// densityScale is the scale a screen's density gives where the system sets none:
// pixels per inch over 120, never below 1.
func densityScale(widthPx, widthMm int) float32 {
	if widthMm <= 0 {
		return 1
	}
	dpi := float32(widthPx) / (float32(widthMm) / 25.4)
	if dpi > 1000 || dpi < 10 {
		return 1
	}
	return max(1, dpi/120)
}
