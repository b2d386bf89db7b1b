// Package library keeps the reports a user has: those built into the app and those the
// user saved, in the app's data folder. Listing reads only each file's head; a report is
// decoded only when it is opened.
package library

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"workreport/app/report"
	"workreport/app/safefile"
	"workreport/resources"
)

// Source is a built-in report: its file name and its data file.
type Source struct {
	Name string
	Data func() []byte // the data file, read when the list or the report needs it
	// Load decodes it, when there is a faster way than report.Load (a snapshot); nil
	// loads Data.
	Load func() (*report.Report, error)
}

// Entry is one report of the library, as its list shows it.
type Entry struct {
	Key         string // "内置/NAME" or the file's path
	Title       string
	Place       string
	Year        int
	Kind        report.SourceKind // 官方全文, 报纸摘要, 节选 or 统计公报
	BuiltIn     bool
	Path        string // the file of a saved report
	Figures     int    // how many figures it holds
	Unconfirmed int    // how many of them await review
	Damaged     string // why the file cannot be opened, or ""
	Extract     bool   // the file holds only the reviewed parts of its text (source.extract)
}

// Label is how the list names the report: place, year and review state.
func (e Entry) Label() string {
	place := e.Place
	if place == "" {
		place = "（地区未注明）"
	}
	s := fmt.Sprintf("%s %d年", place, e.Year)
	if e.Year == 0 {
		s = place + " 年份不明"
	}
	return s
}

// State is the entry's review state in a few words.
func (e Entry) State() string {
	switch {
	case e.Damaged != "":
		return "已损坏"
	case e.Unconfirmed == 0:
		return fmt.Sprintf("已审核（%d 项）", e.Figures)
	case e.Unconfirmed == e.Figures:
		return fmt.Sprintf("未审核（%d 项）", e.Figures)
	}
	return fmt.Sprintf("审核中（%d 项未审核，共 %d 项）", e.Unconfirmed, e.Figures)
}

// Library is the built-in reports and the folder of saved ones.
type Library struct {
	Dir     string // where saved reports live
	builtIn []Source
	mu      sync.Mutex
	damaged map[string]string // found damaged when opened, by key
	heads   []Entry           // the built-in reports' entries, read once: they never change
}

// New returns the library of the built-in reports and the reports saved in dir.
func New(dir string, builtIn ...Source) *Library {
	return &Library{Dir: dir, builtIn: builtIn, damaged: map[string]string{}}
}

// DefaultDir is where saved reports live: %APPDATA%\WorkReport\reports on Windows,
// ~/.config/WorkReport/reports on Linux.
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "WorkReport", "reports"), nil
}

const builtInPrefix = "内置/"

// Default is the key of the first built-in report, the one the app opens with, or "".
func (l *Library) Default() string {
	if len(l.builtIn) == 0 {
		return ""
	}
	return builtInPrefix + l.builtIn[0].Name
}

// List returns the library's reports around the place of the report the app opens
// with (see ListAround).
func (l *Library) List() []Entry {
	home := ""
	if heads := l.builtInHeads(); len(heads) > 0 {
		home = heads[0].Place
	}
	return l.ListAround(home)
}

// builtInHeads reads the heads of the built-in reports once.
func (l *Library) builtInHeads() []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.heads == nil {
		for _, s := range l.builtIn {
			e := head(s.Data())
			e.Key, e.BuiltIn = builtInPrefix+s.Name, true
			l.heads = append(l.heads, e)
		}
	}
	return slices.Clone(l.heads)
}

// Group names the part of the list an entry is in, around a place: the place itself,
// then the other places by level (市、区县, then 省, then 全国).
func Group(e Entry, home string) string {
	if e.Place != "" && e.Place == home {
		return e.Place
	}
	switch report.LevelOf(e.Place) {
	case "全国":
		return "全国"
	case "省":
		return "省"
	case "":
		return "地区未填写"
	}
	return "市、区县"
}

// groupRank orders the groups of Group.
func groupRank(e Entry, home string) int {
	switch Group(e, home) {
	case home:
		return 0
	case "市、区县":
		return 1
	case "省":
		return 2
	case "全国":
		return 3
	}
	return 4
}

