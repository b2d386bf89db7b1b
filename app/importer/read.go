package importer

import (
	"strings"

	"workreport/app/report"
)

// FigureAt reads the figure a person selected in a paragraph, as an import would read
// it: its number, unit and qualifier from the words, and its nature, measure, name and
// period from the sentence around them. role is the role of the paragraph's section and
// year the report's. The result holds the data file's fields by name (原文表述, 原文,
// 数值, 单位, 限定, 性质, 指标, …). It fails when the selection holds no figure: a
// number without a unit, a year or an ordinal.
func FigureAt(paragraph, selected string, role report.Role, year int) (report.FigureText, error) {
	selected = strings.TrimSpace(selected)
	at := strings.Index(paragraph, selected)
	if selected == "" || at < 0 {
		return report.FigureText{}, &Error{Msg: "所选文字不在这段原文中，请在原文里选中数字及其单位"}
	}
	if strings.Count(paragraph, selected) > 1 {
		return report.FigureText{}, &Error{Msg: "所选的“" + selected + "”在这段原文中出现了不止一次，请连同前后几个字一起选中（如“失业率5%左右”），以便确定是哪一处"}
	}
	sec := &section{id: "s", role: role}
	s := newScanner(sec, 0, paragraph, year)
	s.scan()
	var found []*fig
	for _, f := range s.figs {
		if f.start > at+len(selected) || f.start+len(f.phrase) < at {
			continue
		}
		if strings.Contains(selected, f.phrase) || strings.Contains(f.phrase, selected) {
			found = append(found, f)
		}
	}
	if len(found) > 1 {
		return report.FigureText{}, &Error{Msg: "所选文字包含多项数据（" + found[0].phrase + "、" + found[1].phrase + "……），请只选中一项的数字及其单位"}
	}
	if len(found) == 0 {
		return report.FigureText{}, &Error{Msg: "所选的“" + selected + "”中没有可作为数据的数字（数字须带单位，年份、序号和名称不算数据）。请选中数字及其单位，如“6.6%”“1100万人以上”"}
	}
	f := found[0]
	return f.written(role), nil
}
