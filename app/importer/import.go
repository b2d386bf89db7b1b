package importer

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"workreport/app/indicator"
	"workreport/app/report"
	"workreport/app/zhtext"
)

// errGenerated marks a data file the importer wrote that does not load: a fault of the
// importer, never of the text.
var errGenerated = errors.New("the data file written does not load")

// Result is an imported report: the data file's text and the report it loads as.
type Result struct {
	YAML       []byte
	Report     *report.Report
	Kind       Kind
	Sections   int
	Figures    int
	CloseCalls int // figures whose reading was a close call (审核说明)
	NonFigures int
}

// Summary is the one line the command line prints after an import.
func (r *Result) Summary() string {
	if r.Figures == 0 {
		return fmt.Sprintf("%d 个分节，没有找到数据（文中没有带单位的数字）；全部文字已导入", r.Sections)
	}
	return fmt.Sprintf("%d 个分节，%d 项数据（全部未审核，其中 %d 项把握不大，已注明原因），%d 处数字不是数据（年份、序号、名称等）",
		r.Sections, r.Figures, r.CloseCalls, r.NonFigures)
}

// Import reads a file's bytes (name gives its format) and returns the report it holds.
func Import(name string, data []byte) (*Result, error) {
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	blocks, title, kind, err := readBlocks(name, data)
	if err != nil {
		return nil, err
	}
	blocks = cutLicence(blocks)
	if len(blocks) == 0 || !hasText(blocks) {
		return nil, fail(name, "中没有可导入的文字。请确认选择的文件是否正确。")
	}
	m := readMeta(name, title, blocks)
	secs := buildSections(dropTitleHeading(blocks))
	assignIDs(secs)
	assignRoles(secs, m.year, m.kind)
	markOneYear(secs, m.year)
	figs, nons := scanAll(secs, m)
	figs, dropped := keepValid(figs)
	nons = append(nons, dropped...)
	if m.year == 0 && len(figs) == 0 && !hasHeadings(secs) {
		// No year, no section and no figure: not a report (a JSON file, a letter, a list).
		return nil, fail(name, "不像一份政府工作报告：文中没有报告年份、没有章节标题，也没有带单位的数字。请确认选择的文件是否正确；报告的原文一般以“2024年××市政府工作报告”之类的标题开头。")
	}
	pairUp(figs, m.year)
	assignFigureIDs(figs)
	out, err := render(m, secs, figs, nons)
	if err != nil {
		return nil, &Error{File: name, Msg: "导入后无法生成报告数据：" + err.Error(), Err: errors.Join(errGenerated, err)}
	}
	r, err := report.Load(strings.TrimSuffix(name, filepath.Ext(name))+".yaml", out)
	if err != nil {
		return nil, &Error{File: name, Msg: "导入后生成的报告数据未通过校验（这是本软件的问题，请把文件发给维护人员）：" + err.Error(), Err: errors.Join(errGenerated, err)}
	}
	res := &Result{YAML: out, Report: r, Kind: kind, Figures: len(figs)}
	r.WalkSections(func(*report.Section) { res.Sections++ })
	for _, f := range figs {
		if len(f.notes) > 0 {
			res.CloseCalls++
		}
	}
	res.NonFigures = len(dedupe(nons))
	return res, nil
}

// levelOfWords is the level a text speaks as when it names no place: a city's report
// says 全市, 我市 and 市人民政府; a province's 全省, 我省 and 省人民政府. It is "" when
// the words do not tell.
func levelOfWords(text string) string {
	count := func(words ...string) int {
		n := 0
		for _, w := range words {
			n += strings.Count(text, w)
		}
		return n
	}
	city, province := count("全市", "我市", "市人民政府", "市委"), count("全省", "我省", "省人民政府")
	switch {
	case city >= 3 && city > province:
		return "市" // a city's report names its province too: 居全省第一
	case province >= 3 && province > 2*city:
		return "省"
	}
	return ""
}

