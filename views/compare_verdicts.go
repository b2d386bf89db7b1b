package views

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/chart"
	"workreport/app/report"
	"workreport/app/session"
)

// The pages that compare reports: a year's targets against the results the next year's
// report states (this file), an indicator over the years and the year's targets of
// other places (compare_trend.go, compare_benchmark.go).

// compareScreen holds the dialogs of the comparing pages.
type compareScreen struct {
	u             *UI
	overrideForm  *overrideForm   // the open 人工判定 dialog's fields
	toleranceForm [4]*dialogEntry // the open tolerance dialog's rate, share and 基本同步 margins
}

// verdictColour is the colour a verdict is written in.
func verdictColour(t session.VerdictTone) fyne.ThemeColorName {
	switch t {
	case session.ToneMet:
		return colourMet
	case session.ToneMostlyMet:
		return colourTarget
	case session.ToneMissed:
		return colourMissed
	}
	return colourMuted
}

// verdictParts lays out a verdict page: every target with its result, verdict, gap and
// reason, a button to both sentences, the copy button and the rules.
func (s *compareScreen) verdictParts(pn *panel, m *session.PageModel) []fyne.CanvasObject {
	u := s.u
	v := m.Verdicts
	id := pn.page.ID
	copyB := newButton("复制本页数据", theme.ContentCopyIcon(), func() {
		u.clipboard().SetContent(u.sess.VerdictsTSV(id))
		u.status(fmt.Sprintf("已复制 %d 项目标的完成情况（制表符分隔，可直接粘贴到 Excel 或 WPS 表格）", len(v.Rows)))
	})
	copyB.Importance = widget.LowImportance
	parts := []fyne.CanvasObject{wrapped(v.Summary())}
	if v.Context != "" {
		// The year's blanket statement, as context: it decides no single target.
		parts = append(parts, mutedText(fmt.Sprintf("%d年报告的总体评价（仅作背景，不作为任何一项的判定）：“%s”", v.Year+1, v.Context), theme.SizeNameCaptionText))
	}
	parts = append(parts, u.subheading(fmt.Sprintf("目标与实绩（%d 项）", len(v.Rows)), copyB))
	pn.verdictRows = nil
	for _, row := range v.Lines() {
		row := row
		line := []textRun{
			{text: row.Indicator + "　", colour: colourHeading},
			{text: "目标 ", colour: colourMuted}, {text: row.Target, colour: colourTarget, figure: true},
		}
		if row.Result != "" {
			line = append(line, textRun{text: "　实绩 ", colour: colourMuted}, textRun{text: row.Result, colour: colourResult, figure: true})
			if row.Source == session.FromBulletin {
				line = append(line, textRun{text: "（统计公报）", colour: colourMuted})
			}
		}
		line = append(line, textRun{text: "　" + row.Verdict, colour: verdictColour(row.Tone), figure: true})
		if row.Gap != "" {
			line = append(line, textRun{text: "　差距 " + row.Gap, colour: colourMuted})
		}
		src := newButton("出处", theme.InfoIcon(), func() { u.action(func() { s.showVerdictSource(v, row.Row) }) })
		src.Importance = widget.LowImportance
		manual := newButton("人工判定…", theme.DocumentCreateIcon(), func() { u.action(func() { s.overrideVerdict(v, row) }) })
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
func (s *compareScreen) showVerdictSource(v *session.VerdictTable, i int) {
	src := v.RowSource(i)
	parts := []fyne.CanvasObject{
		wrapped(src.Verdict),
		widget.NewSeparator(),
		mutedText(fmt.Sprintf("目标（%s）：", v.Prev.Title), theme.SizeNameCaptionText),
		newTextBlock(theme.SizeNameText, sentenceRuns(src.Target)...),
	}
	switch {
	case src.Result != nil:
		parts = append(parts, mutedText(fmt.Sprintf("实绩（%s）：", src.From), theme.SizeNameCaptionText),
			newTextBlock(theme.SizeNameText, sentenceRuns(src.Result)...))
	case src.Quote != "":
		parts = append(parts, mutedText(fmt.Sprintf("%s原文：", src.From), theme.SizeNameCaptionText), wrapped(src.Quote))
	default:
		parts = append(parts, mutedText(fmt.Sprintf("%s中没有找到对应的实绩。", v.Sources()), theme.SizeNameCaptionText))
		if src.Candidate != "" {
			parts = append(parts, mutedText("最接近的句子（供人工判定参考）：", theme.SizeNameCaptionText), wrapped(src.Candidate))
		}
	}
	s.u.modal(resultDialog, "目标与实绩的出处", scrolled(container.NewVBox(parts...), 360), 680, modalButton{label: "关闭", primary: true})
}

// chartParts lays out a page's charts under a heading.
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

// overrideVerdict lets a person give a target a verdict of their own, with the reason.
func (s *compareScreen) overrideVerdict(v *session.VerdictTable, row session.VerdictLine) {
	u := s.u
	const none = "（取消人工判定，恢复软件判定）"
	choose := newKeySelect(append(append([]string{}, report.OverrideVerdicts...), none), nil)
	choose.SetSelected(strings.TrimSuffix(row.Verdict, "（人工判定）"))
	note := newDialogEntry(u, "")
	note.SetPlaceHolder("理由，如“统计局修订后为7.0%”")
	s.overrideForm = &overrideForm{verdict: choose, note: note}
	form := container.New(layout.NewFormLayout(), formLabel("判定"), choose, formLabel("理由"), note)
	intro := wrapped(fmt.Sprintf("%d年目标：%s %s。软件判定：%s（%s）", v.Year, row.Indicator, row.Target, row.Verdict, row.Note))
	u.modal(questionDialog, "人工判定", container.NewVBox(intro, form), 680,
		cancelButton(nil),
		modalButton{label: "保存判定", primary: true, action: func() {
			verdict, reason := choose.Selected, note.Text
			if verdict == none {
				verdict, reason = "", ""
			}
			s.saveOverride(v, row.Row, verdict, reason)
		}})
}

// overrideForm is the open 人工判定 dialog's fields, for tests.
type overrideForm struct {
	verdict *keySelect
	note    *dialogEntry
}

// saveOverride keeps an override with the later report, and shows the pages again.
func (s *compareScreen) saveOverride(v *session.VerdictTable, i int, verdict, note string) {
	u := s.u
	draft := u.sess.Draft()
	done, err := u.sess.Override(v, i, verdict, note)
	if err != nil {
		u.showError("无法保存判定", fmt.Errorf("%w\n\n判定没有保存。", err))
		return
	}
	if d := u.sess.Draft(); d != draft {
		u.rev.page = nil // the report on show is now reviewed from its data file
	}
	u.dropPanels()
	u.rebuild()
	u.status(done)
}

// editTolerance sets how far short of a 左右 target a result may fall and still be
// 基本达成, and judges the targets again.
func (s *compareScreen) editTolerance() {
	u := s.u
	t := u.sess.Tolerance()
	rate := newDialogEntry(u, report.FormatNumber(t.Rate))
	share := newDialogEntry(u, report.FormatNumber(t.Share*100))
	syncMet := newDialogEntry(u, report.FormatNumber(t.SyncMet))
	syncMostly := newDialogEntry(u, report.FormatNumber(t.SyncMostly))
	s.toleranceForm = [4]*dialogEntry{rate, share, syncMet, syncMostly}
	form := container.New(layout.NewFormLayout(), formLabel("比率（个百分点）"), rate, formLabel("数量（目标的 %）"), share)
	syncForm := container.New(layout.NewFormLayout(), formLabel("达成（个百分点以内）"), syncMet, formLabel("基本达成（个百分点以内）"), syncMostly)
	u.modal(questionDialog, "判定容差", container.NewVBox(
		wrapped("“左右”目标的实绩在不利一侧、差距不超过容差（含容差本身）时判为基本达成。"), form,
		wrapped("“基本同步”：居民收入增速低于经济增速不超过下面第一个幅度为达成，不超过第二个幅度为基本达成。"), syncForm), 600,
		cancelButton(nil),
		modalButton{label: "应用", primary: true, action: func() {
			var v [4]float64
			for i, e := range []*dialogEntry{rate, share, syncMet, syncMostly} {
				x, err := strconv.ParseFloat(strings.TrimSpace(e.Text), 64)
				if err != nil {
					u.showError("容差有误", errors.New("请填写数字，如 0.3、3、0.5 和 1"))
					return
				}
				v[i] = x
			}
			if err := u.sess.SetTolerance(session.Tolerance{Rate: v[0], Share: v[1] / 100, SyncMet: v[2], SyncMostly: v[3]}); err != nil {
				u.showError("容差有误", err)
				return
			}
			u.rebuild()
			u.status(fmt.Sprintf("判定容差：比率 %s 个百分点，数量为目标的 %s%%；基本同步 %s、%s 个百分点",
				report.FormatNumber(v[0]), report.FormatNumber(v[1]), report.FormatNumber(v[2]), report.FormatNumber(v[3])))
		}})
}
