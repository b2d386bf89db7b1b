package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"workreport/resources"
)

// MaxFileSize caps the size of a report file. The embedded report, text included, is
// about 100 KB; 4 MiB leaves room for a report forty times longer while refusing files
// that are clearly something else.
const MaxFileSize = 4 << 20

// MaxSectionDepth caps how deeply sections nest. Reports use three levels (part, numbered
// part, numbered sub-part); one spare level is allowed.
const MaxSectionDepth = 4

// FormatVersion is the data file format this version writes. Format 1 files (the first
// version's) still load: their new fields take their defaults.
const FormatVersion = 2

var defaultReport = sync.OnceValues(func() (*Report, error) {
	if r, err := LoadSnapshot(resources.ReportSnapshot, resources.ReportYAML); err == nil {
		return r, nil
	}
	return Load(resources.ReportName, resources.ReportYAML)
})

// Default returns the embedded report. It is parsed once; every call returns the same
// read-only value.
func Default() (*Report, error) { return defaultReport() }

// LoadFile reads and validates the report file at path. Errors name the file.
func LoadFile(path string) (*Report, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, &LoadError{File: name, Msg: openMessage(err), Err: err}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &LoadError{File: name, Msg: "无法读取文件：" + err.Error(), Err: err}
	}
	if info.IsDir() {
		return nil, &LoadError{File: name, Msg: "是一个文件夹，请选择报告数据文件（.yaml）", Err: ErrNotText}
	}
	if info.Size() > MaxFileSize {
		return nil, tooLarge(name)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &LoadError{File: name, Msg: "读取文件时出错：" + err.Error(), Err: err}
	}
	return Load(name, data)
}

func openMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在，请检查路径"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限，请检查文件权限或换一个位置"
	default:
		return "无法打开文件：" + err.Error()
	}
}

func tooLarge(name string) error {
	return &LoadError{File: name, Msg: fmt.Sprintf("文件超过 %d MB，不像报告数据文件，已拒绝读取", MaxFileSize>>20), Err: ErrTooLarge}
}

// Load parses and validates a report from data. name is the file name used in messages.
// It never panics: any problem, however malformed the input, comes back as an error.
func Load(name string, data []byte) (r *Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, &LoadError{File: name, Msg: fmt.Sprintf("无法解析文件（%v）", p), Err: ErrSyntax}
		}
	}()
	return load(name, data)
}

// load is Load without the panic guard, so that fuzzing sees any panic.
func load(name string, data []byte) (r *Report, err error) {
	if len(data) > MaxFileSize {
		return nil, tooLarge(name)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &LoadError{File: name, Msg: "文件是空的，请选择报告数据文件（.yaml）", Err: ErrEmpty}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &LoadError{File: name, Msg: "是二进制文件（含空字节，如 Word、Excel 文件或图片），不是报告数据文件；请选择 .yaml 报告数据文件", Err: ErrNotText}
	}
	if !utf8.Valid(data) {
		return nil, &LoadError{File: name, Msg: "不是 UTF-8 编码的文本，可能选错了文件，或文件用了 GBK 等其他编码（报告数据文件是 UTF-8 的 .yaml 文本）", Err: ErrNotText}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(name, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &LoadError{File: name, Msg: "文件里只有注释，没有报告内容", Err: ErrEmpty}
	}
	d := &decoder{file: name}
	r = d.report(doc.Content[0])
	d.validate(r)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	r.Name = name
	return r, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// syntaxError turns a YAML parser error into a Chinese message with the line number.
func syntaxError(name string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
		msg = strings.TrimPrefix(msg, ": ")
	}
	return &LoadError{File: name, Line: line,
		Msg: "YAML 格式错误，请检查缩进、冒号和引号是否成对（" + msg + "）", Err: ErrSyntax}
}

// decoder walks the YAML tree, building the model and collecting every problem with
// its line and path.
type decoder struct {
	file   string
	format int
	errs   LoadErrors
	raw    []rawFigure // parallel to Report.figures
}

func (d *decoder) fail(n *yaml.Node, path, msg string) {
	line := 0
	if n != nil {
		line = n.Line
	}
	d.errs = append(d.errs, &LoadError{File: d.file, Line: line, Path: path, Msg: msg, Err: ErrInvalid})
}

// fields reads a mapping, rejecting unknown and repeated keys. required keys that are
// missing are reported at the mapping's line.
func (d *decoder) fields(n *yaml.Node, path string, allowed, required []string) map[string]*yaml.Node {
	if !d.kind(n, yaml.MappingNode, path, "应为“字段: 值”形式的键值对") {
		return nil
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.fail(k, path, "字段名应为文字")
			continue
		}
		name := k.Value
		if !slices.Contains(allowed, name) {
			if d.format == 1 && newInFormat2(name) {
				d.fail(k, join(path, name), "是格式 2 的字段：请把文件开头的 format 改为 2")
				continue
			}
			d.fail(k, join(path, name), "是未知字段（可用字段："+strings.Join(allowed, "、")+"）")
			continue
		}
		if _, dup := m[name]; dup {
			d.fail(k, join(path, name), "重复出现")
			continue
		}
		m[name] = v
	}
	for _, name := range required {
		if _, ok := m[name]; !ok {
			d.fail(n, join(path, name), "缺失")
		}
	}
	return m
}

