package compare

import (
	"fmt"
	"strings"
	"testing"

	"workreport/app/indicator"
	"workreport/app/report"
)

// fig is a figure of a test report, written as the data file writes it.
type fig struct {
	id, indicator, nature, measure, value, upper, unit, bound, strive, phrase, sentence, period, basis, direction string
}

// build makes a report of a year: a review section of the year before holding review,
// and a targets section holding targets, with the figures given.
func build(t *testing.T, year int, review, targets string, figs ...fig) *report.Report {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "format: 2\ntitle: %d年某市政府工作报告\nplace: 某市\nyear: %d\nsource:\n  kind: 官方全文\nsections:\n", year, year)
	fmt.Fprintf(&b, "  - id: s1\n    title: %d年工作回顾\n    role: 回顾\n    items:\n      - %q\n", year-1, review)
	fmt.Fprintf(&b, "  - id: s2\n    title: %d年主要目标\n    role: 主要目标\n    items:\n      - %q\nfigures:\n", year, targets)
	for _, f := range figs {
		fmt.Fprintf(&b, "  - 编号: %s\n    指标: %s\n    性质: %s\n    口径: %s\n", f.id, f.indicator, f.nature, f.measure)
		for _, kv := range [][2]string{{"时期", f.period}, {"基础", f.basis}, {"数值", f.value}, {"上限", f.upper}, {"单位", f.unit}, {"限定", f.bound}, {"力争", f.strive}, {"方向", f.direction}} {
			switch {
			case kv[1] == "":
			case kv[0] == "数值" || kv[0] == "上限":
				fmt.Fprintf(&b, "    %s: %s\n", kv[0], kv[1])
			default:
				fmt.Fprintf(&b, "    %s: %q\n", kv[0], kv[1])
			}
		}
		fmt.Fprintf(&b, "    原文表述: %q\n    原文: %q\n", f.phrase, f.sentence)
	}
	r, err := report.Load(fmt.Sprintf("%d.yaml", year), []byte(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return r
}

// target is a main target of year N, written in its own sentence.
func target(id, indicator, measure, value, unit, bound, phrase, direction string) fig {
	return fig{id: id, indicator: indicator, nature: "目标", measure: measure, value: value, unit: unit, bound: bound,
		phrase: phrase, sentence: indicator + phrase + "。", direction: direction}
}

// result is a year-N result in report N+1.
func result(id, indicator, measure, value, unit, bound, phrase string) fig {
	return fig{id: id, indicator: indicator, nature: "实绩", measure: measure, value: value, unit: unit, bound: bound,
		phrase: phrase, sentence: indicator + phrase + "。"}
}

// pair judges one target against one result (nil for none) and returns the row.
func pair(t *testing.T, tg fig, res *fig, review string) Row {
	t.Helper()
	prev := build(t, 2020, "过去一年工作平稳。", tg.sentence, tg)
	text := review
	var figs []fig
	if res != nil {
		text = res.sentence + review
		figs = append(figs, *res)
	}
	if text == "" {
		text = "过去一年工作平稳。"
	}
	next := build(t, 2021, text, "今年工作平稳。", figs...)
	rows := Judge(Pair{Prev: prev, Next: next}, DefaultTolerance)
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	return rows[0]
}

func TestVerdictRules(t *testing.T) {
	r := func(v, bound, phrase string) *fig {
		f := result("s1.f1", "地区生产总值增速", "增速", v, "%", bound, phrase)
		return &f
	}
	gdp := func(v, upper, bound, phrase string) fig {
		f := target("s2.f1", "地区生产总值增速", "增速", v, "%", bound, phrase, "越高越好")
		f.upper = upper
		return f
	}
	cpi := func(v, bound, phrase string) fig {
		return target("s2.f1", "居民消费价格涨幅", "增速", v, "%", bound, phrase, "越低越好")
	}
	cpiResult := func(v string) *fig {
		f := result("s1.f1", "居民消费价格上涨", "增速", v, "%", "", v+"%")
		return &f
	}
	cases := []struct {
		name      string
		tg        fig
		res       *fig
		review    string
		verdict   Verdict
		gap, note string
	}{
		{"exact met", gdp("6", "", "", "6%"), r("6", "", "6%"), "", Met, "0", "有利一侧"},
		{"exact missed", gdp("6", "", "", "6%"), r("5.9", "", "5.9%"), "", Missed, "-0.1", "未达到"},
		{"以上 met, decimal gap", gdp("6", "", "以上", "6%以上"), r("8.1", "", "8.1%"), "", Met, "+2.1", ""},
		{"以上 missed", gdp("6", "", "以上", "6%以上"), r("5.8", "", "5.8%"), "", Missed, "-0.2", ""},
		{"左右 at", gdp("6", "", "左右", "6%左右"), r("6", "", "6%"), "", Met, "0", "容差 0.3 个百分点"},
		{"左右 inside tolerance", gdp("7", "", "左右", "7%左右"), r("6.9", "", "6.9%"), "", MostlyMet, "-0.1", "容差之内"},
		{"左右 at the tolerance", gdp("7", "", "左右", "7%左右"), r("6.7", "", "6.7%"), "", MostlyMet, "-0.3", ""},
		{"左右 beyond tolerance", gdp("7", "", "左右", "7%左右"), r("6.6", "", "6.6%"), "", Missed, "-0.4", "超出容差"},
		{"range inside", gdp("6", "6.5", "", "6%－6.5%"), r("6.1", "", "6.1%"), "", Met, "+0.1", "在区间内"},
		{"range beyond", gdp("6", "6.5", "", "6%－6.5%"), r("6.9", "", "6.9%"), "", Met, "+0.9", "超出区间"},
		{"range short", gdp("6", "6.5", "", "6%－6.5%"), r("5.9", "", "5.9%"), "", Missed, "-0.1", "下限"},
		{"ceiling met", cpi("3", "左右", "3%左右"), cpiResult("2.1"), "", Met, "+0.9（低于目标）", ""},
		{"ceiling inside tolerance", cpi("3", "左右", "3%左右"), cpiResult("3.2"), "", MostlyMet, "-0.2（高于目标）", ""},
		{"以内 met", target("s2.f1", "城镇调查失业率", "比率", "5.5", "%", "以内", "5.5%以内", "越低越好"), func() *fig {
			f := result("s1.f1", "调查失业率", "比率", "5.2", "%", "", "5.2%")
			return &f
		}(), "", Met, "+0.3（低于上限）", "不超过"},
		{"以内 missed", target("s2.f1", "城镇调查失业率", "比率", "5.5", "%", "以内", "5.5%以内", "越低越好"), func() *fig {
			f := result("s1.f1", "城镇调查失业率", "比率", "5.6", "%", "", "5.6%")
			return &f
		}(), "", Missed, "-0.1（高于上限）", "超过"},
		{"decrease met by a larger decrease", target("s2.f1", "单位地区生产总值能耗降低", "增速", "3", "%", "左右", "3%左右", "越高越好"), func() *fig {
			f := result("s1.f1", "能耗强度下降", "增速", "3.4", "%", "", "3.4%")
			return &f
		}(), "", Met, "+0.4", ""},
		{"result bound settles", gdp("6", "", "以上", "6%以上"), r("7", "超过", "超过7%"), "", Met, "+1", "超过"},
		{"result bound does not settle", gdp("6", "", "以上", "6%以上"), r("6", "左右", "6%左右"), "", Undecided, "", "不足以判定"},
		{"no result", gdp("6", "", "以上", "6%以上"), nil, "", Undecided, "", "没有找到"},
		{"own words: missed", target("s2.f1", "进出口增速", "增速", "6", "%", "左右", "6%左右", "越高越好"), nil, "进出口总额出现下降，预期增长目标未能实现。", Missed, "", "未能实现"},
		{"own words: exceeded", target("s2.f1", "粮食产量", "总量", "1300", "万吨", "以上", "1300万吨以上", "越高越好"), nil, "粮食产量超额完成全年目标。", Met, "", "超额完成"},
		{"no direction", target("s2.f1", "专项债券", "总量", "100", "亿元", "", "100亿元", "无"), nil, "", Undecided, "", "安排类，不作判定"},
		{"unit conversion", target("s2.f1", "地区生产总值", "总量", "1", "万亿元", "以上", "1万亿元以上", "越高越好"), func() *fig {
			f := result("s1.f1", "地区生产总值", "总量", "10050", "亿元", "", "10050亿元")
			return &f
		}(), "", Met, "+0.005", ""},
		{"amount tolerance", target("s2.f1", "城镇新增就业", "总量", "100", "万人", "左右", "100万人左右", "越高越好"), func() *fig {
			f := result("s1.f1", "城镇新增就业", "总量", "97", "万人", "", "97万人")
			return &f
		}(), "", MostlyMet, "-3", "目标的 3%"},
		{"units that do not convert", target("s2.f1", "城镇新增就业", "总量", "100", "万人", "以上", "100万人以上", "越高越好"), func() *fig {
			f := result("s1.f1", "城镇新增就业", "总量", "97", "万户", "", "97万户")
			return &f
		}(), "", Undecided, "", "没有找到"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row := pair(t, c.tg, c.res, c.review)
			if row.Verdict != c.verdict || row.Gap != c.gap || !strings.Contains(row.Note, c.note) {
				t.Errorf("got %s, gap %q, note %q; want %s, gap %q, note with %q", row.Verdict, row.Gap, row.Note, c.verdict, c.gap, c.note)
			}
		})
	}
}