// ListAround returns every report of the library, built-in and saved together: those
// of the place first (the open report's), then the other places by level, cities and
// counties, provinces, the nation; within a place the newest year first, a report
// before the bulletin of its year, the user's saved copy before the built-in one. A
// saved file that cannot be read is listed as damaged, with the reason, at the end.
func (l *Library) ListAround(home string) []Entry {
	out := l.builtInHeads()
	var damaged []Entry
	files, err := os.ReadDir(l.Dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		damaged = append(damaged, Entry{Key: l.Dir, Title: filepath.Base(l.Dir), Damaged: "无法读取报告库文件夹：" + err.Error()})
	}
	for _, f := range files {
		if f.IsDir() || !strings.EqualFold(filepath.Ext(f.Name()), ".yaml") || strings.HasPrefix(f.Name(), ".") {
			continue
		}
		e := l.readHead(filepath.Join(l.Dir, f.Name()))
		if e.Damaged != "" {
			damaged = append(damaged, e)
			continue
		}
		out = append(out, e)
	}
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		if c := groupRank(a, home) - groupRank(b, home); c != 0 {
			return c
		}
		if c := strings.Compare(a.Place, b.Place); c != 0 {
			return c
		}
		if c := b.Year - a.Year; c != 0 {
			return c
		}
		if c := b2i(a.Kind.IsBulletin()) - b2i(b.Kind.IsBulletin()); c != 0 {
			return c
		}
		return b2i(a.BuiltIn) - b2i(b.BuiltIn)
	})
	return append(out, damaged...)
}

// headLimit caps how much of a file the list reads: the title, place and year come
// first in every data file.
const headLimit = 16 << 10

func (l *Library) readHead(path string) Entry {
	e := Entry{Key: path, Path: path, Title: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))}
	f, err := os.Open(path)
	if err != nil {
		e.Damaged = "无法打开：" + err.Error()
		return e
	}
	defer f.Close()
	info, err := f.Stat()
	if err == nil && info.Size() > report.MaxFileSize {
		e.Damaged = "文件过大，不是报告数据文件"
		return e
	}
	data, err := io.ReadAll(f)
	if err != nil {
		e.Damaged = "读取出错：" + err.Error()
		return e
	}
	h := head(data)
	h.Key, h.Path = path, path
	if h.Title == "" {
		h.Title = e.Title
	}
	l.mu.Lock()
	if why := l.damaged[path]; why != "" && h.Damaged == "" {
		h.Damaged = why
	}
	l.mu.Unlock()
	return h
}

// countFigures counts the lines that open a figure: "  - 编号: …".
func countFigures(data []byte) int {
	n := 0
	for rest, at := data, 0; ; {
		k := bytes.Index(rest, []byte("编号:"))
		if k < 0 {
			return n
		}
		line := rest[:k]
		if i := bytes.LastIndexByte(line, '\n'); i >= 0 {
			line = line[i+1:]
		} else if at > 0 {
			line = nil // the word inside a line's text
		}
		if t := bytes.TrimLeft(line, " \t"); len(t) > 0 && t[0] == '-' && len(bytes.TrimLeft(t[1:], " \t")) == 0 && len(t) > 1 {
			n++
		}
		at += k + len("编号:")
		rest = rest[k+len("编号:"):]
	}
}

// head reads the report's title, place and year from the top of its data file, and
// counts its figures and unconfirmed marks, without decoding the rest.
func head(data []byte) Entry {
	var e Entry
	var top bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(data[:min(len(data), headLimit)]))
	sc.Buffer(make([]byte, 0, 64<<10), headLimit)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "sections:") || strings.HasPrefix(line, "figures:") {
			break
		}
		top.WriteString(line)
		top.WriteByte('\n')
	}
	var h struct {
		Format int    `yaml:"format"`
		Title  string `yaml:"title"`
		Place  string `yaml:"place"`
		City   string `yaml:"city"`
		Year   int    `yaml:"year"`
		Source struct {
			Kind    string `yaml:"kind"`
			Extract string `yaml:"extract"`
		} `yaml:"source"`
	}
	switch {
	case bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data):
		e.Damaged = "不是报告数据文件（不是 UTF-8 文本）"
	case yaml.Unmarshal(top.Bytes(), &h) != nil:
		e.Damaged = "文件开头的标题、地区和年份无法读取"
	case h.Title == "" || h.Year == 0:
		e.Damaged = "缺少标题或年份，文件可能不完整"
	case !bytes.Contains(data, []byte("\nfigures:")):
		e.Damaged = "缺少数据部分，文件可能不完整"
	}
	e.Title, e.Year, e.Place = h.Title, h.Year, h.Place
	e.Kind = report.ReadSourceKind(h.Format, h.Source.Kind)
	e.Extract = h.Source.Extract != ""
	if e.Place == "" {
		e.Place = h.City
	}
	e.Figures = countFigures(data)
	e.Unconfirmed = bytes.Count(data, []byte("审核: "+string(report.Unconfirmed)))
	return e
}

