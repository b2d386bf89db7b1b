package compare

import (
	"fmt"
	"strings"
	"testing"

	"workreport/app/report"
)

// The verdict rules, each with the sentences that show it, as the reports write them.

// bulletin makes the statistical bulletin of a year, its text and figures.
func bulletin(t *testing.T, year int, text string, figs ...fig) *report.Report {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "format: 2\ntitle: 某市%d年国民经济和社会发展统计公报\nplace: 某市\nyear: %d\nsource:\n  kind: 统计公报\nsections:\n", year, year)
	fmt.Fprintf(&b, "  - id: s1\n    title: 综合\n    role: 回顾\n    items:\n      - %q\nfigures:\n", text)
	for _, f := range figs {
		fmt.Fprintf(&b, "  - 编号: %s\n    指标: %s\n    性质: 实绩\n    口径: %s\n    数值: %s\n    单位: %q\n", f.id, f.indicator, f.measure, f.value, f.unit)
		if f.bound != "" {
			fmt.Fprintf(&b, "    限定: %q\n", f.bound)
		}
		if f.basis != "" {
			fmt.Fprintf(&b, "    基础: %q\n", f.basis)
		}
		fmt.Fprintf(&b, "    原文表述: %q\n    原文: %q\n", f.phrase, f.sentence)
	}
	r, err := report.Load(fmt.Sprintf("b%d.yaml", year), []byte(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return r
}

// judgeOne judges one target of 2020 against report 2021's review (text and figures)
// and the bulletin of 2020 (nil for none).
func judgeOne(t *testing.T, tg fig, review string, next []fig, b *report.Report) Row {
	t.Helper()
	prev := build(t, 2020, "过去一年工作平稳。", tg.sentence, tg)
	text := review
	for _, f := range next {
		if !strings.Contains(text, f.sentence) {
			text += f.sentence
		}
	}
	if text == "" {
		text = "过去一年工作平稳。"
	}
	var nextReport *report.Report
	if review != "-" {
		nextReport = build(t, 2021, text, "今年工作平稳。", next...)
	}
	rows := Judge(Pair{Prev: prev, Next: nextReport, Bulletin: b}, DefaultTolerance)
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	return rows[0]
}

func gdpTarget(v, bound, phrase string) fig {
	return target("s2.f1", "地区生产总值增速", "增速", v, "%", bound, phrase, "越高越好")
}

func gdpResult(id, v, phrase, sentence string) fig {
	f := result(id, "地区生产总值增速", "增速", v, "%", "", phrase)
	if sentence != "" {
		f.sentence = sentence
	}
	return f
}

// The bulletin of year N states the results report N+1 does not; an estimate of report
// N+1 yields to the bulletin's final figure; where both are final and differ, report
// N+1's is judged and the bulletin's named.
func TestResultsFromTheBulletin(t *testing.T) {
	tg := gdpTarget("6", "左右", "6%左右")
	final := bulletin(t, 2020, "全年地区生产总值比上年增长6.1%。", gdpResult("s1.f1", "6.1", "6.1%", "全年地区生产总值比上年增长6.1%。"))
	cases := []struct {
		name    string
		review  string
		next    []fig
		b       *report.Report
		verdict Verdict
		result  string
		source  string
		note    string
	}{
		{"only the bulletin", "", nil, final, Met, "6.1%", FromBulletin, "取自 2020 年统计公报"},
		{"no report N+1", "-", nil, final, Met, "6.1%", FromBulletin, "取自"},
		{"the report's estimate yields", "", []fig{gdpResult("s1.f1", "5.8", "5.8%", "预计全年地区生产总值增长5.8%。")}, final, Met, "6.1%", FromBulletin, "报告中为预计数“5.8%”，以统计公报的“6.1%”为准"},
		{"the report's final figure stands", "", []fig{gdpResult("s1.f1", "5.8", "5.8%", "全年地区生产总值增长5.8%。")}, final, MostlyMet, "5.8%", FromReport, "统计公报为“6.1%”"},
		{"both agree", "", []fig{gdpResult("s1.f1", "6.1", "6.1%", "全年地区生产总值增长6.1%。")}, final, Met, "6.1%", FromReport, "统计公报同为6.1%"},
		{"an estimate without a bulletin", "", []fig{gdpResult("s1.f1", "5.8", "5.8%", "预计全年地区生产总值增长5.8%。")}, nil, MostlyMet, "5.8%", FromReport, "报告中为预计数"},
		{"an estimate for the whole part", "全年经济运行稳中有进（预计数，下同）。", []fig{gdpResult("s1.f1", "5.8", "5.8%", "地区生产总值增长5.8%。")}, final, Met, "6.1%", FromBulletin, "以统计公报"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row := judgeOne(t, tg, c.review, c.next, c.b)
			if row.Verdict != c.verdict || row.ResultText() != c.result || row.Source != c.source || !strings.Contains(row.Note, c.note) {
				t.Errorf("%s %q from %q: %q", row.Verdict, row.ResultText(), row.Source, row.Note)
			}
		})
	}
}