// A basis the target does not state is named; two different bases are not compared.
func TestBasis(t *testing.T) {
	tg := target("s2.f1", "城镇调查失业率", "比率", "5.5", "%", "左右", "5.5%左右", "越低越好")
	res := result("s1.f1", "城镇调查失业率", "比率", "5.1", "%", "", "5.1%")
	res.basis = "全年平均"
	res.sentence = "城镇调查失业率全年平均为5.1%。"
	row := pair(t, tg, &res, "")
	if row.Verdict != Met || !strings.Contains(row.Note, "全年平均") {
		t.Errorf("unstated target basis: %s %q", row.Verdict, row.Note)
	}
	tg.basis = "年末"
	tg.sentence = "年末城镇调查失业率5.5%左右。"
	row = pair(t, tg, &res, "")
	if row.Verdict != Undecided || row.Gap != "" || !strings.Contains(row.Note, "计算基础不同") {
		t.Errorf("different bases: %s %q %q", row.Verdict, row.Gap, row.Note)
	}
}

// A five-year target never pairs with one year's result, even of the same indicator: the
// goals of a span are not among the year's targets.
func TestFiveYearKeptOut(t *testing.T) {
	tg := target("s2.f1", "地区生产总值增速", "增速", "6", "%", "左右", "6%左右", "越高越好")
	tg.period = "2021-2025"
	res := result("s1.f1", "地区生产总值增速", "增速", "6.5", "%", "", "6.5%")
	prev := build(t, 2020, "过去一年工作平稳。", tg.sentence, tg)
	next := build(t, 2021, res.sentence, "今年工作平稳。", res)
	if rows := Judge(Pair{Prev: prev, Next: next}, DefaultTolerance); len(rows) != 0 {
		t.Errorf("five-year target judged: %+v", rows)
	}
	// And a five-year result never answers an annual target.
	tg.period = ""
	res.period = "2016-2020"
	row := pair(t, tg, &res, "")
	if row.Verdict != Undecided || row.Result != nil {
		t.Errorf("five-year result used: %s %q", row.Verdict, row.Note)
	}
}

