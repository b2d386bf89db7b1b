package chart

import (
	"errors"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"workreport/app/palette"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/task"
)

var update = flag.Bool("update", false, "rewrite the golden chart images in testdata/golden")

func sample(t testing.TB) *report.Report   { return reporttest.Load(t, reporttest.SampleCity2023) }
func national(t testing.TB) *report.Report { return reporttest.Load(t, reporttest.National2016) }
func jiangmen(t testing.TB) *report.Report { return reporttest.Load(t, reporttest.JiangmenFormat1) }

// inline loads a one-section report of the year after its review, for a case no fixture holds.
func inline(t testing.TB, items []string, figures string) *report.Report {
	t.Helper()
	var b strings.Builder
	b.WriteString("format: 2\ntitle: 测试\nplace: 测试市\nyear: 2024\nsource: {kind: 官方全文}\nsections:\n  - id: a\n    title: 2023年工作回顾\n    items:\n")
	for _, it := range items {
		b.WriteString("      - \"" + it + "\"\n")
	}
	b.WriteString("figures:\n" + figures)
	r, err := report.Load("inline.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func find(t *testing.T, specs []*Spec, id string) *Spec {
	t.Helper()
	for _, s := range specs {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no chart %s", id)
	return nil
}

func TestOverviewGrowthCarriesRanks(t *testing.T) {
	s := find(t, Overview(jiangmen(t)), "overview-growth")
	if s.Title != "主要经济指标增速：2022年实绩（%）" || s.Series[0].Name != "2022年实绩" {
		t.Errorf("title %q, series %q", s.Title, s.Series[0].Name)
	}
	if len(s.Groups) != 1 {
		t.Fatalf("%d bars", len(s.Groups))
	}
	if b := s.Groups[0].Bars[0]; b.Value != 3.3 || b.Text != "3.3%" || b.Note != "增速全省第2" || s.Groups[0].Label != "地区生产总值" {
		t.Errorf("bar = %+v", b)
	}
}

func TestPairsAreGroupedBars(t *testing.T) {
	specs := Pairs(jiangmen(t))
	if len(specs) != 1 {
		t.Fatalf("%d pair charts", len(specs))
	}
	pct := specs[0]
	if pct.Unit != "%" || len(pct.Series) != 3 || pct.Series[0].Colour != palette.Result || pct.Series[1].Colour != palette.Target ||
		pct.Series[2].Colour != palette.Strive || pct.Title != "实绩与目标：2022年实绩，2023年目标（%）" {
		t.Fatalf("percent chart: %q %+v", pct.Title, pct.Series)
	}
	gdp := pct.Groups[0].Bars
	if gdp[0].Text != "3.3%" || gdp[1].Text != "6%以上" || gdp[2].Text != "力争7%以上" || gdp[2].Value != 7 {
		t.Errorf("GDP group = %+v", gdp)
	}
}

// TestPairsOfAnotherYear: the years come from the report, one chart per unit, a range
// target is a range bar, and no series is drawn that no pair has.
func TestPairsOfAnotherYear(t *testing.T) {
	specs := Pairs(national(t))
	if len(specs) != 2 {
		t.Fatalf("%d pair charts, want one per unit (%%, 万人)", len(specs))
	}
	pct, people := specs[0], specs[1]
	if pct.Title != "实绩与目标：2015年实绩，2016年目标（%）" || len(pct.Series) != 2 || pct.Series[1].Name != "2016年目标" {
		t.Errorf("percent chart %q %+v", pct.Title, pct.Series)
	}
	gdp := pct.Groups[0].Bars
	if gdp[0].Value != 6.9 || !gdp[1].IsRange || gdp[1].Value != 6.5 || gdp[1].Upper != 7 || gdp[1].Text != "6.5%－7%" {
		t.Errorf("GDP group = %+v", gdp)
	}
	if _, hi, _ := pct.Range(); hi < 7 {
		t.Errorf("the axis ends at %v, before the range's upper bound", hi)
	}
	if people.Unit != "万人" || people.Groups[0].Bars[1].Text != "1000万人以上" {
		t.Errorf("万人 chart %+v", people.Groups)
	}
}

func TestAmountsAreSortedAndShares(t *testing.T) {
	sentence := "地区生产总值4000亿元,工业总产值突破6000亿元,税收500亿元,民生支出占比77.3%,投资完成率123.5%,人口500万人"
	r := inline(t, []string{sentence}, `  - {编号: a.gdp, 指标: 地区生产总值, 性质: 实绩, 口径: 总量, 数值: 4000, 单位: 亿元, 原文表述: 4000亿元, 原文: "`+sentence+`"}
  - {编号: a.output, 指标: 工业总产值, 性质: 实绩, 口径: 总量, 数值: 6000, 单位: 亿元, 限定: 突破, 原文表述: 突破6000亿元, 原文: "`+sentence+`"}
  - {编号: a.tax, 指标: 税收, 性质: 实绩, 口径: 总量, 数值: 500, 单位: 亿元, 原文表述: 500亿元, 原文: "`+sentence+`"}
  - {编号: a.share, 指标: 民生支出占比, 性质: 实绩, 口径: 占比, 数值: 77.3, 单位: "%", 原文表述: 77.3%, 原文: "`+sentence+`"}
  - {编号: a.rate, 指标: 投资完成率, 性质: 实绩, 口径: 完成率, 数值: 123.5, 单位: "%", 原文表述: 123.5%, 原文: "`+sentence+`"}
  - {编号: a.people, 指标: 人口, 性质: 实绩, 口径: 总量, 数值: 500, 单位: 万人, 原文表述: 500万人, 原文: "`+sentence+`"}
`)
	am := find(t, Overview(r), "overview-amounts")
	if am.Unit != "亿元" || len(am.Groups) != 3 || am.Title != "主要总量指标：2023年实绩（亿元）" {
		t.Fatalf("amounts: %q %d", am.Title, len(am.Groups))
	}
	for i := 1; i < len(am.Groups); i++ {
		if am.Groups[i].Bars[0].Value > am.Groups[i-1].Bars[0].Value {
			t.Fatal("amounts are not sorted largest first")
		}
	}
	if am.Groups[0].Bars[0].Text != "突破6000亿元" {
		t.Errorf("largest = %+v", am.Groups[0].Bars[0])
	}
	sh := find(t, Overview(r), "overview-shares")
	if len(sh.Groups) != 2 || sh.Reference == nil || sh.Reference.Value != 100 {
		t.Errorf("shares: %+v", sh)
	}
	// A review whose totals are all of different units has no amounts chart.
	for _, s := range Overview(national(t)) {
		if s.ID == "overview-amounts" {
			t.Errorf("amounts chart of units that do not compare: %+v", s.Groups)
		}
	}
}

// TestEveryChartIsCorrect: for every report, one unit per chart, one period per series,
// titles name the periods and the unit, every bar's text is the figure as printed, and
// the value axis starts at zero.
func TestEveryChartIsCorrect(t *testing.T) {
	for _, r := range []*report.Report{national(t), jiangmen(t), sample(t)} {
		t.Run(r.Name, func(t *testing.T) { everyChartIsCorrect(t, r) })
	}
}

func everyChartIsCorrect(t *testing.T, r *report.Report) {
	all := All(r)
	if len(all) < 3 {
		t.Fatalf("only %d charts", len(all))
	}
	ids := map[string]bool{}
	for _, s := range all {
		if ids[s.ID] {
			t.Errorf("duplicate chart id %s", s.ID)
		}
		ids[s.ID] = true
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", s.ID, err)
		}
		if !strings.HasSuffix(s.Title, "（"+s.Unit+"）") || !strings.Contains(s.Title, "：") {
			t.Errorf("%s: title %q does not follow the pattern", s.ID, s.Title)
		}
		lo, hi, _ := s.Range()
		if lo != 0 || hi <= 0 {
			t.Errorf("%s: axis %v..%v does not start at zero", s.ID, lo, hi)
		}
		for _, g := range s.Groups {
			for _, b := range g.Bars {
				if b.Missing {
					continue
				}
				f := r.Figure(b.Figure)
				if f == nil || f.Unit != s.Unit {
					t.Errorf("%s: bar %q mixes units", s.ID, b.Text)
					continue
				}
				if b.Text != f.StriveText() || b.Value != f.Value || b.IsRange != f.IsRange || b.Upper != f.Upper {
					t.Errorf("%s: bar %q does not print %s (%s)", s.ID, b.Text, f.ID, f.Phrase)
				}
				if hi < b.Top() {
					t.Errorf("%s: %v beyond the axis", s.ID, b.Top())
				}
				if !strings.Contains(s.Title, f.Period.Label()) {
					t.Errorf("%s: title %q does not name the period of %s (%s)", s.ID, s.Title, f.ID, f.Period.Label())
				}
				se := s.Series[slices.IndexFunc(g.Bars, func(x Bar) bool { return x.Figure == b.Figure })]
				if !strings.HasPrefix(se.Name, f.Period.Label()) && s.ID != "overview-shares" {
					t.Errorf("%s: %s of %s drawn as %s", s.ID, f.ID, f.Period.Label(), se.Name)
				}
				if f.Strive != "" && se.Colour != palette.Strive {
					t.Errorf("%s: striving target %s is not drawn as one", s.ID, f.ID)
				}
			}
		}
	}
}

// TestWorkPlanPartsAreCharted: each part with two comparable quantified figures has a
// chart of them, and no chart of a page repeats figures another chart of it draws.
func TestWorkPlanPartsAreCharted(t *testing.T) {
	r := national(t)
	specs := Sections(r, r.Section("renwu"))
	var titles []string
	for _, s := range specs {
		titles = append(titles, s.Title)
		if len(s.Groups) < 2 {
			t.Errorf("%s: chart of one figure", s.ID)
		}
	}
	want := []string{"2016年重点工作：增速目标（%）", "稳定和完善宏观经济政策：2016年总量目标（万亿元）", "稳定和完善宏观经济政策：2016年总量目标（亿元）"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("charts of 2016年重点工作: %q", titles)
	}
	// The five-year figures of the 2015 review are charted apart from the year's.
	for _, s := range Sections(r, r.Section("huigu")) {
		periods := map[string]bool{}
		for _, g := range s.Groups {
			periods[r.Figure(g.Bars[0].Figure).Period.String()] = true
		}
		if len(periods) != 1 {
			t.Errorf("%s mixes periods %v", s.Title, periods)
		}
	}
	for _, rep := range []*report.Report{r, sample(t)} {
		rep.WalkSections(func(sec *report.Section) {
			seen := map[string]string{}
			for _, s := range Sections(rep, sec) {
				for _, g := range s.Groups {
					for _, b := range g.Bars {
						if prev, dup := seen[b.Figure]; dup && !b.Missing {
							t.Errorf("%s: %s is drawn by %s and again by %s", sec.ID, b.Figure, prev, s.ID)
						}
						seen[b.Figure] = s.ID
					}
				}
			}
		})
	}
}

func TestValidation(t *testing.T) {
	one := []Series{{Name: "a", Colour: palette.Result}}
	tests := []struct {
		name string
		spec Spec
		want error
	}{
		{"no groups", Spec{Series: one}, ErrNoData},
		{"no series", Spec{Groups: []Group{{Label: "x"}}}, ErrNoData},
		{"all missing", Spec{Series: one, Groups: []Group{{Label: "x", Bars: []Bar{{Missing: true}}}}}, ErrNoData},
		{"NaN", Spec{Series: one, Groups: []Group{{Label: "x", Bars: []Bar{{Value: math.NaN()}}}}}, ErrBadValue},
		{"Inf", Spec{Series: one, Groups: []Group{{Label: "x", Bars: []Bar{{Value: math.Inf(1)}}}}}, ErrBadValue},
		{"shape", Spec{Series: one, Groups: []Group{{Label: "x", Bars: []Bar{{Value: 1}, {Value: 2}}}}}, ErrBadShape},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.spec.Validate(); !errors.Is(err, tt.want) {
				t.Fatalf("Validate = %v, want %v", err, tt.want)
			}
			// A spec that fails validation renders a placeholder of the requested size.
			img, err := RenderOrPlaceholder(&tt.spec, 300, 120, 1, Light)
			if err == nil || img == nil || img.Bounds().Dx() != 300 || img.Bounds().Dy() != 120 {
				t.Fatalf("placeholder: %v %v", img, err)
			}
		})
	}
}

