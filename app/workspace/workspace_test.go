package workspace_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/workspace"
	"workreport/app/workspace/workspacetest"
)

// withKind is a fixture's data file with another source kind and title.
func withKind(t *testing.T, name string, kind report.SourceKind, title string) []byte {
	t.Helper()
	s := string(reporttest.Bytes(t, name))
	s = strings.Replace(s, "kind: 官方全文", "kind: "+string(kind), 1)
	s = strings.Replace(s, "title: \"2023年示例市政府工作报告\"", "title: \""+title+"\"", 1)
	return []byte(s)
}

// The library's rules: of the copies of a place's report of a year, a person's saved
// copy wins over a built-in one and the official text over a digest; a damaged file is
// skipped; a bulletin is not the report of its year; the report on show is never
// returned as its own neighbour.
func TestWhichCopyWins(t *testing.T) {
	digest := withKind(t, reporttest.SampleCity2023, report.Digest, "示例市报纸摘要")
	bulletin := withKind(t, reporttest.SampleCity2023, report.Bulletin, "示例市统计公报")
	sources := append(workspacetest.Sources(t, reporttest.SampleCity2022),
		library.Source{Name: "digest.yaml", Data: func() []byte { return digest }},
		library.Source{Name: "bulletin.yaml", Data: func() []byte { return bulletin }})
	sources = append(sources, workspacetest.Sources(t, reporttest.SampleCity2023)...)
	dir := t.TempDir()
	ws := workspace.New(library.New(dir, sources...))

	r := ws.Neighbour("示例市", 2023, "")
	if r == nil || r.Source.Kind != report.Official {
		t.Fatalf("the official text did not win over the digest and the bulletin: %+v", r)
	}
	if got := ws.Neighbour("示例市", 2023, "内置/"+reporttest.SampleCity2023); got != nil {
		t.Error("the report on show was returned as its own neighbour")
	}
	if got := ws.Neighbour("示例市", 2021, ""); got != nil {
		t.Error("a report of a year the library does not hold")
	}

	// A person's saved copy, reviewed, wins over the built-in one.
	d, err := ws.DraftFor("内置/" + reporttest.SampleCity2023)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetInfo(workspace.Info{Title: "示例市2023年报告（我的）", Place: "示例市", Year: "2023"}); err != nil {
		t.Fatal(err)
	}
	if _, ok := ws.SameAs(d.Report()); ok {
		t.Error("a built-in report counts as a saved one")
	}
	e, err := ws.Save(d, "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Dirty() || e.BuiltIn || e.Kind != report.Official || filepath.Dir(e.Path) != dir {
		t.Errorf("saved entry %+v", e)
	}
	if r := ws.Neighbour("示例市", 2023, ""); r == nil || r.Title != "示例市2023年报告（我的）" {
		t.Errorf("the saved copy does not win: %v", r)
	}
	if same, ok := ws.SameAs(d.Report()); !ok || same.Key != e.Key {
		t.Error("the saved copy is not the one a second save would replace")
	}
	// A damaged file of the same place and year is skipped, and listed as damaged.
	os.WriteFile(filepath.Join(dir, "坏的.yaml"), []byte("format: 2\ntitle: 坏的\nplace: 示例市\nyear: 2022\nsource: {kind: 官方全文}\nfigures: [\n"), 0o644)
	ws.Changed()
	if r := ws.Neighbour("示例市", 2022, ""); r == nil || r.Title != "2022年示例市政府工作报告" {
		t.Errorf("a damaged file was taken: %v", r)
	}
	// One report per year of a place; the bulletin is not among them.
	if got := ws.Reports("示例市", ""); len(got) != 2 {
		t.Errorf("%d reports of the city", len(got))
	}
	// Removing the saved copy brings the built-in one back.
	if err := ws.Remove(e.Key); err != nil {
		t.Fatal(err)
	}
	if r := ws.Neighbour("示例市", 2023, ""); r == nil || r.Title != "2023年示例市政府工作报告" {
		t.Errorf("after removal: %v", r)
	}
}

// Peers are the reports of other places of the year, one each.
func TestPeers(t *testing.T) {
	ws := workspacetest.New(t, t.TempDir())
	peers := ws.Peers(2023, "示例市", "")
	if len(peers) != 1 || peers[0].Place != "示例省" {
		t.Fatalf("peers %v", peers)
	}
}

