// Command floor is the smallest excelize program that writes the same cells as
// WorkReport's workbook: the same sheets, texts and numbers, with no styles, tables,
// charts or print settings. .ci/perf times `workreport export` against it.
//
//	floor dump WORKBOOK.xlsx CELLS.json   record every cell of a workbook (not timed)
//	floor write CELLS.json OUT.xlsx       write those cells to a new workbook (timed)
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"
)

type sheet struct {
	Name  string     `json:"name"`
	Cells [][]string `json:"cells"` // cell reference, "n" or "s", value
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: floor dump WORKBOOK CELLS | floor write CELLS OUT")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "dump":
		err = dump(os.Args[2], os.Args[3])
	case "write":
		err = write(os.Args[2], os.Args[3])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func dump(in, out string) error {
	f, err := excelize.OpenFile(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var sheets []sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		s := sheet{Name: name}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				kind := "s"
				if t, _ := f.GetCellType(name, ref); t == excelize.CellTypeNumber || t == excelize.CellTypeUnset {
					if _, err := strconv.ParseFloat(v, 64); err == nil {
						kind = "n"
					}
				}
				s.Cells = append(s.Cells, []string{ref, kind, v})
			}
		}
		sheets = append(sheets, s)
	}
	data, err := json.Marshal(sheets)
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

func write(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var sheets []sheet
	if err := json.Unmarshal(data, &sheets); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s.Name)
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		for _, c := range s.Cells {
			if c[1] == "n" {
				v, _ := strconv.ParseFloat(c[2], 64)
				err = f.SetCellFloat(s.Name, c[0], v, -1, 64)
			} else {
				err = f.SetCellStr(s.Name, c[0], c[2])
			}
			if err != nil {
				return err
			}
		}
	}
	return f.SaveAs(out)
}