// TestDegenerateData: one bar, all-equal values, zeros and negatives render.
func TestDegenerateData(t *testing.T) {
	one := []Series{{Name: "a", Colour: palette.Result}}
	bars := func(vs ...float64) []Group {
		var g []Group
		for i, v := range vs {
			g = append(g, Group{Label: strings.Repeat("指标", i+1), Bars: []Bar{{Value: v, Text: FormatValue(v)}}})
		}
		return g
	}
	for name, groups := range map[string][]Group{
		"one bar":    bars(5),
		"all equal":  bars(7, 7, 7),
		"zeros":      bars(0, 0),
		"negative":   bars(-3.2, 4),
		"all small":  bars(0.001, 0.002),
		"huge":       bars(1e12, 3),
		"long label": {{Label: strings.Repeat("很长的指标名称", 12), Bars: []Bar{{Value: 1, Text: "1"}}}},
	} {
		t.Run(name, func(t *testing.T) {
			s := &Spec{Title: name + "（个）", Unit: "个", Series: one, Groups: groups}
			lo, hi, step := s.Range()
			if lo > 0 || hi <= lo || step <= 0 {
				t.Fatalf("range %v..%v step %v", lo, hi, step)
			}
			h := int(NaturalHeight(s, 480))
			img, err := Render(s, 480, h, 1)
			if err != nil {
				t.Fatal(err)
			}
			if blank(img) {
				t.Fatal("blank image")
			}
		})
	}
}