// Two different figures of one source are not judged: both are quoted.
func TestTwoFiguresDisagree(t *testing.T) {
	row := judgeOne(t, gdpTarget("6", "以上", "6%以上"), "", []fig{
		gdpResult("s1.f1", "6.1", "6.1%", "全年地区生产总值增长6.1%。"),
		gdpResult("s1.f2", "5.9", "5.9%", "据快报，全市地区生产总值增长5.9%。"),
	}, nil)
	if row.Verdict != Undecided || !strings.Contains(row.Note, "6.1%") || !strings.Contains(row.Note, "5.9%") || row.Gap != "" {
		t.Errorf("%s %q", row.Verdict, row.Note)
	}
}

// Grain stated in 万吨 is judged against a target in 万亿斤 (1 吨 = 2000 斤); the result
// is shown as written and the conversion named.
func TestGrainUnits(t *testing.T) {
	tg := target("s2.f1", "粮食产量", "总量", "1.3", "万亿斤", "以上", "1.3万亿斤以上", "越高越好")
	b := bulletin(t, 2020, "全年粮食产量66949万吨。", result("s1.f1", "粮食产量", "总量", "66949", "万吨", "", "66949万吨"))
	row := judgeOne(t, tg, "", nil, b)
	if row.Verdict != Met || row.ResultText() != "66949万吨" || row.Gap != "+0.03898" || !strings.Contains(row.Note, "1 吨 = 2000 斤") {
		t.Errorf("%s %q gap %q: %q", row.Verdict, row.ResultText(), row.Gap, row.Note)
	}
}

// Gaps are exact decimals; tolerances include their bound; a target where lower is
// better says on which side of it the result is.
func TestGapsAndBounds(t *testing.T) {
	cpi := target("s2.f1", "居民消费价格涨幅", "增速", "3", "%", "左右", "3%左右", "越低越好")
	ceiling := target("s2.f1", "城镇调查失业率", "比率", "5.5", "%", "以内", "5.5%以内", "越低越好")
	cases := []struct {
		name    string
		tg      fig
		res     fig
		verdict Verdict
		gap     string
	}{
		{"0.3 short of 左右 is within", gdpTarget("6.5", "左右", "6.5%左右"), gdpResult("s1.f1", "6.2", "6.2%", ""), MostlyMet, "-0.3"},
		{"0.4 short is not", gdpTarget("6.5", "左右", "6.5%左右"), gdpResult("s1.f1", "6.1", "6.1%", ""), Missed, "-0.4"},
		{"decimal, not floating point", gdpTarget("0.3", "", "0.3%"), gdpResult("s1.f1", "0.1", "0.1%", ""), Missed, "-0.2"},
		{"below a price target", cpi, result("s1.f1", "居民消费价格涨幅", "增速", "0.9", "%", "", "0.9%"), Met, "+2.1（低于目标）"},
		{"below a ceiling", ceiling, result("s1.f1", "城镇调查失业率", "比率", "5.2", "%", "", "5.2%"), Met, "+0.3（低于上限）"},
		{"above a ceiling", ceiling, result("s1.f1", "城镇调查失业率", "比率", "5.6", "%", "", "5.6%"), Missed, "-0.1（高于上限）"},
		{"at a ceiling", ceiling, result("s1.f1", "城镇调查失业率", "比率", "5.5", "%", "", "5.5%"), Met, "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row := judgeOne(t, c.tg, "", []fig{c.res}, nil)
			if row.Verdict != c.verdict || row.Gap != c.gap {
				t.Errorf("%s gap %q; want %s %q (%s)", row.Verdict, row.Gap, c.verdict, c.gap, row.Note)
			}
		})
	}
}

