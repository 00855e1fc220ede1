"""Concurrent update processing that keeps each chat's updates in order where order matters.

PTB's `SimpleUpdateProcessor` runs updates concurrently in no particular order. Here every
update gets a lane: its chat, its sender in that chat, and whether it is *in order* for the
whole chat (a group's /mophien, /dongphien, /dokiemtra: a check-in typed after /mophien must
see the open session, one typed before /dongphien must count). An update waits only for the
earlier updates of its chat that it depends on:

- an in-order update waits for every earlier update of the chat, and later ones wait for it;
- any other update waits for earlier in-order updates and for the same sender's earlier ones,
  so one member's messages (a question, then its follow-up) keep their order while fifty
  members checking in at once run side by side;
- a poll answer's lane is its poll and its voter (an answer, then its retraction).

Updates waiting for their turn do not hold a worker; at most `workers` handlers run at once.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

DEFAULT_BACKLOG = 4096  # updates admitted (waiting or running); PTB queues the rest


@dataclass(frozen=True)
class Lane:
    """Where an update sits in the ordering: its chat, its sender, whether it is in order."""

    chat: str | None  # None: depends on nothing (runs as soon as a worker is free)
    sender: str
    in_order: bool = False


@dataclass(eq=False)
class _Entry:
    lane: Lane
    done: asyncio.Event = field(default_factory=asyncio.Event)


def _command(update: Update) -> str | None:
    """The command word of a message ("/dongphien@bot x" → "dongphien"), or None."""
    message = update.message
    text = message.text if message is not None else None
    if not text or not text.startswith("/"):
        return None
    return text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else None


def lane_of(update: object, in_order_commands: frozenset[str] = frozenset()) -> Lane:
    """The lane of one update (anything that is not a Telegram Update depends on nothing)."""
    if not isinstance(update, Update):
        return Lane(None, "")
    if update.poll_answer is not None:
        answer = update.poll_answer
        voter = answer.user.id if answer.user else answer.voter_chat.id if answer.voter_chat else 0
        return Lane(f"poll:{answer.poll_id}", str(voter))
    message = update.effective_message
    sender_chat = message.sender_chat if message is not None else None
    user = update.effective_user
    sender = f"chat:{sender_chat.id}" if sender_chat else str(user.id) if user else "-"
    chat = update.effective_chat
    if chat is None:
        return Lane(f"user:{user.id}", sender) if user is not None else Lane(None, sender)
    in_order = chat.type != chat.PRIVATE and _command(update) in in_order_commands
    return Lane(str(chat.id), sender, in_order)


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Runs up to `workers` updates at once, each chat's dependent updates in arrival order.

    PTB starts one task per update in arrival order and each enters `do_process_update` in
    that order (the admission semaphore is first come, first served and `backlog` is far
    above any burst), so registering the update before the first `await` fixes its place.
    """

    def __init__(
        self,
        workers: int,
        in_order_commands: Iterable[str] = (),
        backlog: int = DEFAULT_BACKLOG,
    ) -> None:
        super().__init__(max(backlog, workers))
        if workers < 1:
            raise ValueError("workers must be a positive integer")
        self.workers = workers
        self.in_order_commands = frozenset(in_order_commands)
        self._running = asyncio.Semaphore(workers)
        self._pending: dict[str, list[_Entry]] = {}

    async def initialize(self) -> None:
        """Nothing to allocate."""

    async def shutdown(self) -> None:
        """Nothing to free: PTB waits for the running updates itself."""

    @property
    def waiting(self) -> int:
        """Updates admitted and not finished (waiting for their turn or running)."""
        return sum(len(entries) for entries in self._pending.values())

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the updates this one depends on, then run it on a free worker."""
        lane = lane_of(update, self.in_order_commands)
        entry, earlier = self._enter(lane)
        started = False
        try:
            for other in earlier:
                await other.done.wait()
            async with self._running:
                started = True
                await coroutine
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()  # cancelled while waiting: never run, so no warning
            self._leave(entry)

    def _enter(self, lane: Lane) -> tuple[_Entry, list[_Entry]]:
        entry = _Entry(lane)
        if lane.chat is None:
            return entry, []
        queue = self._pending.setdefault(lane.chat, [])
        earlier = [
            other
            for other in queue
            if lane.in_order or other.lane.in_order or other.lane.sender == lane.sender
        ]
        queue.append(entry)
        return entry, earlier

    def _leave(self, entry: _Entry) -> None:
        entry.done.set()
        chat = entry.lane.chat
        if chat is None:
            return
        queue = self._pending.get(chat)
        if queue is not None:
            queue.remove(entry)
            if not queue:
                del self._pending[chat]
