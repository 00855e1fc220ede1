"""Enrolment: secretaries create invite codes, members redeem them to join their cell."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.records import Database
from bot.records.models import Identity, Invite, Member, utcnow
from bot.services.access import Access, UnitTree
from bot.services.errors import DomainError, NotEnrolled
from bot.services.identity import UserRef
from bot.services.organisation import require_unit
from bot.texts import records as texts

INVITE_LIFETIME = timedelta(days=7)
# Unambiguous letters and digits; fits Telegram's /start deep-link parameter (A-Za-z0-9_-).
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class InviteInfo:
    """A created invite: the code to share, its cell and when it stops working."""

    code: str
    cell: str
    expires_at: datetime


@dataclass(frozen=True)
class Enrolment:
    """The outcome of redeeming a code."""

    cell: str
    member_name: str
    already: bool  # the person was already a member of this cell; nothing changed


class EnrolmentService:
    """Invites and enrolment."""

    def __init__(self, database: Database, access: Access) -> None:
        self.database = database
        self.access = access

    def create_invite_info(self, secretary: UserRef | None, cell: str | None = None) -> InviteInfo:
        """A new invite to the cell, by its secretary, a committee above or an admin (None: CLI)."""
        with self.access.audited(), self.database.session() as session:
            tree = UnitTree.load(session)
            actor = self.access.actor(session, secretary)
            if cell is None:
                if actor.member is None:
                    assert secretary is not None
                    self.access.refuse(
                        secretary, "invite", None, texts.NOT_ENROLLED, error=NotEnrolled
                    )
                node = tree.nodes[actor.member.unit_id]
            else:
                node = require_unit(tree, cell)
            if node.kind != "cell":
                raise DomainError(texts.not_a_cell(node.name))
            self.access.require_oversight(tree, actor, node, "invite")
            now = utcnow()
            invite = Invite(
                code="".join(secrets.choice(CODE_ALPHABET) for _ in range(10)),
                cell_id=node.id,
                created_by=actor.member.id if actor.member else None,
                created_at=now,
                expires_at=now + INVITE_LIFETIME,
            )
            session.add(invite)
            return InviteInfo(invite.code, node.name, invite.expires_at)

    def enrol(self, user: UserRef, code: str) -> Enrolment:
        """Link this messenger account to a member of the invite's cell."""
        try:
            return self._enrol(user, code)
        except IntegrityError:
            # The same /start delivered twice at once: the other delivery linked the account.
            return self._enrol(user, code)

    def _enrol(self, user: UserRef, code: str) -> Enrolment:
        code = code.strip().upper()
        with self.access.audited(), self.database.session() as session:
            invite = session.scalars(select(Invite).where(Invite.code == code)).first()
            if invite is None:
                self.access.refuse(user, "enrol", code, texts.INVITE_UNKNOWN, error=DomainError)
            if invite.expires_at <= utcnow():
                self.access.refuse(user, "enrol", code, texts.INVITE_EXPIRED, error=DomainError)
            tree = UnitTree.load(session)
            cell = tree.nodes[invite.cell_id]
            existing = self.access.member(session, user)
            if existing is not None:
                if existing.unit_id == cell.id:
                    return Enrolment(cell.name, existing.name, already=True)
                other = tree.nodes[existing.unit_id].name
                self.access.refuse(
                    user, "enrol", code, texts.enrolled_elsewhere(other), error=DomainError
                )
            name = " ".join(user.display_name.split()) or texts.unnamed_member(user.user_id)
            member = self._unlinked_namesake(session, cell.id, user.channel, name)
            if member is None:
                member = Member(name=name, unit_id=cell.id, role="member", created_at=utcnow())
                session.add(member)
                session.flush()
            session.add(Identity(channel=user.channel, user_id=user.user_id, member_id=member.id))
            return Enrolment(cell.name, member.name, already=False)

    @staticmethod
    def _unlinked_namesake(
        session: Session, cell_id: int, channel: str, name: str
    ) -> Member | None:
        """An imported member of the cell with this name and no account on this channel yet."""
        linked = select(Identity.member_id).where(Identity.channel == channel)
        candidates = session.scalars(
            select(Member).where(Member.unit_id == cell_id, Member.id.not_in(linked))
        ).all()
        return next((m for m in candidates if m.name.casefold() == name.casefold()), None)
