package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"workreport/app/report"
	"workreport/app/report/reporttest"
)

const sample = "各位代表：\n\n一、2018年工作回顾\n\n过去一年，国内生产总值增长6.6%，总量突破90万亿元。城镇新增就业1361万人。\n\n二、2019年政府工作任务\n\n今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上；国际收支基本平衡。\n"

func figureByPhrase(r *report.Report, phrase string) *report.Figure {
	for _, f := range r.Figures() {
		if f.Phrase == phrase {
			return f
		}
	}
	return nil
}

func mustImport(t *testing.T, name string, data []byte) *Result {
	t.Helper()
	res, err := Import(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

func TestSampleFiguresAndPairs(t *testing.T) {
	res := mustImport(t, "样例.txt", []byte(sample))
	r := res.Report
	if r.Year != 2019 {
		t.Errorf("year %d, want 2019", r.Year)
	}
	gdp := figureByPhrase(r, "6%－6.5%")
	if gdp == nil || !gdp.IsRange || gdp.Value != 6 || gdp.Upper != 6.5 || gdp.Nature != report.Target || gdp.Role != report.RoleTargets {
		t.Fatalf("range target: %+v", gdp)
	}
	if gdp.Pair == "" || r.Figure(gdp.Pair).Phrase != "6.6%" {
		t.Errorf("the GDP target is not paired with the 6.6%% result: %q", gdp.Pair)
	}
	total := figureByPhrase(r, "突破90万亿元")
	if total == nil || total.Bound != "突破" || total.Unit != "万亿元" || total.Nature != report.Result {
		t.Errorf("突破90万亿元: %+v", total)
	}
	if q := figureByPhrase(r, "基本平衡"); q == nil || q.Nature != report.Qualitative {
		t.Errorf("qualitative target missing: %+v", q)
	}
	for _, f := range r.Figures() {
		if f.Review != report.Unconfirmed {
			t.Errorf("%s is %s, want 未审核", f.ID, f.Review)
		}
	}
	if un := r.Uncovered(); len(un) > 0 {
		t.Errorf("numbers not accounted for: %v", un)
	}
}

// A section that reviews five years and sets the next plan's targets: the paragraph
// that opens by looking back states results, the rest targets. A target that is only
// to be assessed (统筹考核) is a qualitative target.
func TestMixedSectionAndAssessedTarget(t *testing.T) {
	text := "2024年某市政府工作报告\n\n一、过去五年成就和今后五年目标任务\n\n五年来，全市经济持续健康发展，地区生产总值从2000亿元增加到3200亿元，城镇新增就业28万人。\n\n今后五年，地区生产总值年均增长6%左右，城镇新增就业25万人以上。\n\n二、今年工作安排\n\n今年全市发展主要预期目标是：地区生产总值增长5%左右；能耗强度目标在规划期内统筹考核。\n"
	r := mustImport(t, "某市.txt", []byte(text)).Report
	for phrase, want := range map[string]report.Nature{"3200亿元": report.Result, "28万人": report.Result, "6%左右": report.Target, "25万人以上": report.Target} {
		if f := figureByPhrase(r, phrase); f == nil || f.Nature != want {
			t.Errorf("%s: %+v, want %s", phrase, f, want)
		}
	}
	// 能耗强度 is the dictionary's energy intensity; the text names no place, so the
	// national name stands.
	if q := figureByPhrase(r, "统筹考核"); q == nil || q.Nature != report.Qualitative || q.Indicator != "单位国内生产总值能耗降幅" {
		t.Errorf("统筹考核: %+v", q)
	}
}

func TestEncodings(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(sample))
	le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	be, _ := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	crlf := strings.ReplaceAll(sample, "\n", "\r\n")
	cases := map[string][]byte{
		"utf8.txt":    []byte(sample),
		"bom.txt":     append([]byte{0xEF, 0xBB, 0xBF}, sample...),
		"gb18030.txt": gb,
		"utf16le.txt": le,
		"utf16be.txt": be,
		"crlf.txt":    []byte(crlf),
	}
	for name, data := range cases {
		r := mustImport(t, name, data).Report
		if f := figureByPhrase(r, "1361万人"); f == nil {
			t.Errorf("%s: 1361万人 not found", name)
		}
	}
}

func TestTextCleaning(t *testing.T) {
	text := "一、２０１６年工作回顾\n\n\u3000\u3000国内生产总值达到74.4\n\n\u200b\n万亿元，增长６．７％。PM\n2.5\n浓度下降6%。第**2**名\n"
	blocks := textBlocks(text)
	var all []string
	for _, b := range blocks {
		all = append(all, b.text)
	}
	got := strings.Join(all, "|")
	for _, want := range []string{"一、2016年工作回顾", "国内生产总值达到74.4万亿元，增长6.7%。PM2.5浓度下降6%。第2名"} {
		if !strings.Contains(got, want) {
			t.Errorf("blocks %q lack %q", got, want)
		}
	}
}

// docx builds a .docx with the parts given.
func docx(t testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

const docNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func TestDocx(t *testing.T) {
	body := `<?xml version="1.0"?><w:document ` + docNS + `><w:body>
<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>一、2018年工作回顾</w:t></w:r></w:p>
<w:p><w:r><w:t>城镇新增就业</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>13</w:t></w:r><w:r><w:t>61万人</w:t></w:r><w:del><w:r><w:delText>1000万人</w:delText></w:r></w:del><w:r><w:t>。</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>2019年政府工作任务</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>粮食产量1.3万亿斤</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>第一行</w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p>
</w:body></w:document>`
	styles := `<w:styles ` + docNS + `><w:style w:styleId="2"><w:name w:val="heading 1"/></w:style></w:styles>`
	numbering := `<w:numbering ` + docNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	data := docx(t, map[string]string{
		"word/document.xml":  body,
		"word/styles.xml":    styles,
		"word/numbering.xml": numbering,
		"word/header1.xml":   `<w:hdr ` + docNS + `><w:p><w:r><w:t>页眉99万元</w:t></w:r></w:p></w:hdr>`,
	})
	blocks, _, err := readDocx("报告.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range blocks {
		texts = append(texts, b.text)
	}
	want := []string{"一、2018年工作回顾", "城镇新增就业1361万人。", "二、2019年政府工作任务", "指标\u3000粮食产量1.3万亿斤", "第一行", "第二行"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("docx paragraphs\n got %q\nwant %q", texts, want)
	}
	if blocks[0].level != 1 {
		t.Errorf("heading level %d, want 1", blocks[0].level)
	}
	r := mustImport(t, "报告.docx", data).Report
	if figureByPhrase(r, "1361万人") == nil || figureByPhrase(r, "1000万人") != nil || figureByPhrase(r, "99万元") != nil {
		t.Errorf("docx figures wrong: %v", r.Figures())
	}
}

func TestHTML(t *testing.T) {
	page := `<html><head><meta charset="gbk"><title>2019年政府工作报告</title><script>var x = "增长99%";</script></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">新闻 100条</a></div>
<div id="zoom"><h2>一、2018年工作回顾</h2><p>国内生产总值增长6.6%&#xff0c;城镇新增就业1361万人。</p>
<p>二、2019年政府工作任务</p><p>今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%。</p></div>
<div class="footer">版权所有 电话 12345678</div></body></html>`
	data, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.Replace(page, "gbk", "gbk", 1)))
	res := mustImport(t, "报告.html", data)
	r := res.Report
	if figureByPhrase(r, "6.6%") == nil || figureByPhrase(r, "1361万人") == nil {
		t.Errorf("article figures missing: %v", r.Figures())
	}
	for _, f := range r.Figures() {
		if strings.Contains(f.Sentence, "99%") || strings.Contains(f.Sentence, "100条") {
			t.Errorf("script or navigation read as text: %s", f.Sentence)
		}
	}
	if r.Title != "2019年政府工作报告" {
		t.Errorf("title %q", r.Title)
	}
}

