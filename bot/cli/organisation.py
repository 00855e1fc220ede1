"""`python -m bot units|members|campaigns ...`: the admin's set-up of the organisation."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from bot.services.errors import DomainError
from bot.services.member_import import import_members
from bot.settings import Settings
from bot.texts import cli as cli_texts
from bot.texts import records as texts
from bot.wiring import Services


def register(subparsers: Any) -> None:
    units = subparsers.add_parser("units", help=cli_texts.CLI_UNITS).add_subparsers(
        dest="action", required=True
    )
    add = units.add_parser("add")
    add.add_argument("name")
    add.add_argument("--kind", choices=("province", "district", "cell"), required=True)
    add.add_argument("--parent")
    add.set_defaults(func=unit_add)
    units.add_parser("list").set_defaults(func=unit_list)
    invite = units.add_parser("invite")
    invite.add_argument("cell")
    invite.set_defaults(func=unit_invite)

    members = subparsers.add_parser("members", help=cli_texts.CLI_MEMBERS).add_subparsers(
        dest="action", required=True
    )
    add = members.add_parser("add")
    add.add_argument("name")
    add.add_argument("--unit", required=True)
    add.add_argument("--role", choices=("member", "secretary", "admin"), default="member")
    add.add_argument("--telegram")
    add.add_argument("--zalo")
    add.set_defaults(func=member_add)
    load = members.add_parser("import")
    load.add_argument("file", type=Path)
    load.set_defaults(func=member_import)

    campaigns = subparsers.add_parser("campaigns", help=cli_texts.CLI_CAMPAIGNS).add_subparsers(
        dest="action", required=True
    )
    add = campaigns.add_parser("add")
    add.add_argument("title")
    add.add_argument("--unit", action="append", required=True)
    add.add_argument("--document", action="append", default=[])
    add.add_argument("--starts")
    add.add_argument("--deadline")
    add.set_defaults(func=campaign_add)


def _services() -> Services:
    return Services(Settings())


def _date(value: str | None, end_of_day: bool = False) -> datetime | None:
    """YYYY-MM-DD as a UTC moment (a deadline covers its whole day)."""
    if value is None:
        return None
    day = datetime.strptime(value, "%Y-%m-%d").date()
    return datetime.combine(day, time.max if end_of_day else time.min, tzinfo=UTC)


def _fail(error: Exception) -> int:
    print(error, file=sys.stderr)
    return 2


def unit_add(args: argparse.Namespace) -> int:
    try:
        node = _services().organisation.add_unit(args.name, args.kind, args.parent)
    except DomainError as error:
        return _fail(error)
    print(cli_texts.cli_unit_added(node.name, node.kind))
    return 0


def unit_list(args: argparse.Namespace) -> int:
    for unit in _services().organisation.list_units():
        parent = f" ← {unit.parent}" if unit.parent else ""
        print(f"{unit.name}\t{unit.kind}\t{unit.members}{parent}")
    return 0


def unit_invite(args: argparse.Namespace) -> int:
    try:
        info = _services().enrolment.create_invite_info(None, args.cell)
    except DomainError as error:
        return _fail(error)
    print(texts.invite_created(info.code, info.cell, info.expires_at))
    return 0


def member_add(args: argparse.Namespace) -> int:
    ids = {ch: v for ch, v in (("telegram", args.telegram), ("zalo", args.zalo)) if v}
    try:
        _services().organisation.add_member(args.name, args.unit, args.role, ids)
    except DomainError as error:
        return _fail(error)
    print(cli_texts.cli_member_added(args.name, args.unit))
    return 0


def member_import(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
        report = import_members(_services().records, data, args.file.name)
    except (DomainError, OSError) as error:
        return _fail(error)
    if report.errors:
        print(texts.import_failed([(e.row, e.message) for e in report.errors]), file=sys.stderr)
        return 1
    print(texts.import_done(report.imported))
    return 0


def campaign_add(args: argparse.Namespace) -> int:
    try:
        starts, deadline = _date(args.starts), _date(args.deadline, end_of_day=True)
    except ValueError:
        return _fail(ValueError(cli_texts.CLI_BAD_DATE))
    try:
        number = _services().organisation.add_campaign(
            args.title, args.unit, args.document, deadline, starts
        )
    except DomainError as error:
        return _fail(error)
    print(cli_texts.cli_campaign_added(args.title, number))
    return 0
