// Package workspace is the application layer between the screens and the domain: the
// library of reports and its rules (which copy of a report wins), the cache of decoded
// reports, and the use cases the screens run: open, import, reimport, save, remove,
// review edits, verdict overrides and export.
package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"workreport/app/export"
	"workreport/app/importer"
	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/review"
)

// Workspace is the user's library and what is done with it. Its methods may be called
// from any goroutine.
type Workspace struct {
	lib *library.Library

	mu       sync.Mutex
	cache    map[string]*decoded // the library's reports by place, year and kind, decoded once
	exporter Exporter
}

// Exporter writes the workbook of a report to path and returns the path written.
type Exporter func(path string, r *report.Report, opt export.Options) (string, error)

// decoded is a report of the library, decoded, with its entry; r is nil when the library
// holds none for the key.
type decoded struct {
	r     *report.Report
	entry library.Entry
}

// New is the workspace of a library.
func New(lib *library.Library) *Workspace {
	return &Workspace{lib: lib, cache: map[string]*decoded{}, exporter: export.Save}
}

// Default is the workspace of the reports built into the app and those saved in the
// user's data folder (see DefaultDir).
func Default(builtIn ...library.Source) *Workspace {
	return New(library.New(DefaultDir(), builtIn...))
}

// DefaultDir is where saved reports live: %APPDATA%\WorkReport\reports on Windows,
// ~/.config/WorkReport/reports on Linux, or a folder under the temporary folder when the
// system names no configuration folder.
func DefaultDir() string {
	dir, err := library.DefaultDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "WorkReport", "reports")
	}
	return dir
}

// Dir is the folder of saved reports.
func (w *Workspace) Dir() string { return w.lib.Dir }

// Entry is a report of the library as its list shows it.
type Entry struct {
	Key         string // the key to open it by
	Title       string
	Place       string
	Year        int
	Kind        report.SourceKind
	BuiltIn     bool
	Path        string // the file of a saved report
	Figures     int
	Unconfirmed int
	Damaged     string // why the file cannot be opened, or ""
	Extract     bool   // the file holds only the reviewed parts of its text
	Group       string // its part of a list around a place (ListAround): the place, 市、区县, 省 or 全国
	label       string
	state       string
}

// Label names the report: place and year.
func (e Entry) Label() string { return e.label }

// State is the report's review state in a few words.
func (e Entry) State() string { return e.state }

func entryOf(l library.Entry) Entry {
	return Entry{Key: l.Key, Title: l.Title, Place: l.Place, Year: l.Year, Kind: l.Kind, BuiltIn: l.BuiltIn,
		Path: l.Path, Figures: l.Figures, Unconfirmed: l.Unconfirmed, Damaged: l.Damaged,
		Extract: l.Extract, label: l.Label(), state: l.State()}
}

// List returns the library's reports around the place of the report the app opens
// with; a damaged file is listed with the reason.
func (w *Workspace) List() []Entry {
	var out []Entry
	for _, e := range w.lib.List() {
		out = append(out, entryOf(e))
	}
	return out
}

// ListAround returns the library's reports, built-in and saved together, those of the
// place first, then the other places by level (市、区县, 省, 全国), newest first; each
// entry's Group names its part of the list.
func (w *Workspace) ListAround(place string) []Entry {
	var out []Entry
	for _, e := range w.lib.ListAround(place) {
		x := entryOf(e)
		x.Group = library.Group(e, place)
		out = append(out, x)
	}
	return out
}

// Default is the key of the report the app opens with: the first built-in one.
func (w *Workspace) Default() string { return w.lib.Default() }

// find returns the library's entry of a key.
func (w *Workspace) find(key string) (library.Entry, bool) {
	for _, e := range w.lib.List() {
		if e.Key == key {
			return e, true
		}
	}
	return library.Entry{}, false
}

// Open decodes a report of the library. A saved report comes with its data file as a
// draft, ready for review; a built-in one does not.
func (w *Workspace) Open(key string) (*report.Report, *Draft, error) {
	e, ok := w.find(key)
	if !ok {
		return nil, nil, fmt.Errorf("报告库中没有这份报告（%s）", key)
	}
	r, data, err := w.lib.Open(e)
	if err != nil || e.BuiltIn {
		return r, nil, err
	}
	d, err := openDraft(filepath.Base(e.Path), data)
	if err != nil {
		return nil, nil, err
	}
	return d.Report(), d, nil
}

