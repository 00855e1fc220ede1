"""Import a member list from CSV or XLSX: every row checked, all-or-nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bot.records import Database
from bot.services.access import UnitTree
from bot.services.errors import DomainError
from bot.services.organisation import upsert_member
from bot.texts import records as texts

MAX_IMPORT_BYTES = 5 * 1024 * 1024

# Header spellings people actually use, folded (no diacritics, lower case, no spaces).
COLUMNS = {
    "name": {"hoten", "hovaten", "ten", "name", "fullname"},
    "unit": {"chibo", "donvi", "unit", "cell"},
    "role": {"vaitro", "chucvu", "role"},
    "telegram": {"telegram", "telegramid"},
    "zalo": {"zalo", "zaloid"},
}
ROLE_WORDS = {
    "": "member",
    "member": "member",
    "dangvien": "member",
    "secretary": "secretary",
    "bithu": "secretary",
    "admin": "admin",
    "quantri": "admin",
}


@dataclass(frozen=True)
class RowError:
    """A problem with one row (1-based, header is row 1)."""

    row: int
    message: str


@dataclass
class ImportReport:
    """What the import did: members written, or the errors that stopped it."""

    imported: int = 0
    errors: list[RowError] = field(default_factory=list)


def fold(text: str) -> str:
    """Lower case, no diacritics, no spaces/punctuation: for matching headers and roles."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def read_rows(data: bytes, filename: str) -> list[list[str]]:
    """The table's rows as text cells; raises DomainError for unreadable files."""
    suffix = Path(filename).suffix.lower()
    if len(data) > MAX_IMPORT_BYTES:
        raise DomainError(texts.IMPORT_TOO_LARGE)
    if suffix == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DomainError(texts.IMPORT_NOT_UTF8) from error
        dialect = csv.excel
        with contextlib.suppress(csv.Error):  # unsniffable: plain comma-separated
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")  # type: ignore[assignment]
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises many types for a damaged file
            raise DomainError(texts.IMPORT_BAD_XLSX) from error
        return [
            ["" if v is None else str(v).strip() for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    raise DomainError(texts.IMPORT_BAD_TYPE)


def header_map(header: list[str]) -> dict[str, int]:
    """Column index of each known field, from the header row."""
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        for key, spellings in COLUMNS.items():
            if fold(title) in spellings and key not in found:
                found[key] = index
    return found


def import_members(database: Database, data: bytes, filename: str) -> ImportReport:
    """Check every row; write all of them in one transaction only if none has an error."""
    rows = [row for row in read_rows(data, filename) if any(row)]
    if not rows:
        raise DomainError(texts.IMPORT_EMPTY)
    columns = header_map(rows[0])
    if "name" not in columns or "unit" not in columns:
        raise DomainError(texts.IMPORT_NO_HEADER)
    report = ImportReport()

    def cell(row: list[str], key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    class _Abort(Exception):
        """Rolls the transaction back after collecting every row's errors."""

    try:
        with database.session() as session:
            tree = UnitTree.load(session)
            for number, row in enumerate(rows[1:], start=2):
                role_word = fold(cell(row, "role"))
                ids = {ch: cell(row, ch) for ch in ("telegram", "zalo") if cell(row, ch)}
                try:
                    if role_word not in ROLE_WORDS:
                        raise DomainError(texts.bad_role(cell(row, "role")))
                    if "telegram" in ids and not ids["telegram"].lstrip("-").isdigit():
                        raise DomainError(texts.BAD_TELEGRAM_ID)
                    with session.begin_nested():
                        upsert_member(
                            session,
                            tree,
                            cell(row, "name"),
                            cell(row, "unit"),
                            ROLE_WORDS[role_word],
                            ids,
                        )
                    report.imported += 1
                except DomainError as error:
                    report.errors.append(RowError(number, str(error)))
            if report.errors:
                raise _Abort
    except _Abort:
        report.imported = 0
    return report
