"""`python -m bot run` without tokens: the console chat, with no log line inside the dialogue."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.channels import console
from bot.cli import run
from bot.settings import PROJECT_ROOT
from bot.texts import console as text

DOCUMENT = """KẾ HOẠCH
Học tập chuyên đề năm 2026 của Chi bộ Thôn 3

I. MỤC ĐÍCH
1. Mỗi đảng viên đọc tài liệu trước buổi sinh hoạt và ghi lại câu hỏi của mình.
2. Chi bộ tổ chức điểm danh đầu mỗi buổi học tập chuyên đề.
"""
# The format of bot/logs.py, and the bare "LEVEL:name:" of an unconfigured logger.
LOG_LINE = re.compile(r"\b(DEBUG|INFO|WARNING|ERROR|CRITICAL)\b|alembic", re.IGNORECASE)


def test_console_chat_shows_no_log_line_between_question_and_answer(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ke_hoach_thon_3.txt").write_text(DOCUMENT, encoding="utf-8")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "CHROMA_HOST", "SEED_CORPUS"}
    }
    env |= {
        "DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "CORPUS_DIR": str(corpus),
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input="Chi bộ tổ chức điểm danh khi nào?\nketqua\nthoat\n",
        cwd=tmp_path,  # no .env from the project
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream, in the order a person sees it
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    output = done.stdout
    assert done.returncode == 0, output
    assert text.GOODBYE in output
    dialogue = output[output.index(text.PROMPT) :]
    assert "điểm danh đầu mỗi buổi" in dialogue, output
    assert not LOG_LINE.search(dialogue), dialogue


def test_run_opens_the_records_database_before_the_console_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migrations run at start-up, not lazily inside the first question's reply."""
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    opened: list[bool] = []

    def probe(services: Any) -> None:
        opened.append("records" in vars(services))  # the cached property was already built

    monkeypatch.setattr(console, "run_console", probe)
    assert run.main(argparse.Namespace()) == 0
    assert opened == [True]
    assert (tmp_path / "bot.db").exists()
