package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/session"
)

// trendParts lays out an indicator over the years: the choice of indicator, the chart,
// and the table, which copies to the clipboard.
func (s *compareScreen) trendParts(pn *panel, m *session.PageModel) []fyne.CanvasObject {
	u := s.u
	t := m.Trend
	choose := newKeySelect(t.Indicators, nil)
	choose.SetSelected(t.Indicator)
	choose.OnChanged = func(name string) {
		if name == t.Indicator {
			return
		}
		u.sess.SetTrendIndicator(name)
		u.rebuild()
	}
	pn.trendChoice = choose
	copyB := newButton("复制本页数据", theme.ContentCopyIcon(), func() {
		u.clipboard().SetContent(u.sess.TrendTSV())
		u.status(fmt.Sprintf("已复制 %d 年的目标与实绩（制表符分隔，可直接粘贴到 Excel 或 WPS 表格）", len(t.Points)))
	})
	copyB.Importance = widget.LowImportance
	parts := []fyne.CanvasObject{container.NewBorder(nil, nil, wrapped("指标"), nil, choose)}
	parts = append(parts, u.chartParts(pn, m.Charts)...)
	parts = append(parts, u.subheading(fmt.Sprintf("逐年目标与实绩（%d 年）", len(t.Points)), copyB))
	for _, row := range t.TrendRows() {
		line := []textRun{{text: row[0] + "年　", colour: colourHeading}}
		if row[2] != "" {
			line = append(line, textRun{text: "目标 ", colour: colourMuted}, textRun{text: row[2], colour: colourTarget, figure: true})
		}
		if row[3] != "" {
			line = append(line, textRun{text: "　实绩 ", colour: colourMuted}, textRun{text: row[3], colour: colourResult, figure: true})
		}
		if row[4] != "" {
			line = append(line, textRun{text: "　" + row[4], colour: colourHeading})
		}
		if row[5] != "" {
			line = append(line, textRun{text: "　差距 " + row[5], colour: colourMuted})
		}
		parts = append(parts, newTextBlock(theme.SizeNameText, line...))
		if row[6] != "" {
			parts = append(parts, mutedText(row[6], theme.SizeNameCaptionText))
		}
	}
	return parts
}