// FormatValue is how tests print a value.
func FormatValue(v float64) string { return report.FormatNumber(v) }

func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}

func TestRenderTimesOutAndRecovers(t *testing.T) {
	s := find(t, Overview(jiangmen(t)), "overview-growth")
	hang := renderer{timeout: 50 * time.Millisecond, draw: func(*Spec, int, int, float64, Ground) (*image.RGBA, error) {
		time.Sleep(time.Second)
		return nil, nil
	}}
	start := time.Now()
	if _, err := hang.render(s, 100, 100, 1, Light); !errors.Is(err, ErrTimeout) {
		t.Errorf("hang: %v", err)
	}
	if time.Since(start) > 500*time.Millisecond {
		t.Error("render did not give up in time")
	}
	boom := renderer{timeout: time.Second, draw: func(*Spec, int, int, float64, Ground) (*image.RGBA, error) { panic("index out of range") }}
	if _, err := boom.render(s, 100, 100, 1, Light); !errors.Is(err, ErrRender) || !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("panic: %v", err)
	}
	for _, size := range [][2]int{{0, 10}, {10, -1}, {100000, 100000}} {
		if _, err := Render(s, size[0], size[1], 1); !errors.Is(err, ErrSize) {
			t.Errorf("size %v: %v", size, err)
		}
	}
}

