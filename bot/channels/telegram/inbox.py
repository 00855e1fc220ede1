"""Telegram's side of the update inbox: store before confirming, mark done after handling.

Three seams of python-telegram-bot, set on the ApplicationBuilder by `attach_inbox`:
- the update queue: the Updater (long polling) puts each fetched update into it before the
  next getUpdates moves the offset past it, and the webhook puts each update into it before
  answering 200, so `InboxQueue.put` stores the update first. An update already in the inbox
  (a redelivery after a crash) is not queued again: it is resumed from the inbox instead.
- the Application: `InboxApplication.process_update` marks the update done once every
  handler has run.
- the getUpdates request: one update PTB cannot read would make the whole batch unreadable
  and the Updater would fetch it again forever; `GuardedGetUpdatesRequest` logs it and
  replaces it with a bare `{"update_id": N}` so it is confirmed and skipped.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from telegram import Update
from telegram._utils.types import ODVInput
from telegram.error import NetworkError
from telegram.ext import Application, ApplicationBuilder
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.records.inbox import AsyncUpdateInbox

log = logging.getLogger(__name__)

CHANNEL = "telegram"


class InboxQueue(asyncio.Queue[object]):
    """The Application's update queue; an update is stored in the inbox before it is queued."""

    def __init__(self, inbox: AsyncUpdateInbox) -> None:
        super().__init__()
        self.inbox = inbox

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            try:
                new = await self.inbox.receive([(str(item.update_id), item.to_json())])
            except Exception as error:
                # Not stored, so not confirmed: the Updater retries the batch (a NetworkError
                # keeps its loop alive) and the webhook answers 500 so Telegram retries.
                log.exception("inbox: could not store update %s", item.update_id)
                raise NetworkError("the update inbox is unavailable") from error
            if not new:
                log.info("inbox: update %s was already received; not queued again", item.update_id)
                return
        await super().put(item)

    async def put_resumed(self, update: Update) -> None:
        """Queue an update that is already in the inbox (resumed after a restart)."""
        await super().put(update)


class InboxApplication(Application[Any, Any, Any, Any, Any, Any]):
    """An Application that marks each update done in the inbox after handling it."""

    def __init__(self, *, inbox: AsyncUpdateInbox, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.inbox = inbox

    async def process_update(self, update: object) -> None:
        try:
            await super().process_update(update)
        except Exception:  # handler errors go to the error handler; this is anything else
            log.exception("processing update %r failed; it is skipped", update)
        # Not on cancellation (shutdown): an update cut short is resumed on the next start.
        if isinstance(update, Update):
            await self.inbox.mark_done(str(update.update_id))


class GuardedGetUpdatesRequest(HTTPXRequest):
    """getUpdates over HTTPX; updates PTB cannot read are logged and replaced by bare ids."""

    def __init__(self) -> None:
        super().__init__(connection_pool_size=1)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        status, payload = await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        if status == 200 and url.endswith("/getUpdates"):
            payload = readable_updates(payload)
        return status, payload


def readable_updates(payload: bytes) -> bytes:
    """The getUpdates answer with every update PTB cannot parse replaced by `{"update_id": N}`."""
    try:
        body = json.loads(payload)
    except ValueError:
        return payload  # PTB reports an unreadable answer itself
    result = body.get("result") if isinstance(body, dict) else None
    if not isinstance(result, list):
        return payload
    changed = False
    kept: list[Any] = []
    for raw in result:
        try:
            Update.de_json(raw, None)
            kept.append(raw)
            continue
        except Exception:
            log.exception("Telegram: skipping an update that cannot be read: %.2000r", raw)
        changed = True
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        if isinstance(update_id, int):  # keep the id so the offset confirms it
            kept.append({"update_id": update_id})
    if not changed:
        return payload
    return json.dumps({**body, "result": kept}).encode()


Builder = ApplicationBuilder[Any, Any, Any, Any, Any, Any]


def attach_inbox(builder: Builder, inbox: AsyncUpdateInbox) -> Builder:
    """Route every update of the Application `builder` builds through `inbox`."""
    return (
        builder.application_class(InboxApplication, kwargs={"inbox": inbox})
        .update_queue(InboxQueue(inbox))
        .get_updates_request(GuardedGetUpdatesRequest())
    )


async def resume_pending(application: Application[Any, Any, Any, Any, Any, Any]) -> int:
    """Prune old done rows, then queue the updates stored but not done before the last stop.

    Call after `initialize()` and before the Updater starts; returns how many were queued.
    """
    if not isinstance(application, InboxApplication):
        return 0
    queue = application.update_queue
    assert isinstance(queue, InboxQueue)
    await application.inbox.prune()
    resumed = 0
    for stored in await application.inbox.pending():
        try:
            update = Update.de_json(json.loads(stored.payload), application.bot)
        except Exception:
            log.exception("inbox: stored update %s cannot be read; skipped", stored.update_id)
            await application.inbox.mark_done(stored.update_id)
            continue
        await queue.put_resumed(update)
        resumed += 1
    if resumed:
        log.info("Telegram: resuming %d updates received before the last stop", resumed)
    return resumed


async def close_inbox(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Write the last done marks; call after `application.stop()`."""
    if isinstance(application, InboxApplication):
        await application.inbox.aclose()
