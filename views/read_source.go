package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/report"
)

// showSource shows a figure's provenance: the sentence it comes from with the figure
// highlighted, where that sentence sits, and for a derived figure how it was computed.
func (u *UI) showSource(f *report.Figure) {
	var parts []fyne.CanvasObject
	add := func(label, value string) {
		parts = append(parts, wrapped(label+"："+value))
	}
	add("指标", f.Indicator)
	add("数值", f.ValueText()+"（"+string(f.Nature)+"，"+f.Measure+"）")
	if f.Section != nil {
		add("章节", f.Section.PathString())
	}
	if f.Nature == report.Derived && f.Formula != nil {
		add("推算", f.Phrase)
		add("说明", "报告中没有这个数字，由上面两项原文数据计算得出")
	}
	parts = append(parts, widget.NewSeparator(), wrapped("原文："), newTextBlock(theme.SizeNameText, sentenceRuns(f)...))
	copyB := newButton("复制原文", theme.ContentCopyIcon(), func() {
		u.clipboard().SetContent(f.Sentence)
		u.status("已复制原文")
	})
	u.modal(resultDialog, "数据出处", scrolled(container.NewVBox(append(parts, copyB)...), 380), 640, modalButton{label: "关闭", primary: true})
}

// sentenceRuns is a figure's sentence with its printed value highlighted.
func sentenceRuns(f *report.Figure) []textRun {
	s := f.Sentence
	i, j, ok := f.PhraseAt()
	if !ok {
		return []textRun{{text: s}}
	}
	return []textRun{{text: s[:i]}, {text: s[i:j], colour: natureColour(f.Nature), figure: true}, {text: s[j:]}}
}
