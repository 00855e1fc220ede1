"""The update inbox on SQLite and PostgreSQL: new vs redelivered, pending order, done, prune."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

from sqlalchemy import update

from bot.records import Database
from bot.records.inbox import AsyncUpdateInbox, UpdateInbox
from bot.records.models import InboxUpdate, utcnow


def test_receive_reports_only_new_updates_per_channel(db: Database) -> None:
    telegram = UpdateInbox(db, "telegram")
    zalo = UpdateInbox(db, "zalo")
    assert telegram.receive([("1", '{"update_id": 1}'), ("2", '{"update_id": 2}')]) == ["1", "2"]
    # A redelivery (same id) is recognised; the same id on another channel is another update.
    assert telegram.receive([("2", '{"update_id": 2, "again": true}'), ("3", "{}")]) == ["3"]
    assert zalo.receive([("2", '{"message": {}}')]) == ["2"]
    stored = telegram.find("2")
    assert stored is not None and json.loads(stored.payload) == {"update_id": 2}
    assert telegram.find("404") is None


def test_pending_is_in_arrival_order_until_marked_done(db: Database) -> None:
    inbox = UpdateInbox(db, "telegram")
    inbox.receive([("30", "{}"), ("10", "{}"), ("20", "{}")])
    assert [s.update_id for s in inbox.pending()] == ["30", "10", "20"]
    inbox.mark_done(["10", "404"])
    assert [s.update_id for s in inbox.pending()] == ["30", "20"]
    done = inbox.find("10")
    assert done is not None and done.done_at is not None
    # Marking again keeps the first time.
    first = done.done_at
    inbox.mark_done(["10"])
    again = inbox.find("10")
    assert again is not None and again.done_at == first
    assert UpdateInbox(db, "zalo").pending() == []


def test_prune_removes_only_old_done_updates(db: Database) -> None:
    inbox = UpdateInbox(db, "telegram")
    inbox.receive([("1", "{}"), ("2", "{}"), ("3", "{}")])
    inbox.mark_done(["1", "2"])
    with db.session() as session:
        session.execute(
            update(InboxUpdate)
            .where(InboxUpdate.update_id == "1")
            .values(done_at=utcnow() - timedelta(days=3))
        )
    assert inbox.prune(keep=timedelta(days=2)) == 1
    assert inbox.find("1") is None
    assert inbox.find("2") is not None  # done recently: kept to recognise a redelivery
    assert [s.update_id for s in inbox.pending()] == ["3"]  # never done: never pruned


def test_async_inbox_batches_done_marks_and_keeps_them_all(db: Database) -> None:
    inbox = UpdateInbox(db, "zalo")
    ids = [str(n) for n in range(50)]
    inbox.receive([(i, "{}") for i in ids])

    async def mark_all() -> None:
        wrapped = AsyncUpdateInbox(inbox)
        await asyncio.gather(*(wrapped.mark_done(i) for i in ids))
        await wrapped.aclose()

    asyncio.run(mark_all())
    assert inbox.pending() == []
