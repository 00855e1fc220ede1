"""`python -m bot run`: the first start ingests the bundled corpus whatever the channels."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from bot.cli import run

DOCUMENT = """KẾ HOẠCH
Học tập chuyên đề năm 2026 của Chi bộ Thôn 3

I. MỤC ĐÍCH
1. Mỗi đảng viên đọc tài liệu trước buổi sinh hoạt và ghi lại câu hỏi của mình.
2. Chi bộ tổ chức điểm danh đầu mỗi buổi học tập chuyên đề.
"""


@pytest.fixture
def first_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Environment of a fresh install with only Telegram configured; serving is replaced by
    a probe that records what the channels would start with."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ke_hoach_thon_3.txt").write_text(DOCUMENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # no .env from the project
    for name in ("ZALO_BOT_TOKEN", "WEBHOOK_URL", "SEED_CORPUS", "CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-token")
    seen: dict[str, Any] = {}

    async def probe(services: Any, channels: list[tuple[str, Any]]) -> int:
        seen["channels"] = [name for name, _ in channels]
        seen["documents"] = [d.meta.document for d in services.library.documents()]
        return 0

    monkeypatch.setattr(run, "serve_all", probe)
    return seen


def test_telegram_only_first_start_ingests_the_bundled_corpus(first_start: dict[str, Any]) -> None:
    assert run.main(argparse.Namespace()) == 0
    assert first_start["channels"] == ["telegram"]
    assert first_start["documents"] == ["ke_hoach_thon_3.txt"]


def test_seed_corpus_false_starts_with_an_empty_library(
    first_start: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEED_CORPUS", "false")
    assert run.main(argparse.Namespace()) == 0
    assert first_start["channels"] == ["telegram"]
    assert first_start["documents"] == []
