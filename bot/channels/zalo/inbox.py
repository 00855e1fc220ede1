"""Zalo's side of the update inbox: store each update as received, mark it done once handled.

Zalo's getUpdates hands out one update per call and forgets it, and a webhook delivery is
done once answered 200, so an update is stored first, then handled, then marked done.
After a crash, `resume` handles what was stored and not done.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from bot.channels.zalo.client import parse_update, update_key
from bot.channels.zalo.handler import ZaloHandler
from bot.records.inbox import AsyncUpdateInbox

log = logging.getLogger(__name__)

CHANNEL = "zalo"


class InboxUnavailable(Exception):
    """The update could not be stored (the database is down)."""


class ZaloUpdates:
    """Raw updates → inbox → handler. Without an inbox, updates go straight to the handler."""

    def __init__(self, handler: ZaloHandler, inbox: AsyncUpdateInbox | None = None) -> None:
        self.handler = handler
        self.inbox = inbox

    async def receive(self, raw: Any) -> str | None:
        """Store `raw`; its key, or None when it was received before (a redelivery).

        Raises InboxUnavailable when it cannot be stored.
        """
        key = update_key(raw)
        if self.inbox is None:
            return key
        try:
            new = await self.inbox.receive([(key, json.dumps(raw, ensure_ascii=False))])
        except Exception as error:
            log.exception("Zalo: could not store update %s in the inbox", key)
            raise InboxUnavailable(key) from error
        if not new:
            log.info("Zalo: update %s was already received; skipped", key)
            return None
        return key

    async def handle(self, key: str | None, raw: Any) -> None:
        """Answer one update; a bad one is logged and skipped. Marks it done either way."""
        try:
            message = parse_update(raw)
        except Exception:
            log.exception("Zalo: skipping an update that cannot be read: %.2000r", raw)
            message = None
        if message is not None:
            await self.handler.handle(message)  # logs its own failures, never raises
        if self.inbox is not None and key is not None:
            await self.inbox.mark_done(key)

    async def deliver(self, raw: Any) -> None:
        """Store then handle one polled update (it is gone from Zalo already, so it is
        handled even when the inbox cannot store it)."""
        try:
            key = await self.receive(raw)
        except InboxUnavailable:
            await self.handle(None, raw)
            return
        if key is not None:
            await self.handle(key, raw)

    async def resume(self) -> int:
        """Handle the updates stored but not done before the last stop; how many."""
        if self.inbox is None:
            return 0
        await self.inbox.prune()
        pending = await self.inbox.pending()
        if pending:
            log.info("Zalo: resuming %d updates received before the last stop", len(pending))
        for stored in pending:
            try:
                raw = json.loads(stored.payload)
            except ValueError:
                log.exception("Zalo: stored update %s cannot be read; skipped", stored.update_id)
                await self.inbox.mark_done(stored.update_id)
                continue
            await self.handle(stored.update_id, raw)
        return len(pending)
