"""Zalo end to end: a practice quiz answered by letters, then the member's own record."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.texts import quiz as quiz_texts
from bot.wiring import Services
from tests.auxil.fake_zalo import FakeZaloServer
from tests.auxil.zalo_bot import running_zalo, zalo_services_with_cell

CELL = "Chi bộ thôn Đồng Lạc"
PASSAGE = (
    "Chi bộ tổ chức sinh hoạt chuyên đề mỗi quý một lần; đảng viên tham gia học tập "
    "đầy đủ các nghị quyết của Đảng."
)
QUESTIONS = [
    {
        "text": "Chi bộ tổ chức sinh hoạt chuyên đề bao lâu một lần?",
        "options": ["mỗi tháng một lần", "mỗi quý một lần", "mỗi năm một lần", "hai năm một lần"],
        "correct": 1,
    },
    {
        "text": "Đảng viên phải tham gia học tập đầy đủ điều gì?",
        "options": ["các nghị quyết của Đảng", "các bài hát", "các trò chơi", "các bộ phim"],
        "correct": 0,
    },
]


@pytest.fixture
def services(tmp_path: Path, zalo: FakeZaloServer) -> Services:
    services = zalo_services_with_cell(tmp_path, zalo, CELL)
    for question in QUESTIONS:
        services.quiz_bank.add(
            {
                **question,
                "explanation": PASSAGE,
                "document": "ke_hoach.txt",
                "section": "II",
                "source_text": PASSAGE,
                "topic": "sinh hoạt chi bộ",
                "difficulty": "easy",
                "status": "approved",
            }
        )
    return services


async def converse(zalo: FakeZaloServer, chat_id: str, text: str) -> str:
    before = len(zalo.sent)
    zalo.push_text(chat_id, text, name="Phạm Thị Dung")
    sent = await zalo.wait_for_sent(before + 1, timeout_s=30)
    await asyncio.sleep(0.05)  # a second message would have arrived by now
    assert len(zalo.sent) == before + 1, zalo.sent[before:]
    return sent[before].text


def correct_letter(reply: str) -> tuple[str, str]:
    """(right, wrong) letters for the question shown in `reply`."""
    for question in QUESTIONS:
        if question["text"] in reply:
            options = question["options"]
            assert isinstance(options, list)
            right = options[int(str(question["correct"]))]
            letter = next(line[0] for line in reply.splitlines() if line.endswith(right))
            wrong = next(ch for ch in "ABCD" if ch != letter)
            return letter, wrong
    raise AssertionError(f"no known question in {reply!r}")


async def test_practice_quiz_answered_by_letters_then_my_record(
    zalo: FakeZaloServer, services: Services
) -> None:
    code = services.enrolment.create_invite_info(None, CELL).code
    async with running_zalo(services):
        await converse(zalo, "z5", f"start {code}")
        stray = await converse(zalo, "z5", "B")
        first = await converse(zalo, "z5", "/onthi sinh hoạt chi bộ")
        right, _ = correct_letter(first)
        after_first = await converse(zalo, "z5", right.lower() + ".")
        bad = await converse(zalo, "z5", "E")
        _, wrong = correct_letter(after_first)
        finished = await converse(zalo, "z5", wrong)
        record = await converse(zalo, "z5", "ketqua")
        unknown_topic = await converse(zalo, "z5", "onthi thiên văn học")
    assert stray == quiz_texts.NO_PRACTICE
    assert quiz_texts.PRACTICE_STARTED.format(total=2) in first and "Câu 1/2" in first
    assert after_first.startswith(quiz_texts.RIGHT) and "Câu 2/2" in after_first
    # "E" is not an answer letter: it goes to Q&A, not to the quiz, and changes nothing there.
    assert "Câu 2/2" not in bad
    assert finished.startswith("❌") and quiz_texts.practice_score(1, 2) in finished
    assert "Phạm Thị Dung" in record and CELL in record and "50" in record
    assert unknown_topic == quiz_texts.NO_QUESTIONS_TOPIC.format(topic="thiên văn học")
