"""The Zalo channel in tests: the fake server fixture, fast polling, and a running `serve`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.channels.zalo.app import serve
from bot.channels.zalo.polling import PollingConfig
from bot.services.identity import ChatRef, UserRef
from bot.settings import Settings
from bot.wiring import Services
from tests.auxil.fake_zalo import FakeZaloServer

# Short long-polls and back-offs, so a test's stop is seen within about a second.
FAST_POLLING = PollingConfig(poll_timeout_s=1, backoff_initial_s=0.05, backoff_max_s=0.2)


@pytest.fixture
async def zalo() -> AsyncIterator[FakeZaloServer]:
    server = FakeZaloServer()
    await server.start()
    yield server
    await server.stop()


async def stop_zalo(stop: asyncio.Event, task: asyncio.Task[None], timeout: float = 30) -> None:
    """Stop a Zalo channel started for a test."""
    stop.set()
    await asyncio.wait_for(task, timeout)


@asynccontextmanager
async def running_zalo(services: Services, timeout: float = 30) -> AsyncIterator[None]:
    """The Zalo channel (`serve`, fast polling) over `services` until the block ends."""
    stop = asyncio.Event()
    task = asyncio.create_task(serve(services, stop, FAST_POLLING))
    try:
        yield
    finally:
        await stop_zalo(stop, task, timeout)


class EchoDialog:
    """Records what it was asked; answers with a function of the text."""

    def __init__(self, reply: Callable[[str], list[str]] | None = None) -> None:
        self.seen: list[tuple[UserRef, ChatRef, str]] = []
        self.reply = reply or (lambda text: [f"Đã nhận: {text}"])

    def __call__(self, user: UserRef, chat: ChatRef, text: str) -> list[str]:
        self.seen.append((user, chat, text))
        return self.reply(text)


def zalo_services_with_cell(data_dir: Path, zalo: FakeZaloServer, cell: str) -> Services:
    """Services talking to the fake Zalo server, with a district and one cell of it."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=data_dir,
        zalo_bot_token=zalo.token,
        zalo_api_base_url=zalo.base_url,
    )
    services = Services(settings)
    services.organisation.add_unit("Huyện ủy Di Linh", "district")
    services.organisation.add_unit(cell, "cell", parent="Huyện ủy Di Linh")
    return services
