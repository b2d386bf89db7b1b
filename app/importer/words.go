package importer

import (
	"regexp"

	"workreport/app/zhtext"
)

// The vocabulary the extractor reads figures with. It is the common language of Chinese
// government reports (units, qualifiers, verbs, set phrases), not the words of any one
// report.

// magnitudes may stand between a number and its unit: 74.4万亿元, 1361万人.
var magnitudes = zhtext.MagnitudeWords()

// countUnits are the measure words of a count written in Chinese numerals (十件, 两个).
var countUnits = zhtext.CountUnits

// prefixBounds and suffixBounds are the qualifiers printed before a number, and after
// it and its unit, longest first.
var (
	prefixBounds = zhtext.QualifierWords(zhtext.Before, true)
	suffixBounds = zhtext.QualifierWords(zhtext.After, true)
)

// striveWords mark a target the government will strive for.
var striveWords = []string{"力争", "争取"}

// thresholdNouns follow a threshold that defines a category: 10亿元以上项目,
// 月销售额10万元以下的小规模纳税人, 3岁以下婴幼儿.
var thresholdNouns = []string{
	"的", "项目", "企业", "工业", "城市", "人口", "家庭", "纳税人", "小微", "个体", "婴幼儿", "儿童",
	"老人", "老年人", "群体", "重大", "大中", "中小", "标准", "贷款", "农户", "居民", "职工",
}

// categoryNouns follow a floor written with 超 that names a class of things: 超百亿企业,
// 产值超千亿元产业集群.
var categoryNouns = []string{"企业", "产业链", "产业集群", "集群", "项目", "园区", "县", "城市", "龙头"}

// verbs sit between an indicator and its number; they say what the number measures.
var (
	growthVerbs  = []string{"增长", "增加", "提高", "提升", "扩大", "上升", "增收", "增幅", "净增", "净增加"}
	riseVerbs    = []string{"上涨", "涨幅"}
	declineVerbs = []string{"下降", "降低", "减少", "回落", "下调", "压减", "缩减", "压缩", "降幅"}
	levelVerbs   = []string{
		"提高到", "提升到", "增加到", "增长到", "扩大到", "下降到", "降低到", "减少到", "降到", "降至",
		"提高至", "增至", "减至", "达到", "达", "超过", "突破", "保持在", "稳定在", "控制在", "为", "是",
		"连续跨越", "跨越", "跨过", "迈过", "朝着",
		"有", "共", "累计", "实现", "完成", "新增", "占", "减", "增", "到", "至", "拟按", "按", "安排", "拟安排", "在",
		"发行", "投入", "下达", "分别", "年均", "平均", "均", "同比", "比上年", "比去年", "全年", "总量",
	}
)

// clauseLead are words that open a clause without naming its subject.
var clauseLead = []string{
	"其中", "同时", "并且", "并", "而且", "以及", "和", "与", "及", "还", "也", "又", "再", "共", "均",
	"全年", "今年", "去年", "当年", "上年", "累计", "力争", "争取", "要", "将", "拟", "预计", "约",
	"比上年末", "比上年同口径", "比上年", "比去年", "较上年", "同比", "初步核算", "初步统计", "据初步统计", "年末",
}

// subjectAdverbs stand between an indicator and its verb, or stand for the whole
// subject, without naming anything: 粮食产量首次跃上, 今年先发行.
var subjectAdverbs = []string{"首次", "再次", "首度", "已经", "一举", "率先", "历史性地", "先", "仍", "已", "连续",
	"都要", "均要", "也要", "还要", "要", "将", "需", "应"}

// spanInSubject is a span of years written into a subject, which is the figure's period:
// 居民人均可支配收入五年增长30.8%, 十年来我国居民消费价格涨幅, “十三五”时期经济年均增长.
var spanInSubject = regexp.MustCompile(`^(?:近|过去|这)?[零一二两三四五六七八九十百0-9]+多?年(?:来|间|内|中|期间)?|(?:近|过去)?[零一二两三四五六七八九十百0-9]+多?年(?:来|间|内|中|期间)?$|^“?十[一二三四五六七八九]五”?(?:时期|期间|规划期|末)?`)

