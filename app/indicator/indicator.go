// Package indicator is the dictionary of the indicators that government work reports and
// statistical bulletins state: each one's standard name, as a national report writes it
// and as a province's or a city's does, the other names reports give it (GDP, 固投,
// 社消零 …), and what it measures. The importer names figures by it and the verdicts,
// trends and benchmarks pair figures by it, so that they agree.
package indicator

import (
	"slices"
	"strings"

	"workreport/app/zhtext"
)

// Indicator is one entry of the dictionary.
type Indicator struct {
	National string   // the standard name in a national report: 国内生产总值增速
	Local    string   // the standard name in a province's or city's report, where it differs: 地区生产总值增速
	Measure  string   // what it measures: 总量, 增速, 比率, 占比, 评价
	Aliases  []string // other names met in reports, matched after the place words are dropped
	// Units are the units its figures take, less their multiplier (元 for 万亿元, "" for
	// 551万); none for an indicator judged in words.
	Units []string
}

// Name is the indicator's standard name in a report of the level (全国, 省, 市, 区县).
func (i *Indicator) Name(level string) string {
	if i.Local != "" && level != "" && level != National {
		return i.Local
	}
	return i.National
}

// Takes reports whether a figure in the unit may state the indicator: 万亿元 may state
// 国内生产总值, 万人 may not.
func (i *Indicator) Takes(unit string) bool {
	_, base := zhtext.SplitUnit(unit)
	return slices.Contains(i.Units, base)
}

// National is the level of the State Council's reports and the national bulletins.
const National = "全国"

