package importer

import (
	"strings"
	"testing"

	"workreport/app/report"
)

// These tests put the sentences city and provincial reports write, and bulletins, to the
// importer one rule at a time. The sentences are written for the tests in the manner of
// those texts; the evaluation on the corpus itself is eval_test.go.

// report2024 is a city's report of 2024 whose review paragraph and targets paragraph are
// given.
func report2024(t *testing.T, review, targets string) *report.Report {
	t.Helper()
	text := "2024年示例市政府工作报告\n\n——2024年1月10日在示例市第十六届人民代表大会第四次会议上\n\n一、2023年工作回顾\n\n" + review +
		"\n\n二、2024年工作安排\n\n" + targets + "\n"
	return mustImport(t, "示例市.txt", []byte(text)).Report
}

// want checks the indicator (and, if given, the nature and period) of the figure with
// each phrase.
func want(t *testing.T, r *report.Report, rows ...[]string) {
	t.Helper()
	for _, w := range rows {
		f := figureByPhrase(r, w[0])
		if f == nil {
			t.Errorf("%s: not found as a figure", w[0])
			continue
		}
		if f.Indicator != w[1] {
			t.Errorf("%s: indicator %q, want %q", w[0], f.Indicator, w[1])
		}
		if len(w) > 2 && string(f.Nature) != w[2] {
			t.Errorf("%s: nature %s, want %s", w[0], f.Nature, w[2])
		}
		if len(w) > 3 && f.Period.String() != w[3] {
			t.Errorf("%s: period %s, want %s", w[0], f.Period, w[3])
		}
	}
}

// notFigure checks that a phrase is accounted for as a nonfigure, not read as a figure.
func notFigure(t *testing.T, r *report.Report, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if f := figureByPhrase(r, p); f != nil {
			t.Errorf("%s read as a figure (%s)", p, f.Indicator)
		}
	}
	if un := r.Uncovered(); len(un) > 0 {
		t.Errorf("numbers not accounted for: %v", un)
	}
}

// A growth rate belongs to the indicator whose level it follows, never to a clause in
// between; the city's words come out under the standard names.
func TestLevelThenGrowth(t *testing.T) {
	r := report2024(t, "地区生产总值达到3613.57亿元、增长4.8%，是全省首个突破3000亿元的地级市，总量连续5年居全省第5位，新会区经济总量突破千亿元；"+
		"一般公共预算收入达239亿元、增长4.3%；社消零达1470亿元、增长5.8%，台山成为第二个百亿元消费城市；外贸进出口总额达1600亿元、下降3.2%。",
		"今年经济社会发展的主要预期目标是：GDP增长5%左右，固投增长6%，规上工业增加值增长5.5%，研发投入强度达到3%。")
	want(t, r,
		[]string{"达到3613.57亿元", "地区生产总值", "实绩", "2023"},
		[]string{"4.8%", "地区生产总值增速", "实绩", "2023"},
		[]string{"达239亿元", "地方一般公共预算收入"},
		[]string{"4.3%", "地方一般公共预算收入增速"},
		[]string{"达1470亿元", "社会消费品零售总额"},
		[]string{"5.8%", "社会消费品零售总额增速"},
		[]string{"下降3.2%", "进出口总额增速"},
		[]string{"5%左右", "地区生产总值增速", "目标", "2024"},
		[]string{"6%", "固定资产投资增速"},
		[]string{"5.5%", "规模以上工业增加值增速"},
		[]string{"达到3%", "研发经费投入强度"},
	)
	if f := figureByPhrase(r, "下降3.2%"); f == nil || f.Value != -3.2 {
		t.Errorf("a decline is a growth below zero: %+v", f)
	}
	// The text's own words stay in the phrase and the sentence.
	if f := figureByPhrase(r, "5.8%"); f == nil || !strings.Contains(f.Sentence, "社消零") {
		t.Errorf("the sentence lost the text's words: %+v", f)
	}
}

