// Package resources holds the data embedded in the application: the report dataset,
// and (alongside it) the font and icon the views and charts use.
package resources

import (
	"embed"
	"io/fs"
	"path"
)

// ReportName is the file name the embedded report is known by in messages.
const ReportName = "report.yaml"

// ReportYAML is the embedded report dataset: the cleaned text of the 2023 Jiangmen
// government work report digest, its figures and their provenance.
//
//go:embed report.yaml
var ReportYAML []byte

// ReportSnapshotName is the file of ReportSnapshot.
const ReportSnapshotName = "report.snapshot"

// ReportSnapshot is the embedded report, validated and encoded for a fast start (see
// app/report/snapshot.go). It is used only while it matches ReportYAML byte for byte.
//
//go:embed report.snapshot
var ReportSnapshot []byte

// nationalFS holds the State Council's government work reports, full text, with their
// main targets and headline results reviewed by hand: national/national-YEAR.yaml.
//
//go:embed national/*.yaml
var nationalFS embed.FS

// NationalNames returns the built-in national reports' file names, oldest first.
func NationalNames() []string {
	entries, _ := fs.ReadDir(nationalFS, "national")
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}

// National returns a built-in national report's data file, or nil.
func National(name string) []byte {
	b, _ := nationalFS.ReadFile(path.Join("national", name))
	return b
}

// FontName is the file name of the embedded font.
const FontName = "WenQuanYiMicroHei.ttf"

// FontTTF is WenQuanYi Micro Hei (Apache-2.0, see font/LICENSE.txt): one TrueType face
// covering Simplified Chinese, Latin, digits and CJK punctuation. The GUI and the charts
// both draw with it. It is a subset without the Hangul syllables, hinting and glyph names
// (the licence file gives the command): Fyne keeps every glyph of the font parsed in
// memory, and the subset costs a third fewer glyphs and megabytes.
//
//go:embed font/WenQuanYiMicroHei.ttf
var FontTTF []byte

// FontLicense is the font's licence text, shown in the About dialog.
//
//go:embed font/LICENSE.txt
var FontLicense string

// IconPNG is the application icon, 256×256 (drawn from icon/Icon.svg with
// `rsvg-convert -w 256 -h 256 icon/Icon.svg -o icon/Icon.png`).
//
//go:embed icon/Icon.png
var IconPNG []byte
