package workspace

import (
	"fmt"
	"strings"
	"testing"

	"workreport/app/importer"
	"workreport/app/importer/labels"
	"workreport/app/report/reporttest"
	"workreport/app/review"
)

// TestReviewGroupsOnTheCorpus: every text of the corpus, imported, puts every headline
// figure labelled by hand (the main targets, the year's results on their indicators,
// the GDP level, the plan's deficit and bonds) among the key figures a person checks
// first, read right (no edit needed), and the key figures stay few: a review starts
// with what the verdicts and the overview read, not with hundreds of numbers.
func TestReviewGroupsOnTheCorpus(t *testing.T) {
	texts, err := labels.Texts()
	if err != nil {
		t.Fatal(err)
	}
	for _, lt := range texts {
		res, err := importer.ReadFile(reporttest.Shared(t, lt.Corpus))
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := draftOf(lt.Name+".txt", res)
		if err != nil {
			t.Fatal(err)
		}
		ls, err := labels.Read(lt.Name)
		if err != nil {
			t.Fatal(err)
		}
		headline, inKey := 0, 0
		taken := map[string]bool{}
		for _, l := range ls {
			if !l.Headline() {
				continue
			}
			headline++
			f := labels.Best(d.Report(), l, false)
			if f == nil {
				t.Errorf("%s 第%d行 %s %s：导入的报告中找不到", lt.Name, l.Line, l.Indicator, l.Phrase)
				continue
			}
			taken[f.ID] = true
			if g := d.GroupOf(f); g != review.KeyFigures {
				t.Errorf("%s 第%d行 %s %s：在“%s”中，不在关键数据中", lt.Name, l.Line, l.Indicator, l.Phrase, g)
				continue
			}
			if p := labels.Problems(f, l, false); len(p) > 0 {
				t.Errorf("%s 第%d行 %s %s：关键数据需要修改：%s", lt.Name, l.Line, l.Indicator, l.Phrase, strings.Join(p, "；"))
			}
			inKey++
		}
		c := d.Counts()
		total := c[review.KeyFigures] + c[review.SectionFigures] + c[review.OtherNumbers]
		t.Logf("%-24s %s", lt.Name, fmt.Sprintf("关键数据 %3d（标注的头条 %2d）· 各节数据 %3d · 其余数字 %3d · 共 %3d",
			c[review.KeyFigures], headline, c[review.SectionFigures], c[review.OtherNumbers], total))
		if c[review.KeyFigures] > 2*headline+15 {
			t.Errorf("%s: %d key figures for %d headline figures", lt.Name, c[review.KeyFigures], headline)
		}
		if q := d.Queue(); len(q) != total || len(q) > 0 && d.GroupOf(q[0]) != review.KeyFigures {
			t.Errorf("%s: the queue of %d does not start with the key figures", lt.Name, len(q))
		}
	}
}
