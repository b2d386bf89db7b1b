package report

import (
	"bufio"
	"io"
	"strings"
)

// Columns are the columns of the figures table, in order. The `figures` command and the
// workbook's 全部数据 sheet both use exactly these.
var Columns = []string{"编号", "章节", "指标", "性质", "口径", "数值", "单位", "限定", "力争", "原文表述", "原文", "对应"}

// Row returns the figure's cells in the order of Columns, as text.
func (f *Figure) Row() []string {
	section := ""
	if f.Section != nil {
		section = f.Section.PathString()
	}
	return []string{f.ID, section, f.Indicator, string(f.Nature), f.Measure, f.NumberString(),
		f.Unit, f.Bound, f.Strive, f.Phrase, f.Sentence, f.Pair}
}

// cleanField makes a value safe for one TSV field: tabs and line breaks become spaces.
var cleanField = strings.NewReplacer("\t", " ", "\r\n", " ", "\r", " ", "\n", " ")

// WriteTSV writes a header row and one row per figure as tab-separated UTF-8 with LF line
// endings and no BOM. No field contains a tab or a line break.
func WriteTSV(w io.Writer, figs []*Figure) error {
	bw := bufio.NewWriter(w)
	writeRow := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(cleanField.Replace(c))
		}
		bw.WriteByte('\n')
	}
	writeRow(Columns)
	for _, f := range figs {
		writeRow(f.Row())
	}
	return bw.Flush()
}
