package report

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"workreport/app/zhtext"
)

// Strive words a target may carry in the 力争 column.
var striveWords = []string{"力争", "争取"}

// validate checks what the decoder cannot check field by field: references between
// figures and sections, and that every figure traces back to the text.
func (d *decoder) validate(r *Report) {
	if r == nil {
		return
	}
	for i, f := range r.figures {
		raw := d.raw[i]
		if f.ID == "" {
			continue
		}
		if prev, dup := r.byID[f.ID]; dup {
			d.fail(raw.nodes[FieldID], raw.path+"."+FieldID, fmt.Sprintf("“%s”与第%d行的数据重复，编号必须唯一", f.ID, prev.Line))
			continue
		}
		r.byID[f.ID] = f
	}
	for i, f := range r.figures {
		d.placeFigure(r, f, d.raw[i])
	}
	for i, f := range r.figures {
		d.checkValue(f, d.raw[i])
		d.checkDirection(f, d.raw[i])
	}
	if len(d.errs) > 0 {
		return // references below assume every figure and section is sound on its own
	}
	for i, f := range r.figures {
		d.checkReferences(r, f, d.raw[i])
	}
	if len(d.errs) > 0 {
		return
	}
	for i, f := range r.figures {
		if f.Nature == Derived {
			d.derive(r, f, d.raw[i])
		}
	}
	d.pairBack(r)
	digest := r.digestText()
	found := map[string]bool{}
	for i, nf := range r.NonFigures {
		if nf.Text == "" || found[nf.Text] {
			continue
		}
		found[nf.Text] = strings.Contains(digest, nf.Text)
		if !found[nf.Text] {
			d.fail(nil, fmt.Sprintf("nonfigures[%d].文本", i), "“"+nf.Text+"”在报告摘要文本中找不到")
		}
	}
}

// at returns the node of a field, or the figure's first field for missing ones, so that
// every message carries a line number.
func (raw rawFigure) at(field string) *yaml.Node {
	if n := raw.nodes[field]; n != nil {
		return n
	}
	return raw.nodes[FieldID]
}

func (d *decoder) failf(raw rawFigure, field, format string, args ...any) {
	d.fail(raw.at(field), raw.path+"."+field, fmt.Sprintf(format, args...))
}

// placeFigure finds the figure's section and locates its 原文 and 原文表述 in the text.
func (d *decoder) placeFigure(r *Report, f *Figure, raw rawFigure) {
	secID := raw.section
	if secID == "" {
		// The longest section id that prefixes the figure id names its section.
		for id := range r.sections {
			if strings.HasPrefix(f.ID, id+".") && len(id) > len(secID) {
				secID = id
			}
		}
		if secID == "" {
			d.failf(raw, FieldID, "“%s”不以任何分节的 id 开头，无法确定章节；请填写 章节 字段", f.ID)
			return
		}
	}
	s := r.sections[secID]
	if s == nil {
		d.failf(raw, FieldSection, "指向不存在的分节“%s”", secID)
		return
	}
	f.Section = s
	s.figures = append(s.figures, f)
	if !f.RoleStated {
		f.Role = s.Role
	}
	if !f.PeriodStated {
		f.Period = s.Period
	}

	if f.Nature == Derived {
		if raw.nodes[FieldPhrase] != nil || raw.nodes[FieldSentence] != nil {
			d.failf(raw, FieldPhrase, "推算数据的原文表述和原文由软件根据推算式生成，不要填写")
		}
		return
	}
	if f.Sentence == "" {
		d.failf(raw, FieldSentence, "缺失：每个数据都要注明含有它的原文句子")
		return
	}
	if f.Phrase == "" {
		d.failf(raw, FieldPhrase, "缺失：请填写原文中含数字、单位和限定词的片段")
		return
	}
	block, at := -1, -1
	for i, b := range s.Blocks() {
		if j := strings.Index(b.Text, f.Sentence); j >= 0 {
			block, at = i, j
			break
		}
	}
	if block < 0 {
		if where := r.findText(f.Sentence); where != nil {
			d.failf(raw, FieldSentence, "不在所属章节“%s”中，而在“%s”中；请改正编号或章节", s.Title, where.Title)
		} else {
			d.failf(raw, FieldSentence, "在报告文本中找不到，请逐字核对：“%s”", clip(f.Sentence, 40))
		}
		return
	}
	hits := zhtext.IndexAlone(f.Sentence, f.Phrase)
	switch len(hits) {
	case 0:
		d.failf(raw, FieldPhrase, "“%s”在原文中找不到", f.Phrase)
		return
	case 1:
	default:
		d.failf(raw, FieldPhrase, "“%s”在原文中出现了%d次，无法确定是哪一处；请把原文缩短到只含一处", f.Phrase, len(hits))
		return
	}
	start := at + hits[0]
	f.Location = Location{Block: block, Start: start, End: start + len(f.Phrase)}
	if f.Strive != "" && !strings.Contains(f.Sentence, f.Strive) {
		d.failf(raw, FieldStrive, "“%s”在原文中找不到", f.Strive)
	}
	if f.Brief != "" && !strings.Contains(f.Brief, f.Phrase) {
		d.failf(raw, FieldBrief, "“%s”应包含原文表述“%s”，以免改动数字", f.Brief, f.Phrase)
	}
	if w := basisWords[f.Basis]; w != "" && !strings.Contains(f.Sentence, w) {
		d.failf(raw, FieldBasis, "是“%s”，但原文中没有“%s”；基础只记原文写明的", f.Basis, w)
	}
}

