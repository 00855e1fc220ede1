from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fake_zalo import FakeZaloServer


@pytest.fixture
async def zalo() -> AsyncIterator[FakeZaloServer]:
    server = FakeZaloServer()
    await server.start()
    yield server
    await server.stop()
