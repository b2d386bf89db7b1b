package report

import (
	"regexp"
	"strconv"
	"strings"

	"workreport/app/zhtext"
)

// The defaults below fill in what a data file leaves out. Each reads the report's own
// words (its titles, its indicators and bounds), never which report it is.

// roleWords find a section's role in its title, in order: a title naming a review is a
// review even when it also names the targets ahead.
var roleWords = []struct {
	role  Role
	words []string
}{
	{RoleReview, []string{"回顾"}},
	{RoleTargets, []string{"主要预期目标", "预期目标", "主要目标"}},
	{RolePlan, []string{"工作安排", "工作任务", "重点工作", "主要任务", "重点任务"}},
}

// inferRole is a section's role from its title, else its parent's, else RoleOther. A
// press report about the meeting is always RoleOther.
func inferRole(s *Section) Role {
	if s.Article {
		return RoleOther
	}
	for _, rw := range roleWords {
		for _, w := range rw.words {
			if strings.Contains(s.Title, w) {
				return rw.role
			}
		}
	}
	if s.Parent != nil {
		return s.Parent.Role
	}
	return RoleOther
}

var (
	yearInTitle = regexp.MustCompile(`((?:19|20|21)[0-9]{2})年`)
	// fiveYears names a review of the last five years, as the report after a People's
	// Congress election does: 过去五年, 五年来, 本届政府.
	fiveYears = regexp.MustCompile(`过去五年|五年来|本届政府`)
)

// inferPeriod is a section's period: a year its title names (2022年工作回顾), a plan its
// title names (“十四五”时期主要目标), the last five years for a review so titled, its
// parent's period, or else the year before the report for a review and the report's
// year for anything else.
func inferPeriod(s *Section, reportYear int, kind SourceKind) Period {
	if m := yearInTitle.FindStringSubmatch(s.Title); m != nil {
		y, _ := strconv.Atoi(m[1])
		return Year(y)
	}
	if name := PlanName.FindString(s.Title); name != "" {
		if p, ok := PlanPeriod(name); ok {
			return p
		}
	}
	if s.Role == RoleReview && fiveYears.MatchString(s.Title) && reportYear > 0 {
		return FiveYearReview(reportYear)
	}
	if s.Parent != nil {
		return s.Parent.Period
	}
	if s.Role == RoleReview && reportYear > 0 {
		return Year(ResultsYear(kind, reportYear))
	}
	if reportYear > 0 {
		return Year(reportYear)
	}
	return Period{}
}

// Words that set a figure's default direction. A decrease is a quantity of its own: a
// target of 能耗降低3% is met by a larger decrease.
var (
	decreaseWords = []string{"下降", "降低", "减少", "降幅", "压减", "压降"}
	lowerIsBetter = []string{"失业率", "涨幅", "价格", "物价", "能耗", "排放", "杠杆率", "负债率", "死亡", "事故", "发生率", "时间", "用时", "耗时"}
	// allocations are planned amounts of public money: a plan, not a level to reach.
	allocations = []string{"赤字", "专项债", "国债", "预算内投资", "转移支付"}
)

// defaultDirection is a figure's direction when the data file states none: a ceiling
// bound means lower is better; a planned allocation of public money (赤字, 专项债券)
// has no direction; a decrease (…下降3%) means more is better; indicators
// that measure a cost or a harm (prices, unemployment, energy intensity, emissions) are
// better lower; a rank is better lower; anything else with a number is better higher.
// A figure without a number, or of another nature than result or target, has none.
func defaultDirection(f *Figure) Direction {
	if !f.HasValue || (f.Nature != Target && f.Nature != Result) {
		return ""
	}
	if zhtext.IsCeiling(f.Bound) {
		return Lower
	}
	if f.Unit == RankUnit {
		return Lower
	}
	if f.Nature == Target {
		for _, w := range allocations {
			if strings.Contains(f.Indicator, w) {
				return NoDirection
			}
		}
	}
	for _, w := range decreaseWords {
		if strings.Contains(f.Indicator, w) {
			return Higher
		}
	}
	for _, w := range lowerIsBetter {
		if strings.Contains(f.Indicator, w) {
			return Lower
		}
	}
	return Higher
}

// LevelOf is the level of government a place name implies: 全国, 省 (provinces and
// autonomous regions), 市 or 区县.
func LevelOf(place string) string { return inferLevel(place) }

func inferLevel(place string) string {
	switch {
	case place == "":
		return ""
	case strings.Contains(place, "全国") || place == "中国" || strings.Contains(place, "国务院"):
		return "全国"
	case strings.HasSuffix(place, "省") || strings.HasSuffix(place, "自治区"):
		return "省"
	case strings.HasSuffix(place, "区") || strings.HasSuffix(place, "县"):
		return "区县"
	}
	return "市"
}

// Levels are the levels of government a report may state.
var Levels = []string{"全国", "省", "市", "区县"}

// sourceKindFromText reads the source kind from a format 1 file's free-text kind: such
// files were newspaper digests unless the text says otherwise.
func sourceKindFromText(text string) SourceKind {
	switch {
	case strings.Contains(text, "节选"):
		return Excerpt
	case strings.Contains(text, "全文") && !strings.Contains(text, "并非") && !strings.Contains(text, "摘"):
		return Official
	}
	return Digest
}
