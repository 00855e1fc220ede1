"""Zalo channel entry point: `serve(services, stop_event)` by long polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from bot.channels.zalo.client import ZaloApiError, ZaloClient
from bot.channels.zalo.handler import ZaloHandler
from bot.channels.zalo.inbox import CHANNEL, ZaloUpdates
from bot.channels.zalo.polling import DEFAULT_POLLING, PollingConfig, poll_updates
from bot.channels.zalo.webhook import WebhookServer
from bot.records.inbox import AsyncUpdateInbox, UpdateInbox

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)

__all__ = ["serve"]


class ZaloConfigError(ValueError):
    """The Zalo settings cannot work (missing token, unusable webhook secret)."""


async def serve(
    services: Services,
    stop_event: asyncio.Event,
    polling: PollingConfig = DEFAULT_POLLING,
) -> None:
    """Serve Zalo users until `stop_event` is set: webhook if configured, else polling."""
    from bot.dialog import TextDialog

    settings = services.settings
    if not settings.zalo_bot_token:
        raise ZaloConfigError("ZALO_BOT_TOKEN is not set")
    records = await asyncio.to_thread(lambda: services.records)  # migrations, off the loop
    client = ZaloClient(settings.zalo_bot_token, settings.zalo_api_base_url)
    handler = ZaloHandler(client, TextDialog(services).handle)
    inbox = AsyncUpdateInbox(UpdateInbox(records, CHANNEL))
    try:
        me = await client.get_me()
        log.info("Zalo: serving as %s (%s)", me.account_name, me.id)
        # Updates stored but not answered before a crash go first.
        await ZaloUpdates(handler, inbox).resume()
        if settings.zalo_webhook_url:
            await _serve_webhook(services, handler, inbox, client, stop_event)
        else:
            # getUpdates does not work while a webhook is registered.
            with contextlib.suppress(ZaloApiError):
                await client.delete_webhook()
            await poll_updates(client, handler, stop_event, polling, inbox)
    finally:
        await inbox.aclose()
        await client.aclose()


async def _serve_webhook(
    services: Services,
    handler: ZaloHandler,
    inbox: AsyncUpdateInbox,
    client: ZaloClient,
    stop_event: asyncio.Event,
) -> None:
    settings = services.settings
    url, secret = settings.zalo_webhook_url, settings.zalo_webhook_secret
    assert url is not None
    if not secret or not 8 <= len(secret) <= 256:
        raise ZaloConfigError("ZALO_WEBHOOK_SECRET must be 8–256 characters in webhook mode")
    server = WebhookServer(handler, secret, urlparse(url).path or "/", inbox)
    await server.start(settings.webhook_listen, settings.zalo_webhook_port)
    try:
        await client.set_webhook(url, secret)
        log.info("Zalo: webhook %s, listening on port %d", url, server.port)
        await stop_event.wait()
    finally:
        await server.stop()
