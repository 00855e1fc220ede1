"""Quiz tables: the question bank, quiz runs (group and practice) and members' answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.records.models import Base, UtcDateTime

QUESTION_STATUSES = ("draft", "approved", "retired")
RUN_MODES = ("group", "practice")
RUN_STATES = ("running", "finished", "closed")


class QuizQuestion(Base):
    """A bank question with its answer key and the passage that proves it."""

    __tablename__ = "quiz_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    options: Mapped[list[str]] = mapped_column(JSON)
    correct: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(String(300), index=True)
    section: Mapped[str | None] = mapped_column(String(300))
    source_text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(200))
    difficulty: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), index=True)
    generator: Mapped[str] = mapped_column(String(40))  # "document_facts", …, "import", "manual"
    # Identity of the generated content; regeneration keeps rows whose fingerprint survives.
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    edited: Mapped[bool] = mapped_column(default=False)  # curated by hand: never regenerated
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class QuizRun(Base):
    """One quiz being played: a secretary's group quiz or a member's practice."""

    __tablename__ = "quiz_runs"
    __table_args__ = (Index("ix_quiz_runs_chat_state", "channel", "chat_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mode: Mapped[str] = mapped_column(String(10))
    channel: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(100))
    started_by: Mapped[str] = mapped_column(String(100))  # messenger user id
    started_by_name: Mapped[str] = mapped_column(String(200), default="")
    topic: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(10))
    question_ids: Mapped[list[int]] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer, default=0)  # question being asked, 0-based
    seconds_per_question: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class QuizPoll(Base):
    """A question of a run as sent: poll id, message id and when answers stop counting."""

    __tablename__ = "quiz_polls"
    __table_args__ = (UniqueConstraint("run_id", "position", name="uq_quiz_polls_run_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("quiz_runs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    poll_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    message_id: Mapped[str | None] = mapped_column(String(100))
    deadline: Mapped[datetime] = mapped_column(UtcDateTime())


class QuizAnswer(Base):
    """A member's answer to one question of a run; unique so no answer counts twice."""

    __tablename__ = "quiz_answers"
    __table_args__ = (
        UniqueConstraint("run_id", "position", "channel", "user_id", name="uq_quiz_answers_once"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("quiz_runs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[int] = mapped_column(ForeignKey("quiz_questions.id"))
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(100))
    display_name: Mapped[str] = mapped_column(String(200), default="")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    option: Mapped[int | None] = mapped_column(Integer)  # None: the vote was retracted
    correct: Mapped[bool] = mapped_column(default=False)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())


class QuizBankState(Base):
    """Which library content the generated bank was built from (a single row)."""

    __tablename__ = "quiz_bank_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    library_fingerprint: Mapped[str] = mapped_column(String(128))
    generated_at: Mapped[datetime] = mapped_column(UtcDateTime())


def as_dict(question: QuizQuestion) -> dict[str, Any]:
    """The `quiz export --json` shape of one question."""
    return {
        "id": question.id,
        "text": question.text,
        "options": list(question.options),
        "correct": question.correct,
        "explanation": question.explanation,
        "source": {
            "document": question.document,
            "section": question.section,
            "text": question.source_text,
        },
        "topic": question.topic,
        "difficulty": question.difficulty,
        "status": question.status,
        "generator": question.generator,
    }
