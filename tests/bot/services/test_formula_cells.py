"""No spreadsheet cell written from user data is a formula (CSV/formula injection).

Member names, unit names, session topics, campaign titles, questions and quiz-bank rows that
start with = + - @ tab or CR reach the XLSX and CSV files as text, quoted the OWASP way.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from bot.records import Database
from bot.services.answers import Answer
from bot.services.quiz_bank import QuizBank
from bot.services.quiz_io import export_csv, export_xlsx, import_file
from bot.services.report_export import to_csv, to_xlsx
from bot.services.reports import ReportService
from bot.services.spreadsheet import FORMULA_STARTS, append_row, csv_row, neutral, original
from tests.auxil.quiz import CorpusSource
from tests.auxil.records_world import DISTRICT_SEC, GROUP_A, SEC_A, World

HYPERLINK = '=HYPERLINK("http://x.example/thu","bấm")'
RISKY_NAMES = [HYPERLINK, "+1 Trần Văn An", "-2 Lê Thị Bình", "@SUM(A1) Cường"]
RISKY_CELL = '=1+1 Chi bộ "Thôn 9"'
RISKY_TOPIC = '-cmd|" /C calc"!A0 buổi học'
RISKY_CAMPAIGN = "@SUM(1+1) Học tập chuyên đề"
RISKY_QUESTION = "+Mục tiêu của kế hoạch là gì?"


def xlsx_cells(data: bytes) -> list[Any]:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_no_formula(values: list[Any]) -> None:
    for value in values:
        assert not (isinstance(value, str) and value.startswith(FORMULA_STARTS)), value


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_every_risky_start_is_quoted_in_both_formats(start: str) -> None:
    text = f"{start}A1 và B2"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    append_row(sheet, [text, -2, 3.5, None, "Bình thường"])
    buffer = io.BytesIO()
    book.save(buffer)
    cells = xlsx_cells(buffer.getvalue())
    assert [c.value for c in cells] == ["'" + text, -2, 3.5, None, "Bình thường"]
    assert [c.data_type for c in cells][:2] == ["s", "n"] and cells[4].data_type == "s"
    assert csv_row([text, -2, None]) == ["'" + text, -2, ""]
    assert original(neutral(text)) == text and original("'bình thường") == "'bình thường"


@pytest.fixture
def risky_world(world: World) -> World:
    """Thôn 1 with members, a session topic and a question that look like formulas; a cell of
    the district named like one; a campaign titled like one."""
    world.org.add_unit(RISKY_CELL, "cell", "Huyện ủy Di Linh")
    world.org.add_campaign(RISKY_CAMPAIGN, ["Huyện ủy Di Linh"])
    members = [
        world.enrol("Chi bộ Thôn 1", str(700 + i), n, SEC_A) for i, n in enumerate(RISKY_NAMES)
    ]
    opened = world.attendance.open_session(SEC_A, GROUP_A, RISKY_TOPIC)
    for member in members[:2]:
        world.attendance.check_in(member, opened.code)
    world.attendance.close_session(SEC_A, GROUP_A)
    world.questions.record(members[0], GROUP_A, Answer("…", True, [], RISKY_QUESTION))
    return world


def test_cell_report_xlsx_and_csv_hold_no_formula(risky_world: World) -> None:
    report = ReportService(risky_world.db, risky_world.access).report(
        SEC_A, "Chi bộ Thôn 1", RISKY_CAMPAIGN
    )
    cells = xlsx_cells(to_xlsx(report))
    assert all(cell.data_type != "f" for cell in cells)
    values = [cell.value for cell in cells]
    assert_no_formula(values)
    expected = ["'" + name for name in RISKY_NAMES] + ["'" + RISKY_TOPIC, "'" + RISKY_QUESTION]
    assert set(expected) <= set(values)
    assert "'" + RISKY_CAMPAIGN in values  # the summary sheet's campaign line

    rows = list(csv.reader(io.StringIO(to_csv(report).lstrip("\ufeff"))))
    fields = [field for row in rows for field in row]
    assert_no_formula(fields)
    assert {"'" + name for name in RISKY_NAMES} <= set(fields)


def test_unit_report_xlsx_and_csv_hold_no_formula(risky_world: World) -> None:
    report = ReportService(risky_world.db, risky_world.access).report(
        DISTRICT_SEC, None, RISKY_CAMPAIGN
    )
    cells = xlsx_cells(to_xlsx(report))
    assert all(cell.data_type != "f" for cell in cells)
    values = [cell.value for cell in cells]
    assert_no_formula(values)
    assert "'" + RISKY_CELL in values and "'" + RISKY_CAMPAIGN in values
    fields = [f for row in csv.reader(io.StringIO(to_csv(report).lstrip("\ufeff"))) for f in row]
    assert_no_formula(fields)
    assert "'" + RISKY_CELL in fields


def test_quiz_bank_exports_hold_no_formula_and_round_trip(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'quiz.db'}")
    database.migrate()
    bank = QuizBank(database, CorpusSource([]))
    question = {
        "text": HYPERLINK + " là gì?",
        "options": ["-1 điểm", "+2 điểm", "@3 điểm", "=4 điểm"],
        "correct": 0,
        "explanation": "-1 điểm là đáp án đúng.",
        "document": "=kh.txt",
        "section": None,
        "source_text": "",
        "topic": "=chủ đề",
        "difficulty": "easy",
        "status": "draft",
    }
    bank.add(question)
    export_xlsx(bank, tmp_path / "bank.xlsx")
    export_csv(bank, tmp_path / "bank.csv")
    cells = xlsx_cells((tmp_path / "bank.xlsx").read_bytes())
    assert all(cell.data_type != "f" for cell in cells)
    assert_no_formula([cell.value for cell in cells])
    assert "'" + HYPERLINK + " là gì?" in [cell.value for cell in cells]
    with (tmp_path / "bank.csv").open(encoding="utf-8-sig", newline="") as handle:
        fields = [field for row in csv.reader(handle) for field in row]
    assert_no_formula(fields)
    assert "'=4 điểm" in fields and "'=chủ đề" in fields

    # Importing our own export gives back the original text, not the quoted one.
    for name in ("bank.xlsx", "bank.csv"):
        report = import_file(bank, tmp_path / name)
        assert report.errors == [] and report.updated == 1
        again = bank.questions()[0]
        assert again["text"] == question["text"] and again["options"] == question["options"]
        assert again["topic"] == "=chủ đề" and again["source"]["document"] == "=kh.txt"
    database.dispose()
