package importer

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"workreport/app/zhtext"
)

// decodeText turns the bytes of a text file into UTF-8: a BOM decides (UTF-8, UTF-16 LE
// or BE); otherwise valid UTF-8 is taken as is, then GB18030 (which covers GBK and
// GB2312), then Big5. A binary file, or text no encoding reads cleanly, is refused.
func decodeText(name string, data []byte) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text = string(data[3:])
		if !utf8.ValidString(text) {
			return "", undecodable(name)
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		t, err := decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), data)
		if err != nil {
			return "", undecodable(name)
		}
		text = t
	case utf8.Valid(data):
		text = string(data)
	default:
		if looksBinary(data) {
			return "", binary(name)
		}
		ok := false
		for _, enc := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
			if t, err := decodeWith(enc, data); err == nil && plausible(t) {
				text, ok = t, true
				break
			}
		}
		if !ok {
			return "", undecodable(name)
		}
	}
	if looksBinary([]byte(text)) {
		return "", binary(name)
	}
	if len(text) > MaxTextSize {
		return "", fail(name, "的文字超过 %d MB，不像一份政府工作报告。请确认选择的文件是否正确。", MaxTextSize>>20)
	}
	return text, nil
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return "", err
	}
	s := string(out)
	if strings.ContainsRune(s, utf8.RuneError) {
		return "", errBadBytes
	}
	return s, nil
}

var errBadBytes = &Error{Msg: "含有无法解码的字节"}

// plausible reports whether decoded text reads as text: mostly letters, digits,
// punctuation and spaces, with Chinese characters among them, and few private-use or
// unassigned characters (a wrong decoding of binary data produces those).
func plausible(s string) bool {
	var total, bad, han int
	for _, r := range s {
		total++
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Co, r), r == utf8.RuneError, !unicode.IsPrint(r) && !unicode.IsSpace(r):
			bad++
		}
	}
	return total > 0 && bad*100 <= total && han > 0
}

// looksBinary reports whether data holds NUL bytes or many control characters, as
// executables, images and archives do.
func looksBinary(data []byte) bool {
	if len(data) > 1<<16 {
		data = data[:1<<16]
	}
	control := 0
	for _, b := range data {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f':
			control++
		}
	}
	return control*50 > len(data)
}

func binary(name string) *Error {
	return fail(name, "不是文本文件（像是程序、图片或压缩包）。请选择报告的 Word 文档（.docx）、网页（.html）或文本文件（.txt）。")
}

func undecodable(name string) *Error {
	return fail(name, "的文字编码无法识别（支持 UTF-8、UTF-16、GB18030/GBK 和 Big5）。请用记事本打开它，另存为“UTF-8”编码后再导入。")
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// trimSpace trims ASCII and full-width spaces (全角空格 indentation) from both ends.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' })
}

var (
	mdHeading = regexp.MustCompile(`^(#{1,6})\s+`)
	// mdImage is a line that only shows a picture: ![](./W0202502.png).
	mdImage  = regexp.MustCompile(`^!\[[^\]]*\]\([^)]*\)$`)
	mdBullet = regexp.MustCompile(`^(?:[-*+]|>)\s+`)
	mdEmph   = strings.NewReplacer("**", "", "__", "")
)

