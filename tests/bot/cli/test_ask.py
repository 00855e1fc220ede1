"""`python -m bot ask "…" [--json]` and `python -m bot chat`, run as real subprocesses.

Each run gets DATA_DIR = a private copy of the seeded library and a scratch working directory
(so no `.env` is read), and an environment without any of the bot's settings variables.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.settings import PROJECT_ROOT, Settings
from bot.texts import answers as text
from bot.texts import console as console_text
from bot.wiring import Services

PYTHON = PROJECT_ROOT / ".venv" / "bin" / "python"
ANSWER_KEYS = {"answer", "grounded", "sources"}
SOURCE_KEYS = {"document", "title", "number", "date", "section", "score", "text"}
CAY_TRE_QUOTE = "gốc vững, thân chắc, cành uyển chuyển"

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_bot(services_factory: Callable[..., Services], tmp_path: Path) -> Run:
    """`run_bot(*args, stdin=None)`: `python -m bot <args>` over a copy of the seeded library."""
    data_dir = services_factory().settings.data_dir  # a private copy; nothing opened yet
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    env = {k: v for k, v in os.environ.items() if k.lower() not in Settings.model_fields}
    env.update(
        DATA_DIR=str(data_dir),
        PYTHONPATH=str(PROJECT_ROOT),
        PYTHONIOENCODING="utf-8",
    )
    python = str(PYTHON if PYTHON.exists() else Path(sys.executable))

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [python, "-m", "bot", *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=workdir,
            env=env,
            timeout=120,
            check=False,
        )

    return run


def parse_json(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """Exactly one JSON object on stdout, with exactly the contract's keys."""
    payload = json.loads(result.stdout)  # fails on anything besides the one object
    assert isinstance(payload, dict)
    assert set(payload) == ANSWER_KEYS
    assert isinstance(payload["answer"], str)
    assert isinstance(payload["grounded"], bool)
    assert isinstance(payload["sources"], list)
    for source in payload["sources"]:
        assert set(source) == SOURCE_KEYS
        assert isinstance(source["score"], float)
        assert all(isinstance(source[k], str) for k in ("document", "title", "text"))
    assert len(result.stdout.strip().splitlines()) == 1
    return payload


def test_ask_json_grounded(run_bot: Run) -> None:
    result = run_bot("ask", "ban sac cay tre viet nam la gi", "--json")

    assert result.returncode == 0, result.stderr
    payload = parse_json(result)
    assert payload["grounded"] is True
    assert CAY_TRE_QUOTE in payload["answer"]
    assert f"{text.SOURCE_PREFIX}: " in payload["answer"]
    assert payload["sources"]
    first = payload["sources"][0]
    assert first["document"] == "000_52af6b9f4ce84aaf.txt"
    assert first["section"] == "II > 1 > 1.1"
    assert CAY_TRE_QUOTE in first["text"]
    assert any(s["number"] for s in payload["sources"])


def test_ask_json_off_topic(run_bot: Run) -> None:
    result = run_bot("ask", "Giá vàng hôm nay bao nhiêu?", "--json")

    assert result.returncode == 0, result.stderr
    payload = parse_json(result)
    assert payload["grounded"] is False
    assert payload["sources"] == []
    assert payload["answer"].startswith(text.NOT_IN_DOCUMENTS)


@pytest.mark.parametrize("question", ["", "   "])
def test_ask_json_empty_question(run_bot: Run, question: str) -> None:
    result = run_bot("ask", question, "--json")

    assert result.returncode == 2
    payload = parse_json(result)
    assert payload == {"answer": text.EMPTY_QUESTION, "grounded": False, "sources": []}


def test_ask_plain_text(run_bot: Run) -> None:
    result = run_bot("ask", "Bản sắc cây tre Việt Nam là gì?")

    assert result.returncode == 0, result.stderr
    assert CAY_TRE_QUOTE in result.stdout
    assert f"\n{text.SOURCE_PREFIX}: " in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_chat_answers_then_exits(run_bot: Run) -> None:
    assert "thoat" in console_text.EXIT_WORDS

    result = run_bot("chat", stdin="ban sac cay tre la gi\nthoat\n")

    assert result.returncode == 0, result.stderr
    assert console_text.WELCOME in result.stdout
    assert console_text.SEEDING not in result.stdout  # the library was already there
    assert f"{console_text.BOT}" in result.stdout
    assert CAY_TRE_QUOTE in result.stdout
    assert f"{text.SOURCE_PREFIX}: " in result.stdout
    assert result.stdout.rstrip().endswith(console_text.GOODBYE)


def test_chat_follow_up_and_end_of_input(run_bot: Run) -> None:
    questions = "Tác phẩm nhấn mạnh bao nhiêu bài học kinh nghiệm?\ncòn nhiệm vụ thì sao?\n"

    result = run_bot("chat", stdin=questions)  # no exit word: end of input ends the chat

    assert result.returncode == 0, result.stderr
    replies = result.stdout.split(console_text.BOT)[1:]
    assert len(replies) == 2
    assert "05 bài học kinh nghiệm" in replies[0]
    assert "06 nhiệm vụ chủ yếu" in replies[1]
    assert result.stdout.rstrip().endswith(console_text.GOODBYE)


def test_ask_batch_from_a_file_one_json_object_per_line(run_bot: Run, tmp_path: Path) -> None:
    questions = tmp_path / "cau_hoi.txt"
    questions.write_text(
        "ban sac cay tre viet nam la gi\n\nGiá vàng hôm nay bao nhiêu?\n", encoding="utf-8"
    )
    result = run_bot("ask", "--file", str(questions), "--json")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2  # the blank line is not a question
    first, second = (json.loads(line) for line in lines)
    assert first["line"] == 1 and first["question"] == "ban sac cay tre viet nam la gi"
    assert first["grounded"] is True and CAY_TRE_QUOTE in first["answer"]
    assert set(first) == ANSWER_KEYS | {"line", "question"}
    assert second["grounded"] is False and second["sources"] == []


def test_ask_batch_from_standard_input(run_bot: Run) -> None:
    result = run_bot("ask", "--file", "-", "--json", stdin="ban sac cay tre viet nam la gi\n")

    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.strip().splitlines()
    assert json.loads(line)["grounded"] is True


def test_ask_needs_a_question_or_a_file(run_bot: Run, tmp_path: Path) -> None:
    assert run_bot("ask").returncode == 2
    missing = run_bot("ask", "--file", str(tmp_path / "khong_co.txt"), "--json")
    assert missing.returncode == 2
    assert "khong_co.txt" in missing.stderr