func TestRenderScalesToThePixelSize(t *testing.T) {
	s := find(t, Overview(jiangmen(t)), "overview-growth")
	h := NaturalHeight(s, 600)
	for _, scale := range []float64{1, 1.5, 2} {
		w, hh := int(600*scale), int(math.Round(h*scale))
		img, err := Render(s, w, hh, scale)
		if err != nil || img.Bounds().Dx() != w || img.Bounds().Dy() != hh {
			t.Errorf("scale %v: %v %v", scale, img.Bounds(), err)
		}
	}
	// Too little height shrinks the chart rather than overlapping it.
	if img, err := Render(s, 600, int(h/2), 1); err != nil || blank(img) {
		t.Errorf("short render: %v", err)
	}
}

func TestLabelsFitAndDoNotOverlap(t *testing.T) {
	for _, s := range append(All(national(t)), All(sample(t))...) {
		for _, width := range []float64{420, 720, 1200} {
			l := newLayout(s, width, 1)
			for i, lines := range l.labels {
				if h := float64(len(lines)) * labelPx * lineSpacing; h > l.rowH[i] {
					t.Errorf("%s at %v: label of row %d is taller than its row", s.ID, width, i)
				}
				for _, line := range lines {
					if w := measure(line, labelPx); w > l.labelW+0.5 {
						t.Errorf("%s at %v: label line %q is %v wide, column %v", s.ID, width, line, w, l.labelW)
					}
				}
			}
			if l.plotR <= l.plotL || l.plotR > width {
				t.Errorf("%s at %v: plot %v..%v", s.ID, width, l.plotL, l.plotR)
			}
		}
	}
}

