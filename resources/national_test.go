package resources_test

import (
	"testing"

	"workreport/app/report"
	"workreport/resources"
)

// Every built-in national report loads, holds only figures a person confirmed, and
// accounts for every number of its text.
func TestNationalReports(t *testing.T) {
	names := resources.NationalNames()
	if len(names) != 7 {
		t.Fatalf("%d national reports, want 7", len(names))
	}
	for _, name := range names {
		r, err := report.Load(name, resources.National(name))
		if err != nil {
			t.Fatal(err)
		}
		if r.Place != "全国" || r.Year < 2015 || r.Source.Kind != report.Official {
			t.Errorf("%s: place %q year %d kind %s", name, r.Place, r.Year, r.Source.Kind)
		}
		targets := 0
		for _, f := range r.Figures() {
			if !f.Confirmed() {
				t.Errorf("%s: %s %s is not confirmed", name, f.ID, f.Phrase)
			}
			if f.HasValue && !f.DirectionStated {
				t.Errorf("%s: %s has no stated direction", name, f.ID)
			}
			if f.IsMainTarget() {
				targets++
			}
		}
		if targets < 8 {
			t.Errorf("%s: %d main targets", name, targets)
		}
		if un := r.Uncovered(); len(un) > 0 {
			t.Errorf("%s: %d numbers unaccounted for, first %q", name, len(un), un[0].Text)
		}
	}
}
