"""Admin set-up of the organisation: units, members and campaigns (CLI and imports use it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.records import Database
from bot.records.models import (
    ROLES,
    UNIT_KINDS,
    Campaign,
    CampaignDocument,
    CampaignUnit,
    Identity,
    Member,
    Unit,
    utcnow,
)
from bot.services.access import UnitNode, UnitTree
from bot.services.errors import DomainError
from bot.texts import records as texts

# A child must sit strictly below its parent in this order.
KIND_DEPTH = {kind: depth for depth, kind in enumerate(UNIT_KINDS)}


@dataclass(frozen=True)
class UnitListing:
    """One line of the units listing."""

    name: str
    kind: str
    parent: str | None
    members: int


class Organisation:
    """Creates and lists units, members and campaigns."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def add_unit(self, name: str, kind: str, parent: str | None = None) -> UnitNode:
        """Create a unit under an existing parent (none for the top unit)."""
        name = name.strip()
        if not name:
            raise DomainError(texts.UNIT_NAME_EMPTY)
        if kind not in UNIT_KINDS:
            raise DomainError(texts.bad_unit_kind(kind))
        with self.database.session() as session:
            tree = UnitTree.load(session)
            if tree.by_name(name) is not None:
                raise DomainError(texts.unit_exists(name))
            parent_id = None
            if parent is not None:
                parent_node = require_unit(tree, parent)
                if KIND_DEPTH[parent_node.kind] >= KIND_DEPTH[kind]:
                    raise DomainError(texts.bad_parent(name, parent_node.name))
                parent_id = parent_node.id
            unit = Unit(name=name, kind=kind, parent_id=parent_id)
            session.add(unit)
            session.flush()
            return UnitNode(unit.id, unit.name, unit.kind, unit.parent_id)

    def list_units(self) -> list[UnitListing]:
        """Every unit with its member count, in tree order."""
        with self.database.session() as session:
            tree = UnitTree.load(session)
            counts = dict(
                session.execute(select(Member.unit_id, func.count()).group_by(Member.unit_id)).all()
            )
        roots = sorted(
            (n for n in tree.nodes.values() if n.parent_id is None), key=lambda n: n.name
        )
        order = [i for root in roots for i in tree.subtree(root.id)]
        return [
            UnitListing(
                tree.nodes[i].name,
                tree.nodes[i].kind,
                tree.nodes[p].name if (p := tree.nodes[i].parent_id) is not None else None,
                counts.get(i, 0),
            )
            for i in order
        ]

    def add_member(
        self, name: str, unit: str, role: str = "member", identities: dict[str, str] | None = None
    ) -> int:
        """Create a member with optional messenger ids ({"telegram": "123"})."""
        with self.database.session() as session:
            tree = UnitTree.load(session)
            member = upsert_member(session, tree, name, unit, role, identities or {})
            return member.id

    def add_campaign(
        self,
        title: str,
        units: list[str],
        documents: Sequence[str] = (),
        deadline: datetime | None = None,
        starts_at: datetime | None = None,
    ) -> int:
        """Create a campaign for some units (and their subtrees) over some documents."""
        title = title.strip()
        if not title:
            raise DomainError(texts.CAMPAIGN_TITLE_EMPTY)
        if not units:
            raise DomainError(texts.CAMPAIGN_NEEDS_UNIT)
        try:
            with self.database.session() as session:
                tree = UnitTree.load(session)
                unit_ids = {require_unit(tree, name).id for name in units}
                campaign = Campaign(
                    title=title, starts_at=starts_at, deadline=deadline, created_at=utcnow()
                )
                session.add(campaign)
                session.flush()
                session.add_all(CampaignUnit(campaign_id=campaign.id, unit_id=i) for i in unit_ids)
                session.add_all(
                    CampaignDocument(campaign_id=campaign.id, document=d) for d in set(documents)
                )
                return campaign.id
        except IntegrityError as error:
            raise DomainError(texts.campaign_exists(title)) from error


def require_unit(tree: UnitTree, name: str, kind: str | None = None) -> UnitNode:
    """The unit with this name (and kind), or a clear error."""
    node = tree.by_name(name)
    if node is None:
        raise DomainError(texts.unknown_unit(name))
    if kind is not None and node.kind != kind:
        raise DomainError(texts.not_a_cell(node.name))
    return node


def upsert_member(
    session: Session,
    tree: UnitTree,
    name: str,
    unit: str,
    role: str,
    identities: dict[str, str],
) -> Member:
    """Create the member, or update role/ids of the same-named member of that unit."""
    name = " ".join(name.split())
    if not name:
        raise DomainError(texts.MEMBER_NAME_EMPTY)
    if role not in ROLES:
        raise DomainError(texts.bad_role(role))
    node = require_unit(tree, unit)
    # Compared in Python: SQLite's lower() only folds ASCII, and names are Vietnamese.
    same_unit = session.scalars(select(Member).where(Member.unit_id == node.id)).all()
    member = next((m for m in same_unit if m.name.casefold() == name.casefold()), None)
    if member is None:
        member = Member(name=name, unit_id=node.id, role=role, created_at=utcnow())
        session.add(member)
        session.flush()
    else:
        member.role = role
    for channel, user_id in identities.items():
        owner = session.scalars(
            select(Identity).where(Identity.channel == channel, Identity.user_id == user_id)
        ).first()
        if owner is not None and owner.member_id != member.id:
            raise DomainError(texts.identity_taken(channel, user_id))
        if owner is None:
            session.add(Identity(channel=channel, user_id=user_id, member_id=member.id))
    session.flush()
    return member
