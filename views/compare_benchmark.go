package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/session"
)

// benchmarkParts lays out the year's targets of different places side by side: a row
// per indicator, rates charted, amounts marked as not comparable.
func (s *compareScreen) benchmarkParts(pn *panel, m *session.PageModel) []fyne.CanvasObject {
	u := s.u
	header, rows := m.Benchmark.BenchRows()
	copyB := newButton("复制本页数据", theme.ContentCopyIcon(), func() {
		u.clipboard().SetContent(u.sess.BenchmarkTSV())
		u.status(fmt.Sprintf("已复制 %d 项指标的对标（制表符分隔，可直接粘贴到 Excel 或 WPS 表格）", len(rows)))
	})
	copyB.Importance = widget.LowImportance
	parts := u.chartParts(pn, m.Charts)
	parts = append(parts, u.subheading(fmt.Sprintf("各地目标（%d 项指标）", len(rows)), copyB))
	cells := []fyne.CanvasObject{}
	for _, h := range header {
		cells = append(cells, newTextBlock(theme.SizeNameText, textRun{text: h, colour: colourHeading}))
	}
	for _, r := range rows {
		for i, c := range r {
			colour := fyne.ThemeColorName("")
			switch {
			case i == 0:
				colour = colourHeading
			case i == len(r)-1:
				colour = colourMuted
			default:
				colour = colourTarget
			}
			if c == "" {
				c = "—"
			}
			cells = append(cells, newTextBlock(theme.SizeNameText, textRun{text: c, colour: colour}))
		}
	}
	return append(parts, container.New(&tableLayout{cols: len(header)}, cells...))
}
