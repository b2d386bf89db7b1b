package chart

import "testing"

func BenchmarkChartRender(b *testing.B) {
	r := builtIn(b)
	for _, s := range Overview(r) {
		h := int(NaturalHeight(s, SlideWidth))
		b.Run(s.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(s, SlideWidth, h, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
