package views

import (
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
)

// chartView shows one chart, rendered in the background at exactly its on-screen pixel
// size (its size times the display scale), and again only when that size changes.
type chartView struct {
	widget.BaseWidget
	u     *UI
	spec  *chart.Spec
	img   *canvas.Image
	width float32 // the width the height was computed for
	want  chart.Key
	err   error
	memo  struct{ width, height float32 } // NaturalHeight at the last width asked
	boost float32                         // text larger than on a page, on a slide; 0 is 1
	fixed fyne.Size                       // the size on a slide, where it fills an area
}

// minChartWidth keeps a chart legible in a narrow window.
const minChartWidth = 360

func newChartView(u *UI, s *chart.Spec) *chartView {
	v := &chartView{u: u, spec: s, width: 720}
	v.img = canvas.NewImageFromImage(nil)
	v.img.FillMode = canvas.ImageFillStretch
	v.img.ScaleMode = canvas.ImageScaleFastest // drawn at the pixel size: no scaling needed
	v.ExtendBaseWidget(v)
	return v
}

func (v *chartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{v: v}
}

// height is the height the chart needs at a width, in logical units.
func (v *chartView) height(width float32) float32 {
	if v.memo.width != width || v.memo.height == 0 {
		v.memo.width, v.memo.height = width, float32(chart.NaturalHeight(v.spec, float64(width)))
	}
	return v.memo.height
}

// scale is the display scale of the canvas the chart is on.
func (v *chartView) scale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

// request asks for the image at the current size; the cache calls back when it is ready.
func (v *chartView) request(size fyne.Size) {
	if size.Width < 1 || size.Height < 1 {
		return
	}
	sc := v.scale()
	w, h := int(math.Round(float64(size.Width*sc))), int(math.Round(float64(size.Height*sc)))
	if v.boost > 0 {
		sc *= v.boost
	}
	g := v.u.ground()
	key := chart.Key{Hash: v.spec.Hash(), W: w, H: h, Scale: float64(sc), Ground: g.Name}
	if key == v.want && v.img.Image != nil {
		return
	}
	v.want = key
	img, err, ok := v.u.charts.Get(v.spec, w, h, float64(sc), g, func(img image.Image, err error) {
		fyne.Do(func() {
			if v.want == key {
				v.show(img, err)
				v.u.noteShownCharts()
			}
		})
	})
	if ok {
		v.show(img, err)
	}
}

func (v *chartView) show(img image.Image, err error) {
	v.err = err
	v.img.Image = img
	v.img.Refresh()
}

// drop lets go of the image when the chart leaves the screen; the chart cache keeps
// recent renders within its budget, and restore asks for the image again.
func (v *chartView) drop() {
	v.want = chart.Key{} // a render still on its way is not shown
	v.img.Image = nil
}

// restore asks again for the image dropped when the chart left the screen, at the size
// it has: showing a page again does not lay it out again when its size is unchanged.
func (v *chartView) restore() {
	if v.img.Image != nil || v.Size().IsZero() {
		return
	}
	if v.fixed.IsZero() && math.Abs(float64(v.height(v.Size().Width)-v.Size().Height)) > 0.5 {
		return // the page lays it out at its new height, and it is drawn then
	}
	v.request(v.Size())
}

type chartRenderer struct{ v *chartView }

func (r *chartRenderer) Layout(size fyne.Size) {
	v := r.v
	v.img.Resize(size)
	v.width = size.Width
	if !v.fixed.IsZero() {
		v.request(size)
		return
	}
	if h := v.height(size.Width); math.Abs(float64(h-size.Height)) > 0.5 {
		// The height depends on the width: the page layout asks for the new height and
		// lays the chart out again; draw it then, at its final size.
		return
	}
	v.request(size)
}

func (r *chartRenderer) MinSize() fyne.Size {
	if !r.v.fixed.IsZero() {
		return r.v.fixed
	}
	w := max(r.v.width, minChartWidth)
	return fyne.NewSize(minChartWidth, r.v.height(w))
}

func (r *chartRenderer) Refresh()                     { canvas.Refresh(r.v.img) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.v.img} }
func (r *chartRenderer) Destroy()                     {}

// walkCharts calls f for every chart view in a tree of containers.
func walkCharts(o fyne.CanvasObject, f func(*chartView)) {
	switch o := o.(type) {
	case *fyne.Container:
		for _, child := range o.Objects {
			walkCharts(child, f)
		}
	case *container.Scroll:
		walkCharts(o.Content, f)
	case *pageScroll:
		walkCharts(o.Content, f)
	case *chartView:
		f(o)
	}
}

// noteShownCharts tells the chart cache which of its images are on screen, on the page
// or the slide shown: they stay while shown, outside the cache's budget. It is called
// once a page or slide has taken its images from the cache, and when a render arrives;
// not for each image taken, which would let the cache evict the page's other images
// before they are taken.
func (u *UI) noteShownCharts() {
	var root fyne.CanvasObject
	switch {
	case u.presenting && u.pres != nil:
		root = u.pres.current
	case u.cur != nil:
		root = u.cur.root
	}
	var keys []chart.Key
	if root != nil {
		walkCharts(root, func(v *chartView) {
			if v.img.Image != nil {
				keys = append(keys, v.want)
			}
		})
	}
	u.charts.SetShown(keys)
}

// freeTextures lets Fyne free at once the textures it made to draw a tree that has left
// the screen (a page left for another, a slide passed), rather than a minute later: the
// text and shapes of the tree, and the images of its charts. A page drawn again makes
// them anew from what it still holds.
func (u *UI) freeTextures(o fyne.CanvasObject) {
	c := u.win.Canvas()
	c.Refresh(o) // Fyne frees the textures of a refreshed tree, except its images'
	walkCharts(o, func(v *chartView) { c.Refresh(v.img) })
}
