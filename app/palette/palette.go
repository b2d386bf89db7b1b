// Package palette holds the colours WorkReport uses for figures everywhere: in charts, in
// the workbook and on screen, so that a result or a target looks the same in all three.
//
// The colours are chosen to stay distinguishable when printed in grey: result, target and
// striving target differ clearly in lightness, not only in hue.
package palette

import "image/color"

// Colour is an RGB colour with its hex form for the workbook.
type Colour struct {
	RGBA color.NRGBA
	Hex  string // RRGGBB, as excelize takes it
}

func rgb(r, g, b uint8, hex string) Colour {
	return Colour{RGBA: color.NRGBA{R: r, G: g, B: b, A: 0xff}, Hex: hex}
}

var (
	// Result is a reported result of the year under review (实绩): dark blue, grey ≈ 27%.
	Result = rgb(0x1f, 0x4e, 0x79, "1F4E79")
	// Target is a target for the coming year (目标): dark orange, grey ≈ 45%.
	Target = rgb(0xc5, 0x5a, 0x11, "C55A11")
	// Strive is a striving target (力争): light orange, grey ≈ 75%, outlined where drawn.
	Strive = rgb(0xf4, 0xb1, 0x83, "F4B183")
	// Threshold marks a threshold (门槛), which defines a category and is not a target:
	// a grey dark enough for 4.5:1 on white.
	Threshold = rgb(0x6b, 0x6b, 0x6b, "6B6B6B")
	// Derived marks a derived figure (推算), which the report does not print.
	Derived = rgb(0x7b, 0x5c, 0x99, "7B5C99")
	// Share is used for shares and completion rates.
	Share = rgb(0x2e, 0x75, 0x5a, "2E755A")
	// Missed marks a target not met (未达成): dark red, 6:1 on white.
	Missed = rgb(0xb0, 0x1c, 0x1c, "B01C1C")
	// Ink is body text; Muted is secondary text; Rule is a thin line.
	Ink   = rgb(0x26, 0x26, 0x26, "262626")
	Muted = rgb(0x59, 0x59, 0x59, "595959")
	Axis  = rgb(0x40, 0x40, 0x40, "404040")
	Rule  = rgb(0xbf, 0xbf, 0xbf, "BFBFBF")
	// Heading is the fill behind column headers; HeadingText goes on it.
	Heading     = rgb(0x1f, 0x4e, 0x79, "1F4E79")
	HeadingText = rgb(0xff, 0xff, 0xff, "FFFFFF")
	// Band is the light fill behind section headings.
	Band = rgb(0xdd, 0xe6, 0xf0, "DDE6F0")
	// Highlight is the light fill behind a figure highlighted in text.
	Highlight = rgb(0xff, 0xe6, 0x99, "FFE699")
)

// Grey returns the luminance of c in [0, 1], as a grey printer would render it.
func Grey(c Colour) float64 {
	return (0.299*float64(c.RGBA.R) + 0.587*float64(c.RGBA.G) + 0.114*float64(c.RGBA.B)) / 255
}
