"""Alembic environment: runs on the connection `Database.migrate()` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from bot.records.metadata import load_metadata
from bot.records.models import UtcDateTime

config = context.config
target_metadata = load_metadata()


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Write `UtcDateTime` columns as plain `sa.DateTime(timezone=True)` in revisions."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        render_item=render_item,
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    # Used when generating revisions by hand (command.revision with autogenerate).
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
    with engine.begin() as conn:
        run_migrations(conn)


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_online()