func TestWrap(t *testing.T) {
	px := 14.0
	w := measure("一二三四五六七八", px)
	tests := []struct {
		in        string
		mustKeep  []string // runs no line may split
		lines     int
		noStartOf string
	}{
		{"江门大型产业集聚区规模以上工业增加值3773.41亿元", []string{"3773.41"}, 0, ""},
		{"对RCEP贸易伙伴进出口增长对RCEP贸易伙伴", []string{"RCEP"}, 0, ""},
		{"重点打造的千亿级产业集群（新能源、新一代电子信息）", nil, 0, "、）"},
		{"民生类支出、占一般公共预算支出比重，全力做优做强", nil, 0, "、，"},
	}
	for _, tt := range tests {
		lines := wrap(tt.in, w, px, 10)
		if strings.Join(lines, "") != tt.in {
			t.Errorf("wrap(%q) lost text: %q", tt.in, lines)
		}
		for _, l := range lines {
			if measure(l, px) > w+0.5 {
				t.Errorf("line %q too wide", l)
			}
			if l != "" && strings.ContainsRune(tt.noStartOf, []rune(l)[0]) {
				t.Errorf("line %q starts with closing punctuation", l)
			}
		}
		for _, keep := range tt.mustKeep {
			joined := strings.Join(lines, "\n")
			if !strings.Contains(joined, keep) {
				t.Errorf("%q split across lines: %q", keep, lines)
			}
		}
	}
	cut := wrap(strings.Repeat("很长", 40), w, px, 2)
	if len(cut) != 2 || !strings.HasSuffix(cut[1], "…") {
		t.Errorf("overflow not ellipsized: %q", cut)
	}
}

// TestDarkGround: on the dark ground the paper is dark, the text light, and the series
// keep readable shades.
func TestDarkGround(t *testing.T) {
	s := Pairs(national(t))[0]
	h := int(NaturalHeight(s, 600))
	light, err := RenderOn(s, 600, h, 1, Light)
	if err != nil {
		t.Fatal(err)
	}
	dark, err := RenderOn(s, 600, h, 1, Dark)
	if err != nil {
		t.Fatal(err)
	}
	lum := func(img image.Image, x, y int) float64 {
		r, g, b, _ := img.At(x, y).RGBA()
		return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xffff
	}
	if lum(light, 2, 2) < 0.9 || lum(dark, 2, 2) > 0.15 {
		t.Errorf("paper: light %.2f, dark %.2f", lum(light, 2, 2), lum(dark, 2, 2))
	}
	for _, c := range []palette.Colour{palette.Result, palette.Target} {
		sh := Dark.shade(c)
		l := (0.299*float64(sh.R) + 0.587*float64(sh.G) + 0.114*float64(sh.B)) / 255
		if l < 0.45 {
			t.Errorf("%s is too dark on the dark ground: %.2f", c.Hex, l)
		}
	}
}

func TestGreyPrintKeepsSeriesApart(t *testing.T) {
	cols := []palette.Colour{palette.Result, palette.Target, palette.Strive}
	for i := 1; i < len(cols); i++ {
		if d := math.Abs(palette.Grey(cols[i]) - palette.Grey(cols[i-1])); d < 0.15 {
			t.Errorf("series %d and %d differ by only %.2f in grey", i-1, i, d)
		}
	}
}

