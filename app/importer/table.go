package importer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"workreport/app/report"
	"workreport/app/zhtext"
)

// Tables. A statistical bulletin states many results in tables (表1 年末人口数及其构成,
// 表2 居民消费价格比上年涨跌幅度 …), whose numbers carry their unit in a column's head
// (年末数（万人）), a unit column (单位: 万吨) or a unit line (单位：%). A table reaches the
// importer as rows of cells: a Markdown table (| a | b |), a list of lines after a
// caption (- 居民消费价格 0.2 0.1 0.4), or a table of a Word document or a web page.
//
// A table becomes paragraphs of the report: its caption, its unit line, and a line per
// number, so that every number is read with its row and its column: "居民消费价格　全国：
// 0.0". The figure's phrase is the number as printed, and 单位出处 says where its unit is
// stated.

// table is a table of the text.
type table struct {
	caption  string     // 表2　居民消费价格涨跌幅度, or ""
	unitLine string     // 单位：%, as printed, or ""
	unit     string     // the unit the unit line states
	heads    []string   // the heads of the columns, the label's first
	rows     [][]string // the data rows, each its label then its cells
	lines    []tableLine
}

// tableLine is a line of a table's paragraph that states a number.
type tableLine struct {
	table      *table
	row, col   int    // the cell's row in rows and column in heads
	text       string // the line: 居民消费价格　全国：-0.2
	label      string // the row's label: 居民消费价格
	head       string // the column's head as printed: 比上年增长（%）, 全国
	cell       string // the number as printed: -0.2
	unit       string // the unit, where the table states one
	unitSource string // where: 比上年增长（%）, 单位：%, 万吨
}

var (
	// tableCaption opens a table's title: 表2　2025年…, 表10 2014年….
	tableCaption = regexp.MustCompile(`^表\s*[0-9]{1,2}(?:[\s　]|(?:19|20)[0-9]{2}年|$)`)
	// unitLine states the unit of a whole table: 单位：%, （单位：万人）.
	unitLine = regexp.MustCompile(`^[（(]?单\s*位[：:]\s*([^）)\s]+)[）)]?$`)
	// cellNumber is a cell that holds a number, perhaps with a note mark: 5.6, -0.4, 1301.6[13].
	cellNumber = regexp.MustCompile(`^[-－−]?[0-9]+(?:\.[0-9]+)?(?:\[[0-9]{1,3}\])?$`)
	// headUnit is a unit in brackets at the end of a column's head: 年末数（万人）.
	headUnit = regexp.MustCompile(`[（(]([^（）()]{1,8})[）)]$`)
	// cellNoise is markup a table's cells carry: <br>, emphasis.
	cellNoise = strings.NewReplacer("<br>", "", "<br/>", "", "<br />", "", "**", "", "__", "")
)

// cleanCell trims a cell and closes up the spaces a layout puts between the characters
// of a short head (指 标, 产 量, 原 煤).
func cleanCell(c string) string {
	rs := []rune(stripCell(c))
	var b strings.Builder
	for i, r := range rs {
		if (r == ' ' || r == '\u3000') && i > 0 && i+1 < len(rs) && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i+1]) {
			continue
		}
		b.WriteRune(r)
	}
	return trimSpace(b.String())
}

// stripCell trims a cell and drops its markup.
func stripCell(c string) string {
	return trimSpace(strings.TrimPrefix(trimSpace(cellNoise.Replace(c)), "- "))
}

// pipeCells splits a Markdown table's row into its cells; ok is false for a line that is
// not one, and for the rule under a head row (| --- | --- |).
func pipeCells(line string) (cells []string, rule, ok bool) {
	t := trimSpace(line)
	if !strings.HasPrefix(t, "|") || utf8.RuneCountInString(t) < 2 {
		return nil, false, false
	}
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	rule = true
	for _, c := range strings.Split(t, "|") {
		c = cleanCell(c)
		if strings.Trim(c, "-: ") != "" {
			rule = false
		}
		cells = append(cells, c)
	}
	return cells, rule, true
}

