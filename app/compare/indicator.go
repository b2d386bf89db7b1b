package compare

import (
	"math/big"
	"strings"
)

// The dictionary of indicators: the names reports give the same indicator. Each group's
// first name is the one shown. A name is matched after the place words are dropped
// (全国, 全市…); a group lists every other spelling met in the reports.
var synonyms = [][]string{
	{"国内生产总值增速", "地区生产总值增速", "GDP增速", "经济增速", "国内生产总值增长", "地区生产总值增长", "经济增长"},
	{"国内生产总值", "地区生产总值", "GDP", "经济总量"},
	{"居民消费价格涨幅", "居民消费价格上涨", "居民消费价格涨幅", "CPI涨幅", "物价涨幅", "居民消费价格"},
	{"单位国内生产总值能耗降幅", "单位国内生产总值能耗降低", "单位国内生产总值能耗下降", "能耗强度下降", "能耗强度降低", "能耗降幅",
		"单位地区生产总值能耗降幅", "单位地区生产总值能耗降低", "单位地区生产总值能耗下降", "单位GDP能耗下降", "单位GDP能耗降低"},
	{"城镇调查失业率", "调查失业率"},
	{"城镇登记失业率", "登记失业率"},
	{"城镇新增就业", "新增就业"},
	{"进出口增速", "进出口总额增速", "货物进出口总额增速", "外贸进出口增速", "进出口增长", "进出口"},
	{"粮食产量", "粮食总产量"},
	{"农村贫困人口减少", "减少农村贫困人口", "农村贫困人口脱贫"},
	{"居民人均可支配收入增速", "全体居民人均可支配收入增速", "居民收入增速", "城乡居民人均可支配收入增速"},
	{"国际收支"},
	{"居民收入增长与经济增长", "居民收入增长和经济增长", "居民收入和经济增长", "居民收入增长与经济发展", "居民收入增长"},
	{"主要污染物排放量", "主要污染物排放"},
	{"生态环境质量", "生态环境"},
	{"宏观杠杆率"},
}

// placeWords open a name without changing the indicator: 全国城镇调查失业率.
var placeWords = []string{"全国", "全省", "全市", "全区", "全县", "全年"}

var canonical = func() map[string]string {
	m := map[string]string{}
	for _, g := range synonyms {
		for _, n := range g {
			if _, dup := m[n]; !dup {
				m[n] = g[0]
			}
		}
	}
	return m
}()

// Canonical is the name an indicator goes by in the dictionary, or its own name with
// the place words dropped when the dictionary does not know it.
func Canonical(name string) string {
	n := strings.TrimSpace(name)
	for again := true; again; {
		again = false
		for _, w := range placeWords {
			if strings.HasPrefix(n, w) && len(n) > len(w) {
				n, again = strings.TrimPrefix(n, w), true
			}
		}
	}
	if c, ok := canonical[n]; ok {
		return c
	}
	return n
}

// Aliases are the names of an indicator's group, for finding it in a sentence.
func Aliases(name string) []string {
	c := Canonical(name)
	for _, g := range synonyms {
		if g[0] == c {
			return g
		}
	}
	return []string{c}
}

// magnitudes are the Chinese multipliers a unit may start with, largest first.
var magnitudes = []struct {
	word  string
	scale int64
}{{"万亿", 1_0000_0000_0000}, {"千亿", 1000_0000_0000}, {"百亿", 100_0000_0000}, {"亿", 1_0000_0000}, {"千万", 1000_0000}, {"百万", 100_0000}, {"万", 1_0000}}

// splitUnit parts a unit into its magnitude and its base: 万亿元 is 10¹² 元.
func splitUnit(u string) (*big.Rat, string) {
	for _, m := range magnitudes {
		if strings.HasPrefix(u, m.word) {
			return new(big.Rat).SetInt64(m.scale), strings.TrimPrefix(u, m.word)
		}
	}
	return big.NewRat(1, 1), u
}

// convert gives the factor that turns a value in unit from into unit to (亿元 → 万亿元
// is 1/10000), or false when the units measure different things.
func convert(from, to string) (*big.Rat, bool) {
	if from == to {
		return big.NewRat(1, 1), true
	}
	fs, fb := splitUnit(from)
	ts, tb := splitUnit(to)
	// A count of people is written 万 or 万人: the base 人 may be left out.
	if fb != tb && !(fb == "" && tb == "人" || fb == "人" && tb == "") {
		return nil, false
	}
	return new(big.Rat).Quo(fs, ts), true
}
