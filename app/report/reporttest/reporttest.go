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
	// SampleCity2022 and SampleCity2023 are two consecutive reports of a made-up city,
	// 示例市, written for tests: the 2022 targets (a 左右 target, a 以上 floor, a
	// qualitative 基本同步, a price ceiling) are judged by the 2023 report's results, in
	// every verdict (达成, 未达成); the 2023 report adds a strive target.
	SampleCity2022 = "sample-city-2022.yaml"
	SampleCity2023 = "sample-city-2023.yaml"
	// SampleProvince2023 is a made-up province's 2023 report, for comparing the year's
	// targets of two places.
	SampleProvince2023 = "sample-province-2023.yaml"
)

// Library is the fixtures a test library holds, in the order of a library's built-in
// reports: the one opened first, then the others.
var Library = []string{SampleCity2023, SampleCity2022, SampleProvince2023, National2016}

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

// Shared returns the path of a file of the material kept beside the repository, in
// ../shared (the corpus of reports and bulletins, the newspaper source): rel is its path
// under shared/, such as "corpus/national/2019.txt". The repository carries no copy of
// it. Outside CI a test without it is skipped; in CI (CI=true) it fails, saying what is
// missing, so that a test meant to read the material can never pass without it.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	root, err := moduleRoot()
	if err == nil {
		p := filepath.Join(filepath.Dir(root), "shared", filepath.FromSlash(rel))
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	msg := "the material ../shared/" + rel + " is not beside this checkout (" + err.Error() + ")"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI must run with ../shared beside the clone")
	}
	t.Skip(msg)
	return ""
}

// ReadShared reads a file of ../shared (see Shared).
func ReadShared(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(Shared(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// moduleRoot is the folder of the go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