// holds reports whether the section's text holds the words.
func (s *Section) holds(words string) bool {
	for _, b := range s.Blocks() {
		if strings.Contains(b.Text, words) {
			return true
		}
	}
	return false
}

// basisWords are the words a sentence must hold for a figure to have each basis.
var basisWords = map[Basis]string{Comparable: "可比", Real: "实际", Nominal: "名义", YearEnd: "年末", YearAverage: "平均"}

// checkValue checks that number, unit and bound are present as the nature requires and
// that they parse back from the 原文表述.
func (d *decoder) checkValue(f *Figure, raw rawFigure) {
	if f.Strive != "" && !slices.Contains(striveWords, f.Strive) {
		d.failf(raw, FieldStrive, "只能是“力争”或“争取”，实际为“%s”", f.Strive)
	}
	if f.Strive != "" && f.Nature != Target && f.Nature != Qualitative {
		d.failf(raw, FieldStrive, "只有目标才有力争词，此数据的性质是%s", f.Nature)
	}
	switch f.Nature {
	case Qualitative:
		for _, c := range []string{FieldValue, FieldUpper, FieldUnit, FieldBound, FieldFormula} {
			if raw.nodes[c] != nil {
				d.failf(raw, c, "定性数据没有数字，不应填写%s", c)
			}
		}
		return
	case Derived:
		if raw.formula == "" {
			d.failf(raw, FieldFormula, "缺失：推算数据要写明推算式，如“编号A ÷ 编号B”")
		}
		if f.Unit == "" {
			d.failf(raw, FieldUnit, "为空")
		}
		if f.Bound != "" {
			d.failf(raw, FieldBound, "推算数据不带限定词")
		}
		return
	}
	if raw.formula != "" {
		d.failf(raw, FieldFormula, "只有性质为推算的数据才能填写推算式")
	}
	if f.IsRange && !f.HasValue {
		d.failf(raw, FieldUpper, "区间要同时填写数值（下限）和上限")
	}
	if !f.HasValue {
		if raw.nodes[FieldValue] == nil {
			d.failf(raw, FieldValue, "缺失：%s数据必须有数值", f.Nature)
		}
		return
	}
	if f.Unit == "" && !IsFraction(f.Phrase) {
		if raw.nodes[FieldUnit] == nil {
			d.failf(raw, FieldUnit, "为空")
		}
		return
	}
	if f.Phrase == "" {
		return // reported by placeFigure
	}
	var got Parsed
	var err error
	if f.UnitSource != "" {
		// A table's number: its unit is stated in the column's head or the table's unit line.
		if !strings.Contains(f.UnitSource, f.Unit) {
			d.failf(raw, FieldUnitSource, "“%s”中没有单位“%s”", f.UnitSource, f.Unit)
		} else if f.Section != nil && !f.Section.holds(f.UnitSource) {
			d.failf(raw, FieldUnitSource, "“%s”不在数据所在的分节中", f.UnitSource)
		}
		if f.Bound != "" {
			d.failf(raw, FieldBound, "表格中的数字没有限定词")
		}
		got, err = ParseCell(f.Phrase)
	} else {
		got, err = ParsePhraseOf(f.Phrase, f.Unit, f.Bound, f.Indicator)
	}
	switch {
	case errors.Is(err, errNoBound):
		d.failf(raw, FieldBound, "“%s”不在原文表述“%s”的开头或结尾", f.Bound, f.Phrase)
	case errors.Is(err, errNoUnit):
		if f.Unit == RankUnit {
			d.failf(raw, FieldUnit, "排名的原文表述应为“第N”或“N强”，实际为“%s”", f.Phrase)
		} else {
			d.failf(raw, FieldUnit, "“%s”不在原文表述“%s”的数字之后", f.Unit, f.Phrase)
		}
	case errors.Is(err, errBadRange):
		d.failf(raw, FieldPhrase, "“%s”是区间，但上限不大于下限", f.Phrase)
	case err != nil:
		hint := ""
		if f.Bound == "" {
			hint = "（是否漏填了限定？）"
		}
		d.failf(raw, FieldPhrase, "“%s”去掉限定和单位后是“%s”，不是数字%s", f.Phrase, got.Printed, hint)
	case got.Value != f.Value:
		what := "数字"
		if got.IsRange {
			what = "下限"
		}
		d.failf(raw, FieldValue, "是 %s，但原文表述“%s”中的%s是 %s", FormatNumber(f.Value), f.Phrase, what, FormatNumber(got.Value))
	case got.IsRange && !f.IsRange:
		d.failf(raw, FieldValue, "原文表述“%s”是区间：数值填下限 %s，上限填 %s", f.Phrase, FormatNumber(got.Value), FormatNumber(got.Upper))
	case !got.IsRange && f.IsRange:
		d.failf(raw, FieldUpper, "只有区间（如“6%%－6.5%%”）才填写上限，“%s”不是区间", f.Phrase)
	case got.IsRange && got.Upper != f.Upper:
		d.failf(raw, FieldUpper, "是 %s，但原文表述“%s”中的上限是 %s", FormatNumber(f.Upper), f.Phrase, FormatNumber(got.Upper))
	}
}

