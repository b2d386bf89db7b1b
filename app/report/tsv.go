package report

import (
	"bufio"
	"io"
	"slices"
	"strings"
)

// Columns are the columns of the figures table, in order. The `figures` command and the
// workbook's 全部数据 sheet both use exactly these. A range (6%－6.5%) has its lower bound
// in 数值 and its upper bound in 上限; 原文表述 always holds the text as printed.
var Columns = []string{FieldID, FieldSection, FieldIndicator, FieldNature, FieldRole, FieldMeasure, FieldPeriod, FieldBasis,
	FieldValue, FieldUpper, FieldUnit, FieldBound, FieldStrive, FieldDirection, FieldPhrase, FieldSentence, FieldPair, FieldReview}

// Column positions in Columns, for the readers that need one cell of a row.
const (
	ColumnValue  = 8  // 数值
	ColumnUpper  = 9  // 上限
	ColumnReview = 17 // 审核
)

// Row returns the figure's cells in the order of Columns, as text.
func (f *Figure) Row() []string {
	section := ""
	if f.Section != nil {
		section = f.Section.PathString()
	}
	review := Confirmed
	if !f.Confirmed() {
		review = Unconfirmed
	}
	return []string{f.ID, section, f.Indicator, string(f.Nature), string(f.Role), f.Measure, f.Period.String(),
		string(f.Basis), f.NumberString(), f.UpperString(), f.Unit, f.Bound, f.Strive, string(f.Direction),
		f.Phrase, f.Sentence, f.Pair, string(review)}
}

// PasteColumns are the columns of figures copied for pasting into a spreadsheet: what a
// reader needs first, the internal 编号 and 对应 last.
var PasteColumns = []string{FieldSection, FieldIndicator, FieldNature, FieldMeasure, FieldPeriod, FieldBasis, FieldValue,
	FieldUpper, FieldUnit, FieldBound, FieldStrive, FieldPhrase, FieldSentence, FieldRole, FieldDirection, FieldReview, FieldID, FieldPair}

// cleanField makes a value safe for one TSV field: tabs and line breaks become spaces.
var cleanField = strings.NewReplacer("\t", " ", "\r\n", " ", "\r", " ", "\n", " ")

// WriteTSV writes a header row and one row per figure as tab-separated UTF-8 with LF line
// endings and no BOM, in the order of Columns. No field contains a tab or a line break.
func WriteTSV(w io.Writer, figs []*Figure) error { return WriteTSVColumns(w, figs, Columns) }

// WriteTSVColumns is WriteTSV with the columns named and ordered as cols, each one of
// Columns.
func WriteTSVColumns(w io.Writer, figs []*Figure, cols []string) error {
	index := make([]int, len(cols))
	for i, c := range cols {
		index[i] = slices.Index(Columns, c)
	}
	bw := bufio.NewWriter(w)
	writeTSVRow(bw, cols)
	cells := make([]string, len(cols))
	for _, f := range figs {
		row := f.Row()
		for i, j := range index {
			cells[i] = ""
			if j >= 0 {
				cells[i] = row[j]
			}
		}
		writeTSVRow(bw, cells)
	}
	return bw.Flush()
}

// WriteTSVTable writes any table the same way: a header row, then the rows,
// tab-separated, with tabs and line breaks inside a cell made spaces.
func WriteTSVTable(w io.Writer, header []string, rows [][]string) error {
	bw := bufio.NewWriter(w)
	writeTSVRow(bw, header)
	for _, row := range rows {
		writeTSVRow(bw, row)
	}
	return bw.Flush()
}

func writeTSVRow(bw *bufio.Writer, cells []string) {
	for i, c := range cells {
		if i > 0 {
			bw.WriteByte('\t')
		}
		bw.WriteString(cleanField.Replace(c))
	}
	bw.WriteByte('\n')
}
