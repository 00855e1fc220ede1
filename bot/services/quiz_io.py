"""Question bank files: CSV and XLSX rows secretaries edit in Excel, with per-row error reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.services.quiz_bank import QuizBank, QuizError
from bot.services.spreadsheet import (
    TableError,
    TableKindUnknown,
    TableNotUtf8,
    read_table,
    table_kind,
    write_table,
)
from bot.texts import quiz as texts
from bot.texts import tables as table_texts

COLUMNS = (
    "id",
    "text",
    "option_a",
    "option_b",
    "option_c",
    "option_d",
    "correct",
    "explanation",
    "document",
    "section",
    "source_text",
    "topic",
    "difficulty",
    "status",
)
LETTERS = "ABCD"
SHEET_TITLE = "cau_hoi"


@dataclass
class ImportReport:
    """Rows added, updated, and the rows refused with why (row numbers as the file shows them)."""

    added: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def to_row(question: dict[str, Any]) -> list[str]:
    options = [*question["options"], "", "", "", ""][:4]
    source = question["source"]
    return [
        str(question["id"]),
        question["text"],
        *options,
        LETTERS[question["correct"]],
        question["explanation"],
        source["document"] or "",
        source["section"] or "",
        source["text"] or "",
        question["topic"],
        question["difficulty"],
        question["status"],
    ]


def export_csv(bank: QuizBank, path: Path) -> int:
    return _export(bank, path, "csv")


def export_xlsx(bank: QuizBank, path: Path) -> int:
    return _export(bank, path, "xlsx")


def _export(bank: QuizBank, path: Path, kind: str) -> int:
    rows = bank.questions()
    path.write_bytes(write_table(COLUMNS, [to_row(q) for q in rows], kind, title=SHEET_TITLE))
    return len(rows)


def _read_rows(path: Path) -> list[dict[str, str]]:
    """The file's rows keyed by lower-case column name; raises QuizError when unreadable."""
    try:
        table = read_table(path, table_kind(path.name))
    except TableKindUnknown as error:
        raise QuizError(texts.IMPORT_TYPES) from error
    except TableNotUtf8 as error:
        raise QuizError(table_texts.CSV_NOT_UTF8) from error
    except TableError as error:  # TableUnreadable: a damaged workbook
        raise QuizError(texts.EXCEL_UNREADABLE.format(error=error)) from error
    return [{key.lower(): value for key, value in row.items()} for row in table.rows]


def _fields(raw: dict[str, str]) -> dict[str, Any]:
    options = [raw.get(f"option_{c}", "").strip() for c in "abcd"]
    while options and not options[-1]:
        options.pop()
    letter = raw.get("correct", "").strip().upper()
    if letter.isdigit():
        correct = int(letter) - 1
    elif len(letter) == 1 and letter in LETTERS:
        correct = LETTERS.index(letter)
    else:
        raise QuizError(texts.BAD_CORRECT_COLUMN.format(value=letter))
    ident = raw.get("id", "").strip()
    return {
        "id": int(ident) if ident.isdigit() else None,
        "text": raw.get("text", "").strip(),
        "options": options,
        "correct": correct,
        "explanation": raw.get("explanation", "").strip(),
        "document": raw.get("document", "").strip(),
        "section": raw.get("section", "").strip() or None,
        "source_text": raw.get("source_text", "").strip(),
        "topic": raw.get("topic", "").strip() or "Chung",
        "difficulty": raw.get("difficulty", "").strip().lower() or "medium",
        "status": raw.get("status", "").strip().lower() or "draft",
    }


def import_file(bank: QuizBank, path: Path) -> ImportReport:
    """Import every good row; a bad row is reported and changes nothing."""
    report = ImportReport()
    rows = _read_rows(path)
    missing = {"text", "option_a", "option_b", "correct"} - set(rows[0] if rows else COLUMNS)
    if missing:
        raise QuizError(texts.MISSING_COLUMNS.format(columns=", ".join(sorted(missing))))
    for number, raw in enumerate(rows, start=2):  # row 1 is the header
        try:
            _, created = bank.add(_fields(raw), generator="import")
        except QuizError as error:
            report.errors.append((number, str(error)))
            continue
        if created:
            report.added += 1
        else:
            report.updated += 1
    return report