// checkDirection checks a stated direction and fills in the default one. Only a result
// or a target with a number has a direction.
func (d *decoder) checkDirection(f *Figure, raw rawFigure) {
	applies := f.HasValue && (f.Nature == Target || f.Nature == Result)
	if f.DirectionStated && !applies {
		d.failf(raw, FieldDirection, "只有带数值的目标和实绩才有方向，此数据是%s", f.Nature)
		return
	}
	if !f.DirectionStated && applies {
		f.Direction = defaultDirection(f)
	}
}

// checkReferences resolves 对应 and 从属.
func (d *decoder) checkReferences(r *Report, f *Figure, raw rawFigure) {
	if f.Pair != "" {
		p := r.byID[f.Pair]
		switch {
		case p == nil:
			d.failf(raw, FieldPair, "指向不存在的编号“%s”", f.Pair)
		case p == f:
			d.failf(raw, FieldPair, "不能指向自己")
		case !((f.Nature == Target && p.Nature == Result) || (f.Nature == Result && p.Nature == Target)):
			d.failf(raw, FieldPair, "只能把目标与实绩对应，这里是%s对%s", f.Nature, p.Nature)
		case f.Measure != p.Measure || f.Unit != p.Unit:
			d.failf(raw, FieldPair, "“%s”（%s，%s）与“%s”（%s，%s）口径或单位不同，不是同一指标",
				f.ID, f.Measure, f.Unit, p.ID, p.Measure, p.Unit)
		case f.Basis != p.Basis:
			d.failf(raw, FieldPair, "“%s”的基础是%s，“%s”的基础是%s：计算基础不同，不是同一指标，不能对应",
				f.ID, basisName(f.Basis), p.ID, basisName(p.Basis))
		case f.Nature == Result && p.Pair != "" && p.Pair != f.ID:
			d.failf(raw, FieldPair, "指向“%s”，但该目标对应的是“%s”", p.ID, p.Pair)
		}
	}
	if f.Of != "" {
		seen := map[*Figure]bool{f: true}
		for x := f; x != nil && x.Of != ""; {
			p := r.byID[x.Of]
			if p == nil {
				d.failf(raw, FieldOf, "指向不存在的编号“%s”", x.Of)
				return
			}
			if seen[p] {
				d.failf(raw, FieldOf, "形成了循环引用（%s）", p.ID)
				return
			}
			seen[p] = true
			x = p
		}
	}
}

