"""Long polling: getUpdates returns ONE update per call; errors back off exponentially."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any

import httpx

from bot.channels.zalo.client import ZaloApiError, ZaloClient
from bot.channels.zalo.handler import ZaloHandler
from bot.channels.zalo.inbox import ZaloUpdates
from bot.records.inbox import AsyncUpdateInbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollingConfig:
    """How long one poll waits and how the loop backs off after failures."""

    poll_timeout_s: int = 30
    backoff_initial_s: float = 1.0
    backoff_max_s: float = 60.0


DEFAULT_POLLING = PollingConfig()


async def poll_updates(
    client: ZaloClient,
    handler: ZaloHandler,
    stop_event: asyncio.Event,
    config: PollingConfig | None = None,
    inbox: AsyncUpdateInbox | None = None,
) -> None:
    """Fetch and handle updates until `stop_event` is set; each is stored in `inbox` first.

    Nothing an update contains ends the loop: a bad one is logged and skipped.
    """
    config = config or DEFAULT_POLLING
    updates = ZaloUpdates(handler, inbox)
    delay = config.backoff_initial_s
    while not stop_event.is_set():
        try:
            raw = await _next_update(client, stop_event, config.poll_timeout_s)
        except _Stopped:
            return
        except Exception as error:
            if isinstance(error, ZaloApiError | httpx.HTTPError):
                log.warning("Zalo getUpdates failed (%s); retrying in %.1f s", error, delay)
            else:  # not expected: keep serving, but say loudly what happened
                log.exception("Zalo getUpdates failed; retrying in %.1f s", delay)
            if await _sleep_or_stop(stop_event, delay):
                return
            delay = min(delay * 2, config.backoff_max_s)
            continue
        delay = config.backoff_initial_s
        if raw is not None:
            try:
                await updates.deliver(raw)
            except Exception:  # deliver logs its own failures; this is the last line
                log.exception("Zalo: update skipped after an unexpected error")


class _Stopped(Exception):
    """The stop event fired while a long poll was in flight."""


async def _next_update(client: ZaloClient, stop_event: asyncio.Event, timeout_s: int) -> Any:
    """One long poll (the update's JSON or None), abandoned as soon as `stop_event` is set."""
    poll = asyncio.create_task(client.get_raw_update(timeout_s))
    stopped = asyncio.create_task(stop_event.wait())
    try:
        await asyncio.wait({poll, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
    if not poll.done():
        poll.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await poll
        raise _Stopped
    return poll.result()


async def _sleep_or_stop(stop_event: asyncio.Event, delay_s: float) -> bool:
    """Sleep `delay_s` unless stopped first; True when stopped."""
    try:
        await asyncio.wait_for(stop_event.wait(), delay_s)
    except TimeoutError:
        return False
    return True
