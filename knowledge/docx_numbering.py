"""The labels Word's automatic numbering shows ("I.", "1.", "1.1.", "a)", "-"), which a .docx
does not store in its paragraphs' text.

A plan typed with Word's numbering keeps "MỤC ĐÍCH, YÊU CẦU" in the paragraph and "I." in
numbering.xml; read without it, the outline is gone and every item runs into the one before.
This reads the numbering definitions (`w:abstractNum` levels: start, format, label text; `w:num`
with its start overrides) and the paragraph styles that carry numbering, and counts the
paragraphs in reading order as Word does: a level advances, the levels below it start again.
A bullet of any symbol reads "-" ("+" stays "+"), as typed plans write them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
# A label is a few characters ("1.2.3.", "a)"). A longer label text is no outline, and would
# let a small numbering part repeat itself before every paragraph of a hostile file.
MAX_LABEL = 24
_STYLE_DEPTH = 10  # "basedOn" chains followed this far, no further (a loop ends here too)
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False  # "isLgl": every placeholder in decimal ("1.1" under "I")
    restart: int | None = None  # "lvlRestart": restart after this level (0: never)


@dataclass
class _List:
    levels: dict[int, _Level]
    counters: list[int | None] = field(default_factory=lambda: [None] * _LEVELS)


def _val(element: Any, tag: str) -> str | None:
    child = element.find(f"{_W}{tag}") if element is not None else None
    return None if child is None else child.get(f"{_W}val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(element: Any) -> _Level:
    restart = _val(element, "lvlRestart")
    legal = element.find(f"{_W}isLgl")
    return _Level(
        start=_int(_val(element, "start"), 1),
        fmt=_val(element, "numFmt") or "decimal",
        text=_val(element, "lvlText") or "",
        legal=legal is not None and legal.get(f"{_W}val", "1") not in ("0", "false"),
        restart=None if restart is None else _int(restart, 1),
    )


def _levels(element: Any) -> dict[int, _Level]:
    return {
        _int(lvl.get(f"{_W}ilvl"), 0): _level(lvl)
        for lvl in element.findall(f"{_W}lvl")
        if 0 <= _int(lvl.get(f"{_W}ilvl"), 0) < _LEVELS
    }


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letters(number: int) -> str:
    """a … z, then aa … zz, as Word counts."""
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _formatted(number: int, fmt: str) -> str:
    if number <= 0:
        return str(number)
    if fmt in ("upperRoman", "lowerRoman") and number < 4000:
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and number <= 26 * MAX_LABEL:
        letters = _letters(number)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


def _bullet(text: str) -> str:
    return "+" if text.strip() == "+" else "-"


class Numbering:
    """Counts the numbered paragraphs of one document; `label` is called in reading order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        abstract = {}
        if numbering is not None:
            for element in numbering.findall(f"{_W}abstractNum"):
                abstract[element.get(f"{_W}abstractNumId")] = _levels(element)
        self._lists: dict[str | None, _List] = {
            key: _List(levels) for key, levels in abstract.items()
        }
        # numId → (abstractNumId, levels it restarts at a given start, levels it redefines)
        self._nums: dict[str, tuple[str | None, dict[int, int], dict[int, _Level]]] = {}
        if numbering is not None:
            for element in numbering.findall(f"{_W}num"):
                starts: dict[int, int] = {}
                redefined: dict[int, _Level] = {}
                for override in element.findall(f"{_W}lvlOverride"):
                    ilvl = _int(override.get(f"{_W}ilvl"), 0)
                    start = _val(override, "startOverride")
                    if start is not None:
                        starts[ilvl] = _int(start, 1)
                    lvl = override.find(f"{_W}lvl")
                    if lvl is not None:
                        redefined[ilvl] = _level(lvl)
                num_id = element.get(f"{_W}numId")
                if num_id is not None:
                    self._nums[num_id] = (_val(element, "abstractNumId"), starts, redefined)
        self._styles = _style_numbering(styles)
        self._begun: set[str] = set()

    def label(self, paragraph: Any) -> str:
        """The label Word shows before this paragraph ("II.", "1.2.", "-"), or ""."""
        num_id, ilvl = self._numbered(paragraph)
        if num_id is None or num_id not in self._nums:
            return ""
        abstract_id, starts, redefined = self._nums[num_id]
        counted = self._lists.get(abstract_id)
        if counted is None:
            return ""
        levels = {**counted.levels, **redefined}
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = counted.counters
        if num_id not in self._begun:  # a list started again by this num's overrides
            self._begun.add(num_id)
            for overridden in starts:
                if 0 <= overridden < _LEVELS:
                    counters[overridden] = None
        current = counters[ilvl]
        counters[ilvl] = starts.get(ilvl, level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart != 0 and (restart is None or restart - 1 >= ilvl):
                counters[deeper] = None
        if level.fmt == "bullet":
            return _bullet(level.text)
        if level.fmt == "none" or len(level.text) > MAX_LABEL:
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            shown = levels.get(at, _Level())
            value = counters[at]
            value = shown.start if value is None else value
            return _formatted(value, "decimal" if level.legal else shown.fmt)

        return _PLACEHOLDER.sub(number, level.text).strip()[: MAX_LABEL * 2]

    def _numbered(self, paragraph: Any) -> tuple[str | None, int]:
        properties = paragraph.find(f"{_W}pPr")
        own = properties.find(f"{_W}numPr") if properties is not None else None
        style = _val(properties, "pStyle")
        from_style = self._styles.get(style or "", (None, 0))
        if own is None:
            num_id, ilvl = from_style
        else:
            num_id = _val(own, "numId") or from_style[0]
            ilvl = _int(_val(own, "ilvl"), from_style[1])
        if num_id in (None, "0") or not 0 <= ilvl < _LEVELS:
            return None, 0
        return num_id, ilvl


def _style_numbering(styles: Any | None) -> dict[str, tuple[str | None, int]]:
    """Paragraph style id → the numbering it gives ("Heading1" numbered "I."), through
    "basedOn"."""
    if styles is None:
        return {}
    own: dict[str, tuple[str | None, int]] = {}
    based: dict[str, str] = {}
    for style in styles.findall(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        if style_id is None:
            continue
        parent = _val(style, "basedOn")
        if parent:
            based[style_id] = parent
        numbered = style.find(f"{_W}pPr/{_W}numPr")
        if numbered is not None:
            own[style_id] = (_val(numbered, "numId"), _int(_val(numbered, "ilvl"), 0))
    resolved: dict[str, tuple[str | None, int]] = {}
    for style_id in {*own, *based}:
        current: str | None = style_id
        for _ in range(_STYLE_DEPTH):
            if current is None:
                break
            if current in own:
                resolved[style_id] = own[current]
                break
            current = based.get(current)
    return resolved
