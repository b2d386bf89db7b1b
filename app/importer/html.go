package importer

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"workreport/app/zhtext"
)

// skipped elements never hold the article's text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true, atom.Select: true,
	atom.Button: true, atom.Template: true, atom.Svg: true, atom.Head: true, atom.Object: true,
}

// blockAtoms start a new paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Tr: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Blockquote: true, atom.Pre: true, atom.Center: true, atom.Dd: true,
	atom.Dt: true, atom.Ul: true, atom.Ol: true, atom.Main: true, atom.Body: true, atom.Td: true, atom.Th: true,
}

// chrome names the ids and classes of page furniture: menus, breadcrumbs, share bars,
// related links and footers.
var chrome = regexp.MustCompile(`(?i)(^|[-_ ])(nav|menu|breadcrumb|crumb|share|footer|foot|header|banner|sidebar|side|related|copyright|toolbar|login|search|comment|recommend)([-_ ]|$)`)

// readHTML returns the article's paragraphs. The page's charset is honoured (BOM, HTTP-
// equiv or meta charset, else UTF-8, else GB18030). Scripts, styles, navigation, headers
// and footers are dropped; of what remains, the article is the smallest element holding
// most of the page's running text (text outside links), so menus and link lists fall
// away.
func readHTML(name string, data []byte) ([]block, string, error) {
	enc, encName, certain := charset.DetermineEncoding(data, "text/html")
	var text []byte
	if !certain && utf8.Valid(data) {
		text = data
	} else {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, "", undecodable(name)
		}
		text = out
	}
	_ = encName
	if looksBinary(text) {
		return nil, "", binary(name)
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, "", fail(name, "不是可以读取的网页。请在浏览器中重新另存为“网页，仅 HTML”，或复制全文从剪贴板导入。")
	}
	title := ""
	var paras []para
	walkHTML(doc, &paras, &title, nil, 0)
	blocks := article(paras)
	if len(blocks) == 0 {
		return nil, "", fail(name, "中没有正文文字（可能只保存了网页框架，正文由脚本另行加载）。请在浏览器中打开报告全文后复制全文，从剪贴板导入，或另存为文本文件。")
	}
	return blocks, trimSpace(zhtext.Normalize(title)), nil
}

// para is a paragraph of the page with the elements that hold it.
type para struct {
	text     string
	cells    []string // a table's row: its cells
	level    int
	link     int // bytes of text inside links
	ancestry []*html.Node
}

func walkHTML(n *html.Node, out *[]para, title *string, stack []*html.Node, level int) {
	var cur strings.Builder
	link := 0
	var curStack []*html.Node
	curLevel := 0
	flush := func() {
		t := trimSpace(zhtext.Normalize(collapse(cur.String())))
		if t != "" {
			*out = append(*out, para{text: t, level: curLevel, link: link, ancestry: curStack})
		}
		cur.Reset()
		link = 0
	}
	var walk func(n *html.Node, stack []*html.Node, inLink bool, level int)
	walk = func(n *html.Node, stack []*html.Node, inLink bool, level int) {
		switch n.Type {
		case html.ElementNode:
			if n.DataAtom == atom.Title && *title == "" && n.FirstChild != nil {
				*title = n.FirstChild.Data
				return
			}
			if skipped[n.DataAtom] || isChrome(n) || hidden(n) {
				return
			}
			if n.DataAtom == atom.Br {
				flush()
				return
			}
			if n.DataAtom == atom.Tr {
				if cells, ok := rowCells(n); ok {
					// A table's row: its cells kept apart, for the table's numbers.
					flush()
					*out = append(*out, para{text: strings.Join(cells, "\u3000"), cells: cells, level: level,
						ancestry: append(stack[:len(stack):len(stack)], n)})
					return
				}
			}
			block := blockAtoms[n.DataAtom]
			if block {
				flush()
				stack = append(stack[:len(stack):len(stack)], n)
				switch n.DataAtom {
				case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					level = int(n.Data[1] - '0')
				}
			}
			if n.DataAtom == atom.A {
				inLink = true
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, stack, inLink, level)
			}
			if block {
				if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
					cur.WriteString("\u3000")
					return
				}
				flush()
			}
		case html.TextNode:
			if cur.Len() == 0 {
				curStack = stack
				curLevel = level
			}
			cur.WriteString(n.Data)
			if inLink {
				link += len(strings.TrimSpace(n.Data))
			}
		case html.DocumentNode:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, stack, inLink, level)
			}
		}
	}
	walk(n, stack, false, level)
	flush()
}

// rowCells reads a table row's cells (td, th) as text; ok is false for a row that lays
// out a page rather than holding data: a cell with paragraphs, lists or a table inside,
// or a long text.
func rowCells(tr *html.Node) (cells []string, ok bool) {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Td && c.DataAtom != atom.Th {
			continue
		}
		var b strings.Builder
		layout := false
		var text func(n *html.Node)
		text = func(n *html.Node) {
			switch {
			case n.Type == html.TextNode:
				b.WriteString(n.Data)
			case n.Type == html.ElementNode && (skipped[n.DataAtom] || hidden(n)):
				return
			case n.Type == html.ElementNode && (n.DataAtom == atom.Table || n.DataAtom == atom.Ul || n.DataAtom == atom.Ol || n.DataAtom == atom.Div && n.FirstChild != nil && n.FirstChild.NextSibling != nil):
				layout = true
			case n.Type == html.ElementNode && n.DataAtom == atom.Br:
				b.WriteString(" ")
			}
			for k := n.FirstChild; k != nil; k = k.NextSibling {
				text(k)
			}
		}
		text(c)
		cell := trimSpace(zhtext.Normalize(collapse(b.String())))
		if layout || utf8.RuneCountInString(cell) > 200 {
			return nil, false
		}
		cells = append(cells, cell)
	}
	return cells, len(cells) >= 2
}

func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }), "")
}

func isChrome(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "id" || a.Key == "class" || a.Key == "role") && chrome.MatchString(a.Val) {
			return true
		}
	}
	return false
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || a.Key == "style" && strings.Contains(strings.ReplaceAll(a.Val, " ", ""), "display:none") {
			return true
		}
	}
	return false
}

// article keeps the paragraphs under the element that holds the page's running text:
// the deepest element whose paragraphs hold at least 80% of it.
func article(paras []para) []block {
	running := func(p para) int {
		if p.link*2 > len(p.text) {
			return 0
		}
		return len(p.text) - p.link
	}
	total := 0
	held := map[*html.Node]int{}
	for _, p := range paras {
		r := running(p)
		total += r
		for _, n := range p.ancestry {
			held[n] += r
		}
	}
	if total == 0 {
		return nil
	}
	var best *html.Node
	bestDepth := -1
	for _, p := range paras {
		for d, n := range p.ancestry {
			if held[n]*10 >= total*8 && d > bestDepth {
				best, bestDepth = n, d
			}
		}
	}
	var out []block
	for _, p := range paras {
		in := best == nil
		for _, n := range p.ancestry {
			if n == best {
				in = true
			}
		}
		if in && (running(p) > 0 || p.cells != nil) {
			out = append(out, block{text: p.text, level: p.level, cells: p.cells})
		}
	}
	return out
}
