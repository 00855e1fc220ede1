"""Write the five sample plans as PDFs laid out the way a word processor prints them.

    pip install fpdf2==2.8.9 && python bench/probes/pdf/make_pdfs.py

A4, justified paragraphs wrapped at the page's width, the header in two columns (the
committee and number on the left, the party's motto, place and date on the right, sharing
lines) and the title centred, a page number at the foot of every page, DejaVu Serif embedded.
Extracting such a PDF's text gives lines broken where the page ends (a line may open with
"90-CTr/TU" or "2.350"), two or three spaces between the words of a justified line, both
columns of the header on one line ("HUYỆN ỦY DI LINH Di Linh, ngày 24 …") and page numbers
between the lines: what a real plan exported to PDF gives, which the .txt plans do not. The
PDFs are committed, so the benchmark needs no fpdf2; run this only to write them again.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from knowledge.textnorm import fold, join_broken_lines  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
OUT = Path(__file__).resolve().parent / "docs"


class _Page(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("serif", size=10)
        self.cell(0, 10, str(self.page_no()), align="C")


def render(source: Path, target: Path) -> None:
    pdf = _Page(format="A4")
    pdf.add_font("serif", fname=str(FONT))
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_creation_date(datetime(2026, 12, 7, tzinfo=UTC))  # the same bytes on every run
    pdf.add_page()
    pdf.set_font("serif", size=13)
    lines = [" ".join(line.split()) for line in source.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    # The header, up to the preamble: the committee (and the number) on the left, the party's
    # motto and the place and date on the right, on shared lines; then the title, centred.
    start = next(
        (i for i, line in enumerate(lines) if fold(line).startswith(("thuc hien", "can cu"))), 0
    )
    head = lines[:start]
    motto = next((i for i, line in enumerate(head) if "CỘNG SẢN VIỆT NAM" in line.upper()), 0)
    if motto:
        dated = [line for line in head[: motto + 3] if "ngày" in line]
        numbers = [line for line in head[motto + 1 : motto + 3] if line.startswith("Số")]
        left = [line for line in head[:motto] if line not in dated] + numbers
        right = [head[motto], *dated]
        top = pdf.get_y()
        for row in range(max(len(left), len(right))):
            for x, width, column in ((25, 75, left), (100, 90, right)):
                pdf.set_xy(x, top + 7 * row)
                pdf.cell(width, 7, column[row] if row < len(column) else "", align="C")
        pdf.set_xy(25, top + 7 * max(len(left), len(right)) + 4)
        head = [line for line in head[motto + 1 :] if line not in dated + numbers]
    for line in head:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT", align="C")
    body = lines[start:]
    tail_at = next((i for i, line in enumerate(body) if fold(line).startswith("noi nhan")), None)
    tail = body[tail_at:] if tail_at is not None else []
    for paragraph in join_broken_lines(body[: len(body) - len(tail)]):
        pdf.multi_cell(0, 7, paragraph, new_x="LMARGIN", new_y="NEXT", align="J")
    if tail:
        _tail(pdf, tail)
    pdf.output(str(target))


def _tail(pdf: FPDF, tail: list[str]) -> None:
    """The recipients on the left and the signature block on the right, on shared lines, as
    plans print them; the digital signature's lines after them."""
    recipients = [tail[0]]
    rest = tail[1:]
    while rest and rest[0].startswith(("-", "+")):
        recipients.append(rest.pop(0))
    role_words = ("T/M", "KT.", "TM.", "BÍ THƯ", "TRƯỞNG", "CHỦ TỊCH")
    roles = [line for line in rest[:4] if any(word in line for word in role_words)]
    names = [
        line
        for line in rest[len(roles) : len(roles) + 2]
        if not line.isupper() and not any(c.isdigit() for c in line) and "@" not in line
    ][:1]
    digital = [line for line in rest if line not in roles + names]
    right = [*roles, *[""] * max(0, len(recipients) - len(roles) - 2), *names]
    top = pdf.get_y() + 4
    for row in range(max(len(recipients), len(right))):
        if top + 7 * row > pdf.h - 30:
            pdf.add_page()
            top = pdf.get_y() - 7 * row
        for x, width, column in ((25, 85, recipients), (110, 80, right)):
            pdf.set_xy(x, top + 7 * row)
            pdf.cell(
                width, 7, column[row] if row < len(column) else "", align="L" if x == 25 else "C"
            )
    pdf.set_xy(25, top + 7 * max(len(recipients), len(right)) + 4)
    for line in digital:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for source in sorted((ROOT / "knowledge" / "corpus").glob("*.txt")):
        render(source, OUT / f"{source.stem}.pdf")
        print(f"wrote {OUT / source.stem}.pdf")


if __name__ == "__main__":
    main()
