"""A quiz run in the database: starting one, its questions, recording an answer.

Shared by group quizzes (`quiz_group.py`) and private practice (`practice.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.records.database import Database
from bot.records.models import Identity, utcnow
from bot.records.quiz_models import QuizAnswer, QuizQuestion, QuizRun
from bot.services.identity import ChatRef, UserRef
from bot.services.quiz_bank import QuizBank, QuizError
from bot.texts import quiz as texts

LETTERS = "ABCD"
MAX_QUESTIONS = 20
Outcome = Literal["counted", "duplicate", "retracted", "late", "closed", "unknown", "invalid"]


@dataclass(frozen=True)
class PlayQuestion:
    """A question as asked in a run."""

    run_id: int
    position: int
    total: int
    question_id: int
    text: str
    options: tuple[str, ...]
    correct: int
    explanation: str
    seconds: int


def letter_index(letter: str, count: int) -> int | None:
    """ "b", "B", "2" → 1; anything else → None."""
    value = letter.strip().upper().rstrip(".)")
    if value.isdigit():
        index = int(value) - 1
    elif len(value) == 1 and value in LETTERS:
        index = LETTERS.index(value)
    else:
        return None
    return index if 0 <= index < count else None


def start_run(
    database: Database,
    bank: QuizBank,
    mode: str,
    chat: ChatRef,
    by: UserRef,
    n: int,
    seconds: int,
    topic: str | None,
) -> PlayQuestion:
    """Store a new running quiz of up to `n` bank questions and return its first question."""
    if not 1 <= n <= MAX_QUESTIONS:
        raise QuizError(texts.BAD_COUNT.format(max=MAX_QUESTIONS))
    ids = bank.pick(n, topic)
    if not ids:
        raise QuizError(
            texts.NO_QUESTIONS_TOPIC.format(topic=topic) if topic else texts.NO_QUESTIONS
        )
    with database.session() as session:
        run = QuizRun(
            mode=mode,
            channel=chat.channel,
            chat_id=chat.chat_id,
            started_by=by.user_id,
            started_by_name=by.display_name,
            topic=topic,
            state="running",
            question_ids=ids,
            position=0,
            seconds_per_question=seconds,
            started_at=utcnow(),
        )
        session.add(run)
        session.flush()
        return question_of(session, run, 0)


def question_of(session: Session, run: QuizRun, position: int) -> PlayQuestion:
    """The question asked at `position` of `run`."""
    row = session.get(QuizQuestion, run.question_ids[position])
    assert row is not None
    return PlayQuestion(
        run.id,
        position,
        len(run.question_ids),
        row.id,
        row.text,
        tuple(row.options),
        row.correct,
        row.explanation,
        run.seconds_per_question,
    )


def _member(session: Session, user: UserRef) -> int | None:
    return session.scalar(
        select(Identity.member_id).where(
            Identity.channel == user.channel, Identity.user_id == user.user_id
        )
    )


def record_answer(
    session: Session, run: QuizRun, position: int, user: UserRef, option: int | None
) -> Outcome:
    """Store a member's answer; the first one stands, None retracts it."""
    question = session.get(QuizQuestion, run.question_ids[position])
    assert question is not None
    existing = session.scalar(
        select(QuizAnswer).where(
            QuizAnswer.run_id == run.id,
            QuizAnswer.position == position,
            QuizAnswer.channel == user.channel,
            QuizAnswer.user_id == user.user_id,
        )
    )
    if option is None:
        if existing is None or existing.option is None:
            return "duplicate"
        existing.option, existing.correct, existing.answered_at = None, False, utcnow()
        return "retracted"
    if existing is not None and existing.option is not None:
        return "duplicate"  # the first answer stands: no answer counts twice
    if existing is not None:
        existing.option, existing.correct = option, option == question.correct
        existing.answered_at = utcnow()
        return "counted"
    session.add(
        QuizAnswer(
            run_id=run.id,
            position=position,
            question_id=question.id,
            channel=user.channel,
            user_id=user.user_id,
            display_name=user.display_name,
            member_id=_member(session, user),
            option=option,
            correct=option == question.correct,
            answered_at=utcnow(),
        )
    )
    return "counted"
