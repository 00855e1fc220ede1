"""What the live check-in post shows, and check-ins racing reads and /dongphien (both DBs)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from bot.services.attendance import CheckIn
from bot.services.errors import DomainError
from bot.texts import records as texts
from tests.auxil.records_world import GROUP_A, SEC_A, World


def test_present_so_far_in_check_in_order(world: World) -> None:
    binh = world.enrol("Chi bộ Thôn 1", "602", "Trần Thị Bình", SEC_A)
    an = world.enrol("Chi bộ Thôn 1", "601", "Nguyễn Văn An", SEC_A)
    opened = world.attendance.open_session(SEC_A, GROUP_A, "Học tập Nghị quyết 57")
    assert world.attendance.present_so_far(opened.id) is not None
    first = world.attendance.check_in(binh, opened.code)
    assert first.session_id == opened.id and first.session_chat == GROUP_A
    world.attendance.check_in(an, opened.code)
    world.attendance.check_in(binh, opened.code)  # a repeat changes nothing
    state = world.attendance.present_so_far(opened.id)
    assert state is not None
    assert state.present == ["Trần Thị Bình", "Nguyễn Văn An"]
    assert (state.enrolled, state.code, state.closed) == (3, opened.code, False)
    world.attendance.close_session(SEC_A, GROUP_A)
    closed = world.attendance.present_so_far(opened.id)
    assert closed is not None and closed.closed
    assert world.attendance.present_so_far(opened.id + 999) is None


def test_live_text_stays_one_message_with_many_long_names() -> None:
    names = [f"Đồng chí có họ tên rất dài số {i:03d} " + "x" * 60 for i in range(300)]
    text = texts.live_check_in("Chi bộ Thôn 1", "Chủ đề " * 100, "1234", names, 310)
    assert len(text) < 4096
    assert "Có mặt: 300/310" in text and "đồng chí khác" in text
    short = texts.live_check_in("Chi bộ Thôn 1", "Học tập", "1234", ["An", "Bình"], 3)
    assert short.splitlines()[-1] == "An, Bình"


def test_check_ins_racing_reads_and_the_close_lose_nothing(world: World) -> None:
    members = [
        world.enrol("Chi bộ Thôn 1", str(8000 + i), f"Đảng viên {i:02d}", SEC_A) for i in range(24)
    ]
    opened = world.attendance.open_session(SEC_A, GROUP_A, "Chủ đề")
    closing = threading.Event()

    def check_in(index: int) -> CheckIn | None:
        if index == len(members) // 2:
            closing.set()
        try:
            return world.attendance.check_in(members[index], opened.code)
        except DomainError:
            return None  # after /dongphien: refused, and not recorded

    def read_and_close() -> list[str]:
        while world.attendance.present_so_far(opened.id) is not None and not closing.is_set():
            pass
        return world.attendance.close_session(SEC_A, GROUP_A).present

    with ThreadPoolExecutor(max_workers=8) as pool:
        close = pool.submit(read_and_close)
        results = list(pool.map(check_in, range(len(members))))
        present = close.result()
    recorded = sorted(r.member_name for r in results if r is not None)
    # Every check-in that succeeded is in the final list, and nothing else is.
    assert sorted(present) == recorded and recorded
    final = world.attendance.present_so_far(opened.id)
    assert final is not None and sorted(final.present) == recorded
