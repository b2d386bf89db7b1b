package report

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureText is the 2016 national excerpt, which the bad-input cases break in one place each.
func fixtureText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(national2016)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mini is a format 2 report of one section with the items and the figures given, for
// cases the fixtures do not hold.
func mini(items []string, figures string) string {
	var b strings.Builder
	b.WriteString("format: 2\ntitle: 测试报告\nplace: 测试市\nyear: 2024\nsource: {kind: 官方全文}\nsections:\n  - id: a\n    title: 2023年工作回顾\n    items:\n")
	for _, it := range items {
		b.WriteString("      - \"" + it + "\"\n")
	}
	b.WriteString("figures:\n" + figures)
	return b.String()
}

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
		t.Fatalf("%q not in the report", old)
	}
	return strings.Replace(text, old, new, 1)
}

// TestBadInput covers each class of bad input: the error has the right class, names the
// file, gives the line where it can, and says what is wrong in Chinese.
func TestBadInput(t *testing.T) {
	gdpLine := lineOf(t, fixtureText(t), "编号: huigu.gdp\n")
	embedded := func() string { return fixtureText(t) }
	tests := []struct {
		name  string
		data  func(t *testing.T) string
		class error
		want  []string // substrings of the message
	}{
		{"empty", func(*testing.T) string { return "" }, ErrEmpty, []string{"报告.yaml", "空"}},
		{"only comments", func(*testing.T) string { return "# 注释\n\n" }, ErrEmpty, []string{"注释"}},
		{"binary garbage", func(*testing.T) string { return "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe" }, ErrNotText, []string{"二进制文件", "空字节"}},
		{"not UTF-8", func(*testing.T) string { return "title: \xbd\xad\xc3\xc5\n" }, ErrNotText, []string{"UTF-8", "GBK"}},
		{"truncated", func(*testing.T) string { e := embedded(); return e[:len(e)*2/3] }, nil, []string{"报告.yaml"}},
		{"syntax", func(*testing.T) string { return "title: \"未闭合\nyear: 2023\n" }, ErrSyntax, []string{"YAML 格式错误", "第"}},
		{"not a mapping", func(*testing.T) string { return "- 1\n- 2\n" }, ErrInvalid, []string{"键值对"}},
		{"wrong type: number", func(t *testing.T) string {
			return mustReplace(t, embedded(), "数值: 67.7", "数值: 很多")
		}, ErrInvalid, []string{"figures[0].数值", "应为数字", "很多"}},
		{"wrong type: list", func(t *testing.T) string {
			return mustReplace(t, embedded(), "nonfigures:\n", "nonfigures: 5\nx:\n")
		}, ErrInvalid, []string{"nonfigures", "应为列表"}},
		{"deep nesting", func(*testing.T) string {
			var b strings.Builder
			b.WriteString("format: 2\ntitle: t\nyear: 2023\nsource: {kind: 节选}\nfigures: []\nsections:\n")
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
			return mustReplace(t, embedded(), "编号: huigu.gdp-growth\n", "编号: huigu.gdp\n")
		}, ErrInvalid, []string{"编号", "重复", "唯一"}},
		{"missing unit", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    数值: 67.7\n    单位: \"万亿元\"\n", "    数值: 67.7\n")
		}, ErrInvalid, []string{"报告.yaml 第" + itoa(gdpLine) + "行: figures[0].单位 为空"}},
		{"sentence not in text", func(t *testing.T) string {
			return mustReplace(t, embedded(), "原文: \"服务业在国内生产总值中的比重上升到50.5%", "原文: \"服务业在国内生产总值中的比重上升到50.6%")
		}, ErrInvalid, []string{"原文", "找不到"}},
		{"phrase not in sentence", func(t *testing.T) string {
			return mustReplace(t, embedded(), "原文表述: \"1312万人\"", "原文表述: \"1313万人\"")
		}, ErrInvalid, []string{"原文表述", "1313万人", "找不到"}},
		{"value does not parse back", func(t *testing.T) string {
			return mustReplace(t, embedded(), "数值: 67.7", "数值: 67.8")
		}, ErrInvalid, []string{"67.8", "67.7"}},
		{"bound missing", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    单位: \"万公里\"\n    限定: \"超过\"\n    原文表述: \"超过1.9万公里\"", "    单位: \"万公里\"\n    原文表述: \"超过1.9万公里\"")
		}, ErrInvalid, []string{"漏填了限定"}},
		{"pair points nowhere", func(t *testing.T) string {
			return mustReplace(t, embedded(), "对应: huigu.gdp-growth\n", "对应: huigu.gdp-growht\n")
		}, ErrInvalid, []string{"对应", "不存在", "huigu.gdp-growht"}},
		{"pair of different indicators", func(t *testing.T) string {
			return mustReplace(t, embedded(), "对应: huigu.new-jobs", "对应: huigu.services-share")
		}, ErrInvalid, []string{"不是同一指标"}},
		{"unknown field", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    单位: \"万亿元\"\n", "    单价: \"万亿元\"\n")
		}, ErrInvalid, []string{"单价", "未知字段"}},
		{"wrong format version", func(t *testing.T) string {
			return mustReplace(t, embedded(), "format: 2\n", "format: 3\n")
		}, ErrInvalid, []string{"格式 1 和 2"}},
		{"alias", func(*testing.T) string {
			return "format: 2\ntitle: &t 标题\nplace: *t\nyear: 2023\nsource: {kind: 节选}\nsections: []\nfigures: []\n"
		}, ErrInvalid, []string{"别名"}},
		{"derived value wrong", func(t *testing.T) string {
			return mini([]string{"完成投资1433.6亿元,为年度计划的123.5%"}, `  - {编号: a.x, 指标: 投资, 性质: 实绩, 口径: 总量, 数值: 1433.6, 单位: 亿元, 原文表述: 1433.6亿元, 原文: "完成投资1433.6亿元,为年度计划的123.5%"}
  - {编号: a.y, 指标: 完成率, 性质: 实绩, 口径: 完成率, 数值: 123.5, 单位: "%", 原文表述: 123.5%, 原文: "完成投资1433.6亿元,为年度计划的123.5%"}
  - {编号: a.z, 指标: 计划, 性质: 推算, 口径: 总量, 数值: 1160.7, 单位: 亿元, 推算: a.x ÷ a.y}
`)
		}, ErrInvalid, []string{"推算", "1160.8"}},
		{"pair of different bases", func(t *testing.T) string {
			return mini([]string{"收入可比增长0.2%", "收入增长5%"}, `  - {编号: a.x, 指标: 收入增速, 性质: 实绩, 口径: 增速, 基础: 可比, 数值: 0.2, 单位: "%", 原文表述: 0.2%, 原文: 收入可比增长0.2%}
  - {编号: a.y, 指标: 收入增速, 性质: 目标, 口径: 增速, 数值: 5, 单位: "%", 原文表述: 5%, 原文: 收入增长5%, 对应: a.x}
`)
		}, ErrInvalid, []string{"基础", "可比", "未注明", "不能对应"}},
		{"basis not in the text", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    单位: \"%\"\n    原文表述: \"6.9%\"", "    单位: \"%\"\n    基础: 可比\n    原文表述: \"6.9%\"")
		}, ErrInvalid, []string{"基础", "可比", "原文中没有"}},
		{"range without its upper bound", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    上限: 7\n", "")
		}, ErrInvalid, []string{"区间", "上限填 7"}},
		{"range with a wrong upper bound", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    上限: 7\n", "    上限: 7.5\n")
		}, ErrInvalid, []string{"上限", "7.5"}},
		{"upper bound of no range", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    数值: 3\n    单位: \"%\"\n    限定: \"左右\"\n", "    数值: 3\n    上限: 4\n    单位: \"%\"\n    限定: \"左右\"\n")
		}, ErrInvalid, []string{"不是区间"}},
		{"bad period", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    时期: 十二五\n", "    时期: 去年\n")
		}, ErrInvalid, []string{"时期", "去年", "年份区间"}},
		{"bad role", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    角色: 主要目标\n", "    角色: 要点\n")
		}, ErrInvalid, []string{"角色", "要点", "回顾、主要目标、工作安排、其他"}},
		{"bad direction", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    方向: 无\n", "    方向: 向上\n")
		}, ErrInvalid, []string{"方向", "越高越好、越低越好、无"}},
		{"direction of a qualitative figure", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    原文表述: \"基本同步\"\n", "    方向: 越高越好\n    原文表述: \"基本同步\"\n")
		}, ErrInvalid, []string{"只有带数值的目标和实绩才有方向"}},
		{"bad review state", func(t *testing.T) string {
			return mustReplace(t, embedded(), "    审核: 未审核\n", "    审核: 待定\n")
		}, ErrInvalid, []string{"审核", "待定"}},
		{"bad source kind", func(t *testing.T) string {
			return mustReplace(t, embedded(), "  kind: 节选\n", "  kind: 全文\n")
		}, ErrInvalid, []string{"source.kind", "官方全文、报纸摘要、节选"}},
		{"digest without publication", func(t *testing.T) string {
			text := mustReplace(t, embedded(), "  kind: 节选\n", "  kind: 报纸摘要\n")
			return mustReplace(t, text, "  publication: \"中华人民共和国国务院\"\n", "")
		}, ErrInvalid, []string{"publication", "报纸摘要须注明"}},
		{"format 2 field in a format 1 file", func(t *testing.T) string {
			b, err := os.ReadFile(jiangmenFormat1)
			if err != nil {
				t.Fatal(err)
			}
			return mustReplace(t, string(b), "    数值: 3.3\n", "    时期: 2022\n    数值: 3.3\n")
		}, ErrInvalid, []string{"时期", "格式 2 的字段"}},
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
	p := filepath.Join(dir, "全国 报告 副本.yaml")
	if err := os.WriteFile(p, []byte(fixtureText(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadFile(p)
	if err != nil || r.Name != "全国 报告 副本.yaml" {
		t.Errorf("chinese path: %v", err)
	}
}

func TestErrorsAreListedTogether(t *testing.T) {
	text := mustReplace(t, fixtureText(t), "    数值: 67.7\n    单位: \"万亿元\"\n", "    数值: 67.7\n")
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

func TestParsePhrase(t *testing.T) {
	tests := []struct {
		phrase, unit, bound string
		want, upper         float64
	}{
		{"超2600家", "家", "超", 2600, 0}, {"6%以上", "%", "以上", 6, 0}, {"3%左右", "%", "左右", 3, 0},
		{"突破6000亿元", "亿元", "突破", 6000, 0}, {"第2", "名", "", 2, 0}, {"超千亿元", "亿元", "超", 1000, 0},
		{"千亿级", "亿", "级", 1000, 0}, {"十件", "件", "", 10, 0}, {"12.88万吨/日", "万吨/日", "", 12.88, 0},
		{"50强", "名", "强", 50, 0}, {"百强", "名", "强", 100, 0}, {"6600多万人", "万人", "多", 6600, 0},
		{"1亿多", "亿", "多", 1, 0}, {"4.5%以内", "%", "以内", 4.5, 0},
		{"6%－6.5%", "%", "", 6, 6.5}, {"6.5%-7%", "%", "", 6.5, 7}, {"6－6.5%", "%", "", 6, 6.5},
		{"3～5年", "年", "", 3, 5},
	}
	for _, tt := range tests {
		got, err := ParsePhrase(tt.phrase, tt.unit, tt.bound)
		if err != nil || got.Value != tt.want || got.IsRange != (tt.upper != 0) || got.Upper != tt.upper {
			t.Errorf("ParsePhrase(%q) = %+v, %v", tt.phrase, got, err)
		}
	}
	for _, bad := range [][3]string{{"超2600家", "家", ""}, {"2600家", "个", ""}, {"2600家", "家", "超"}, {"排第2", "名", ""},
		{"7%－6%", "%", ""}, {"6%－%", "%", ""}, {"50强", "名", ""}} {
		if got, err := ParsePhrase(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("ParsePhrase(%q, %q, %q) accepted: %+v", bad[0], bad[1], bad[2], got)
		}
	}
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		in, str, label string
		year           bool
	}{
		{"2022", "2022", "2022年", true},
		{"2013-2017", "2013-2017", "2013—2017年", false},
		{"2013—2017年", "2013-2017", "2013—2017年", false},
		{"十四五", "十四五", "“十四五”时期", false},
		{"“十三五”时期", "十三五", "“十三五”时期", false},
		{"十五", "十五", "“十五”时期", false},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if err != nil || p.String() != tt.str || p.Label() != tt.label || p.IsYear() != tt.year {
			t.Errorf("ParsePeriod(%q) = %+v %q %q, %v", tt.in, p, p.String(), p.Label(), err)
		}
	}
	if p, _ := ParsePeriod("十四五"); p.From != 2021 || p.To != 2025 {
		t.Errorf("十四五 = %+v", p)
	}
	if p, _ := ParsePeriod("十一五"); p.From != 2006 || p.To != 2010 {
		t.Errorf("十一五 = %+v", p)
	}
	for _, bad := range []string{"", "去年", "2017-2013", "1800", "十四五五", "二〇二二"} {
		if p, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want an error", bad, p)
		}
	}
}

func TestInferredRolesAndPeriods(t *testing.T) {
	tests := []struct {
		title  string
		parent *Section
		role   Role
		period string
	}{
		{"一、2018年工作回顾", nil, RoleReview, "2018"},
		{"过去五年工作回顾", nil, RoleReview, "2013-2017"},
		{"一、2015年和“十二五”时期发展回顾", nil, RoleReview, "2015"},
		{"2019年经济社会发展总体要求和政策取向", nil, RoleOther, "2019"},
		{"2023年主要预期目标", nil, RoleTargets, "2023"},
		{"“十四五”时期主要目标任务", nil, RoleTargets, "十四五"},
		{"三、2019年政府工作任务", nil, RolePlan, "2019"},
		{"全面加强政府自身建设", nil, RoleOther, "2018"},
		{"(三)多措并举延伸拓展产业链条", &Section{Role: RoleReview, Period: Year(2017)}, RoleReview, "2017"},
		{"工作回顾", nil, RoleReview, "2017"},
	}
	for _, tt := range tests {
		s := &Section{Title: tt.title, Parent: tt.parent}
		s.Role = inferRole(s)
		s.Period = inferPeriod(s, 2018, "")
		if s.Role != tt.role || s.Period.String() != tt.period {
			t.Errorf("%q: %s %s, want %s %s", tt.title, s.Role, s.Period, tt.role, tt.period)
		}
	}
	if inferRole(&Section{Title: "2023年主要预期目标", Article: true}) != RoleOther {
		t.Error("a press report took a role from its title")
	}
	levels := map[string]string{"江门市": "市", "广东省": "省", "广西壮族自治区": "省", "全国": "全国", "新会区": "区县", "台山市": "市", "": ""}
	for place, want := range levels {
		if got := inferLevel(place); got != want {
			t.Errorf("inferLevel(%q) = %q, want %q", place, got, want)
		}
	}
}

func itoa(n int) string { return FormatNumber(float64(n)) }
