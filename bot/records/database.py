"""The records database: engine, sessions, and migrations run from code."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
# Connections per process. The bot's threads that touch the database are asyncio's default
# pool (min(32, cores + 4)), the CPU pool and the CLI: 10 + 20 overflow covers them with
# room to spare, and a thread that still finds none waits POOL_TIMEOUT_S, then fails loudly.
POOL_SIZE = 10
POOL_OVERFLOW = 20
POOL_TIMEOUT_S = 30


class Database:
    """SQLite (WAL, busy timeout) or PostgreSQL, chosen by the URL."""

    def __init__(self, url: str, schema: str | None = None) -> None:
        self.url = url
        self.schema = schema
        self.is_sqlite = make_url(url).get_backend_name() == "sqlite"
        self.engine = self._create_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Reads on SQLite take a plain (deferred) BEGIN, so reports never queue behind writers.
        self._reads = sessionmaker(
            self.engine.execution_options(sqlite_read=True), expire_on_commit=False
        )
        # One writer at a time inside this process: SQLite's busy handler sleeps in growing
        # steps, so queueing threads here instead keeps concurrent check-ins fast.
        self._write_lock = threading.RLock() if self.is_sqlite else None

    def _create_engine(self) -> Engine:
        if self.is_sqlite:
            path = make_url(self.url).database
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            pool: dict[str, Any] = {}
            if path and path != ":memory:":  # a memory database is one connection's own
                pool = {
                    "poolclass": QueuePool,
                    "pool_size": POOL_SIZE,
                    "max_overflow": POOL_OVERFLOW,
                    "pool_timeout": POOL_TIMEOUT_S,
                }
            engine = create_engine(
                self.url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **pool
            )
            _configure_sqlite(engine)
            return engine
        connect_args: dict[str, Any] = {}
        if self.schema:
            # Tests isolate themselves in a private schema; unqualified names resolve there.
            connect_args["options"] = f"-csearch_path={self.schema}"
        return create_engine(
            self.url,
            connect_args=connect_args,
            poolclass=QueuePool,
            pool_size=POOL_SIZE,
            max_overflow=POOL_OVERFLOW,
            pool_timeout=POOL_TIMEOUT_S,
            pool_pre_ping=True,  # a connection the server dropped is replaced, not used
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with self._writer(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction (a consistent snapshot for reports)."""
        with self._reads() as session:
            yield session  # closing the session rolls the snapshot back

    @contextmanager
    def _writer(self) -> Iterator[None]:
        if self._write_lock is None:
            yield
            return
        with self._write_lock:
            yield

    def migrate(self) -> None:
        """Bring the schema to the newest revision (`alembic upgrade head`)."""
        from alembic import command

        with self.engine.begin() as connection:
            config = self.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def alembic_config(self) -> Any:
        """An Alembic config built in code: no alembic.ini needed."""
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return config

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _configure_sqlite(engine: Engine) -> None:
    """WAL, busy timeout, foreign keys, and write transactions that take the lock up front."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy emit BEGIN itself (below) instead of pysqlite's lazy implicit one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A deferred transaction that reads then writes can fail with SQLITE_BUSY at once,
        # without waiting for the busy timeout; IMMEDIATE queues writers properly instead.
        read_only = connection.get_execution_options().get("sqlite_read", False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
