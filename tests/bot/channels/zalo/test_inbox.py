"""Zalo updates go through the inbox, and no update can end the polling loop."""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.channels.zalo.app import serve
from bot.channels.zalo.client import ZaloClient, parse_update, update_key
from bot.channels.zalo.handler import ZaloHandler
from bot.channels.zalo.polling import poll_updates
from bot.channels.zalo.webhook import WebhookServer
from bot.records import Database
from bot.records.inbox import AsyncUpdateInbox, UpdateInbox
from bot.wiring import Services
from tests.auxil.fake_zalo import FakeZaloServer, deliver_to_webhook
from tests.auxil.services import make_settings
from tests.auxil.zalo_bot import FAST_POLLING, EchoDialog

SECRET = "bi-mat-chi-bo-2026"


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'inbox.db'}")
    db.migrate()
    return db


@asynccontextmanager
async def polling_with_inbox(
    zalo: FakeZaloServer, database: Database
) -> AsyncIterator[asyncio.Task[None]]:
    """Long polling through the inbox into an echo dialog; stopped and closed on exit."""
    client = ZaloClient(zalo.token, zalo.base_url)
    inbox = AsyncUpdateInbox(UpdateInbox(database, "zalo"))
    stop = asyncio.Event()
    task = asyncio.create_task(
        poll_updates(client, ZaloHandler(client, EchoDialog()), stop, FAST_POLLING, inbox)
    )
    try:
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, 5)
        await inbox.aclose()
        await client.aclose()


@pytest.mark.parametrize("date", [10**18, -(10**18), math.inf, math.nan, True, "hôm qua", None])
def test_an_impossible_or_missing_date_reads_as_the_time_received(date: object) -> None:
    update = {
        "event_name": "message.text.received",
        "message": {"chat": {"id": "u1"}, "message_id": "m1", "text": "chào", "date": date},
    }
    message = parse_update(update)
    assert message is not None and message.text == "chào"
    assert abs(message.date - datetime.now(UTC)) < timedelta(minutes=1)


def test_update_key_is_the_message_id_or_a_digest_of_the_update() -> None:
    assert update_key({"message": {"message_id": "abc"}}) == "m:abc"
    other = {"event_name": "x", "message": {"chat": {"id": "u1"}}}
    assert update_key(other) == update_key(json.loads(json.dumps(other)))
    assert update_key(other) != update_key({"event_name": "y", "message": {"chat": {"id": "u1"}}})


async def test_an_absurd_date_neither_ends_polling_nor_goes_unanswered(
    zalo: FakeZaloServer, database: Database
) -> None:
    async with polling_with_inbox(zalo, database) as task:
        bad = zalo.make_update("u1", "ngày lạ")
        bad["message"]["date"] = 10**18  # the update that used to end the whole process
        zalo.push_update(bad)
        zalo.push_update({"event_name": "message.text.received", "message": "không phải object"})
        zalo.push_text("u2", "vẫn phục vụ")
        await zalo.wait_for_sent(2, timeout_s=10)
        assert not task.done()
    assert zalo.texts_to("u1") == ["Đã nhận: ngày lạ"]
    assert zalo.texts_to("u2") == ["Đã nhận: vẫn phục vụ"]
    assert UpdateInbox(database, "zalo").pending() == []  # all three stored and done


async def test_polled_updates_are_stored_and_a_redelivery_is_not_answered_twice(
    zalo: FakeZaloServer, database: Database
) -> None:
    update = zalo.make_update("u1", "điểm danh")
    async with polling_with_inbox(zalo, database):
        zalo.push_update(update)
        zalo.push_update(update)
        zalo.push_text("u2", "sau đó")
        await zalo.wait_for_sent(2, timeout_s=10)
        await zalo.updates_drained()
        await asyncio.sleep(0.3)
    assert zalo.texts_to("u1") == ["Đã nhận: điểm danh"]
    stored = UpdateInbox(database, "zalo").find(update_key(update))
    assert stored is not None and stored.done_at is not None
    assert json.loads(stored.payload) == update


@pytest.fixture
async def webhook_with_inbox(
    zalo: FakeZaloServer, database: Database
) -> AsyncIterator[tuple[str, EchoDialog]]:
    client = ZaloClient(zalo.token, zalo.base_url)
    dialog = EchoDialog()
    inbox = AsyncUpdateInbox(UpdateInbox(database, "zalo"))
    server = WebhookServer(ZaloHandler(client, dialog), SECRET, "/zalo/hook", inbox)
    await server.start("127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.port}/zalo/hook", dialog
    await server.stop()
    await inbox.aclose()
    await client.aclose()


async def test_a_webhook_update_is_stored_before_the_200_and_handled_once(
    zalo: FakeZaloServer, database: Database, webhook_with_inbox: tuple[str, EchoDialog]
) -> None:
    url, dialog = webhook_with_inbox
    update = zalo.make_update("u9", "chào")
    response = await deliver_to_webhook(url, update, SECRET)
    assert response.status_code == 200
    assert UpdateInbox(database, "zalo").find(update_key(update)) is not None
    # Zalo retries a delivery it thinks failed: the same update again.
    assert (await deliver_to_webhook(url, update, SECRET)).status_code == 200
    await zalo.wait_for_sent(1, timeout_s=10)
    await asyncio.sleep(0.3)
    assert zalo.texts_to("u9") == ["Đã nhận: chào"]
    assert len(dialog.seen) == 1


async def test_serve_resumes_an_update_stored_before_a_crash_exactly_once(
    tmp_path: Path, zalo: FakeZaloServer
) -> None:
    settings = make_settings(tmp_path, zalo_bot_token=zalo.token, zalo_api_base_url=zalo.base_url)
    services = Services(settings)
    inbox = UpdateInbox(services.records, "zalo")
    # What a kill -9 between storing and answering leaves: stored, not done.
    stored = zalo.make_update("u5", "trogiup")
    inbox.receive([(update_key(stored), json.dumps(stored))])

    for _ in range(2):  # start, stop, start again
        stop = asyncio.Event()
        task = asyncio.create_task(serve(services, stop, FAST_POLLING))
        if not zalo.sent:
            await zalo.wait_for_sent(1, timeout_s=30)
        zalo.push_text("u6", "trogiup")  # a live message after the resumed one
        await zalo.wait_for_sent(len(zalo.sent) + 1, timeout_s=30)
        stop.set()
        await asyncio.wait_for(task, 10)

    assert len(zalo.texts_to("u5")) == 1
    assert len(zalo.texts_to("u6")) == 2
    assert inbox.pending() == []
