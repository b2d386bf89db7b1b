package zhtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStandsAlone(t *testing.T) {
	cases := []struct {
		text, sub string
		want      []int
	}{
		{"增长17.4%，增长7.4%", "7.4%", []int{len("增长17.4%，增长")}},
		{"二十大和十大工程", "十大", []int{len("二十大和")}},
		{"3.3%和13.3%", "3.3%", []int{0}},
		{"1.5万亩", "5万亩", nil},
		{"第2", "2", []int{len("第")}},
		{"", "2", nil},
	}
	for _, c := range cases {
		got := IndexAlone(c.text, c.sub)
		if len(got) != len(c.want) {
			t.Errorf("IndexAlone(%q, %q) = %v, want %v", c.text, c.sub, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("IndexAlone(%q, %q) = %v, want %v", c.text, c.sub, got, c.want)
			}
		}
	}
}

func TestExcerptNeverCutsANumber(t *testing.T) {
	s := "多数主要经济指标增速高于全省,其中规模以上工业增加值增长3.1% 社会消费品零售总额增长2.4% 均排全省第4 地方一般公共预算收入可比增长0.2% 市人大代表票选的十件民生实事全面完成"
	for _, phrase := range []string{"3.1%", "2.4%", "第4", "0.2%", "十件"} {
		at := strings.Index(s, phrase)
		for n := 12; n <= 40; n += 4 {
			got := Excerpt(s, at, at+len(phrase), n)
			if !strings.Contains(got, phrase) {
				t.Errorf("%s at %d: %q lost the figure", phrase, n, got)
			}
			if l := utf8.RuneCountInString(strings.ReplaceAll(got, Ellipsis, "")); l > n {
				t.Errorf("%s at %d: %q is %d runes long", phrase, n, got, l)
			}
			inner := strings.Trim(got, Ellipsis)
			rs := []rune(inner)
			full := []rune(s)
			// The excerpt's edges may not split a word or a number of the sentence.
			idx := strings.Index(s, inner)
			if idx < 0 {
				t.Fatalf("%q is not part of the sentence", inner)
			}
			before := len([]rune(s[:idx]))
			after := before + len(rs)
			if before > 0 && !safeCut(full, before) {
				t.Errorf("%s at %d: %q starts inside a word", phrase, n, got)
			}
			if after < len(full) && !safeCut(full, after) {
				t.Errorf("%s at %d: %q ends inside a word", phrase, n, got)
			}
		}
	}
}

func TestExcerptPrefersClauses(t *testing.T) {
	s := "不折不扣执行组合式税费支持政策,退税减税降费近148亿元,落实财政资金10.6亿元,以真金白银帮助企业纾困发展"
	at := strings.Index(s, "10.6亿元")
	got := Excerpt(s, at, at+len("10.6亿元"), 30)
	if got != "…落实财政资金10.6亿元,以真金白银帮助企业纾困发展" {
		t.Errorf("Excerpt = %q", got)
	}
	if got := Excerpt("短句", 0, 3, 30); got != "短句" {
		t.Errorf("a short sentence is cut: %q", got)
	}
}

func TestTitles(t *testing.T) {
	cases := []struct{ in, number, short, first string }{
		{"(三)多措并举延伸拓展产业链条,全力构建现代化产业体系", "(三)", "多措并举延伸拓展产业链条", "(三)多措并举延伸拓展产业链条"},
		{"（一）扎实做好“六稳”工作", "（一）", "扎实做好“六稳”工作", "（一）扎实做好“六稳”工作"},
		{"一、2018年工作回顾", "一、", "2018年工作回顾", "一、2018年工作回顾"},
		{"1.提升硬联通能力", "1.", "提升硬联通能力", "1.提升硬联通能力"},
		{"2023年工作安排", "", "2023年工作安排", "2023年工作安排"},
		{"3.5%以上的目标", "", "3.5%以上的目标", "3.5%以上的目标"},
	}
	for _, c := range cases {
		if got := Numbering(c.in); got != c.number {
			t.Errorf("Numbering(%q) = %q, want %q", c.in, got, c.number)
		}
		if got := ShortTitle(c.in); got != c.short {
			t.Errorf("ShortTitle(%q) = %q, want %q", c.in, got, c.short)
		}
		if got := FirstClause(c.in); got != c.first {
			t.Errorf("FirstClause(%q) = %q, want %q", c.in, got, c.first)
		}
	}
}

func TestFileNames(t *testing.T) {
	if got := SafeFileName(`2022年实绩/目标: "增速"? `); got != "2022年实绩／目标： ＂增速＂？" {
		t.Errorf("SafeFileName = %q", got)
	}
	if got := SafeFileName("CON"); got == "CON" {
		t.Error("a reserved device name was accepted")
	}
	if got := SafeFileName(" ..."); got != "未命名" {
		t.Errorf("SafeFileName of dots = %q", got)
	}
	for _, bad := range []string{"", "a/b.xlsx", "a?.xlsx", "名字.", "nul.xlsx", "a\tb"} {
		if CheckFileName(bad) == nil {
			t.Errorf("CheckFileName(%q) accepted", bad)
		}
	}
	for _, good := range []string{"江门市2023年政府工作报告数据.xlsx", "data (1).xlsx", "console.xlsx"} {
		if err := CheckFileName(good); err != nil {
			t.Errorf("CheckFileName(%q): %v", good, err)
		}
	}
}

