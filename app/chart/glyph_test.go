package chart

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"workreport/resources"
)

// TestEveryRuneHasAGlyph: the embedded font draws every character of the report data
// and of the user-interface strings in the source, so no text shows as boxes.
func TestEveryRuneHasAGlyph(t *testing.T) {
	text := string(resources.ReportYAML) + "％（）“”、：≥≈…·×÷—" + uiStrings(t)
	missing := map[rune]bool{}
	for _, r := range text {
		if unicode.IsControl(r) || r == ' ' || unicode.Is(unicode.Cf, r) { // format characters (U+200B, U+FEFF) are never drawn
			continue
		}
		if !HasGlyph(r) {
			missing[r] = true
		}
	}
	for r := range missing {
		t.Errorf("no glyph for %q (U+%04X)", r, r)
	}
	if HasGlyph('\U0001F600') {
		t.Error("the check cannot fail: an emoji reports a glyph")
	}
}

// uiStrings returns every string literal in the application's non-test Go source.
func uiStrings(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	files := 0
	for _, root := range []string{"../../views", "../../app", "../../main.go"} {
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
