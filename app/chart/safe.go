package chart

import (
	"errors"
	"fmt"
	"image"
	"math"
	"time"

	gochart "github.com/wcharczuk/go-chart/v2"

	"workreport/app/palette"
)

// Errors a render can fail with besides a spec's validation errors.
var (
	ErrTimeout = errors.New("绘制超时")
	ErrRender  = errors.New("绘制出错")
	ErrSize    = errors.New("图表尺寸无效")
)

// Timeout bounds one render. A chart renders in well under 100 ms; go-chart is archived
// and has inputs known to loop forever, so a render that takes this long is abandoned.
const Timeout = 3 * time.Second

// MaxPixels bounds a render's size (a 4K display at 2x is far below it).
const MaxPixels = 8000 * 8000

// renderer renders specs with a timeout and a panic guard; tests replace draw.
type renderer struct {
	timeout time.Duration
	draw    func(s *Spec, w, h int, scale float64, g Ground) (*image.RGBA, error)
}

var defaultRenderer = renderer{timeout: Timeout, draw: draw}

// Render draws the spec into a w×h pixel image at the display scale (1 on a standard
// display, 2 on a high-density one), on the light ground of pages and files. It
// validates the spec first, recovers from panics, and gives up after Timeout.
func Render(s *Spec, w, h int, scale float64) (image.Image, error) {
	return defaultRenderer.render(s, w, h, scale, Light)
}

// RenderOn is Render on a given ground, such as the dark theme's.
func RenderOn(s *Spec, w, h int, scale float64, g Ground) (image.Image, error) {
	return defaultRenderer.render(s, w, h, scale, g)
}

func (rd renderer) render(s *Spec, w, h int, scale float64, g Ground) (image.Image, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if w <= 0 || h <= 0 || w*h > MaxPixels || !(scale > 0) || math.IsInf(scale, 0) {
		return nil, fmt.Errorf("%w：%d×%d，缩放 %v", ErrSize, w, h, scale)
	}
	type result struct {
		img image.Image
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned render can still finish
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{nil, fmt.Errorf("%w：%v", ErrRender, p)}
			}
		}()
		img, err := rd.draw(s, w, h, scale, g)
		if err != nil {
			err = fmt.Errorf("%w：%v", ErrRender, err)
		}
		done <- result{img, err}
	}()
	timer := time.NewTimer(rd.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.img, r.err
	case <-timer.C:
		return nil, ErrTimeout
	}
}

// RenderOrPlaceholder renders the spec on a ground, or, if that fails, a placeholder of
// the same size that names the chart and says why it could not be drawn.
func RenderOrPlaceholder(s *Spec, w, h int, scale float64, g Ground) (image.Image, error) {
	img, err := RenderOn(s, w, h, scale, g)
	if err == nil {
		return img, nil
	}
	return Placeholder(s.Title, err.Error(), w, h, scale), err
}

// Placeholder draws a light box with the chart's title and the reason it is missing.
func Placeholder(title, reason string, w, h int, scale float64) image.Image {
	w, h = max(w, 1), max(h, 1)
	if w*h > MaxPixels {
		w, h = 1, 1
	}
	img, err := func() (img *image.RGBA, err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("%v", p)
			}
		}()
		r, err := gochart.PNG(w, h)
		if err != nil {
			return nil, err
		}
		r.SetDPI(64) // see drawScaled
		c := &canvas{r: r, k: 1}
		c.rect(0, 0, float64(w), float64(h), col(palette.Band))
		c.outline(1, 1, float64(w-1), float64(h-1), 1, col(palette.Rule))
		px := 13 * scale
		y := 12 * scale
		for _, t := range append(wrap(title, float64(w)-24*scale, px, 2), wrap("图表无法显示："+reason, float64(w)-24*scale, px, 3)...) {
			c.text(t, 12*scale, y, px, col(palette.Muted))
			y += px * lineSpacing
		}
		var out collector
		if err := r.Save(&out); err != nil {
			return nil, err
		}
		return out.img, nil
	}()
	if err != nil || img == nil {
		plain := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := range plain.Pix {
			plain.Pix[i] = 0xee
		}
		return plain
	}
	return img
}
