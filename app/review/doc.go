// Package review edits a report's data file while a person checks what the software
// read: a figure's fields, its confirmation, its removal, figures added from the text,
// and section roles, with undo. Every edit is validated by loading the file again, so
// the report shown is always exactly the file that will be saved.
package review

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"workreport/app/report"
)

// MaxUndo is how many edits Undo can take back: far more than a review session makes
// between saves, at a few hundred KB each.
const MaxUndo = 200

// Doc is a report's data file under review.
type Doc struct {
	name  string
	root  *yaml.Node // the document node
	rep   *report.Report
	data  []byte   // the file as the report was loaded from it
	undo  [][]byte // the file before each edit, the latest last
	dirty bool
	edits int // edits and undos made, ever
}

// Open reads a data file for review. The file must load as a report.
func Open(name string, data []byte) (*Doc, error) {
	r, err := report.Load(name, data)
	if err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(bytes.TrimPrefix(data, []byte("\ufeff")), &root); err != nil {
		return nil, err
	}
	return &Doc{name: name, root: &root, rep: r, data: data}, nil
}

// Report is the report as the file stands now.
func (d *Doc) Report() *report.Report { return d.rep }

// Bytes is the file as it stands now: what Save writes.
func (d *Doc) Bytes() []byte { return d.data }

// Dirty reports whether the file was edited since it was opened or MarkSaved was called.
func (d *Doc) Dirty() bool { return d.dirty }

// MarkSaved records that the file as it stands has been saved.
func (d *Doc) MarkSaved() { d.dirty = false }

// MarkUnsaved records that the file as it stands is saved nowhere (its saved copy was
// deleted).
func (d *Doc) MarkUnsaved() { d.dirty = true }

// Edits counts the edits and undos made to the file, so that a caller can tell whether
// it changed since a moment it remembers.
func (d *Doc) Edits() int { return d.edits }

// CanUndo reports whether there is an edit to take back.
func (d *Doc) CanUndo() bool { return len(d.undo) > 0 }

// Undo takes back the last edit.
func (d *Doc) Undo() bool {
	if len(d.undo) == 0 {
		return false
	}
	prev := d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	if err := d.reset(prev); err != nil {
		return false // the file before an edit always loaded; this cannot happen
	}
	d.dirty = true
	d.edits++
	return true
}

// reset makes data the file as it stands.
func (d *Doc) reset(data []byte) error {
	r, err := report.Load(d.name, data)
	if err != nil {
		return err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return err
	}
	d.root, d.rep, d.data = &root, r, data
	return nil
}

// edit applies change to the file's tree and keeps it only if the file still loads:
// otherwise the file is left as it was and the loader's message is returned.
func (d *Doc) edit(change func(top *yaml.Node) error) error {
	before := d.data
	top := d.root.Content[0]
	if err := change(top); err != nil {
		_ = d.reset(before)
		return err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d.root); err != nil {
		_ = d.reset(before)
		return err
	}
	_ = enc.Close()
	if err := d.reset(buf.Bytes()); err != nil {
		_ = d.reset(before)
		return err
	}
	d.undo = append(d.undo, before)
	if len(d.undo) > MaxUndo {
		d.undo = d.undo[1:]
	}
	d.dirty = true
	d.edits++
	return nil
}

// ErrNoFigure is returned for an edit of a figure that is not in the report.
var ErrNoFigure = errors.New("报告中没有这项数据")

// Set gives a figure's field (its data file name, such as 指标 or 性质) a new value; an
// empty value removes an optional field. Editing does not confirm the figure.
func (d *Doc) Set(id, field, value string) error {
	return d.SetMany(id, map[string]string{field: value})
}

// SetMany sets several fields of a figure as one edit, so that fields that must agree
// (the qualifier with the phrase, a range's upper bound with its value) change together.
func (d *Doc) SetMany(id string, fields map[string]string) error {
	return d.Update(id, fields, "", "")
}

// Update sets fields of a figure and, when secID is given, the role of a section, as
// one edit that one undo takes back.
func (d *Doc) Update(id string, fields map[string]string, secID string, role report.Role) error {
	for k := range fields {
		if !slices.Contains(report.Editable, k) {
			return fmt.Errorf("“%s”不能修改", k)
		}
	}
	return d.edit(func(top *yaml.Node) error {
		if len(fields) > 0 {
			fm := d.figureNode(top, id)
			if fm == nil {
				return ErrNoFigure
			}
			for _, k := range report.FigureFields() {
				if v, ok := fields[k]; ok {
					setField(fm, k, strings.TrimSpace(v), report.FigureFields())
				}
			}
		}
		if secID != "" {
			return setRole(top, secID, role)
		}
		return nil
	})
}