// textBlocks splits plain text into paragraphs. Text copied from web pages breaks lines
// anywhere: around links, and even inside a number ("74.4⏎⏎万亿元", "PM⏎2.5"). A line
// break inside a paragraph is joined unless the line ends a sentence or is a heading; a
// blank line ends a paragraph unless the text around it is plainly one number or word.
func textBlocks(text string) []block {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var blocks []block
	var cur strings.Builder
	curLevel := 0
	curBullet := false
	blank := false
	flush := func() {
		if cur.Len() > 0 {
			blocks = append(blocks, block{text: cur.String(), level: curLevel, bullet: curBullet})
		}
		cur.Reset()
		curLevel = 0
		curBullet = false
	}
	for _, raw := range strings.Split(text, "\n") {
		if zhtext.OnlyInvisible(raw) {
			// A line of zero-width characters marks where a page's link was, inside a
			// paragraph: it is no paragraph break.
			continue
		}
		line := zhtext.Normalize(raw)
		if strings.Contains(line, "![") && mdImage.MatchString(trimSpace(line)) {
			continue // a picture, whose file name is no text
		}
		if cells, rule, ok := pipeCells(line); ok {
			// A row of a Markdown table: a block of its own, its cells kept apart.
			flush()
			if !rule {
				blocks = append(blocks, block{text: strings.Join(cells, "\u3000"), cells: cells})
			}
			blank = false
			continue
		}
		level := 0
		if strings.HasPrefix(line, "#") {
			if m := mdHeading.FindStringSubmatch(line); m != nil {
				level = len(m[1])
				line = line[len(m[0]):]
			}
		}
		line = trimSpace(line)
		bullet := line != "" && strings.ContainsRune("-*+>", rune(line[0])) && mdBullet.MatchString(line)
		if bullet {
			line = trimSpace(mdBullet.ReplaceAllString(line, ""))
		}
		if strings.Contains(line, "**") || strings.Contains(line, "__") {
			line = mdEmph.Replace(line)
		}
		line = strings.Trim(line, "*")
		if line == "" || line == "#" || isRule(line) {
			blank = true
			continue
		}
		if cur.Len() > 0 && level == 0 && !bullet && !(curBullet && blank) && joins(cur.String(), line, blank) {
			cur.WriteString(joiner(cur.String(), line))
			cur.WriteString(line)
		} else {
			flush()
			cur.WriteString(line)
			curLevel = level
			curBullet = bullet
		}
		blank = false
	}
	flush()
	return blocks
}

func isRule(line string) bool {
	return strings.Trim(line, "-=*_ ") == "" && len(line) >= 3
}

// joins decides whether next continues the paragraph prev, across a line break (blank
// false) or a blank line (blank true).
func joins(prev, next string, blank bool) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if endsParagraph(last) || isHeadingLine(prev) || opensParagraph(next) {
		return false
	}
	if !blank {
		return true
	}
	if len(prev) <= 3 && strings.Trim(prev, "0123456789") == "" {
		return false // a page or column number left by a newspaper's layout
	}
	// Across a blank line only a number or word broken in two is joined: digits on
	// either side, a letter before digits (PM⏎2.5), or a line that cannot start a
	// paragraph because it starts with a unit's sign or closing punctuation.
	switch {
	case isDigitRune(last) || last == '.':
		return true
	case isDigitRune(first) && (last < utf8.RuneSelf && unicode.IsLetter(last)):
		return true
	case strings.ContainsRune("%，。、；：）”’》」』!?,.;:)", first):
		return true
	}
	return false
}

// joiner is what goes between two joined lines: a space between two Latin words,
// nothing in Chinese text.
func joiner(prev, next string) string {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if last < utf8.RuneSelf && first < utf8.RuneSelf && unicode.IsLetter(last) && unicode.IsLetter(first) {
		return " "
	}
	return ""
}

// endsParagraph reports whether a line ending in r ends its sentence.
func endsParagraph(r rune) bool {
	return strings.ContainsRune("。！？；：!?;:…", r)
}

var (
	numbered     = regexp.MustCompile(`^(?:[` + zhtext.OrdinalNumerals + `]{1,3}、|[（(][` + zhtext.OrdinalNumerals + `]{1,3}[）)]|[0-9]{1,2}[.．、](?:[^0-9]|$)|[（(][0-9]{1,2}[）)])`)
	sequenceWord = regexp.MustCompile(`^[` + zhtext.OrdinalNumerals + `]{1,3}是`)
)

// isHeadingLine reports whether a line is a short numbered heading (一、2018年工作回顾)
// that a paragraph must not be joined onto.
func isHeadingLine(s string) bool {
	return numbered.MatchString(s) && utf8.RuneCountInString(s) <= 40
}

// opensParagraph reports whether a line starts a new paragraph by its first words: a
// heading's numbering, a dash-led item (——经济运行…), or a sequence word (一是).
func opensParagraph(s string) bool {
	return numbered.MatchString(s) || strings.HasPrefix(s, "——") || sequenceWord.MatchString(s)
}
