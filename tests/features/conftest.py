"""`open_channel(**settings)`: the same scenario through each channel (Telegram, Zalo)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from bot.channels.zalo.app import serve as serve_zalo
from bot.wiring import Services
from tests.auxil.drivers import ChannelDriver, OpenChannel, TelegramDriver, ZaloDriver
from tests.auxil.fake_zalo import FakeZaloServer
from tests.auxil.zalo_bot import FAST_POLLING, stop_zalo


@pytest.fixture(params=["telegram", "zalo"])
async def open_channel(
    request: pytest.FixtureRequest,
    telegram_bot_factory: Callable[..., Any],
    zalo: FakeZaloServer,
    services_factory: Callable[..., Services],
) -> AsyncIterator[OpenChannel]:
    """Start the parametrised channel over fresh services (settings overrides as keywords)."""
    running: list[tuple[asyncio.Event, asyncio.Task[None]]] = []

    async def open_(**overrides: Any) -> ChannelDriver:
        if request.param == "telegram":
            return TelegramDriver(await telegram_bot_factory(**overrides))
        services = services_factory(
            zalo_bot_token=zalo.token, zalo_api_base_url=zalo.base_url, **overrides
        )
        stop = asyncio.Event()
        running.append((stop, asyncio.create_task(serve_zalo(services, stop, FAST_POLLING))))
        return ZaloDriver(zalo, services)

    yield open_
    for stop, task in running:
        await stop_zalo(stop, task)
