package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
)

// A snapshot is a validated report in a compact binary form (gob). The embedded report
// ships with one, made from its YAML when the data changes, so that starting the app or
// a command does not parse and validate the same YAML every time: decoding the snapshot
// takes a fraction of the time. A snapshot records the SHA-256 of the YAML it was made
// from, and ends with the SHA-256 of its own bytes; one that does not match its YAML or
// its checksum is ignored and the YAML is loaded instead, so a stale or damaged snapshot
// can slow a start down but never show different data.

// snapshotFormat changes whenever the snapshot layout or the model changes.
const snapshotFormat = 1

type snapshot struct {
	Format     int
	YAMLSHA256 [sha256.Size]byte
	Name       string
	Title      string
	City       string
	Year       int
	Source     Source
	Headline   string
	Lead       string
	Sections   []snapSection
	NonFigures []NonFigure
	Figures    []snapFigure
}

type snapSection struct {
	ID, Title, Intro string
	Items            []string
	Article          bool
	Sections         []snapSection
}

// snapFigure is a Figure with its pointers replaced by ids.
type snapFigure struct {
	Figure    // Section and Formula are nil
	SectionID string
	Formula   *snapFormula
}

type snapFormula struct {
	Op          string
	Left, Right string // figure ids
	Exact       float64
}

// makeSnapshot loads and validates the report in yamlData, then encodes it as a snapshot.
func makeSnapshot(name string, yamlData []byte) ([]byte, error) {
	r, err := Load(name, yamlData)
	if err != nil {
		return nil, err
	}
	s := snapshot{Format: snapshotFormat, YAMLSHA256: sha256.Sum256(yamlData),
		Name: r.Name, Title: r.Title, City: r.City, Year: r.Year, Source: r.Source,
		Headline: r.Headline, Lead: r.Lead, Sections: snapSections(r.Sections), NonFigures: r.NonFigures}
	for _, f := range r.figures {
		sf := snapFigure{Figure: *f, SectionID: f.Section.ID}
		sf.Section, sf.Figure.Formula = nil, nil
		if fm := f.Formula; fm != nil {
			sf.Formula = &snapFormula{Op: fm.Op, Left: fm.Left.ID, Right: fm.Right.ID, Exact: fm.Exact}
		}
		s.Figures = append(s.Figures, sf)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&s); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(buf.Bytes())
	return append(buf.Bytes(), sum[:]...), nil
}

func snapSections(ss []*Section) []snapSection {
	var out []snapSection
	for _, s := range ss {
		out = append(out, snapSection{ID: s.ID, Title: s.Title, Intro: s.Intro, Items: s.Items,
			Article: s.Article, Sections: snapSections(s.Sections)})
	}
	return out
}

// fromSnapshot decodes a snapshot made from yamlData. It fails if the snapshot was made
// from other data, by another format, or is damaged.
func fromSnapshot(data, yamlData []byte) (r *Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("snapshot: %v", p)
		}
	}()
	if len(data) < sha256.Size {
		return nil, fmt.Errorf("snapshot: too short")
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, fmt.Errorf("snapshot: damaged")
	}
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&s); err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	if s.Format != snapshotFormat {
		return nil, fmt.Errorf("snapshot: format %d, want %d", s.Format, snapshotFormat)
	}
	if s.YAMLSHA256 != sha256.Sum256(yamlData) {
		return nil, fmt.Errorf("snapshot: made from other data")
	}
	r = &Report{Name: s.Name, Title: s.Title, City: s.City, Year: s.Year, Source: s.Source,
		Headline: s.Headline, Lead: s.Lead, NonFigures: s.NonFigures,
		byID: map[string]*Figure{}, sections: map[string]*Section{}}
	r.Sections = r.linkSections(s.Sections, nil)
	r.figures = make([]*Figure, len(s.Figures))
	figs := make([]Figure, len(s.Figures)) // one allocation for all figures
	for i, sf := range s.Figures {
		f := &figs[i]
		*f = sf.Figure
		sec := r.sections[sf.SectionID]
		if sec == nil || r.byID[f.ID] != nil {
			return nil, fmt.Errorf("snapshot: figure %q is inconsistent", f.ID)
		}
		f.Section = sec
		sec.figures = append(sec.figures, f)
		r.figures[i] = f
		r.byID[f.ID] = f
	}
	for i, sf := range s.Figures {
		if fm := sf.Formula; fm != nil {
			left, right := r.byID[fm.Left], r.byID[fm.Right]
			if left == nil || right == nil {
				return nil, fmt.Errorf("snapshot: formula of %q is inconsistent", sf.ID)
			}
			r.figures[i].Formula = &Formula{Op: fm.Op, Left: left, Right: right, Exact: fm.Exact}
		}
	}
	return r, nil
}

func (r *Report) linkSections(ss []snapSection, parent *Section) []*Section {
	var out []*Section
	for _, s := range ss {
		sec := &Section{ID: s.ID, Title: s.Title, Intro: s.Intro, Items: s.Items, Article: s.Article, Parent: parent}
		r.sections[s.ID] = sec
		sec.Sections = r.linkSections(s.Sections, sec)
		out = append(out, sec)
	}
	return out
}