// dictionary lists the indicators. The standard names are those a person labelling a
// report types; an alias is any other spelling. Rates of change are named after what
// changes: X增速 (growth), X涨幅 (prices), X降幅 (a decrease).
var dictionary = []Indicator{
	{National: "国内生产总值", Local: "地区生产总值", Measure: "总量", Aliases: []string{"GDP", "经济总量", "生产总值", "国内生产总值总量", "地区生产总值总量"}, Units: []string{"元"}},
	{National: "国内生产总值增速", Local: "地区生产总值增速", Measure: "增速", Aliases: []string{
		"GDP增速", "经济增速", "生产总值增速", "国内生产总值增长", "地区生产总值增长", "经济增长", "GDP增长", "生产总值增长", "经济增长速度"}, Units: []string{"%"}},
	{National: "人均国内生产总值", Local: "人均地区生产总值", Measure: "总量", Aliases: []string{"人均GDP", "人均生产总值"}, Units: []string{"元", "美元"}},
	{National: "人均国内生产总值增速", Local: "人均地区生产总值增速", Measure: "增速", Aliases: []string{"人均GDP增速", "人均生产总值增速"}, Units: []string{"%"}},
	{National: "规模以上工业增加值增速", Measure: "增速", Aliases: []string{"规上工业增加值增速", "规模以上工业增加值增长", "规上工业增加值增长", "规模以上工业增速", "规上工业增速"}, Units: []string{"%"}},
	{National: "规模以上工业增加值", Measure: "总量", Aliases: []string{"规上工业增加值"}, Units: []string{"元"}},
	{National: "固定资产投资增速", Measure: "增速", Aliases: []string{"投资增速", "投资增长", "固投增速", "全社会固定资产投资增速", "固定资产投资（不含农户）增速", "固定资产投资增长", "固投增长"}, Units: []string{"%"}},
	{National: "固定资产投资", Measure: "总量", Aliases: []string{"固投", "全社会固定资产投资", "固定资产投资（不含农户）"}, Units: []string{"元"}},
	{National: "社会消费品零售总额增速", Measure: "增速", Aliases: []string{"社消零增速", "社零增速", "社会消费品零售额增速", "社会消费品零售总额增长", "社消零增长", "社零增长"}, Units: []string{"%"}},
	{National: "社会消费品零售总额", Measure: "总量", Aliases: []string{"社消零", "社零", "社会消费品零售额", "社消零总额", "社零总额"}, Units: []string{"元"}},
	{National: "进出口总额增速", Measure: "增速", Aliases: []string{"进出口总值增速", "外贸进出口总值增速", "货物进出口总值增速",
		"进出口增速", "外贸进出口总额增速", "货物进出口总额增速", "外贸进出口增速", "进出口增长", "进出口总额增长", "外贸增速", "货物贸易进出口总额增速"}, Units: []string{"%"}},
	{National: "进出口总额", Measure: "总量", Aliases: []string{"进出口总值", "外贸进出口总值", "货物进出口总值", "外贸进出口总额", "货物进出口总额", "进出口", "外贸进出口", "货物贸易进出口总额", "外贸"}, Units: []string{"元", "美元"}},
	{National: "一般公共预算收入", Local: "地方一般公共预算收入", Measure: "总量", Aliases: []string{"一般公共预算收入", "地方公共财政预算收入", "公共财政预算收入", "全国一般公共预算收入", "财政收入", "一般公共财政收入", "公共财政收入", "地方一般公共财政收入"}, Units: []string{"元"}},
	{National: "一般公共预算收入增速", Local: "地方一般公共预算收入增速", Measure: "增速", Aliases: []string{
		"一般公共预算收入增速", "地方公共财政预算收入增速", "公共财政预算收入增速", "全国一般公共预算收入增速", "财政收入增速", "一般公共预算收入增长", "地方一般公共预算收入增长",
		"一般公共财政收入增速", "公共财政收入增速", "地方一般公共财政收入增速"}, Units: []string{"%"}},
	{National: "居民消费价格涨幅", Measure: "增速", Aliases: []string{"居民消费价格上涨", "CPI涨幅", "物价涨幅", "居民消费价格", "居民消费价格指数涨幅", "居民消费价格指数上涨", "居民消费价格指数", "CPI"}, Units: []string{"%"}},
	{National: "城镇新增就业", Measure: "总量", Aliases: []string{"新增就业", "城镇新增就业人数", "新增城镇就业"}, Units: []string{"人"}},
	{National: "城镇调查失业率", Measure: "比率", Aliases: []string{"调查失业率"}, Units: []string{"%"}},
	{National: "城镇登记失业率", Measure: "比率", Aliases: []string{"登记失业率"}, Units: []string{"%"}},
	{National: "居民人均可支配收入", Measure: "总量", Aliases: []string{"全体居民人均可支配收入", "居民收入"}, Units: []string{"元"}},
	{National: "居民人均可支配收入增速", Measure: "增速", Aliases: []string{"城乡居民收入增速",
		"全体居民人均可支配收入增速", "居民收入增速", "城乡居民人均可支配收入增速", "居民人均可支配收入增长", "城乡居民人均收入增速", "居民人均收入增速"}, Units: []string{"%"}},
	{National: "城镇居民人均可支配收入", Measure: "总量", Units: []string{"元"}},
	{National: "城镇居民人均可支配收入增速", Measure: "增速", Aliases: []string{"城镇居民收入增速"}, Units: []string{"%"}},
	{National: "农村居民人均可支配收入", Measure: "总量", Aliases: []string{"农民人均可支配收入"}, Units: []string{"元"}},
	{National: "农村居民人均可支配收入增速", Measure: "增速", Aliases: []string{"农民人均可支配收入增速", "农村居民收入增速", "农民收入增速"}, Units: []string{"%"}},
	// 人均纯收入 is the older rural statistic (to 2013), another measure than 可支配收入.
	{National: "农村居民人均纯收入", Measure: "总量", Aliases: []string{"农民人均纯收入"}, Units: []string{"元"}},
	{National: "农村居民人均纯收入增速", Measure: "增速", Aliases: []string{"农民人均纯收入增速"}, Units: []string{"%"}},
	{National: "居民收入增长与经济增长", Measure: "评价", Aliases: []string{
		"居民收入增长和经济增长", "居民收入和经济增长", "居民收入增长与经济发展", "居民收入增长", "居民人均可支配收入增长与经济增长",
		"居民人均可支配收入增速与经济增长", "居民人均可支配收入增长和经济增长", "居民收入与经济增长"}},
	{National: "单位国内生产总值能耗降幅", Local: "单位地区生产总值能耗降幅", Measure: "增速", Aliases: []string{
		"单位国内生产总值能耗降低", "单位国内生产总值能耗下降", "能耗强度下降", "能耗强度降低", "能耗降幅", "能耗强度降幅",
		"单位地区生产总值能耗降低", "单位地区生产总值能耗下降", "单位GDP能耗下降", "单位GDP能耗降低", "单位GDP能耗降幅", "单位生产总值能耗降幅", "单位生产总值能耗下降",
		"万元国内生产总值能耗降幅", "万元地区生产总值能耗降幅", "万元国内生产总值能耗下降", "万元GDP能耗降幅", "能耗强度"}, Units: []string{"%"}},
	{National: "单位国内生产总值二氧化碳排放降幅", Local: "单位地区生产总值二氧化碳排放降幅", Measure: "增速", Aliases: []string{"单位国内生产总值二氧化碳排放量降幅", "单位国内生产总值二氧化碳排放量下降", "单位地区生产总值二氧化碳排放量降幅", "二氧化碳排放强度降幅", "二氧化碳排放强度下降", "二氧化碳排放强度降低",
		"单位国内生产总值二氧化碳排放降低", "单位国内生产总值二氧化碳排放下降", "碳排放强度降幅", "碳排放强度下降", "单位地区生产总值二氧化碳排放下降"}, Units: []string{"%"}},
	{National: "粮食产量", Measure: "总量", Aliases: []string{"粮食总产量", "粮食生产"}, Units: []string{"斤", "吨", "公斤"}},
	{National: "农村贫困人口减少", Measure: "总量", Aliases: []string{"减少农村贫困人口", "农村贫困人口脱贫"}, Units: []string{"人", ""}},
	{National: "贫困县摘帽", Measure: "数量", Aliases: []string{"贫困县全部摘帽", "贫困县脱贫摘帽"}, Units: []string{"个"}},
	{National: "研发经费投入强度", Measure: "占比", Aliases: []string{
		"研发经费支出占地区生产总值比重", "研发经费支出占国内生产总值比重", "研发投入强度", "R&D经费投入强度", "全社会研发经费投入强度",
		"研发经费占地区生产总值比重", "全社会研发经费占地区生产总值比重", "研究与试验发展经费投入强度"}, Units: []string{"%"}},
	{National: "常住人口城镇化率", Measure: "占比", Aliases: []string{"城镇化率", "常住人口城镇化"}, Units: []string{"%"}},
	{National: "实际使用外资", Measure: "总量", Aliases: []string{"实际利用外资"}, Units: []string{"元", "美元"}},
	{National: "实际使用外资增速", Measure: "增速", Aliases: []string{"实际利用外资增速"}, Units: []string{"%"}},
	{National: "主要污染物排放量", Measure: "评价", Aliases: []string{"主要污染物排放"}},
	{National: "化学需氧量排放量降幅", Measure: "增速", Aliases: []string{"化学需氧量排放量下降", "化学需氧量排放降幅"}, Units: []string{"%"}},
	{National: "氨氮排放量降幅", Measure: "增速", Aliases: []string{"氨氮排放量下降", "氨氮排放降幅"}, Units: []string{"%"}},
	{National: "二氧化硫排放量降幅", Measure: "增速", Aliases: []string{"二氧化硫排放量下降", "二氧化硫排放降幅"}, Units: []string{"%"}},
	{National: "氮氧化物排放量降幅", Measure: "增速", Aliases: []string{"氮氧化物排放量下降", "氮氧化物排放降幅"}, Units: []string{"%"}},
	{National: "细颗粒物浓度降幅", Measure: "增速", Aliases: []string{"细颗粒物年均浓度降幅", "细颗粒物年均浓度下降", "细颗粒物平均浓度降幅", "细颗粒物年平均浓度降幅", "细颗粒物降幅", "PM2.5平均浓度降幅", "细颗粒物平均浓度下降", "细颗粒物年平均浓度下降", "细颗粒物（PM2.5）浓度降幅", "PM2.5浓度降幅", "细颗粒物浓度下降", "PM2.5浓度下降"}, Units: []string{"%"}},
	{National: "空气质量优良天数比率", Measure: "占比", Aliases: []string{"空气质量优良率", "空气质量优良天数比例", "AQI达标率", "空气质量优良天数比率（AQI）",
		"空气质量", "大气环境质量"}, Units: []string{"%"}},
	{National: "地表水水质优良率", Measure: "占比", Aliases: []string{"地表水水质优良比例", "地表水水质优良（达到或好于Ⅲ类）比例",
		"地表水水质", "水环境质量", "地表水环境质量", "地表水国考断面水质优良率", "国考断面水质优良率"}, Units: []string{"%"}},
	{National: "生态环境质量", Measure: "评价", Aliases: []string{"生态环境"}},
	{National: "节能减排约束性指标", Measure: "评价", Aliases: []string{"节能减排"}},
	{National: "国际收支", Measure: "评价"},
	{National: "宏观杠杆率", Measure: "评价"},
	{National: "赤字率", Measure: "比率", Aliases: []string{"财政赤字率"}, Units: []string{"%"}},
	{National: "财政赤字", Measure: "总量", Aliases: []string{"赤字规模", "财政赤字规模"}, Units: []string{"元"}},
	{National: "财政赤字增加额", Measure: "总量", Aliases: []string{"财政赤字规模增加", "财政赤字增加", "赤字规模增加"}, Units: []string{"元"}},
	{National: "中央财政赤字", Measure: "总量", Units: []string{"元"}},
	{National: "地方财政赤字", Measure: "总量", Units: []string{"元"}},
	{National: "地方政府专项债券", Measure: "总量", Aliases: []string{"专项债", "专项债券", "地方专项债券", "地方政府专项债"}, Units: []string{"元"}},
	{National: "超长期特别国债", Measure: "总量", Units: []string{"元"}},
	{National: "特别国债", Measure: "总量", Aliases: []string{"抗疫特别国债"}, Units: []string{"元"}},
}

