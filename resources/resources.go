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

// LibraryDir is the folder of the built-in library's data files.
const LibraryDir = "library"

// libraryFS holds the built-in library besides the report the app opens with: the
// reports of the nation, the province and the city, and the statistical bulletins. Each
// file holds what a person reviewed of its text (see library_test.go): the section
// titles, the main-targets paragraphs and the sentences of its confirmed figures.
//
//go:embed library/*.yaml
var libraryFS embed.FS

// LibraryNames returns the built-in library's file names, sorted.
func LibraryNames() []string {
	entries, _ := fs.ReadDir(libraryFS, LibraryDir)
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}

// Library returns a data file of the built-in library, or nil.
func Library(name string) []byte {
	b, _ := libraryFS.ReadFile(path.Join(LibraryDir, name))
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
