package workspace

import (
	"fmt"
	"strings"

	"workreport/app/importer"
	"workreport/app/report"
	"workreport/app/review"
)

// Draft is a report's data file under review: every edit is validated against the text
// and can be undone, and the file is saved into the library when the person says so.
type Draft struct {
	doc *review.Doc
}

func openDraft(name string, data []byte) (*Draft, error) {
	doc, err := review.Open(name, data)
	if err != nil {
		return nil, err
	}
	return &Draft{doc: doc}, nil
}

// Report is the report as the file now stands.
func (d *Draft) Report() *report.Report { return d.doc.Report() }

// Dirty reports whether there are edits not saved.
func (d *Draft) Dirty() bool { return d.doc.Dirty() }

// MarkUnsaved records that the file is saved nowhere (its library copy was removed).
func (d *Draft) MarkUnsaved() { d.doc.MarkUnsaved() }

// Edits counts the edits made, for telling whether more were made since a moment.
func (d *Draft) Edits() int { return d.doc.Edits() }

// CanUndo reports whether there is an edit to take back.
func (d *Draft) CanUndo() bool { return d.doc.CanUndo() }

// Undo takes back the last edit.
func (d *Draft) Undo() bool { return d.doc.Undo() }

// Queue is the figures a person still has to check, by review group (ReviewGroup).
func (d *Draft) Queue() []*report.Figure { return d.doc.Queue() }

// Doubts counts the figures of the queue whose reading the software doubted.
func (d *Draft) Doubts() int {
	n := 0
	for _, f := range d.doc.Queue() {
		if f.ReviewNote != "" {
			n++
		}
	}
	return n
}

// Confirm marks a figure as checked by a person.
func (d *Draft) Confirm(id string) error { return d.doc.Confirm(id) }

// ConfirmSection confirms every figure of a section and its parts, and returns how many
// were still unconfirmed.
func (d *Draft) ConfirmSection(secID string) (int, error) { return d.doc.ConfirmSection(secID) }

// Remove deletes a figure that is not one; its words are listed among the numbers that
// are not figures.
func (d *Draft) Remove(id string) error { return d.doc.Remove(id) }

// Edit corrects a figure's reading: to is the figure as the person wants it, in the
// fields a reviewer may change (report.Editable); the fields that differ from the
// figure's are changed, as one edit that undoes at once. sectionRole, when not empty and
// different, states the role of the figure's section too. It reports whether anything
// changed; an edit the text does not bear out is refused, and nothing changes.
func (d *Draft) Edit(id string, to report.FigureText, sectionRole report.Role) (bool, error) {
	f := d.Report().Figure(id)
	if f == nil {
		return false, review.ErrNoFigure
	}
	changed := to.Changed(report.TextOf(f), report.Editable)
	secID, role := "", report.Role("")
	if sectionRole != "" && f.Section != nil && sectionRole != f.Section.Role {
		secID, role = f.Section.ID, sectionRole
	}
	if len(changed) == 0 && secID == "" {
		return false, nil
	}
	return true, d.doc.Update(id, changed, secID, role)
}

// AddSelected adds the figure a person selected in a paragraph of a section, read as an
// import reads it and marked unconfirmed. It returns the figure's words.
func (d *Draft) AddSelected(sec *report.Section, paragraph, selected string) (string, error) {
	t, err := importer.FigureAt(paragraph, selected, sec.Role, d.Report().Year)
	if err != nil {
		return "", err
	}
	for _, f := range sec.Figures() {
		if f.Phrase == t.Phrase && f.Sentence == t.Sentence {
			return "", fmt.Errorf("“%s”已经是一项数据（%s）", f.Phrase, f.Indicator)
		}
	}
	t.Section = sec.ID
	if _, err := d.doc.Add(t, "审核时从原文添加，指标、性质等由软件读出，请核对"); err != nil {
		return "", err
	}
	return t.Phrase, nil
}

// Info is what the library lists a report by.
type Info struct {
	Title, Place, Year string
}

// SetInfo corrects the report's title, place and year.
func (d *Draft) SetInfo(i Info) error {
	return d.doc.SetInfo(map[string]string{"title": strings.TrimSpace(i.Title), "place": strings.TrimSpace(i.Place), "year": strings.TrimSpace(i.Year)})
}

// SetOverride keeps a person's verdict on one of the previous year's targets with this
// report; an empty verdict removes it.
func (d *Draft) SetOverride(o report.Override) error { return d.doc.SetOverride(o) }

// ReviewGroup is a part of the review queue: the key figures, each section's, the rest.
type ReviewGroup = review.Group

// ReviewGroups lists the groups in the order of the queue.
var ReviewGroups = review.Groups

// GroupOf returns the review group of one of the draft's figures.
func (d *Draft) GroupOf(f *report.Figure) ReviewGroup { return d.doc.GroupOf(f) }

// Counts returns how many figures of each review group are left to check.
func (d *Draft) Counts() map[ReviewGroup]int { return d.doc.Counts() }
