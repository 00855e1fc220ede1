"""Spreadsheet cells from user data that Excel never runs as formulas (CSV/formula injection).

A member named `=HYPERLINK("http://…","bấm")` must reach the district office as text. Following
the OWASP advice, a text starting with = + - @ tab or carriage return gets a leading single
quote, in CSV and XLSX alike, and XLSX cells holding text are also typed as strings. Numbers
stay numbers (a negative count is not text). Every CSV/XLSX writer goes through here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: Any) -> Any:
    """The value as it may be written to a spreadsheet: risky text quoted, the rest unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def original(value: str) -> str:
    """Undo `neutral` on a text read back from our own export (quiz bank round trips)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    """A row for `csv.writer`: None as an empty cell, risky text quoted."""
    return ["" if v is None else neutral(v) for v in values]


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl worksheet with every text cell typed as a string."""
    from openpyxl.cell.cell import Cell

    cells: list[Any] = []
    for value in values:
        value = neutral(value)
        if isinstance(value, str):
            cell = Cell(sheet, value=value)
            cell.data_type = "s"  # never "f", whatever openpyxl guessed from the text
            cells.append(cell)
        else:
            cells.append(value)
    sheet.append(cells)
