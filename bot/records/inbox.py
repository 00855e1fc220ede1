"""The update inbox: every incoming update is stored before it counts as received.

A channel stores an update (`receive`) before confirming it to the messenger (before the
next Telegram getUpdates moves the offset past it, before a webhook answers 200), and
marks it done once handled. After a crash, `pending` gives back what was stored and not
done, oldest first, to be handled again. Storing the same update twice is a no-op, so a
redelivery by the messenger is recognised and not handled a second time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from bot.records.database import Database
from bot.records.models import InboxUpdate, utcnow
from bot.records.upsert import insert_for

log = logging.getLogger(__name__)

# Done rows are kept this long (to recognise a late redelivery), then pruned.
KEEP_DONE = timedelta(days=2)
# Pruning runs at start-up and then after this many updates have been marked done.
PRUNE_EVERY = 1000


@dataclass(frozen=True)
class StoredUpdate:
    """An update waiting in the inbox: its id and the JSON it arrived as."""

    update_id: str
    payload: str
    received_at: datetime
    done_at: datetime | None = None


class UpdateInbox:
    """The inbox of one channel ("telegram", "zalo") over the records database."""

    def __init__(self, database: Database, channel: str) -> None:
        self.database = database
        self.channel = channel
        self._done_since_prune = 0

    def receive(self, updates: Sequence[tuple[str, str]]) -> list[str]:
        """Store `(update_id, json)` pairs; return the ids that were new (not seen before)."""
        new: list[str] = []
        if not updates:
            return new
        now = utcnow()
        with self.database.session() as session:
            for update_id, payload in updates:
                statement = (
                    insert_for(session, InboxUpdate)
                    .values(
                        channel=self.channel,
                        update_id=update_id,
                        payload=payload,
                        received_at=now,
                    )
                    .on_conflict_do_nothing(index_elements=["channel", "update_id"])
                    .returning(InboxUpdate.id)
                )
                if session.execute(statement).scalar() is not None:
                    new.append(update_id)
        return new

    def mark_done(self, update_ids: Sequence[str]) -> None:
        """Record that these updates were handled (or given up on); they are not resumed."""
        if not update_ids:
            return
        with self.database.session() as session:
            session.execute(
                update(InboxUpdate)
                .where(
                    InboxUpdate.channel == self.channel,
                    InboxUpdate.update_id.in_(list(update_ids)),
                    InboxUpdate.done_at.is_(None),
                )
                .values(done_at=utcnow())
            )
        self._done_since_prune += len(update_ids)
        if self._done_since_prune >= PRUNE_EVERY:
            self.prune()

    def pending(self, limit: int = 10_000) -> list[StoredUpdate]:
        """Stored updates not yet done, in the order they arrived."""
        with self.database.read() as session:
            rows = session.execute(
                select(InboxUpdate.update_id, InboxUpdate.payload, InboxUpdate.received_at)
                .where(InboxUpdate.channel == self.channel, InboxUpdate.done_at.is_(None))
                .order_by(InboxUpdate.id)
                .limit(limit)
            ).all()
        return [StoredUpdate(row[0], row[1], row[2]) for row in rows]

    def find(self, update_id: str) -> StoredUpdate | None:
        """The stored update with this id (done or not), or None."""
        with self.database.read() as session:
            row = session.execute(
                select(
                    InboxUpdate.update_id,
                    InboxUpdate.payload,
                    InboxUpdate.received_at,
                    InboxUpdate.done_at,
                ).where(InboxUpdate.channel == self.channel, InboxUpdate.update_id == update_id)
            ).first()
        return None if row is None else StoredUpdate(row[0], row[1], row[2], row[3])

    def prune(self, keep: timedelta = KEEP_DONE) -> int:
        """Delete done updates older than `keep`; return how many went."""
        self._done_since_prune = 0
        with self.database.session() as session:
            result = session.execute(
                delete(InboxUpdate).where(
                    InboxUpdate.channel == self.channel,
                    InboxUpdate.done_at.is_not(None),
                    InboxUpdate.done_at < utcnow() - keep,
                )
            )
        removed = int(result.rowcount or 0)  # type: ignore[attr-defined]
        if removed:
            log.info("inbox %s: pruned %d handled updates", self.channel, removed)
        return removed


class AsyncUpdateInbox:
    """The inbox as used from the event loop.

    Database calls run on one dedicated thread, so storing an update never waits behind
    answers being computed in the default executor; done marks that pile up while one is
    written go out together in the next write.
    """

    def __init__(self, inbox: UpdateInbox) -> None:
        self.inbox = inbox
        self.channel = inbox.channel
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=f"inbox-{inbox.channel}")
        self._done: list[str] = []
        self._flushing: asyncio.Task[None] | None = None

    async def _run(self, function: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    async def receive(self, updates: Sequence[tuple[str, str]]) -> list[str]:
        """Store updates; the ids that were new."""
        new: list[str] = await self._run(self.inbox.receive, list(updates))
        return new

    async def pending(self) -> list[StoredUpdate]:
        stored: list[StoredUpdate] = await self._run(self.inbox.pending)
        return stored

    async def prune(self) -> int:
        removed: int = await self._run(self.inbox.prune)
        return removed

    async def mark_done(self, update_id: str) -> None:
        """Mark one update done (batched with others marked meanwhile)."""
        self._done.append(update_id)
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.create_task(self._flush())
        await asyncio.shield(self._flushing)

    async def _flush(self) -> None:
        while self._done:
            batch, self._done = self._done, []
            try:
                await self._run(self.inbox.mark_done, batch)
            except Exception:  # the update was handled; at worst it is handled again
                log.exception("inbox %s: could not mark %d updates done", self.channel, len(batch))

    async def aclose(self) -> None:
        """Write the last done marks and stop the thread."""
        if self._flushing is not None:
            await asyncio.shield(self._flushing)
        self._executor.shutdown(wait=True)