// TestBadInput: every bad file gets a Chinese message naming it, never a panic.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		chunk := bytes.Repeat([]byte("<w:p><w:r><w:t>数</w:t></w:r></w:p>"), 1<<12)
		for n := 0; n < (MaxPartSize/len(chunk))+2; n++ {
			w.Write(chunk)
		}
		zw.Close()
		return buf.Bytes()
	}()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"空.txt", nil, "空文件"},
		{"程序.txt", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), bytes.Repeat([]byte{0, 1, 2}, 100)...), "不是文本文件"},
		{"假的.docx", []byte("这不是压缩包"), "不是有效的 Word 文档"},
		{"无正文.docx", docx(t, map[string]string{"word/styles.xml": "<x/>"}), "没有正文"},
		{"炸弹.docx", bomb, "超过"},
		{"空网页.html", []byte("<html><head><script>var a=1;</script></head><body><nav><a href='/'>首页</a></nav></body></html>"), "没有正文"},
		{"乱码.txt", []byte{0x81, 0x30, 0xFF, 0xFE, 0x80, 0x80, 0xC0, 0xC1, 0xF5, 0xFF, 0x81}, "编码无法识别"},
		{"旧版.doc", []byte("whatever"), "另存为 .docx"},
		{"扫描.pdf", []byte("%PDF-1.4"), "PDF"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(path)
		var ie *Error
		if !errors.As(err, &ie) {
			t.Errorf("%s: error %v, want an import error", c.name, err)
			continue
		}
		if !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: message %q should name the file and say %q", c.name, err, c.want)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "不存在.txt")); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("a folder: %v", err)
	}
}

