package export

import (
	"github.com/xuri/excelize/v2"

	"workreport/app/palette"
)

// Font sizes in points.
const (
	sizeBody    = 10
	sizeHeading = 12
	sizeTitle   = 16
)

// styles are the cell styles of the workbook, created once per workbook.
type styles struct {
	title, subtitle, label, body, wrap, link  int
	header                                    int
	heading1, heading2, item                  int
	figText, figNumber, figThreshold, figNote int
	figDerived                                int
	tableText, tableWrap, tableNumber         int
	unconfirmed                               int // a 未审核 mark, filled so that it is seen
}

func border() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "top", "right", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: palette.Rule.Hex, Style: 1})
	}
	return out
}

func font(size float64, colour string, bold, italic bool) *excelize.Font {
	return &excelize.Font{Family: Font, Size: size, Color: colour, Bold: bold, Italic: italic}
}

func (b *builder) newStyle(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.check(err)
	if len(s.Border) > 0 {
		b.bordered[id] = true
	}
	return id
}

func (b *builder) newStyles() error {
	ink, muted := palette.Ink.Hex, palette.Muted.Hex
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	general := "General"
	b.bordered = map[int]bool{}
	b.st = styles{
		title:    b.newStyle(&excelize.Style{Font: font(sizeTitle, palette.Heading.Hex, true, false)}),
		subtitle: b.newStyle(&excelize.Style{Font: font(sizeHeading, palette.Heading.Hex, true, false)}),
		label:    b.newStyle(&excelize.Style{Font: font(sizeBody, muted, true, false), Alignment: top}),
		body:     b.newStyle(&excelize.Style{Font: font(sizeBody, ink, false, false), Alignment: top}),
		wrap:     b.newStyle(&excelize.Style{Font: font(sizeBody, ink, false, false), Alignment: wrapTop}),
		link:     b.newStyle(&excelize.Style{Font: &excelize.Font{Family: Font, Size: sizeBody, Color: "0563C1", Underline: "single"}}),
		header: b.newStyle(&excelize.Style{
			Font:      font(sizeBody, palette.HeadingText.Hex, true, false),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{palette.Heading.Hex}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
			Border:    border(),
		}),
		heading1: b.newStyle(&excelize.Style{
			Font:      font(sizeHeading, palette.Heading.Hex, true, false),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{palette.Band.Hex}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		}),
		heading2: b.newStyle(&excelize.Style{
			Font:      font(sizeBody+1, palette.Heading.Hex, true, false),
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
			Border:    []excelize.Border{{Type: "bottom", Color: palette.Heading.Hex, Style: 1}},
		}),
		item: b.newStyle(&excelize.Style{Font: font(sizeBody, muted, false, false), Alignment: wrapTop}),
		figText: b.newStyle(&excelize.Style{Font: font(sizeBody, ink, false, false),
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true, Indent: 1}, Border: border()}),
		figNumber: b.newStyle(&excelize.Style{Font: font(sizeBody, ink, true, false),
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, Border: border(), CustomNumFmt: &general}),
		figThreshold: b.newStyle(&excelize.Style{Font: font(sizeBody, palette.Threshold.Hex, false, true),
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true, Indent: 1}, Border: border()}),
		figDerived: b.newStyle(&excelize.Style{Font: font(sizeBody, palette.Derived.Hex, false, true),
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true, Indent: 1}, Border: border()}),
		figNote: b.newStyle(&excelize.Style{Font: font(sizeBody, ink, false, false),
			Alignment: wrapTop, Border: border()}),
		tableText: b.newStyle(&excelize.Style{Font: font(sizeBody, ink, false, false), Alignment: top, Border: border()}),
		tableWrap: b.newStyle(&excelize.Style{Font: font(sizeBody, ink, false, false), Alignment: wrapTop, Border: border()}),
		tableNumber: b.newStyle(&excelize.Style{Font: font(sizeBody, ink, false, false),
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, Border: border(), CustomNumFmt: &general}),
		unconfirmed: b.newStyle(&excelize.Style{Font: font(sizeBody, ink, true, false), Alignment: wrapTop, Border: border(),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{palette.Highlight.Hex}}}),
	}
	return b.err
}
