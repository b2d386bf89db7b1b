// Package reporttest holds report files for tests: reports of other places, years and
// formats than the built-in one, typed and labelled by hand from their source texts, so
// that behaviour tests do not depend on the data the app ships.
package reporttest

import (
	"embed"
	"os"
	"path/filepath"
	"testing"

	"workreport/app/report"
)

// The report files.
const (
	// National2016 is an excerpt of the State Council's 2016 report: other section ids, a
	// range target, a 以内 ceiling, planned allocations, qualitative targets, a five-year
	// paragraph in a one-year review, plan-horizon targets, the main targets inside the
	// work-plan section, and one unconfirmed figure.
	National2016 = "national-2016.yaml"
	// JiangmenFormat1 is a few lines of the Jiangmen 2023 digest in the first data file
	// format, which must keep loading.
	JiangmenFormat1 = "jiangmen-format1.yaml"
)

//go:embed *.yaml
var files embed.FS

// Bytes returns a report file's contents.
func Bytes(t testing.TB, name string) []byte {
	t.Helper()
	b, err := files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Load loads and validates a report file, failing the test if it does not load.
func Load(t testing.TB, name string) *report.Report {
	t.Helper()
	r, err := report.Load(name, Bytes(t, name))
	if err != nil {
		t.Fatalf("%s does not load: %v", name, err)
	}
	return r
}

// Path writes a report file into a temporary folder and returns its path, for tests that
// open files.
func Path(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, Bytes(t, name), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
