package views

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
	"workreport/app/compare"
	"workreport/app/report"
	"workreport/app/review"
	"workreport/app/session"
)

// The page of a year's targets against the results the next year's report states.

// verdictColour is the colour a verdict is written in.
func verdictColour(v compare.Verdict) fyne.ThemeColorName {
	switch v {
	case compare.Met:
		return colourMet
	case compare.MostlyMet:
		return colourTarget
	case compare.Missed:
		return colourMissed
	}
	return colourMuted
}

// verdictParts lays out a verdict page: every target with its result, verdict, gap and
// reason, a button to both sentences, the copy button and the rules.
func (u *UI) verdictParts(pn *panel, m *session.PageModel) []fyne.CanvasObject {
	v := m.Verdicts
	id := pn.page.ID
	copyB := newButton("复制本页数据", theme.ContentCopyIcon(), func() {
		u.clipboard().SetContent(u.sess.VerdictsTSV(id))
		u.status(fmt.Sprintf("已复制 %d 项目标的完成情况（制表符分隔，可直接粘贴到 Excel 或 WPS 表格）", len(v.Rows)))
	})
	copyB.Importance = widget.LowImportance
	counts := map[compare.Verdict]int{}
	for _, r := range v.Rows {
		counts[r.Verdict]++
	}
	summary := fmt.Sprintf("%d 年的 %d 项主要目标：", v.Year, len(v.Rows))
	for _, verdict := range compare.Verdicts {
		summary += fmt.Sprintf("%s %d 项　", verdict, counts[verdict])
	}
	parts := []fyne.CanvasObject{
		wrapped(summary),
		u.subheading(fmt.Sprintf("目标与实绩（%d 项）", len(v.Rows)), copyB),
	}
	pn.verdictRows = nil
	for _, row := range v.Rows {
		row := row
		line := []textRun{
			{text: row.Indicator + "　", colour: colourHeading},
			{text: "目标 ", colour: colourMuted}, {text: row.TargetText(), colour: colourTarget, figure: true},
		}
		if res := row.ResultText(); res != "" {
			line = append(line, textRun{text: "　实绩 ", colour: colourMuted}, textRun{text: res, colour: colourResult, figure: true})
		}
		line = append(line, textRun{text: "　" + row.VerdictText(), colour: verdictColour(row.Verdict), figure: true})
		if row.Gap != "" {
			line = append(line, textRun{text: "　差距 " + row.Gap, colour: colourMuted})
		}
		src := newButton("出处", theme.InfoIcon(), func() { u.action(func() { u.showVerdictSource(v, row) }) })
		src.Importance = widget.LowImportance
		manual := newButton("人工判定…", theme.DocumentCreateIcon(), func() { u.action(func() { u.overrideVerdict(v, row) }) })
		manual.Importance = widget.LowImportance
		pn.overrideButtons = append(pn.overrideButtons, manual)
		block := container.NewBorder(nil, nil, nil, container.NewHBox(manual, src), container.NewVBox(
			newTextBlock(theme.SizeNameText, line...),
			mutedText(row.Note, theme.SizeNameCaptionText)))
		pn.verdictRows = append(pn.verdictRows, src)
		parts = append(parts, block, widget.NewSeparator())
	}
	parts = append(parts, u.chartParts(pn, m.Charts)...)
	parts = append(parts, u.subheading("判定规则", nil))
	for i, rule := range v.Rules {
		parts = append(parts, mutedText(fmt.Sprintf("%d. %s", i+1, rule), theme.SizeNameCaptionText))
	}
	return parts
}

// showVerdictSource shows the sentence that set the target and the one that states the
// result, each with its figure highlighted.
func (u *UI) showVerdictSource(v *session.VerdictTable, row compare.Row) {
	parts := []fyne.CanvasObject{
		wrapped(fmt.Sprintf("%s：%s（%s）", row.Indicator, row.VerdictText(), row.Note)),
		widget.NewSeparator(),
		mutedText(fmt.Sprintf("目标（%s）：", v.Prev.Title), theme.SizeNameCaptionText),
		newTextBlock(theme.SizeNameText, sentenceRuns(row.Target)...),
	}
	switch {
	case row.Result != nil:
		parts = append(parts, mutedText(fmt.Sprintf("实绩（%s）：", v.Next.Title), theme.SizeNameCaptionText),
			newTextBlock(theme.SizeNameText, sentenceRuns(row.Result)...))
	case row.Quote != "":
		parts = append(parts, mutedText(fmt.Sprintf("%s原文：", v.Next.Title), theme.SizeNameCaptionText), wrapped(row.Quote))
	default:
		parts = append(parts, mutedText(fmt.Sprintf("%s中没有找到对应的实绩。", v.Next.Title), theme.SizeNameCaptionText))
	}
	u.modal(resultDialog, "目标与实绩的出处", scrolled(container.NewVBox(parts...), 360), 680, modalButton{label: "关闭", primary: true})
}

// charts lays out a page's charts under a heading.
func (u *UI) chartParts(pn *panel, specs []*chart.Spec) []fyne.CanvasObject {
	if len(specs) == 0 {
		return nil
	}
	parts := []fyne.CanvasObject{u.subheading(fmt.Sprintf("图表（%d 张）", len(specs)), nil)}
	for _, s := range specs {
		cv := newChartView(u, s)
		pn.charts = append(pn.charts, cv)
		parts = append(parts, cv)
	}
	return parts
}

