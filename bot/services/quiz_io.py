"""Question bank files: CSV and XLSX rows secretaries edit in Excel, with per-row error reports."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.services.quiz_bank import QuizBank, QuizError
from bot.services.spreadsheet import append_row, csv_row, original
from bot.texts import quiz as texts

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
    rows = bank.questions()
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle)
        writer.writerow(csv_row(COLUMNS))
        writer.writerows(csv_row(to_row(q)) for q in rows)
    return len(rows)


def export_xlsx(bank: QuizBank, path: Path) -> int:
    from openpyxl import Workbook

    rows = bank.questions()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "cau_hoi"
    append_row(sheet, COLUMNS)
    for question in rows:
        append_row(sheet, to_row(question))
    book.save(path)
    return len(rows)


def _read_rows(path: Path) -> list[dict[str, str]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [
                {k.strip().lower(): original(v or "") for k, v in r.items() if k}
                for r in csv.DictReader(handle)
            ]
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises many types for a damaged file
            raise QuizError(texts.EXCEL_UNREADABLE.format(error=error)) from error
        values = [
            ["" if c is None else original(str(c)) for c in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        if not values:
            return []
        header = [h.strip().lower() for h in values[0]]
        return [dict(zip(header, row, strict=False)) for row in values[1:] if any(row)]
    raise QuizError(texts.IMPORT_TYPES)


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
