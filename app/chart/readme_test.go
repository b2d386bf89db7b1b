package chart

import (
	"path/filepath"
	"testing"

	"workreport/app/report"
)

// The golden images the README shows are drawn from the report the app ships; they are
// the only tests of this package that read the shipped data. Run go test -update to draw
// them again, and look at them before committing.

// builtIn is the report the app opens with.
func builtIn(t testing.TB) *report.Report {
	t.Helper()
	r, err := report.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGoldenCharts(t *testing.T) {
	specs := Overview(builtIn(t))
	ranged := Pairs(national(t))[0]
	ranged.ID = "national-2016-pairs"
	for _, s := range append(specs, ranged) {
		t.Run(s.ID, func(t *testing.T) {
			w := 720
			h := int(NaturalHeight(s, float64(w)))
			img, err := Render(s, w, h, 1)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", s.ID+".png"), img)
		})
	}
}
