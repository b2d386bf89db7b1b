package review

import (
	"bytes"
	"strings"
	"testing"

	"workreport/app/importer"
	"workreport/app/report"
)

const sample = "2019年某市政府工作报告\n\n一、2018年工作回顾\n\n过去一年，地区生产总值增长6.6%，总量突破900亿元。城镇新增就业5.2万人。全市至少有一人稳定就业的家庭增加。\n\n二、2019年工作安排\n\n今年全市发展主要预期目标是：地区生产总值增长6%－6.5%；城镇新增就业5万人以上；生态环境质量持续改善。\n"

func openSample(t *testing.T) *Doc {
	t.Helper()
	res, err := importer.Import("某市.txt", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Open("某市.yaml", res.YAML)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func byPhrase(t *testing.T, r *report.Report, phrase string) *report.Figure {
	t.Helper()
	for _, f := range r.Figures() {
		if f.Phrase == phrase {
			return f
		}
	}
	t.Fatalf("no figure %q", phrase)
	return nil
}

// The file as it stands loads as exactly the report shown.
func assertFileIsReport(t *testing.T, d *Doc) {
	t.Helper()
	r, err := report.Load("saved.yaml", d.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Figures()) != len(d.Report().Figures()) {
		t.Fatalf("file has %d figures, report %d", len(r.Figures()), len(d.Report().Figures()))
	}
	for i, f := range r.Figures() {
		g := d.Report().Figures()[i]
		if f.ID != g.ID || f.Indicator != g.Indicator || f.Nature != g.Nature || f.Review != g.Review || f.Phrase != g.Phrase || f.Pair != g.Pair || f.Value != g.Value || f.Unit != g.Unit || f.Bound != g.Bound {
			t.Errorf("figure %d: file %+v, shown %+v", i, f, g)
		}
	}
}

func TestEditUndoConfirm(t *testing.T) {
	d := openSample(t)
	before := bytes.Clone(d.Bytes())
	gdp := byPhrase(t, d.Report(), "6.6%")
	if err := d.Set(gdp.ID, "指标", "全市地区生产总值增速"); err != nil {
		t.Fatal(err)
	}
	if got := d.Report().Figure(gdp.ID).Indicator; got != "全市地区生产总值增速" || !d.Dirty() {
		t.Fatalf("indicator %q after the edit", got)
	}
	if err := d.Set(gdp.ID, "时期", "2018"); err != nil {
		t.Fatal(err)
	}
	if !d.Undo() || d.Report().Figure(gdp.ID).Indicator != "全市地区生产总值增速" {
		t.Fatal("undo took back more than the last edit")
	}
	if !d.Undo() || !bytes.Equal(d.Bytes(), before) || d.CanUndo() {
		t.Fatal("two undos do not give back the file as imported")
	}
	if err := d.Confirm(gdp.ID); err != nil {
		t.Fatal(err)
	}
	if f := d.Report().Figure(gdp.ID); !f.Confirmed() || f.ReviewNote != "" {
		t.Errorf("confirmed figure: %+v", f)
	}
	assertFileIsReport(t, d)
}

func TestBadEditLeavesTheFile(t *testing.T) {
	d := openSample(t)
	before := bytes.Clone(d.Bytes())
	f := byPhrase(t, d.Report(), "5万人以上")
	for field, value := range map[string]string{"限定": "左右", "性质": "猜测", "数值": "6", "对应": "nope", "时期": "明年"} {
		err := d.Set(f.ID, field, value)
		if err == nil {
			t.Errorf("%s=%s accepted", field, value)
			continue
		}
		if !strings.ContainsFunc(err.Error(), func(r rune) bool { return r >= 0x4e00 }) {
			t.Errorf("%s=%s: message not in Chinese: %v", field, value, err)
		}
	}
	if err := d.Set(f.ID, "原文", "改写的原文"); err == nil {
		t.Error("the sentence was edited")
	}
	if !bytes.Equal(d.Bytes(), before) || d.CanUndo() || d.Dirty() {
		t.Error("a refused edit changed the file")
	}
}

func TestConfirmSectionRemoveAdd(t *testing.T) {
	d := openSample(t)
	r := d.Report()
	var review *report.Section
	for _, s := range r.Sections {
		if s.Role == report.RoleReview && review == nil {
			review = s
		}
	}
	n, err := d.ConfirmSection(review.ID)
	if err != nil || n != len(review.AllFigures()) || n == 0 {
		t.Fatalf("confirmed %d of %d: %v", n, len(review.AllFigures()), err)
	}
	for _, f := range d.Report().Section(review.ID).AllFigures() {
		if !f.Confirmed() {
			t.Errorf("%s not confirmed", f.ID)
		}
	}
	// Removing the result a target is paired with drops the pair, and keeps the words
	// accounted for.
	res := byPhrase(t, d.Report(), "5.2万人")
	target := byPhrase(t, d.Report(), "5万人以上")
	if target.Pair != res.ID {
		t.Fatalf("target paired with %q, want %s", target.Pair, res.ID)
	}
	if err := d.Remove(res.ID); err != nil {
		t.Fatal(err)
	}
	if d.Report().Figure(res.ID) != nil || d.Report().Figure(target.ID).Pair != "" {
		t.Error("removed figure or its pair remains")
	}
	if un := d.Report().Uncovered(); len(un) > 0 {
		t.Errorf("numbers unaccounted for after removal: %v", un)
	}
	// Add it back from the sentence, as a reviewer selecting its words.
	sec := d.Report().Section(review.ID)
	para := sec.Items[0]
	fields, err := importer.FigureAt(para, "5.2万人", sec.Role, d.Report().Year)
	if err != nil {
		t.Fatal(err)
	}
	fields.Section = sec.ID
	id, err := d.Add(fields, "审核时手工添加")
	if err != nil {
		t.Fatal(err)
	}
	f := d.Report().Figure(id)
	if f == nil || f.Value != 5.2 || f.Unit != "万人" || f.Nature != report.Result || f.Confirmed() || f.Section.ID != sec.ID {
		t.Fatalf("added figure: %+v", f)
	}
	if err := d.Set(target.ID, "对应", id); err != nil {
		t.Fatal(err)
	}
	if _, err := importer.FigureAt(para, "一人", sec.Role, 2019); err == nil {
		t.Error("a word without a figure was accepted")
	}
	if err := d.SetSectionRole(review.ID, report.RoleOther); err != nil || d.Report().Section(review.ID).Role != report.RoleOther {
		t.Errorf("section role: %v", err)
	}
	assertFileIsReport(t, d)
}

func TestQueueClosesCallsFirst(t *testing.T) {
	d := openSample(t)
	q := d.Queue()
	seenPlain := false
	for _, f := range q {
		if f.Confirmed() {
			t.Errorf("%s is confirmed but queued", f.ID)
		}
		if f.ReviewNote == "" {
			seenPlain = true
		} else if seenPlain {
			t.Errorf("close call %s after a plain figure", f.ID)
		}
	}
	if len(q) != d.Report().Unconfirmed() {
		t.Errorf("queue %d, unconfirmed %d", len(q), d.Report().Unconfirmed())
	}
}

func TestSetInfo(t *testing.T) {
	d := openSample(t)
	if err := d.SetInfo(map[string]string{"place": "某市"}); err != nil || d.Report().Place != "某市" {
		t.Fatalf("place: %v %q", err, d.Report().Place)
	}
	if err := d.SetInfo(map[string]string{"year": "二〇一九"}); err == nil {
		t.Error("a year in words was accepted")
	}
	if err := d.SetInfo(map[string]string{"year": "2020", "title": "某市2020年政府工作报告"}); err != nil || d.Report().Year != 2020 {
		t.Errorf("year: %v", err)
	}
	if err := d.SetInfo(map[string]string{"title": ""}); err == nil {
		t.Error("an empty title was accepted")
	}
}

// A figure's fields and its section's role change as one edit; one undo takes both back.
func TestUpdateIsOneEdit(t *testing.T) {
	d := openSample(t)
	f := byPhrase(t, d.Report(), "6.6%")
	before := bytes.Clone(d.Bytes())
	n := d.Edits()
	if err := d.Update(f.ID, map[string]string{"指标": "增速"}, f.Section.ID, report.RoleOther); err != nil {
		t.Fatal(err)
	}
	if d.Report().Section(f.Section.ID).Role != report.RoleOther || d.Report().Figure(f.ID).Indicator != "增速" || d.Edits() != n+1 {
		t.Fatal("update not applied")
	}
	d.Undo()
	if !bytes.Equal(d.Bytes(), before) {
		t.Error("one undo did not take the whole update back")
	}
	if err := d.Update(f.ID, map[string]string{"指标": "增速"}, "nope", report.RoleOther); err == nil || !bytes.Equal(d.Bytes(), before) {
		t.Error("a failed update changed the file")
	}
}

// A person's verdict is kept in the file, replaced by a new one, and removed.
func TestSetOverride(t *testing.T) {
	d := openSample(t)
	o := report.Override{Year: 2018, Indicator: "地区生产总值增速", Target: "7%左右", Verdict: "达成", Note: "统计局修订"}
	if err := d.SetOverride(o); err != nil || len(d.Report().Overrides) != 1 {
		t.Fatalf("%v %+v", err, d.Report().Overrides)
	}
	o.Verdict, o.Note = "未达成", "复核"
	if err := d.SetOverride(o); err != nil || len(d.Report().Overrides) != 1 || d.Report().Overrides[0].Verdict != "未达成" {
		t.Fatalf("replace: %v %+v", err, d.Report().Overrides)
	}
	o.Note = ""
	if err := d.SetOverride(o); err == nil {
		t.Error("an override without a reason was accepted")
	}
	o.Verdict = ""
	if err := d.SetOverride(o); err != nil || len(d.Report().Overrides) != 0 || strings.Contains(string(d.Bytes()), "verdicts") {
		t.Errorf("remove: %v %+v", err, d.Report().Overrides)
	}
	assertFileIsReport(t, d)
}
