"""Zalo end to end with the real Q&A over the bundled corpus: sources, plain text, flood, log."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from sqlalchemy import select

from bot.records.models import QuestionLog
from bot.texts import answers as answer_texts
from bot.wiring import Services
from knowledge.textnorm import fold
from tests.auxil.fake_zalo import FakeZaloServer
from tests.auxil.zalo_bot import running_zalo


def make_services(
    services_factory: Callable[..., Services], zalo: FakeZaloServer, **extra: object
) -> Services:
    """Services over a private copy of the session's seeded library, talking to the fake."""
    return services_factory(zalo_bot_token=zalo.token, zalo_api_base_url=zalo.base_url, **extra)


async def converse(zalo: FakeZaloServer, chat_id: str, text: str) -> list[str]:
    """Send one message; return every message of the reply (a long answer is several)."""
    before = len(zalo.sent)
    zalo.push_text(chat_id, text, name="Hoàng Văn Em")
    await zalo.wait_for_sent(before + 1, timeout_s=120)
    await zalo.updates_drained()
    await asyncio.sleep(0.3)
    return [sent.text for sent in zalo.sent[before:]]


def logged_questions(services: Services) -> list[QuestionLog]:
    with services.records.session() as session:
        return list(session.scalars(select(QuestionLog).order_by(QuestionLog.id)))


async def test_question_answered_with_sources_and_logged(
    services_factory: Callable[..., Services], zalo: FakeZaloServer
) -> None:
    services = make_services(services_factory, zalo)
    async with running_zalo(services):
        dated = await converse(zalo, "q1", "Hướng dẫn số 91-HD/BTGTW được ban hành ngày nào?")
        topic = await converse(zalo, "q1", "/hoi Chỉ thị 05-CT/TW là về nội dung gì?")
        off = await converse(zalo, "q1", "Giá vàng hôm nay bao nhiêu?")
    assert all(1 <= len(text) <= 2000 for text in dated + topic + off)
    answer = "\n".join(dated)
    assert "<" not in answer and "&lt;" not in answer  # plain text, no HTML
    assert "22/4/2019" in answer and f"{answer_texts.SOURCE_PREFIX}:" in answer
    assert "tu tuong, dao duc, phong cach ho chi minh" in fold("\n".join(topic))
    assert f"{answer_texts.SOURCE_PREFIX}:" in "\n".join(topic)
    assert f"{answer_texts.SOURCE_PREFIX}:" not in "\n".join(off)
    logged = logged_questions(services)
    assert [(q.channel, q.chat_id) for q in logged] == [("zalo", "q1")] * 3
    assert logged[0].grounded and logged[0].sources and not logged[2].grounded
    assert logged[1].question == "Chỉ thị 05-CT/TW là về nội dung gì?"


async def test_flood_limit_and_empty_question(
    services_factory: Callable[..., Services], zalo: FakeZaloServer
) -> None:
    services = make_services(services_factory, zalo, questions_per_minute=2)
    async with running_zalo(services):
        usage = await converse(zalo, "q2", "hoi")
        first = await converse(zalo, "q2", "Hướng dẫn số 91-HD/BTGTW được ban hành ngày nào?")
        second = await converse(zalo, "q2", "Chỉ thị 05-CT/TW là về nội dung gì?")
        third = await converse(zalo, "q2", "Nghị quyết 16-NQ/TW của Bộ Chính trị về vấn đề gì?")
        other_user = await converse(zalo, "q3", "Hướng dẫn số 91-HD/BTGTW được ban hành ngày nào?")
    assert usage[0].startswith("Cách dùng: hoi")
    assert first and second and "đợi" not in first[0] + second[0]
    assert third == [third[0]] and "đợi khoảng" in third[0]
    assert "đợi" not in other_user[0]
    assert [q.chat_id for q in logged_questions(services)] == ["q2", "q2", "q3"]
