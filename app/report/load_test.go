package report

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workreport/resources"
)

func embedded() string { return string(resources.ReportYAML) }

// lineOf returns the 1-based line of the first occurrence of s in text.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in text", s)
	}
	return strings.Count(text[:i], "\n") + 1
}

func mustReplace(t *testing.T, text, old, new string) string {
	t.Helper()
	if !strings.Contains(text, old) {
		t.Fatalf("%q not in embedded report", old)
	}
	return strings.Replace(text, old, new, 1)
}

func TestSmallReportLoads(t *testing.T) {
	r, err := LoadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "small.yaml" || len(r.Figures()) != 3 || r.Figure("review.gdp-growth").Pair != "targets.gdp-growth" {
		t.Fatalf("unexpected report: %s %d", r.Name, len(r.Figures()))
	}
}

// TestBadInput covers each class of bad input: the error has the right class, names the
// file, gives the line where it can, and says what is wrong in Chinese.
func TestBadInput(t *testing.T) {
	gdpLine := lineOf(t, embedded(), "编号: review.gdp\n")
	tests := []struct {
		name  string
		data  func(t *testing.T) string
		class error
		want  []string // substrings of the message
	}{
		{"empty", func(*testing.T) string { return "" }, ErrEmpty, []string{"报告.yaml", "空"}},
		{"only comments", func(*testing.T) string { return "# 注释\n\n" }, ErrEmpty, []string{"注释"}},
		{"binary garbage", func(*testing.T) string { return "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe" }, ErrNotText, []string{"UTF-8"}},
		{"truncated", func(*testing.T) string { e := embedded(); return e[:len(e)*2/3] }, nil, []string{"报告.yaml"}},
		{"syntax", func(*testing.T) string { return "title: \"未闭合\nyear: 2023\n" }, ErrSyntax, []string{"YAML 格式错误", "第"}},
		{"not a mapping", func(*testing.T) string { return "- 1\n- 2\n" }, ErrInvalid, []string{"键值对"}},
		{"wrong type: number", func(t *testing.T) string {
			return mustReplace(t, embedded(), "数值: 3773.41", "数值: 很多")
		}, ErrInvalid, []string{"figures[0].数值", "应为数字", "很多"}},
		{"wrong type: list", func(t *testing.T) string {
			return mustReplace(t, embedded(), "nonfigures:\n", "nonfigures: 5\nx:\n")
		}, ErrInvalid, []string{"nonfigures", "应为列表"}},
		{"deep nesting", func(*testing.T) string {
			var b strings.Builder
			b.WriteString("format: 1\ntitle: t\nyear: 2023\nsource: {publication: p, meeting: m, date: d}\nfigures: []\nsections:\n")
			ind := ""
			for i := 0; i < 8; i++ {
				b.WriteString(ind + "  - id: s" + string(rune('a'+i)) + "\n" + ind + "    title: t\n" + ind + "    sections:\n")
				ind += "    "
			}
			b.WriteString(ind + "  []\n")
			return b.String()
		}, ErrInvalid, []string{"层级过深"}},
		{"pathological flow nesting", func(*testing.T) string {
			return "title: " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "\n"
		}, nil, []string{"报告.yaml"}},
		{"duplicate id", func(t *testing.T) string {
			return mustReplace(t, embedded(), "编号: review.gdp-growth\n", "编号: review.gdp\n")
		}, ErrInvalid, []string{"编号", "重复", "唯一"}},
		{"missing unit", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    数值: 3773.41\n    单位: \"亿元\"\n", "    数值: 3773.41\n")
		}, ErrInvalid, []string{"报告.yaml 第" + itoa(gdpLine) + "行: figures[0].单位 为空"}},
		{"sentence not in text", func(t *testing.T) string {
			return mustReplace(t, embedded(), "原文: \"以最快速度扑灭45起本土疫情\"", "原文: \"以最快速度扑灭46起本土疫情\"")
		}, ErrInvalid, []string{"原文", "找不到"}},
		{"phrase not in sentence", func(t *testing.T) string {
			return mustReplace(t, embedded(), "原文表述: \"45起\"", "原文表述: \"46起\"")
		}, ErrInvalid, []string{"原文表述", "46起", "找不到"}},
		{"value does not parse back", func(t *testing.T) string {
			return mustReplace(t, embedded(), "数值: 3773.41", "数值: 3773.4")
		}, ErrInvalid, []string{"3773.4", "3773.41"}},
		{"bound missing", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    单位: \"家\"\n    限定: \"超\"\n    原文表述: \"超2600家\"", "    单位: \"家\"\n    原文表述: \"超2600家\"")
		}, ErrInvalid, []string{"漏填了限定"}},
		{"pair points nowhere", func(t *testing.T) string {
			return mustReplace(t, embedded(), "对应: review.gdp-growth\n", "对应: review.gdp-growht\n")
		}, ErrInvalid, []string{"对应", "不存在", "review.gdp-growht"}},
		{"pair of different indicators", func(t *testing.T) string {
			return mustReplace(t, embedded(), "对应: review.industry.projects-investment", "对应: review.economy.rcep-trade-growth")
		}, ErrInvalid, []string{"不是同一指标"}},
		{"unknown field", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    单位: \"亿元\"\n", "    单价: \"亿元\"\n")
		}, ErrInvalid, []string{"单价", "未知字段"}},
		{"wrong format version", func(t *testing.T) string {
			return mustReplace(t, embedded(), "format: 1\n", "format: 2\n")
		}, ErrInvalid, []string{"格式 1"}},
		{"alias", func(*testing.T) string {
			return "format: 1\ntitle: &t 标题\ncity: *t\nyear: 2023\nsource: {publication: p, meeting: m, date: d}\nsections: []\nfigures: []\n"
		}, ErrInvalid, []string{"别名"}},
		{"derived value wrong", func(t *testing.T) string {
			return mustReplace(t, embedded(), "数值: 1360.4", "数值: 1360.3")
		}, ErrInvalid, []string{"推算", "1360.4"}},
		{"too large", func(*testing.T) string { return strings.Repeat("#", MaxFileSize+1) }, ErrTooLarge, []string{"MB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Load("报告.yaml", []byte(tt.data(t)))
			if err == nil {
				t.Fatalf("loaded %v, want an error", r.Title)
			}
			if r != nil {
				t.Error("returned a report together with an error")
			}
			if tt.class != nil && !errors.Is(err, tt.class) {
				t.Errorf("error class: %v is not %v", err, tt.class)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "报告.yaml") {
				t.Errorf("message does not start with the file name: %q", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadFile(filepath.Join(dir, "不存在的 报告.yaml"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "不存在的 报告.yaml") || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
	_, err = LoadFile(dir)
	if err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("folder: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+10), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err = LoadFile(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big file: %v", err)
	}
	// A path with Chinese characters and spaces loads.
	p := filepath.Join(dir, "江门 报告 副本.yaml")
	if err := os.WriteFile(p, resources.ReportYAML, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadFile(p)
	if err != nil || r.Name != "江门 报告 副本.yaml" {
		t.Errorf("chinese path: %v", err)
	}
}

func TestErrorsAreListedTogether(t *testing.T) {
	text := mustReplace(t, embedded(), "    数值: 3773.41\n    单位: \"亿元\"\n", "    数值: 3773.41\n")
	text = mustReplace(t, text, "    单位: \"%\"\n", "    单价: \"%\"\n")
	_, err := Load("x.yaml", []byte(text))
	var errs LoadErrors
	if !errors.As(err, &errs) || len(errs) < 2 {
		t.Fatalf("want every problem listed, got %v", err)
	}
	var le *LoadError
	if !errors.As(err, &le) || le.Line == 0 || le.Path == "" {
		t.Errorf("first problem lacks line or path: %+v", le)
	}
}

func TestParseNumber(t *testing.T) {
	tests := map[string]float64{
		"3773.41": 3773.41, "0.2": 0.2, "45": 45, "十": 10, "两": 2, "三": 3, "六": 6,
		"千": 1000, "百": 100, "万": 10000, "十六": 16, "二十": 20, "二十五": 25, "三百": 300, "一万五千": 15000,
	}
	for s, want := range tests {
		if got, ok := ParseNumber(s); !ok || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, bad := range []string{"", ".5", "5.", "1,000", "1e3", "-3", "3.3.3", "十十", "一二", "abc", "约10"} {
		if v, ok := ParseNumber(bad); ok {
			t.Errorf("ParseNumber(%q) = %v, want failure", bad, v)
		}
	}
}

func TestParsePhrase(t *testing.T) {
	tests := []struct {
		phrase, unit, bound string
		want                float64
	}{
		{"超2600家", "家", "超", 2600}, {"6%以上", "%", "以上", 6}, {"3%左右", "%", "左右", 3},
		{"突破6000亿元", "亿元", "突破", 6000}, {"第2", "名", "", 2}, {"超千亿元", "亿元", "超", 1000},
		{"千亿级", "亿", "级", 1000}, {"十件", "件", "", 10}, {"12.88万吨/日", "万吨/日", "", 12.88},
	}
	for _, tt := range tests {
		if got, _, err := ParsePhrase(tt.phrase, tt.unit, tt.bound); err != nil || got != tt.want {
			t.Errorf("ParsePhrase(%q) = %v, %v", tt.phrase, got, err)
		}
	}
	for _, bad := range [][3]string{{"超2600家", "家", ""}, {"2600家", "个", ""}, {"2600家", "家", "超"}, {"排第2", "名", ""}} {
		if _, _, err := ParsePhrase(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("ParsePhrase(%q, %q, %q) accepted", bad[0], bad[1], bad[2])
		}
	}
}

func TestIndexPhraseRespectsNumberBoundaries(t *testing.T) {
	text := "高层次人才9970人,增长17.4%,市场主体增长7.4%"
	got := indexPhrase(text, "7.4%")
	if len(got) != 1 || !strings.HasSuffix(text[:got[0]], "市场主体增长") {
		t.Errorf("7.4%% found at %v", got)
	}
	if got := indexPhrase("第10", "第1"); len(got) != 0 {
		t.Errorf("第1 matched inside 第10")
	}
	if got := indexPhrase("第1,第10", "第1"); len(got) != 1 || got[0] != 0 {
		t.Errorf("第1 at %v", got)
	}
}

func itoa(n int) string { return FormatNumber(float64(n)) }
