package views

import (
	"errors"
	"fmt"
	"image"
	"image/draw"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/session"
)

// SlideSize is the size slides are saved at: a 1920×1080 PNG fills a 16:9 slide in
// PowerPoint or WPS.
var SlideSize = fyne.NewSize(1920, 1080)

// slideFileName names the file of slide i (from 0): 幻灯片 001.png.
func slideFileName(i int) string { return fmt.Sprintf("幻灯片 %03d.png", i+1) }

// errCancelled ends a save the user cancelled.
var errCancelled = errors.New("已取消")

// deckSize is the size the presentation lays its slides out for: the full screen it
// was last shown on, or this screen's, or a 1920×1080 one when neither is known. Saved
// slides are laid out for it, so that their numbers are the ones said aloud.
func (u *UI) deckSize() fyne.Size {
	if u.pres != nil && !u.pres.size.IsZero() {
		return u.pres.size
	}
	if s, ok := screenSize(fyne.CurrentApp()); ok {
		return s
	}
	return SlideSize
}

// exportSlides saves every slide, laid out as the presentation lays it out on this
// screen and drawn at 1920×1080, as PNG files in a new folder named after the report
// inside the folder the user chooses.
func (u *UI) exportSlides() {
	size := u.deckSize()
	n := u.slideCount(size)
	u.deps.PickFolder(u.win, u.exportFolder(session.KeySlidesDir), func(dir string) {
		if dir == "" {
			return
		}
		u.runSaveSlides(dir, folderFor(dir, safeName(u.sess.Report().Title)+" 幻灯片"), size, n)
	})
}

// safeName makes a report's title a file name on Windows: without the characters
// Windows forbids, and not too long.
func safeName(title string) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 32 {
			return '_'
		}
		return r
	}, strings.TrimSpace(title))
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60])
	}
	s = strings.TrimRight(s, ". ")
	if s == "" {
		s = "报告"
	}
	return s
}

// folderFor is a folder of the name in dir that does not exist yet: the name, or the
// name with (2), (3)… after it.
func folderFor(dir, name string) string {
	p := filepath.Join(dir, name)
	for i := 2; ; i++ {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s (%d)", name, i))
	}
}

// runSaveSlides draws and saves the slides into a hidden folder beside the final one,
// and gives it the final name once every slide is saved: a failure or a cancel leaves
// no partial set, only what was there before.
func (u *UI) runSaveSlides(dir, final string, size fyne.Size, n int) {
	bar := widget.NewProgressBar()
	count := mutedText(fmt.Sprintf("第 0 / %d 张", n), theme.SizeNameText)
	var cancelled atomic.Bool
	progress := u.modal(progressDialog, "正在保存幻灯片…", container.NewVBox(pathText(final), bar, count), 480,
		modalButton{label: "取消", cancel: true, keepOpen: true, action: func() {
			cancelled.Store(true)
			count.runs = []textRun{{text: "正在取消……", colour: colourMuted}}
			count.Refresh()
		}})
	deck := u.deck(size)
	m := metricsFor(size)
	k := min(SlideSize.Width/size.Width, SlideSize.Height/size.Height)
	m.pixels = k
	names := make([]string, len(deck))
	for i := range names {
		names[i] = slideFileName(i)
	}
	u.deps.Exec.Go(func() {
		var tmp string
		err := os.MkdirAll(dir, 0o755)
		if err == nil {
			tmp, err = os.MkdirTemp(dir, ".幻灯片保存中-")
		}
		var paths []string
		if err == nil {
			paths, err = u.deps.SaveImages(tmp, names, func(i int) (image.Image, error) {
				if cancelled.Load() {
					return nil, errCancelled
				}
				img := renderSlide(u.buildSlideWithBackground(deck[i], m), size, k)
				fyne.Do(func() {
					bar.SetValue(float64(i+1) / float64(len(names)))
					if !cancelled.Load() {
						count.runs = []textRun{{text: fmt.Sprintf("第 %d / %d 张", i+1, len(names)), colour: colourMuted}}
						count.Refresh()
					}
				})
				return img, nil
			})
			if err == nil && cancelled.Load() {
				err = errCancelled // pressed after the last slide was drawn
			}
			if err == nil {
				err = renameRetrying(tmp, final)
			}
			if err != nil {
				os.RemoveAll(tmp)
			}
		} else {
			err = fmt.Errorf("无法在“%s”中创建文件夹：%w", dir, err)
		}
		fyne.Do(func() {
			progress.Hide()
			switch {
			case errors.Is(err, errCancelled):
				u.status("已取消保存幻灯片，没有留下任何文件")
			case err != nil:
				u.showError("保存幻灯片失败", fmt.Errorf("%w\n\n没有保存任何幻灯片，文件夹中原有的文件没有改动。", err))
			default:
				u.sess.Settings().SetString(session.KeySlidesDir, dir)
				u.status(fmt.Sprintf("已保存 %d 张幻灯片到：%s", len(paths), final))
				u.showSaved("幻灯片已保存", fmt.Sprintf("已把 %d 张幻灯片（与演示时的编号相同，1920×1080 的 PNG 图片）保存到：", len(paths)), final, false)
			}
		})
	})
}

// renameRetrying gives the folder its final name, trying again for a moment: on Windows
// a virus scanner or the indexer may still hold the files just written.
func renameRetrying(from, to string) error {
	var err error
	for range 10 {
		if err = os.Rename(from, to); err == nil {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return err
}

// renderSlide draws a slide laid out for a size at k image pixels a unit, centred on a
// 1920×1080 image of the theme's background.
func renderSlide(o fyne.CanvasObject, size fyne.Size, k float32) image.Image {
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetScale(k)
	c.SetContent(o)
	c.Resize(size)
	img := c.Capture()
	out := image.NewNRGBA(image.Rect(0, 0, int(SlideSize.Width), int(SlideSize.Height)))
	draw.Draw(out, out.Bounds(), image.NewUniform(themeColour(theme.ColorNameBackground)), image.Point{}, draw.Src)
	b := img.Bounds()
	at := image.Pt((out.Bounds().Dx()-b.Dx())/2, (out.Bounds().Dy()-b.Dy())/2)
	draw.Draw(out, b.Sub(b.Min).Add(at), img, b.Min, draw.Over)
	return out
}
