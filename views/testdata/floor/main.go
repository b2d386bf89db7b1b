// Command floor is the smallest Fyne window, built the way WorkReport is (same Fyne,
// tags and flags). .ci/perf measures WorkReport against it: the time to a visible
// window and the peak memory are the toolkit's own floor.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("cn.jiangmen.workreport.floor")
	w := a.NewWindow("Floor · 图解")
	w.SetContent(widget.NewLabel("政府工作报告"))
	w.Resize(fyne.NewSize(1280, 820))
	w.ShowAndRun()
}
