package report_test

import (
	"reflect"
	"testing"

	"workreport/app/report"
	"workreport/app/report/reporttest"
)

// A snapshot made from a report file loads the same report, field for field, pointers
// and indexes included.
func TestSnapshotLoadsTheSameReport(t *testing.T) {
	data := reporttest.Bytes(t, reporttest.National2016)
	snap, err := report.MakeSnapshot(reporttest.National2016, data)
	if err != nil {
		t.Fatal(err)
	}
	want := reporttest.Load(t, reporttest.National2016)
	got, err := report.LoadSnapshot(snap, data)
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
}

// A snapshot is used only for the exact YAML it was made from, and a damaged one is
// refused with an error, not a panic.
func TestSnapshotRefusesOtherData(t *testing.T) {
	data := reporttest.Bytes(t, reporttest.National2016)
	snap, err := report.MakeSnapshot(reporttest.National2016, data)
	if err != nil {
		t.Fatal(err)
	}
	edited := append(append([]byte(nil), data...), "\n# 修改\n"...)
	if _, err := report.LoadSnapshot(snap, edited); err == nil {
		t.Error("a snapshot was used for YAML it was not made from")
	}
	for _, n := range []int{0, 1, len(snap) / 2, len(snap) - 1} {
		if _, err := report.LoadSnapshot(snap[:n], data); err == nil {
			t.Errorf("a snapshot cut to %d bytes was accepted", n)
		}
	}
	for _, i := range []int{0, 100, len(snap) / 2, len(snap) - 40, len(snap) - 1} {
		flipped := append([]byte(nil), snap...)
		flipped[i] ^= 0x01
		if _, err := report.LoadSnapshot(flipped, data); err == nil {
			t.Errorf("a snapshot with byte %d changed was accepted", i)
		}
	}
}