func TestPiecesKeepFiguresAndWordsWholeAndMarkTheBreaks(t *testing.T) {
	show := func(ps []Piece) string {
		var b strings.Builder
		for i, p := range ps {
			if i > 0 {
				if p.Glue {
					b.WriteString("+")
				} else {
					b.WriteString("|")
				}
			}
			b.WriteString(p.Text)
			if p.Soft {
				b.WriteString("~")
			}
		}
		return b.String()
	}
	for in, want := range map[string]string{
		"对RCEP贸易增长6.5%-7%": "对|RCEP|贸|易|增|长|6.5%-7%",
		"高企超2600家、增长（初步）":  "高|企|超2600家+、~|增|长~|（+初|步+）~",
	} {
		if got := show(Pieces(in)); got != want {
			t.Errorf("Pieces(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestUnbreakableKeepsFiguresWhole(t *testing.T) {
	cases := []struct{ in, want string }{
		{"增长3.1%,排全省第4", "增|长|3.1%|,|排|全|省|第4"},
		{"实现总产值428.8亿元", "实|现|总|产|值|428.8亿元"},
		{"高企数量超2600家、增长超20%", "高|企|数|量|超2600家|、|增|长|超20%"},
		{"拉动工业总产值突破6000亿元", "拉|动|工|业|总|产|值|突破6000亿元"},
		{"国内生产总值增长6%－6.5%；", "国|内|生|产|总|值|增|长|6%－6.5%|；"},
		{"增长6%以上,力争7%以上", "增|长|6%以上|,|力|争|7%以上"},
		{"十件民生实事", "十件|民|生|实|事"},
		{"推动亚森博等企业产值上百亿", "推|动|亚|森|博|等|企|业|产|值|上百亿"},
		{"一些行业千方百计", "一|些|行|业|千|方|百|计"},
		{"处理能力12.88万吨/日,力争", "处|理|能|力|12.88万吨/日|,|力|争"},
		{"粮食产量保持在1.3万亿斤以上", "粮|食|产|量|保持在1.3万亿斤以上"},
		{"R&D投入", "R&D|投|入"},
	}
	for _, c := range cases {
		got := Unbreakable(c.in)
		if strings.Join(got, "") != c.in {
			t.Fatalf("Unbreakable(%q) loses text: %q", c.in, got)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("Unbreakable(%q) = %s, want %s", c.in, strings.Join(got, "|"), c.want)
		}
	}
	var path []string
	for _, p := range PathPieces(`C:\Users\张三\My Documents\报告 数据.xlsx`) {
		path = append(path, p.Text)
	}
	if got := strings.Join(path, "|"); got != `C:\|Users\|张三\|My |Documents\|报告 |数据.xlsx` {
		t.Errorf("PathPieces = %s", got)
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

func TestQualifierSenses(t *testing.T) {
	for _, c := range []struct {
		bound   string
		sense   Sense
		ceiling bool
	}{
		{"", Exact, false}, {"达到", Exact, false}, {"以上", AtLeast, false}, {"达到、以上", AtLeast, false},
		{"超", AtLeast, false}, {"突破", AtLeast, false}, {"多", AtLeast, false},
		{"以内", AtMost, true}, {"控制在", AtMost, true}, {"控制在、以内", AtMost, true}, {"不高于", AtMost, true},
		{"近", AtMost, false}, {"左右", About, false}, {"约", About, false}, {"强", Top, false},
	} {
		s, ok := SenseOf(c.bound)
		if !ok || s != c.sense {
			t.Errorf("SenseOf(%q) = %v, %v; want %v", c.bound, s, ok, c.sense)
		}
		if IsCeiling(c.bound) != c.ceiling {
			t.Errorf("IsCeiling(%q) = %v", c.bound, !c.ceiling)
		}
	}
	if _, ok := SenseOf("据说"); ok {
		t.Error("an unknown word has a sense")
	}
}

func TestGlossaryNamesEveryQualifierRead(t *testing.T) {
	var all string
	for _, g := range Glossary {
		all += " / " + g.Words + " / "
	}
	for _, q := range Qualifiers() {
		if q.Read && !strings.Contains(all, " / "+q.Word+" / ") {
			t.Errorf("the glossary does not explain %q", q.Word)
		}
	}
}

func TestQualifierWordsLongestFirst(t *testing.T) {
	for _, at := range []Place{Before, After} {
		w := QualifierWords(at, true)
		for i := 1; i < len(w); i++ {
			if len(w[i]) > len(w[i-1]) {
				t.Fatalf("%v not longest first: %v", at, w)
			}
		}
	}
}

func TestSplitUnit(t *testing.T) {
	for unit, want := range map[string]string{"万亿元": "1000000000000 元", "亿元": "100000000 元", "万人": "10000 人", "千瓦": "1 千瓦", "个百分点": "1 个百分点", "%": "1 %"} {
		s, base := SplitUnit(unit)
		if got := s.RatString() + " " + base; got != want {
			t.Errorf("SplitUnit(%q) = %s, want %s", unit, got, want)
		}
	}
}