// 力争 targets get a row of their own.
func TestStriveRow(t *testing.T) {
	a := target("s2.f1", "地区生产总值增速", "增速", "6", "%", "以上", "6%以上", "越高越好")
	b := target("s2.f2", "地区生产总值增速", "增速", "7", "%", "以上", "7%以上", "越高越好")
	b.strive = "力争"
	b.sentence = a.sentence
	a.sentence = "地区生产总值增长6%以上，力争7%以上。"
	b.sentence = a.sentence
	prev := build(t, 2020, "过去一年工作平稳。", a.sentence, a, b)
	res := result("s1.f1", "地区生产总值增速", "增速", "6.5", "%", "", "6.5%")
	next := build(t, 2021, res.sentence, "今年工作平稳。", res)
	rows := Judge(Pair{Prev: prev, Next: next}, DefaultTolerance)
	if len(rows) != 2 || rows[1].Indicator != "地区生产总值增速（力争）" || rows[0].Verdict != Met || rows[1].Verdict != Missed || rows[1].TargetText() != "力争7%以上" {
		t.Errorf("rows: %+v", rows)
	}
}

// Qualitative targets: 同步 compares income with GDP growth; others need the report's
// statement, quoted.
func TestQualitative(t *testing.T) {
	q := func(indicator, phrase string) fig {
		return fig{id: "s2.f1", indicator: indicator, nature: "定性", measure: "评价", phrase: phrase, sentence: indicator + phrase + "。"}
	}
	income := result("s1.f1", "居民人均可支配收入增速", "增速", "6.3", "%", "", "6.3%")
	income.basis = "实际"
	income.sentence = "居民人均可支配收入实际增长6.3%。"
	gdp := result("s1.f2", "国内生产总值增速", "增速", "6.5", "%", "", "6.5%")
	judgeWith := func(tg fig, review string, figs ...fig) Row {
		prev := build(t, 2020, "过去一年工作平稳。", tg.sentence, tg)
		text := review
		for _, f := range figs {
			text += f.sentence
		}
		if text == "" {
			text = "过去一年工作平稳。"
		}
		next := build(t, 2021, text, "今年工作平稳。", figs...)
		return Judge(Pair{Prev: prev, Next: next}, DefaultTolerance)[0]
	}
	if row := judgeWith(q("居民收入增长和经济增长", "基本同步"), "", income, gdp); row.Verdict != Met || row.Gap != "-0.2" {
		t.Errorf("基本同步 within tolerance: %s %q", row.Verdict, row.Gap)
	}
	if row := judgeWith(q("居民收入增长和经济增长", "同步"), "", income, gdp); row.Verdict != Missed {
		t.Errorf("同步 just below: %s", row.Verdict)
	}
	if row := judgeWith(q("居民收入增长和经济增长", "同步"), ""); row.Verdict != Undecided {
		t.Errorf("同步 without figures: %s", row.Verdict)
	}
	if row := judgeWith(q("国际收支", "基本平衡"), "国际收支基本平衡。"); row.Verdict != Met || row.Quote != "国际收支基本平衡。" {
		t.Errorf("stated condition: %s %q", row.Verdict, row.Quote)
	}
	if row := judgeWith(q("国际收支", "基本平衡"), "外汇储备稳定。"); row.Verdict != Undecided || !strings.Contains(row.Note, "没有写明") {
		t.Errorf("unstated condition: %s %q", row.Verdict, row.Note)
	}
}