// A rate set for the whole year is judged by the year's average, not by the year-end
// rate; a result on an adjusted basis the target does not name is not judged.
func TestBasesTheTextNames(t *testing.T) {
	tg := target("s2.f1", "城镇调查失业率", "比率", "5.5", "%", "以内", "5.5%以内", "越低越好")
	tg.sentence = "城镇调查失业率全年控制在5.5%以内。"
	yearEnd := result("s1.f1", "城镇调查失业率", "比率", "5.5", "%", "", "5.5%")
	yearEnd.basis, yearEnd.sentence = "年末", "年末城镇调查失业率为5.5%。"
	if row := judgeOne(t, tg, "", []fig{yearEnd}, nil); row.Verdict != Undecided {
		t.Errorf("the year-end rate judged a whole year's target: %s %q", row.Verdict, row.Note)
	}
	avg := result("s1.f1", "城镇调查失业率", "比率", "5.6", "%", "", "5.6%")
	avg.basis, avg.sentence = "全年平均", "全年城镇调查失业率平均值为5.6%。"
	if row := judgeOne(t, tg, "", []fig{yearEnd}, bulletin(t, 2020, avg.sentence, avg)); row.Verdict != Missed || row.Source != FromBulletin {
		t.Errorf("the year's average: %s %s %q", row.Verdict, row.Source, row.Note)
	}
	rev := target("s2.f1", "地方一般公共预算收入增速", "增速", "7", "%", "", "7%", "越高越好")
	adj := result("s1.f1", "地方一般公共预算收入增速", "增速", "7.03", "%", "", "7.03%")
	adj.sentence = "地方一般公共预算收入同口径增长7.03%（剔除退税等因素影响）。"
	if row := judgeOne(t, rev, "", []fig{adj}, nil); row.Verdict != Undecided || !strings.Contains(row.Note, "调整后的口径") {
		t.Errorf("an adjusted basis: %s %q", row.Verdict, row.Note)
	}
}

// The report's own words count when the clause names the target's indicator; a task set
// from above is not the report's target; the year's blanket statement decides nothing,
// and words that contradict the figure leave the target undecided.
func TestOwnWords(t *testing.T) {
	trade := target("s2.f1", "进出口总额增速", "增速", "6", "%", "左右", "6%左右", "越高越好")
	grain := target("s2.f1", "粮食产量", "总量", "1300", "万吨", "以上", "1300万吨以上", "越高越好")
	cases := []struct {
		name    string
		tg      fig
		review  string
		res     []fig
		verdict Verdict
		note    string
	}{
		{"missed, the indicator in the clause before", trade, "进出口总额出现下降，预期增长目标未能实现。", nil, Missed, "未能实现"},
		{"exceeded", grain, "粮食产量超额完成全年目标。", nil, Met, "超额完成"},
		{"words of another sentence", trade, "农业生产超额完成全年目标。", nil, Undecided, ""},
		{"a task set from above", grain, "粮食生产克服各种极端天气影响、超额完成国家下达的粮食播种面积和总产量任务。", nil, Undecided, ""},
		{"the blanket statement", trade, "全年主要目标任务圆满完成。", nil, Undecided, ""},
		{"words of another subject in the clause after", trade, "进出口总额增长2%，十件民生实事全面完成。", nil, Undecided, ""},
		{"clauses set apart by spaces", trade, "多数主要经济指标增速高于全省,其中进出口总额增长2% 十件民生实事全面完成", nil, Undecided, ""},
		{"words against the figure", trade, "进出口总额增长7%，预期增长目标未能实现。", []fig{result("s1.f1", "进出口总额增速", "增速", "7", "%", "", "7%")}, Undecided, "两者不一致"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row := judgeOne(t, c.tg, c.review, c.res, nil)
			if row.Verdict != c.verdict || !strings.Contains(row.Note, c.note) {
				t.Errorf("%s %q", row.Verdict, row.Note)
			}
		})
	}
	prev := build(t, 2020, "平稳。", trade.sentence, trade)
	next := build(t, 2021, "一年来，全年主要目标任务圆满完成。", "平稳。")
	if got := Blanket(Pair{Prev: prev, Next: next}); got != "一年来，全年主要目标任务圆满完成。" {
		t.Errorf("blanket %q", got)
	}
}

