package resources_test

import (
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

// TestFontCoversGBK: the embedded font is a subset, and the subset keeps every character
// of GB 2312 (hanzi, punctuation, Latin, Greek, Cyrillic, kana, symbols) and every hanzi
// of GBK, so a report never seen before draws without boxes.
func TestFontCoversGBK(t *testing.T) {
	dec := simplifiedchinese.GBK.NewDecoder()
	checked, missing := 0, []string{}
	for hi := 0x81; hi <= 0xFE; hi++ {
		for lo := 0x40; lo <= 0xFE; lo++ {
			if lo == 0x7F {
				continue
			}
			out, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				continue
			}
			r, _ := utf8.DecodeRune(out)
			gb2312 := hi >= 0xA1 && hi <= 0xF7 && lo >= 0xA1
			if r == utf8.RuneError || unicode.Is(unicode.Co, r) || unicode.IsSpace(r) ||
				!gb2312 && (r < 0x4E00 || r > 0x9FFF) {
				continue
			}
			if r == 'ɑ' || r == 'ǹ' || r == 'ɡ' { // pinyin letters the font has never had
				continue
			}
			checked++
			if !chart.HasGlyph(r) {
				missing = append(missing, fmt.Sprintf("%q U+%04X", r, r))
			}
		}
	}
	if checked < 21500 {
		t.Fatalf("only %d characters checked", checked)
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d characters have no glyph: %v", len(missing), checked, missing[:min(len(missing), 40)])
	}
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