func TestPairsAndSynonyms(t *testing.T) {
	a := build(t, 2019, "平稳。", "平稳。")
	b := build(t, 2021, "平稳。", "平稳。")
	c := build(t, 2020, "平稳。", "平稳。")
	pairs, err := Pairs([]*report.Report{b, a, c})
	if err != nil || len(pairs) != 2 || pairs[0].Prev != a || pairs[1].Next != b {
		t.Fatalf("pairs %v %v", pairs, err)
	}
	if _, err := Pairs([]*report.Report{a, b}); err == nil {
		t.Error("2019 and 2021 paired")
	}
	for _, s := range [][2]string{{"地区生产总值", "国内生产总值"}, {"GDP", "国内生产总值"}, {"居民消费价格上涨", "居民消费价格涨幅"},
		{"单位国内生产总值能耗降低", "能耗强度下降"}, {"能耗降幅", "单位国内生产总值能耗下降"}, {"调查失业率", "城镇调查失业率"}, {"全国城镇调查失业率", "城镇调查失业率"}} {
		if indicator.Key(s[0]) != indicator.Key(s[1]) {
			t.Errorf("%s ≠ %s", s[0], s[1])
		}
	}
	if indicator.Key("城镇登记失业率") == indicator.Key("城镇调查失业率") {
		t.Error("registered and surveyed unemployment are one indicator")
	}
}