// A growth or a strive target without a subject of its own shares the verb of the figure
// it follows; an indicator named after the number, or earlier in the sentence, is found.
func TestSubjectsElsewhere(t *testing.T) {
	r := report2024(t,
		"预计全市完成地区生产总值超3000亿元，同比增长（下同）4%以上。年初剩余的5万农村贫困人口全部脱贫、2个贫困县全部摘帽。"+
			"粮食播种面积300万亩、总产量120万吨。规模以上工业企业达2600家、增加值增长3%。全市地区生产总值在全省排名实现争先进位，2023年实现3201亿元。",
		"今年经济社会发展的主要预期目标是：地区生产总值增长6%以上、力争7%以上；城镇调查失业率在5.5%以下；居民消费价格涨幅在3%以内。"+
			"从今年开始拟连续几年发行超长期特别国债，专项用于重大项目建设，今年先发行50亿元，同时发行10亿元抗疫特别国债。")
	want(t, r,
		[]string{"超3000亿元", "地区生产总值"},
		[]string{"4%以上", "地区生产总值增速"},
		[]string{"5万", "农村贫困人口减少"},
		[]string{"2个", "贫困县摘帽"},
		[]string{"120万吨", "粮食产量"},
		[]string{"3%", "规模以上工业增加值增速"},
		[]string{"3201亿元", "地区生产总值", "实绩", "2023"},
		[]string{"6%以上", "地区生产总值增速", "目标"},
		[]string{"7%以上", "地区生产总值增速", "目标"},
		[]string{"5.5%以下", "城镇调查失业率"},
		[]string{"3%以内", "居民消费价格涨幅"},
		[]string{"50亿元", "超长期特别国债"},
		[]string{"10亿元", "特别国债"},
	)
	if f := figureByPhrase(r, "7%以上"); f == nil || f.Strive != "力争" {
		t.Errorf("strive: %+v", f)
	}
}

// 分别 gives each listed indicator its own number; a qualifier printed once for the list
// is noted for a person on the numbers printed without it.
func TestDistributedList(t *testing.T) {
	r := report2024(t, "城镇居民人均可支配收入、农村居民人均可支配收入分别增长4.1%和6.7%。",
		"今年经济社会发展的主要预期目标是：城镇调查失业率和城镇登记失业率分别控制在5.5%和3.5%以内。")
	want(t, r,
		[]string{"4.1%", "城镇居民人均可支配收入增速"},
		[]string{"6.7%", "农村居民人均可支配收入增速"},
		[]string{"控制在5.5%", "城镇调查失业率"},
		[]string{"3.5%以内", "城镇登记失业率"},
	)
	if f := figureByPhrase(r, "控制在5.5%"); f == nil || !strings.Contains(f.ReviewNote, "以内") {
		t.Errorf("the shared 以内 is not noted: %+v", f)
	}
}

// A number of years that only says how long something took, or what period a figure
// covers, is the figure's period, not a figure; a term or a streak is one.
func TestDurations(t *testing.T) {
	r := report2024(t,
		"今年是三年新冠疫情防控转段后经济恢复发展的一年。五年年均增长5.5%，比十年前翻了一番。经过八年持续努力，长江十年禁渔有力推进，涉农贷款增长21.4%、创40多年来新高。"+
			"劳动年龄人口平均受教育年限达到10.9年，国家质量工作考核连续4年获A级。",
		"今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。推进第二轮土地承包到期后再延长30年试点。为创业者提供最长3年的贷款贴息。确保建军一百年奋斗目标如期实现。")
	notFigure(t, r, "三年", "五年", "十年", "八年", "40多年", "一百年")
	want(t, r,
		[]string{"达到10.9年", "劳动年龄人口平均受教育年限"},
		[]string{"4年", "国家质量工作考核"},
		[]string{"30年", "推进第二轮土地承包到期后再延长"},
		[]string{"3年", "为创业者提供最长"},
	)
}

// A threshold that names a class of things, a programme named by its parts and a place
// whose name holds a numeral are no figures; the count of the class is.
func TestNamesAreNoFigures(t *testing.T) {
	r := report2024(t, "引进投资超亿元项目211个，20户以上的自然村实现光网全覆盖，打造千亿级园区。"+
		"“粤菜师傅”“广东技工”“南粤家政”三项工程成效明显，十件民生实事全部完成。对口合作黑龙江七台河市取得成效。",
		"今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。")
	notFigure(t, r, "超亿元", "20户以上", "千亿", "三项", "十件", "七台")
	want(t, r, []string{"211个", "引进投资超亿元项目"})
}