// trendParts lays out an indicator over the years: the choice of indicator, the chart,
// and the table, which copies to the clipboard.
func (u *UI) trendParts(pn *panel, m *session.PageModel) []fyne.CanvasObject {
	t := m.Trend
	choose := widget.NewSelect(t.Indicators, nil)
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

// overrideVerdict lets a person give a target a verdict of their own, with the reason.
// It is kept with the later report: in the open report's file when that is the later
// one (saved with it), otherwise written into the library at once.
func (u *UI) overrideVerdict(v *session.VerdictTable, row compare.Row) {
	const none = "（取消人工判定，恢复软件判定）"
	choose := widget.NewSelect(append(append([]string{}, report.OverrideVerdicts...), none), nil)
	choose.SetSelected(string(row.Verdict))
	note := newDialogEntry(u, "")
	note.SetPlaceHolder("理由，如“统计局修订后为7.0%”")
	u.overrideForm = &overrideForm{verdict: choose, note: note}
	form := container.New(layout.NewFormLayout(), wrapped("判定"), choose, wrapped("理由"), note)
	intro := wrapped(fmt.Sprintf("%d年目标：%s %s。软件判定：%s（%s）", row.Year, row.Indicator, row.TargetText(), row.Verdict, row.Note))
	u.modal(questionDialog, "人工判定", container.NewVBox(intro, form), 680,
		modalButton{label: "取消"},
		modalButton{label: "保存判定", primary: true, action: func() {
			o := report.Override{Year: row.Year, Indicator: row.Indicator, Target: row.TargetText(), Verdict: choose.Selected, Note: note.Text}
			if o.Verdict == none {
				o.Verdict, o.Note = "", ""
			}
			u.saveOverride(v, o)
		}})
}

// overrideForm is the open 人工判定 dialog's fields, for tests.
type overrideForm struct {
	verdict *widget.Select
	note    *dialogEntry
}

// saveOverride keeps an override with the later report.
func (u *UI) saveOverride(v *session.VerdictTable, o report.Override) {
	if v.Next == u.sess.Report() {
		d := u.sess.Doc()
		if d == nil {
			var err error
			if d, err = u.openDocFor(); err != nil {
				u.showError("无法保存判定", err)
				return
			}
			u.sess.Review(d)
		}
		u.applyEditTo(d, func(d *review.Doc) error { return d.SetOverride(o) }, "已记下人工判定；保存报告（Ctrl+S）后随报告保存")
		return
	}
	n := u.neighbours[fmt.Sprintf("%s/%d", v.Next.Place, v.Next.Year)]
	if n.r != v.Next {
		u.showError("无法保存判定", errors.New("报告库中找不到这份报告，判定没有保存。"))
		return
	}
	_, data, err := u.deps.Library.Open(n.entry)
	var d *review.Doc
	if err == nil {
		d, err = review.Open(filepath.Base(n.key), data)
	}
	if err == nil {
		err = d.SetOverride(o)
	}
	if err != nil {
		u.showError("无法保存判定", fmt.Errorf("%w\n\n判定没有保存。", err))
		return
	}
	e, err := u.deps.Library.Save(d.Bytes(), d.Report(), n.entry.Path)
	if err != nil {
		u.showError("无法保存判定", err)
		return
	}
	u.libraryChanged()
	u.sess.SetLibrary(u.library())
	u.rebuild()
	u.status(fmt.Sprintf("已保存人工判定到报告库：%s（%s）", e.Title, filepath.Base(e.Path)))
}

// benchmarkParts lays out the year's targets of different places side by side: a row
// per indicator, rates charted, amounts marked as not comparable.
func (u *UI) benchmarkParts(pn *panel, m *session.PageModel) []fyne.CanvasObject {
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
	for i := range cells {
		cells[i].(*textBlock).widest = cells[i].(*textBlock).Text()
	}
	return append(parts, container.New(&tableLayout{cols: len(header)}, cells...))
}

// editTolerance sets how far short of a 左右 target a result may fall and still be
// 基本达成, and judges the targets again.
func (u *UI) editTolerance() {
	t := u.sess.Tolerance()
	rate := newDialogEntry(u, report.FormatNumber(t.Rate))
	share := newDialogEntry(u, report.FormatNumber(t.Share*100))
	u.toleranceForm = [2]*dialogEntry{rate, share}
	form := container.New(layout.NewFormLayout(), wrapped("比率（个百分点）"), rate, wrapped("数量（目标的 %）"), share)
	u.modal(questionDialog, "判定容差", container.NewVBox(
		wrapped("“左右”目标的实绩在不利一侧、差距不超过容差时判为基本达成。"), form), 560,
		modalButton{label: "取消"},
		modalButton{label: "应用", primary: true, action: func() {
			r, err1 := strconv.ParseFloat(strings.TrimSpace(rate.Text), 64)
			sh, err2 := strconv.ParseFloat(strings.TrimSpace(share.Text), 64)
			if err1 != nil || err2 != nil {
				u.showError("容差有误", errors.New("请填写数字，如 0.3 和 3"))
				return
			}
			if err := u.sess.SetTolerance(compare.Tolerance{Rate: r, Share: sh / 100}); err != nil {
				u.showError("容差有误", err)
				return
			}
			u.rebuild()
			u.status(fmt.Sprintf("判定容差：比率 %s 个百分点，数量为目标的 %s%%", report.FormatNumber(r), report.FormatNumber(sh)))
		}})
}
