"""Zalo end to end over real HTTP and real records (SQLite): enrolment, check-in, refusals."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.services.identity import ChatRef
from bot.texts import records as records_texts
from bot.wiring import Services
from tests.auxil.fake_zalo import FakeZaloServer
from tests.auxil.zalo_bot import running_zalo, zalo_services_with_cell

CELL = "Chi bộ thôn Đồng Lạc"


@pytest.fixture
def services(tmp_path: Path, zalo: FakeZaloServer) -> Services:
    services = zalo_services_with_cell(tmp_path, zalo, CELL)
    return services


async def converse(
    zalo: FakeZaloServer, chat_id: str, text: str, name: str = "Lê Văn Cường"
) -> str:
    """Send one message as a Zalo user and return the bot's (single) reply."""
    before = len(zalo.sent)
    zalo.push_text(chat_id, text, name=name)
    sent = await zalo.wait_for_sent(before + 1, timeout_s=30)
    return sent[before].text


async def test_enrolment_by_invite_code_then_check_in(
    zalo: FakeZaloServer, services: Services
) -> None:
    code = services.enrolment.create_invite_info(None, CELL).code
    opened = services.attendance.open_session(
        None, ChatRef("telegram", "-1001", is_group=True), "Học tập Nghị quyết", cell=CELL
    )
    async with running_zalo(services):
        not_yet = await converse(zalo, "z1", f"diemdanh {opened.code}")
        welcome = await converse(zalo, "z1", f"/start {code.lower()}")
        again = await converse(zalo, "z1", f"start {code}")
        wrong = await converse(zalo, "z1", f"diemdanh 9{opened.code}")
        present = await converse(zalo, "z1", f"/diemdanh {opened.code}")
        repeat = await converse(zalo, "z1", f"Điểmdanh {opened.code}")
    assert "Lê Văn Cường" in welcome and CELL in welcome and "Chào mừng" in welcome
    assert "đã là đảng viên" in again
    assert "Lê Văn Cường" in present and "Học tập Nghị quyết" in present and "1 đồng chí" in present
    assert "đã điểm danh" in repeat
    # Refusals are the services' own messages, and they record nothing.
    assert not_yet == records_texts.NOT_ENROLLED
    assert wrong == records_texts.WRONG_CODE
    summary = services.attendance.close_session(None, ChatRef("console", "c"), cell=CELL)
    assert summary.present == ["Lê Văn Cường"]


async def test_unknown_invite_and_group_only_commands_are_refused(
    zalo: FakeZaloServer, services: Services
) -> None:
    async with running_zalo(services):
        unknown = await converse(zalo, "z2", "start KHONGCOMA")
        group = await converse(zalo, "z2", "/dokiemtra")
        session = await converse(zalo, "z2", "mophien Học tập")
        usage = await converse(zalo, "z2", "diemdanh")
    assert unknown == records_texts.INVITE_UNKNOWN
    assert "Telegram" in group and "onthi" in group
    assert "mophien" in session and "onthi" in session
    assert "diemdanh <mã>" in usage
    assert services.organisation.list_units()[1].members == 0


async def test_over_long_record_is_split_into_messages_within_limit(
    zalo: FakeZaloServer, services: Services
) -> None:
    code = services.enrolment.create_invite_info(None, CELL).code
    group = ChatRef("telegram", "-1001", is_group=True)
    topics = [
        f"Buổi {i}: học tập, quán triệt Nghị quyết và kế hoạch thực hiện của chi bộ về "
        + "xây dựng, chỉnh đốn Đảng, phát triển kinh tế - xã hội ở địa phương " * 3
        for i in range(1, 13)
    ]
    async with running_zalo(services):
        await converse(zalo, "z3", f"start {code}")
        for topic in topics:
            services.attendance.open_session(None, group, topic, cell=CELL)
            services.attendance.close_session(None, group, cell=CELL)
        before = len(zalo.sent)
        zalo.push_text("z3", "ketqua")
        await zalo.wait_for_sent(before + 2, timeout_s=30)
        await asyncio.sleep(0.3)
    pieces = zalo.texts_to("z3")[1:]
    assert len(pieces) >= 2 and all(1 <= len(piece) <= 2000 for piece in pieces)
    whole = " ".join(" ".join(pieces).split())
    assert "Dự sinh hoạt: 0/12 buổi" in whole
    assert all(" ".join(topic.split()) in whole for topic in topics)
    # Cut between words: every piece ends and starts on a whole word of the record.
    assert all(not piece[-1].isspace() and not piece[0].isspace() for piece in pieces)
