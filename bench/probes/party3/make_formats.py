"""Build the one .docx document of the party3 probe set.

Run with /work/main/.venv/bin/python (needs python-docx):

    /work/main/.venv/bin/python make_formats.py

Reads  sources/e2_bacgiang_qd27.txt  (the page text as stored)
Writes docs/e2_bacgiang_qd27.docx

Layout: lines before the header block (site furniture) become paragraphs;
the header block (issuing body + number on the left, national motto + place
and date on the right) goes into a 2-column borderless table; every other
non-blank line becomes its own paragraph. No wording is changed.
"""
import pathlib
import re

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = pathlib.Path(__file__).resolve().parent
JOBS = [("sources/e2_bacgiang_qd27.txt", "docs/e2_bacgiang_qd27.docx")]

RIGHT_START = re.compile(r"^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)")
DATE_LINE = re.compile(r"^.{1,40}, ngày .+ tháng .+ năm \d{4}")
NUMBER_LINE = re.compile(r"^Số\s*:")
BODY_START = re.compile(r"^[A-ZĐÀ-Ỹ ,\-]+$")  # first all-caps line of the issuing body


def no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def split_header(lines):
    """Return (before, left, right, after) lists of non-blank lines."""
    nonblank = [ln for ln in lines if ln.strip()]
    r_idx = next((i for i, ln in enumerate(nonblank) if RIGHT_START.match(ln.strip())), None)
    if r_idx is None:
        return nonblank, [], [], []
    d_idx = next((i for i in range(r_idx, len(nonblank)) if DATE_LINE.match(nonblank[i].strip())), None)
    if d_idx is None:
        return nonblank, [], [], []
    # issuing body starts at the first all-caps line before the motto
    b_idx = r_idx
    while b_idx - 1 >= 0 and (BODY_START.match(nonblank[b_idx - 1].strip()) or set(nonblank[b_idx - 1].strip()) <= set("-*")):
        b_idx -= 1
    before = nonblank[:b_idx]
    left = nonblank[b_idx:r_idx]
    right = []
    for ln in nonblank[r_idx:d_idx + 1]:
        (left if NUMBER_LINE.match(ln.strip()) else right).append(ln)
    after = nonblank[d_idx + 1:]
    return before, left, right, after


def build(src, dst):
    text = (HERE / src).read_text(encoding="utf-8")
    before, left, right, after = split_header(text.split("\n"))
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    for ln in before:
        doc.add_paragraph(ln.strip())
    if left or right:
        table = doc.add_table(rows=1, cols=2)
        no_borders(table)
        for cell, block in zip(table.rows[0].cells, (left, right)):
            cell.paragraphs[0].text = block[0].strip() if block else ""
            for ln in block[1:]:
                cell.add_paragraph(ln.strip())
    for ln in after:
        doc.add_paragraph(ln.strip())
    out = HERE / dst
    doc.save(out)
    print(f"{src} -> {dst}: {len(before)} lead, {len(left)}+{len(right)} header, {len(after)} body paragraphs")


if __name__ == "__main__":
    for s, d in JOBS:
        build(s, d)
