package zhtext

import (
	"math/big"
	"strings"
)

// Magnitude is a Chinese multiplier a number or a unit may carry: 万亿 is 10¹².
type Magnitude struct {
	Word  string
	Scale int64
}

// Magnitudes lists the multipliers, longest first so that 万亿 wins over 万.
var Magnitudes = []Magnitude{
	{"万亿", 1_0000_0000_0000}, {"千亿", 1000_0000_0000}, {"百亿", 100_0000_0000}, {"十亿", 10_0000_0000},
	{"千万", 1000_0000}, {"百万", 100_0000}, {"十万", 10_0000},
	{"亿", 1_0000_0000}, {"万", 1_0000}, {"千", 1000}, {"百", 100},
}

// MagnitudeWords returns the multipliers' words, longest first.
func MagnitudeWords() []string {
	out := make([]string, len(Magnitudes))
	for i, m := range Magnitudes {
		out[i] = m.Word
	}
	return out
}

// IsMagnitude reports whether a word is a multiplier alone: 万, 亿, 万亿.
func IsMagnitude(w string) bool {
	for _, m := range Magnitudes {
		if m.Word == w {
			return true
		}
	}
	return false
}

// SplitUnit parts a unit into its multiplier and its base: 万亿元 is 10¹² 元, 万人 is
// 10⁴ 人. 千 and 百 alone are not split, since they open units of their own (千瓦,
// 千米, 百分点).
func SplitUnit(unit string) (*big.Rat, string) {
	for _, m := range Magnitudes {
		if m.Scale < 1_0000 {
			continue
		}
		if strings.HasPrefix(unit, m.Word) {
			return new(big.Rat).SetInt64(m.Scale), strings.TrimPrefix(unit, m.Word)
		}
	}
	return big.NewRat(1, 1), unit
}

// BaseUnits are the units and measure words a number may carry, after an optional
// multiplier (万, 亿, 万亿 …). Longer units are tried first where they overlap.
var BaseUnits = []string{
	"个百分点", "百分点", "个工作日", "工作日", "个月", "平方公里", "平方米", "立方米", "千瓦时", "千瓦", "千米",
	"公里", "公顷", "美元", "欧元", "元", "斤", "吨", "亩", "人次", "人", "户", "套", "间", "张",
	"%", "‰", "倍", "番", "个", "家", "项", "件", "所", "座", "条", "次", "台", "辆", "名", "位",
	"种", "类", "处", "栋", "艘", "架", "枚", "颗", "部", "起", "宗", "场", "批", "片", "只", "头",
	"年", "天", "日", "小时", "分钟", "周", "岁", "米", "度", "点", "册", "本", "份", "支", "根",
	"层", "轮", "道", "期", "届", "档", "万", "亿", "千", "百",
}

// CountUnits are the measure words of a count written in Chinese numerals (十件, 两个);
// a Chinese numeral with no unit is a word, not a figure.
var CountUnits = []string{
	"个百分点", "个工作日", "个月", "个", "件", "项", "家", "所", "座", "条", "次", "批", "种", "类",
	"位", "名", "倍", "番", "年", "天", "万", "亿", "千", "百", "大类", "处", "轮", "场", "台", "档",
}

// RangeMarks join the two bounds of a range: 6%－6.5%, 6.5%-7%, 3～5年, 2013至2017.
var RangeMarks = []string{"－", "-", "–", "—", "～", "~", "至", "到"}

// rangeMarkAt returns the range mark s starts with, or "".
func rangeMarkAt(s string) string {
	for _, m := range RangeMarks {
		if strings.HasPrefix(s, m) {
			return m
		}
	}
	return ""
}
