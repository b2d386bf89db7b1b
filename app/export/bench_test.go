package export

import (
	"io"
	"testing"

	"workreport/app/report"
)

// BenchmarkExport writes the built-in report's workbook, as the app and the command do.
func BenchmarkExport(b *testing.B) {
	r, err := report.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, r, Options{Time: exportTime}); err != nil {
			b.Fatal(err)
		}
	}
}