// An age that names a group of people is a threshold (门槛), and part of the name of the
// figures that follow it.
func TestAgeNamesAGroup(t *testing.T) {
	r := report2024(t, "16—59岁人口平均受教育年限为11.4年，比上年提高0.2年。全市60岁以上老年人口达到80万人。",
		"今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。")
	want(t, r,
		[]string{"16—59岁", "人口平均受教育年限", "门槛"},
		[]string{"60岁以上", "全市", "门槛"},
		[]string{"11.4年", "16—59岁人口平均受教育年限", "实绩"},
		[]string{"0.2年", "16—59岁人口平均受教育年限提高"},
		[]string{"达到80万人", "全市60岁以上老年人口"},
	)
}

// The targets of the year's main-targets paragraph are the year's, though a plan is
// named nearby; the goals of a plan's span are not read as the year's qualitative targets.
func TestTargetPeriods(t *testing.T) {
	r := report2024(t, "“十四五”规划实施以来，地区生产总值年均增长6%。",
		"今年是“十四五”规划的关键一年。今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业4万人以上，居民收入增长和经济增长基本同步。\n\n"+
			"“十四五”时期我市经济社会发展的主要目标是：改革开放取得新突破，地区生产总值年均增长6%左右。")
	want(t, r,
		[]string{"5.5%左右", "地区生产总值增速", "目标", "2024"},
		[]string{"4万人以上", "城镇新增就业", "目标", "2024"},
		[]string{"基本同步", "居民收入增长与经济增长", "定性", "2024"},
		[]string{"6%左右", "地区生产总值增速", "目标", "十四五"},
	)
	if f := figureByPhrase(r, "取得新突破"); f != nil {
		t.Errorf("a plan's goal read as the year's target: %+v", f)
	}
}

// The place is the city the report is delivered in, and the qualifier 达 is kept.
func TestPlaceAndQualifier(t *testing.T) {
	text := "2022年示例市政府工作报告\n\n——2022年1月9日在示例市第九届人民代表大会第二次会议上\n\n一、2021年工作回顾\n\n全市居民人均可支配收入达4.5万元，增长9%。\n"
	r := mustImport(t, "报告.txt", []byte(text)).Report
	if r.Place != "示例市" || r.Level != "市" || r.Year != 2022 {
		t.Errorf("place %q level %q year %d", r.Place, r.Level, r.Year)
	}
	if f := figureByPhrase(r, "达4.5万元"); f == nil || f.Bound != "达" || f.Indicator != "居民人均可支配收入" {
		t.Errorf("达: %+v", f)
	}
}

// A statistical bulletin: its year is the year it reports on, its place the country or
// the city, every figure a result of that year, read from its prose and its tables with
// the unit the table states.
func TestBulletin(t *testing.T) {
	text := "中华人民共和国2024年国民经济和社会发展统计公报\n\n国家统计局\n\n2025年2月28日\n\n一、综合\n\n" +
		"初步核算，全年国内生产总值1349084亿元，比上年增长5.0%。全年城镇新增就业1256万人。全年全国城镇调查失业率平均值为5.1%。全年居民消费价格比上年上涨0.2%。\n\n" +
		"表2　2024年居民消费价格涨跌幅度\n\n- 单位：%\n- 指标 全国\n- 城市 农村\n- 居民消费价格 0.2 0.1 0.4\n- 其中：食品烟酒 -0.1 -0.3 0.3\n\n" +
		"二、农业\n\n全年粮食产量70650万吨，比上年增加1109万吨，增产1.6%。\n\n" +
		"| 产品名称 | 单位 | 产量 | 比上年增长（%） |\n| --- | --- | --- | --- |\n| 纱 | 万吨 | 2277.9 | 1.3 |\n"
	r := mustImport(t, "公报.txt", []byte(text)).Report
	if r.Year != 2024 || r.Place != "全国" || r.Source.Kind != report.Bulletin || !r.Source.Kind.IsBulletin() {
		t.Fatalf("year %d place %q kind %q", r.Year, r.Place, r.Source.Kind)
	}
	for _, f := range r.Figures() {
		if f.Nature != report.Result || f.Period.String() != "2024" {
			t.Errorf("%s: %s %s, want a result of 2024", f.Phrase, f.Nature, f.Period)
		}
	}
	want(t, r,
		[]string{"1349084亿元", "国内生产总值"},
		[]string{"5.0%", "国内生产总值增速"},
		[]string{"1256万人", "城镇新增就业"},
		[]string{"5.1%", "城镇调查失业率"},
		[]string{"70650万吨", "粮食产量"},
		[]string{"2277.9", "纱产量"},
		[]string{"1.3", "纱增速"},
	)
	var cpi, rural, food *report.Figure
	for _, f := range r.Figures() {
		switch f.Sentence {
		case "居民消费价格\u3000全国：0.2":
			cpi = f
		case "居民消费价格\u3000农村：0.4":
			rural = f
		case "其中：食品烟酒\u3000全国：-0.1":
			food = f
		}
	}
	if cpi == nil || cpi.Indicator != "居民消费价格涨幅" || cpi.Unit != "%" || cpi.UnitSource != "单位：%" {
		t.Errorf("CPI from the table: %+v", cpi)
	}
	if rural == nil || rural.Indicator != "农村居民消费价格涨幅" {
		t.Errorf("a column naming a part: %+v", rural)
	}
	if food == nil || food.Value != -0.1 || food.Indicator != "食品烟酒涨幅" {
		t.Errorf("a negative cell: %+v", food)
	}
	if f := figureByPhrase(r, "2277.9"); f == nil || f.Unit != "万吨" || f.UnitSource != "产量（万吨）" {
		t.Errorf("a unit column: %+v", f)
	}
}

