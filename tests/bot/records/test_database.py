"""Migrations and storage basics on every backend."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from bot.records import Database
from bot.records.database import MIGRATIONS_DIR
from bot.records.metadata import load_metadata
from bot.records.models import Unit


def test_migrations_upgrade_from_empty_to_the_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        diff = compare_metadata(MigrationContext.configure(conn), load_metadata())
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert {"units", "members", "identities", "attendance", "question_logs"} <= tables
    assert diff == []  # the migrations build exactly what the models describe
    heads = ScriptDirectory(str(MIGRATIONS_DIR)).get_heads()
    assert heads == [version]


def test_migrate_twice_is_harmless(db: Database) -> None:
    db.migrate()
    with db.session() as session:
        session.add(Unit(name="Chi bộ X", kind="cell"))
    db.migrate()
    with db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Unit)) == 1


def test_failed_transaction_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Unit(name="Chi bộ Y", kind="cell"))
        session.flush()
        raise RuntimeError("boom")
    with db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Unit)) == 0


def test_datetimes_come_back_aware_utc(db: Database) -> None:
    from bot.records.models import Campaign

    moment = datetime(2026, 5, 1, 8, 30, tzinfo=UTC)
    with db.session() as session:
        session.add(Campaign(title="T", deadline=moment, created_at=moment))
    with db.session() as session:
        stored = session.scalars(sa.select(Campaign)).one()
    assert stored.deadline == moment and stored.deadline.tzinfo is not None


def test_sqlite_runs_in_wal_mode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    database = Database(f"sqlite:///{tmp_path / 'w.db'}")
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
    database.dispose()


def test_reads_see_a_snapshot_while_a_write_is_in_progress(db: Database) -> None:
    with db.session() as writer:
        writer.add(Unit(name="Chi bộ Z", kind="cell"))
        writer.flush()
        with db.read() as reader:  # does not wait for the writer, sees only committed rows
            assert reader.scalar(sa.select(sa.func.count()).select_from(Unit)) == 0
    with db.read() as reader:
        assert reader.scalar(sa.select(sa.func.count()).select_from(Unit)) == 1