// listCells splits a line of a table written as a list (居民消费价格 0.2 0.1 0.4) into
// its label and its numbers; a head line (指标 全国) gives its words.
func listCells(line string) []string {
	fields := strings.Fields(strings.ReplaceAll(line, "\u3000", " "))
	k := len(fields)
	for k > 0 && cellNumber.MatchString(fields[k-1]) {
		k--
	}
	if k == len(fields) {
		// A head: words; a layout's spaced characters (指 标 全 国) pair up.
		single := true
		for _, f := range fields {
			if utf8.RuneCountInString(f) != 1 {
				single = false
			}
		}
		if single && len(fields)%2 == 0 {
			var out []string
			for i := 0; i < len(fields); i += 2 {
				out = append(out, fields[i]+fields[i+1])
			}
			return out
		}
		return fields
	}
	return append([]string{cleanCell(strings.Join(fields[:k], ""))}, fields[k:]...)
}

func isNumberCell(c string) bool { return cellNumber.MatchString(c) }

// gatherTables joins the rows of each table, with the caption and unit line before them,
// into one block.
func gatherTables(blocks []block) []block {
	var out []block
	for i := 0; i < len(blocks); {
		start := i
		var caption, unitText string
		// A caption and a unit line may come before the rows, each a block of its own.
		for k := i; k < len(blocks) && k < i+2; k++ {
			t := ""
			if mayOpenTable(blocks[k].text) {
				t = cleanCell(blocks[k].text)
			}
			switch {
			case caption == "" && unitText == "" && tableCaption.MatchString(t) && blocks[k].cells == nil:
				caption = t
			case unitText == "" && unitLine.MatchString(t) && blocks[k].cells == nil:
				unitText = t
			default:
				k = len(blocks)
				continue
			}
			i = k + 1
		}
		var rows [][]string
	rowsLoop:
		for ; i < len(blocks); i++ {
			b := blocks[i]
			switch {
			case b.cells != nil:
				rows = append(rows, b.cells)
			case b.bullet && (caption != "" || unitText != "") && tabular(b.text):
				rows = append(rows, listCells(stripCell(b.text)))
			default:
				break rowsLoop
			}
		}
		if t := newTable(caption, unitText, rows); t != nil {
			out = append(out, t.blocks()...)
			continue
		}
		// Not a table: the blocks go on as they were.
		if i == start {
			i++
		}
		out = append(out, blocks[start:i]...)
	}
	return out
}

// mayOpenTable is a quick look at whether a paragraph may be a table's caption or unit
// line, before it is cleaned and matched: it is short and holds 表 or 单.
func mayOpenTable(text string) bool {
	return len(text) < 300 && (strings.Contains(text, "表") || strings.Contains(text, "单"))
}

// tabular reports whether a list's line reads as a table's row: a label then numbers,
// or a few short words with no sentence's punctuation.
func tabular(line string) bool {
	line = strings.TrimPrefix(strings.TrimPrefix(stripCell(line), "其中："), "其中:")
	if strings.ContainsAny(line, "，。；：,;") && !unitLine.MatchString(line) {
		return false
	}
	fields := strings.Fields(line)
	if len(fields) < 2 {
		return false
	}
	if isNumberCell(fields[len(fields)-1]) {
		return true
	}
	for _, f := range fields {
		if utf8.RuneCountInString(f) > 8 {
			return false
		}
	}
	return true
}

// newTable reads rows of cells as a table: a caption row, head rows until the first row
// with a number, then the data. It is nil when the rows hold no number.
func newTable(caption, unitText string, rows [][]string) *table {
	t := &table{caption: caption, unitLine: unitText}
	if m := unitLine.FindStringSubmatch(unitText); m != nil {
		t.unit = zhtext.Normalize(m[1])
	}
	var heads [][]string
	for _, r := range rows {
		cells := make([]string, 0, len(r))
		for _, c := range r {
			cells = append(cells, cleanCell(c))
		}
		nonEmpty := 0
		for _, c := range cells {
			if c != "" {
				nonEmpty++
			}
		}
		numbers := 0
		for _, c := range cells[min(1, len(cells)):] {
			if isNumberCell(c) {
				numbers++
			}
		}
		switch {
		case nonEmpty == 0:
		case t.caption == "" && len(t.rows) == 0 && nonEmpty == 1 && tableCaption.MatchString(firstNonEmpty(cells)):
			t.caption = firstNonEmpty(cells)
		case t.unitLine == "" && nonEmpty == 1 && unitLine.MatchString(firstNonEmpty(cells)):
			t.unitLine = firstNonEmpty(cells)
			t.unit = zhtext.Normalize(unitLine.FindStringSubmatch(t.unitLine)[1])
		case numbers == 0 && len(t.rows) == 0:
			heads = append(heads, cells)
		case numbers > 0:
			t.rows = append(t.rows, cells)
		}
	}
	if len(t.rows) == 0 {
		return nil
	}
	width := 0
	for _, r := range t.rows {
		width = max(width, len(r))
	}
	t.heads = make([]string, width)
	for _, h := range heads {
		// A head row shorter than the data's names the columns of numbers (指标 全国 /
		// 城市 农村 over a label and three numbers): it is aligned to the right.
		off := 0
		if len(h) < width && !(len(h) > 0 && slices.Contains(labelHeads, h[0])) {
			off = width - len(h)
		}
		for k, c := range h {
			if c == "" || off+k >= width {
				continue
			}
			if t.heads[off+k] != "" && !strings.Contains(t.heads[off+k], c) {
				t.heads[off+k] += c
			} else if t.heads[off+k] == "" {
				t.heads[off+k] = c
			}
		}
	}
	t.write()
	if len(t.lines) == 0 {
		return nil
	}
	return t
}