func TestCacheRendersOncePerSizeAndData(t *testing.T) {
	s := find(t, Overview(jiangmen(t)), "overview-growth")
	c := NewCache(task.Sync{})
	var calls int32
	done := func(image.Image, error) { atomic.AddInt32(&calls, 1) }
	img, err, ok := c.Get(s, 600, 200, 1, Light, done)
	if !ok || img == nil || err != nil || atomic.LoadInt32(&calls) != 1 {
		t.Fatalf("sync get: ok %v err %v calls %d", ok, err, calls)
	}
	if _, _, ok := c.Get(s, 600, 200, 1, Light, done); !ok || atomic.LoadInt32(&calls) != 1 || c.Len() != 1 {
		t.Errorf("second get re-rendered: calls %d len %d", calls, c.Len())
	}
	c.Get(s, 800, 200, 1, Light, done)
	changed := *s
	changed.Groups = append([]Group(nil), s.Groups...)
	changed.Groups[0].Bars = []Bar{{Value: 9, Text: "9%"}}
	c.Get(&changed, 600, 200, 1, Light, done)
	c.Get(s, 600, 200, 1, Dark, done)
	if c.Len() != 4 {
		t.Errorf("new size, new data and a new ground should each render: len %d", c.Len())
	}

	async := &task.Async{}
	ca := NewCache(async)
	got := make(chan image.Image, 1)
	if _, _, ok := ca.Get(s, 600, 200, 1, Light, func(img image.Image, _ error) { got <- img }); ok {
		t.Log("async render finished before Get returned")
	}
	select {
	case img := <-got:
		if img == nil {
			t.Error("nil image")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("async render never finished")
	}
	async.Wait()
}

func TestCacheStaysWithinBudget(t *testing.T) {
	s := find(t, Overview(jiangmen(t)), "overview-growth")
	c := NewCache(task.Sync{})
	for w := 2000; w < 2060; w++ {
		c.Get(s, w, 600, 1, Light, nil)
	}
	if c.Bytes() > CacheBudget {
		t.Errorf("cache holds %d bytes, budget %d", c.Bytes(), CacheBudget)
	}
}

func TestFileNames(t *testing.T) {
	s := &Spec{Title: `a/b\c:d*e?f"g<h>i|j.`}
	name := FileName(3, s, 2)
	if strings.ContainsAny(name, `/\:*?"<>|`) || name != "03 a／b＼c：d＊e？f＂g＜h＞i｜j@2x.png" {
		t.Errorf("name %q", name)
	}
	if FileName(1, &Spec{Title: "2022年主要经济指标增速（%）"}, 1) != "01 2022年主要经济指标增速（%）.png" {
		t.Error("plain name changed")
	}
}

func TestWriteFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "图表 输出", "子目录")
	specs := Overview(national(t))[:2]
	paths, err := WriteFiles(dir, specs)
	if err != nil || len(paths) != 4 {
		t.Fatalf("%v %v", paths, err)
	}
	sizes := map[string]image.Point{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		sizes[filepath.Base(p)] = img.Bounds().Size()
	}
	one, two := sizes[FileName(1, specs[0], 1)], sizes[FileName(1, specs[0], 2)]
	if one.X != SlideWidth || two.X != 2*SlideWidth || two.Y < 2*one.Y-2 || two.Y > 2*one.Y+2 {
		t.Errorf("1x %v, 2x %v", one, two)
	}
}

// TestGoldenCharts compares the built-in report's overview charts, which the README
// shows, and the range chart of another year with committed images, pixel for pixel.
// The font is embedded and the rasteriser is pure Go, so the images are deterministic.
// Run with -update to rewrite them after a deliberate change, and look at them.
func golden(t *testing.T, path string, img image.Image) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		writePNG(t, path, img)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no golden image (run go test -update once and look at it): %v", err)
	}
	want, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !sameImage(img, want) {
		failed := filepath.Join("testdata", "failed", filepath.Base(path))
		os.MkdirAll(filepath.Dir(failed), 0o755)
		writePNG(t, failed, img)
		t.Errorf("%s differs from the golden image; see %s", path, failed)
	}
}