// An indicator followed through reports: each year's target, the result the next
// report states, and the verdict; years without a report of their own show the result.
func TestTrend(t *testing.T) {
	mk := func(year int, target, result string) *report.Report {
		tg := target2(target)
		res := result2(result)
		return build(t, year, res.sentence, tg.sentence, res, tg)
	}
	a := mk(2020, "6", "5.8")
	b := mk(2021, "6.5", "6.2")
	c := mk(2022, "5", "8.1")
	pts := Trend([]*report.Report{c, a, b}, "国内生产总值增速", DefaultTolerance)
	if len(pts) != 4 || pts[0].Year != 2019 || pts[0].Target != nil || pts[0].Result.Value != 5.8 {
		t.Fatalf("points: %+v", pts)
	}
	if pts[1].Target.Value != 6 || pts[1].Result.Value != 6.2 || pts[1].Row == nil || pts[1].Row.Verdict != Met {
		t.Errorf("2020: %+v", pts[1])
	}
	if pts[3].Year != 2022 || pts[3].Target.Value != 5 || pts[3].Result != nil || pts[3].Row != nil {
		t.Errorf("2022: %+v", pts[3])
	}
	if got := Indicators([]*report.Report{a, b}); len(got) != 1 || got[0] != "国内生产总值增速" {
		t.Errorf("indicators %v", got)
	}
	if !pts[1].Set || !pts[1].Told || pts[0].Set || !pts[0].Told || !pts[3].Set || pts[3].Told {
		t.Errorf("what the reports hold: %+v", pts)
	}
	// Years without a report stay in the table, as gaps.
	e := mk(2025, "5", "4.9")
	pts = Trend([]*report.Report{a, e}, "国内生产总值增速", DefaultTolerance)
	if len(pts) != 7 || pts[2].Year != 2021 || pts[2].Target != nil || pts[2].Result != nil || pts[2].Set || pts[2].Told {
		t.Errorf("gaps: %+v", pts)
	}
}

func target2(v string) fig {
	return target("s2.f1", "地区生产总值增速", "增速", v, "%", "左右", v+"%左右", "越高越好")
}

func result2(v string) fig {
	return result("s1.f1", "地区生产总值增速", "增速", v, "%", "", v+"%")
}

// A person's verdict, kept with the later report, replaces the software's and says so;
// a malformed one does not load.
func TestOverride(t *testing.T) {
	tg := target("s2.f1", "地区生产总值增速", "增速", "7", "%", "左右", "7%左右", "越高越好")
	prev := build(t, 2020, "过去一年工作平稳。", tg.sentence, tg)
	res := result("s1.f1", "地区生产总值增速", "增速", "6.9", "%", "", "6.9%")
	next := build(t, 2021, res.sentence, "今年工作平稳。", res)
	next.Overrides = []report.Override{{Year: 2020, Indicator: "地区生产总值增速", Target: "7%左右", Verdict: "达成", Note: "统计局修订后为7.0%"}}
	row := Judge(Pair{Prev: prev, Next: next}, DefaultTolerance)[0]
	if row.Verdict != Met || !row.Manual || row.VerdictText() != "达成（人工判定）" || !strings.Contains(row.Note, "统计局修订后为7.0%") || !strings.Contains(row.Note, "基本达成") || row.Gap != "-0.1" {
		t.Errorf("override: %+v", row)
	}
	next.Overrides[0].Target = "6%以上" // another target: not this one
	if row := Judge(Pair{Prev: prev, Next: next}, DefaultTolerance)[0]; row.Manual {
		t.Error("an override for another target applied")
	}
	bad := `format: 2
title: t
year: 2021
source:
  kind: 官方全文
sections:
  - id: s1
    title: 回顾
    items:
      - 平稳。
figures: []
verdicts:
  - 年份: 2020
    指标: 增速
    目标: 7%左右
    判定: 差不多
    说明: 理由
`
	if _, err := report.Load("bad.yaml", []byte(bad)); err == nil || !strings.Contains(err.Error(), "判定") {
		t.Errorf("a malformed override loaded: %v", err)
	}
}

