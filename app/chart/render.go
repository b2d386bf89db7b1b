package chart

import (
	"image"
	"math"
	"strconv"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"workreport/app/palette"
)

// Sizes at scale 1, in pixels. Everything is multiplied by the display scale, because
// go-chart's DPI setting scales text only.
const (
	padding     = 16.0
	titlePx     = 18.0
	notePx      = 12.5
	labelPx     = 13.5
	valuePx     = 13.0
	tickPx      = 11.5
	legendPx    = 12.5
	barThick    = 18.0 // a bar in a one-series chart
	groupThick  = 14.0 // a bar in a group
	barGap      = 3.0  // between bars of a group
	rowGap      = 12.0 // between rows
	labelGap    = 10.0 // between a row label and the plot
	valueGap    = 6.0  // between a bar's end and its value
	lineSpacing = 1.3  // line height as a multiple of the font size
	maxLabelCol = 0.36 // of the width, for row labels
	maxValueCol = 0.34 // of the width, for value texts
	maxRowLines = 3
)

// layout is a chart's geometry at a given width and scale.
type layout struct {
	s          *Spec
	scale      float64
	width      float64
	title      []string
	note       []string
	labels     [][]string // wrapped row labels
	labelW     float64
	rowH       []float64
	legendH    float64
	headerH    float64 // title, note and legend
	plotL      float64 // x of the value lo
	plotR      float64 // x of the value hi
	lo, hi     float64
	step       float64
	height     float64
	valueTexts [][]string // per row, per bar: value text and note
}

func (l *layout) px(v float64) float64 { return v * l.scale }

// newLayout computes the geometry of s at a width in pixels and a display scale.
func newLayout(s *Spec, width, scale float64) *layout {
	l := &layout{s: s, scale: scale, width: width}
	l.lo, l.hi, l.step = s.Range()
	inner := width - 2*l.px(padding)
	l.title = wrap(s.Title, inner, l.px(titlePx), 2)
	l.note = wrap(s.Note, inner, l.px(notePx), 2)
	y := l.px(padding) + float64(len(l.title))*l.px(titlePx)*lineSpacing
	y += float64(len(l.note)) * l.px(notePx) * lineSpacing
	if len(s.Series) > 1 {
		l.legendH = l.px(legendPx)*lineSpacing + l.px(6)
		y += l.legendH
	}
	l.headerH = y + l.px(10)
	if s.Reference != nil { // room for the reference line's label above the plot
		l.headerH += l.px(tickPx) * lineSpacing
	}

	// Row labels: as wide as the widest label, up to a share of the width.
	natural := 0.0
	for _, g := range s.Groups {
		natural = math.Max(natural, measure(g.Label, l.px(labelPx)))
	}
	l.labelW = math.Min(natural, width*maxLabelCol)
	for _, g := range s.Groups {
		l.labels = append(l.labels, wrap(g.Label, l.labelW, l.px(labelPx), maxRowLines))
	}
	// Value texts need room beside the longest bar, on whichever side of zero.
	right, left := 0.0, 0.0
	for _, g := range s.Groups {
		var texts []string
		for _, b := range g.Bars {
			t := b.Text
			if b.Note != "" {
				t += "  " + b.Note
			}
			texts = append(texts, t)
			if b.Missing {
				continue
			}
			w := math.Min(measure(t, l.px(valuePx)), width*maxValueCol) + l.px(valueGap)
			if b.Top() >= 0 {
				right = math.Max(right, w)
			} else {
				left = math.Max(left, w)
			}
		}
		l.valueTexts = append(l.valueTexts, texts)
	}
	l.plotL = l.px(padding) + l.labelW + l.px(labelGap) + left
	l.plotR = width - l.px(padding) - right
	if s.Reference != nil {
		l.plotR = math.Min(l.plotR, width-l.px(padding)-measure(s.Reference.Label, l.px(tickPx))/2)
	}
	if l.plotR-l.plotL < l.px(40) { // a very narrow chart still gets a plot
		l.plotR = l.plotL + l.px(40)
	}
	thick := barThick
	if len(s.Series) > 1 {
		thick = groupThick
	}
	for i := range s.Groups {
		bars := float64(len(s.Series))*l.px(thick) + float64(len(s.Series)-1)*l.px(barGap)
		text := float64(len(l.labels[i])) * l.px(labelPx) * lineSpacing
		l.rowH = append(l.rowH, math.Max(bars, text)+l.px(rowGap))
	}
	y = l.headerH
	for _, h := range l.rowH {
		y += h
	}
	l.height = y + l.px(tickPx)*lineSpacing + l.px(6) + l.px(padding)
	return l
}

// x maps a value to a pixel column.
func (l *layout) x(v float64) float64 {
	return l.plotL + (v-l.lo)/(l.hi-l.lo)*(l.plotR-l.plotL)
}

// NaturalHeight is the height, in the same units as width, that the chart needs at that
// width: enough for every label and bar without overlap.
func NaturalHeight(s *Spec, width float64) float64 {
	if s.Validate() != nil {
		return placeholderHeight
	}
	return math.Ceil(newLayout(s, width, 1).height)
}