// Confirm marks figures as checked by a person, dropping the software's doubts.
func (d *Doc) Confirm(ids ...string) error {
	return d.edit(func(top *yaml.Node) error {
		for _, id := range ids {
			fm := d.figureNode(top, id)
			if fm == nil {
				return ErrNoFigure
			}
			setField(fm, report.FieldReview, string(report.Confirmed), report.FigureFields())
			setField(fm, report.FieldReviewNote, "", report.FigureFields())
		}
		return nil
	})
}

// ConfirmSection confirms every figure located in a section and its sub-sections, and
// returns how many were still unconfirmed.
func (d *Doc) ConfirmSection(secID string) (int, error) {
	s := d.rep.Section(secID)
	if s == nil {
		return 0, fmt.Errorf("报告中没有分节 %s", secID)
	}
	var ids []string
	for _, f := range s.AllFigures() {
		if f.IsReported() && !f.Confirmed() {
			ids = append(ids, f.ID)
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	return len(ids), d.Confirm(ids...)
}

// Remove deletes a figure the software read wrongly. Its words stay accounted for: they
// are listed among the numbers that are not figures, as 审核删除. A target paired with it
// loses the pair.
func (d *Doc) Remove(id string) error {
	return d.Omit(id, "审核删除", "审核时确认不是数据")
}

// Omit deletes a figure from the file, listing its words among the numbers that are not
// figures with the category and reason given. A target paired with it loses the pair.
func (d *Doc) Omit(id, kind, reason string) error {
	f := d.rep.Figure(id)
	if f == nil {
		return ErrNoFigure
	}
	return d.edit(func(top *yaml.Node) error {
		figs := mapValue(top, "figures")
		for i := 0; i < len(figs.Content); i++ {
			if fieldValue(figs.Content[i], report.FieldID) == id {
				figs.Content = slices.Delete(figs.Content, i, i+1)
				i--
				continue
			}
			if fieldValue(figs.Content[i], report.FieldPair) == id {
				setField(figs.Content[i], report.FieldPair, "", report.FigureFields())
			}
		}
		if f.IsReported() && f.Phrase != "" && f.HasValue {
			nons := mapValue(top, "nonfigures")
			if nons == nil {
				nons = &yaml.Node{Kind: yaml.SequenceNode}
				top.Content = append(top.Content, scalar("nonfigures"), nons)
			}
			nons.Content = append(nons.Content, mapping("文本", f.Phrase, "类别", kind, "说明", reason))
		}
		return nil
	})
}

// SetSectionRole states a section's role: 回顾, 主要目标, 工作安排 or 其他.
func (d *Doc) SetSectionRole(secID string, role report.Role) error {
	return d.edit(func(top *yaml.Node) error { return setRole(top, secID, role) })
}

func setRole(top *yaml.Node, secID string, role report.Role) error {
	sm := findSection(mapValue(top, "sections"), secID)
	if sm == nil {
		return fmt.Errorf("报告中没有分节 %s", secID)
	}
	setField(sm, "role", string(role), []string{"id", "title", "intro", "items", "sections", "kind", "role", "period", "note"})
	return nil
}

// Add inserts a figure, placed after the figures that come before it in the text. It is
// marked 未审核 with note, since its fields other than the words are a reading.
func (d *Doc) Add(t report.FigureText, note string) (string, error) {
	sec := d.rep.Section(t.Section)
	if sec == nil {
		return "", fmt.Errorf("报告中没有分节 %s", t.Section)
	}
	t.Review, t.ReviewNote = string(report.Unconfirmed), note
	f := t.Map()
	id := d.newID(sec.ID)
	err := d.edit(func(top *yaml.Node) error {
		fm := &yaml.Node{Kind: yaml.MappingNode}
		order := report.FigureFields()
		f[report.FieldID] = id
		for _, k := range order {
			if v, ok := f[k]; ok {
				setField(fm, k, v, order)
			}
		}
		figs := mapValue(top, "figures")
		figs.Content = slices.Insert(figs.Content, d.insertAt(sec, t.Sentence), fm)
		return nil
	})
	return id, err
}

// newID makes an unused 编号 for a figure of a section: s2.f7, then s2.f8….
func (d *Doc) newID(secID string) string {
	for n := len(d.rep.Figures()) + 1; ; n++ {
		id := fmt.Sprintf("%s.a%d", secID, n)
		if d.rep.Figure(id) == nil {
			return id
		}
	}
}

// insertAt is where a new figure of a section goes in the figures list: after the
// figures of the sections before it, and after those of its own section whose sentence
// does not come later in the text.
func (d *Doc) insertAt(sec *report.Section, sentence string) int {
	order := map[*report.Section]int{}
	n := 0
	d.rep.WalkSections(func(s *report.Section) { order[s] = n; n++ })
	text := strings.Join(sec.Items, "\n")
	at := strings.Index(text, sentence)
	pos := 0
	for i, g := range d.rep.Figures() {
		if g.Section == nil {
			continue
		}
		if order[g.Section] < order[sec] || g.Section == sec && strings.Index(text, g.Sentence) <= at {
			pos = i + 1
		}
	}
	return pos
}

// Queue is what is left to check, by group (see Group): the key figures first, then
// each section's in the order of the text, then the other numbers. Among the key
// figures and the other numbers the close calls come first, with their reasons.
func (d *Doc) Queue() []*report.Figure {
	g := newGrouper(d.rep)
	var q []*report.Figure
	for _, f := range d.rep.Figures() {
		if !f.Confirmed() && f.IsReported() {
			q = append(q, f)
		}
	}
	rank := func(f *report.Figure) int {
		grp := g.of(f)
		r := 2 * int(grp)
		if f.ReviewNote == "" && grp != SectionFigures {
			r++
		}
		return r
	}
	slices.SortStableFunc(q, func(a, b *report.Figure) int { return rank(a) - rank(b) })
	return q
}

func (d *Doc) figureNode(top *yaml.Node, id string) *yaml.Node {
	figs := mapValue(top, "figures")
	if figs == nil {
		return nil
	}
	for _, fm := range figs.Content {
		if fieldValue(fm, report.FieldID) == id {
			return fm
		}
	}
	return nil
}

func findSection(seq *yaml.Node, id string) *yaml.Node {
	if seq == nil {
		return nil
	}
	for _, sm := range seq.Content {
		if fieldValue(sm, "id") == id {
			return sm
		}
		if c := findSection(mapValue(sm, "sections"), id); c != nil {
			return c
		}
	}
	return nil
}

// mapValue is the value node of a mapping's key, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func fieldValue(m *yaml.Node, key string) string {
	if v := mapValue(m, key); v != nil {
		return v.Value
	}
	return ""
}

// setField sets a mapping's key to a text value, keeping the keys in order; "" removes it.
func setField(m *yaml.Node, key, value string, order []string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			if value == "" {
				m.Content = slices.Delete(m.Content, i, i+2)
				return
			}
			*m.Content[i+1] = *scalar(value)
			return
		}
	}
	if value == "" {
		return
	}
	rank := slices.Index(order, key)
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(order, m.Content[i].Value); r > rank {
			at = i
			break
		}
	}
	m.Content = slices.Insert(m.Content, at, scalar(key), scalar(value))
}

