"""The question bank: regeneration keeps curation, and CSV/XLSX round trips report bad rows."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from bot.services.quiz_bank import QuizBank, QuizError, on_topic
from bot.services.quiz_io import COLUMNS, export_csv, export_xlsx, import_file
from knowledge.quiz.topics import is_organisational
from knowledge.quiz.variety import same_fact
from tests.auxil.quiz import CorpusSource


def revised(question: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """An import row that updates `question` by its id: how curators edit a question."""
    kept = ("id", "text", "options", "correct", "explanation", "topic", "difficulty", "status")
    source = question["source"]
    return {
        **{name: question[name] for name in kept},
        "document": source["document"],
        "section": source["section"],
        "source_text": source["text"],
        **changes,
    }


def test_generation_stores_approved_questions_once(bank: QuizBank) -> None:
    approved = bank.questions("approved")
    assert len(approved) >= 40
    assert bank.generate().skipped  # same library: nothing to do
    again = bank.generate(force=True)
    assert again.added == 0 and again.kept == len(approved) and again.retired == 0
    assert len(bank.questions("approved")) == len(approved)


def test_regeneration_keeps_curation_and_retires_vanished(
    bank: QuizBank, source: CorpusSource
) -> None:
    questions = bank.questions("approved")
    retired = next(q for q in questions if q["source"]["document"].startswith("002_"))
    edited = next(q for q in questions if q["source"]["document"].startswith("003_"))
    bank.set_status(retired["id"], "retired")
    bank.add(revised(edited, explanation="Nguồn: Kế hoạch số 84-KH/BTGTU (đã biên tập)."))

    source.replace([c for c in source.chunks() if not c.meta.document.startswith("004_")])
    report = bank.generate()
    assert not report.skipped and report.retired > 0
    assert bank.question(retired["id"])["status"] == "retired"
    kept = bank.question(edited["id"])
    assert kept["status"] == "approved"
    assert kept["explanation"].endswith("(đã biên tập).")
    live = bank.questions("approved")
    assert live and not [q for q in live if q["source"]["document"].startswith("004_")]


def test_edit_is_checked_and_changes_nothing_when_bad(bank: QuizBank) -> None:
    question = bank.questions("approved")[0]
    with pytest.raises(QuizError):
        bank.add(revised(question, options=["x", "x"]))
    with pytest.raises(QuizError):
        bank.add(revised(question, text="y" * 301))
    assert bank.question(question["id"]) == question
    with pytest.raises(QuizError):
        bank.set_status(question["id"], "published")
    with pytest.raises(QuizError):
        bank.question(10**6)


def test_csv_round_trip_with_row_errors(bank: QuizBank, tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    exported = export_csv(bank, path)
    assert exported == len(bank.questions())
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS and len(rows) == exported

    good = dict.fromkeys(COLUMNS, "")
    good.update(
        text="Bản sắc ngoại giao Việt Nam được ví như cây gì?",
        option_a="Cây tre",
        option_b="Cây đa",
        option_c="Cây bàng",
        correct="A",
        explanation="Nguồn: Kế hoạch số 172-KH/HU, mục II > 1.",
        document="002_68006443504ec425.txt",
        source_text="bản sắc đối ngoại “Cây tre Việt Nam”",
        topic="cây tre",
        difficulty="easy",
        status="approved",
    )
    bad_letter = {**good, "text": "Câu có đáp án sai cột", "correct": "E"}
    unsupported = {**good, "text": "Câu có đáp án không có trong nguồn", "correct": "B"}
    too_long = {**good, "text": "x" * 301}
    edit_row = {**rows[0], "explanation": "Nguồn: đã sửa trong Excel."}
    new = tmp_path / "import.csv"
    with new.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows([good, bad_letter, unsupported, too_long, edit_row])
    before = len(bank.questions())
    report = import_file(bank, new)
    assert (report.added, report.updated) == (1, 1)
    assert [row for row, _ in report.errors] == [3, 4, 5]
    assert "cột correct" in report.errors[0][1]
    assert "đoạn nguồn không chứa đáp án đúng" in report.errors[1][1]
    assert len(bank.questions()) == before + 1
    assert bank.question(int(rows[0]["id"]))["explanation"] == "Nguồn: đã sửa trong Excel."
    assert import_file(bank, new).added == 0  # importing the same file twice adds nothing


def test_xlsx_round_trip(bank: QuizBank, tmp_path: Path) -> None:
    path = tmp_path / "bank.xlsx"
    assert export_xlsx(bank, path) == len(bank.questions())
    report = import_file(bank, path)
    assert report.errors == [] and report.added == 0
    assert report.updated == len(bank.questions())


def test_unreadable_files_are_refused(bank: QuizBank, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(QuizError):
        import_file(bank, broken)
    other = tmp_path / "bank.txt"
    other.write_text("x")
    with pytest.raises(QuizError):
        import_file(bank, other)
    missing = tmp_path / "missing.csv"
    missing.write_text("text,option_a\nA,B\n", encoding="utf-8")
    with pytest.raises(QuizError, match="Thiếu cột"):
        import_file(bank, missing)


def test_topics_and_organisational_facts_only_when_asked(bank: QuizBank) -> None:
    approved = bank.questions("approved")
    organisational = [q for q in approved if is_organisational(q["generator"])]
    assert organisational and len(organisational) <= 0.2 * len(approved)
    default = {q["id"] for q in on_topic(approved, None)}
    assert default and not default & {q["id"] for q in organisational}
    asked = on_topic(approved, "văn bản")
    assert {q["id"] for q in asked} == {q["id"] for q in organisational}
    names = [name for name, _ in bank.topics()]
    assert "Chỉ thị số 32-CT/TW" in names and "Kết luận số 57-KL/TW" in names
    directive = on_topic(approved, "32-CT/TW")
    assert directive and {q["topic"] for q in directive} == {"Chỉ thị số 32-CT/TW"}
    picked = bank.pick(10, "cây tre")
    rows = {q["id"]: q for q in approved}
    chosen = [rows[i] for i in picked]
    assert len(picked) == 10 and all("Cây tre" in q["topic"] for q in chosen)
    assert not any(same_fact(a, b) for k, a in enumerate(chosen) for b in chosen[k + 1 :])
