"""`python -m bot quiz …` over a bank built from the corpus chunks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.services.quiz_bank import QuizBank


@pytest.fixture
def cli_bank(bank: QuizBank, monkeypatch: pytest.MonkeyPatch) -> QuizBank:
    monkeypatch.setattr("bot.cli.quiz._bank", lambda: bank)
    return bank


def test_export_json_is_one_array_with_sources(
    cli_bank: QuizBank, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quiz", "export", "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert isinstance(exported, list) and len(exported) >= 40
    first = exported[0]
    for key in ("text", "options", "correct", "explanation", "topic", "difficulty", "status"):
        assert key in first
    assert set(first["source"]) == {"document", "section", "text"}


def test_export_needs_one_format(cli_bank: QuizBank) -> None:
    assert main(["quiz", "export"]) == 2


def test_status_and_import_report(
    cli_bank: QuizBank, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = cli_bank.questions("approved")[0]
    assert main(["quiz", "retire", str(question["id"]), "999999"]) == 1
    assert cli_bank.question(question["id"])["status"] == "retired"
    assert main(["quiz", "approve", str(question["id"])]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "text,option_a,option_b,correct\nCâu hỏi?,Có,Không,A\nCâu hỏi hai?,Có,Có,A\n",
        encoding="utf-8",
    )
    assert main(["quiz", "import", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "thêm 1" in out and "dòng 3" in out
    assert main(["quiz", "generate"]) == 0
    assert "không có gì để làm" in capsys.readouterr().out
