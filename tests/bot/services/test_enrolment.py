"""Invites, enrolment and member import."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
import sqlalchemy as sa

from bot.records.models import Identity, Invite, Member, Refusal, utcnow
from bot.services.errors import AccessDenied, DomainError
from bot.services.member_import import import_members
from bot.texts import records as texts
from tests.auxil.records_world import ADMIN, SEC_A, SEC_B, World


def count(world: World, model: type) -> int:
    with world.db.session() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model)) or 0


def test_secretary_invites_and_member_enrols(world: World) -> None:
    code = world.enrolment.create_invite_info(SEC_A).code
    result = world.enrolment.enrol(world.user("501", "Nguyễn Văn An"), code)
    assert (result.cell, result.member_name, result.already) == (
        "Chi bộ Thôn 1",
        "Nguyễn Văn An",
        False,
    )
    # The same /start delivered again: nothing new.
    again = world.enrolment.enrol(world.user("501", "Nguyễn Văn An"), code.lower())
    assert again.already
    assert count(world, Identity) == 4  # three secretaries + An


def test_unknown_and_expired_codes_are_refused_and_logged(world: World) -> None:
    with pytest.raises(DomainError, match="không đúng"):
        world.enrolment.enrol(world.user("502", "B"), "NOPE")
    code = world.enrolment.create_invite_info(SEC_A).code
    with world.db.session() as session:
        invite = session.scalars(sa.select(Invite).where(Invite.code == code)).one()
        invite.expires_at = utcnow() - timedelta(minutes=1)
    with pytest.raises(DomainError) as caught:
        world.enrolment.enrol(world.user("502", "B"), code)
    assert str(caught.value) == texts.INVITE_EXPIRED
    assert count(world, Member) == 3
    assert count(world, Refusal) == 2


def test_only_the_cells_secretary_may_invite(world: World) -> None:
    member = world.enrol("Chi bộ Thôn 1", "503", "C", SEC_A)
    with pytest.raises(AccessDenied):
        world.enrolment.create_invite_info(member)
    with pytest.raises(AccessDenied, match="Chi bộ Thôn 1"):
        world.enrolment.create_invite_info(SEC_B, "Chi bộ Thôn 1")
    with pytest.raises(DomainError):
        world.enrolment.create_invite_info(world.user("999", "Stranger"))
    assert world.enrolment.create_invite_info(ADMIN, "Chi bộ Thôn 2").code
    assert count(world, Refusal) == 3


def test_member_of_another_cell_cannot_switch_by_invite(world: World) -> None:
    user = world.enrol("Chi bộ Thôn 1", "504", "D", SEC_A)
    with pytest.raises(DomainError, match="Chi bộ Thôn 1"):
        world.enrolment.enrol(user, world.enrolment.create_invite_info(SEC_B).code)


def test_enrolment_links_an_imported_member_of_the_same_name(world: World) -> None:
    data = "Họ và tên,Chi bộ,Vai trò\nTrần Thị Bình,Chi bộ Thôn 1,đảng viên\n".encode()
    assert import_members(world.db, data, "ds.csv").imported == 1
    world.enrol("Chi bộ Thôn 1", "505", "trần thị bình", SEC_A)
    assert count(world, Member) == 4


def test_import_csv_and_xlsx(world: World) -> None:
    csv_data = (
        "Họ và tên;Chi bộ;Vai trò;Telegram\n"
        "Lê Văn Cường;Chi bộ Thôn 1;Đảng viên;7001\n"
        "Phạm Thị Dung;Chi bộ Thôn 2;Bí thư;\n"
    ).encode("utf-8-sig")
    assert import_members(world.db, csv_data, "ds.csv").imported == 2
    # Importing the same list again updates, never duplicates.
    assert import_members(world.db, csv_data, "ds.csv").imported == 2
    assert count(world, Member) == 5

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ tên", "Đơn vị", "Zalo"])
    sheet.append(["Võ Văn Em", "Chi bộ Thôn 2", "abc123"])
    buffer = BytesIO()
    book.save(buffer)
    assert import_members(world.db, buffer.getvalue(), "ds.xlsx").imported == 1
    assert count(world, Member) == 6


def test_import_with_bad_rows_changes_nothing_and_lists_every_error(world: World) -> None:
    data = (
        "Họ và tên,Chi bộ,Vai trò,Telegram\n"
        "Người Tốt,Chi bộ Thôn 1,,\n"
        ",Chi bộ Thôn 1,,\n"
        "Người Lạ,Chi bộ Không Có,,\n"
        "Người Sai,Chi bộ Thôn 1,chủ tịch,\n"
        "Người Trùng,Chi bộ Thôn 1,,100\n"
    ).encode()
    report = import_members(world.db, data, "ds.csv")
    assert report.imported == 0
    assert [e.row for e in report.errors] == [3, 4, 5, 6]
    assert count(world, Member) == 3


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"x", "ds.pdf", texts.IMPORT_BAD_TYPE),
        (b"PK\x03\x04garbage", "ds.xlsx", texts.IMPORT_BAD_XLSX),
        ("Tên,Chi bộ\n".encode("utf-16"), "ds.csv", texts.IMPORT_NOT_UTF8),
        (b"a,b\n1,2\n", "ds.csv", texts.IMPORT_NO_HEADER),
        (b"", "ds.csv", texts.IMPORT_EMPTY),
    ],
)
def test_unreadable_member_lists_are_refused(
    world: World, data: bytes, name: str, message: str
) -> None:
    with pytest.raises(DomainError) as caught:
        import_members(world.db, data, name)
    assert str(caught.value) == message
    assert count(world, Member) == 3
