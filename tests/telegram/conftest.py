"""End-to-end fixtures: the real PTB Application, served against the fake Bot API server.

`telegram_bot` starts `bot.channels.telegram.app.serve` (long polling) over real services
(library with the bundled corpus, SQLite records) and the fake server; tests push updates
into the fake and wait for the bot's calls.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.channels.telegram import app as telegram_app
from bot.channels.telegram.app import TelegramApp, serve
from bot.wiring import Services
from tests.conftest import make_settings
from tests.fake_telegram import FakeTelegram
from tests.telegram.harness import ADMIN_ID, TelegramBot


@pytest.fixture
async def telegram_bot_factory(
    seeded_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Callable[..., Any]]:
    """Start bots with settings overrides: `bot = await telegram_bot_factory(**overrides)`."""
    running: list[tuple[asyncio.Event, asyncio.Task[None], FakeTelegram]] = []
    built: list[TelegramApp] = []
    build = telegram_app.build_application

    def keep(services: Services) -> TelegramApp:
        built.append(build(services))  # the harness waits on its update queue
        return built[-1]

    monkeypatch.setattr(telegram_app, "build_application", keep)

    async def start(**overrides: Any) -> TelegramBot:
        fake = FakeTelegram()
        await fake.start()
        data_dir = tmp_path / f"data{len(running)}"
        shutil.copytree(seeded_data_dir, data_dir)
        fields: dict[str, Any] = {
            "database_url": f"sqlite:///{tmp_path / f'bot{len(running)}.db'}",
            "telegram_bot_token": fake.token,
            "telegram_api_base_url": fake.base_url,
            "admin_ids": [ADMIN_ID],
            "questions_per_minute": 30,
        }
        fields.update(overrides)
        services = Services(make_settings(data_dir, **fields))
        stop = asyncio.Event()
        task = asyncio.create_task(serve(services, stop, poll_timeout=1))
        running.append((stop, task, fake))
        ready = "setWebhook" if fields.get("webhook_url") else "getUpdates"
        waiting = asyncio.ensure_future(fake.wait_for_call(ready, timeout=60))
        await asyncio.wait([waiting, task], return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            task.result()  # start-up failed: raise its error here
        await waiting
        return TelegramBot(fake, services, built[-1])

    yield start
    for stop, task, fake in running:
        stop.set()
        await asyncio.wait_for(task, 30)
        await fake.stop()


@pytest.fixture
async def telegram_bot(telegram_bot_factory: Callable[..., Any]) -> TelegramBot:
    """A bot with default settings (admin ADMIN_ID)."""
    bot: TelegramBot = await telegram_bot_factory()
    return bot