func (d *decoder) kind(n *yaml.Node, want yaml.Kind, path, msg string) bool {
	if n == nil {
		return false
	}
	if n.Kind == yaml.AliasNode {
		d.fail(n, path, "使用了 YAML 别名（*），报告文件不支持，请直接写出内容")
		return false
	}
	if n.Kind != want {
		d.fail(n, path, msg+"，实际为"+describe(n))
		return false
	}
	return true
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "键值对"
	case yaml.SequenceNode:
		return "列表"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "空值"
		}
		return "“" + clip(n.Value, 20) + "”"
	}
	return "其他内容"
}

// text reads a scalar as text. A missing node gives "". Empty text is reported when
// required is set.
func (d *decoder) text(n *yaml.Node, path string, required bool) string {
	if n == nil {
		return ""
	}
	if !d.kind(n, yaml.ScalarNode, path, "应为文字") {
		return ""
	}
	v := n.Value
	if n.Tag == "!!null" {
		v = ""
	}
	if required && strings.TrimSpace(v) == "" {
		d.fail(n, path, "为空")
	}
	return v
}

// number reads a finite number. ok is false if the node is missing or not a number.
func (d *decoder) number(n *yaml.Node, path string) (v float64, ok bool) {
	if n == nil {
		return 0, false
	}
	if !d.kind(n, yaml.ScalarNode, path, "应为数字") {
		return 0, false
	}
	if n.Tag == "!!null" {
		d.fail(n, path, "为空")
		return 0, false
	}
	if n.Tag != "!!int" && n.Tag != "!!float" {
		d.fail(n, path, "应为数字（不带单位和引号），实际为“"+clip(n.Value, 20)+"”")
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		d.fail(n, path, "不是有效的数字：“"+clip(n.Value, 20)+"”")
		return 0, false
	}
	return v, true
}

func (d *decoder) list(n *yaml.Node, path string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if !d.kind(n, yaml.SequenceNode, path, "应为列表（每项以“- ”开头）") {
		return nil
	}
	return n.Content
}

// Report, source and section keys by format. Format 2 adds the place and level, the
// source's kind as one of SourceKinds, and each section's role, period and note.
var (
	reportKeys1  = []string{"format", "title", "city", "year", "source", "headline", "lead", "sections", "figures", "nonfigures"}
	reportKeys2  = []string{"format", "title", "place", "level", "year", "source", "headline", "lead", "sections", "figures", "nonfigures", "verdicts"}
	sourceKeys1  = []string{"publication", "kind", "meeting", "date"}
	sourceKeys2  = []string{"kind", "publication", "meeting", "date", "note", "extract"}
	sectionKeys1 = []string{"id", "title", "intro", "items", "sections", "kind"}
	sectionKeys2 = []string{"id", "title", "intro", "items", "sections", "kind", "role", "period", "note"}
)