// placeWords open a name without changing the indicator: 全国城镇调查失业率, 全市GDP.
var placeWords = []string{"全国", "全省", "全市", "全区", "全县", "全年", "我国", "我省", "我市", "全体"}

var byName = func() map[string]*Indicator {
	m := map[string]*Indicator{}
	for i := range dictionary {
		d := &dictionary[i]
		for _, n := range append([]string{d.National, d.Local}, d.Aliases...) {
			if _, dup := m[n]; n != "" && !dup {
				m[n] = d
			}
		}
	}
	return m
}()

// Clean drops what a name may carry that does not change the indicator: spaces, the
// place words that open it (全国, 全市 …) and a footnote mark (国内生产总值[2]).
func Clean(name string) string {
	n := strings.TrimSpace(name)
	n = stripNotes(n)
	for again := true; again; {
		again = false
		for _, w := range placeWords {
			if strings.HasPrefix(n, w) && len(n) > len(w) {
				if _, known := byName[n]; known {
					return n // 全体居民人均可支配收入 is a name of its own
				}
				n, again = strings.TrimPrefix(n, w), true
			}
		}
	}
	return n
}

// stripNotes drops footnote marks such as [2] from a name.
func stripNotes(s string) string {
	for {
		a := strings.Index(s, "[")
		if a < 0 {
			return s
		}
		b := strings.Index(s[a:], "]")
		if b < 0 {
			return s
		}
		inner := s[a+1 : a+b]
		if inner == "" || strings.Trim(inner, "0123456789") != "" {
			return s
		}
		s = s[:a] + s[a+b+1:]
	}
}

