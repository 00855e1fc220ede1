"""The one CSV/XLSX reader and writer, with cells Excel never runs as formulas.

A member named `=HYPERLINK("http://…","bấm")` must reach the district office as text. Following
the OWASP advice, a text starting with = + - @ tab or carriage return gets a leading single
quote, in CSV and XLSX alike, and XLSX cells holding text are also typed as strings. Numbers
stay numbers (a negative count is not text). Every CSV/XLSX file goes through here.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
KINDS = ("csv", "xlsx")
# Excel saves CSV with ";" where the decimal mark is a comma (as in Vietnam), "\t" as "text".
CSV_DELIMITERS = ",;\t"
SNIFF_CHARS = 4096


class TableError(Exception):
    """A file that cannot be read as a table; the subclass says why, the caller says it."""


class TableTooLarge(TableError):
    """The file is over the caller's size limit."""


class TableNotUtf8(TableError):
    """A CSV file in another encoding than UTF-8."""


class TableUnreadable(TableError):
    """A damaged XLSX file (or not an XLSX at all); the message is the parser's."""


class TableKindUnknown(TableError):
    """Neither CSV nor XLSX."""


@dataclass(frozen=True)
class Table:
    """A sheet as text: its header row and every non-blank row below it, keyed by header."""

    header: list[str]
    rows: list[dict[str, str]]


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


def table_kind(name: str) -> str:
    """'csv' for `ds.CSV`: the kind a file name says."""
    return Path(name).suffix.lower().lstrip(".")


def read_table(source: Path | bytes, kind: str, max_bytes: int | None = None) -> Table:
    """The first sheet of a CSV or XLSX file (a path or its bytes), cells stripped and un-quoted."""
    if kind not in KINDS:
        raise TableKindUnknown(kind)
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise TableTooLarge(size)
    data = source if isinstance(source, bytes) else source.read_bytes()
    cells = _csv_cells(data) if kind == "csv" else _xlsx_cells(data)
    lines = [[original(cell.strip()) for cell in line] for line in cells]
    lines = [line for line in lines if any(line)]
    if not lines:
        return Table(header=[], rows=[])
    header = lines[0]
    rows = []
    for line in lines[1:]:
        row: dict[str, str] = {}
        for index, title in enumerate(header):
            if title and title not in row:  # a repeated title: its first column counts
                row[title] = line[index] if index < len(line) else ""
        rows.append(row)
    return Table(header=header, rows=rows)


def _csv_cells(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableNotUtf8(str(error)) from error
    delimiter = ","
    with contextlib.suppress(csv.Error):  # unsniffable: plain comma-separated
        # Only the delimiter: a sniffed quote character would take our "'=" cells for quotes.
        delimiter = csv.Sniffer().sniff(text[:SNIFF_CHARS], CSV_DELIMITERS).delimiter
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_cells(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            return [
                ["" if v is None else str(v) for v in row]
                for row in sheet.iter_rows(values_only=True)
            ]
        finally:
            book.close()
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise TableUnreadable(str(error)) from error


def write_table(
    header: Sequence[str], rows: Iterable[Sequence[Any]], kind: str, title: str | None = None
) -> bytes:
    """A one-sheet CSV (UTF-8 with BOM, so Excel shows Vietnamese) or XLSX file, as bytes."""
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(csv_row(header))
        writer.writerows(csv_row(row) for row in rows)
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    if kind == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        if title:
            sheet.title = title
        append_row(sheet, header)
        for row in rows:
            append_row(sheet, row)
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()
    raise TableKindUnknown(kind)
