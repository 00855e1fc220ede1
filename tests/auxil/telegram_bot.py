"""A whole Telegram bot (`serve`) against the fake Bot API: start, drive and stop it in tests.

`telegram_bot` / `telegram_bot_factory` serve fresh services over a copy of the seeded library;
`start_bot` serves a given data dir and database (so a test can restart the same bot);
`serving` runs `serve` for the length of a block. All three start the bot the same way.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.channels.telegram import app as telegram_app
from bot.channels.telegram.app import TelegramApp
from bot.wiring import Services
from tests.auxil.fake_telegram import Call, FakeTelegram
from tests.auxil.services import make_settings

ADMIN_ID = 1001
MEMBER_ID = 2002
GROUP_ID = -100500


@dataclass
class Serving:
    """A running `serve` task and the event that stops it."""

    stop: asyncio.Event
    task: asyncio.Task[None]

    async def close(self) -> None:
        self.stop.set()
        await asyncio.wait_for(self.task, 30)


async def start_serving(
    services: Services, fake: FakeTelegram, ready: str = "getUpdates", timeout: float = 60
) -> Serving:
    """Start `serve` and return once it made its `ready` call (or raise its start-up error)."""
    stop = asyncio.Event()
    mark = len(fake.calls)
    task = asyncio.create_task(telegram_app.serve(services, stop, poll_timeout=1))
    waiting = asyncio.ensure_future(fake.wait_for_call(ready, timeout=timeout, after=mark))
    await asyncio.wait([waiting, task], return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        waiting.cancel()
        task.result()  # start-up failed: raise its error here
    await waiting
    return Serving(stop, task)


@asynccontextmanager
async def serving(services: Services, fake: FakeTelegram) -> AsyncIterator[None]:
    """`serve` against `fake` until the block ends (a clean stop)."""
    running = await start_serving(services, fake)
    try:
        yield
    finally:
        await running.close()


@dataclass
class TelegramBot:
    """A running bot and its fake Telegram: push updates, then wait for what the bot sent."""

    fake: FakeTelegram
    services: Services
    application: TelegramApp

    async def reply_to(self, chat_id: int, after: int, timeout: float = 30.0) -> Call:
        """The next sendMessage to `chat_id` made after call index `after`."""
        return await self.fake.wait_for_call(
            "sendMessage", lambda c: c.params["chat_id"] == str(chat_id), timeout, after=after
        )

    async def say(
        self, chat_id: int, user_id: int, text: str, chat_type: str = "private", **kw: Any
    ) -> Call:
        """Send a message as a user and return the bot's first reply to that chat."""
        mark = len(self.fake.calls)
        self.fake.push_message(chat_id, user_id, text, chat_type, **kw)
        return await self.reply_to(chat_id, mark)

    async def settle(self) -> None:
        """Wait until the bot has fetched every pushed update and finished handling it."""
        # The marker's reply means every earlier update was fetched and queued; chats are
        # handled concurrently, so then wait for the queue's every update to be done.
        mark = len(self.fake.calls)
        marker = self.fake.push_message(999_999, 999_999, "/trogiup")
        await self.fake.wait_for_call(
            "sendMessage",
            lambda c: c.params["chat_id"] == str(marker["chat"]["id"]),
            30.0,
            after=mark,
        )
        await self.application.update_queue.join()


@dataclass
class Running:
    """A bot started by `start_bot`: its fake, its services, and how to stop both."""

    fake: FakeTelegram
    services: Services
    serving: Serving

    async def close(self) -> None:
        await self.serving.close()
        await self.fake.stop()


async def start_bot(data_dir: Path, database_url: str) -> Running:
    """Serve `data_dir` and `database_url` (admin ADMIN_ID) against a new fake Bot API."""
    fake = FakeTelegram()
    await fake.start()
    settings = make_settings(
        data_dir,
        database_url=database_url,
        telegram_bot_token=fake.token,
        telegram_api_base_url=fake.base_url,
        admin_ids=[ADMIN_ID],
    )
    services = Services(settings)
    return Running(fake, services, await start_serving(services, fake, timeout=120))


@pytest.fixture
async def telegram_bot_factory(
    seeded_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Callable[..., Any]]:
    """Start bots with settings overrides: `bot = await telegram_bot_factory(**overrides)`."""
    fakes: list[FakeTelegram] = []
    running: list[Serving] = []
    built: list[TelegramApp] = []
    build = telegram_app.build_application

    def keep(services: Services) -> TelegramApp:
        built.append(build(services))  # the harness waits on its update queue
        return built[-1]

    monkeypatch.setattr(telegram_app, "build_application", keep)

    async def start(**overrides: Any) -> TelegramBot:
        number = len(fakes)
        fake = FakeTelegram()
        await fake.start()
        fakes.append(fake)
        data_dir = tmp_path / f"data{number}"
        shutil.copytree(seeded_data_dir, data_dir)
        fields: dict[str, Any] = {
            "database_url": f"sqlite:///{tmp_path / f'bot{number}.db'}",
            "telegram_bot_token": fake.token,
            "telegram_api_base_url": fake.base_url,
            "admin_ids": [ADMIN_ID],
            "questions_per_minute": 30,
        }
        fields.update(overrides)
        services = Services(make_settings(data_dir, **fields))
        ready = "setWebhook" if fields.get("webhook_url") else "getUpdates"
        running.append(await start_serving(services, fake, ready))
        return TelegramBot(fake, services, built[-1])

    yield start
    for serving_bot in running:
        await serving_bot.close()
    for fake in fakes:
        await fake.stop()


@pytest.fixture
async def telegram_bot(telegram_bot_factory: Callable[..., Any]) -> TelegramBot:
    """A bot with default settings (admin ADMIN_ID)."""
    bot: TelegramBot = await telegram_bot_factory()
    return bot
