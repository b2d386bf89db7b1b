package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A4 is the paper size code for A4 in the page setup.
const A4 = 9

// pageSetup makes a sheet print on A4 landscape, fitted to the page width, with the
// title and page numbers in the header and footer, and, for a sheet of rows, its header
// row on every page.
func (b *builder) pageSetup(sheet string, rows bool) {
	size, landscape, one, tall := A4, "landscape", 1, 0 // 0: as many pages tall as needed
	if sheet == SheetCover {
		tall = 1
	}
	b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall,
	}))
	fit := true
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	b.check(b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.5), Right: ptr(0.5), Top: ptr(0.75), Bottom: ptr(0.75), Header: ptr(0.3), Footer: ptr(0.3),
	}))
	// The size code comes before the font code: a size code directly followed by text
	// that starts with a digit (2022年…) would read the digits as part of the size.
	f := `&9&"` + Font + `,Regular"`
	footer := ""
	if c := b.r.Source.ShortCaveat(); c != "" {
		footer = "&L" + f + escapeHF(c)
	}
	b.check(b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + f + escapeHF(b.r.Title) + "&R" + f + escapeHF(sheet),
		OddFooter: footer + "&C" + f + "第 &P 页，共 &N 页" + "&R" + f + "导出于 " + b.now.Format("2006-01-02"),
	}))
	if rows {
		b.check(b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", sheet), Scope: sheet,
		}))
	}
}

// escapeHF escapes & in header and footer text, where it starts a code.
func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

func ptr[T any](v T) *T { return &v }