// Qualitative targets are judged by meaning, by the table of what satisfies what; what
// the table does not settle is undecided, with the candidate sentence.
func TestQualitativeByMeaning(t *testing.T) {
	q := func(indicator, phrase string) fig {
		return fig{id: "s2.f1", indicator: indicator, nature: "定性", measure: "评价", phrase: phrase, sentence: indicator + phrase + "。"}
	}
	trade := func(v, phrase string) fig {
		return result("s1.f1", "进出口总额增速", "增速", v, "%", "", phrase)
	}
	cases := []struct {
		name    string
		tg      fig
		review  string
		res     []fig
		verdict Verdict
		note    string
	}{
		{"明显改善 satisfies 进一步改善", q("生态环境质量", "进一步改善"), "生态环境质量明显改善。", nil, Met, "明显改善"},
		{"稳中改善 satisfies 稳定改善", q("生态环境质量", "稳定改善"), "生态环境质量稳中改善。", nil, Met, "稳中改善"},
		{"持续改善 does not satisfy 明显改善", q("生态环境质量", "明显改善"), "生态环境质量持续改善。", nil, Undecided, "候选"},
		{"趋于稳定 satisfies 保持基本稳定", q("宏观杠杆率", "保持基本稳定"), "宏观杠杆率趋于稳定。", nil, Met, "趋于稳定"},
		{"保持平衡 satisfies 基本平衡", q("国际收支", "基本平衡"), "国际收支保持平衡。", nil, Met, "保持平衡"},
		{"a statement of another indicator", q("国际收支", "基本平衡"), "财政收支基本平衡。", nil, Undecided, ""},
		{"stated decrease of the pollutants", q("主要污染物排放量", "继续减少"), "", []fig{
			result("s1.f1", "二氧化硫排放量降幅", "增速", "5.6", "%", "", "5.6%"),
			result("s1.f2", "氮氧化物排放量降幅", "增速", "4", "%", "", "4%"),
		}, Met, "二氧化硫排放量降幅5.6%"},
		{"positive growth: 回稳向好", q("进出口总额", "回稳向好"), "", []fig{trade("14.2", "14.2%")}, Met, "增速为正"},
		{"a decline does not show 回稳向好", q("进出口总额", "回稳向好"), "", []fig{func() fig {
			f := trade("-0.9", "下降0.9%")
			f.sentence = "进出口总额下降0.9%。"
			return f
		}()}, Undecided, "不能说明"},
		{"a decline misses 正增长", q("进出口总额", "实现正增长"), "", []fig{func() fig {
			f := trade("-3.2", "下降3.2%")
			f.sentence = "进出口总额下降3.2%。"
			return f
		}()}, Missed, "不满足"},
		{"提质 no figure shows", q("进出口总额", "稳中提质"), "", []fig{trade("7.7", "7.7%")}, Undecided, "提质"},
		{"a task set from above, not said done", q("节能减排约束性指标", "完成省下达的目标任务"), "节能减排工作扎实推进。", nil, Undecided, "没有点名"},
		{"a task set from above, said done", q("节能减排约束性指标", "完成省下达的目标任务"), "节能减排约束性指标全面完成省下达的目标任务。", nil, Met, "原话"},
		{"a decrease indicator that fell", q("单位地区生产总值能耗降幅", "继续下降"), "", []fig{result("s1.f1", "单位地区生产总值能耗降幅", "增速", "0.1", "%", "", "0.1%")}, Met, "降幅"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			row := judgeOne(t, c.tg, c.review, c.res, nil)
			if row.Verdict != c.verdict || !strings.Contains(row.Note, c.note) {
				t.Errorf("%s %q", row.Verdict, row.Note)
			}
		})
	}
}

