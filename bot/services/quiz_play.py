"""Playing quizzes: practice one question at a time and group quizzes, all state in the DB."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.records.database import Database
from bot.records.models import Identity, utcnow
from bot.records.quiz_models import QuizAnswer, QuizPoll, QuizQuestion, QuizRun
from bot.services.access import Access
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


@dataclass(frozen=True)
class PracticeStep:
    """Feedback on a practice answer and what comes next (None: the practice is over)."""

    was_correct: bool
    correct: int
    explanation: str
    next: PlayQuestion | None
    score: int
    answered: int
    total: int


@dataclass(frozen=True)
class ScoreLine:
    user_id: str
    name: str
    correct: int
    answered: int


@dataclass(frozen=True)
class Results:
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


@dataclass(frozen=True)
class MemberScore:
    answered: int
    correct: int
    quizzes: int


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


class QuizPlay:
    """Runs quizzes for every channel; nothing lives only in memory."""

    def __init__(self, database: Database, bank: QuizBank, access: Access | None = None) -> None:
        self.database = database
        self.bank = bank
        self.access = access  # None: no role checks (tests of the quiz mechanics, console)

    def _authorise_group(self, by: UserRef, chat: ChatRef) -> None:
        """Only a secretary (or an admin) runs a group quiz; refusals are audited."""
        if self.access is None:
            return
        with self.access.audited(), self.database.session() as session:
            actor = self.access.actor(session, by)
            member = actor.member
            if actor.is_admin or (member is not None and member.role in ("secretary", "admin")):
                return
            self.access.refuse(by, "quiz_group", chat.chat_id, texts.SECRETARY_ONLY, member=member)

    # --- shared -----------------------------------------------------------------------------

    def _start(
        self, mode: str, chat: ChatRef, by: UserRef, n: int, seconds: int, topic: str | None
    ) -> PlayQuestion:
        if not 1 <= n <= MAX_QUESTIONS:
            raise QuizError(texts.BAD_COUNT.format(max=MAX_QUESTIONS))
        ids = self.bank.pick(n, topic)
        if not ids:
            raise QuizError(
                texts.NO_QUESTIONS_TOPIC.format(topic=topic) if topic else texts.NO_QUESTIONS
            )
        with self.database.session() as session:
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
            return self._question(session, run, 0)

    @staticmethod
    def _question(session: Session, run: QuizRun, position: int) -> PlayQuestion:
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

    def question_at(self, run_id: int, position: int) -> PlayQuestion:
        with self.database.session() as session:
            run = session.get(QuizRun, run_id)
            if run is None or not 0 <= position < len(run.question_ids):
                raise QuizError(texts.NO_RUN)
            return self._question(session, run, position)

    @staticmethod
    def _member(session: Session, user: UserRef) -> int | None:
        return session.scalar(
            select(Identity.member_id).where(
                Identity.channel == user.channel, Identity.user_id == user.user_id
            )
        )

    def _record(
        self, session: Session, run: QuizRun, position: int, user: UserRef, option: int | None
    ) -> Outcome:
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
                member_id=self._member(session, user),
                option=option,
                correct=option == question.correct,
                answered_at=utcnow(),
            )
        )
        return "counted"

    # --- group quizzes ----------------------------------------------------------------------

    def start_group(
        self, chat: ChatRef, by: UserRef, n: int, seconds: int, topic: str | None = None
    ) -> PlayQuestion:
        """Open a group quiz in a chat (one at a time) and return its first question."""
        self._authorise_group(by, chat)
        if not 5 <= seconds <= 600:  # Telegram's open_period range
            raise QuizError(texts.BAD_SECONDS)
        if self.running_group(chat) is not None:
            raise QuizError(texts.ALREADY_RUNNING)
        return self._start("group", chat, by, n, seconds, topic)

    def running_group(self, chat: ChatRef) -> int | None:
        with self.database.session() as session:
            return session.scalar(
                select(QuizRun.id).where(
                    QuizRun.mode == "group",
                    QuizRun.channel == chat.channel,
                    QuizRun.chat_id == chat.chat_id,
                    QuizRun.state == "running",
                )
            )

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
                return self._record(session, run, poll.position, user, option)
        except IntegrityError:
            return "duplicate"  # the same update delivered twice at once

    def answer_text(self, chat: ChatRef, user: UserRef, letter: str, at: datetime) -> Outcome:
        """Text mode of a group quiz (console, Zalo): a letter answers the current question."""
        run_id = self.running_group(chat)
        if run_id is None:
            return "unknown"
        with self.database.session() as session:
            run = session.get(QuizRun, run_id)
            assert run is not None
            poll = session.scalar(
                select(QuizPoll).where(QuizPoll.run_id == run_id, QuizPoll.position == run.position)
            )
            if poll is None:
                return "unknown"
            if at > poll.deadline:
                return "late"
            question = self._question(session, run, run.position)
            option = letter_index(letter, len(question.options))
            if option is None:
                return "invalid"
            return self._record(session, run, run.position, user, option)

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
            return self._question(session, run, following)

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

    def open_group_runs(self, channel: str) -> list[OpenRun]:
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
                    )
                )
            return found

    # --- practice ---------------------------------------------------------------------------

    def _practice(self, session: Session, user: UserRef, chat: ChatRef) -> QuizRun | None:
        return session.scalar(
            select(QuizRun).where(
                QuizRun.mode == "practice",
                QuizRun.channel == chat.channel,
                QuizRun.chat_id == chat.chat_id,
                QuizRun.started_by == user.user_id,
                QuizRun.state == "running",
            )
        )

    def start_practice(
        self, user: UserRef, chat: ChatRef, topic: str | None = None, n: int = 5
    ) -> PlayQuestion:
        """Start (or restart) a member's practice and return its first question."""
        self.stop_practice(user, chat)
        return self._start("practice", chat, user, n, 0, topic)

    def has_active_practice(self, user: UserRef, chat: ChatRef) -> bool:
        with self.database.session() as session:
            return self._practice(session, user, chat) is not None

    def current_practice(self, user: UserRef, chat: ChatRef) -> PlayQuestion | None:
        with self.database.session() as session:
            run = self._practice(session, user, chat)
            return None if run is None else self._question(session, run, run.position)

    def stop_practice(self, user: UserRef, chat: ChatRef) -> bool:
        with self.database.session() as session:
            run = self._practice(session, user, chat)
            if run is None:
                return False
            run.state, run.finished_at = "closed", utcnow()
            return True

    def answer_practice(self, user: UserRef, chat: ChatRef, letter: str) -> PracticeStep:
        """Check a practice answer (a letter or an option index), store it, move on."""
        with self.database.session() as session:
            run = self._practice(session, user, chat)
            if run is None:
                raise QuizError(texts.NO_PRACTICE)
            question = self._question(session, run, run.position)
            option = letter_index(letter, len(question.options))
            if option is None:
                raise QuizError(texts.BAD_LETTER.format(letters=LETTERS[: len(question.options)]))
            self._record(session, run, run.position, user, option)
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
                upcoming = self._question(session, run, following)
            else:
                run.state, run.finished_at = "finished", utcnow()
            return PracticeStep(
                option == question.correct,
                question.correct,
                question.explanation,
                upcoming,
                int(score or 0),
                following,
                question.total,
            )


def quiz_scores(session: Session, member_ids: Sequence[int]) -> dict[int, MemberScore]:
    """Per member: questions answered, answered correctly, quizzes taken (for the cell report)."""
    rows = session.execute(
        select(
            QuizAnswer.member_id,
            func.count(QuizAnswer.option),
            func.count(QuizAnswer.id).filter(QuizAnswer.correct.is_(True)),
            func.count(func.distinct(QuizAnswer.run_id)),
        )
        .where(QuizAnswer.member_id.in_(list(member_ids)))
        .group_by(QuizAnswer.member_id)
    ).all()
    return {int(m): MemberScore(int(a), int(c), int(q)) for m, a, c, q in rows if m is not None}
