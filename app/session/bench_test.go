package session

import (
	"testing"

	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/workspace"
)

// BenchmarkLibraryPages measures what the window does once it is up: it hands the
// built-in library to the session, which reads the library's list and decodes the
// reports the pages of the report the app opens with need (the verdicts of last year's
// targets, the city's years, the year's other places). A new library each time, as at
// a start.
func BenchmarkLibraryPages(b *testing.B) {
	r, err := report.Default()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		s := New(r, "", &MemorySettings{})
		s.SetEntry("内置/" + "report.yaml")
		s.SetLibrary(workspace.New(library.New(dir, library.BuiltIn()...)))
		if s.Trend() == nil || s.Benchmark() == nil {
			b.Fatal("no comparison pages")
		}
	}
}
