package views

import (
	"fmt"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/widget"

	"workreport/app/session"
)

// SlideSize is the size slides are saved at: a 1920×1080 PNG fills a 16:9 slide in
// PowerPoint or WPS.
var SlideSize = fyne.NewSize(1920, 1080)

// slideFileName names the file of slide i (from 0): 幻灯片 001.png.
func slideFileName(i int) string { return fmt.Sprintf("幻灯片 %03d.png", i+1) }

// exportSlides saves every slide as a 1920×1080 PNG in a folder the user chooses, laid
// out as on screen.
func (u *UI) exportSlides() {
	n := u.slideCount(SlideSize)
	u.deps.PickFolder(u.win, u.exportFolder(session.KeySlidesDir), func(dir string) {
		if dir == "" {
			return
		}
		names := make([]string, n)
		for i := range names {
			names[i] = slideFileName(i)
		}
		u.confirmOverwrite(dir, names, func() { u.runSaveSlides(dir, names) })
	})
}

func (u *UI) runSaveSlides(dir string, names []string) {
	bar := widget.NewProgressBar()
	progress := u.modal(progressDialog, "正在保存幻灯片…", bar, 420)
	deck := u.deck(SlideSize)
	m := metricsFor(SlideSize)
	u.deps.Exec.Go(func() {
		paths, err := u.deps.SaveImages(dir, names, func(i int) (image.Image, error) {
			img := renderOffscreen(u.buildSlideWithBackground(deck[i], m), SlideSize)
			fyne.Do(func() { bar.SetValue(float64(i+1) / float64(len(names))) })
			return img, nil
		})
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				u.showError("保存幻灯片失败", fmt.Errorf("%w\n\n已保存 %d 张，共 %d 张。", err, len(paths), len(names)))
				return
			}
			u.sess.Settings().SetString(session.KeySlidesDir, dir)
			u.status(fmt.Sprintf("已保存 %d 张幻灯片到：%s", len(paths), dir))
			u.showSaved("幻灯片已保存", fmt.Sprintf("已保存 %d 张 1920×1080 的 PNG 图片到：", len(paths)), dir, false)
		})
	})
}

// renderOffscreen draws an object at a size with the software painter and the app's
// theme, off any window.
func renderOffscreen(o fyne.CanvasObject, size fyne.Size) image.Image {
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(o)
	c.Resize(size)
	return c.Capture()
}