// 同步 and 基本同步 compare income with economic growth, real income growth where
// stated, with margins that include their bounds.
func TestInStep(t *testing.T) {
	q := func(phrase string) fig {
		return fig{id: "s2.f1", indicator: "居民收入增长与经济增长", nature: "定性", measure: "评价", phrase: phrase, sentence: "居民收入增长和经济增长" + phrase + "。"}
	}
	income := func(v string) fig {
		f := result("s1.f1", "居民人均可支配收入增速", "增速", v, "%", "", v+"%")
		f.basis, f.sentence = "实际", "居民人均可支配收入实际增长"+v+"%。"
		return f
	}
	gdp := gdpResult("s1.f2", "6.5", "6.5%", "地区生产总值增长6.5%。")
	cases := []struct {
		phrase, income string
		verdict        Verdict
		gap            string
	}{
		{"同步", "6.5", Met, "0"},
		{"同步", "6.4", Missed, "-0.1"},
		{"基本同步", "6", Met, "-0.5"},
		{"基本同步", "5.9", MostlyMet, "-0.6"},
		{"基本同步", "5.5", MostlyMet, "-1"},
		{"基本同步", "5.4", Missed, "-1.1"},
		{"略高于经济增长", "6.6", Met, "+0.1"},
		{"略高于经济增长", "6.5", Missed, "0"},
	}
	for _, c := range cases {
		t.Run(c.phrase+" "+c.income, func(t *testing.T) {
			row := judgeOne(t, q(c.phrase), "", []fig{income(c.income), gdp}, nil)
			if row.Verdict != c.verdict || row.Gap != c.gap || !strings.Contains(row.Note, "实际增长") {
				t.Errorf("%s gap %q: %q", row.Verdict, row.Gap, row.Note)
			}
		})
	}
	if !strings.Contains(judgeOne(t, q("基本同步"), "", []fig{income("6"), gdp}, nil).Note, "0.5 个百分点") {
		t.Error("the margin is not named")
	}
}

// The strive part without a number is met by a result beyond the base target's number.
func TestBetterResult(t *testing.T) {
	base := gdpTarget("6.5", "左右", "6.5%左右")
	base.sentence = "地区生产总值增长6.5%左右，在实际工作中争取更好结果。"
	strive := fig{id: "s2.f2", indicator: "地区生产总值增速", nature: "定性", measure: "评价", phrase: "在实际工作中争取更好结果", sentence: base.sentence, strive: "争取"}
	for _, c := range []struct {
		v       string
		verdict Verdict
	}{{"6.9", Met}, {"6.5", Undecided}, {"6.3", Undecided}} {
		prev := build(t, 2020, "平稳。", base.sentence, base, strive)
		res := gdpResult("s1.f1", c.v, c.v+"%", "")
		next := build(t, 2021, res.sentence, "平稳。", res)
		rows := Judge(Pair{Prev: prev, Next: next}, DefaultTolerance)
		if len(rows) != 2 || rows[1].Verdict != c.verdict {
			t.Errorf("%s: %+v", c.v, rows)
		}
	}
}

// Pairs take each place's bulletins beside its reports; a report whose next report is
// missing pairs with its bulletin.
func TestPairsWithBulletins(t *testing.T) {
	a := build(t, 2019, "平稳。", "平稳。")
	b := build(t, 2020, "平稳。", "平稳。")
	b19, b20 := bulletin(t, 2019, "平稳。"), bulletin(t, 2020, "平稳。")
	pairs, err := Pairs([]*report.Report{b20, b, b19, a})
	if err != nil || len(pairs) != 2 || pairs[0].Prev != a || pairs[0].Next != b || pairs[0].Bulletin != b19 ||
		pairs[1].Prev != b || pairs[1].Next != nil || pairs[1].Bulletin != b20 {
		t.Fatalf("%+v %v", pairs, err)
	}
	if _, err := Pairs([]*report.Report{b19, b20}); err == nil {
		t.Error("bulletins alone paired")
	}
}
