package resources_test

import (
	"flag"
	"os"
	"reflect"
	"testing"

	"workreport/app/report"
	"workreport/resources"
)

var update = flag.Bool("update", false, "rewrite the data made from other data: resources/report.snapshot from resources/report.yaml (-run Snapshot), resources/library from the corpus and the labels (-run Library)")

// TestSnapshotIsCurrent fails when report.yaml has changed since the snapshot was made.
// Run `go test ./resources -run Snapshot -update` to make it again.
func TestSnapshotIsCurrent(t *testing.T) {
	want, err := report.MakeSnapshot(resources.ReportName, resources.ReportYAML)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(resources.ReportSnapshotName, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("rewrote resources/" + resources.ReportSnapshotName)
		return
	}
	if _, err := report.LoadSnapshot(resources.ReportSnapshot, resources.ReportYAML); err != nil {
		t.Fatalf("%v: run go test ./resources -run Snapshot -update", err)
	}
}

// The report the app opens with, from its snapshot, is the report its YAML loads.
func TestDefaultIsTheYAMLsReport(t *testing.T) {
	if *update {
		t.Skip("the embedded snapshot is the one compiled in before -update rewrote it")
	}
	want, err := report.Load(resources.ReportName, resources.ReportYAML)
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.Default()
	if err != nil || !reflect.DeepEqual(d, want) {
		t.Fatalf("Default() differs from the YAML's report (err %v)", err)
	}
}

// BenchmarkLoadSnapshot decodes the embedded report's snapshot, as every start and
// every command does.
func BenchmarkLoadSnapshot(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.LoadSnapshot(resources.ReportSnapshot, resources.ReportYAML); err != nil {
			b.Fatal(err)
		}
	}
}