// basisName names a basis in a message, including the unstated one.
func basisName(b Basis) string {
	if b == "" {
		return "“未注明”"
	}
	return "“" + string(b) + "”"
}

// pairBack fills 对应 on results from the targets that point to them, so that both sides
// of a pair name each other. The first target in file order is the main one.
func (d *decoder) pairBack(r *Report) {
	for _, f := range r.figures {
		if f.Nature == Target && f.Pair != "" {
			if res := r.byID[f.Pair]; res.Pair == "" {
				res.Pair = f.ID
			}
		}
	}
}

// derive computes a derived figure from its formula: 编号A ÷ 编号B or 编号A × 编号B.
// Percentages are used as fractions. The result is rounded to one decimal.
func (d *decoder) derive(r *Report, f *Figure, raw rawFigure) {
	var op string
	var parts []string
	for _, o := range []string{"÷", "×", "/", "*"} {
		if p := strings.Split(raw.formula, o); len(p) == 2 {
			op, parts = o, p
			break
		}
	}
	switch op {
	case "/":
		op = "÷"
	case "*":
		op = "×"
	case "":
		d.failf(raw, FieldFormula, "应为“编号A ÷ 编号B”或“编号A × 编号B”，实际为“%s”", raw.formula)
		return
	}
	in := make([]*Figure, 2)
	for i, p := range parts {
		id := strings.TrimSpace(p)
		x := r.byID[id]
		switch {
		case x == nil:
			d.failf(raw, FieldFormula, "引用了不存在的编号“%s”", id)
			return
		case !x.HasValue || x.Nature == Derived || x.Nature == Qualitative:
			d.failf(raw, FieldFormula, "只能由有数值的原文数据推算，“%s”是%s数据", id, x.Nature)
			return
		}
		in[i] = x
	}
	a, b := in[0].Value, in[1].Value
	if in[0].Unit == "%" {
		a /= 100
	}
	if in[1].Unit == "%" {
		b /= 100
	}
	exact := a * b
	if op == "÷" {
		if b == 0 {
			d.failf(raw, FieldFormula, "除数“%s”为零", in[1].ID)
			return
		}
		exact = a / b
	}
	if math.IsInf(exact, 0) || math.IsNaN(exact) {
		d.failf(raw, FieldFormula, "结果不是有效数字")
		return
	}
	v := math.Round(exact*10) / 10
	if f.HasValue && f.Value != v {
		d.failf(raw, FieldValue, "是 %s，但按推算式计算并%s得 %s", FormatNumber(f.Value), Rounding, FormatNumber(v))
		return
	}
	f.Value, f.HasValue = v, true
	f.Formula = &Formula{Op: op, Left: in[0], Right: in[1], Exact: exact}
	f.Phrase = fmt.Sprintf("%s %s %s ≈ %s%s（%s）", in[0].Phrase, op, in[1].Phrase, FormatNumber(v), f.Unit, Rounding)
	f.Sentence = in[0].Sentence
	if in[1].Sentence != in[0].Sentence {
		f.Sentence += " / " + in[1].Sentence
	}
}

// findText returns the first section whose text contains s, digest before article.
func (r *Report) findText(s string) *Section {
	var found *Section
	for _, article := range []bool{false, true} {
		r.WalkSections(func(sec *Section) {
			if found != nil || sec.Top().Article != article {
				return
			}
			for _, b := range sec.Blocks() {
				if strings.Contains(b.Text, s) {
					found = sec
					return
				}
			}
		})
		if found != nil {
			break
		}
	}
	return found
}