// Open decodes a report of the library and returns it with its data file. A saved file
// that fails is remembered as damaged, with the reason, for the list.
func (l *Library) Open(e Entry) (*report.Report, []byte, error) {
	if e.BuiltIn {
		for _, s := range l.builtIn {
			if builtInPrefix+s.Name == e.Key {
				data := s.Data()
				if s.Load != nil {
					r, err := s.Load()
					return r, data, err
				}
				r, err := report.Load(s.Name, data)
				return r, data, err
			}
		}
		return nil, nil, fmt.Errorf("没有内置报告“%s”", strings.TrimPrefix(e.Key, builtInPrefix))
	}
	data, err := os.ReadFile(e.Path)
	if err == nil && len(data) > report.MaxFileSize {
		err = &report.LoadError{File: filepath.Base(e.Path), Msg: "文件过大，不是报告数据文件"}
	}
	var r *report.Report
	if err == nil {
		r, err = report.Load(filepath.Base(e.Path), data)
	}
	if err != nil {
		l.mu.Lock()
		l.damaged[e.Path] = firstLine(err.Error())
		l.mu.Unlock()
		return nil, nil, err
	}
	return r, data, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// Same returns the saved report of the same place, year and kind, if there is one: the
// library keeps one of each, and a bulletin or a digest of year N is not the official
// report of year N.
func (l *Library) Same(place string, year int, kind report.SourceKind) (Entry, bool) {
	for _, e := range l.List() {
		if !e.BuiltIn && e.Damaged == "" && e.Place == place && e.Year == year && e.Kind == kind {
			return e, true
		}
	}
	return Entry{}, false
}

// Owns reports whether key names a report saved in the library's folder.
func (l *Library) Owns(key string) bool {
	if key == "" || strings.HasPrefix(key, builtInPrefix) || !strings.EqualFold(filepath.Ext(key), ".yaml") {
		return false
	}
	dir, err1 := filepath.Abs(filepath.Dir(key))
	own, err2 := filepath.Abs(l.Dir)
	if err1 != nil || err2 != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return strings.EqualFold(dir, own)
	}
	return dir == own
}

// Save writes a report's data file into the library, atomically: a file is replaced
// only by a complete new one. replace names the saved report this file takes the place
// of (the report being edited, or one of the same place and year the user chose to
// replace); anything else, a built-in report or a file outside the library, is never
// written: a new file is made. It returns the entry as the list shows it.
func (l *Library) Save(data []byte, r *report.Report, replace string) (Entry, error) {
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return Entry{}, fmt.Errorf("无法建立报告库文件夹“%s”：%w。请检查这个文件夹的写入权限和磁盘空间", l.Dir, err)
	}
	path := replace
	if !l.Owns(path) {
		var err error
		if path, err = l.freeName(r); err != nil {
			return Entry{}, err
		}
	}
	if err := safefile.Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return Entry{}, saveError(path, err)
	}
	l.mu.Lock()
	delete(l.damaged, path)
	l.mu.Unlock()
	return l.readHead(path), nil
}

// saveError says why a report could not be saved into the library, and what to do.
func saveError(path string, err error) error {
	name := filepath.Base(path)
	const kept = "报告库中原有的文件没有改动，审核修改仍在窗口中。"
	switch {
	case errors.Is(err, safefile.ErrLocked):
		return fmt.Errorf("“%s”正被其他程序占用，无法保存。请关闭打开它的程序后再保存。%s", name, kept)
	case errors.Is(err, safefile.ErrNoSpace):
		return fmt.Errorf("磁盘空间不足，“%s”没有保存。请清理磁盘后再保存。%s", name, kept)
	case errors.Is(err, safefile.ErrPermission):
		return fmt.Errorf("没有写入报告库文件夹“%s”的权限，“%s”没有保存。%s", filepath.Dir(path), name, kept)
	}
	return fmt.Errorf("“%s”没有保存：%w。%s", name, err, kept)
}

// freeName is a new file name for a report: its place, year and kind, and a number if
// taken.
func (l *Library) freeName(r *report.Report) (string, error) {
	what := "政府工作报告"
	if r.Source.Kind.IsBulletin() {
		what = "统计公报"
	}
	base := fmt.Sprintf("%s%d年%s", r.Place, r.Year, what)
	base = strings.Map(func(c rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, c) || c < 32 {
			return '_'
		}
		return c
	}, base)
	for n := 1; n <= 999; n++ {
		name := base + ".yaml"
		if n > 1 {
			name = fmt.Sprintf("%s（%d）.yaml", base, n)
		}
		p := filepath.Join(l.Dir, name)
		_, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", fmt.Errorf("无法读取报告库文件夹“%s”：%w", l.Dir, err)
		}
	}
	return "", fmt.Errorf("报告库中同名的报告太多（%s），请先删除不用的", base)
}

// Remove deletes a saved report. Built-in reports cannot be removed.
func (l *Library) Remove(e Entry) error {
	if e.BuiltIn || e.Path == "" {
		return errors.New("内置报告不能删除")
	}
	if err := os.Remove(e.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("无法删除“%s”：%w。请关闭正在使用它的程序后再试", filepath.Base(e.Path), err)
	}
	return nil
}

// BuiltIn is the reports the app ships: the report it opens with first, then the
// library's data files.
func BuiltIn() []Source {
	sources := []Source{{Name: resources.ReportName, Data: func() []byte { return resources.ReportYAML }, Load: report.Default}}
	for _, name := range resources.LibraryNames() {
		sources = append(sources, Source{Name: name, Data: func() []byte { return resources.Library(name) }})
	}
	return sources
}