// A city's own bulletin names the city.
func TestCityBulletin(t *testing.T) {
	text := "江门市2023年国民经济和社会发展统计公报\n\n江门市统计局\n\n一、综合\n\n初步核算，全年全市地区生产总值4022.25亿元，比上年增长5.0%。\n"
	r := mustImport(t, "公报.txt", []byte(text)).Report
	if r.Year != 2023 || r.Place != "江门市" || r.Source.Kind != report.Bulletin {
		t.Fatalf("year %d place %q kind %q", r.Year, r.Place, r.Source.Kind)
	}
	want(t, r, []string{"4022.25亿元", "地区生产总值", "实绩", "2023"}, []string{"5.0%", "地区生产总值增速", "实绩", "2023"})
}

// A page's title heading holds no sections; a Markdown text's front matter gives its
// title and its comments are not read; a text that names no place speaks as a city or a
// province by its words, and its indicators take that level's names.
func TestTitlesAndUnnamedPlaces(t *testing.T) {
	page := `<html><head><title>2025年政府工作报告</title></head><body><div class="article"><h1>2025年政府工作报告</h1>
<p>现在，我代表市人民政府向大会报告工作，请予审议。</p><p>一、2024年工作回顾</p><p>全市地区生产总值增长5.2%，城镇新增就业10万人，全市居民人均可支配收入增长5%。</p>
<p>二、2025年工作安排</p><p>今年全市经济社会发展主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%。</p></div></body></html>`
	r := mustImport(t, "报告.html", []byte(page)).Report
	if r.Place != "" || r.Level != "市" || r.Year != 2025 {
		t.Errorf("place %q level %q year %d", r.Place, r.Level, r.Year)
	}
	if len(r.Sections) == 0 || strings.Contains(r.Sections[0].Title, "政府工作报告") {
		t.Errorf("the title heading holds the sections: %q", r.Sections[0].Title)
	}
	want(t, r,
		[]string{"5.2%", "地区生产总值增速", "实绩", "2024"},
		[]string{"5%左右", "地区生产总值增速", "目标", "2025"},
		[]string{"3%", "地方一般公共预算收入增速", "目标", "2025"},
	)
	md := "---\nsource: http://example.gov.cn/1.html\ntitle: 2024年政府工作报告\n---\n\n<!-- 在某省第十四届人民代表大会第二次会议上 -->\n\n各位代表：\n\n一、2023年工作回顾\n\n全省地区生产总值增长5%。全省规模以上工业增加值增长6%，我省进出口总额增长3%。\n"
	r = mustImport(t, "报告.md", []byte(md)).Report
	if r.Title != "2024年政府工作报告" || r.Place != "" || r.Level != "省" || strings.Contains(strings.Join(r.Sections[0].Items, ""), "source") {
		t.Errorf("title %q place %q level %q, opening %q", r.Title, r.Place, r.Level, r.Sections[0].Items)
	}
}
