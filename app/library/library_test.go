package library

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workreport/app/importer"
	"workreport/app/report"
	"workreport/resources"
)

const sample = "2019年某市政府工作报告\n\n一、2018年工作回顾\n\n过去一年，地区生产总值增长6.6%。城镇新增就业5.2万人。\n\n二、2019年工作安排\n\n今年全市发展主要预期目标是：地区生产总值增长6%左右；城镇新增就业5万人以上。\n"

func imported(t *testing.T) []byte {
	t.Helper()
	res, err := importer.Import("某市.txt", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	return res.YAML
}

func TestListSaveOpenRemove(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "报告 库")
	lib := New(dir, Source{Name: resources.ReportName, Data: func() []byte { return resources.ReportYAML }})
	list := lib.List()
	if len(list) != 1 || !list[0].BuiltIn || list[0].Year == 0 || list[0].Place == "" || !strings.HasPrefix(list[0].State(), "已审核") {
		t.Fatalf("built-in entry: %+v", list)
	}
	data := imported(t)
	r, err := report.Load("某市.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := lib.Save(data, r, "")
	if err != nil {
		t.Fatal(err)
	}
	if e.Place != r.Place || e.Year != 2019 || e.Figures != len(r.Figures()) || e.Unconfirmed != e.Figures || !strings.HasPrefix(e.State(), "未审核") {
		t.Errorf("saved entry: %+v (report has %d figures)", e, len(r.Figures()))
	}
	if same, ok := lib.Same(r.Place, 2019, r.Source.Kind); !ok || same.Path != e.Path || same.Kind != r.Source.Kind {
		t.Errorf("same place, year and kind not found: %+v", same)
	}
	// A bulletin of the same place and year is another document.
	if _, ok := lib.Same(r.Place, 2019, report.Bulletin); ok {
		t.Error("a report was taken for the bulletin of its year")
	}
	got, gotData, err := lib.Open(e)
	if err != nil || string(gotData) != string(data) || len(got.Figures()) != len(r.Figures()) {
		t.Fatalf("reopened: %v", err)
	}
	// Saving again over the entry replaces it; a new save beside it gets a new name.
	if e2, err := lib.Save(data, r, e.Path); err != nil || e2.Path != e.Path {
		t.Errorf("replace: %+v %v", e2, err)
	}
	e3, err := lib.Save(data, r, "")
	if err != nil || e3.Path == e.Path {
		t.Errorf("second copy: %+v %v", e3, err)
	}
	if n := len(lib.List()); n != 3 {
		t.Errorf("%d entries, want 3", n)
	}
	if err := lib.Remove(e3); err != nil {
		t.Fatal(err)
	}
	if err := lib.Remove(list[0]); err == nil {
		t.Error("a built-in report was removed")
	}
	if n := len(lib.List()); n != 2 {
		t.Errorf("%d entries after removal, want 2", n)
	}
}

func TestDamagedFilesAreListed(t *testing.T) {
	dir := t.TempDir()
	lib := New(dir)
	data := imported(t)
	cases := map[string][]byte{
		"空.yaml":   nil,
		"截断.yaml":  data[:len(data)/3],
		"二进制.yaml": {0x50, 0x4b, 0x03, 0x04, 0, 0, 1},
		"坏尾.yaml":  append(append([]byte{}, data[:len(data)-40]...), []byte("\n  - 编号: [\n")...),
	}
	for name, b := range cases {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list := lib.List()
	if len(list) != len(cases) {
		t.Fatalf("%d entries, want %d", len(list), len(cases))
	}
	for _, e := range list {
		if e.Damaged == "" {
			// Found damaged only when opened: then it is listed so.
			if _, _, err := lib.Open(e); err == nil {
				t.Errorf("%s opened", e.Path)
			}
		}
	}
	for _, e := range lib.List() {
		if e.Damaged == "" || e.State() != "已损坏" {
			t.Errorf("%s not listed as damaged: %+v", filepath.Base(e.Path), e)
		}
	}
}

// A library folder that cannot be made (a file is in the way) gives a Chinese message
// and writes nothing.
func TestSaveToUnwritableFolder(t *testing.T) {
	parent := t.TempDir()
	blocker := filepath.Join(parent, "WorkReport")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := New(filepath.Join(blocker, "reports"))
	data := imported(t)
	r, err := report.Load("某市.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	_, err = lib.Save(data, r, "")
	if err == nil || !strings.ContainsFunc(err.Error(), func(r rune) bool { return r >= 0x4e00 }) {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(blocker); string(b) != "x" {
		t.Error("the file in the way was changed")
	}
}

// Saving never writes outside the library: a report opened from elsewhere (the user's
// own .docx or .yaml) is saved as a new file in the library's folder.
func TestSaveNeverWritesOutside(t *testing.T) {
	dir := t.TempDir()
	lib := New(filepath.Join(dir, "库"))
	outside := filepath.Join(dir, "原文.docx")
	os.WriteFile(outside, []byte("PK original"), 0o644)
	data := imported(t)
	r, _ := report.Load("某市.yaml", data)
	for _, replace := range []string{outside, filepath.Join(dir, "别处.yaml"), "内置/report.yaml", ""} {
		e, err := lib.Save(data, r, replace)
		if err != nil {
			t.Fatal(err)
		}
		if !lib.Owns(e.Path) || filepath.Dir(e.Path) != lib.Dir {
			t.Errorf("replace %q saved to %s", replace, e.Path)
		}
	}
	if b, _ := os.ReadFile(outside); string(b) != "PK original" {
		t.Error("the file outside the library was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "别处.yaml")); err == nil {
		t.Error("a file outside the library was created")
	}
}

// The list opens with the reports of the place (the report the app opens with first),
// then the other places by level: cities and counties, provinces, the nation; each
// place's newest first, a report before the bulletin of its year, the user's saved
// copies among the built-in ones, before a built-in one of the same year.
func TestListOrder(t *testing.T) {
	data := func(title, place string, year int, kind string) string {
		return fmt.Sprintf("format: 2\ntitle: %s\nplace: %s\nyear: %d\nsource:\n  kind: %s\nsections: []\nfigures: []\n", title, place, year, kind)
	}
	src := func(name, title, place string, year int, kind string) Source {
		return Source{Name: name, Data: func() []byte { return []byte(data(title, place, year, kind)) }}
	}
	dir := t.TempDir()
	lib := New(dir,
		src("a", "某市2023年摘要", "某市", 2023, "报纸摘要"),
		src("b", "2022年统计公报", "某省", 2022, "统计公报"),
		src("c", "某省2021", "某省", 2021, "官方全文"),
		src("d", "某省2023", "某省", 2023, "官方全文"),
		src("e", "某市2022", "某市", 2022, "官方全文"),
		src("f", "某市2023", "某市", 2023, "官方全文"),
		src("g", "全国2023", "全国", 2023, "官方全文"),
		src("h", "2023年全国统计公报", "全国", 2023, "统计公报"),
	)
	for name, body := range map[string]string{
		"S.yaml": data("某市2024（送审稿）", "某市", 2024, "官方全文"),
		"T.yaml": data("某省2022", "某省", 2022, "官方全文"),
		"U.yaml": data("另一市2023", "另一市", 2023, "官方全文"),
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	order := func(es []Entry) string {
		var got []string
		for _, e := range es {
			k := strings.TrimPrefix(e.Key, builtInPrefix)
			if !e.BuiltIn {
				k = strings.TrimSuffix(filepath.Base(e.Path), ".yaml")
			}
			got = append(got, k)
		}
		return strings.Join(got, "")
	}
	if got := order(lib.List()); got != "SafeUdTbcgh" {
		t.Errorf("around 某市: %s", got)
	}
	if got := order(lib.ListAround("某省")); got != "dTbcUSafegh" {
		t.Errorf("around 某省: %s", got)
	}
	for _, e := range lib.ListAround("某省") {
		want := map[string]string{"某省": "某省", "某市": "市、区县", "另一市": "市、区县", "全国": "全国"}[e.Place]
		if g := Group(e, "某省"); g != want {
			t.Errorf("%s is in %q", e.Title, g)
		}
	}
}

// A data file's figures are counted by the lines that open one, wherever the word 编号
// appears otherwise.
func TestCountFigures(t *testing.T) {
	data := "编号: not a figure\nfigures:\n  - 编号: a\n    原文: 编号: 不是\n  -   编号: b\n- 编号: c\n\t-\t编号: d\n  -编号: e\n  x - 编号: f\n"
	if n := countFigures([]byte(data)); n != 4 {
		t.Errorf("%d figures, want 4", n)
	}
	if n := countFigures([]byte("- 编号: a")); n != 1 {
		t.Errorf("%d figures at the start", n)
	}
}
