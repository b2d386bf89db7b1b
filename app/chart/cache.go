package chart

import (
	"image"
	"sync"

	"workreport/app/task"
)

// CacheBudget bounds the memory the chart cache holds for images not on screen, in bytes
// of pixels: the charts of the pages last left (at 125% a page's charts take 0.3–9 MB),
// or the chart of the slide before at full screen. The images on screen are kept besides
// (see SetShown). The cache serves going back to a page or a slide, and changes of size.
const CacheBudget = 8 << 20

// Key identifies one rendered image: the spec's content, the exact pixel size and the
// ground it is drawn on.
type Key struct {
	Hash   uint64
	W, H   int
	Scale  float64
	Ground string
}

// Cache renders charts through an executor and keeps the images, so that a chart is
// rendered again only when its size or its data changes. It is safe for concurrent use.
type Cache struct {
	exec    task.Executor
	mu      sync.Mutex
	images  map[Key]*entry
	pending map[Key][]func(image.Image, error)
	shown   map[Key]bool // on screen: kept outside the budget
	bytes   int
	tick    uint64
}

type entry struct {
	img  image.Image
	err  error
	used uint64
	size int
}

// NewCache returns a cache that renders through exec. task.Sync makes every render
// synchronous, for tests.
func NewCache(exec task.Executor) *Cache {
	return &Cache{exec: exec, images: map[Key]*entry{}, pending: map[Key][]func(image.Image, error){}}
}

// Get returns the image of s at w×h pixels if it is ready. Otherwise it starts rendering
// it (once, however often it is asked for) and later calls done with the image — or with
// a placeholder and the error — on the executor's goroutine.
func (c *Cache) Get(s *Spec, w, h int, scale float64, g Ground, done func(image.Image, error)) (image.Image, error, bool) {
	k := Key{Hash: s.Hash(), W: w, H: h, Scale: scale, Ground: g.Name}
	c.mu.Lock()
	if e, ok := c.images[k]; ok {
		c.tick++
		e.used = c.tick
		c.mu.Unlock()
		return e.img, e.err, true
	}
	waiting, started := c.pending[k]
	c.pending[k] = append(waiting, done)
	c.mu.Unlock()
	if !started {
		c.exec.Go(func() {
			img, err := RenderOrPlaceholder(s, w, h, scale, g)
			c.mu.Lock()
			c.store(k, img, err)
			callbacks := c.pending[k]
			delete(c.pending, k)
			c.mu.Unlock()
			for _, cb := range callbacks {
				if cb != nil {
					cb(img, err)
				}
			}
		})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.images[k]; ok { // a synchronous executor has finished already
		return e.img, e.err, true
	}
	return nil, nil, false
}

// store keeps an image and evicts the least recently used ones beyond the budget.
// c.mu is held.
func (c *Cache) store(k Key, img image.Image, err error) {
	size := 0
	if img != nil {
		b := img.Bounds()
		size = b.Dx() * b.Dy() * 4
	}
	c.tick++
	c.images[k] = &entry{img: img, err: err, used: c.tick, size: size}
	c.bytes += size
	c.evict(k)
}

// SetShown tells the cache which images are on screen now, replacing what it was told
// before. Their memory is taken anyway, so they are neither evicted nor counted against
// the budget while shown; the rest is evicted down to the budget, least recently used
// first.
func (c *Cache) SetShown(keys []Key) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.shown = make(map[Key]bool, len(keys))
	for _, k := range keys {
		c.shown[k] = true
	}
	c.evict(Key{})
}

// evict removes the least recently used images not on screen, other than keep, until
// those not on screen fit the budget. c.mu is held.
func (c *Cache) evict(keep Key) {
	offscreen := 0
	for key, e := range c.images {
		if !c.shown[key] {
			offscreen += e.size
		}
	}
	for offscreen > CacheBudget {
		var oldest Key
		found, min := false, ^uint64(0)
		for key, e := range c.images {
			if e.used < min && key != keep && !c.shown[key] {
				oldest, min, found = key, e.used, true
			}
		}
		if !found {
			return
		}
		size := c.images[oldest].size
		offscreen -= size
		c.bytes -= size
		delete(c.images, oldest)
	}
}

// Len returns how many images the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.images)
}

// Bytes returns the pixel bytes the cache holds, on screen or not.
func (c *Cache) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}
