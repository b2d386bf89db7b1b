package resources_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workreport/app/cli"
	"workreport/app/compare"
	"workreport/resources"
)

// The built-in national reports' consecutive pairs through the verdicts command, against
// verdicts typed by hand from the texts (testdata/verdicts-national.tsv, with the
// sentence each rests on), never from this program's output.
func TestVerdictsAgainstHandLabels(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "全国 报告")
	os.MkdirAll(dir, 0o755)
	var args []string
	names := resources.NationalNames()
	for i := len(names) - 1; i >= 0; i-- { // any order: the command sorts by year
		p := filepath.Join(dir, names[i])
		os.WriteFile(p, resources.National(names[i]), 0o644)
		args = append(args, p)
	}
	var stdout, stderr bytes.Buffer
	code := cli.Run(append([]string{"verdicts"}, args...), cli.Env{Stdout: &stdout, Stderr: &stderr})
	out, errs := stdout.String(), stderr.String()
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != strings.Join(compare.Header, "\t") {
		t.Fatalf("header %q", lines[0])
	}
	got := map[string][]string{}
	for _, l := range lines[1:] {
		c := strings.Split(l, "\t")
		if len(c) != len(compare.Header) {
			t.Fatalf("%d columns in %q", len(c), l)
		}
		got[c[0]+"\t"+c[1]+"\t"+c[2]] = c
	}
	f, err := os.Open(filepath.Join("testdata", "verdicts-national.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	sc.Scan() // header
	n := 0
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 5 {
			continue
		}
		n++
		key := c[0] + "\t" + c[1] + "\t" + c[2]
		row := got[key]
		if row == nil {
			t.Errorf("no row for %s", key)
			continue
		}
		if row[4] != c[3] {
			t.Errorf("%s: %s, labelled %s (%s)", key, row[4], c[3], c[5])
		}
		if c[3] != string(compare.Undecided) && row[3] != c[4] && !(c[4] == "" && row[3] == "") {
			t.Errorf("%s: result %q, labelled %q", key, row[3], c[4])
		}
		if c[3] == string(compare.Undecided) && row[5] != "" {
			t.Errorf("%s: gap %q for %s", key, row[5], c[3])
		}
	}
	if n != len(lines)-1 || n < 50 {
		t.Errorf("%d labelled targets, %d rows", n, len(lines)-1)
	}
}
