"""Quiz fixtures: a migrated database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)
and a bank over the bundled corpus."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.records.database import Database
from bot.services.practice import PracticeService
from bot.services.quiz_bank import QuizBank
from bot.services.quiz_group import GroupQuizService
from knowledge.types import Chunk
from tests.quiz.corpus import corpus_chunks

PG_URL = os.environ.get("TEST_DATABASE_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql", marks=pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL not set")
    ),
]


class CorpusSource:
    """The bank's view of a library: chunks and a fingerprint that changes with them."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.items = chunks
        self.version = 1

    def chunks(self) -> list[Chunk]:
        return list(self.items)

    def fingerprint(self) -> str:
        return f"v{self.version}"

    def replace(self, chunks: list[Chunk]) -> None:
        self.items, self.version = chunks, self.version + 1


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'quiz.db'}")
        db.migrate()
        yield db
        db.dispose()
        return
    assert PG_URL is not None
    schema = f"quiz_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    db = Database(PG_URL, schema=schema)
    try:
        db.migrate()
        yield db
    finally:
        db.dispose()
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def chunks() -> list[Chunk]:
    return corpus_chunks()


@pytest.fixture
def source(chunks: list[Chunk]) -> CorpusSource:
    return CorpusSource(chunks)


@pytest.fixture
def bank(database: Database, source: CorpusSource) -> QuizBank:
    bank = QuizBank(database, source)
    bank.generate()
    return bank


@pytest.fixture
def practice(database: Database, bank: QuizBank) -> PracticeService:
    return PracticeService(database, bank)


@pytest.fixture
def group_quiz(database: Database, bank: QuizBank) -> GroupQuizService:
    return GroupQuizService(database, bank)


@pytest.fixture
def bot_dirs(seeded_data_dir: Path, tmp_path: Path) -> tuple[Path, str]:
    """A private copy of the seeded library and a database, for a whole running bot."""
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_data_dir, data_dir)
    return data_dir, f"sqlite:///{tmp_path / 'bot.db'}"