// OpenFile loads a report data file from outside the library, as it is.
func (w *Workspace) OpenFile(path string) (*report.Report, error) { return report.LoadFile(path) }

// Importable reports whether a file is an original text the importer reads (.docx,
// .html, .txt …), as opposed to a report data file.
func (w *Workspace) Importable(path string) bool { return importer.Importable(path) }

// Import reads an original text (a file) into a new draft, which is not saved yet; it
// returns the draft and a line that says what was found.
func (w *Workspace) Import(path string) (*Draft, string, error) {
	res, err := importer.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	return draftOf(filepath.Base(path), res)
}

// ImportText reads a text given as bytes (pasted from the clipboard) under a name.
func (w *Workspace) ImportText(name string, data []byte) (*Draft, string, error) {
	res, err := importer.Import(name, data)
	if err != nil {
		return nil, "", err
	}
	return draftOf(name, res)
}

func draftOf(name string, res *importer.Result) (*Draft, string, error) {
	d, err := openDraft(strings.TrimSuffix(name, filepath.Ext(name))+".yaml", res.YAML)
	if err != nil {
		return nil, "", err
	}
	return d, res.Summary(), nil
}

// DraftFor reads the data file of a report on show, for review: a report of the
// library, a data file opened from disk, or an original text imported again. A built-in
// report is reviewed as a copy that is saved into the library.
func (w *Workspace) DraftFor(key string) (*Draft, error) {
	if e, ok := w.find(key); ok {
		_, data, err := w.lib.Open(e)
		if err != nil {
			return nil, err
		}
		return openDraft(filepath.Base(e.Key), data)
	}
	if ext := strings.ToLower(filepath.Ext(key)); ext == ".yaml" || ext == ".yml" {
		data, err := os.ReadFile(key)
		if err != nil {
			return nil, fmt.Errorf("无法读取“%s”：%w", key, err)
		}
		return openDraft(filepath.Base(key), data)
	}
	if key != "" && importer.Importable(key) {
		d, _, err := w.Import(key)
		return d, err
	}
	return nil, errors.New("这份报告不是从报告数据文件打开的，不能审核。请用“文件 › 导入报告…”导入原文后审核。")
}

// Owns reports whether key names a report saved in the library's folder.
func (w *Workspace) Owns(key string) bool { return w.lib.Owns(key) }

// SameAs returns the saved report that a save of r would replace unless the user keeps
// both: the one of the same place, year and kind.
func (w *Workspace) SameAs(r *report.Report) (Entry, bool) {
	e, ok := w.lib.Same(r.Place, r.Year, r.Source.Kind)
	return entryOf(e), ok
}

// Save writes a draft into the library, atomically. replace is the key of the saved
// report it takes the place of, or "" for a new file; a built-in report or a file
// outside the library is never written. The draft is then saved.
func (w *Workspace) Save(d *Draft, replace string) (Entry, error) {
	if d.Report().Year == 0 {
		return Entry{}, ErrNoYear
	}
	e, err := w.lib.Save(d.doc.Bytes(), d.Report(), replace)
	if err != nil {
		return Entry{}, fmt.Errorf("%w\n\n审核修改仍在窗口中，没有丢失。", err)
	}
	d.doc.MarkSaved()
	w.Changed()
	return entryOf(e), nil
}

// ErrNoYear is a draft whose year is not known yet: the text does not state it, and a
// person must before it is saved.
var ErrNoYear = errors.New("报告的年份还没有填写：原文中没有写明是哪一年的报告。请在审核页点“报告信息…”填写年份后再保存。\n\n审核修改仍在窗口中，没有丢失。")

// Remove deletes a saved report.
func (w *Workspace) Remove(key string) error {
	e, ok := w.find(key)
	if !ok {
		return fmt.Errorf("报告库中没有这份报告（%s）", key)
	}
	if err := w.lib.Remove(e); err != nil {
		return err
	}
	w.Changed()
	return nil
}

// Changed forgets the decoded reports, after the library changed on disk.
func (w *Workspace) Changed() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cache = map[string]*decoded{}
}

// Export writes the workbook of a report, atomically, and returns the path written.
func (w *Workspace) Export(path string, r *report.Report, opt export.Options) (string, error) {
	w.mu.Lock()
	e := w.exporter
	w.mu.Unlock()
	return e(path, r, opt)
}

