"""Study sessions and check-in: idempotent, refused when late, safe under concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from bot.records.models import Attendance, Refusal, StudySession
from bot.services.errors import AccessDenied, DomainError, NotEnrolled
from bot.texts import records as texts
from tests.auxil.records_world import ADMIN, DISTRICT_SEC, GROUP_A, GROUP_B, SEC_A, SEC_B, World


def attendance_rows(world: World) -> list[tuple[int, int]]:
    with world.db.session() as session:
        return [
            tuple(r)
            for r in session.execute(  # type: ignore[misc]
                sa.select(Attendance.session_id, Attendance.member_id)
            ).all()
        ]


def test_session_lifecycle(world: World) -> None:
    an = world.enrol("Chi bộ Thôn 1", "501", "Nguyễn Văn An", SEC_A)
    world.enrol("Chi bộ Thôn 1", "502", "Trần Thị Bình", SEC_A)
    opened = world.attendance.open_session(SEC_A, GROUP_A, "  Học tập   Nghị quyết 57 ")
    assert opened.cell == "Chi bộ Thôn 1" and opened.topic == "Học tập Nghị quyết 57"
    assert opened.campaign == "Học tập Nghị quyết 57" and len(opened.code) == 4
    first = world.attendance.check_in(an, opened.code)
    assert (first.member_name, first.already, first.present) == ("Nguyễn Văn An", False, 1)
    # The same update delivered twice: one row.
    second = world.attendance.check_in(an, f" {opened.code} ")
    assert second.already and second.present == 1
    summary = world.attendance.close_session(SEC_A, GROUP_A)
    assert summary.present == ["Nguyễn Văn An"]
    assert summary.absent == ["Bí thư A", "Trần Thị Bình"]
    assert summary.enrolled == 3
    assert len(attendance_rows(world)) == 1


def test_late_and_wrong_check_ins_are_refused(world: World) -> None:
    an = world.enrol("Chi bộ Thôn 1", "501", "An", SEC_A)
    with pytest.raises(DomainError) as caught:
        world.attendance.check_in(an, "1234")
    assert str(caught.value) == texts.NO_OPEN_SESSION
    opened = world.attendance.open_session(SEC_A, GROUP_A, "Chủ đề")
    wrong = "0000" if opened.code != "0000" else "1111"
    with pytest.raises(DomainError) as caught:
        world.attendance.check_in(an, wrong)
    assert str(caught.value) == texts.WRONG_CODE
    world.attendance.close_session(SEC_A, GROUP_A)
    with pytest.raises(DomainError) as caught:
        world.attendance.check_in(an, opened.code)
    assert str(caught.value) == texts.SESSION_CLOSED
    assert attendance_rows(world) == []
    with world.db.session() as session:
        actions = session.scalars(sa.select(Refusal.action)).all()
    assert actions == ["check_in"] * 3


def test_members_of_other_cells_and_strangers_cannot_check_in(world: World) -> None:
    opened = world.attendance.open_session(SEC_A, GROUP_A, "Chủ đề")
    binh = world.enrol("Chi bộ Thôn 2", "601", "Bình", SEC_B)
    with pytest.raises(DomainError):
        world.attendance.check_in(binh, opened.code)
    with pytest.raises(NotEnrolled):
        world.attendance.check_in(world.user("999", "Lạ"), opened.code)
    assert attendance_rows(world) == []


def test_who_may_open_and_close(world: World) -> None:
    an = world.enrol("Chi bộ Thôn 1", "501", "An", SEC_A)
    with pytest.raises(AccessDenied):
        world.attendance.open_session(an, GROUP_A, "Chủ đề")
    with pytest.raises(AccessDenied):
        world.attendance.open_session(SEC_B, GROUP_A, "Chủ đề", cell="Chi bộ Thôn 1")
    with pytest.raises(DomainError, match="ghi rõ tên chi bộ"):
        world.attendance.open_session(DISTRICT_SEC, GROUP_A, "Chủ đề")
    world.attendance.open_session(DISTRICT_SEC, GROUP_A, "Chủ đề", cell="Chi bộ Thôn 1")
    with pytest.raises(DomainError, match="đang có buổi"):
        world.attendance.open_session(SEC_A, GROUP_A, "Khác")
    with pytest.raises(AccessDenied):
        world.attendance.close_session(SEC_B, GROUP_A)
    with pytest.raises(AccessDenied):
        world.attendance.close_session(an, GROUP_A)
    with pytest.raises(DomainError):
        world.attendance.close_session(SEC_B, GROUP_B)  # nothing open in Thôn 2
    assert world.attendance.close_session(ADMIN, GROUP_A).cell == "Chi bộ Thôn 1"
    with pytest.raises(DomainError):
        world.attendance.open_session(SEC_A, GROUP_A, "   ")
    with world.db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(StudySession)) == 1


def test_concurrent_check_ins_lose_and_duplicate_nothing(world: World) -> None:
    members = [world.user(str(7000 + i), f"Đảng viên {i:02d}") for i in range(30)]
    with world.db.session() as session:
        from bot.services.access import UnitTree
        from bot.services.organisation import upsert_member

        tree = UnitTree.load(session)
        for user in members:
            upsert_member(
                session,
                tree,
                user.display_name,
                "Chi bộ Thôn 1",
                "member",
                {"telegram": user.user_id},
            )
    opened = world.attendance.open_session(SEC_A, GROUP_A, "Chủ đề")
    # Every member's update arrives twice, all at once.
    deliveries = members + members
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda u: world.attendance.check_in(u, opened.code), deliveries))
    assert sum(not r.already for r in results) == len(members)
    rows = attendance_rows(world)
    assert len(rows) == len(set(rows)) == len(members)
    assert world.attendance.close_session(SEC_A, GROUP_A).present.__len__() == len(members)