// placeholderHeight is the height of the placeholder shown for a failed chart.
const placeholderHeight = 120

func col(c palette.Colour) drawing.Color {
	return drawing.Color{R: c.RGBA.R, G: c.RGBA.G, B: c.RGBA.B, A: 255}
}

// canvas wraps go-chart's renderer with the few shapes the charts draw. Coordinates are
// layout pixels; k shrinks them when a chart must fit a smaller height than it needs.
type canvas struct {
	r gochart.Renderer
	k float64
}

func (c *canvas) p(v float64) int { return int(math.Round(v * c.k)) }

func (c *canvas) path(x0, y0, x1, y1 float64) {
	c.r.MoveTo(c.p(x0), c.p(y0))
	c.r.LineTo(c.p(x1), c.p(y0))
	c.r.LineTo(c.p(x1), c.p(y1))
	c.r.LineTo(c.p(x0), c.p(y1))
	c.r.Close()
}

func (c *canvas) rect(x0, y0, x1, y1 float64, fill drawing.Color) {
	c.r.ResetStyle()
	c.r.SetFillColor(fill)
	c.path(x0, y0, x1, y1)
	c.r.Fill()
}

func (c *canvas) outline(x0, y0, x1, y1, width float64, stroke drawing.Color) {
	c.r.ResetStyle()
	c.r.SetStrokeColor(stroke)
	c.r.SetStrokeWidth(width * c.k)
	c.path(x0, y0, x1, y1)
	c.r.Stroke()
}

func (c *canvas) line(x0, y0, x1, y1, width float64, stroke drawing.Color, dash []float64) {
	c.r.ResetStyle()
	c.r.SetStrokeColor(stroke)
	c.r.SetStrokeWidth(width * c.k)
	if dash != nil {
		scaled := make([]float64, len(dash))
		for i, d := range dash {
			scaled[i] = d * c.k
		}
		c.r.SetStrokeDashArray(scaled)
	}
	c.r.MoveTo(c.p(x0), c.p(y0))
	c.r.LineTo(c.p(x1), c.p(y1))
	c.r.Stroke()
}

// text draws s at font size px with its top-left corner at x, top.
func (c *canvas) text(s string, x, top, px float64, colour drawing.Color) {
	c.r.ResetStyle()
	f, _ := Font()
	c.r.SetFont(f)
	c.r.SetFontSize(px) // at DPI 64·k: px layout pixels, see drawScaled
	c.r.SetFontColor(colour)
	c.r.Text(s, c.p(x), c.p(top+ascent(px)))
}

// collector receives the rendered image from go-chart without a PNG round trip.
type collector struct{ img *image.RGBA }

func (c *collector) SetRGBA(i *image.RGBA)       { c.img = i }
func (c *collector) Write(p []byte) (int, error) { return len(p), nil }

// draw renders s into a w×h image at the display scale, on a ground. The layout is
// computed for the width; if the height is smaller than the chart needs, everything is
// scaled down to fit.
func draw(s *Spec, w, h int, scale float64, g Ground) (*image.RGBA, error) {
	l := newLayout(s, float64(w), scale)
	if l.height > float64(h) {
		// Lay the chart out for a proportionally wider canvas, then draw it shrunk by k,
		// so that it fits the height without labels overlapping.
		k := float64(h) / l.height
		for i := 0; i < 3 && l.height*k > float64(h)+0.5; i++ {
			l = newLayout(s, float64(w)/k, scale)
			k = math.Min(k, float64(h)/l.height)
		}
		l = newLayout(s, float64(w)/k, scale)
		return drawScaled(l, w, h, k, g)
	}
	return drawScaled(l, w, h, 1, g)
}