func writePNG(t *testing.T, path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	bb := a.Bounds()
	for y := bb.Min.Y; y < bb.Max.Y; y++ {
		for x := bb.Min.X; x < bb.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}

// TestMeasuringAtManySizesIsCheap: slides fit a chart to the screen by trying many
// scales, so text is measured at many pixel sizes. Each size's measuring face must cost
// little memory; with freetype's default glyph cache a face at slide sizes holds
// megabytes of glyph masks that are never used.
func TestMeasuringAtManySizesIsCheap(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range maxFaces {
		measure("地区生产总值增长3.3%", 20.25+float64(i)) // sizes no other test uses
	}
	runtime.ReadMemStats(&after)
	if mb := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20); mb > 8 {
		t.Errorf("measuring at %d sizes allocated %.1f MB", maxFaces, mb)
	}
}

// The verdict after a result is written in its colour; the colour is part of the
// chart's identity, so a changed verdict draws again.
func TestVerdictNotesAreColoured(t *testing.T) {
	s := &Spec{ID: "v", Title: "目标完成情况：2015年目标与实绩（%）", Unit: "%",
		Series: []Series{{Name: "目标", Colour: palette.Target}, {Name: "实绩", Colour: palette.Result}},
		Groups: []Group{{Label: "增速", Bars: []Bar{{Value: 7, Text: "7%左右"}, {Value: 6.9, Text: "6.9%", Note: "未达成", NoteColour: palette.Missed}}}}}
	h := s.Hash()
	img, err := RenderOn(s, 600, 200, 1, Light)
	if err != nil {
		t.Fatal(err)
	}
	red := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 > 150 && g>>8 < 90 && bl>>8 < 90 {
				red++
			}
		}
	}
	if red < 10 {
		t.Errorf("%d red pixels: the verdict is not drawn in its colour", red)
	}
	s.Groups[0].Bars[1].NoteColour = palette.Share
	if s.Hash() == h {
		t.Error("the note's colour does not change the chart's hash")
	}
}

// Images on screen are kept whatever the budget, and do not count against it; once off
// screen they are evicted down to the budget, least recently used first.
func TestCacheKeepsShownImages(t *testing.T) {
	s := find(t, Overview(jiangmen(t)), "overview-growth")
	c := NewCache(task.Sync{})
	key := func(w int) Key { return Key{Hash: s.Hash(), W: w, H: 600, Scale: 1, Ground: Light.Name} }
	// cached reports whether the image of width w was still in the cache (asking for it
	// renders it again if not).
	cached := func(w int) bool {
		rendered := false
		c.Get(s, w, 600, 1, Light, func(image.Image, error) { rendered = true })
		return !rendered
	}
	size := func(w int) int { return w * 600 * 4 }
	var shown []Key
	onScreen := 0
	for w := 2000; onScreen <= CacheBudget; w++ { // more on screen than the budget
		c.Get(s, w, 600, 1, Light, nil)
		shown = append(shown, key(w))
		onScreen += size(w)
		c.SetShown(shown)
	}
	for w := 3000; w < 3020; w++ { // and as much again off screen
		c.Get(s, w, 600, 1, Light, nil)
	}
	if !cached(3019) || cached(3000) {
		t.Error("the cache did not evict the oldest image off screen, and keep the newest")
	}
	for _, k := range shown {
		if !cached(k.W) {
			t.Fatalf("an image on screen (%d px wide) was evicted", k.W)
		}
	}
	if off := c.Bytes() - onScreen; off > CacheBudget || off < CacheBudget-size(3020) {
		t.Errorf("%d bytes off screen, budget %d", off, CacheBudget)
	}

	c.SetShown(shown[:1]) // a page left for one with a single chart
	if off := c.Bytes() - size(shown[0].W); off > CacheBudget {
		t.Errorf("%d bytes off screen once the page was left, budget %d", off, CacheBudget)
	}
	if !cached(shown[0].W) {
		t.Error("the image still on screen was evicted")
	}
}
