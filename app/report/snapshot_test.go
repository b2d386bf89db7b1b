package report

import (
	"flag"
	"os"
	"reflect"
	"testing"

	"workreport/resources"
)

var updateSnapshot = flag.Bool("update", false, "rewrite resources/report.snapshot from resources/report.yaml")

// TestSnapshotIsCurrent fails when resources/report.yaml has changed since the snapshot
// was made. Run `go test ./app/report -run Snapshot -update` to make it again.
func TestSnapshotIsCurrent(t *testing.T) {
	want, err := makeSnapshot(resources.ReportName, resources.ReportYAML)
	if err != nil {
		t.Fatal(err)
	}
	if *updateSnapshot {
		if err := os.WriteFile("../../resources/"+resources.ReportSnapshotName, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("rewrote resources/" + resources.ReportSnapshotName)
		return
	}
	if _, err := fromSnapshot(resources.ReportSnapshot, resources.ReportYAML); err != nil {
		t.Fatalf("%v: run go test ./app/report -run Snapshot -update", err)
	}
}

// TestSnapshotLoadsTheSameReport: the report from the snapshot is the report the YAML
// loads, field for field, pointers and indexes included.
func TestSnapshotLoadsTheSameReport(t *testing.T) {
	if *updateSnapshot {
		t.Skip("the embedded snapshot is the one compiled in before -update rewrote it")
	}
	want, err := Load(resources.ReportName, resources.ReportYAML)
	if err != nil {
		t.Fatal(err)
	}
	got, err := fromSnapshot(resources.ReportSnapshot, resources.ReportYAML)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		for i, f := range want.Figures() {
			if g := got.Figures()[i]; !reflect.DeepEqual(g, f) {
				t.Errorf("figure %s differs:\n got %+v\nwant %+v", f.ID, *g, *f)
				break
			}
		}
		t.Fatal("the report from the snapshot differs from the report the YAML loads")
	}
	d, err := Default()
	if err != nil || !reflect.DeepEqual(d, want) {
		t.Fatalf("Default() differs from the YAML's report (err %v)", err)
	}
}

// TestSnapshotRefusesOtherData: a snapshot is used only for the exact YAML it was made
// from, and a damaged one is refused with an error, not a panic.
func TestSnapshotRefusesOtherData(t *testing.T) {
	snap := resources.ReportSnapshot
	edited := append([]byte(nil), resources.ReportYAML...)
	edited = append(edited, "\n# 修改\n"...)
	if _, err := fromSnapshot(snap, edited); err == nil {
		t.Error("a snapshot was used for YAML it was not made from")
	}
	for _, n := range []int{0, 1, len(snap) / 2, len(snap) - 1} {
		if _, err := fromSnapshot(snap[:n], resources.ReportYAML); err == nil {
			t.Errorf("a snapshot cut to %d bytes was accepted", n)
		}
	}
	for _, i := range []int{0, 100, len(snap) / 2, len(snap) - 40, len(snap) - 1} {
		flipped := append([]byte(nil), snap...)
		flipped[i] ^= 0x01
		if _, err := fromSnapshot(flipped, resources.ReportYAML); err == nil {
			t.Errorf("a snapshot with byte %d changed was accepted", i)
		}
	}
}

func BenchmarkLoadSnapshot(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := fromSnapshot(resources.ReportSnapshot, resources.ReportYAML); err != nil {
			b.Fatal(err)
		}
	}
}
