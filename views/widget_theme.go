package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"workreport/app/chart"
	"workreport/app/palette"
	"workreport/app/report"
	"workreport/resources"
)

// fontResource is the embedded font; Fyne parses it once and caches the face.
var fontResource = fyne.NewStaticResource(resources.FontName, resources.FontTTF)

// Colour names the views use besides Fyne's own.
const (
	colourResult    fyne.ThemeColorName = "workreportResult"
	colourTarget    fyne.ThemeColorName = "workreportTarget"
	colourThreshold fyne.ThemeColorName = "workreportThreshold"
	colourDerived   fyne.ThemeColorName = "workreportDerived"
	colourMuted     fyne.ThemeColorName = "workreportMuted"
	colourCard      fyne.ThemeColorName = "workreportCard"
	colourCardEdge  fyne.ThemeColorName = "workreportCardEdge"
	colourMark      fyne.ThemeColorName = "workreportMark"
	colourHeading   fyne.ThemeColorName = "workreportHeading"
	// colourUnconfirmed fills the card of a figure no person has confirmed yet.
	colourUnconfirmed fyne.ThemeColorName = "workreportUnconfirmed"
	// colourMet and colourMissed write the verdicts 达成 and 未达成, as the charts do.
	colourMet    fyne.ThemeColorName = "workreportMet"
	colourMissed fyne.ThemeColorName = "workreportMissed"
	// colourFocusRing rings the control that has the keyboard focus: 3:1 or more against
	// the window's and the dialogs' background.
	colourFocusRing fyne.ThemeColorName = "workreportFocusRing"
)

// appTheme is WorkReport's theme: the embedded font for every text style (it has no bold
// face, so bold text uses it too rather than falling back to a font without Chinese),
// colours from the palette, a forced light or dark variant, and sizes scaled by the zoom.
type appTheme struct {
	dark  bool
	scale float32
}

func newTheme(dark bool, zoom float64) *appTheme {
	s := float32(zoom)
	if s <= 0 {
		s = 1
	}
	return &appTheme{dark: dark, scale: s}
}

func (t *appTheme) variant() fyne.ThemeVariant {
	if t.dark {
		return theme.VariantDark
	}
	return theme.VariantLight
}

func nrgba(c palette.Colour) color.Color { return c.RGBA }

func hex(v uint32) color.Color {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// shades are the light and dark colours of WorkReport's own colours, and of the Fyne
// colours it changes: lighter on the dark variant where dark ones would not read.
var shades = map[fyne.ThemeColorName]struct{ light, dark color.Color }{
	colourResult: {nrgba(palette.Result), hex(0x8ab4e6)},
	// Target text is a shade darker than the palette's bars, for 4.5:1 on white and on cards.
	colourTarget:      {hex(0xb3500f), hex(0xf4a460)},
	colourThreshold:   {nrgba(palette.Threshold), hex(0xb0b0b0)},
	colourDerived:     {nrgba(palette.Derived), hex(0xc3a6e0)},
	colourMuted:       {nrgba(palette.Muted), hex(0xa8a8a8)},
	colourHeading:     {nrgba(palette.Heading), hex(0xdde6f0)},
	colourCard:        {hex(0xf7f9fc), hex(0x2b2f36)},
	colourCardEdge:    {hex(0xd5dde8), hex(0x4a5060)},
	colourMark:        {nrgba(palette.Highlight), hex(0x5c4a12)},
	colourUnconfirmed: {hex(0xfff6dd), hex(0x3d3520)},
	colourMet:         {nrgba(palette.Share), hex(0x7cc7a5)},
	colourMissed:      {nrgba(palette.Missed), hex(0xf28b82)},
	colourFocusRing:   {nrgba(palette.Result), hex(0x8ab4e6)},
	// Links and the primary colour are the results' blue.
	theme.ColorNamePrimary:   {nrgba(palette.Result), hex(0x8ab4e6)},
	theme.ColorNameHyperlink: {nrgba(palette.Result), hex(0x8ab4e6)},
	// Labels on primary buttons: white on the light theme's dark blue, dark on the dark
	// theme's light blue.
	theme.ColorNameForegroundOnPrimary: {hex(0xffffff), hex(0x171718)},
}

// Color returns the palette's colours; the light variant's text is the palette's ink.
func (t *appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := shades[n]; ok {
		if t.dark {
			return c.dark
		}
		return c.light
	}
	if n == theme.ColorNameForeground && !t.dark {
		return nrgba(palette.Ink)
	}
	return theme.DefaultTheme().Color(n, t.variant())
}

// Font returns the embedded font for all text; only Fyne's icon symbols keep their font.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return fontResource
}

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size scales Fyne's sizes by the zoom, and makes headings larger than Fyne does, since
// the font has no bold face to set them apart.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	base := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText:
		base = 15
	case theme.SizeNameHeadingText:
		base = 26
	case theme.SizeNameSubHeadingText:
		base = 19
	case theme.SizeNameCaptionText:
		base = 12.5
	}
	return base * t.scale
}

// natureColour is the colour of a figure's value.
func natureColour(n report.Nature) fyne.ThemeColorName {
	switch n {
	case report.Target:
		return colourTarget
	case report.Threshold, report.Qualitative:
		return colourThreshold
	case report.Derived:
		return colourDerived
	}
	return colourResult
}

// themeColour looks a colour up in the current theme.
func themeColour(n fyne.ThemeColorName) color.Color {
	return fyne.CurrentApp().Settings().Theme().Color(n, fyne.CurrentApp().Settings().ThemeVariant())
}

// themeSize looks a size up in the current theme.
func themeSize(n fyne.ThemeSizeName) float32 {
	return fyne.CurrentApp().Settings().Theme().Size(n)
}

// ground is what charts are drawn on in the current theme.
func (u *UI) ground() chart.Ground {
	if u.sess.Dark() {
		return chart.Dark
	}
	return chart.Light
}