// Find returns the dictionary's entry for a name, or false when the dictionary does not
// know it.
func Find(name string) (*Indicator, bool) {
	if d, ok := byName[strings.TrimSpace(name)]; ok {
		return d, true
	}
	d, ok := byName[Clean(name)]
	return d, ok
}

// Key is the name two figures share when they state the same indicator, whatever the
// level of their reports: the national standard name, or the cleaned name when the
// dictionary does not know it. 地区生产总值增速 and GDP增速 have the key 国内生产总值增速.
func Key(name string) string {
	if d, ok := Find(name); ok {
		return d.National
	}
	return Clean(name)
}

// Name is the standard name of an indicator in a report of the level: 地区生产总值增速 in
// a city's report for GDP增速. A name the dictionary does not know is returned cleaned.
func Name(name, level string) string {
	if d, ok := Find(name); ok {
		return d.Name(level)
	}
	return Clean(name)
}

// Aliases are every name of an indicator's entry, its standard names first, for finding
// it in a sentence; a name the dictionary does not know is its only alias.
func Aliases(name string) []string {
	d, ok := Find(name)
	if !ok {
		return []string{Clean(name)}
	}
	out := []string{d.National}
	if d.Local != "" {
		out = append(out, d.Local)
	}
	return append(out, d.Aliases...)
}

// Mentions are the names by which a sentence may name an indicator: its aliases and, for
// a rate of change, those of what changes ("进出口总额出现下降" speaks of 进出口总额增速).
func Mentions(name string) []string {
	out := Aliases(name)
	key := Key(name)
	for _, suffix := range []string{"增速", "降幅", "涨幅"} {
		if level, ok := strings.CutSuffix(key, suffix); ok {
			if d, known := byName[level]; known && d.National == level {
				out = append(out, Aliases(level)...)
			}
		}
	}
	return out
}

// Within reports whether some name of the dictionary holds the words: a subject that
// no name holds cannot be completed into one.
func Within(words string) bool {
	return strings.Contains(allNames, words)
}

// allNames is every name of the dictionary, each on a line of its own.
var allNames = func() string {
	var b strings.Builder
	for n := range byName {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return b.String()
}()

// LastMention finds the indicator a text names last, by any of its names, and where
// that name ends; of names ending at the same place the longest wins (超长期特别国债
// over 特别国债).
func LastMention(text string) (d *Indicator, end int, ok bool) {
	best := ""
	for n, e := range byName {
		k := strings.LastIndex(text, n)
		if k < 0 {
			continue
		}
		if at := k + len(n); at > end || at == end && len(n) > len(best) || at == end && len(n) == len(best) && n < best {
			d, end, best, ok = e, at, n, true
		}
	}
	return d, end, ok
}

// Entries returns the dictionary, for the rules shown to users and for tests.
func Entries() []Indicator { return dictionary }
