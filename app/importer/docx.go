package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"workreport/app/zhtext"
)

// A .docx is read with archive/zip and encoding/xml. The Go readers of .docx that exist
// either write documents (and read only what they wrote), drop tables or deleted-text
// marks, or are sold under a paid licence; what the importer needs is the body's text in
// order, which a streaming pass over word/document.xml gives in about a hundred lines.

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

var errTooLarge = errors.New("part too large")

// readDocx returns the paragraphs of the document body, table cells included, in order.
// Headers, footers, footnotes and comments live in other parts and are not read; deleted
// revision text, field codes and the fallback copies of drawings are skipped. Heading
// levels come from the paragraph styles (Heading 1, 标题 1) or outline levels; automatic
// numbering (一、 （一）) is rebuilt from numbering.xml.
func readDocx(name string, data []byte) ([]block, string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, "", fail(name, "不是有效的 Word 文档（.docx 文件应是一个压缩包，此文件已损坏或只是改了扩展名）。请在 Word 或 WPS 中打开它并重新另存为 .docx。")
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	doc := parts["word/document.xml"]
	if doc == nil {
		return nil, "", fail(name, "不是 Word 文档：压缩包里没有正文（word/document.xml）。请在 Word 或 WPS 中打开它并重新另存为 .docx。")
	}
	styles := map[string]int{}
	if f := parts["word/styles.xml"]; f != nil {
		if b, err := readPart(f); err == nil {
			styles = headingStyles(b)
		}
	}
	var num *numbering
	if f := parts["word/numbering.xml"]; f != nil {
		if b, err := readPart(f); err == nil {
			num = parseNumbering(b)
		}
	}
	title := ""
	if f := parts["docProps/core.xml"]; f != nil {
		if b, err := readPart(f); err == nil {
			title = coreTitle(b)
		}
	}
	body, err := readPart(doc)
	if errors.Is(err, errTooLarge) {
		return nil, "", fail(name, "的正文展开后超过 %d MB，不像一份政府工作报告（可能是损坏或恶意构造的文件）。请确认选择的文件是否正确。", MaxPartSize>>20)
	}
	if err != nil {
		return nil, "", fail(name, "已损坏，正文无法解压。请在 Word 或 WPS 中打开它并重新另存为 .docx。")
	}
	blocks, err := docxBlocks(body, styles, num)
	if err != nil {
		return nil, "", fail(name, "的正文已损坏（XML 格式有误）。请在 Word 或 WPS 中打开它并重新另存为 .docx。")
	}
	return blocks, title, nil
}

// readPart reads one part of the archive, stopping at MaxPartSize whatever its header
// claims, so that a zip bomb costs no more than the limit.
func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxPartSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxPartSize {
		return nil, errTooLarge
	}
	return b, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == wordNS || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

// docxBlocks walks the body. A paragraph (w:p) is a block; a line break inside it (w:br,
// w:cr) starts a new block; a table row's cells are joined by a full-width space, so a
// row reads as one line.
func docxBlocks(body []byte, styles map[string]int, num *numbering) ([]block, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var (
		blocks []block
		cur    strings.Builder
		level  int
		skip   int // depth inside skipped elements
		inText bool
		numID  string
		ilvl   int
		cells  []string
		cell   strings.Builder // the text of the cell being read
		inRow  int
		size   int
	)
	endPara := func() {
		text := cur.String()
		cur.Reset()
		if numID != "" && num != nil {
			text = num.label(numID, ilvl) + text
		}
		numID, ilvl = "", 0
		if inRow > 0 {
			// A cell's paragraphs make one cell.
			if t := trimSpace(zhtext.Normalize(text)); t != "" {
				if cell.Len() > 0 {
					cell.WriteString(" ")
				}
				cell.WriteString(t)
			}
			return
		}
		for _, line := range strings.Split(text, "\n") {
			if t := trimSpace(zhtext.Normalize(line)); t != "" {
				blocks = append(blocks, block{text: t, level: level})
			}
		}
		level = 0
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "del", "delText", "instrText", "Fallback", "footnoteReference", "endnoteReference", "commentReference":
				skip = 1
			case "p":
				cur.Reset()
				level = 0
			case "pStyle":
				level = styles[attr(t, "val")]
			case "outlineLvl":
				if v, err := strconv.Atoi(attr(t, "val")); err == nil && v < 9 && level == 0 {
					level = v + 1
				}
			case "numId":
				numID = attr(t, "val")
			case "ilvl":
				ilvl, _ = strconv.Atoi(attr(t, "val"))
			case "t":
				inText = true
			case "tab":
				cur.WriteString(" ")
			case "br", "cr":
				if attr(t, "type") != "page" {
					cur.WriteString("\n")
				}
			case "tr":
				inRow++
				cells = cells[:0]
			case "tc":
				cell.Reset()
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				endPara()
			case "tc":
				if inRow > 0 {
					cells = append(cells, cell.String())
					cell.Reset()
				}
			case "tr":
				inRow--
				if inRow == 0 && firstNonEmpty(cells) != "" {
					blocks = append(blocks, block{text: strings.Join(cells, "\u3000"), cells: slices.Clone(cells)})
				}
			}
		case xml.CharData:
			if inText && skip == 0 {
				size += len(t)
				if size > MaxTextSize {
					return nil, errTooLarge
				}
				cur.Write(t)
			}
		}
	}
	return blocks, nil
}

