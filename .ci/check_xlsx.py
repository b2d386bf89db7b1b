#!/usr/bin/python3
"""Reads a WorkReport workbook with independent readers and checks its figures.

Usage: check_xlsx.py WORKBOOK FIGURES_TSV

FIGURES_TSV is the output of `workreport figures` for the same report. The 全部数据
sheet must hold exactly those rows, read by openpyxl and by LibreOffice (CSV export).
Also checks print setup, tables and charts with openpyxl, and the PDF LibreOffice
prints (A4 landscape).
"""
import csv
import glob
import os
import subprocess
import sys
import tempfile

import openpyxl

SHEET = "全部数据"


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def same_number(text, value):
    if text == "":
        return value is None or value == ""
    try:
        return float(text) == float(value)
    except (TypeError, ValueError):
        return False


def compare(reader, rows, want):
    if len(rows) != len(want):
        fail(f"{reader}: {len(rows)} rows, want {len(want)}")
    numeric = [want[0].index("数值"), want[0].index("上限")]
    for i, (got, exp) in enumerate(zip(rows, want)):
        got = list(got) + [""] * (len(exp) - len(got))
        for c, (g, e) in enumerate(zip(got, exp)):
            if i > 0 and c in numeric:
                if not same_number(e, g):
                    fail(f"{reader}: row {i + 1} {want[0][c]} {g!r}, want {e!r}")
                continue
            g = "" if g is None else str(g)
            if g != e:
                fail(f"{reader}: row {i + 1} column {exp and want[0][c]}: {g!r}, want {e!r}")
    print(f"ok: {reader} reads {len(rows) - 1} figures exactly")


def main():
    book, tsv = sys.argv[1], sys.argv[2]
    with open(tsv, encoding="utf-8", newline="") as fh:
        want = [line.rstrip("\n").split("\t") for line in fh]

    # openpyxl: values, types and structure.
    wb = openpyxl.load_workbook(book)
    ws = wb[SHEET]
    rows = [[("" if v is None else v) for v in r] for r in ws.iter_rows(values_only=True)]
    compare("openpyxl", rows, want)
    for col in (want[0].index("数值"), want[0].index("上限")):
        for r in range(2, ws.max_row + 1):
            v = ws.cell(r, col + 1).value
            if v is not None and not isinstance(v, (int, float)):
                fail(f"openpyxl: {want[0][col]} in row {r} is {type(v).__name__}, not a number")
    ro = openpyxl.load_workbook(book, read_only=True)
    if sum(1 for _ in ro[SHEET].iter_rows()) != len(want):
        fail("openpyxl read-only sees a different number of rows (sheet dimension)")
    for name in wb.sheetnames:
        s = wb[name]
        ps = s.page_setup
        if ps.paperSize not in (9, "9") or ps.orientation != "landscape" or not s.sheet_properties.pageSetUpPr.fitToPage:
            fail(f"{name}: page setup {ps.paperSize} {ps.orientation}")
        if "&P" not in (s.oddFooter.center.text or ""):
            fail(f"{name}: no page number in footer")
        for row in s.iter_rows():
            for c in row:
                if c.data_type == "f":
                    fail(f"{name}!{c.coordinate} holds a formula")
    if not ws.tables or ws.freeze_panes != "A2":
        fail(f"{SHEET}: tables {list(ws.tables)} freeze {ws.freeze_panes}")
    charts = sum(len(wb[n]._charts) for n in wb.sheetnames)
    if charts < 1:
        fail(f"{charts} charts")
    props = wb.properties
    if not props.title or not (props.creator or "").startswith("WorkReport"):
        fail(f"document properties {props.title!r} {props.creator!r}")
    print(f"ok: openpyxl sees {len(wb.sheetnames)} sheets, {charts} charts, tables, print setup and properties")

    # LibreOffice: every sheet to CSV, then 全部数据 compared; and a PDF.
    out = tempfile.mkdtemp(prefix="xlsx-check-")
    profile = "file://" + os.path.join(out, "profile")
    base = os.path.splitext(os.path.basename(book))[0]
    subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--norestore",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", out, book], check=True, capture_output=True, timeout=180)
    csvs = glob.glob(os.path.join(out, "*.csv"))
    if len(csvs) != len(wb.sheetnames):
        fail(f"LibreOffice wrote {len(csvs)} CSV files for {len(wb.sheetnames)} sheets")
    path = os.path.join(out, f"{base}-{SHEET}.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    compare("LibreOffice", rows, want)
    subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", out, book], check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", os.path.join(out, base + ".pdf")], check=True, capture_output=True, text=True).stdout
    if "841.89 x 595.3" not in info:
        fail("PDF is not A4 landscape:\n" + info)
    pages = [l for l in info.splitlines() if l.startswith("Pages:")]
    print(f"ok: LibreOffice prints A4 landscape, {pages[0].split()[-1]} pages")


if __name__ == "__main__":
    main()
