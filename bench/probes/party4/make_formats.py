"""Build the two converted documents of the party4 probe set.

sources/d1_btctw_hd20.txt  -> docs/d1_btctw_hd20.docx  (python-docx)
sources/d4_laocai_kh34.txt -> docs/d4_laocai_kh34.pdf   (fpdf2, A4, DejaVuSans)

Only the layout changes; the wording is the stored text.
Run: /work/main/.venv/bin/python bench/probes/party4/make_formats.py
"""

import pathlib

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from fpdf import FPDF

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "sources"
DOCS = HERE / "docs"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def make_docx():
    text = (SRC / "d1_btctw_hd20.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    # The stored copy opens with the header block (9 lines incl. blanks):
    # BAN TỔ CHỨC TRUNG ƯƠNG / -------- / '' / ĐẢNG CỘNG SẢN VIỆT NAM /
    # ---------------- / '' / Số: 20-HD/BTCTW / '' / Hà Nội, ngày ...
    head, body = lines[:9], lines[9:]
    assert head[0] == "BAN TỔ CHỨC TRUNG ƯƠNG" and head[8].startswith("Hà Nội, ngày"), head
    left = [head[0], head[1], head[6]]
    right = [head[3], head[4], head[8]]

    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    for cell, cell_lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = cell_lines[0]
        for ln in cell_lines[1:]:
            cell.add_paragraph(ln)
    for ln in body:
        if ln.strip():
            doc.add_paragraph(ln)
    out = DOCS / "d1_btctw_hd20.docx"
    doc.save(out)
    return out


def make_pdf():
    text = (SRC / "d4_laocai_kh34.txt").read_text(encoding="utf-8")
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=11)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for ln in text.split("\n"):
        pdf.multi_cell(width, 6, ln if ln else " ", new_x="LMARGIN", new_y="NEXT")
    out = DOCS / "d4_laocai_kh34.pdf"
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    for path in (make_docx(), make_pdf()):
        print("wrote", path.relative_to(HERE))