// comparisonWords say what a change is measured against, between an indicator and its
// verb: 能耗比上年下降3.1%, 失业率平均值为5.1%.
var comparisonWords = []string{"比上年末", "比上年同口径", "比上年", "比去年", "较上年", "同比", "平均值", "均值",
	"扣除价格因素实际", "实际", "名义", "可比", "同口径"}

// asideClauses are clauses that only say how the next figure is measured, between it
// and the figures of its indicator: 比上年增长8.9%，扣除价格因素，实际增长7.4%.
var asideClauses = []string{"扣除价格因素", "按可比价格计算", "按可比口径计算", "按现价计算", "按不变价格计算", "初步核算", "初步统计", "据初步统计"}

// leadingYear opens a clause with its year, after a word that leads into it: 2015年,
// 2020年末, 2024年全年, 预计2022年.
var leadingYear = regexp.MustCompile(`^(?:预计|其中|而|到|截至)?(?:(?:19|20|21)[0-9]{2}年(?:末|底|全年|初)?)+`)

// asideRemark is a remark in brackets between an indicator and its number that says how
// it is measured or written: 同比增长（下同）4%, （按可比价格计算）.
var asideRemark = regexp.MustCompile(`[（(](?:下同|以下同|同比|[^（）()]{0,12}计算)[）)]`)

// targetIntro introduces a target's indicator: 全市经济发展的预期目标为生产总值增速9%.
var targetIntro = regexp.MustCompile(`^.*(?:目标为|目标是)`)

// targetWords end what introduces a target: 预期目标为.
var targetWords = regexp.MustCompile(`(?:预期)?目标(?:为|是)`)

// genericSubjects name a measure, not an indicator: in "国内生产总值增长6.6%，总量突破
// 90万亿元", 总量 is the GDP's.
var genericSubjects = []string{"总量", "总额", "规模", "增速", "增幅", "比重", "占比", "其中", "总数", "数量", "人数", "比", "较",
	"实际", "名义", "扣除价格因素实际", "扣除价格因素", "可比", "同口径", "平均值", "均值"}

// listTails are the nouns that several listed indicators share: in "高技术制造业、装备
// 制造业增加值分别增长8.9%、7.7%", each industry's 增加值.
var listTails = []string{
	"增加值", "投资", "收入", "营业收入", "产量", "产值", "能耗", "用水量", "排放量", "排放", "总额", "规模",
	"比重", "利润", "销售额", "人数", "面积", "里程", "增速", "价格", "消费", "出口", "进口", "贷款",
}

// pastCues mark a sentence of a plan or target section that states a result.
var pastCues = []string{"去年", "过去一年", "一年来", "过去五年", "五年来", "已经", "已有", "已", "累计", "刚刚过去", "上一年"}

// futureCues mark a sentence of a review that states a target.
var futureCues = []string{"今年", "明年", "将", "拟", "力争", "争取", "要", "计划", "预期目标"}

// fixedPhrases hold numerals as words: slogans, programmes and set phrases of Chinese
// public life, whatever report they appear in.
var fixedPhrases = []string{
	"一带一路", "一国两制", "一老一小", "一网通办", "一网统管", "一件事", "一站式", "一揽子", "一次性",
	"一窗受理", "一体化", "一把手", "一线", "一流", "一号文件", "一张网", "一张图", "一盘棋",
	"两个毫不动摇", "两个维护", "两个确立", "两个一百年", "两个大局", "两新", "两重", "两岸", "两会", "两高",
	"三去一降一补", "三大攻坚战", "三农", "三北", "三重压力", "三医", "三个代表", "三严三实", "三公",
	"四个意识", "四个自信", "四个全面", "四风", "五位一体", "五大发展理念", "六稳", "六保", "八项规定",
	"新三样", "双减", "双碳", "双循环", "双一流", "双创", "双拥", "十大", "百千万", "千万工程", "万众",
	"千方百计", "千家万户", "万物", "百姓", "千百年", "三中全会", "四中全会", "五中全会", "六中全会",
	"九年义务教育", "九年一贯制",
	// Places whose names hold a numeral.
	"七台河", "三门峡", "六盘水", "二连浩特", "五指山", "十堰", "三亚", "三明", "三沙", "六安", "四平",
	"五家渠", "万宁", "百色", "九江", "三水区", "四会", "五华", "九寨沟", "五台山", "九华山", "三峡", "三江源",
}
