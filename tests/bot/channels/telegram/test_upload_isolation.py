"""A document being parsed and embedded does not hold up the bot; a bomb upload is refused."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import pytest

from knowledge.types import IngestReport
from tests.auxil.documents import HOA_BINH_PLAN, plan_docx, with_document_xml
from tests.auxil.telegram_bot import ADMIN_ID, MEMBER_ID, TelegramBot


async def test_members_are_answered_while_an_upload_is_processed(
    telegram_bot: TelegramBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = telegram_bot
    library = bot.services.library
    started, release = threading.Event(), threading.Event()
    ingest = library.ingest_bytes

    def held(data: bytes, filename: str, place: str | None = None) -> IngestReport:
        started.set()
        release.wait(timeout=120)  # the upload stays "in progress" until the test says so
        return ingest(data, filename, place)

    # Were the upload parsed or embedded on the event loop, nobody else would be answered.
    monkeypatch.setattr(library, "ingest_bytes", held)
    mark = len(bot.fake.calls)
    bot.fake.push_document(ADMIN_ID, ADMIN_ID, "kh_12_cb.txt", HOA_BINH_PLAN.encode())
    assert await asyncio.to_thread(started.wait, 60)

    answer = await bot.say(MEMBER_ID, MEMBER_ID, "/tailieu")  # another member, meanwhile
    assert "Thư viện có 5 tài liệu" in answer.params["text"]
    assert not [c for c in bot.fake.calls[mark:] if "Đã thêm" in c.params.get("text", "")]

    release.set()
    report = await bot.fake.wait_for_call(
        "sendMessage", lambda c: "Đã thêm" in c.params["text"], timeout=60, after=mark
    )
    assert "12-KH/CB" in report.params["text"]


async def test_bomb_upload_gets_one_line_and_changes_nothing(
    telegram_bot_factory: Callable[..., Any],
) -> None:
    bot: TelegramBot = await telegram_bot_factory(docx_max_paragraphs=100)
    before = bot.services.library.fingerprint()
    for name, data, words in [
        ("bom.docx", with_document_xml("billion-laughs"), "DTD"),
        ("dai.docx", plan_docx(paragraphs=200), "quá nhiều đoạn văn"),
    ]:
        mark = len(bot.fake.calls)
        bot.fake.push_document(ADMIN_ID, ADMIN_ID, name, data)
        reply = await bot.fake.wait_for_call(
            "sendMessage",
            lambda c, n=name: n in c.params["text"] and "Đang tải" not in c.params["text"],
            timeout=60,
            after=mark,
        )
        assert words in reply.params["text"] and "\n" not in reply.params["text"]
    assert bot.services.library.fingerprint() == before
