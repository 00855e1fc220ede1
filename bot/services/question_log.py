"""Every question asked and the answer given, plus 👍/👎 feedback on answers."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select

from bot.records import Database
from bot.records.models import Feedback, QuestionLog, utcnow
from bot.records.upsert import insert_for
from bot.services.access import Access
from bot.services.answers import Answer
from bot.services.identity import ChatRef, UserRef


class QuestionLogService:
    """Records questions and votes; reports read them back."""

    def __init__(self, database: Database, access: Access) -> None:
        self.database = database
        self.access = access

    def record(self, user: UserRef | None, chat: ChatRef, answer: Answer) -> int:
        """Store one answered question; the id goes into the 👍/👎 buttons' callback data."""
        with self.database.session() as session:
            member = self.access.member(session, user) if user is not None else None
            entry = QuestionLog(
                question=answer.question,
                answer=answer.text,
                grounded=answer.grounded,
                sources=[asdict(source) for source in answer.sources],
                channel=chat.channel,
                user_id=user.user_id if user else None,
                member_id=member.id if member else None,
                chat_id=chat.chat_id,
                asked_at=utcnow(),
            )
            session.add(entry)
            session.flush()
            return entry.id

    def vote(self, question_id: int, user: UserRef, vote: int) -> bool:
        """Record +1/-1 from this person; voting again replaces their vote. False if no such id."""
        if vote not in (1, -1):
            raise ValueError("vote must be +1 or -1")
        with self.database.session() as session:
            if session.scalar(select(QuestionLog.id).where(QuestionLog.id == question_id)) is None:
                return False
            now = utcnow()
            statement = insert_for(session, Feedback).values(
                question_log_id=question_id,
                channel=user.channel,
                user_id=user.user_id,
                vote=vote,
                voted_at=now,
            )
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["question_log_id", "channel", "user_id"],
                    set_={"vote": vote, "voted_at": now},
                )
            )
            return True