// headingStyles maps paragraph style ids to heading levels, from styles.xml: a style
// named "heading N" or "标题 N", or with an outline level.
func headingStyles(b []byte) map[string]int {
	out := map[string]int{}
	id := ""
	eachStart(b, func(se xml.StartElement) {
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
		case "name":
			n := strings.ToLower(strings.ReplaceAll(attr(se, "val"), " ", ""))
			for _, p := range []string{"heading", "标题"} {
				if strings.HasPrefix(n, p) {
					if v, err := strconv.Atoi(strings.TrimPrefix(n, p)); err == nil && v >= 1 && v <= 9 {
						out[id] = v
					}
				}
			}
			if n == "title" && id != "" {
				out[id] = 1
			}
		case "outlineLvl":
			if v, err := strconv.Atoi(attr(se, "val")); err == nil && v < 9 && id != "" && out[id] == 0 {
				out[id] = v + 1
			}
		}
	})
	return out
}

// eachStart calls fn for every start element of an XML part, in order, until the part
// ends or is malformed.
func eachStart(b []byte, fn func(xml.StartElement)) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if se, ok := tok.(xml.StartElement); ok {
			fn(se)
		}
	}
}

func coreTitle(b []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(b))
	in := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.CharData:
			if in {
				return trimSpace(zhtext.Normalize(string(t)))
			}
		case xml.EndElement:
			in = false
		}
	}
}

// numbering rebuilds the labels of automatic numbering: each list (numId) counts per
// level, and a level's text (%1、 or （%1）) is filled in with the counter in its format.
type numbering struct {
	abstract map[string]map[int]numLevel // abstractNumId → level → format
	nums     map[string]string           // numId → abstractNumId
	counters map[string][]int
}

type numLevel struct {
	format, text string
	start        int
}

func parseNumbering(b []byte) *numbering {
	n := &numbering{abstract: map[string]map[int]numLevel{}, nums: map[string]string{}, counters: map[string][]int{}}
	abs, num := "", ""
	lvl := -1
	eachStart(b, func(se xml.StartElement) {
		switch se.Name.Local {
		case "abstractNum":
			abs, num = attr(se, "abstractNumId"), ""
			n.abstract[abs] = map[int]numLevel{}
		case "num":
			num, abs = attr(se, "numId"), ""
		case "abstractNumId":
			if num != "" {
				n.nums[num] = attr(se, "val")
			}
		case "lvl":
			lvl, _ = strconv.Atoi(attr(se, "ilvl"))
			if abs != "" {
				n.abstract[abs][lvl] = numLevel{start: 1}
			}
		case "start", "numFmt", "lvlText":
			if abs == "" || lvl < 0 {
				return
			}
			l := n.abstract[abs][lvl]
			switch se.Name.Local {
			case "start":
				l.start, _ = strconv.Atoi(attr(se, "val"))
			case "numFmt":
				l.format = attr(se, "val")
			case "lvlText":
				l.text = attr(se, "val")
			}
			n.abstract[abs][lvl] = l
		}
	})
	return n
}

// label returns the next label of list numID at level ilvl, and advances its counter.
func (n *numbering) label(numID string, ilvl int) string {
	levels := n.abstract[n.nums[numID]]
	if levels == nil || ilvl < 0 || ilvl > 8 {
		return ""
	}
	c := n.counters[numID]
	if c == nil {
		c = make([]int, 9)
		n.counters[numID] = c
	}
	c[ilvl]++
	for i := ilvl + 1; i < len(c); i++ {
		c[i] = 0
	}
	l := levels[ilvl]
	if l.format == "bullet" || l.format == "none" {
		return ""
	}
	text := l.text
	for i := 0; i <= ilvl; i++ {
		li := levels[i]
		v := c[i] + li.start - 1
		if i < ilvl && c[i] == 0 {
			v = li.start
		}
		text = strings.ReplaceAll(text, "%"+strconv.Itoa(i+1), formatNumber(v, li.format))
	}
	return text
}

func formatNumber(v int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified", "taiwaneseCountingThousand":
		return chineseNumeral(v)
	case "decimalFullWidth", "decimalFullWidth2":
		return strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

// chineseNumeral writes 1–99 as 一 … 九十九.
func chineseNumeral(v int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case v <= 0 || v >= 100:
		return strconv.Itoa(v)
	case v < 10:
		return digits[v]
	case v < 20:
		return "十" + strings.TrimPrefix(digits[v%10], "零")
	}
	s := digits[v/10] + "十"
	if v%10 != 0 {
		s += digits[v%10]
	}
	return s
}
