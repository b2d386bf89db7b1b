package importer

import (
	"regexp"
	"strings"

	"workreport/app/indicator"
)

// An indicator's name comes out under its standard name (app/indicator), in the wording
// of the report's level (地区生产总值 in a city's report), whatever the text calls it:
// GDP, 固投, 社消零, 全国一般公共预算收入, 年末城镇登记失业率. A name the dictionary does not
// know is kept as the text gives it, less what only marks a place, a time or a note.

var (
	// nameNoise is what a name may carry that is no part of the indicator: note marks
	// (国内生产总值[2]) and a bracket the subject's cut left open (固定资产投资（不含农户).
	noteInName = regexp.MustCompile(`\[[0-9]*\]?`)
	// leadWords open a name without changing the indicator: where and when it is
	// measured (its basis, 年末, is kept as the figure's 基础), and a plan's verb.
	leadWords = []string{"全国", "全省", "全市", "全区", "全县", "我国", "我省", "我市", "全年", "年末", "全社会",
		"拟安排", "安排", "新增安排", "今年", "去年", "实现", "完成", "预计", "带动", "发行", "增发", "拟发行", "首次", "先",
		"提出", "全国地级及以上城市", "地级及以上城市", "重点地区", "重点城市", "计划完成", "计划实现", "计划"}
	// basisWords say how a growth is measured, not what grows: 实际增长, 可比增长.
	basisWords = []string{"扣除价格因素", "实际", "名义", "可比", "按可比价格计算", "同口径"}
)

// std is standardName at the scanner's level, remembered for the import: the rules ask
// the same names many times.
func (s *scanner) std(name string) string {
	if s.names == nil {
		return standardName(name, s.level)
	}
	if v, ok := s.names[name]; ok {
		return v
	}
	v := standardName(name, s.level)
	s.names[name] = v
	return v
}

// standardName is the name an indicator goes by in a report of the level.
func standardName(name, level string) string {
	if strings.ContainsAny(name, "“”\"‘’") {
		name = quotes.Replace(name)
	}
	n := closeBrackets(dropNotes(name))
	if n == "" {
		return name
	}
	try := func(c string) (string, bool) {
		if d, ok := indicator.Find(c); ok {
			return d.Name(level), true
		}
		return "", false
	}
	if s, ok := try(n); ok {
		return s
	}
	// Lead words, then basis words, then a bracketed remark, each dropped in turn.
	c := n
	for again := true; again; {
		again = false
		for _, w := range leadWords {
			if strings.HasPrefix(c, w) && len(c) > len(w) {
				c, again = strings.TrimPrefix(c, w), true
			}
		}
	}
	if s, ok := try(c); ok {
		return s
	}
	for _, w := range basisWords {
		c = strings.Replace(c, w, "", 1)
	}
	if s, ok := try(c); ok {
		return s
	}
	if !hasBracket(c) {
		return n
	}
	if plain := bracketed.ReplaceAllString(c, ""); plain != c {
		if s, ok := try(plain); ok {
			return s
		}
	}
	return n
}

// quotes are no part of a name: “十三五”规划目标任务.
var quotes = strings.NewReplacer("“", "", "”", "", "\"", "", "‘", "", "’", "")

// bracketed is a remark in brackets: （不含农户）, （PM2.5）.
var bracketed = regexp.MustCompile(`（[^（）]*）|\([^()]*\)`)

// closeBrackets drops a bracket the cut of a subject left open at its end:
// 固定资产投资（不含农户 is 固定资产投资（不含农户）'s subject cut at its last character.
func closeBrackets(s string) string {
	for _, pair := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.Count(s, pair[0]) > strings.Count(s, pair[1]) {
			if i := strings.LastIndex(s, pair[0]); i >= 0 {
				rest := s[i+len(pair[0]):]
				// 固定资产投资（不含农户增速: the bracket's words end where the measure starts.
				for _, m := range []string{"增速", "降幅", "涨幅"} {
					if strings.HasSuffix(rest, m) {
						return s[:i] + m
					}
				}
				return s[:i]
			}
		}
	}
	return s
}
