package chart

import (
	"github.com/wcharczuk/go-chart/v2/drawing"

	"workreport/app/palette"
)

// Ground is what a chart is drawn on: the paper, and the colours of text, axes and
// rules that read on it. The series keep their meaning on either ground: a result is
// blue and a target orange, in shades that stand out from the paper.
type Ground struct {
	Name                    string // identifies the ground in cache keys
	Paper, Ink, Muted, Axis drawing.Color
	Rule                    drawing.Color
	shades                  map[string]drawing.Color // palette colour (hex) → its shade on this ground
}

// Light is the white ground of printed pages, PNG files and the light theme.
var Light = Ground{Name: "light", Paper: rgb(0xffffff), Ink: col(palette.Ink), Muted: col(palette.Muted),
	Axis: col(palette.Axis), Rule: col(palette.Rule)}

// Dark is the ground of the dark theme: the app's dark background, light text, and
// lighter shades of the series colours, which the dark blue and orange would lack
// contrast against.
var Dark = Ground{Name: "dark", Paper: rgb(0x171718), Ink: rgb(0xe8e8e8), Muted: rgb(0xb4b4b4),
	Axis: rgb(0xc8c8c8), Rule: rgb(0x4a4a4e),
	shades: map[string]drawing.Color{
		palette.Result.Hex: rgb(0x8ab4e6),
		palette.Target.Hex: rgb(0xf4a460),
		palette.Strive.Hex: rgb(0xfbd5b5),
		palette.Share.Hex:  rgb(0x7cc7a5),
		palette.Missed.Hex: rgb(0xf28b82),
		palette.Muted.Hex:  rgb(0xb4b4b4),
	}}

// shade is a palette colour as drawn on this ground.
func (g Ground) shade(c palette.Colour) drawing.Color {
	if s, ok := g.shades[c.Hex]; ok {
		return s
	}
	return col(c)
}

// tint mixes c with the paper: k = 1 is c, k = 0 is the paper.
func (g Ground) tint(c drawing.Color, k float64) drawing.Color {
	mix := func(v, p uint8) uint8 { return uint8(float64(v)*k + float64(p)*(1-k) + 0.5) }
	return drawing.Color{R: mix(c.R, g.Paper.R), G: mix(c.G, g.Paper.G), B: mix(c.B, g.Paper.B), A: 255}
}

func rgb(v uint32) drawing.Color {
	return drawing.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}
