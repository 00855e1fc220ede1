"""Who may see and do what: members their own record, secretaries their cell, committees
their subtree, admins everything. Every refusal is logged before it is raised."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.records import Database
from bot.records.models import Identity, Member, Refusal, Unit, utcnow
from bot.services.errors import AccessDenied, DomainError, NotEnrolled, RefusalAudit
from bot.services.identity import UserRef
from bot.texts import records as texts


@dataclass(frozen=True)
class UnitNode:
    """One unit as the tree sees it."""

    id: int
    name: str
    kind: str
    parent_id: int | None


@dataclass
class UnitTree:
    """The whole organisation tree, loaded in one query (units are few)."""

    nodes: dict[int, UnitNode]
    children: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> UnitTree:
        """Read every unit."""
        rows = session.execute(select(Unit.id, Unit.name, Unit.kind, Unit.parent_id)).all()
        tree = cls({row.id: UnitNode(row.id, row.name, row.kind, row.parent_id) for row in rows})
        for node in sorted(tree.nodes.values(), key=lambda n: n.name):
            if node.parent_id is not None:
                tree.children.setdefault(node.parent_id, []).append(node.id)
        return tree

    def by_name(self, name: str) -> UnitNode | None:
        """Find a unit by its exact name, ignoring case and surrounding spaces."""
        wanted = name.strip().casefold()
        return next((n for n in self.nodes.values() if n.name.casefold() == wanted), None)

    def subtree(self, unit_id: int) -> list[int]:
        """The unit and every unit below it."""
        result, stack = [], [unit_id]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return result

    def cells_under(self, unit_id: int) -> list[UnitNode]:
        """The cells in a unit's subtree (the unit itself if it is a cell), by name."""
        cells = [self.nodes[i] for i in self.subtree(unit_id) if self.nodes[i].kind == "cell"]
        return sorted(cells, key=lambda n: n.name)

    def ancestors(self, unit_id: int) -> list[int]:
        """The unit and its parents up to the root."""
        chain: list[int] = []
        current: int | None = unit_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.nodes[current].parent_id
        return chain


@dataclass(frozen=True)
class Actor:
    """A resolved person: their member record (if enrolled) and what they may oversee."""

    user: UserRef | None
    member: Member | None
    is_admin: bool

    @property
    def is_operator(self) -> bool:
        """The console operator (no messenger identity) is trusted like an admin."""
        return self.user is None


class Access:
    """Resolves identities to members and enforces the role rules."""

    def __init__(self, database: Database, admins: Iterable[tuple[str, str]] = ()) -> None:
        self.database = database
        self.admins = {(channel, str(user_id)) for channel, user_id in admins}

    def member(self, session: Session, user: UserRef) -> Member | None:
        """The member linked to this messenger account, if any."""
        return session.scalars(
            select(Member)
            .join(Identity, Identity.member_id == Member.id)
            .where(Identity.channel == user.channel, Identity.user_id == user.user_id)
        ).first()

    def actor(self, session: Session, user: UserRef | None) -> Actor:
        """Resolve who is acting."""
        if user is None:
            return Actor(None, None, True)
        return Actor(user, self.member(session, user), self.is_admin(user))

    def is_admin(self, user: UserRef) -> bool:
        """An admin of the whole bot (settings `admin_ids` / `zalo_admin_ids`)."""
        return (user.channel, user.user_id) in self.admins

    def require_member(self, session: Session, user: UserRef, action: str) -> Member:
        """The member record, or a logged refusal telling the person to enrol first."""
        member = self.member(session, user)
        if member is None:
            self.refuse(user, action, None, texts.NOT_ENROLLED, error=NotEnrolled)
        return member

    def scope(self, tree: UnitTree, actor: Actor) -> set[int] | None:
        """Unit ids the actor may oversee; None means everything."""
        if actor.is_admin or actor.is_operator:
            return None
        if actor.member is None or actor.member.role not in ("secretary", "admin"):
            return set()
        return set(tree.subtree(actor.member.unit_id))

    def require_oversight(self, tree: UnitTree, actor: Actor, unit: UnitNode, action: str) -> None:
        """Refuse (and log) unless the actor oversees this unit."""
        allowed = self.scope(tree, actor)
        if allowed is None or unit.id in allowed:
            return
        assert actor.user is not None
        message = texts.NOT_SECRETARY if not allowed else texts.outside_scope(unit.name)
        self.refuse(actor.user, action, unit.name, message, member=actor.member)

    def refuse(
        self,
        user: UserRef,
        action: str,
        target: str | None,
        message: str,
        member: Member | None = None,
        error: type[DomainError] = AccessDenied,
    ) -> NoReturn:
        """Raise with the message; `audited()` logs it after the transaction is gone."""
        audit = RefusalAudit(
            user.channel, user.user_id, member.id if member else None, action, target
        )
        raise error(message, audit)

    @contextmanager
    def audited(self) -> Iterator[None]:
        """Log every refusal raised inside, in its own transaction, and re-raise it."""
        try:
            yield
        except DomainError as error:
            if error.audit is not None:
                self.log_refusal(error.audit, str(error))
            raise

    def log_refusal(self, audit: RefusalAudit, reason: str) -> None:
        """Write one audit entry."""
        with self.database.session() as session:
            session.add(
                Refusal(
                    channel=audit.channel,
                    user_id=audit.user_id,
                    member_id=audit.member_id,
                    action=audit.action,
                    target=audit.target[:300] if audit.target else None,
                    reason=reason,
                    at=utcnow(),
                )
            )
