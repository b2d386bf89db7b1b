package views

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is a colour's relative luminance, as WCAG 2 defines it.
func luminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).(color.NRGBA).R, color.NRGBAModel.Convert(c).(color.NRGBA).G, color.NRGBAModel.Convert(c).(color.NRGBA).B, 0
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
}

// contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestTextContrast computes the contrast of every colour text is drawn in against
// every background it is drawn on, in both themes: at least 4.5:1, WCAG AA for text of
// any size, so that confirmations, captions and search summaries read from a seat.
func TestTextContrast(t *testing.T) {
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, colourMuted, colourHeading, theme.ColorNamePrimary,
		colourResult, colourTarget, colourThreshold, colourDerived, colourMet, colourMissed, theme.ColorNameHyperlink}
	grounds := []fyne.ThemeColorName{theme.ColorNameBackground, colourCard, colourUnconfirmed}
	for _, dark := range []bool{false, true} {
		th := newTheme(dark, 1)
		v := th.variant()
		for _, fg := range texts {
			for _, bg := range grounds {
				if c := contrast(th.Color(fg, v), th.Color(bg, v)); c < 4.5 {
					t.Errorf("dark %v: %s on %s is %.2f:1", dark, fg, bg, c)
				}
			}
		}
		// Text on a marked line, button labels, and labels on primary buttons.
		pairs := [][2]fyne.ThemeColorName{
			{theme.ColorNameForeground, colourMark},
			{theme.ColorNameForeground, theme.ColorNameButton},
			{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
		}
		for _, p := range pairs {
			if c := contrast(th.Color(p[0], v), th.Color(p[1], v)); c < 4.5 {
				t.Errorf("dark %v: %s on %s is %.2f:1", dark, p[0], p[1], c)
			}
		}
	}
}

// TestChartsFollowTheTheme: in the dark theme charts are drawn on the theme's dark
// background, not as white panels.
func TestChartsFollowTheTheme(t *testing.T) {
	u, w, _, _ := testUI(t, windowSize)
	w.Canvas().Capture()
	if u.ground().Name != "light" {
		t.Fatal("light theme, dark charts")
	}
	u.setDark(true)
	w.Canvas().Capture()
	if u.ground().Name != "dark" || len(u.cur.charts) == 0 || u.cur.charts[0].want.Ground != "dark" {
		t.Fatal("the charts are not drawn for the dark theme")
	}
	img := u.cur.charts[0].img.Image
	bg := themeColour(theme.ColorNameBackground)
	if c := contrast(img.At(2, 2), bg); c > 1.1 {
		t.Errorf("the chart's paper differs from the dark background: %.2f:1", c)
	}
}
