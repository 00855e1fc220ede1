"""Zalo webhook mode through `serve()`: registration, secret check, refusal of bad settings."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.channels.zalo.app import ZaloConfigError, serve
from bot.settings import Settings
from bot.wiring import Services
from tests.auxil.fake_zalo import FakeZaloServer, deliver_to_webhook
from tests.auxil.network import free_port

SECRET = "chi-bo-bi-mat-2026"


def webhook_services(tmp_path: Path, zalo: FakeZaloServer, secret: str, port: int) -> Services:
    return Services(
        Settings(
            _env_file=None,  # type: ignore[call-arg]
            data_dir=tmp_path,
            zalo_bot_token=zalo.token,
            zalo_api_base_url=zalo.base_url,
            zalo_webhook_url="https://bot.chibo.example/zalo/webhook",
            zalo_webhook_secret=secret,
            zalo_webhook_port=port,
            webhook_listen="127.0.0.1",
        )
    )


async def wait_until_listening(port: int) -> None:
    for _ in range(200):
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        return
    raise AssertionError("webhook server did not start")


async def test_webhook_registered_and_only_secret_bearing_updates_answered(
    tmp_path: Path, zalo: FakeZaloServer
) -> None:
    port = free_port()
    services = webhook_services(tmp_path, zalo, SECRET, port)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(services, stop))
    await wait_until_listening(port)
    url = f"http://127.0.0.1:{port}/zalo/webhook"
    try:
        refused = await deliver_to_webhook(url, zalo.make_update("w1", "trogiup"), "sai-bi-mat")
        missing = await deliver_to_webhook(url, zalo.make_update("w1", "trogiup"), None)
        await asyncio.sleep(0.3)
        assert (refused.status_code, missing.status_code) == (403, 403)
        assert zalo.sent == []
        accepted = await deliver_to_webhook(url, zalo.make_update("w1", "trogiup"), SECRET)
        assert accepted.status_code == 200
        await zalo.wait_for_sent(1, timeout_s=10)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
    assert zalo.method_calls("setWebhook") == [
        {"url": "https://bot.chibo.example/zalo/webhook", "secret_token": SECRET}
    ]
    assert "diemdanh" in zalo.texts_to("w1")[0]
    assert zalo.method_calls("getUpdates") == []


async def test_webhook_mode_refuses_a_short_secret(tmp_path: Path, zalo: FakeZaloServer) -> None:
    services = webhook_services(tmp_path, zalo, "ngan", free_port())
    with pytest.raises(ZaloConfigError):
        await serve(services, asyncio.Event())
    assert zalo.method_calls("setWebhook") == []
