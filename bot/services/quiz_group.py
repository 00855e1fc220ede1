"""Group quizzes: one run per chat, questions sent as polls, a leaderboard; state in the DB."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.records.database import Database
from bot.records.models import utcnow
from bot.records.quiz_models import QuizAnswer, QuizPoll, QuizRun
from bot.services.access import Access
from bot.services.identity import ChatRef, UserRef
from bot.services.quiz_bank import QuizBank, QuizError
from bot.services.quiz_runs import Outcome, PlayQuestion, question_of, record_answer, start_run
from bot.texts import quiz as texts

DEFAULT_QUESTIONS = 5
DEFAULT_SECONDS = 30


@dataclass(frozen=True)
class ScoreLine:
    """One member's line of a leaderboard."""

    user_id: str
    name: str
    correct: int
    answered: int


@dataclass(frozen=True)
class Results:
    """A run's leaderboard, best first."""

    run_id: int
    total: int
    lines: list[ScoreLine]

    @property
    def participants(self) -> int:
        return len(self.lines)


@dataclass(frozen=True)
class OpenRun:
    """An unfinished group run found after a restart."""

    run_id: int
    chat_id: str
    position: int
    total: int
    deadline: datetime | None  # of the question being asked; None if it was never sent
    message_id: str | None = None  # of that question's poll


class GroupQuizService:
    """Group quizzes for every channel; nothing lives only in memory."""

    def __init__(self, database: Database, bank: QuizBank, access: Access | None = None) -> None:
        self.database = database
        self.bank = bank
        self.access = access  # None: no role checks (tests of the quiz mechanics, console)

    def _authorise(self, by: UserRef, chat: ChatRef) -> None:
        """Only a secretary (or an admin) runs a group quiz; refusals are audited."""
        if self.access is None:
            return
        with self.access.audited(), self.database.session() as session:
            actor = self.access.actor(session, by)
            member = actor.member
            if actor.is_admin or (member is not None and member.role in ("secretary", "admin")):
                return
            self.access.refuse(by, "quiz_group", chat.chat_id, texts.SECRETARY_ONLY, member=member)

    def start(
        self, chat: ChatRef, by: UserRef, n: int, seconds: int, topic: str | None = None
    ) -> PlayQuestion:
        """Open a group quiz in a chat (one at a time) and return its first question."""
        self._authorise(by, chat)
        if not 5 <= seconds <= 600:  # Telegram's open_period range
            raise QuizError(texts.BAD_SECONDS)
        if self.running(chat) is not None:
            raise QuizError(texts.ALREADY_RUNNING)
        return start_run(self.database, self.bank, "group", chat, by, n, seconds, topic)

    def running(self, chat: ChatRef) -> int | None:
        """The id of the chat's running group quiz, if any."""
        with self.database.session() as session:
            return session.scalar(
                select(QuizRun.id).where(
                    QuizRun.mode == "group",
                    QuizRun.channel == chat.channel,
                    QuizRun.chat_id == chat.chat_id,
                    QuizRun.state == "running",
                )
            )

    def question_at(self, run_id: int, position: int) -> PlayQuestion:
        with self.database.session() as session:
            run = session.get(QuizRun, run_id)
            if run is None or not 0 <= position < len(run.question_ids):
                raise QuizError(texts.NO_RUN)
            return question_of(session, run, position)

    def mark_sent(
        self, run_id: int, position: int, poll_id: str | None, message_id: str | None, at: datetime
    ) -> datetime:
        """Remember a sent question (poll id for poll answers); returns its answer deadline."""
        with self.database.session() as session:
            run = session.get(QuizRun, run_id)
            if run is None:
                raise QuizError(texts.NO_RUN)
            deadline = at + timedelta(seconds=run.seconds_per_question)
            session.add(
                QuizPoll(
                    run_id=run_id,
                    position=position,
                    poll_id=poll_id,
                    message_id=message_id,
                    deadline=deadline,
                )
            )
            run.position = position
            return deadline

    def answer_poll(
        self,
        channel: str,
        poll_id: str,
        user: UserRef,
        option_ids: Sequence[int],
        at: datetime | None = None,
    ) -> Outcome:
        """A `poll_answer` update: counts once, an empty choice retracts, late ones are ignored.

        `at` is when the answer was given, for messengers that do not close polls themselves.
        None: the messenger only delivers answers given while the poll was open (Telegram), so
        the answer counts however late it is processed, even after the run has moved on.
        """
        try:
            with self.database.session() as session:
                poll = session.scalar(select(QuizPoll).where(QuizPoll.poll_id == poll_id))
                if poll is None:
                    return "unknown"
                run = session.get(QuizRun, poll.run_id)
                if run is None or run.channel != channel:
                    return "unknown"
                if at is not None and run.state != "running":
                    return "closed"
                if at is not None and at > poll.deadline:
                    return "late"
                option = option_ids[0] if option_ids else None
                if option is not None and not 0 <= option < 4:
                    return "invalid"
                return record_answer(session, run, poll.position, user, option)
        except IntegrityError:
            return "duplicate"  # the same update delivered twice at once

    def advance(self, run_id: int) -> PlayQuestion | None:
        """The next question of a running group quiz, or None when it is finished now."""
        with self.database.session() as session:
            run = session.get(QuizRun, run_id, with_for_update=True)
            if run is None or run.state != "running":
                return None
            sent = session.scalar(
                select(func.max(QuizPoll.position)).where(QuizPoll.run_id == run_id)
            )
            following = 0 if sent is None else sent + 1
            if following >= len(run.question_ids):
                run.state, run.finished_at = "finished", utcnow()
                return None
            return question_of(session, run, following)

    def close(self, run_id: int) -> None:
        """Stop a run without more questions (answers so far still count)."""
        with self.database.session() as session:
            run = session.get(QuizRun, run_id)
            if run is not None and run.state == "running":
                run.state, run.finished_at = "closed", utcnow()

    def results(self, run_id: int) -> Results:
        """Leaderboard: correct answers, then fewer answers (fewer guesses) first."""
        with self.database.session() as session:
            run = session.get(QuizRun, run_id)
            if run is None:
                raise QuizError(texts.NO_RUN)
            rows = session.execute(
                select(
                    QuizAnswer.user_id,
                    func.max(QuizAnswer.display_name),
                    func.count(QuizAnswer.id).filter(QuizAnswer.correct.is_(True)),
                    func.count(QuizAnswer.option),
                )
                .where(QuizAnswer.run_id == run_id)
                .group_by(QuizAnswer.channel, QuizAnswer.user_id)
            ).all()
            lines = [
                ScoreLine(user_id, name or user_id, int(correct or 0), int(answered))
                for user_id, name, correct, answered in rows
                if answered
            ]
            lines.sort(key=lambda line: (-line.correct, line.answered, line.name))
            return Results(run_id, len(run.question_ids), lines)

    def open_runs(self, channel: str) -> list[OpenRun]:
        """Group quizzes still running (after a restart): resume or close them."""
        with self.database.session() as session:
            runs = session.scalars(
                select(QuizRun).where(
                    QuizRun.mode == "group", QuizRun.channel == channel, QuizRun.state == "running"
                )
            ).all()
            found = []
            for run in runs:
                poll = session.scalar(
                    select(QuizPoll)
                    .where(QuizPoll.run_id == run.id)
                    .order_by(QuizPoll.position.desc())
                )
                found.append(
                    OpenRun(
                        run.id,
                        run.chat_id,
                        poll.position if poll else -1,
                        len(run.question_ids),
                        poll.deadline if poll else None,
                        poll.message_id if poll else None,
                    )
                )
            return found
