"""Study sessions and check-in: open with a code, members check in, close and summarise."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.records import Database
from bot.records.models import (
    Attendance,
    Campaign,
    CampaignUnit,
    Member,
    StudySession,
    Unit,
    utcnow,
)
from bot.records.upsert import insert_for
from bot.services.access import Access, UnitNode, UnitTree
from bot.services.errors import DomainError, NotEnrolled
from bot.services.identity import ChatRef, UserRef
from bot.services.organisation import require_unit
from bot.texts import records as texts

CODE_DIGITS = 4  # read out loud in the meeting; only the cell's own members can use it


@dataclass(frozen=True)
class OpenedSession:
    """A session just opened: what the check-in post needs."""

    id: int
    code: str
    cell: str
    topic: str
    campaign: str | None
    opened_at: datetime


@dataclass(frozen=True)
class CheckIn:
    """A check-in outcome (`already` when this was a repeat: nothing was added)."""

    member_name: str
    cell: str
    topic: str
    already: bool
    present: int  # how many have checked in so far
    session_id: int = 0
    session_chat: ChatRef | None = None  # where the session was opened (its live post lives there)


@dataclass(frozen=True)
class PresentSoFar:
    """Who has checked in to a session so far (for the live check-in post)."""

    session_id: int
    cell: str
    topic: str
    code: str
    present: list[str]  # in check-in order
    enrolled: int  # members of the cell now
    closed: bool


@dataclass(frozen=True)
class SessionSummary:
    """A closed session: who came and who did not."""

    cell: str
    topic: str
    opened_at: datetime
    closed_at: datetime
    present: list[str]
    absent: list[str]
    session_id: int = 0

    @property
    def enrolled(self) -> int:
        """Members of the cell when the session closed."""
        return len(self.present) + len(self.absent)


class AttendanceService:
    """Opens and closes study sessions and records check-ins."""

    def __init__(self, database: Database, access: Access) -> None:
        self.database = database
        self.access = access

    def open_session(
        self,
        secretary: UserRef | None,
        chat: ChatRef,
        topic: str,
        cell: str | None = None,
        place: str | None = None,
    ) -> OpenedSession:
        """Open a session for the secretary's cell (or `cell`), posted in `chat`."""
        topic = " ".join(topic.split())
        if not topic:
            raise DomainError(texts.TOPIC_EMPTY)
        with self.access.audited(), self.database.session() as session:
            tree = UnitTree.load(session)
            node = self._cell_for(session, tree, secretary, cell, "open_session")
            current = self._open_in_cell(session, node.id)
            if current is not None:
                raise DomainError(texts.session_already_open(current.topic, current.code))
            campaign = self._current_campaign(session, tree, node.id)
            actor = self.access.actor(session, secretary)
            study = StudySession(
                cell_id=node.id,
                campaign_id=campaign.id if campaign else None,
                topic=topic[:500],
                place=place,
                code="".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS)),
                channel=chat.channel,
                chat_id=chat.chat_id,
                opened_by=actor.member.id if actor.member else None,
                opened_at=utcnow(),
            )
            session.add(study)
            session.flush()
            title = campaign.title if campaign else None
            return OpenedSession(study.id, study.code, node.name, topic, title, study.opened_at)

    def check_in(self, user: UserRef, code: str) -> CheckIn:
        """Record attendance at the member's cell's open session; repeats change nothing."""
        code = code.strip()
        with self.access.audited(), self.database.session() as session:
            member = self.access.require_member(session, user, "check_in")
            # FOR SHARE: a concurrent /dongphien waits for this check-in instead of racing it.
            study = self._open_in_cell(session, member.unit_id, lock=True)
            if study is None or study.code != code:
                last = session.scalars(
                    select(StudySession)
                    .where(StudySession.cell_id == member.unit_id, StudySession.code == code)
                    .order_by(StudySession.opened_at.desc())
                ).first()
                message = texts.SESSION_CLOSED if last is not None else texts.WRONG_CODE
                if study is None and last is None:
                    message = texts.NO_OPEN_SESSION
                self.access.refuse(user, "check_in", code, message, member, error=DomainError)
            # The unique (session, member) constraint absorbs redelivered updates and races.
            inserted = session.execute(
                insert_for(session, Attendance)
                .values(session_id=study.id, member_id=member.id, checked_in_at=utcnow())
                .on_conflict_do_nothing(index_elements=["session_id", "member_id"])
                .returning(Attendance.id)
            ).first()
            present = session.scalar(select(func.count()).where(Attendance.session_id == study.id))
            cell_name = session.scalar(select(Unit.name).where(Unit.id == study.cell_id)) or ""
            where = ChatRef(study.channel, study.chat_id, is_group=True)  # type: ignore[arg-type]
            return CheckIn(
                member.name, cell_name, study.topic, inserted is None, present or 0, study.id, where
            )

    def present_so_far(self, session_id: int) -> PresentSoFar | None:
        """The members checked in to a session, in check-in order (None: no such session)."""
        with self.database.read() as session:
            study = session.get(StudySession, session_id)
            if study is None:
                return None
            names = session.scalars(
                select(Member.name)
                .join(Attendance, Attendance.member_id == Member.id)
                .where(Attendance.session_id == session_id)
                .order_by(Attendance.checked_in_at, Attendance.id)
            ).all()
            enrolled = session.scalar(
                select(func.count()).select_from(Member).where(Member.unit_id == study.cell_id)
            )
            cell = session.scalar(select(Unit.name).where(Unit.id == study.cell_id)) or ""
            closed = study.closed_at is not None
            return PresentSoFar(
                study.id, cell, study.topic, study.code, list(names), enrolled or 0, closed
            )

    def close_session(
        self, secretary: UserRef | None, chat: ChatRef, cell: str | None = None
    ) -> SessionSummary:
        """Close the open session of this chat (or of the secretary's cell) and summarise it."""
        with self.access.audited(), self.database.session() as session:
            tree = UnitTree.load(session)
            study = None
            if cell is None:
                study = session.scalars(
                    select(StudySession).where(
                        StudySession.channel == chat.channel,
                        StudySession.chat_id == chat.chat_id,
                        StudySession.closed_at.is_(None),
                    )
                ).first()
            if study is not None:
                node = tree.nodes[study.cell_id]
                self.access.require_oversight(
                    tree, self.access.actor(session, secretary), node, "close_session"
                )
            else:
                node = self._cell_for(session, tree, secretary, cell, "close_session")
                study = self._open_in_cell(session, node.id)
                if study is None:
                    raise DomainError(texts.NO_OPEN_SESSION_TO_CLOSE)
            study.closed_at = utcnow()
            rows = session.execute(
                select(Member.name, Attendance.id)
                .outerjoin(
                    Attendance,
                    (Attendance.member_id == Member.id) & (Attendance.session_id == study.id),
                )
                .where(Member.unit_id == study.cell_id)
                .order_by(Member.name)
            ).all()
            present = [r.name for r in rows if r.id is not None]
            absent = [r.name for r in rows if r.id is None]
            return SessionSummary(
                node.name, study.topic, study.opened_at, study.closed_at, present, absent, study.id
            )

    def _cell_for(
        self,
        session: Session,
        tree: UnitTree,
        user: UserRef | None,
        cell: str | None,
        action: str,
    ) -> UnitNode:
        """The cell acted on: the named one, else the acting secretary's own; role-checked."""
        actor = self.access.actor(session, user)
        if cell is not None:
            node = require_unit(tree, cell, kind="cell")
        elif actor.member is not None:
            node = tree.nodes[actor.member.unit_id]
            if node.kind != "cell":
                raise DomainError(texts.NAME_THE_CELL)
        else:
            assert user is not None
            self.access.refuse(user, action, None, texts.NOT_ENROLLED, error=NotEnrolled)
        if actor.member is not None and actor.member.role == "member" and not actor.is_admin:
            assert user is not None
            self.access.refuse(user, action, node.name, texts.NOT_SECRETARY, actor.member)
        self.access.require_oversight(tree, actor, node, action)
        return node

    @staticmethod
    def _open_in_cell(session: Session, cell_id: int, lock: bool = False) -> StudySession | None:
        query = select(StudySession).where(
            StudySession.cell_id == cell_id, StudySession.closed_at.is_(None)
        )
        if lock:
            query = query.with_for_update(read=True)
        return session.scalars(query).first()

    @staticmethod
    def _current_campaign(session: Session, tree: UnitTree, cell_id: int) -> Campaign | None:
        """The newest campaign covering this cell (directly or through a unit above it)."""
        return session.scalars(
            select(Campaign)
            .join(CampaignUnit, CampaignUnit.campaign_id == Campaign.id)
            .where(CampaignUnit.unit_id.in_(tree.ancestors(cell_id)))
            .order_by(Campaign.created_at.desc(), Campaign.id.desc())
        ).first()
