"""Group quiz end to end: the real Application against the fake Bot API server.

Several members answer (one wrong, one processed late, one retracting, one answering twice),
the running leaderboard and the final results are checked, and a restart mid-quiz resumes over
the same DB.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from bot.texts import quiz as texts
from tests.auxil.fake_telegram import Call, FakeTelegram
from tests.auxil.telegram_bot import ADMIN_ID, GROUP_ID, start_bot


def correct_option(params: dict[str, Any]) -> int:
    """The correct option the bot declared (Bot API 9.6 sends a one-item `correct_option_ids`)."""
    (correct,) = json.loads(params["correct_option_ids"])
    return int(correct)


async def next_poll(fake: FakeTelegram, after: int) -> tuple[Call, str]:
    call = await fake.wait_for_call("sendPoll", timeout=60, after=after)
    poll_id = next(pid for pid, p in fake.polls.items() if p["question"] == call.params["question"])
    return call, poll_id


async def group_text(fake: FakeTelegram, needle: str, after: int = 0) -> str:
    call = await fake.wait_for_call(
        "sendMessage",
        lambda c: c.params["chat_id"] == str(GROUP_ID) and needle in c.params["text"],
        timeout=60,
        after=after,
    )
    return call.params["text"]


def member(n: int) -> str:
    return f"Đảng viên {n}"


async def test_group_quiz_with_leaderboard(bot_dirs: tuple[Path, str]) -> None:
    bot = await start_bot(*bot_dirs)
    fake = bot.fake
    try:
        fake.push_message(3003, 3003, "/dokiemtra")
        assert (
            texts.GROUP_ONLY in (await fake.wait_for_call("sendMessage", timeout=30)).params["text"]
        )
        fake.push_message(GROUP_ID, 3003, "/dokiemtra 2 5", "supergroup")
        await group_text(fake, texts.SECRETARY_ONLY)
        assert not fake.calls_to("sendPoll")

        mark = len(fake.calls)
        fake.push_message(GROUP_ID, ADMIN_ID, "/dokiemtra 2 5", "supergroup")
        first, poll_1 = await next_poll(fake, mark)
        params: dict[str, Any] = first.params
        assert params["type"] == "quiz" and params["is_anonymous"] in ("false", "False")
        assert params["open_period"] == "5"
        assert params["explanation"].startswith("Nguồn:")
        options = json.loads(params["options"])
        right = correct_option(params)
        wrong = (right + 1) % len(options)

        fake.push_poll_answer(poll_1, 11, [right])
        fake.push_poll_answer(poll_1, 12, [wrong])
        fake.push_poll_answer(poll_1, 13, [right])
        fake.push_poll_answer(poll_1, 13, [])  # retracted
        fake.push_poll_answer(poll_1, 14, [right])
        fake.push_poll_answer(poll_1, 14, [wrong])  # a second answer does not replace the first
        fake.push_poll_answer(poll_1, 14, [right])  # redelivered: counted once

        board = await group_text(fake, "Bảng xếp hạng sau câu 1/2")
        assert board.splitlines()[1:] == [
            f"🥇 {member(11)}: 1 câu đúng",
            f"🥈 {member(14)}: 1 câu đúng",
            f"🥉 {member(12)}: 0 câu đúng",
        ]
        second, poll_2 = await next_poll(fake, fake.calls.index(first) + 1)
        # Delivered by Telegram (so given while the poll was open) but processed after the bot
        # moved on: it still counts.
        fake.push_poll_answer(poll_1, 15, [right])
        right_2 = correct_option(second.params)
        fake.push_poll_answer(poll_2, 11, [right_2])
        fake.push_poll_answer(poll_2, 12, [right_2])

        final = await group_text(fake, "Kết quả kiểm tra")
        assert "2 câu, 4 người tham gia" in final
        assert final.splitlines()[1:] == [
            f"🥇 {member(11)}: 2 câu đúng",
            f"🥈 {member(14)}: 1 câu đúng",
            f"🥉 {member(15)}: 1 câu đúng",
            f"4. {member(12)}: 1 câu đúng",
        ]
        assert bot.services.group_quiz.open_runs("telegram") == []  # finished
    finally:
        await bot.close()


async def test_restart_mid_quiz_resumes(bot_dirs: tuple[Path, str]) -> None:
    first_bot = await start_bot(*bot_dirs)
    fake = first_bot.fake
    try:
        fake.push_message(GROUP_ID, ADMIN_ID, "/dokiemtra 2 8", "supergroup")
        call, poll_1 = await next_poll(fake, 0)
        right = correct_option(call.params)
        fake.push_poll_answer(poll_1, 11, [right])
        await asyncio.sleep(1.0)  # let the bot record it before it goes down
    finally:
        await first_bot.close()

    second_bot = await start_bot(*bot_dirs)  # same data and database: a restarted bot
    fake = second_bot.fake
    try:
        fake.push_poll_answer(poll_1, 12, [right])  # the open poll still counts after restart
        fake.push_poll_answer(poll_1, 11, [right])  # and still only once
        board = await group_text(fake, "Bảng xếp hạng sau câu 1/2")
        assert f"{member(11)}: 1 câu đúng" in board and f"{member(12)}: 1 câu đúng" in board
        second, poll_2 = await next_poll(fake, 0)
        fake.push_poll_answer(poll_2, 12, [correct_option(second.params)])
        final = await group_text(fake, "Kết quả kiểm tra")
        assert final.splitlines()[1:] == [
            f"🥇 {member(12)}: 2 câu đúng",
            f"🥈 {member(11)}: 1 câu đúng",
        ]
        assert second_bot.services.group_quiz.open_runs("telegram") == []
    finally:
        await second_bot.close()
