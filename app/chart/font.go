package chart

import (
	"fmt"
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"

	"workreport/resources"
)

// parsedFont is the embedded font, parsed once for all charts.
var parsedFont = sync.OnceValues(func() (*truetype.Font, error) {
	f, err := truetype.Parse(resources.FontTTF)
	if err != nil {
		return nil, fmt.Errorf("无法读取内置字体：%w", err)
	}
	return f, nil
})

// Font returns the embedded font as go-chart and freetype use it.
func Font() (*truetype.Font, error) { return parsedFont() }

// HasGlyph reports whether the embedded font draws r (rather than the missing-glyph box).
func HasGlyph(r rune) bool {
	f, err := Font()
	return err == nil && f.Index(r) != 0
}

// faces caches a measuring face per pixel size; faces are safe for one goroutine only,
// so each is guarded.
type faceCache struct {
	mu       sync.Mutex
	faces    map[float64]font.Face
	advances map[float64]map[rune]float64
}

var faces = faceCache{faces: map[float64]font.Face{}, advances: map[float64]map[rune]float64{}}

// maxFaces bounds the face cache: a handful of sizes at a few display scales.
const maxFaces = 64

// measure returns the advance width of s in pixels at the given size, as the renderer
// lays the glyphs out.
func measure(s string, px float64) float64 {
	face := faceFor(px)
	if face == nil {
		return 0
	}
	faces.mu.Lock()
	defer faces.mu.Unlock()
	adv := faces.advances[px]
	if adv == nil {
		adv = map[rune]float64{}
		faces.advances[px] = adv
	}
	w := 0.0
	for _, r := range s {
		a, ok := adv[r]
		if !ok {
			// The face loads the glyph to find its advance; charts measure the same few
			// hundred characters over and over, so each advance is looked up once.
			f, _ := face.GlyphAdvance(r)
			a = float64(f) / 64
			adv[r] = a
		}
		w += a
	}
	return w
}

// faceFor returns the measuring face for a pixel size, or nil if the font is unusable.
func faceFor(px float64) font.Face {
	f, err := Font()
	if err != nil {
		return nil
	}
	faces.mu.Lock()
	defer faces.mu.Unlock()
	face, ok := faces.faces[px]
	if !ok {
		if len(faces.faces) > maxFaces {
			faces.faces = map[float64]font.Face{}
			faces.advances = map[float64]map[rune]float64{}
		}
		// The face only measures (advances and metrics), which never use its glyph
		// cache; the default cache of 512 glyph masks costs megabytes at slide sizes.
		face = truetype.NewFace(f, &truetype.Options{Size: px, DPI: 72, Hinting: font.HintingNone, GlyphCacheEntries: 1})
		faces.faces[px] = face
	}
	return face
}

// ascent returns the distance from the top of a line to its baseline, in pixels.
func ascent(px float64) float64 {
	face := faceFor(px)
	if face == nil {
		return px * 0.8
	}
	faces.mu.Lock()
	defer faces.mu.Unlock()
	return float64(face.Metrics().Ascent) / 64
}
