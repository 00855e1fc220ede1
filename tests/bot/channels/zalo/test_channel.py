"""The Zalo channel over real HTTP with a scripted dialog: polling, errors, webhook, splitting."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from bot.channels.zalo.client import ZaloClient
from bot.channels.zalo.handler import ZaloHandler
from bot.channels.zalo.polling import PollingConfig, poll_updates
from bot.channels.zalo.webhook import WebhookServer
from bot.services.identity import ChatRef, UserRef
from tests.auxil.fake_zalo import FakeZaloServer, deliver_to_webhook
from tests.auxil.zalo_bot import FAST_POLLING, EchoDialog


@contextlib.asynccontextmanager
async def polling(zalo: FakeZaloServer, dialog: EchoDialog) -> AsyncIterator[asyncio.Event]:
    client = ZaloClient(zalo.token, zalo.base_url)
    stop = asyncio.Event()
    task = asyncio.create_task(
        poll_updates(client, ZaloHandler(client, dialog), stop, FAST_POLLING)
    )
    try:
        yield stop
    finally:
        stop.set()
        await asyncio.wait_for(task, 5)
        await client.aclose()


async def test_polled_message_is_answered_in_order(zalo: FakeZaloServer) -> None:
    dialog = EchoDialog()
    async with polling(zalo, dialog):
        zalo.push_text("u1", "một", name="Trần Thị B")
        zalo.push_text("u2", "hai")
        await zalo.wait_for_sent(2, timeout_s=10)
    assert zalo.texts_to("u1") == ["Đã nhận: một"]
    assert zalo.texts_to("u2") == ["Đã nhận: hai"]
    user, chat, _ = dialog.seen[0]
    assert user == UserRef("zalo", "u1", "Trần Thị B")
    assert chat == ChatRef("zalo", "u1", is_group=False)
    assert all(
        body == {"chat_id": c, "action": "typing"}
        for c, body in zip(("u1", "u2"), zalo.method_calls("sendChatAction"), strict=True)
    )


async def test_ok_false_and_empty_polls_back_off_then_recover(zalo: FakeZaloServer) -> None:
    zalo.scripted_polls = [
        {"ok": False, "error_code": 500, "description": "Internal Server Error"},
        {"ok": False, "error_code": 429, "description": "Too Many Requests"},
        {"ok": False, "error_code": 408, "description": "Request timeout"},
        {"ok": True, "result": {}},
    ]
    dialog = EchoDialog()
    async with polling(zalo, dialog):
        zalo.push_text("u1", "vẫn chạy")
        await zalo.wait_for_sent(1, timeout_s=10)
    assert zalo.texts_to("u1") == ["Đã nhận: vẫn chạy"]
    assert len(zalo.method_calls("getUpdates")) >= 5
    assert [text for _, _, text in dialog.seen] == ["vẫn chạy"]


async def test_stop_ends_an_in_flight_long_poll_promptly(zalo: FakeZaloServer) -> None:
    zalo.max_poll_wait_s = 30.0
    client = ZaloClient(zalo.token, zalo.base_url)
    stop = asyncio.Event()
    config = PollingConfig(poll_timeout_s=30)
    task = asyncio.create_task(
        poll_updates(client, ZaloHandler(client, EchoDialog()), stop, config)
    )
    await asyncio.sleep(0.3)
    stop.set()
    await asyncio.wait_for(task, 2)
    await client.aclose()


async def test_long_reply_is_split_into_messages_within_limit(zalo: FakeZaloServer) -> None:
    long_answer = "\n\n".join(f"Đoạn {i}. " + "Chi bộ học tập nghị quyết. " * 30 for i in range(9))
    dialog = EchoDialog(lambda _text: [long_answer, "Tin thứ hai."])
    async with polling(zalo, dialog):
        zalo.push_text("u1", "hỏi dài")
        await zalo.wait_for_sent(len(long_answer) // 2000 + 2, timeout_s=10)
        await asyncio.sleep(0.2)
    texts = zalo.texts_to("u1")
    assert len(texts) >= 4
    assert all(1 <= len(text) <= 2000 for text in texts)
    assert texts[-1] == "Tin thứ hai."
    assert " ".join(" ".join(texts[:-1]).split()) == " ".join(long_answer.split())


async def test_non_text_message_gets_a_hint(zalo: FakeZaloServer) -> None:
    dialog = EchoDialog()
    async with polling(zalo, dialog):
        zalo.push_update(zalo.make_update("u1", None))
        await zalo.wait_for_sent(1, timeout_s=10)
    assert "văn bản" in zalo.texts_to("u1")[0]
    assert dialog.seen == []


@pytest.fixture
async def webhook(zalo: FakeZaloServer) -> AsyncIterator[tuple[str, EchoDialog]]:
    client = ZaloClient(zalo.token, zalo.base_url)
    dialog = EchoDialog()
    server = WebhookServer(ZaloHandler(client, dialog), "bi-mat-chi-bo-2026", "/zalo/hook")
    await server.start("127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.port}/zalo/hook", dialog
    await server.stop()
    await client.aclose()


async def test_webhook_with_right_secret_is_answered(
    zalo: FakeZaloServer, webhook: tuple[str, EchoDialog]
) -> None:
    url, _dialog = webhook
    response = await deliver_to_webhook(url, zalo.make_update("u9", "chào"), "bi-mat-chi-bo-2026")
    assert response.status_code == 200
    await zalo.wait_for_sent(1, timeout_s=10)
    assert zalo.texts_to("u9") == ["Đã nhận: chào"]


@pytest.mark.parametrize("secret", [None, "", "sai-bi-mat-2026", "bi-mat-chi-bo-2026x"])
async def test_webhook_with_wrong_secret_is_refused_and_not_processed(
    zalo: FakeZaloServer, webhook: tuple[str, EchoDialog], secret: str | None
) -> None:
    url, dialog = webhook
    response = await deliver_to_webhook(url, zalo.make_update("u9", "chào"), secret)
    assert response.status_code == 403
    await asyncio.sleep(0.2)
    assert dialog.seen == []
    assert zalo.sent == []