// TestHugeText: a 100 MB text is refused as too large before it is read.
func TestHugeText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "巨大.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(path)
	if err == nil || !strings.Contains(err.Error(), "太大") {
		t.Errorf("100 MB text: %v", err)
	}
}

func TestNoFigures(t *testing.T) {
	res := mustImport(t, "无数据.txt", []byte("2023年某县政府工作报告\n\n各位代表：\n\n一、工作回顾\n\n我们做了大量工作，取得了明显成效。\n"))
	if res.Figures != 0 || !strings.Contains(res.Summary(), "没有找到数据") || res.Report.Year != 2023 {
		t.Errorf("summary %q, year %d", res.Summary(), res.Report.Year)
	}
}

// A text that states no year imports with the year left for a person to state, as long
// as it reads as a report (headings or figures); one with neither is refused, naming
// the file. No year is made up.
func TestNoYear(t *testing.T) {
	res := mustImport(t, "无年份.txt", []byte("各位代表：\n\n一、工作回顾\n\n地区生产总值增长5.2%，城镇新增就业3.1万人。\n"))
	if r := res.Report; r.Year != 0 || strings.Contains(r.Title, "2000") || res.Figures != 2 {
		t.Errorf("year %d, title %q, %d figures", r.Year, r.Title, res.Figures)
	}
	if _, err := Import("清单.json", []byte(`{"name": "报告", "items": ["第一项", "第二项"]}`)); err == nil || !strings.Contains(err.Error(), "清单.json") || !strings.Contains(err.Error(), "不像一份政府工作报告") {
		t.Errorf("a JSON file: %v", err)
	}
	if _, err := Import("便条.txt", []byte("明天上午九点开会，请准时参加。\n")); err == nil || !strings.Contains(err.Error(), "便条.txt") {
		t.Errorf("a note: %v", err)
	}
}

// fuzzImport imports what the fuzzer made: it may be refused, but never panic, and what
// the importer writes always loads.
func fuzzImport(t *testing.T, name string, data []byte) {
	if _, err := Import(name, data); errors.Is(err, errGenerated) {
		t.Fatal(err)
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("一、\n\n1.\n\n（一）三分之一以上，翻一番，6600多万人，上亿，50强，12.88万吨/日"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "fuzz.txt", data)
	})
}

func FuzzDocx(f *testing.F) {
	f.Add(docx(f, map[string]string{"word/document.xml": `<w:document ` + docNS + `><w:body><w:p><w:r><w:t>增长6.6%</w:t></w:r></w:p></w:body></w:document>`}))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "fuzz.docx", data)
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><body><div><p>一、2018年工作回顾</p><p>国内生产总值增长6.6%。</p></div></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "fuzz.html", data)
	})
}

