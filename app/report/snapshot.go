package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
)

// A snapshot is a validated report in a compact binary form (gob). The embedded report
// ships with one, made from its YAML by `go test ./app/report -run Snapshot -update`, so
// that starting the app or a command decodes it in a fraction of the time parsing and
// validating the YAML takes. A snapshot records the SHA-256 of the YAML it was made from
// and ends with the SHA-256 of its own bytes; one that does not match its YAML or its
// checksum is ignored and the YAML is loaded instead, so a stale or damaged snapshot can
// slow a start down but never show different data. TestSnapshotIsCurrent fails when the
// YAML changes without the snapshot, and TestSnapshotLoadsTheSameReport proves the two
// ways into the model give the same report, field for field.
//
// The snapshot holds the model's own types: a field added to Report, Section or Figure
// is carried without a change here.

// snapshotFormat changes whenever the snapshot layout changes.
const snapshotFormat = 2

type snapshot struct {
	Format     int
	YAMLSHA256 [sha256.Size]byte
	Report     Report // without its sections; the unexported indexes are rebuilt
	Sections   []snapSection
	Figures    []snapFigure
}

// snapSection is a Section without its links, and its sub-sections.
type snapSection struct {
	Section  Section // Parent and Sections nil
	Children []snapSection
}

// snapFigure is a Figure with its pointers replaced by ids.
type snapFigure struct {
	Figure    Figure // Section and Formula nil
	SectionID string
	Formula   *snapFormula
}

type snapFormula struct {
	Op          string
	Left, Right string // figure ids
	Exact       float64
}

// MakeSnapshot loads and validates the report in yamlData, then encodes it as a snapshot.
func MakeSnapshot(name string, yamlData []byte) ([]byte, error) {
	r, err := Load(name, yamlData)
	if err != nil {
		return nil, err
	}
	s := snapshot{Format: snapshotFormat, YAMLSHA256: sha256.Sum256(yamlData), Report: *r,
		Sections: snapSections(r.Sections)}
	s.Report.Sections = nil
	for _, f := range r.figures {
		sf := snapFigure{Figure: *f, SectionID: f.Section.ID}
		sf.Figure.Section, sf.Figure.Formula = nil, nil
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
		c := *s
		c.Parent, c.Sections, c.figures = nil, nil, nil
		out = append(out, snapSection{Section: c, Children: snapSections(s.Sections)})
	}
	return out
}

// LoadSnapshot decodes a snapshot made from yamlData. It fails if the snapshot was made
// from other data, by another format, or is damaged.
func LoadSnapshot(data, yamlData []byte) (r *Report, err error) {
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
	r = &s.Report
	r.byID, r.sections = map[string]*Figure{}, map[string]*Section{}
	r.Sections = r.linkSections(s.Sections, nil)
	r.figures = make([]*Figure, len(s.Figures))
	for i := range s.Figures {
		f := &s.Figures[i].Figure
		sec := r.sections[s.Figures[i].SectionID]
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
				return nil, fmt.Errorf("snapshot: formula of %q is inconsistent", sf.Figure.ID)
			}
			r.figures[i].Formula = &Formula{Op: fm.Op, Left: left, Right: right, Exact: fm.Exact}
		}
	}
	return r, nil
}

func (r *Report) linkSections(ss []snapSection, parent *Section) []*Section {
	var out []*Section
	for i := range ss {
		sec := &ss[i].Section
		sec.Parent = parent
		r.sections[sec.ID] = sec
		sec.Sections = r.linkSections(ss[i].Children, sec)
		out = append(out, sec)
	}
	return out
}
