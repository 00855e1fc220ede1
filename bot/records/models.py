"""Participation records: units, members, campaigns, sessions, attendance, questions asked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Stable constraint names so Alembic migrations (and SQLite batch mode) can address them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UNIT_KINDS = ("province", "district", "cell")
ROLES = ("member", "secretary", "admin")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite would otherwise hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, aware, in UTC: the only clock the records use."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every records table (quiz tables included)."""

    metadata = MetaData(naming_convention=NAMING)


class Unit(Base):
    """An organisation unit: province committee, district/town committee or party cell."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)

    parent: Mapped[Unit | None] = relationship(remote_side=[id])


class Member(Base):
    """A party member belonging to one unit, with a role in it."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="member")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    unit: Mapped[Unit] = relationship()


class Identity(Base):
    """A messenger account linked to a member: one (channel, user_id) maps to one member."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("channel", "user_id", name="uq_identities_channel_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(100))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)


class Campaign(Base):
    """A study campaign (đợt sinh hoạt): title, documents, deadline, participating units."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300), unique=True)
    starts_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    deadline: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class CampaignDocument(Base):
    """A document (library file name) studied in a campaign."""

    __tablename__ = "campaign_documents"
    __table_args__ = (
        UniqueConstraint("campaign_id", "document", name="uq_campaign_documents_doc"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    document: Mapped[str] = mapped_column(String(300))


class CampaignUnit(Base):
    """A unit taking part in a campaign; its whole subtree takes part."""

    __tablename__ = "campaign_units"
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id", name="uq_campaign_units_unit"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))


class StudySession(Base):
    """One meeting of a cell for a campaign, with the check-in code read out in it."""

    __tablename__ = "study_sessions"
    __table_args__ = (Index("ix_study_sessions_cell_open", "cell_id", "closed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"), index=True)
    topic: Mapped[str] = mapped_column(String(500))
    place: Mapped[str | None] = mapped_column(String(300))
    code: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(100))
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Attendance(Base):
    """A member's check-in to a session; unique so a redelivered update never double-counts."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "member_id", name="uq_attendance_session"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("study_sessions.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    checked_in_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Invite(Base):
    """An enrolment code for a cell, created by its secretary."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    cell_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())


class QuestionLog(Base):
    """A question asked through any channel, with the answer given and its sources."""

    __tablename__ = "question_logs"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    grounded: Mapped[bool]
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str | None] = mapped_column(String(100))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    chat_id: Mapped[str] = mapped_column(String(100))
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class Feedback(Base):
    """A 👍/👎 vote on an answer; one per person per answer, re-voting updates it."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("question_log_id", "channel", "user_id", name="uq_feedback_voter"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_log_id: Mapped[int] = mapped_column(ForeignKey("question_logs.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(100))
    vote: Mapped[int] = mapped_column(Integer)
    voted_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Refusal(Base):
    """An audit entry for every refused attempt (wrong role, wrong cell, bad code)."""

    __tablename__ = "refusals"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(100))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str | None] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class InboxUpdate(Base):
    """A messenger update as received, kept until handled so a crash cannot lose it."""

    __tablename__ = "update_inbox"
    __table_args__ = (
        UniqueConstraint("channel", "update_id", name="uq_update_inbox_update"),
        Index("ix_update_inbox_pending", "channel", "done_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    update_id: Mapped[str] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(Text)  # the update's JSON as received
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
