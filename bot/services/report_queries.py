"""The report queries: grouped counts over records, so a district costs a handful of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.orm import Session

from bot.records.models import Feedback, Member, QuestionLog, StudySession
from bot.records.quiz_models import QuizAnswer
from bot.services.report_data import DislikedAnswer, QuestionStat, QuizScore

TOP = 10


@dataclass(frozen=True)
class Period:
    """The campaign a report covers (None: everything) and its time window."""

    campaign_id: int | None
    title: str | None
    since: datetime | None
    until: datetime | None

    def sessions(self) -> Any:
        """Filter on study sessions."""
        if self.campaign_id is None:
            return true()
        return StudySession.campaign_id == self.campaign_id

    def window(self, column: Any) -> Any:
        """Filter on a timestamp (questions asked, quiz answers)."""
        conditions = [true()]
        if self.since is not None:
            conditions.append(column >= self.since)
        if self.until is not None:
            conditions.append(column <= self.until)
        return and_(*conditions)


def by_cell(session: Session, query: Any) -> dict[int, int]:
    """Run a (cell id, count) query grouped by its first column."""
    return {row[0]: row[1] for row in session.execute(query.group_by(query.selected_columns[0]))}


def quiz_scores(session: Session, where: list[Any], period: Period) -> dict[int, QuizScore]:
    """Per member: quiz questions answered and answered correctly within the period."""
    rows = session.execute(
        select(
            QuizAnswer.member_id,
            func.count(QuizAnswer.option),
            func.sum(case((and_(QuizAnswer.correct, QuizAnswer.option.is_not(None)), 1), else_=0)),
        )
        .join(Member, Member.id == QuizAnswer.member_id)
        .where(*where, period.window(QuizAnswer.answered_at))
        .group_by(QuizAnswer.member_id)
    ).all()
    return {m: QuizScore(int(a), int(c or 0)) for m, a, c in rows if a}


def questions(
    session: Session, unit_ids: list[int], period: Period
) -> tuple[list[QuestionStat], int]:
    """The most asked questions by members of these units, and how many were asked in all."""
    scope = and_(Member.unit_id.in_(unit_ids), period.window(QuestionLog.asked_at))
    count = func.count().label("n")
    top = session.execute(
        select(QuestionLog.question, count)
        .join(Member, Member.id == QuestionLog.member_id)
        .where(scope)
        .group_by(QuestionLog.question)
        .order_by(count.desc(), QuestionLog.question)
        .limit(TOP)
    ).all()
    total = session.scalar(select(func.count()).select_from(QuestionLog).join(Member).where(scope))
    return [QuestionStat(q, n) for q, n in top], total or 0


def disliked(session: Session, unit_ids: list[int], period: Period) -> list[DislikedAnswer]:
    """Answers to these units' members that got 👎, most disliked first."""
    down = func.sum(case((Feedback.vote < 0, 1), else_=0)).label("down")
    up = func.sum(case((Feedback.vote > 0, 1), else_=0))
    rows = session.execute(
        select(QuestionLog.id, QuestionLog.question, QuestionLog.answer, down, up)
        .join(Feedback, Feedback.question_log_id == QuestionLog.id)
        .join(Member, Member.id == QuestionLog.member_id)
        .where(Member.unit_id.in_(unit_ids), period.window(QuestionLog.asked_at))
        .group_by(QuestionLog.id, QuestionLog.question, QuestionLog.answer)
        .having(down > 0)
        .order_by(down.desc(), QuestionLog.id)
        .limit(TOP)
    ).all()
    return [DislikedAnswer(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in rows]
