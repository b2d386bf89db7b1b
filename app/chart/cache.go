package chart

import (
	"image"
	"sync"

	"workreport/app/task"
)

// CacheBudget bounds the memory the chart cache holds, in bytes of pixels: a page of
// charts at 2x, or four full-screen slides. Only the page on screen keeps its charts'
// images; the cache serves going back to a page or a slide, and changes of size.
const CacheBudget = 16 << 20

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
	for c.bytes > CacheBudget && len(c.images) > 1 {
		var oldest Key
		var min uint64 = ^uint64(0)
		for key, e := range c.images {
			if e.used < min && key != k {
				oldest, min = key, e.used
			}
		}
		c.bytes -= c.images[oldest].size
		delete(c.images, oldest)
	}
}

// Len returns how many images the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.images)
}

// Bytes returns the pixel bytes the cache holds.
func (c *Cache) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}
