"""The httpx client against the fake Zalo Bot API over real HTTP."""

from __future__ import annotations

import pytest

from bot.channels.zalo.client import ZaloApiError, ZaloClient, parse_update
from tests.auxil.fake_zalo import FakeZaloServer


async def test_get_me_and_send_message(zalo: FakeZaloServer) -> None:
    client = ZaloClient(zalo.token, zalo.base_url)
    try:
        me = await client.get_me()
        message_id = await client.send_message("e4ea2cd5189df1c3a88c", "Xin chào")
    finally:
        await client.aclose()
    assert me.account_name == "bot.chibo" and me.can_join_groups is False
    assert message_id
    assert zalo.texts_to("e4ea2cd5189df1c3a88c") == ["Xin chào"]
    assert zalo.method_calls("sendMessage") == [
        {"chat_id": "e4ea2cd5189df1c3a88c", "text": "Xin chào"}
    ]


async def test_one_update_per_poll_then_empty_poll(zalo: FakeZaloServer) -> None:
    zalo.push_text("c1", "câu một")
    zalo.push_text("c1", "câu hai")
    client = ZaloClient(zalo.token, zalo.base_url)
    try:
        first = await client.get_update(timeout_s=1)
        second = await client.get_update(timeout_s=1)
        empty = await client.get_update(timeout_s=1)
    finally:
        await client.aclose()
    assert first is not None and first.text == "câu một"
    assert second is not None and second.text == "câu hai"
    assert empty is None


async def test_ok_false_raises_with_code(zalo: FakeZaloServer) -> None:
    client = ZaloClient("wrong-token", zalo.base_url)
    try:
        with pytest.raises(ZaloApiError) as caught:
            await client.get_me()
    finally:
        await client.aclose()
    assert caught.value.error_code == 401


async def test_overlong_text_is_refused_before_sending(zalo: FakeZaloServer) -> None:
    client = ZaloClient(zalo.token, zalo.base_url)
    try:
        with pytest.raises(ValueError):
            await client.send_message("c1", "x" * 2001)
        # The fake enforces the limit too: a raw call is refused by the "API".
        with pytest.raises(ZaloApiError) as caught:
            await client.call("sendMessage", {"chat_id": "c1", "text": "x" * 2001})
    finally:
        await client.aclose()
    assert caught.value.error_code == 400
    assert zalo.sent == []


def test_parse_update_reads_string_ids_and_millisecond_dates() -> None:
    update = {
        "event_name": "message.text.received",
        "message": {
            "chat": {"id": "e4ea2cd5189df1c3a88c", "chat_type": "PRIVATE"},
            "text": "Xin chào",
            "message_id": "16f6",
            "date": 1766619597466,
            "from": {"id": "e4ea2cd5189df1c3a88c", "first_name": "Nguyen Van A"},
        },
    }
    message = parse_update(update)
    assert message is not None
    assert message.chat_id == "e4ea2cd5189df1c3a88c" and message.user_id == message.chat_id
    assert message.display_name == "Nguyen Van A" and not message.is_group
    assert message.date.year == 2025 and message.date.month == 12
    assert parse_update({"event_name": "x"}) is None
    assert parse_update(None) is None
