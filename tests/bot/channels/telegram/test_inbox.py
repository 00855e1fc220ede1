"""The update inbox through the real Application and the fake Bot API: store before confirming,
resume after a crash exactly once, and a malformed update never stops the polling loop."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bot.records.inbox import UpdateInbox
from bot.wiring import Services
from tests.auxil.fake_telegram import FakeTelegram
from tests.auxil.telegram_bot import ADMIN_ID, serving

USER = 7007


def bot_services(factory: Callable[..., Services], fake: FakeTelegram) -> Services:
    return factory(
        telegram_bot_token=fake.token,
        telegram_api_base_url=fake.base_url,
        admin_ids=[ADMIN_ID],
        questions_per_minute=30,
    )


def inbox_of(services: Services) -> UpdateInbox:
    return UpdateInbox(services.records, "telegram")


async def replies_to(fake: FakeTelegram, chat_id: int, count: int) -> list[str]:
    """Wait for `count` messages to `chat_id`, then a little longer for any extra one."""
    await fake.wait_for_call(
        "sendMessage",
        lambda c: len(fake.sent_texts(chat_id)) >= count and c.params["chat_id"] == str(chat_id),
        timeout=30,
    )
    return fake.sent_texts(chat_id)


async def settled(fake: FakeTelegram) -> None:
    """Every update pushed so far was fetched and handled (a marker update was answered)."""
    marker = 999_001
    before = len(fake.sent_texts(marker))
    fake.push_message(marker, marker, "/trogiup")
    await replies_to(fake, marker, before + 1)


async def test_an_update_is_stored_before_getupdates_confirms_it(
    services_factory: Callable[..., Services],
) -> None:
    async with FakeTelegram() as fake:
        services = bot_services(services_factory, fake)
        inbox = inbox_of(services)
        seen_at_confirmation: dict[int, bool] = {}
        original = fake._m_getUpdates

        async def spying(p: dict[str, str], f: dict[str, bytes]) -> Any:
            offset = int(p.get("offset") or 0)
            for update in fake.updates:
                if update["update_id"] < offset:  # this call confirms it
                    stored = inbox.find(str(update["update_id"]))
                    seen_at_confirmation[update["update_id"]] = stored is not None
            return await original(p, f)

        fake._m_getUpdates = spying  # type: ignore[method-assign]
        async with serving(services, fake):
            fake.push_message(USER, USER, "/trogiup")
            update_id = fake.updates[-1]["update_id"]
            await replies_to(fake, USER, 1)
            await settled(fake)
        assert update_id in seen_at_confirmation, "no getUpdates call confirmed the update"
        assert all(seen_at_confirmation.values()), seen_at_confirmation
        stored = inbox.find(str(update_id))
        assert stored is not None and stored.done_at is not None
        assert json.loads(stored.payload)["message"]["text"] == "/trogiup"


async def test_an_update_fetched_before_a_crash_is_handled_once_after_the_restart(
    services_factory: Callable[..., Services],
) -> None:
    async with FakeTelegram() as fake:
        services = bot_services(services_factory, fake)
        inbox = inbox_of(services)
        # The state a kill -9 leaves: fetched and stored, not handled, not confirmed (so
        # Telegram delivers it again too).
        fake.push_message(USER, USER, "/trogiup")
        update = fake.updates[-1]
        key = str(update["update_id"])
        assert inbox.receive([(key, json.dumps(update))]) == [key]
        assert [s.update_id for s in inbox.pending()] == [key]

        async with serving(services, fake):
            await replies_to(fake, USER, 1)
            await settled(fake)
        assert len(fake.sent_texts(USER)) == 1
        assert inbox.pending() == []

        # A second restart, with Telegram delivering the same update once more: nothing new.
        fake.updates.insert(0, update)
        async with serving(services, fake):
            await settled(fake)
        assert len(fake.sent_texts(USER)) == 1


async def test_an_update_cut_short_by_a_stop_is_resumed(
    services_factory: Callable[..., Services],
) -> None:
    async with FakeTelegram() as fake:
        services = bot_services(services_factory, fake)
        inbox = inbox_of(services)
        # Stored by an earlier run that died before handling it; Telegram has forgotten it.
        raw = {
            "update_id": 41,
            "message": {
                "message_id": 1,
                "date": 1_760_000_000,
                "chat": {"id": USER, "type": "private", "first_name": "Lan"},
                "from": {"id": USER, "is_bot": False, "first_name": "Lan"},
                "text": "/trogiup",
                "entities": [{"type": "bot_command", "offset": 0, "length": 8}],
            },
        }
        inbox.receive([("41", json.dumps(raw))])
        async with serving(services, fake):
            texts = await replies_to(fake, USER, 1)
            await settled(fake)
        assert len(texts) == 1 and len(fake.sent_texts(USER)) == 1
        found = inbox.find("41")
        assert found is not None and found.done_at is not None


async def test_a_malformed_update_is_skipped_and_polling_goes_on(
    services_factory: Callable[..., Services],
) -> None:
    async with FakeTelegram() as fake:
        services = bot_services(services_factory, fake)
        inbox = inbox_of(services)
        async with serving(services, fake):
            # A date no datetime can hold: PTB cannot parse it, and without the guard the
            # whole batch would be fetched again forever.
            bad = fake.push_update(
                {
                    "message": {
                        "message_id": 5,
                        "date": 10**18,
                        "chat": {"id": USER, "type": "private"},
                        "text": "/trogiup",
                    }
                }
            )
            fake.push_message(USER, USER, "/trogiup")
            texts = await replies_to(fake, USER, 1)
            await settled(fake)
        assert len(texts) == 1 == len(fake.sent_texts(USER))
        stored = inbox.find(str(bad["update_id"]))
        assert stored is not None and stored.done_at is not None
        # Confirmed: Telegram does not hold it any more.
        assert all(u["update_id"] > bad["update_id"] for u in fake.updates)
