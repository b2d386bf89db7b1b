package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"workreport/app/report"
)

// The lists of figures and nonfigures make most of a data file. They are written here
// rather than by the YAML encoder, which holds every event of a document until its end:
// each value plain where YAML reads it back as the same string, else double-quoted. The
// file is then loaded back (report.Load), which proves it reads as written.

// writeFigures writes the figures list, each figure's fields in the data file's order.
func writeFigures(out *bytes.Buffer, figs []yFigure) {
	if len(figs) == 0 {
		out.WriteString("figures: []\n")
		return
	}
	out.WriteString("figures:\n")
	for _, f := range figs {
		out.WriteString("  - ")
		writeField(out, report.FieldID, f.id, false)
		for _, kv := range f.text.Written() {
			out.WriteString("    ")
			writeField(out, kv[0], kv[1], kv[0] == report.FieldValue || kv[0] == report.FieldUpper)
		}
	}
}

// writeNonFigures writes the nonfigures list.
func writeNonFigures(out *bytes.Buffer, nons []yNonFigure) {
	if len(nons) == 0 {
		return
	}
	out.WriteString("nonfigures:\n")
	for _, n := range nons {
		out.WriteString("  - ")
		writeField(out, "文本", n.Text, false)
		out.WriteString("    ")
		writeField(out, "类别", n.Kind, false)
		if n.Reason != "" {
			out.WriteString("    ")
			writeField(out, "说明", n.Reason, false)
		}
	}
}

// writeField writes "key: value" and a line break; a number is written as printed.
func writeField(out *bytes.Buffer, key, value string, number bool) {
	out.WriteString(key)
	out.WriteString(": ")
	if number && numberText.MatchString(value) {
		out.WriteString(value)
	} else {
		writeString(out, value)
	}
	out.WriteByte('\n')
}

// numberText is a number as report.FormatNumber writes it: -3.2, 1349084, 0.5.
var numberText = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$`)

// writeString writes a string scalar: plain when YAML reads it back as that string,
// else double-quoted.
func writeString(out *bytes.Buffer, s string) {
	if plainSafe(s) {
		out.WriteString(s)
		return
	}
	out.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			out.WriteString(`\"`)
		case r == '\\':
			out.WriteString(`\\`)
		case r == '\t':
			out.WriteString(`\t`)
		case r == '\n':
			out.WriteString(`\n`)
		case !printable(r) || isBreak(r):
			if r > 0xFFFF {
				fmt.Fprintf(out, `\U%08X`, r)
			} else {
				fmt.Fprintf(out, `\u%04X`, r)
			}
		default:
			out.WriteRune(r)
		}
	}
	out.WriteByte('"')
}

// plainSafe reports whether a string may be written plain: it holds no character YAML
// reads otherwise (an indicator first, ": " or " #" inside, a space at either end, a
// break or an unprintable character), and, written in ASCII alone, cannot read as a
// number, a truth value or null.
func plainSafe(s string) bool {
	if s == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@` ", rune(s[0])) || strings.HasPrefix(s, "...") {
		return false
	}
	if last := s[len(s)-1]; last == ' ' || last == ':' {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	ascii := true
	for _, r := range s {
		if r == utf8.RuneError || r == '\t' || !printable(r) || isBreak(r) || r == '\n' {
			return false
		}
		if r >= utf8.RuneSelf {
			ascii = false
		}
	}
	if ascii {
		return plainWord.MatchString(s) && !reserved[strings.ToLower(s)]
	}
	return true
}

// plainWord is an ASCII string that reads as a string: s1.f1, PM.
var plainWord = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9._-]*$`)

// reserved are words YAML reads as truth values or null.
var reserved = map[string]bool{"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"y": true, "n": true, "null": true, "nan": true, "inf": true}

// printable is the set of characters YAML writes as they are.
func printable(r rune) bool {
	switch {
	case r == 0x0A, r >= 0x20 && r <= 0x7E, r == 0x85:
		return true
	case r >= 0xA0 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return r != 0xFEFF
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// isBreak reports whether YAML reads a character as a line break.
func isBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}
