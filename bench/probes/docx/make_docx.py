"""Write the five sample plans as .docx files typed the way a typist types them in Word: with
Word's automatic numbering instead of typed outline markers.

    .venv/bin/python bench/probes/docx/make_docx.py

The header in a borderless two-column table (committee and number left; motto, place and date
right), the title centred, then every line of the plan as a paragraph. A line opening with an
outline marker loses it and gets a w:numPr: "I." upperRoman level 0, "1." decimal level 1,
"1.1." ("%2.%3.") level 2, "a)" lowerLetter level 3; "-", "+", "•" (Symbol's U+F0B7, as Word
writes it) a bullet list's levels 0-2. Its paragraphs' text then lacks the "1." or "II-", as a
plan saved from Word does and the .txt plans do not. Word keeps one running count per
abstractNum for all the w:num that use it, and a w:num's startOverride restarts a level the
first time that num is used at it; where a typed number is not the count's next value (a number
skipped, "1." typed twice) that paragraph alone gets a new w:num starting at the typed number, as
Word's "Set Numbering Value" does. Labels are compared normalised ("II-" shows as "II.", "1-" and
"1)" as "1.", "1.1" as "1.1."): `shown` recomputes each from the numbering.xml written, and the run
fails unless it equals the typed one. The recipients ("Nơi nhận:" on) and "T/M" lines keep their
typed dashes, as real plans do; lines no level reproduces ("(1)", "* Thành phần", an OCR'd "|."
or "I11.") stay typed text, and the run lists them.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, nsmap
from docx.shared import Pt
from lxml import etree

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from knowledge.textnorm import fold  # noqa: E402

OUT = Path(__file__).resolve().parent / "docs"
NS = {"w": nsmap["w"]}
OUTLINE, BULLETS = 1, 2  # the document's two w:num; the startOverride ones follow from 3
LEVELS = (("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."), ("lowerLetter", "%4)"))
PUA_BULLET = "\uf0b7"  # Word's "•" bullet: Symbol's private-use glyph
GLYPHS = {"-": "-", "+": "+", "•": PUA_BULLET}  # typed bullet -> lvlText, one level each

ROMAN = re.compile(r"^([IVX]{1,5})\s*[.\-–]\s*")
SUB = re.compile(r"^(\d{1,2})\.(\d{1,2})(?!\d)\.?(?![\d.])\s*")
DECIMAL = re.compile(r"^(\d{1,2})\s*[.\-–)](?!\d)(?!\s*[^\W\d_]+\s*/)\s*")  # not "1-KH/TU"
LETTER = re.compile(r"^([a-z])\)\s*")
BULLET = re.compile(r"^([-+•])\s+")
# Lines that look numbered but that no level above reproduces: reported, left as typed.
LOOSE = re.compile(r"^(\(\d{1,2}\)|[*•]\s|[|Il1][|Il1]{0,3}\s*[.\-]\s|[a-zđ]\)|\d{1,2}(\.\d+)+)")


class Made(NamedTuple):
    overrides: list[tuple[int, int]]  # (level, start) of each startOverride num, numId 3 on
    unmapped: list[str]  # body lines that look numbered, left as typed
    typed: list[str]  # each body paragraph's typed label, normalised; "" when none


def roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        out, n = out + digits * (n // value), n % value
    return out


def marker(line: str) -> tuple[int, int, int, str, str] | None:
    """(level, value, parent, text without the marker, label Word shows) for an outline line;
    parent is the level-1 number a "1.2." names (0 otherwise)."""
    if (m := ROMAN.match(line)) and (v := next((n for n in range(1, 40) if roman(n) == m[1]), 0)):
        return 0, v, 0, line[m.end() :], f"{m[1]}."
    if m := SUB.match(line):
        return 2, int(m[2]), int(m[1]), line[m.end() :], f"{int(m[1])}.{int(m[2])}."
    if m := DECIMAL.match(line):
        return 1, int(m[1]), 0, line[m.end() :], f"{int(m[1])}."
    if m := LETTER.match(line):
        return 3, ord(m[1]) - 96, 0, line[m.end() :], f"{m[1]})"
    return None


def numbering_xml(overrides: list[tuple[int, int]]) -> list[str]:
    """The outline's and the bullets' w:abstractNum, then the w:num (the schema's order)."""

    def lvl(i: int, fmt: str, text: str) -> str:
        font = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
        return (
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind '
            f'w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr>'
            f"{font if text == PUA_BULLET else ''}</w:lvl>"
        )

    levels = (
        "".join(lvl(i, fmt, text) for i, (fmt, text) in enumerate(LEVELS)),
        "".join(lvl(i, "bullet", text) for i, text in enumerate(GLYPHS.values())),
    )
    xml = [
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{a}"><w:nsid w:val="5A1B000{a + 1}"/>'
        f'<w:multiLevelType w:val="{kind}"/>{levels[a]}</w:abstractNum>'
        for a, kind in enumerate(("multilevel", "hybridMultilevel"))
    ]
    nums = [(OUTLINE, 0, ""), (BULLETS, 1, "")] + [
        (num_id, 0, f'<w:lvlOverride w:ilvl="{lv}"><w:startOverride w:val="{v}"/></w:lvlOverride>')
        for num_id, (lv, v) in enumerate(overrides, start=BULLETS + 1)
    ]
    return xml + [
        f'<w:num {nsdecls("w")} w:numId="{n}"><w:abstractNumId w:val="{a}"/>{extra}</w:num>'
        for n, a, extra in nums
    ]


def _numbered(document: DocumentObject, text: str, num_id: int, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _header(document: DocumentObject, head: list[str]) -> None:
    """The header as make_pdfs.py lays it out, its two columns in a borderless table."""
    motto = next((i for i, line in enumerate(head) if "CỘNG SẢN VIỆT NAM" in line.upper()), 0)
    if motto:
        dated = [line for line in head[: motto + 3] if "ngày" in line]
        numbers = [line for line in head[motto + 1 : motto + 3] if line.startswith("Số")]
        left = [line for line in head[:motto] if line not in dated] + numbers
        table = document.add_table(rows=1, cols=2)
        sides = ("top", "left", "bottom", "right", "insideH", "insideV")
        borders = "".join(f'<w:{side} w:val="nil"/>' for side in sides)
        table._tbl.tblPr.insert_element_before(
            parse_xml(f"<w:tblBorders {nsdecls('w')}>{borders}</w:tblBorders>"),
            *("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
        )
        for cell, column in zip(table.rows[0].cells, (left, [head[motto], *dated]), strict=True):
            cell.paragraphs[0].text = column[0]
            for line in column[1:]:
                cell.add_paragraph(line)
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head = [line for line in head[motto + 1 :] if line not in dated + numbers]
    for line in head:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER


def render(source: Path, target: Path) -> Made:
    """Write `target` and say what it numbered."""
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    lines = [" ".join(line.split()) for line in source.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    start = next(
        (i for i, line in enumerate(lines) if fold(line).startswith(("thuc hien", "can cu"))), 0
    )
    _header(document, lines[:start])
    typed = [""] * len(document.paragraphs)
    body = lines[start:]
    tail = next((i for i, line in enumerate(body) if fold(line).startswith("noi nhan")), len(body))
    counters, overrides, unmapped = [0, 0, 0, 0], list[tuple[int, int]](), list[str]()
    for i, line in enumerate(body):
        found = marker(line) if i < tail and "T/M" not in line else None
        bullet = BULLET.match(line) if i < tail else None
        if found and found[3] and (found[0] != 2 or found[2] == counters[1]):
            level, value, _, text, label = found
            num_id = OUTLINE
            if value != counters[level] + 1:  # Word would not count to it: restart the level
                overrides.append((level, value))
                num_id = BULLETS + len(overrides)
            counters[level:] = [value] + [0] * (3 - level)
            _numbered(document, text, num_id, level)
            typed.append(label)
        elif bullet:
            _numbered(document, line[bullet.end() :], BULLETS, list(GLYPHS).index(bullet[1]))
            typed.append(bullet[1])
        else:
            if i < tail and (found or LOOSE.match(line)):
                unmapped.append(line[:60])
            paragraph = document.add_paragraph(line)
            if i < tail:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            typed.append("")
    numbering = document.part.numbering_part.element  # python-docx's template has one
    for child in list(numbering):
        numbering.remove(child)
    for xml in numbering_xml(overrides):
        numbering.append(parse_xml(xml))
    properties = document.core_properties
    properties.created = properties.modified = properties.last_printed = datetime(2026, 12, 7)
    properties.revision = 1
    buffer = io.BytesIO()  # every zip member dated 2026-12-07: a second run, the same bytes
    document.save(buffer)
    with zipfile.ZipFile(buffer) as saved, zipfile.ZipFile(target, "w") as out:
        for item in saved.infolist():
            member = zipfile.ZipInfo(item.filename, date_time=(2026, 12, 7, 0, 0, 0))
            out.writestr(member, saved.read(item.filename), zipfile.ZIP_DEFLATED)
    return Made(overrides, unmapped, typed)


def xpath(element: etree._Element, path: str) -> Any:
    return etree.XPath(path, namespaces=NS)(element)


def shown(document: DocumentObject) -> list[str]:
    """The label Word draws before each body paragraph, from the file's numbering.xml: one
    running count per abstractNum, a w:num's startOverride applied on its first use at that
    level, lower levels restarted; "" for a paragraph without numbering, a bullet's glyph."""

    def val(element: etree._Element, path: str) -> str:
        return str(xpath(element, f"string({path})"))

    root = document.part.numbering_part.element
    formats = {  # (abstractNumId, ilvl) -> (numFmt, lvlText)
        (val(lv, "../@w:abstractNumId"), val(lv, "@w:ilvl")): (
            val(lv, "w:numFmt/@w:val"),
            val(lv, "w:lvlText/@w:val"),
        )
        for lv in xpath(root, "w:abstractNum/w:lvl")
    }
    nums = {val(n, "@w:numId"): val(n, "w:abstractNumId/@w:val") for n in xpath(root, "w:num")}
    starts = {
        (val(o, "../@w:numId"), val(o, "@w:ilvl")): int(val(o, "w:startOverride/@w:val"))
        for o in xpath(root, "w:num/w:lvlOverride")
    }
    style: dict[str, Callable[[int], str]] = {
        "upperRoman": roman,
        "decimal": str,
        "lowerLetter": lambda n: chr(96 + n),
    }
    counts: dict[str, list[int]] = {}
    used: set[tuple[str, str]] = set()
    labels = []
    for p in xpath(document.element.body, "w:p"):
        key = (val(p, "w:pPr/w:numPr/w:numId/@w:val"), val(p, "w:pPr/w:numPr/w:ilvl/@w:val"))
        if not key[0]:
            labels.append("")
            continue
        ilvl, abstract = int(key[1]), nums[key[0]]
        count = counts.setdefault(abstract, [0] * 9)
        if key in starts and key not in used:
            count[ilvl] = starts[key] - 1
        used.add(key)
        count[ilvl:] = [count[ilvl] + 1] + [0] * (8 - ilvl)
        fmt, text = formats[abstract, key[1]]
        for level in range(ilvl + 1 if fmt != "bullet" else 0):  # %2: level 1 in its format
            text = text.replace(
                f"%{level + 1}", style[formats[abstract, str(level)][0]](count[level])
            )
        labels.append({PUA_BULLET: "•"}.get(text, text))
    return labels


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for source in sorted((ROOT / "knowledge" / "corpus").glob("*.txt")):
        target = OUT / f"{source.stem}.docx"
        made = render(source, target)
        document = Document(str(target))  # check what was written, not what was meant
        labels = shown(document)
        assert labels == made.typed, set(zip(made.typed, labels, strict=True)) - {("", "")}
        for paragraph, label in zip(document.paragraphs, labels, strict=True):
            moved = label and (marker(paragraph.text) or BULLET.match(paragraph.text))
            assert not moved, f"{paragraph.text!r} still opens with a marker"
        numbering = document.part.numbering_part.element
        assert len(numbering.xpath("w:abstractNum")) == 2
        assert len(numbering.xpath("w:num")) == 2 + len(made.overrides)
        outline, bullets = sum(len(x) > 1 for x in labels), sum(len(x) == 1 for x in labels)
        print(f"wrote {target}: {outline} outline, {bullets} bullet paragraphs, ", end="")
        print(f"{len(made.overrides)} startOverride nums {made.overrides}")
        for line in made.unmapped:
            print(f"    left as typed: {line}")
        if source.stem.startswith("004"):  # one plan's opening, labels as Word draws them
            for paragraph, label in list(zip(document.paragraphs, labels, strict=True))[:40]:
                print(f"    {label:>6} | {paragraph.text[:70]}")


if __name__ == "__main__":
    main()