func firstNonEmpty(cells []string) string {
	for _, c := range cells {
		if c != "" {
			return c
		}
	}
	return ""
}

// labelHeads head the column of a table's row labels.
var labelHeads = []string{"指标", "项目", "行业", "产品名称", "指标名称", "地区", "国家和地区", "名称", "类别"}

// unitColumn is the index of the column that states each row's unit (单位), or -1.
func (t *table) unitColumn() int {
	for k, h := range t.heads {
		if h == "单位" || h == "计量单位" {
			return k
		}
	}
	return -1
}

// write writes the table's lines: a line per number, "label　head：number".
func (t *table) write() {
	uc := t.unitColumn()
	for ri, r := range t.rows {
		label := r[0]
		for k := 1; k < len(r); k++ {
			c := r[k]
			if t.heads[0] != "" && t.heads[k] == t.heads[0] {
				label = c // a table of two panels side by side: 行业 | 比上年增长 | 行业 | 比上年增长
				continue
			}
			if !isNumberCell(c) || k == uc || label == "" {
				continue
			}
			head := t.heads[k]
			l := tableLine{table: t, row: ri, col: k, label: label, head: head, cell: noteInName.ReplaceAllString(c, "")}
			switch {
			case headUnit.MatchString(head) && isUnit(headUnit.FindStringSubmatch(head)[1]):
				l.unit = zhtext.Normalize(headUnit.FindStringSubmatch(head)[1])
				l.unitSource = head
			case uc >= 0 && uc < len(r) && isUnit(r[uc]):
				l.unit = zhtext.Normalize(r[uc])
				l.head = strings.TrimSpace(head + "（" + r[uc] + "）")
				l.unitSource = l.head
			case t.unit != "" && isUnit(t.unit):
				l.unit = t.unit
				l.unitSource = t.unitLine
			}
			l.text = label
			if l.head != "" {
				l.text += "\u3000" + l.head
			}
			l.text += "：" + c
			t.lines = append(t.lines, l)
		}
	}
}

// blocks are the paragraphs the table is written as: its caption, its unit line, and a
// line per number, each read with its row and column.
func (t *table) blocks() []block {
	var out []block
	for _, s := range []string{t.caption, t.unitLine} {
		if s != "" {
			out = append(out, block{text: s, table: t})
		}
	}
	for i := range t.lines {
		out = append(out, block{text: t.lines[i].text, table: t, line: &t.lines[i]})
	}
	return out
}

// isUnit reports whether a word is a unit a number may carry: %, 万人, 亿元, 万千瓦小时.
func isUnit(u string) bool {
	u = zhtext.Normalize(strings.TrimSpace(u))
	if u == "" {
		return false
	}
	_, base := zhtext.SplitUnit(u)
	if base == "" {
		return zhtext.IsMagnitude(u)
	}
	for _, w := range zhtext.BaseUnits {
		if strings.HasPrefix(base, w) {
			return true
		}
	}
	return false
}