func scalar(v string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: v, Tag: "!!str"}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		n.Tag = "" // a number is written plain, as the hand-written files do
	}
	return n
}

func mapping(kv ...string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Content = append(m.Content, scalar(kv[i]), scalar(kv[i+1]))
	}
	return m
}

// SetInfo sets the report's title, place or year (the data file fields title, place
// and year) as one edit, when the software read them wrongly or the text does not
// state them.
func (d *Doc) SetInfo(fields map[string]string) error {
	order := []string{"format", "title", "place", "level", "year", "source", "headline", "lead", "sections", "figures", "nonfigures"}
	for k := range fields {
		if !slices.Contains([]string{"title", "place", "year"}, k) {
			return fmt.Errorf("“%s”不能修改", k)
		}
	}
	return d.edit(func(top *yaml.Node) error {
		for _, k := range order {
			if v, ok := fields[k]; ok {
				setField(top, k, strings.TrimSpace(v), order)
			}
		}
		return nil
	})
}

// SetOverride keeps a person's verdict on one of the previous year's targets in this
// report's file, with the reason; an empty verdict removes it.
func (d *Doc) SetOverride(o report.Override) error {
	if o.Verdict != "" && strings.TrimSpace(o.Note) == "" {
		return errors.New("人工判定须写明理由")
	}
	return d.edit(func(top *yaml.Node) error {
		seq := mapValue(top, "verdicts")
		if seq == nil {
			seq = &yaml.Node{Kind: yaml.SequenceNode}
			top.Content = append(top.Content, scalar("verdicts"), seq)
		}
		for i := 0; i < len(seq.Content); i++ {
			m := seq.Content[i]
			if fieldValue(m, report.OverrideYear) == fmt.Sprint(o.Year) && fieldValue(m, report.OverrideIndicator) == o.Indicator && fieldValue(m, report.OverrideTarget) == o.Target {
				seq.Content = slices.Delete(seq.Content, i, i+1)
				i--
			}
		}
		if o.Verdict != "" {
			seq.Content = append(seq.Content, mapping(report.OverrideYear, fmt.Sprint(o.Year), report.OverrideIndicator, o.Indicator, report.OverrideTarget, o.Target,
				report.OverrideVerdict, o.Verdict, report.OverrideNote, strings.TrimSpace(o.Note)))
		}
		if len(seq.Content) == 0 {
			for i := 0; i+1 < len(top.Content); i += 2 {
				if top.Content[i].Value == "verdicts" {
					top.Content = slices.Delete(top.Content, i, i+2)
					break
				}
			}
		}
		return nil
	})
}
