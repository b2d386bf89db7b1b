// Package importer turns a government work report as it comes (a Word file, a saved web
// page, or text in any common encoding) into a report data file: its metadata, its
// sections, every figure with its qualifier and verbatim sentence, and every other number
// accounted for. Nothing it reads is taken as confirmed: every figure is 未审核.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Limits keep a malformed or hostile file from exhausting memory. A national report is
// about 60 KB of text; its .docx holds about 1 MB of XML.
const (
	MaxFileSize = 32 << 20 // bytes of any input file
	MaxTextSize = 8 << 20  // bytes of decoded text, after reading a document's markup
	MaxPartSize = 64 << 20 // bytes of one part of a .docx, uncompressed
)

// Error is a file that cannot be imported. Its message is in Chinese, names the file and
// says what to do.
type Error struct {
	File string
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.File == "" {
		return e.Msg
	}
	return "“" + e.File + "”" + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

func fail(name, format string, args ...any) *Error {
	return &Error{File: name, Msg: fmt.Sprintf(format, args...)}
}

// Kind is the kind of input, from the file's name and, failing that, its bytes.
type Kind string

const (
	KindText Kind = "text"
	KindDocx Kind = "docx"
	KindHTML Kind = "html"
)

// refused are formats the importer cannot read, with what to do instead.
var refused = map[string]string{
	".doc":   "是旧版 Word 文档（.doc），无法直接导入。请在 Word 或 WPS 中打开它，另存为 .docx 或 .txt 后再导入；也可以复制全文，从剪贴板导入。",
	".wps":   "是 WPS 文字文档（.wps），无法直接导入。请在 WPS 中打开它，另存为 .docx 或 .txt 后再导入；也可以复制全文，从剪贴板导入。",
	".pdf":   "是 PDF 文件，无法可靠地取出其中的文字。请在原网站下载 Word 或网页版本；或在 PDF 阅读器中复制全文，从剪贴板导入。",
	".rtf":   "是 RTF 文档，无法直接导入。请在 Word 或 WPS 中打开它，另存为 .docx 或 .txt 后再导入。",
	".odt":   "是 OpenDocument 文档（.odt），无法直接导入。请在 LibreOffice、Word 或 WPS 中另存为 .docx 或 .txt 后再导入。",
	".xls":   "是表格文件，不是报告全文。请导入报告的 Word 文档、网页或文本。",
	".xlsx":  "是表格文件，不是报告全文。请导入报告的 Word 文档、网页或文本。",
	".mht":   "是单一文件网页（.mht），无法直接导入。请在浏览器中把网页另存为“网页，仅 HTML”（.html）后再导入，或复制全文从剪贴板导入。",
	".mhtml": "是单一文件网页（.mhtml），无法直接导入。请在浏览器中把网页另存为“网页，仅 HTML”（.html）后再导入，或复制全文从剪贴板导入。",
}

// Importable reports whether the importer reads files with this name's extension (rather
// than a report data file, .yaml).
func Importable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return false
	}
	return true
}

// ReadFile reads and imports the file at path.
func ReadFile(path string) (*Result, error) {
	name := filepath.Base(path)
	data, err := readLimited(path, name)
	if err != nil {
		return nil, err
	}
	return Import(name, data)
}

func readLimited(path, name string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fail(name, "是文件夹，不是文件。请选择报告文件。")
		}
		if st.Size() > MaxFileSize {
			return nil, tooLarge(name, st.Size())
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &Error{File: name, Msg: "读取时出错，文件可能正被其他程序占用、已被移走或所在的磁盘已断开。请关闭占用它的程序或重新选择文件后再试。", Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	return data, nil
}

func tooLarge(name string, size int64) *Error {
	return fail(name, "太大（%.1f MB），不像一份政府工作报告（通常小于 5 MB）；为保护电脑内存，最多导入 %d MB 的文件。请确认选择的文件是否正确。",
		float64(size)/(1<<20), MaxFileSize>>20)
}

func openError(name string, err error) *Error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{File: name, Msg: "不存在，可能已被移动、改名或删除。请重新选择文件。", Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{File: name, Msg: "无法打开：没有读取权限，或正被其他程序独占。请关闭占用它的程序后再试。", Err: err}
	}
	return &Error{File: name, Msg: "无法打开，文件可能正被其他程序占用或所在的磁盘已断开。请关闭占用它的程序后再试。", Err: err}
}

// kindOf decides how to read a file: by its extension, and for an unknown extension by
// its first bytes.
func kindOf(name string, data []byte) (Kind, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if msg, ok := refused[ext]; ok {
		return "", fail(name, "%s", msg)
	}
	switch ext {
	case ".docx", ".docm", ".dotx":
		return KindDocx, nil
	case ".html", ".htm", ".xhtml", ".shtml":
		return KindHTML, nil
	case ".txt", ".md", ".markdown", ".text":
		return KindText, nil
	}
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return KindDocx, nil
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "", fail(name, "%s", refused[".pdf"])
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "", fail(name, "%s", refused[".doc"])
	case bytes.Contains(bytes.ToLower(head), []byte("<html")), bytes.Contains(bytes.ToLower(head), []byte("<!doctype html")):
		return KindHTML, nil
	}
	return KindText, nil
}

// block is one paragraph of the input, in document order. level is a heading level the
// markup states (1 for the top), or 0.
type block struct {
	text   string
	level  int
	bullet bool       // the line was an item of a list (- …)
	cells  []string   // a table's row: its cells
	table  *table     // the table the paragraph writes out, gathered from its rows
	line   *tableLine // the table's number the paragraph states
}

// htmlComment is a comment of a Markdown text, which a reader does not see: <!-- … -->.
var htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)

// frontMatter parts a Markdown text's front matter (---, key: value lines, ---) from its
// body, and returns the title it states.
func frontMatter(text string) (body, title string) {
	t := strings.TrimPrefix(text, "\ufeff")
	if !strings.HasPrefix(t, "---\n") && !strings.HasPrefix(t, "---\r\n") {
		return text, ""
	}
	rest := t[strings.Index(t, "\n")+1:]
	end := strings.Index(rest, "\n---")
	if end < 0 || end > 4000 {
		return text, ""
	}
	for _, line := range strings.Split(rest[:end], "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.Contains(k, " ") && strings.TrimSpace(k) != k {
			return text, "" // not a front matter of keys and values
		}
		if strings.TrimSpace(k) == "title" {
			title = strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	body = rest[end+len("\n---"):]
	if i := strings.Index(body, "\n"); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	return body, title
}

// readBlocks reads the paragraphs of any input, and the title its markup states.
func readBlocks(name string, data []byte) (blocks []block, title string, kind Kind, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, "", "", fail(name, "是空文件，没有任何文字。请确认选择的文件是否正确。")
	}
	kind, err = kindOf(name, data)
	if err != nil {
		return nil, "", "", err
	}
	switch kind {
	case KindDocx:
		blocks, title, err = readDocx(name, data)
	case KindHTML:
		blocks, title, err = readHTML(name, data)
	default:
		var text string
		text, err = decodeText(name, data)
		if err == nil {
			text, title = frontMatter(text)
			blocks = textBlocks(htmlComment.ReplaceAllString(text, ""))
		}
	}
	return gatherTables(blocks), title, kind, err
}
