package indicator

import (
	"slices"
	"testing"
)

func TestKeyJoinsTheNamesReportsUse(t *testing.T) {
	for _, c := range []struct{ name, key string }{
		{"GDP增速", "国内生产总值增速"},
		{"地区生产总值增速", "国内生产总值增速"},
		{"全市地区生产总值", "国内生产总值"},
		{"固投增速", "固定资产投资增速"},
		{"全社会固定资产投资", "固定资产投资"},
		{"社消零", "社会消费品零售总额"},
		{"社零增速", "社会消费品零售总额增速"},
		{"规上工业增加值增速", "规模以上工业增加值增速"},
		{"一般公共预算收入", "一般公共预算收入"},
		{"地方一般公共预算收入增速", "一般公共预算收入增速"},
		{"外贸进出口总额", "进出口总额"},
		{"外贸进出口总额增速", "进出口总额增速"},
		{"研发投入强度", "研发经费投入强度"},
		{"国内生产总值[2]", "国内生产总值"},
		{"全国居民人均可支配收入增速", "居民人均可支配收入增速"},
		{"能耗强度下降", "单位国内生产总值能耗降幅"},
		{"城镇化率", "常住人口城镇化率"},
		{"某项未收录的指标", "某项未收录的指标"},
	} {
		if got := Key(c.name); got != c.key {
			t.Errorf("Key(%q) = %q, want %q", c.name, got, c.key)
		}
	}
	if Key("城镇登记失业率") == Key("城镇调查失业率") {
		t.Error("the registered and the surveyed unemployment rate are different indicators")
	}
	if Key("国内生产总值") == Key("国内生产总值增速") {
		t.Error("a level and its growth are different indicators")
	}
}

func TestNameFollowsTheLevel(t *testing.T) {
	for _, c := range []struct{ name, level, want string }{
		{"GDP增速", "全国", "国内生产总值增速"},
		{"GDP增速", "市", "地区生产总值增速"},
		{"国内生产总值", "省", "地区生产总值"},
		{"一般公共预算收入增速", "市", "地方一般公共预算收入增速"},
		{"一般公共预算收入增速", "全国", "一般公共预算收入增速"},
		{"社消零", "市", "社会消费品零售总额"},
		{"能耗强度下降", "省", "单位地区生产总值能耗降幅"},
		{"全市某项指标", "市", "某项指标"},
	} {
		if got := Name(c.name, c.level); got != c.want {
			t.Errorf("Name(%q, %q) = %q, want %q", c.name, c.level, got, c.want)
		}
	}
}

func TestNoNameBelongsToTwoIndicators(t *testing.T) {
	seen := map[string]string{}
	for _, d := range Entries() {
		for _, n := range append([]string{d.National, d.Local}, d.Aliases...) {
			if n == "" || n == d.National && seen[n] == d.National {
				continue
			}
			if other, dup := seen[n]; dup && other != d.National {
				t.Errorf("%q names both %s and %s", n, other, d.National)
			}
			seen[n] = d.National
		}
		if d.Measure == "" {
			t.Errorf("%s has no measure", d.National)
		}
	}
}

func TestMentionsOfARateNameWhatChanges(t *testing.T) {
	m := Mentions("进出口增速")
	for _, want := range []string{"进出口总额增速", "进出口总额", "外贸进出口总额"} {
		if !slices.Contains(m, want) {
			t.Errorf("Mentions(进出口增速) lacks %q: %v", want, m)
		}
	}
	if slices.Contains(Mentions("城镇新增就业"), "国内生产总值") {
		t.Error("a level's mentions hold another indicator")
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		" 全国城镇调查失业率 ": "城镇调查失业率", "全年全国城镇新增就业[7]": "城镇新增就业", "全体居民人均可支配收入": "全体居民人均可支配收入",
		"全市": "全市", "PM2.5[3]浓度": "PM2.5浓度", "数组[a]": "数组[a]",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
