"""Quiz fixtures: a bank over the bundled corpus's chunks, practice and group quizzes on `db`."""

from __future__ import annotations

import pytest

from bot.records import Database
from bot.services.practice import PracticeService
from bot.services.quiz_bank import QuizBank
from bot.services.quiz_group import GroupQuizService
from knowledge.types import Chunk
from tests.auxil.corpus import corpus_chunks


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


@pytest.fixture(scope="session")
def chunks() -> list[Chunk]:
    return corpus_chunks()


@pytest.fixture
def source(chunks: list[Chunk]) -> CorpusSource:
    return CorpusSource(chunks)


@pytest.fixture
def bank(db: Database, source: CorpusSource) -> QuizBank:
    bank = QuizBank(db, source)
    bank.generate()
    return bank


@pytest.fixture
def practice(db: Database, bank: QuizBank) -> PracticeService:
    return PracticeService(db, bank)


@pytest.fixture
def group_quiz(db: Database, bank: QuizBank) -> GroupQuizService:
    return GroupQuizService(db, bank)