// Targets of one year from two places, side by side: rates compare, amounts are marked.
func TestBenchmark(t *testing.T) {
	city := build(t, 2023, "平稳。", "地区生产总值增长6%以上，城镇新增就业5万人。",
		fig{id: "s2.f1", indicator: "地区生产总值增速", nature: "目标", measure: "增速", value: "6", unit: "%", bound: "以上", phrase: "6%以上", sentence: "地区生产总值增长6%以上，城镇新增就业5万人。"},
		fig{id: "s2.f2", indicator: "城镇新增就业", nature: "目标", measure: "总量", value: "5", unit: "万人", phrase: "5万人", sentence: "地区生产总值增长6%以上，城镇新增就业5万人。"})
	nation := build(t, 2023, "平稳。", "国内生产总值增长5%左右，城镇新增就业1200万人左右，居民消费价格涨幅3%左右。",
		fig{id: "s2.f1", indicator: "国内生产总值增速", nature: "目标", measure: "增速", value: "5", unit: "%", bound: "左右", phrase: "5%左右", sentence: "国内生产总值增长5%左右，城镇新增就业1200万人左右，居民消费价格涨幅3%左右。"},
		fig{id: "s2.f2", indicator: "城镇新增就业", nature: "目标", measure: "总量", value: "1200", unit: "万人", bound: "左右", phrase: "1200万人左右", sentence: "国内生产总值增长5%左右，城镇新增就业1200万人左右，居民消费价格涨幅3%左右。"},
		fig{id: "s2.f3", indicator: "居民消费价格涨幅", nature: "目标", measure: "增速", value: "3", unit: "%", bound: "左右", phrase: "3%左右", sentence: "国内生产总值增长5%左右，城镇新增就业1200万人左右，居民消费价格涨幅3%左右。"})
	rows := Benchmark([]*report.Report{city, nation})
	// Named as the first report, a city's, names them.
	if len(rows) != 3 || rows[0].Indicator != "地区生产总值增速" || !rows[0].Comparable || rows[0].Targets[0].Phrase != "6%以上" || rows[0].Targets[1].Phrase != "5%左右" {
		t.Fatalf("rows: %+v", rows)
	}
	if rows[1].Indicator != "城镇新增就业" || rows[1].Comparable {
		t.Errorf("amounts of places of different size compared: %+v", rows[1])
	}
	if rows[2].Targets[0] != nil || rows[2].Targets[1].Phrase != "3%左右" {
		t.Errorf("a target one place sets: %+v", rows[2])
	}
	// Income in step with the economy is one row, however each report names it.
	a := build(t, 2023, "平稳。", "居民人均可支配收入增速与经济增长基本同步。",
		fig{id: "s2.f1", indicator: "居民人均可支配收入增速", nature: "定性", measure: "评价", phrase: "基本同步", sentence: "居民人均可支配收入增速与经济增长基本同步。"})
	b := build(t, 2023, "平稳。", "居民收入增长和经济增长基本同步。",
		fig{id: "s2.f1", indicator: "居民收入增长与经济增长", nature: "定性", measure: "评价", phrase: "基本同步", sentence: "居民收入增长和经济增长基本同步。"})
	if rows := Benchmark([]*report.Report{a, b}); len(rows) != 1 || rows[0].Targets[0] == nil || rows[0].Targets[1] == nil {
		t.Errorf("in step: %+v", rows)
	}
}

// A verdict on figures no person has confirmed says so.
func TestUnconfirmedFiguresAreNamed(t *testing.T) {
	tg := target("s2.f1", "地区生产总值增速", "增速", "6", "%", "以上", "6%以上", "越高越好")
	res := result("s1.f1", "地区生产总值增速", "增速", "6.5", "%", "", "6.5%")
	prev := build(t, 2020, "过去一年工作平稳。", tg.sentence, tg)
	next := build(t, 2021, res.sentence, "今年工作平稳。", res)
	if row := Judge(Pair{Prev: prev, Next: next}, DefaultTolerance)[0]; strings.Contains(row.Note, "尚未审核") {
		t.Errorf("confirmed figures named as unconfirmed: %q", row.Note)
	}
	next.Figures()[0].Review = report.Unconfirmed
	if row := Judge(Pair{Prev: prev, Next: next}, DefaultTolerance)[0]; !strings.Contains(row.Note, "实绩由软件识别，尚未审核") || row.Verdict != Met {
		t.Errorf("unconfirmed result: %s %q", row.Verdict, row.Note)
	}
}
