"""Build the two non-.txt documents of the party2 probe set.

  sources/d2_tthue_kl445.txt   -> docs/d2_tthue_kl445.docx  (python-docx)
  sources/d6_gialai_kh1798.txt -> docs/d6_gialai_kh1798.pdf  (fpdf2, DejaVuSans)

Wording is kept exactly as stored; only layout changes:
  * .docx: the party header (issuing body / "*" / number  |  "ĐẢNG CỘNG SẢN VIỆT NAM" /
    place, date) goes into a 2-column borderless table, as real party documents do;
    hard-wrapped body lines of the page copy are joined into paragraphs with a space.
    The stored page copy ends before the signature block, so there is none to put in
    a table (nothing is invented).
  * .pdf: A4, lines wrapped by fpdf2, blank lines kept.

Run with /work/main/.venv/bin/python (python-docx). fpdf2 is not in that venv; it is
imported from /tmp/p2venv (same Python 3.11) when missing.
"""

import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
DOCS = os.path.join(HERE, "docs")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

try:
    import fpdf  # noqa: F401
except ImportError:
    for p in glob.glob("/tmp/p2venv/lib/python3*/site-packages"):
        sys.path.append(p)
from docx import Document  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from fpdf import FPDF  # noqa: E402


def read_lines(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        return f.read().split("\n")


def no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def cell_lines(cell, lines, bold_first=True, italic_last=False):
    first = True
    for i, text in enumerate(lines):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(text)
        r.bold = bold_first and i == 0
        r.italic = italic_last and i == len(lines) - 1
        r.font.size = Pt(13)


def para(doc, text, bold=False, center=False, size=14):
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)
    r = p.add_run(text)
    r.bold = bold
    r.font.size = Pt(size)
    return p


def make_docx():
    L = read_lines("d2_tthue_kl445.txt")
    # L[0] TỈNH ỦY THỪA THIÊN HUẾ, L[1] ĐẢNG CỘNG SẢN VIỆT NAM, L[2] *, L[3] Số..., L[4] place/date
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(14)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)

    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(t)
    cell_lines(t.cell(0, 0), [L[0], L[2], L[3]])
    cell_lines(t.cell(0, 1), [L[1], L[4]], italic_last=True)

    doc.add_paragraph()
    para(doc, L[5], bold=True, center=True, size=15)  # K ÉT LUẬN
    para(doc, L[6], bold=True, center=True)  # HỘI NGHỊ LÂN THỨ BẢY
    para(doc, L[7], bold=True, center=True)  # BAN CHẤP HÀNH ...
    para(doc, L[8] + " " + L[9], bold=True, center=True)  # về xây dựng ... 2030

    body = L[10:]
    # paragraph breaks of the stored copy: after "...và kết luận:", the heading "I. ...",
    # after "...an ninh." and then to the end
    groups, cur = [], []
    for line in body:
        if not line.strip():
            continue
        if line.startswith("I. ") or line.startswith("Tuy vậy,"):
            if cur:
                groups.append(cur)
            cur = [line]
            if line.startswith("I. "):
                groups.append(cur)
                cur = []
            continue
        cur.append(line)
        if line.endswith("kết luận:"):
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    for g in groups:
        text = " ".join(g)
        para(doc, text, bold=text.startswith("I. "))

    out = os.path.join(DOCS, "d2_tthue_kl445.docx")
    doc.save(out)
    return out


def make_pdf():
    lines = read_lines("d6_gialai_kh1798.txt")
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_B)
    pdf.add_page()
    for line in lines:
        bold = line.strip() in (
            "KẾ HOẠCH",
            "ỦY BAN NHÂN DÂN",
            "TỈNH GIA LAI",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ) or line.startswith("RÀ SOÁT HỘ NGHÈO")
        pdf.set_font("DejaVu", "B" if bold else "", 11)
        if not line.strip():
            pdf.ln(4)
            continue
        pdf.multi_cell(0, 6, line, align="L", new_x="LMARGIN", new_y="NEXT")
    out = os.path.join(DOCS, "d6_gialai_kh1798.pdf")
    pdf.output(out)
    return out


if __name__ == "__main__":
    print(make_docx())
    print(make_pdf())
