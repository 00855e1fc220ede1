"""A whole bot (serve) against the fake Bot API, for the Telegram quiz end-to-end tests."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from bot.channels.telegram.app import serve
from bot.wiring import Services
from tests.conftest import make_settings
from tests.fake_telegram import FakeTelegram

ADMIN = 1001
GROUP = -100777


@dataclass
class Running:
    fake: FakeTelegram
    services: Services
    stop: asyncio.Event
    task: asyncio.Task[None]

    async def close(self) -> None:
        self.stop.set()
        await asyncio.wait_for(self.task, 30)
        await self.fake.stop()


async def start_bot(data_dir: Path, database_url: str) -> Running:
    fake = FakeTelegram()
    await fake.start()
    settings = make_settings(
        data_dir,
        database_url=database_url,
        telegram_bot_token=fake.token,
        telegram_api_base_url=fake.base_url,
        admin_ids=[ADMIN],
    )
    services = Services(settings)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(services, stop, poll_timeout=1))
    waiting = asyncio.ensure_future(fake.wait_for_call("getUpdates", timeout=120))
    await asyncio.wait([waiting, task], return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        task.result()
    await waiting
    return Running(fake, services, stop, task)
