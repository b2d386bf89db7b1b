package report

import (
	"slices"
	"strings"
)

// The fields of a figure have one home: these names, which the data file, the TSV and
// workbook columns, the importer, the review and the forms all use.

// Figure field names in the data file, which are also the column names of the figures
// table in the TSV output, the workbook and the review form.
const (
	FieldID         = "编号"
	FieldSection    = "章节"
	FieldIndicator  = "指标"
	FieldNature     = "性质"
	FieldRole       = "角色"
	FieldMeasure    = "口径"
	FieldPeriod     = "时期"
	FieldBasis      = "基础"
	FieldValue      = "数值"
	FieldUpper      = "上限"
	FieldUnit       = "单位"
	FieldUnitSource = "单位出处"
	FieldBound      = "限定"
	FieldStrive     = "力争"
	FieldDirection  = "方向"
	FieldPhrase     = "原文表述"
	FieldSentence   = "原文"
	FieldPair       = "对应"
	FieldReview     = "审核"
	FieldReviewNote = "审核说明"
	FieldOf         = "从属"
	FieldBrief      = "简述"
	FieldFormula    = "推算"
)

// Figure keys by format: format 2 adds the range's upper bound, period, basis,
// direction, role and review mark.
var (
	figureKeys1 = []string{FieldID, FieldSection, FieldIndicator, FieldNature, FieldMeasure, FieldValue, FieldUnit,
		FieldBound, FieldStrive, FieldPhrase, FieldSentence, FieldPair, FieldOf, FieldBrief, FieldFormula}
	figureKeys2 = []string{FieldID, FieldSection, FieldIndicator, FieldNature, FieldRole, FieldMeasure, FieldPeriod, FieldBasis,
		FieldValue, FieldUpper, FieldUnit, FieldUnitSource, FieldBound, FieldStrive, FieldDirection, FieldPhrase, FieldSentence, FieldPair,
		FieldOf, FieldBrief, FieldFormula, FieldReview, FieldReviewNote}
)

// FigureFields are the fields a figure may have in a data file of the current format,
// in the order they are written.
func FigureFields() []string { return slices.Clone(figureKeys2) }

// FigureText is a figure as the data file writes it: each field as text. The importer
// writes figures so, a person's addition is made of one, and an edit is the difference
// between two. Empty fields are left out of the file.
type FigureText struct {
	Section, Indicator, Nature, Role, Measure, Period, Basis string
	Value, Upper, Unit, UnitSource, Bound, Strive, Direction string
	Phrase, Sentence, Pair, Review, ReviewNote               string
}

// Fields lists the text's fields by their names in the data file's order, with their
// values, the empty ones included.
func (t FigureText) Fields() [][2]string {
	return [][2]string{
		{FieldSection, t.Section}, {FieldIndicator, t.Indicator}, {FieldNature, t.Nature}, {FieldRole, t.Role},
		{FieldMeasure, t.Measure}, {FieldPeriod, t.Period}, {FieldBasis, t.Basis}, {FieldValue, t.Value},
		{FieldUpper, t.Upper}, {FieldUnit, t.Unit}, {FieldUnitSource, t.UnitSource}, {FieldBound, t.Bound}, {FieldStrive, t.Strive},
		{FieldDirection, t.Direction}, {FieldPhrase, t.Phrase}, {FieldSentence, t.Sentence}, {FieldPair, t.Pair},
		{FieldReview, t.Review}, {FieldReviewNote, t.ReviewNote},
	}
}

// Written are the fields the data file writes for the text, in order: the non-empty
// ones, and the unit of a figure with a number even when it has none (a fraction).
func (t FigureText) Written() [][2]string {
	var out [][2]string
	for _, kv := range t.Fields() {
		if kv[1] != "" || kv[0] == FieldUnit && t.Value != "" {
			out = append(out, kv)
		}
	}
	return out
}

// Map is the fields the data file writes for the text, by name.
func (t FigureText) Map() map[string]string {
	m := map[string]string{}
	for _, kv := range t.Written() {
		m[kv[0]] = kv[1]
	}
	return m
}

// Changed are the fields among names in which t differs from before, by name: the edit
// a form makes. A field emptied is present with "".
func (t FigureText) Changed(before FigureText, names []string) map[string]string {
	old := before.Fields()
	out := map[string]string{}
	for i, kv := range t.Fields() {
		if v := strings.TrimSpace(kv[1]); slices.Contains(names, kv[0]) && v != old[i][1] {
			out[kv[0]] = v
		}
	}
	return out
}

// TextOf is a figure's text as a person edits it: the fields the data file states for
// it. A period, direction or role the file leaves to its default is empty.
func TextOf(f *Figure) FigureText {
	t := FigureText{Indicator: f.Indicator, Nature: string(f.Nature), Measure: f.Measure, Basis: string(f.Basis),
		Value: f.NumberString(), Upper: f.UpperString(), UnitSource: f.UnitSource, Bound: f.Bound, Strive: f.Strive,
		Phrase: f.Phrase, Sentence: f.Sentence, Pair: f.Pair, Review: string(f.Review), ReviewNote: f.ReviewNote}
	if f.HasValue {
		t.Unit = f.Unit
	}
	if f.Section != nil {
		t.Section = f.Section.ID
	}
	if f.PeriodStated {
		t.Period = f.Period.String()
	}
	if f.DirectionStated {
		t.Direction = string(f.Direction)
	}
	if f.RoleStated {
		t.Role = string(f.Role)
	}
	return t
}

// Editable are the fields a reviewer may change. The phrase and the sentence are the
// text's own words and are never edited; the number is read from the phrase.
var Editable = []string{FieldIndicator, FieldNature, FieldRole, FieldMeasure, FieldPeriod, FieldBasis, FieldValue,
	FieldUpper, FieldUnit, FieldBound, FieldStrive, FieldDirection, FieldPair}

// An override's fields in the data file (the verdicts list), in the order written.
const (
	OverrideYear      = "年份"
	OverrideIndicator = "指标"
	OverrideTarget    = "目标"
	OverrideVerdict   = "判定"
	OverrideNote      = "说明"
)

// OverrideFields are an override's fields in the data file, in the order written.
var OverrideFields = []string{OverrideYear, OverrideIndicator, OverrideTarget, OverrideVerdict, OverrideNote}
