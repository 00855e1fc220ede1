"""Private practice: one question at a time, answered by a letter, scored at the end.

Channel-neutral: Telegram shows the questions with buttons, Zalo and the console as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.records.database import Database
from bot.records.models import utcnow
from bot.records.quiz_models import QuizAnswer, QuizRun
from bot.services.identity import ChatRef, UserRef
from bot.services.quiz_bank import QuizBank, QuizError
from bot.services.quiz_runs import (
    LETTERS,
    PlayQuestion,
    letter_index,
    question_of,
    record_answer,
    start_run,
)
from bot.texts import quiz as texts

PRACTICE_SIZE = 5


class StaleQuestion(QuizError):
    """An answer to a question that is no longer the one asked (an old button)."""


@dataclass(frozen=True)
class PracticeStep:
    """Feedback on a practice answer and what comes next (None: the practice is over)."""

    question: PlayQuestion  # the question answered
    was_correct: bool
    next: PlayQuestion | None
    score: int

    @property
    def correct(self) -> int:
        return self.question.correct

    @property
    def correct_option(self) -> str:
        return self.question.options[self.question.correct]

    @property
    def explanation(self) -> str:
        return self.question.explanation

    @property
    def answered(self) -> int:
        return self.question.position + 1

    @property
    def total(self) -> int:
        return self.question.total


class PracticeService:
    """A member's practice in a chat: start, answer, finish; every step stored in the DB."""

    def __init__(self, database: Database, bank: QuizBank) -> None:
        self.database = database
        self.bank = bank

    def topics(self) -> list[tuple[str, int]]:
        """Topics to practise, with their question counts, largest first."""
        return self.bank.topics()

    def start(
        self, user: UserRef, chat: ChatRef, topic: str | None = None, n: int = PRACTICE_SIZE
    ) -> PlayQuestion:
        """Start (or restart) a member's practice and return its first question."""
        self.stop(user, chat)
        return start_run(self.database, self.bank, "practice", chat, user, n, 0, topic)

    def current(self, user: UserRef, chat: ChatRef) -> PlayQuestion | None:
        """The question waiting for the member's answer, if a practice is running."""
        with self.database.session() as session:
            run = self._running(session, user, chat)
            return None if run is None else question_of(session, run, run.position)

    def stop(self, user: UserRef, chat: ChatRef) -> bool:
        with self.database.session() as session:
            run = self._running(session, user, chat)
            if run is None:
                return False
            run.state, run.finished_at = "closed", utcnow()
            return True

    def answer(
        self, user: UserRef, chat: ChatRef, letter: str, asked: tuple[int, int] | None = None
    ) -> PracticeStep:
        """Check an answer (a letter or an option number), store it, move on.

        `asked` is the (run, position) the answer was given to, when the channel knows it
        (a button): an answer to any other question raises StaleQuestion.
        """
        with self.database.session() as session:
            run = self._running(session, user, chat)
            if asked is not None and (run is None or (run.id, run.position) != asked):
                raise StaleQuestion(texts.STALE_BUTTON)
            if run is None:
                raise QuizError(texts.NO_PRACTICE)
            question = question_of(session, run, run.position)
            option = letter_index(letter, len(question.options))
            if option is None:
                raise QuizError(texts.BAD_LETTER.format(letters=LETTERS[: len(question.options)]))
            record_answer(session, run, run.position, user, option)
            session.flush()
            score = session.scalar(
                select(func.count())
                .select_from(QuizAnswer)
                .where(QuizAnswer.run_id == run.id, QuizAnswer.correct.is_(True))
            )
            following = run.position + 1
            upcoming = None
            if following < len(run.question_ids):
                run.position = following
                upcoming = question_of(session, run, following)
            else:
                run.state, run.finished_at = "finished", utcnow()
            return PracticeStep(question, option == question.correct, upcoming, int(score or 0))

    @staticmethod
    def _running(session: Session, user: UserRef, chat: ChatRef) -> QuizRun | None:
        return session.scalar(
            select(QuizRun).where(
                QuizRun.mode == "practice",
                QuizRun.channel == chat.channel,
                QuizRun.chat_id == chat.chat_id,
                QuizRun.started_by == user.user_id,
                QuizRun.state == "running",
            )
        )