// dropTitleHeading drops a heading at the top that is the report's title (a web page's
// or a document's <h1>): it names the report, and is no part of it to hold the others.
func dropTitleHeading(blocks []block) []block {
	for i := 0; i < len(blocks) && i < 3; i++ {
		b := blocks[i]
		if b.level > 0 && utf8.RuneCountInString(b.text) <= 40 &&
			(strings.Contains(b.text, "政府工作报告") || bulletinTitle.MatchString(b.text)) {
			return append(slices.Clone(blocks[:i]), blocks[i+1:]...)
		}
	}
	return blocks
}

// hasHeadings reports whether the text was parted into sections by headings.
func hasHeadings(secs []*section) bool {
	for _, s := range secs {
		if s.kind != "" {
			return true
		}
	}
	return false
}

// scanAll reads the figures and nonfigures of every section title and paragraph, in
// the text's order. The paragraphs are read apart from one another, so the work is
// shared among the processors.
func scanAll(secs []*section, m meta) ([]*fig, []nonfig) {
	type job struct {
		s    *section
		item int // -1 for the title
		figs []*fig
		nons []nonfig
	}
	var jobs []*job
	walk(secs, func(s *section) {
		jobs = append(jobs, &job{s: s, item: -1})
		for i := range s.items {
			jobs = append(jobs, &job{s: s, item: i})
		}
	})
	run := func(j *job, names map[string]string) {
		s := j.s
		text := s.title
		if j.item >= 0 {
			text = s.items[j.item]
		}
		sc := newScanner(s, j.item, text, m.year)
		sc.bulletin, sc.level, sc.names = m.kind.IsBulletin(), m.level, names
		switch l := s.tables[j.item]; {
		case j.item < 0:
			// A title's numbers are years and names (2018年工作回顾); a figure in a
			// title is repeated in the text below it.
			sc.scan()
			j.nons = sc.nons
			for _, f := range sc.figs {
				j.nons = append(j.nons, nonfig{text: f.phrase, kind: kindWord, reason: "标题中的数字"})
			}
			return
		case l != nil:
			sc.scanLine(l)
		default:
			sc.scan()
		}
		j.figs, j.nons = sc.figs, sc.nons
	}
	workers := min(runtime.GOMAXPROCS(0), 4, max(1, len(jobs)/8))
	next := make(chan *job)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names := map[string]string{}
			for j := range next {
				run(j, names)
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	var figs []*fig
	var nons []nonfig
	for _, j := range jobs {
		figs = append(figs, j.figs...)
		nons = append(nons, j.nons...)
	}
	return figs, nons
}

func hasText(blocks []block) bool {
	for _, b := range blocks {
		if strings.ContainsFunc(b.text, func(r rune) bool { return r > 127 || r >= '0' && r <= '9' || r >= 'A' && r <= 'z' }) {
			return true
		}
	}
	return false
}

func walk(secs []*section, fn func(*section)) {
	for _, s := range secs {
		fn(s)
		walk(s.children, fn)
	}
}

// keepValid keeps the figures whose phrase reads back as their number and stands once
// in their sentence; the sentence is cut to its clause where the phrase recurs. What
// cannot be kept is listed as a nonfigure, so that no number goes unaccounted for.
func keepValid(figs []*fig) ([]*fig, []nonfig) {
	var out []*fig
	var dropped []nonfig
	for _, f := range figs {
		if f.nature != report.Qualitative {
			p, err := report.ParsePhraseOf(f.phrase, f.unit, f.bound, f.indicator)
			if f.unitSource != "" {
				p, err = report.ParseCell(f.phrase)
			}
			if err != nil || p.Value != f.value && !(f.unit == "" && abs(p.Value-f.value) < 1e-9) || p.IsRange != f.isRange {
				dropped = append(dropped, nonfig{text: f.phrase, kind: kindWord, reason: "未能确定是否为数据，请核对"})
				continue
			}
		}
		full := f.sentence
		if !uniqueIn(f) {
			dropped = append(dropped, nonfig{text: f.phrase, kind: kindWord, reason: "未能确定是否为数据，请核对"})
			continue
		}
		if f.strive != "" && !strings.Contains(f.sentence, f.strive) {
			// The sentence was cut to its clause: reach back to the strive word.
			if k := strings.LastIndex(full[:strings.Index(full, f.sentence)+1], f.strive); k >= 0 {
				wider := full[k : strings.Index(full, f.sentence)+len(f.sentence)]
				if len(zhtext.IndexAlone(wider, f.phrase)) == 1 {
					f.sentence = wider
				}
			}
			if !strings.Contains(f.sentence, f.strive) {
				f.note("“" + f.strive + "”在句子的前文中，请核对")
				f.strive = ""
			}
		}
		out = append(out, f)
	}
	return out, dropped
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// uniqueIn makes the figure's sentence hold its phrase once, cutting it to the clause,
// or to the text between the neighbouring occurrences.
func uniqueIn(f *fig) bool {
	if len(zhtext.IndexAlone(f.sentence, f.phrase)) == 1 {
		return true
	}
	// Position of the phrase within the sentence, from the paragraph offsets.
	sAt := strings.Index(f.text, f.sentence)
	for sAt >= 0 && !(sAt <= f.start && f.start < sAt+len(f.sentence)) {
		next := strings.Index(f.text[sAt+1:], f.sentence)
		if next < 0 {
			sAt = -1
			break
		}
		sAt += 1 + next
	}
	if sAt < 0 {
		return false
	}
	rel := f.start - sAt
	s := f.sentence
	a := strings.LastIndexAny(s[:rel], "，；：,;:")
	if a < 0 {
		a = 0
	} else {
		a += utf8.RuneLen([]rune(s[a:])[0])
	}
	b := strings.IndexAny(s[rel+len(f.phrase):], "，；。：,;:")
	if b < 0 {
		b = len(s)
	} else {
		b += rel + len(f.phrase)
	}
	clause := s[a:b]
	if len(zhtext.IndexAlone(clause, f.phrase)) == 1 {
		f.sentence = clause
		return true
	}
	// Between the occurrence before and the one after.
	hits := zhtext.IndexAlone(s, f.phrase)
	lo, hi := 0, len(s)
	for _, h := range hits {
		if h < rel {
			lo = h + 1
		}
		if h > rel && h < hi {
			hi = h
		}
	}
	for lo < rel && !utf8.RuneStart(s[lo]) {
		lo++
	}
	for hi < len(s) && !utf8.RuneStart(s[hi]) {
		hi++
	}
	if lo > rel || hi < rel+len(f.phrase) {
		return false
	}
	cut := s[lo:hi]
	if len(zhtext.IndexAlone(cut, f.phrase)) == 1 {
		f.sentence = cut
		return true
	}
	return false
}

// pairUp pairs each main target with the result of the year before that measures the
// same indicator, measure, unit and basis in the report's review.
func pairUp(figs []*fig, year int) {
	for _, t := range figs {
		if t.role != report.RoleTargets || t.nature != report.Target {
			continue
		}
		var best *fig
		close := false
		for _, r := range figs {
			if r.nature != report.Result || r.sec.role != report.RoleReview || r.measure != t.measure || r.unit != t.unit || r.basis != t.basis {
				continue
			}
			if r.period != "" && r.period != itoa(report.ReviewedYear(year)) {
				continue
			}
			if r.sec.multiYear && r.period != itoa(report.ReviewedYear(year)) {
				continue
			}
			a, b := indicator.Key(t.indicator), indicator.Key(r.indicator)
			switch {
			case a == b:
				if best == nil || close {
					best, close = r, false
				}
			case len([]rune(a)) >= 4 && len([]rune(b)) >= 4 && (strings.HasSuffix(a, b) || strings.HasSuffix(b, a)):
				if best == nil {
					best, close = r, true
				}
			}
		}
		if best != nil && (best.pair == nil) {
			t.pair = best
			best.pair = t
			if close {
				t.note("与“" + best.indicator + "”的对应按名称相近推断，请核对")
			}
		}
	}
}

func assignFigureIDs(figs []*fig) {
	n := map[*section]int{}
	for _, f := range figs {
		n[f.sec]++
		f.id = f.sec.id + ".f" + strconv.Itoa(n[f.sec])
	}
}

func dedupe(nons []nonfig) []nonfig {
	seen := map[string]bool{}
	var out []nonfig
	for _, n := range nons {
		if n.text == "" || seen[n.text] {
			continue
		}
		seen[n.text] = true
		out = append(out, n)
	}
	return out
}

// meta is what the text says about itself.
type meta struct {
	title, place, meeting, date string
	// level is the place's level (全国, 省, 市, 区县); for a text that names no place, the
	// one its words speak of (全市, 我省), written into the data file.
	level     string
	levelOnly bool // the level is the text's words', the place unknown
	year      int
	kind      report.SourceKind
	notes     []string
}

var (
	dateRe    = regexp.MustCompile(`((?:19|20|21)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日`)
	meetingRe = regexp.MustCompile(`第[` + zhtext.OrdinalNumerals + `]+届[^，。\s]{0,14}?人民代表大会(?:常务委员会)?第[` + zhtext.OrdinalNumerals + `]+次会议`)
	placeRe   = regexp.MustCompile(`([\p{Han}]{2,7}?(?:省|市|自治区|自治州|县|区|盟|旗))第[` + zhtext.OrdinalNumerals + `]+届人民代表大会`)
	govRe     = regexp.MustCompile(`([\p{Han}]{2,7}?(?:省|市|自治区|自治州|县|区))人民政府`)
	// 2019年佛山市政府工作报告: the place a title names.
	titlePlaceRe = regexp.MustCompile(`(?:^|\n|年)([\p{Han}]{2,7}?(?:省|市|自治区|自治州|县|区))政府工作报告`)
	reviewYear   = regexp.MustCompile(`((?:19|20|21)[0-9]{2})年(?:工作)?回顾`)
	planYear     = regexp.MustCompile(`(?m)^[` + zhtext.OrdinalNumerals + `、（）()0-9.]*((?:19|20|21)[0-9]{2})年(?:经济社会发展|政府工作|重点工作|工作安排|工作任务)`)
	digestRe     = regexp.MustCompile(`本报|记者|摘录|摘要|节选|图解`)
)

func readMeta(name, title string, blocks []block) meta {
	var m meta
	head := ""
	for i, b := range blocks {
		if i > 12 || len(head) > 4000 {
			break
		}
		head += b.text + "\n"
	}
	var whole strings.Builder
	for _, b := range blocks {
		whole.WriteString(b.text)
		whole.WriteByte('\n')
	}
	all := whole.String()
	// A statistical bulletin names its place and the year it reports on in its title:
	// 中华人民共和国2024年国民经济和社会发展统计公报 is about 2024, published in 2025.
	if bt := bulletinTitle.FindStringSubmatch(head); bt != nil {
		m.kind = report.Bulletin
		m.title = strings.TrimSpace(footnoteMark.ReplaceAllString(bt[0], ""))
		m.place = cleanPlace(bt[1])
		if m.place == "" || m.place == "中华人民共和国" {
			m.place = indicatorNational
		}
		m.year, _ = strconv.Atoi(bt[2])
		m.level = report.LevelOf(m.place)
		if d := dateRe.FindStringSubmatch(head); d != nil {
			m.date = d[0]
		}
		return m
	}
	if m.meeting = deliveredAt(head); m.meeting == "" {
		m.meeting = deliveredAt(all)
	}
	if d := dateRe.FindStringSubmatch(head); d != nil {
		m.date = d[0]
	}
	switch {
	case strings.Contains(m.meeting, "全国人民代表大会") || strings.Contains(head, "代表国务院") || strings.Contains(head, "国务院总理"):
		m.place = indicatorNational
	default:
		// The place the report is delivered in, else the government that delivers it,
		// else the place its title names: the first that names one.
		for _, re := range []*regexp.Regexp{placeRe, govRe, titlePlaceRe} {
			for _, p := range re.FindAllStringSubmatch(head, -1) {
				if m.place == "" {
					m.place = cleanPlace(p[1])
				}
			}
		}
	}
	// The title: the markup's, else a short line naming the report, else one made from
	// the year and place.
	if title == "" || !strings.Contains(title, "报告") {
		title = ""
		for i, b := range blocks {
			if i > 8 {
				break
			}
			if strings.Contains(b.text, "政府工作报告") && utf8.RuneCountInString(b.text) <= 40 {
				title = b.text
				break
			}
		}
	}
	// The year: the date of the meeting, else the year after the one reviewed, else a
	// year in the title, else a year in the file's name; else it is not known, and a
	// person must state it.
	switch {
	case m.date != "" && m.meeting != "":
		m.year, _ = strconv.Atoi(dateRe.FindStringSubmatch(m.date)[1])
	case reviewYear.MatchString(all):
		v, _ := strconv.Atoi(reviewYear.FindStringSubmatch(all)[1])
		m.year = v + 1
	case planYear.MatchString(all):
		m.year, _ = strconv.Atoi(planYear.FindStringSubmatch(all)[1])
	case yearOf(title) > 0:
		m.year = yearOf(title)
	case m.date != "":
		m.year, _ = strconv.Atoi(dateRe.FindStringSubmatch(m.date)[1])
	}
	if m.year == 0 {
		if y := regexp.MustCompile(`(?:19|20|21)[0-9]{2}`).FindString(filepath.Base(name)); y != "" {
			m.year, _ = strconv.Atoi(y)
			m.notes = append(m.notes, "年份取自文件名，请核对")
		}
	}
	placeName := m.place
	if placeName == indicatorNational {
		placeName = "国务院"
	}
	switch {
	case title == "" && m.year > 0:
		title = fmt.Sprintf("%d年%s政府工作报告", m.year, placeName)
	case title == "":
		title = placeName + "政府工作报告"
	case yearOf(title) == 0 && m.year > 0:
		if !strings.Contains(title, placeName) {
			title = placeName + title
		}
		title = fmt.Sprintf("%d年%s", m.year, title)
	case !strings.Contains(title, placeName) && !strings.Contains(title, "国务院"):
		// 2024年政府工作报告: the place the text names goes into the title.
		if y := yearRe.FindStringIndex(title); y != nil && y[0] == 0 {
			title = title[:y[1]] + placeName + title[y[1]:]
		} else {
			title = placeName + title
		}
	}
	m.title = title
	m.kind = report.Official
	m.level = report.LevelOf(m.place)
	if m.place == "" {
		m.level, m.levelOnly = levelOfWords(all), true
	}
	if digestRe.MatchString(head) {
		m.kind = report.Excerpt
		m.notes = append(m.notes, "文本像是报刊的摘录或图解，而不是报告全文")
	}
	return m
}

// indicatorNational is the place of the State Council's reports and the national
// bulletins.
const indicatorNational = "全国"

var (
	// bulletinTitle finds a statistical bulletin's title: its place (or 中华人民共和国)
	// and the year it reports on.
	bulletinTitle = regexp.MustCompile(`([\p{Han}]{0,12}?)((?:19|20|21)[0-9]{2})年(?:国民经济和社会发展|国民经济与社会发展)统计公报`)
	// footnoteMark is a bulletin's note mark glued to a word: 国内生产总值[2].
	footnoteMark = regexp.MustCompile(`\[[0-9]{1,3}\]`)
)

// cleanPlace is a place name as a pattern captured it, without the words before it:
// "日在江门市" (from "2022年1月11日在江门市第十六届…") is 江门市.
func cleanPlace(p string) string {
	for _, w := range []string{"在", "代表", "我"} {
		if i := strings.LastIndex(p, w); i >= 0 {
			p = p[i+len(w):]
		}
	}
	p = strings.TrimSpace(p)
	if utf8.RuneCountInString(p) < 2 || p == "本市" || p == "全市" || p == "我市" {
		return "" // 我代表市人民政府: no place named
	}
	return p
}

// deliveredAt finds the meeting the report was delivered at: the one the text says it
// is delivered "at" (在…会议上), else the first one named that is not the start of a
// period (…会议以来的五年).
func deliveredAt(s string) string {
	first := ""
	for _, loc := range meetingRe.FindAllStringIndex(s, -1) {
		rest := s[loc[1]:]
		switch {
		case strings.HasPrefix(rest, "上"):
			return s[loc[0]:loc[1]]
		case first == "" && !strings.HasPrefix(rest, "以来"):
			first = s[loc[0]:loc[1]]
		}
	}
	return first
}

// The data file, as YAML. Field order follows the hand-written files.
type yReport struct {
	Format   int         `yaml:"format"`
	Title    string      `yaml:"title"`
	Place    string      `yaml:"place,omitempty"`
	Level    string      `yaml:"level,omitempty"`
	Year     int         `yaml:"year,omitempty"`
	Source   ySource     `yaml:"source"`
	Sections []*ySection `yaml:"sections"`
	// The figures and nonfigures follow, written by writeFigures and writeNonFigures.
}

type ySource struct {
	Kind    string `yaml:"kind"`
	Meeting string `yaml:"meeting,omitempty"`
	Date    string `yaml:"date,omitempty"`
	Note    string `yaml:"note,omitempty"`
}

type ySection struct {
	ID       string      `yaml:"id"`
	Title    string      `yaml:"title"`
	Role     string      `yaml:"role"`
	Items    []string    `yaml:"items,omitempty"`
	Sections []*ySection `yaml:"sections,omitempty"`
}

// yFigure is a figure as the data file writes it, its fields named by report.
type yFigure struct {
	id   string
	text report.FigureText
}

// written is the figure as the data file writes it; secRole is the role of its section.
func (f *fig) written(secRole report.Role) report.FigureText {
	t := report.FigureText{Indicator: f.indicator, Nature: string(f.nature), Measure: f.measure,
		Period: f.period, Basis: string(f.basis), Bound: f.bound, Strive: f.strive,
		Direction: string(f.direction), Phrase: f.phrase, Sentence: f.sentence,
		Review: string(report.Unconfirmed), ReviewNote: strings.Join(f.notes, "；")}
	if f.role == report.RoleTargets && secRole != report.RoleTargets {
		t.Role = string(report.RoleTargets)
	}
	if f.has && f.nature != report.Qualitative {
		t.Value, t.Unit, t.UnitSource = report.FormatNumber(f.value), f.unit, f.unitSource
		if f.isRange {
			t.Upper = report.FormatNumber(f.upper)
		}
	}
	if f.pair != nil && f.nature == report.Target {
		t.Pair = f.pair.id
	}
	return t
}

type yNonFigure struct {
	Text   string `yaml:"文本"`
	Kind   string `yaml:"类别"`
	Reason string `yaml:"说明,omitempty"`
}

func render(m meta, secs []*section, figs []*fig, nons []nonfig) ([]byte, error) {
	y := yReport{Format: 2, Title: m.title, Place: m.place, Year: m.year}
	if m.levelOnly {
		y.Level = m.level
	}
	y.Source = ySource{Kind: string(m.kind), Meeting: m.meeting, Date: m.date, Note: strings.Join(m.notes, "；")}
	var conv func(s *section) *ySection
	conv = func(s *section) *ySection {
		ys := &ySection{ID: s.id, Title: s.title, Role: string(s.role), Items: s.items}
		for _, c := range s.children {
			ys.Sections = append(ys.Sections, conv(c))
		}
		return ys
	}
	for _, s := range secs {
		y.Sections = append(y.Sections, conv(s))
	}
	figures := make([]yFigure, 0, len(figs))
	for _, f := range figs {
		figures = append(figures, yFigure{id: f.id, text: f.written(f.sec.role)})
	}
	var nonfigures []yNonFigure
	for _, n := range dedupe(nons) {
		nonfigures = append(nonfigures, yNonFigure{Text: n.text, Kind: n.kind, Reason: n.reason})
	}
	var buf bytes.Buffer
	buf.WriteString("# 由“政府工作报告图解”从报告原文导入生成。每项数据的“审核”标明是否已经人工核对：导入时\n")
	buf.WriteString("# 全部为“未审核”，请逐项对照原文核对；“审核说明”写明了软件把握不大的地方，建议先看这些。\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(y); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	buf.Grow(len(figures)*400 + len(nonfigures)*80)
	out := &buf
	writeFigures(out, figures)
	writeNonFigures(out, nonfigures)
	return out.Bytes(), nil
}