// BenchmarkImport imports a text of 60 000 characters, three national reports one after
// the other (a long city report with its appendices is of this size), as a text file
// and as a .docx.
func BenchmarkImport(b *testing.B) {
	var text []byte
	for _, y := range []string{"2019", "2018", "2017"} {
		t, err := os.ReadFile(reporttest.Shared(b, "corpus/national/"+y+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		text = append(append(text, t...), '\n')
	}
	if n := utf8.RuneCount(text); n < 60000 {
		b.Fatalf("the text has %d characters", n)
	}
	var body strings.Builder
	body.WriteString(`<?xml version="1.0"?><w:document ` + docNS + `><w:body>`)
	for _, line := range strings.Split(string(text), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		body.WriteString("<w:p><w:r><w:t>")
		xmlEscape(&body, line)
		body.WriteString("</w:t></w:r></w:p>")
	}
	body.WriteString(`</w:body></w:document>`)
	doc := docx(b, map[string]string{"word/document.xml": body.String()})
	for _, c := range []struct {
		name string
		data []byte
	}{{"报告.txt", text}, {"报告.docx", doc}} {
		b.Run(filepath.Ext(c.name)[1:], func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := Import(c.name, c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func xmlEscape(b *strings.Builder, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	b.WriteString(r.Replace(s))
}

// The meeting is the one the report is delivered at, not one that starts a period; the
// year comes from the plan's heading when the text has no date.
func TestMeetingAndYear(t *testing.T) {
	text := "各位代表：\n\n一、过去五年工作回顾\n\n第十二届全国人民代表大会第一次会议以来的五年，国内生产总值年均增长7.1%。\n\n二、2018年政府工作的建议\n\n今年发展主要预期目标是：国内生产总值增长6.5%左右。\n"
	r := mustImport(t, "报告.txt", []byte(text)).Report
	if r.Year != 2018 || r.Source.Meeting != "" {
		t.Errorf("year %d, meeting %q; want 2018 and none", r.Year, r.Source.Meeting)
	}
	text = "——2018年3月5日在第十三届全国人民代表大会第一次会议上\n\n" + text
	r = mustImport(t, "报告.txt", []byte(text)).Report
	if r.Source.Meeting != "第十三届全国人民代表大会第一次会议" {
		t.Errorf("meeting %q", r.Source.Meeting)
	}
}

// A person selects one figure's words to add it; a selection of two figures, or of words
// without a figure, is refused with a reason.
func TestFigureAt(t *testing.T) {
	para := "城镇新增就业5.2万人，其中帮助困难人员就业1.1万人。"
	f, err := FigureAt(para, "1.1万人", report.RoleReview, 2019)
	if err != nil || f.Value != "1.1" || f.Unit != "万人" || f.Nature != "实绩" || f.Phrase != "1.1万人" {
		t.Fatalf("%v %v", f, err)
	}
	if _, err := FigureAt(para, "5.2万人，其中帮助困难人员就业1.1万人", report.RoleReview, 2019); err == nil || !strings.Contains(err.Error(), "多项") {
		t.Errorf("two figures: %v", err)
	}
	if _, err := FigureAt(para, "其中帮助", report.RoleReview, 2019); err == nil {
		t.Error("words without a figure were accepted")
	}
	twice := "地区生产总值增长5%左右，居民消费价格涨幅5%左右。"
	if _, err := FigureAt(twice, "5%左右", report.RoleTargets, 2019); err == nil || !strings.Contains(err.Error(), "不止一次") {
		t.Errorf("ambiguous selection: %v", err)
	}
	if f, err := FigureAt(twice, "涨幅5%左右", report.RoleTargets, 2019); err != nil || !strings.Contains(f.Indicator, "居民消费价格") {
		t.Errorf("the second 5%%左右: %v %v", f, err)
	}
	if _, err := FigureAt(para, "不在原文", report.RoleReview, 2019); err == nil {
		t.Error("words not in the paragraph were accepted")
	}
}