func (d *decoder) report(n *yaml.Node) *Report {
	// The format decides which keys are allowed, so read it first.
	format := FormatVersion
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "format" {
				if v, ok := d.number(n.Content[i+1], "format"); ok {
					if v != 1 && v != 2 {
						d.fail(n.Content[i+1], "format", fmt.Sprintf("是 %s，本软件只能读取格式 1 和 2 的报告文件", FormatNumber(v)))
						return nil
					}
					format = int(v)
				}
			}
		}
	}
	d.format = format
	// The year may be missing from a text just imported that does not state it; a person
	// states it before the report is saved.
	keys, required := reportKeys2, []string{"format", "title", "source", "sections", "figures"}
	if format == 1 {
		keys = reportKeys1
	}
	m := d.fields(n, "", keys, required)
	if m == nil {
		return nil
	}
	r := &Report{Format: format, byID: map[string]*Figure{}, sections: map[string]*Section{}}
	r.Title = d.text(m["title"], "title", true)
	if format == 1 {
		r.Place = d.text(m["city"], "city", false)
	} else {
		r.Place = d.text(m["place"], "place", false)
		r.Level = d.text(m["level"], "level", false)
		if r.Level != "" && !slices.Contains(Levels, r.Level) {
			d.fail(m["level"], "level", "应为 "+strings.Join(Levels, "、")+" 之一，实际为“"+r.Level+"”")
		}
	}
	if r.Level == "" {
		r.Level = inferLevel(r.Place)
	}
	if v, ok := d.number(m["year"], "year"); ok {
		if v != math.Trunc(v) || v < 1949 || v > 2200 {
			d.fail(m["year"], "year", "应为四位年份，如 2025")
		}
		r.Year = int(v)
	}
	r.Source = d.source(m["source"])
	r.Headline = d.text(m["headline"], "headline", false)
	r.Lead = d.text(m["lead"], "lead", false)
	secs := d.list(m["sections"], "sections")
	if m["sections"] != nil && len(secs) == 0 {
		d.fail(m["sections"], "sections", "为空，报告至少要有一个分节")
	}
	for i, sn := range secs {
		if s := d.section(sn, fmt.Sprintf("sections[%d]", i), nil, 1, r); s != nil {
			r.Sections = append(r.Sections, s)
		}
	}
	figs := d.list(m["figures"], "figures")
	for i, fn := range figs {
		if f := d.figure(fn, fmt.Sprintf("figures[%d]", i)); f != nil {
			r.figures = append(r.figures, f)
		}
	}
	for i, vn := range d.list(m["verdicts"], "verdicts") {
		path := fmt.Sprintf("verdicts[%d]", i)
		vm := d.fields(vn, path, OverrideFields, OverrideFields)
		if vm == nil {
			continue
		}
		field := func(k string) string { return d.text(vm[k], path+"."+k, true) }
		o := Override{Indicator: field(OverrideIndicator), Target: field(OverrideTarget), Verdict: field(OverrideVerdict), Note: field(OverrideNote)}
		if v, ok := d.number(vm[OverrideYear], path+"."+OverrideYear); ok {
			o.Year = int(v)
		}
		if o.Verdict != "" && !slices.Contains(OverrideVerdicts, o.Verdict) {
			d.fail(vm[OverrideVerdict], path+"."+OverrideVerdict, "应为 "+strings.Join(OverrideVerdicts, "、")+" 之一，实际为“"+o.Verdict+"”")
		}
		r.Overrides = append(r.Overrides, o)
	}
	for i, nn := range d.list(m["nonfigures"], "nonfigures") {
		path := fmt.Sprintf("nonfigures[%d]", i)
		if nm := d.fields(nn, path, []string{"文本", "类别", "说明"}, []string{"文本", "类别"}); nm != nil {
			r.NonFigures = append(r.NonFigures, NonFigure{
				Text:   d.text(nm["文本"], path+".文本", true),
				Kind:   d.text(nm["类别"], path+".类别", true),
				Reason: d.text(nm["说明"], path+".说明", false),
			})
		}
	}
	return r
}

