package session

import "workreport/app/workspace"

// The open report's place in the library, and its data file when it is being reviewed.

// KeyImportDir is the setting that remembers where reports were last imported from.
const KeyImportDir = "importDir"

// Entry is the library key of the open report ("" for an import not saved yet).
func (s *Session) Entry() string { return s.entry }

// SetEntry records which library report is open.
func (s *Session) SetEntry(key string) { s.entry = key }

// Draft is the open report's data file under review, or nil before review starts.
func (s *Session) Draft() *workspace.Draft { return s.draft }

// OpenDraft shows a report whose data file can be reviewed: an import, or a report of
// the library. key is its library key, "" for an import not saved yet.
func (s *Session) OpenDraft(d *workspace.Draft, key string) {
	s.draft, s.entry = d, key
	s.replace(d.Report(), key)
}

// Review starts review of the open report from its data file, which holds the same
// report: the page on show and the history stay.
func (s *Session) Review(d *workspace.Draft) {
	s.draft = d
	s.Edited()
}

// Edited shows the report as the data file stands after an edit or undo, staying on the
// page on show and keeping the history.
func (s *Session) Edited() {
	if s.draft == nil {
		return
	}
	s.rebuildPagesFor(s.draft.Report())
	s.changed()
}