// SetExporter replaces how workbooks are written (export.Save), as a test does to make
// a write fail.
func (w *Workspace) SetExporter(e Exporter) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.exporter = e
}

// kindRank orders the copies of a report of one place and year: a person's own saved
// copy first, then the official full text, then an excerpt, then a digest.
func kindRank(e library.Entry) int {
	rank := map[report.SourceKind]int{report.Official: 0, report.Excerpt: 1, report.Digest: 2}[e.Kind]
	if e.BuiltIn {
		rank += 10
	}
	return rank
}

// report finds the library's report of a place and year among those of a kind of
// source (reports, or bulletins), decoded once and kept: the user's copy over the
// built-in one, the official text over a digest, damaged files skipped.
func (w *Workspace) report(place string, year int, bulletin bool) *decoded {
	key := fmt.Sprintf("%s/%d/%v", place, year, bulletin)
	w.mu.Lock()
	d, ok := w.cache[key]
	w.mu.Unlock()
	if ok {
		return d
	}
	var list []library.Entry
	for _, e := range w.lib.List() {
		if e.Place == place && e.Year == year && e.Damaged == "" && e.Kind.IsBulletin() == bulletin {
			list = append(list, e)
		}
	}
	slices.SortStableFunc(list, func(a, b library.Entry) int { return kindRank(a) - kindRank(b) })
	d = &decoded{}
	for _, e := range list {
		if r, _, err := w.lib.Open(e); err == nil {
			d = &decoded{r: r, entry: e}
			break
		}
	}
	w.mu.Lock()
	w.cache[key] = d
	w.mu.Unlock()
	return d
}

// Neighbour is the library's report of a place and year, or nil; except is the key of
// the report on show, which is not returned (it is at hand already).
func (w *Workspace) Neighbour(place string, year int, except string) *report.Report {
	d := w.report(place, year, false)
	if d.r == nil || d.entry.Key == except {
		return nil
	}
	return d.r
}

// Bulletin is the library's statistical bulletin of a place and year, or nil; except is
// the key of the report on show, never returned.
func (w *Workspace) Bulletin(place string, year int, except string) *report.Report {
	d := w.report(place, year, true)
	if d.r == nil || d.entry.Key == except {
		return nil
	}
	return d.r
}

// Reports are the library's reports of a place, one per year, except the one on show.
func (w *Workspace) Reports(place, except string) []*report.Report {
	var out []*report.Report
	seen := map[int]bool{}
	for _, e := range w.lib.List() {
		if e.Place != place || e.Damaged != "" || e.Kind.IsBulletin() || seen[e.Year] {
			continue
		}
		seen[e.Year] = true
		if r := w.Neighbour(place, e.Year, except); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// Peers are the library's reports of a year from places other than place, one each.
func (w *Workspace) Peers(year int, place, except string) []*report.Report {
	var out []*report.Report
	seen := map[string]bool{place: true}
	for _, e := range w.lib.List() {
		if e.Year != year || e.Damaged != "" || e.Kind.IsBulletin() || seen[e.Place] {
			continue
		}
		seen[e.Place] = true
		if r := w.Neighbour(e.Place, year, except); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// SaveOverride keeps a person's verdict with a report of the library other than the one
// on show (the later report of a pair), written into the library at once: a saved
// report in place, a built-in one as a saved copy.
func (w *Workspace) SaveOverride(next *report.Report, o report.Override) (Entry, error) {
	d := w.report(next.Place, next.Year, next.Source.Kind.IsBulletin())
	if d.r != next {
		return Entry{}, errors.New("报告库中找不到这份报告，判定没有保存。")
	}
	_, data, err := w.lib.Open(d.entry)
	var doc *review.Doc
	if err == nil {
		doc, err = review.Open(filepath.Base(d.entry.Key), data)
	}
	if err == nil {
		err = doc.SetOverride(o)
	}
	if err != nil {
		return Entry{}, fmt.Errorf("%w\n\n判定没有保存。", err)
	}
	e, err := w.lib.Save(doc.Bytes(), doc.Report(), d.entry.Path)
	if err != nil {
		return Entry{}, err
	}
	w.Changed()
	return entryOf(e), nil
}
