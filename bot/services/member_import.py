"""Import a member list from CSV or XLSX: every row checked, all-or-nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.records import Database
from bot.services.access import UnitTree
from bot.services.errors import DomainError
from bot.services.organisation import upsert_member
from bot.services.spreadsheet import (
    Table,
    TableError,
    TableKindUnknown,
    TableNotUtf8,
    TableTooLarge,
    read_table,
    table_kind,
)
from bot.texts import records as texts
from knowledge.textnorm import fold

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


def header_key(text: str) -> str:
    """`fold` without spaces or punctuation: "Họ và tên" and "HO-VA-TEN" are the same column."""
    return "".join(c for c in fold(text) if c.isalnum())


def read_members_table(data: bytes, filename: str) -> Table:
    """The list as a table; raises DomainError (in words) for a file that cannot be read."""
    try:
        return read_table(data, table_kind(filename), MAX_IMPORT_BYTES)
    except TableError as error:
        raise DomainError(_in_words(error)) from error


def _in_words(error: TableError) -> str:
    if isinstance(error, TableKindUnknown):
        return texts.IMPORT_BAD_TYPE
    if isinstance(error, TableTooLarge):
        return texts.IMPORT_TOO_LARGE
    if isinstance(error, TableNotUtf8):
        return texts.IMPORT_NOT_UTF8
    return texts.IMPORT_BAD_XLSX  # TableUnreadable: a damaged workbook


def header_map(header: list[str]) -> dict[str, str]:
    """The header title holding each known field."""
    found: dict[str, str] = {}
    for title in header:
        for key, spellings in COLUMNS.items():
            if header_key(title) in spellings and key not in found:
                found[key] = title
    return found


def import_members(database: Database, data: bytes, filename: str) -> ImportReport:
    """Check every row; write all of them in one transaction only if none has an error."""
    table = read_members_table(data, filename)
    if not table.header:
        raise DomainError(texts.IMPORT_EMPTY)
    columns = header_map(table.header)
    if "name" not in columns or "unit" not in columns:
        raise DomainError(texts.IMPORT_NO_HEADER)
    report = ImportReport()

    def cell(row: dict[str, str], key: str) -> str:
        title = columns.get(key)
        return row[title] if title is not None else ""

    class _Abort(Exception):
        """Rolls the transaction back after collecting every row's errors."""

    try:
        with database.session() as session:
            tree = UnitTree.load(session)
            for number, row in enumerate(table.rows, start=2):
                role_word = header_key(cell(row, "role"))
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