func drawScaled(l *layout, w, h int, k float64, g Ground) (*image.RGBA, error) {
	r, err := gochart.PNG(w, h)
	if err != nil {
		return nil, err
	}
	// go-chart's rasterizer scales a font to size×DPI/64 pixels per em (not /72): at
	// DPI 64·k a font size is k times that many pixels, as the layout measured them.
	r.SetDPI(64 * k)
	c := &canvas{r: r, k: k}
	s := l.s
	c.rect(0, 0, float64(w)/k, float64(h)/k, g.Paper)
	ink, muted, rule := g.Ink, g.Muted, g.Rule

	y := l.px(padding)
	for _, t := range l.title {
		c.text(t, (l.px(padding)), (y), l.px(titlePx), ink)
		y += l.px(titlePx) * lineSpacing
	}
	for _, t := range l.note {
		c.text(t, (l.px(padding)), (y), l.px(notePx), muted)
		y += l.px(notePx) * lineSpacing
	}
	if len(s.Series) > 1 {
		x := l.px(padding)
		sw := l.px(legendPx)
		for _, se := range s.Series {
			c.rect((x), (y + l.px(2)), (x + sw), (y + l.px(2) + sw), g.shade(se.Colour))
			if se.Outline {
				c.outline((x), (y + l.px(2)), (x + sw), (y + l.px(2) + sw), (l.px(1.2)), g.shade(palette.Target))
			}
			x += sw + l.px(5)
			c.text(se.Name, (x), (y), l.px(legendPx), ink)
			x += measure(se.Name, l.px(legendPx)) + l.px(16)
		}
	}
	top := l.headerH
	bottom := top
	for _, rh := range l.rowH {
		bottom += rh
	}
	// Grid and ticks.
	for v := l.lo; v <= l.hi+l.step/2; v += l.step {
		x := l.x(v)
		width, colour := l.px(1), rule
		if math.Abs(v) < l.step/1e6 {
			width, colour = l.px(1.4), g.Axis
		}
		c.line((x), (top - l.px(4)), (x), (bottom), (width), colour, nil)
		label := tickLabel(v, l.step)
		c.text(label, (x - measure(label, l.px(tickPx))/2), (bottom + l.px(4)), l.px(tickPx), muted)
	}
	// Rows.
	thick := barThick
	if len(s.Series) > 1 {
		thick = groupThick
	}
	y = top
	zero := l.x(0)
	for i, grp := range s.Groups {
		rh := l.rowH[i]
		inner := rh - l.px(rowGap)
		// Label, vertically centred on the row's bars.
		lines := l.labels[i]
		ly := y + l.px(rowGap)/2 + (inner-float64(len(lines))*l.px(labelPx)*lineSpacing)/2
		for _, t := range lines {
			tx := l.px(padding) + l.labelW - measure(t, l.px(labelPx))
			c.text(t, (tx), (ly + l.px(labelPx)*(lineSpacing-1)/2), l.px(labelPx), ink)
			ly += l.px(labelPx) * lineSpacing
		}
		bars := float64(len(s.Series))*l.px(thick) + float64(len(s.Series)-1)*l.px(barGap)
		by := y + l.px(rowGap)/2 + (inner-bars)/2
		for j, b := range grp.Bars {
			se := s.Series[j]
			if !b.Missing {
				x0, x1 := zero, l.x(b.Value)
				if x1 < x0 {
					x0, x1 = x1, x0
				}
				if x1-x0 < l.px(1) { // a zero still shows as a hairline
					x1 = x0 + l.px(1)
				}
				c.rect((x0), (by), (x1), (by + l.px(thick)), g.shade(se.Colour))
				if se.Outline {
					c.outline((x0), (by), (x1), (by + l.px(thick)), (l.px(1.2)), g.shade(palette.Target))
				}
				if b.IsRange {
					// The range from the lower to the upper bound: a pale band of the
					// series colour, outlined, so that 6%－6.5% never reads as 6%.
					x2 := l.x(b.Upper)
					c.rect(x1, by, x2, by+l.px(thick), g.tint(g.shade(se.Colour), 0.35))
					c.outline(x1, by, x2, by+l.px(thick), l.px(1.2), g.shade(se.Colour))
					x1 = x2
				}
				maxW := l.width * maxValueCol
				text, note := ellipsize(b.Text, maxW, l.px(valuePx)), ""
				if b.Note != "" {
					note = ellipsize(b.Note, maxW-measure(text+"  ", l.px(valuePx)), l.px(valuePx))
				}
				ty := by + (l.px(thick)-l.px(valuePx)*1.0)/2
				tx := x1 + l.px(valueGap)
				full := measure(text, l.px(valuePx))
				if note != "" {
					full += measure("  "+note, l.px(valuePx))
				}
				if b.Value < 0 {
					tx = x0 - l.px(valueGap) - full
				}
				// A backing of paper keeps grid lines from striking through the text.
				c.rect(tx-l.px(2), ty, tx+full+l.px(2), ty+l.px(valuePx)*1.15, g.Paper)
				c.text(text, (tx), (ty), l.px(valuePx), ink)
				if note != "" {
					nc := muted
					if b.NoteColour.Hex != "" {
						nc = g.shade(b.NoteColour)
					}
					c.text(note, (tx + measure(text+"  ", l.px(valuePx))), (ty), l.px(valuePx), nc)
				}
			}
			by += l.px(thick) + l.px(barGap)
		}
		y += rh
	}
	if ref := s.Reference; ref != nil {
		x := l.x(ref.Value)
		c.line((x), (top - l.px(4)), (x), (bottom), (l.px(1.5)), g.shade(palette.Target), []float64{(l.px(5)), (l.px(3))})
		c.text(ref.Label, (x - measure(ref.Label, l.px(tickPx))/2), (top - l.px(4) - l.px(tickPx)*lineSpacing), l.px(tickPx), g.shade(palette.Target))
	}
	var out collector
	if err := r.Save(&out); err != nil {
		return nil, err
	}
	return out.img, nil
}

// tickLabel formats a tick value with no more decimals than the step needs.
func tickLabel(v, step float64) string {
	decimals := 0
	for s := step; s < 1 && decimals < 6; s *= 10 {
		decimals++
	}
	if step == 2.5*math.Pow(10, math.Floor(math.Log10(step))) && step < 10 {
		decimals++
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}
