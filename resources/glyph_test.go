package resources_test

import (
	"bufio"
	"compress/bzip2"
	"fmt"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"workreport/app/chart"
	"workreport/app/report/reporttest"
	"workreport/resources"
)

// TestEveryRuneHasAGlyph: the embedded font draws every character of the report data
// and of the user-interface strings in the source, so no text shows as boxes.
func TestEveryRuneHasAGlyph(t *testing.T) {
	text := string(resources.ReportYAML) + "％（）“”、：≥≈…·×÷—" + uiStrings(t) + reportTexts(t)
	missing := map[rune]bool{}
	for _, r := range text {
		if unicode.IsControl(r) || r == ' ' || unicode.Is(unicode.Cf, r) { // format characters (U+200B, U+FEFF) are never drawn
			continue
		}
		if !chart.HasGlyph(r) {
			missing[r] = true
		}
	}
	for r := range missing {
		t.Errorf("no glyph for %q (U+%04X)", r, r)
	}
	if chart.HasGlyph('\U0001F600') {
		t.Error("the check cannot fail: an emoji reports a glyph")
	}
}

// TestFontCoversTheStandardCharacters: the embedded font is a subset, and the subset
// keeps every character of GB 2312 (hanzi, punctuation, Latin, Greek, Cyrillic, kana,
// symbols) and every hanzi of the Table of General Standard Chinese Characters
// (通用规范汉字表) in the Unified Ideographs block, the characters official documents are
// written in, so a report never seen before draws without boxes. The table is read from
// Unihan (kTGH), as the subset was made.
func TestFontCoversTheStandardCharacters(t *testing.T) {
	dec := simplifiedchinese.GBK.NewDecoder()
	checked, missing := 0, []string{}
	check := func(r rune) {
		checked++
		if !chart.HasGlyph(r) {
			missing = append(missing, fmt.Sprintf("%q U+%04X", r, r))
		}
	}
	for hi := 0xA1; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			out, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				continue
			}
			r, _ := utf8.DecodeRune(out)
			if r == utf8.RuneError || unicode.Is(unicode.Co, r) || unicode.IsSpace(r) {
				continue
			}
			if r == 'ɑ' || r == 'ǹ' || r == 'ɡ' { // pinyin letters the font has never had
				continue
			}
			check(r)
		}
	}
	if checked < 7400 {
		t.Fatalf("only %d characters of GB 2312 checked", checked)
	}
	table := standardHanzi(t)
	levels := [3]int{}
	for _, h := range table {
		// U+9FCD-U+9FCF came to Unicode in 2012, after the font; the table's other
		// characters outside the block are in Extensions A and B, which it never had.
		if h.r >= 0x4E00 && h.r <= 0x9FCC {
			check(h.r)
			levels[h.level-1]++
		}
	}
	if len(table) != 8105 || levels[0] != 3500 || levels[1] < 2900 || checked < 7400+7800 {
		t.Fatalf("the table has %d characters, %v in the block by level; %d checked", len(table), levels, checked)
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d characters have no glyph: %v", len(missing), checked, missing[:min(len(missing), 40)])
	}
}

// standardHanzi reads the Table of General Standard Chinese Characters from Unihan's
// kTGH property (Debian's unicode-data), with each character's level: 1 for 1–3500,
// 2 for 3501–6500, 3 for the rest.
func standardHanzi(t *testing.T) []struct {
	r     rune
	level int
} {
	t.Helper()
	const file = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
	f, err := os.Open(file)
	if err != nil {
		msg := "no " + file + " (Debian package unicode-data)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	defer f.Close()
	var out []struct {
		r     rune
		level int
	}
	sc := bufio.NewScanner(bzip2.NewReader(f))
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 || fields[1] != "kTGH" {
			continue
		}
		cp, err1 := strconv.ParseUint(strings.TrimPrefix(fields[0], "U+"), 16, 32)
		_, pos, _ := strings.Cut(fields[2], ":")
		n, err2 := strconv.Atoi(pos)
		if err1 != nil || err2 != nil {
			t.Fatalf("unreadable line %q", sc.Text())
		}
		level := 3
		if n <= 3500 {
			level = 1
		} else if n <= 6500 {
			level = 2
		}
		out = append(out, struct {
			r     rune
			level int
		}{rune(cp), level})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// reportTexts returns the built-in library and every report text of the corpus kept
// beside the repository.
func reportTexts(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, name := range resources.LibraryNames() {
		b.Write(resources.Library(name))
	}
	files, _ := filepath.Glob(filepath.Join(reporttest.Shared(t, "corpus"), "*", "*.txt"))
	if len(files) < 30 || len(resources.LibraryNames()) < 30 {
		t.Fatalf("only %d report texts and %d built-in reports", len(files), len(resources.LibraryNames()))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(src)
	}
	return b.String()
}

// uiStrings returns every string literal in the application's non-test Go source.
func uiStrings(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	files := 0
	for _, root := range []string{"../views", "../app", "../main.go"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files++
			var s scanner.Scanner
			fset := token.NewFileSet()
			s.Init(fset.AddFile(path, -1, len(src)), src, nil, 0)
			for {
				_, tok, lit := s.Scan()
				if tok == token.EOF {
					break
				}
				if tok == token.STRING || tok == token.CHAR {
					if v, err := strconv.Unquote(lit); err == nil {
						b.WriteString(v)
					}
				}
			}
			return nil
		})
	}
	if files < 20 {
		t.Fatalf("only %d source files scanned", files)
	}
	return b.String()
}