// source reads the source. In format 1 its kind was free text; it is read as the kind
// it names and kept as the note.
func (d *decoder) source(n *yaml.Node) Source {
	var src Source
	if d.format == 1 {
		sm := d.fields(n, "source", sourceKeys1, []string{"publication", "meeting", "date"})
		if sm == nil {
			return src
		}
		src.Publication = d.text(sm["publication"], "source.publication", true)
		src.Note = d.text(sm["kind"], "source.kind", false)
		src.Kind = sourceKindFromText(src.Note)
		src.Meeting = d.text(sm["meeting"], "source.meeting", true)
		src.Date = d.text(sm["date"], "source.date", true)
		return src
	}
	sm := d.fields(n, "source", sourceKeys2, []string{"kind"})
	if sm == nil {
		return src
	}
	src.Kind = SourceKind(d.text(sm["kind"], "source.kind", true))
	if src.Kind != "" && !slices.Contains(SourceKinds, src.Kind) {
		d.fail(sm["kind"], "source.kind", "应为 "+joinNames(SourceKinds)+" 之一，实际为“"+string(src.Kind)+"”")
	}
	src.Publication = d.text(sm["publication"], "source.publication", src.Kind == Digest)
	if src.Kind == Digest && sm["publication"] == nil {
		d.fail(n, "source.publication", "缺失：报纸摘要须注明刊登它的报纸")
	}
	src.Meeting = d.text(sm["meeting"], "source.meeting", false)
	src.Date = d.text(sm["date"], "source.date", false)
	src.Note = d.text(sm["note"], "source.note", false)
	src.Extract = d.text(sm["extract"], "source.extract", false)
	return src
}

func (d *decoder) section(n *yaml.Node, path string, parent *Section, depth int, r *Report) *Section {
	if depth > MaxSectionDepth {
		d.fail(n, path, fmt.Sprintf("分节层级过深（最多 %d 级）", MaxSectionDepth))
		return nil
	}
	keys := sectionKeys2
	if d.format == 1 {
		keys = sectionKeys1
	}
	m := d.fields(n, path, keys, []string{"id", "title"})
	if m == nil {
		return nil
	}
	s := &Section{Parent: parent}
	s.ID = d.text(m["id"], path+".id", true)
	s.Title = d.text(m["title"], path+".title", true)
	s.Intro = d.text(m["intro"], path+".intro", false)
	s.Note = d.text(m["note"], path+".note", false)
	if k := d.text(m["kind"], path+".kind", false); k != "" {
		if k != "article" {
			d.fail(m["kind"], path+".kind", "只能是 article（表示会议报道）或省略")
		}
		s.Article = k == "article"
	}
	if v := d.text(m["role"], path+".role", m["role"] != nil); v != "" {
		role, ok := parseRole(v)
		if !ok {
			d.fail(m["role"], path+".role", "应为 "+joinNames(Roles)+" 之一，实际为“"+v+"”")
		}
		s.Role, s.RoleStated = role, ok
	}
	if !s.RoleStated {
		s.Role = inferRole(s)
	}
	if v := d.period(m["period"], path+".period"); !v.IsZero() {
		s.Period, s.PeriodStated = v, true
	} else {
		s.Period = inferPeriod(s, r.Year, r.Source.Kind)
	}
	if s.ID != "" {
		if !validID(s.ID) {
			d.fail(m["id"], path+".id", "只能由小写英文字母、数字、“-”和“.”组成："+s.ID)
		} else if _, dup := r.sections[s.ID]; dup {
			d.fail(m["id"], path+".id", "与前面的分节重复："+s.ID)
		} else {
			r.sections[s.ID] = s
		}
	}
	for i, in := range d.list(m["items"], path+".items") {
		if t := d.text(in, fmt.Sprintf("%s.items[%d]", path, i), true); t != "" {
			if strings.ContainsAny(t, "\r\n") {
				d.fail(in, fmt.Sprintf("%s.items[%d]", path, i), "不能包含换行，每段写成一项")
			}
			s.Items = append(s.Items, t)
		}
	}
	for i, cn := range d.list(m["sections"], path+".sections") {
		if c := d.section(cn, fmt.Sprintf("%s.sections[%d]", path, i), s, depth+1, r); c != nil {
			s.Sections = append(s.Sections, c)
		}
	}
	return s
}