// Import makes an unsaved draft; a draft is reviewed by typed edits, each validated,
// each undone at once.
func TestImportAndReview(t *testing.T) {
	ws := workspacetest.New(t, t.TempDir())
	text := "2024年示例县政府工作报告\n\n一、2023年工作回顾\n\n全县地区生产总值增长5.1%，城镇新增就业1.2万人。\n\n二、2024年主要预期目标\n\n今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业1万人以上。\n"
	d, summary, err := ws.ImportText("示例县.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := d.Report()
	if r.Year != 2024 || len(r.Figures()) == 0 || r.Unconfirmed() != len(r.Figures()) || !strings.Contains(summary, "项数据") {
		t.Fatalf("import: %d, %d figures, %d unconfirmed, %q", r.Year, len(r.Figures()), r.Unconfirmed(), summary)
	}
	f := d.Queue()[0]
	to := report.TextOf(f)
	to.Indicator = "全县地区生产总值增速（改）"
	changed, err := d.Edit(f.ID, to, "")
	if err != nil || !changed {
		t.Fatalf("edit: %v %v", changed, err)
	}
	if g := d.Report().Figure(f.ID); g.Indicator != "全县地区生产总值增速（改）" {
		t.Errorf("the edit did not take: %q", g.Indicator)
	}
	if changed, err := d.Edit(f.ID, report.TextOf(d.Report().Figure(f.ID)), ""); changed || err != nil {
		t.Errorf("an unchanged form made an edit: %v %v", changed, err)
	}
	// An edit the text does not bear out is refused, and nothing changes.
	bad := report.TextOf(d.Report().Figure(f.ID))
	bad.Bound = "以上"
	if _, err := d.Edit(f.ID, bad, ""); err == nil {
		t.Error("a qualifier not in the text was accepted")
	}
	if !d.Undo() || d.Report().Figure(f.ID).Indicator == "全县地区生产总值增速（改）" {
		t.Error("undo did not take the edit back")
	}
	if err := d.Confirm(f.ID); err != nil || d.Report().Figure(f.ID).Confirmed() != true {
		t.Errorf("confirm: %v", err)
	}
	// A figure selected in the text is added, read as an import would, unconfirmed.
	sec := d.Report().Figure(f.ID).Section
	phrase, err := d.AddSelected(sec, sec.Items[0], "1.2万人")
	if err == nil {
		t.Fatalf("a figure already there was added again as %q", phrase)
	}
	// A draft the library never saw is saved as a new file.
	e, err := ws.Save(d, "")
	if err != nil || e.Place == "" || e.Year != 2024 {
		t.Fatalf("save: %+v %v", e, err)
	}
}

// A text that does not state its year imports, and cannot be saved until a person
// states it; its parts then take their periods from it.
func TestImportWithoutYear(t *testing.T) {
	ws := workspacetest.New(t, t.TempDir())
	text := "示例县政府工作报告\n\n一、工作回顾\n\n全县地区生产总值增长5.1%。\n\n二、今年工作安排\n\n主要预期目标是：地区生产总值增长5%左右。\n"
	d, _, err := ws.ImportText("示例县.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if d.Report().Year != 0 {
		t.Fatalf("a year was made up: %d", d.Report().Year)
	}
	if _, err := ws.Save(d, ""); !errors.Is(err, workspace.ErrNoYear) {
		t.Fatalf("saved without a year: %v", err)
	}
	if len(ws.List()) != 0 && ws.List()[0].Year == 0 {
		t.Error("the library lists a report without a year")
	}
	if err := d.SetInfo(workspace.Info{Title: "2024年示例县政府工作报告", Place: "示例县", Year: "2024"}); err != nil {
		t.Fatal(err)
	}
	r := d.Report()
	periods := map[string]string{}
	for _, sec := range r.Sections {
		periods[sec.Title] = sec.Period.String()
	}
	if r.Year != 2024 || periods["一、工作回顾"] != "2023" || periods["二、今年工作安排"] != "2024" {
		t.Errorf("year %d, periods %v", r.Year, periods)
	}
	if e, err := ws.Save(d, ""); err != nil || e.Year != 2024 {
		t.Errorf("save: %+v %v", e, err)
	}
}

// Overrides of a report other than the one on show are written into the library at
// once, a built-in report as a saved copy.
func TestSaveOverride(t *testing.T) {
	ws := workspacetest.New(t, t.TempDir())
	next := ws.Neighbour("示例市", 2023, "")
	e, err := ws.SaveOverride(next, report.Override{Year: 2022, Indicator: "地区生产总值增速", Target: "7%左右", Verdict: "达成", Note: "修订后"})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(e.Path)
	if e.BuiltIn || !strings.Contains(string(data), "判定: 达成") {
		t.Errorf("saved copy %+v", e)
	}
	if r := ws.Neighbour("示例市", 2023, ""); r == nil || len(r.Overrides) != 1 {
		t.Error("the library does not return the copy with the override")
	}
	// A report that is not the library's is refused.
	if _, err := ws.SaveOverride(reporttest.Load(t, reporttest.SampleCity2023), report.Override{}); err == nil {
		t.Error("an override of a report outside the library was accepted")
	}
}

// DraftFor reads the data file of the report on show: a report of the library, a data
// file from disk; anything else is refused with a reason.
func TestDraftFor(t *testing.T) {
	ws := workspacetest.New(t, t.TempDir())
	if d, err := ws.DraftFor("内置/" + reporttest.SampleCity2022); err != nil || d.Report().Year != 2022 {
		t.Errorf("built-in: %v", err)
	}
	p := reporttest.Path(t, reporttest.National2016)
	if d, err := ws.DraftFor(p); err != nil || d.Report().Year != 2016 {
		t.Errorf("data file: %v", err)
	}
	if _, err := ws.DraftFor(""); err == nil || !strings.Contains(err.Error(), "导入") {
		t.Errorf("no file: %v", err)
	}
}