// Column heads that say what a column measures.
var (
	growthHeads = regexp.MustCompile(`增长|增速|涨跌|涨幅|比上年|同比`)
	shareHeads  = regexp.MustCompile(`比重|占比|构成`)
	// levelHeads name the column of the quantity itself.
	// quantityHeads name what the row's quantity is, and join its label: 纱产量.
	quantityHeads = []string{"产量", "产值", "金额", "余额", "年末余额", "增加值", "投资额", "人数", "出口额", "进口额"}
	levelHeads    = []string{"年末数", "年末余额", "余额", "绝对数", "数量", "金额", "产量", "总量", "全国", "合计", "总计",
		"全年", "本年", "数值", "指标值", "绝对额", "人数", "产值", "增加值", "总额", "数", "指标"}
)

// scanLine reads a table's number as a figure: a result of the bulletin's year, named
// by its row and column, in the unit its table states. A number whose unit no head
// states is no figure.
func (s *scanner) scanLine(l *tableLine) {
	t := l.table
	if l.unit == "" {
		s.addNon(l.cell, kindWord, "表格中没有写明单位的数字")
		return
	}
	v, err := report.ParseCell(l.cell)
	if err != nil {
		s.addNon(l.cell, kindWord, "表格中无法读取的数字")
		return
	}
	// The label's own numbers (0-15岁) are no figures.
	ls := newScanner(s.sec, s.item, l.label, s.year)
	ls.scan()
	s.nons = append(s.nons, ls.nons...)
	for _, f := range ls.figs {
		s.addNon(f.phrase, kindName, "表格行名中的数字")
	}
	f := &fig{sec: s.sec, item: s.item, text: s.text, value: v.Value, has: true, unit: l.unit, unitSource: l.unitSource}
	f.phrase = l.cell
	f.start = strings.LastIndex(s.text, l.cell)
	f.sentence = s.text
	f.indicator, f.measure = s.tableIndicator(t, l)
	switch {
	case s.bulletin || s.role == report.RoleReview:
		f.nature = report.Result
	case s.role == report.RolePlan || s.role == report.RoleTargets:
		f.nature = report.Target
		f.note("表格中的数据，性质请核对")
	default:
		f.nature = report.Result
		f.note("表格中的数据，性质请核对")
	}
	if !s.bulletin && s.year > 0 {
		f.note("表格中的数据，时期请核对")
	}
	s.figs = append(s.figs, f)
}

// tableIndicator names a table's number by its row and column: the row's label, with
// the column's measure (比上年增长: 增速; 比重) or the caption's (涨跌幅度: 涨幅), and a
// column that names a part (城市, 农村) before it.
func (s *scanner) tableIndicator(t *table, l *tableLine) (name, measure string) {
	label := strings.TrimPrefix(noteInName.ReplaceAllString(l.label, ""), "其中：")
	label = strings.TrimPrefix(label, "其中:")
	head := strings.TrimSpace(headUnit.ReplaceAllString(l.head, ""))
	if i := strings.Index(head, "（"); i >= 0 {
		head = head[:i]
	}
	prefix := ""
	suffix := ""
	measure = "总量"
	switch {
	case growthHeads.MatchString(head):
		suffix, measure = "增速", "增速"
		if strings.Contains(t.caption, "价格") || strings.Contains(label, "价格") {
			suffix = "涨幅"
		}
	case shareHeads.MatchString(head):
		suffix, measure = "比重", "占比"
	default:
		known := head == ""
		for _, w := range levelHeads {
			if head == w {
				known = true
			}
		}
		switch {
		case !known:
			prefix = head // 城市, 农村
		case slices.Contains(quantityHeads, head) && !strings.HasSuffix(label, head):
			suffix = head // 纱 with 产量: 纱产量
		}
		// The caption's measure where the columns state none: 居民消费价格比上年涨跌幅度.
		if cap := tableCaption.ReplaceAllString(t.caption, ""); growthHeads.MatchString(cap) && !t.hasGrowthColumn() {
			suffix, measure = "增速", "增速"
			if strings.Contains(cap, "价格") || strings.Contains(cap, "涨跌") {
				suffix = "涨幅"
			}
		}
	}
	if l.unit == "%" && measure == "总量" {
		measure = "比率"
	}
	return s.std(prefix + label + suffix), measure
}

// hasGrowthColumn reports whether a column of the table states a growth.
func (t *table) hasGrowthColumn() bool {
	for _, h := range t.heads {
		if growthHeads.MatchString(h) {
			return true
		}
	}
	return false
}