// roleAliases are the English names a section's role may also be written with.
var roleAliases = map[string]Role{"review": RoleReview, "targets": RoleTargets, "plan": RolePlan, "other": RoleOther}

func parseRole(v string) (Role, bool) {
	if r, ok := roleAliases[v]; ok {
		return r, true
	}
	if slices.Contains(Roles, Role(v)) {
		return Role(v), true
	}
	return "", false
}

// period reads a period field; a missing one gives the zero Period.
func (d *decoder) period(n *yaml.Node, path string) Period {
	if n == nil {
		return Period{}
	}
	if !d.kind(n, yaml.ScalarNode, path, "应为年份、年份区间或规划期") {
		return Period{}
	}
	p, err := ParsePeriod(n.Value)
	if err != nil {
		d.fail(n, path, "“"+clip(n.Value, 20)+"”"+err.Error())
		return Period{}
	}
	return p
}

// joinNames lists the values of a string type for a message: 回顾、主要目标、工作安排、其他.
func joinNames[T ~string](values []T) string {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = string(v)
	}
	return strings.Join(names, "、")
}

// newInFormat2 reports whether a key is one that format 2 added.
func newInFormat2(key string) bool {
	for _, keys := range [][2][]string{{reportKeys1, reportKeys2}, {sourceKeys1, sourceKeys2},
		{sectionKeys1, sectionKeys2}, {figureKeys1, figureKeys2}} {
		if slices.Contains(keys[1], key) && !slices.Contains(keys[0], key) {
			return true
		}
	}
	return false
}

// rawFigure keeps what was written for a figure, with the nodes for error lines, until
// validation resolves references.
type rawFigure struct {
	path    string
	nodes   map[string]*yaml.Node
	section string
	formula string
}

func (d *decoder) figure(n *yaml.Node, path string) *Figure {
	keys := figureKeys2
	if d.format == 1 {
		keys = figureKeys1
	}
	m := d.fields(n, path, keys, []string{FieldID, FieldIndicator, FieldNature, FieldMeasure})
	if m == nil {
		return nil
	}
	f := &Figure{Line: n.Line}
	f.ID = d.text(m[FieldID], path+"."+FieldID, true)
	if f.ID != "" && !validID(f.ID) {
		d.fail(m[FieldID], path+"."+FieldID, "只能由小写英文字母、数字、“-”和“.”组成："+f.ID)
	}
	f.Indicator = d.text(m[FieldIndicator], path+"."+FieldIndicator, true)
	f.Nature = Nature(d.text(m[FieldNature], path+"."+FieldNature, true))
	if f.Nature != "" && !slices.Contains(Natures, f.Nature) {
		d.fail(m[FieldNature], path+"."+FieldNature, "应为 "+joinNames(Natures)+" 之一，实际为“"+string(f.Nature)+"”")
	}
	f.Measure = d.text(m[FieldMeasure], path+"."+FieldMeasure, true)
	if m[FieldValue] != nil {
		f.Value, f.HasValue = d.number(m[FieldValue], path+"."+FieldValue)
	}
	if m[FieldUpper] != nil {
		f.Upper, f.IsRange = d.number(m[FieldUpper], path+"."+FieldUpper)
	}
	unitRequired := m[FieldUnit] != nil && (m[FieldPhrase] == nil || !IsFraction(m[FieldPhrase].Value))
	f.Unit = d.text(m[FieldUnit], path+"."+FieldUnit, unitRequired)
	f.UnitSource = d.text(m[FieldUnitSource], path+"."+FieldUnitSource, m[FieldUnitSource] != nil)
	f.Bound = d.text(m[FieldBound], path+"."+FieldBound, m[FieldBound] != nil)
	f.Strive = d.text(m[FieldStrive], path+"."+FieldStrive, m[FieldStrive] != nil)
	f.Phrase = d.text(m[FieldPhrase], path+"."+FieldPhrase, m[FieldPhrase] != nil)
	f.Sentence = d.text(m[FieldSentence], path+"."+FieldSentence, m[FieldSentence] != nil)
	f.Pair = d.text(m[FieldPair], path+"."+FieldPair, m[FieldPair] != nil)
	f.Of = d.text(m[FieldOf], path+"."+FieldOf, m[FieldOf] != nil)
	f.Brief = d.text(m[FieldBrief], path+"."+FieldBrief, m[FieldBrief] != nil)
	if v := d.text(m[FieldRole], path+"."+FieldRole, m[FieldRole] != nil); v != "" {
		role, ok := parseRole(v)
		if !ok {
			d.fail(m[FieldRole], path+"."+FieldRole, "应为 "+joinNames(Roles)+" 之一，实际为“"+v+"”")
		}
		f.Role, f.RoleStated = role, ok
	}
	if p := d.period(m[FieldPeriod], path+"."+FieldPeriod); !p.IsZero() {
		f.Period, f.PeriodStated = p, true
	}
	if v := d.text(m[FieldBasis], path+"."+FieldBasis, m[FieldBasis] != nil); v != "" {
		f.Basis = Basis(v)
		if !slices.Contains(Bases, f.Basis) {
			d.fail(m[FieldBasis], path+"."+FieldBasis, "应为 "+joinNames(Bases)+" 之一，实际为“"+v+"”；原文未说明时省略")
		}
	}
	if v := d.text(m[FieldDirection], path+"."+FieldDirection, m[FieldDirection] != nil); v != "" {
		f.Direction, f.DirectionStated = Direction(v), true
		if !slices.Contains(Directions, f.Direction) {
			d.fail(m[FieldDirection], path+"."+FieldDirection, "应为 "+joinNames(Directions)+" 之一，实际为“"+v+"”")
		}
	}
	f.Review = Confirmed
	if v := d.text(m[FieldReview], path+"."+FieldReview, m[FieldReview] != nil); v != "" {
		f.Review = ReviewState(v)
		if f.Review != Confirmed && f.Review != Unconfirmed {
			d.fail(m[FieldReview], path+"."+FieldReview, "应为“已审核”或“未审核”，实际为“"+v+"”")
		}
	}
	f.ReviewNote = d.text(m[FieldReviewNote], path+"."+FieldReviewNote, m[FieldReviewNote] != nil)
	d.raw = append(d.raw, rawFigure{
		path:    path,
		nodes:   m,
		section: d.text(m[FieldSection], path+"."+FieldSection, m[FieldSection] != nil),
		formula: d.text(m[FieldFormula], path+"."+FieldFormula, m[FieldFormula] != nil),
	})
	return f
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:[.-][a-z0-9]+)*$`)

func validID(id string) bool { return idPattern.MatchString(id) }

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// clip shortens s to at most n runes for quoting in a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
