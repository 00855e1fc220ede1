"""A whole cell at once, end to end through the fake Bot API: group check-in as one live post,
chats handled side by side while each chat keeps its order, long refusals split."""

from __future__ import annotations

import re
import threading

import pytest

from bot.services.answers import Answer, Conversation
from bot.services.identity import UserRef
from bot.texts import telegram as texts
from tests.auxil.fake_telegram import parse_telegram_html
from tests.auxil.telegram_bot import ADMIN_ID, GROUP_ID, MEMBER_ID, TelegramBot

SECRETARY_ID = 3003
MEMBERS = [20_000 + i for i in range(30)]


def set_up_cell(bot: TelegramBot) -> None:
    org = bot.services.organisation
    org.add_unit("Huyện ủy Di Linh", "district")
    org.add_unit("Chi bộ Thôn 1", "cell", "Huyện ủy Di Linh")
    org.add_member("Bí thư Thôn 1", "Chi bộ Thôn 1", "secretary", {"telegram": str(SECRETARY_ID)})
    for user_id in MEMBERS:
        org.add_member(
            f"Đảng viên {user_id}", "Chi bộ Thôn 1", "member", {"telegram": str(user_id)}
        )


async def open_session(bot: TelegramBot) -> tuple[str, int]:
    """The secretary opens a session in the group: its code and the live post's message id."""
    mark = len(bot.fake.calls)
    bot.fake.push_message(GROUP_ID, SECRETARY_ID, "/mophien Học tập Nghị quyết 57", "supergroup")
    post = await bot.fake.wait_for_call(
        "sendMessage", lambda c: "reply_markup" in c.params, timeout=30, after=mark
    )
    code = post.json("reply_markup")["inline_keyboard"][0][0]["callback_data"].split(":")[1]
    live = [m for m in bot.fake.bot_messages(GROUP_ID) if "reply_markup" in m][-1]
    return code, int(live["message_id"])


async def test_group_check_in_burst_is_one_live_post(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    set_up_cell(bot)
    code, post_id = await open_session(bot)
    mark = len(bot.fake.calls)
    group_messages = len(bot.fake.sent_texts(GROUP_ID))
    typed, pressed = MEMBERS[:20], MEMBERS[20:]
    for user_id in typed:
        bot.fake.push_message(GROUP_ID, user_id, f"/diemdanh {code}", "supergroup")
    for user_id in pressed:
        bot.fake.push_callback(GROUP_ID, user_id, f"ci:{code}", post_id)
    # A private question sent during the burst is answered too.
    question = await bot.say(MEMBER_ID, MEMBER_ID, "Bản sắc cây tre Việt Nam là gì?")
    assert "Nguồn:" in parse_telegram_html(question.params["text"])

    final = await bot.fake.wait_for_call(
        "editMessageText",
        lambda c: c.params["message_id"] == str(post_id) and "Có mặt: 30/31" in c.params["text"],
        timeout=60,
        after=mark,
    )
    assert all(f"Đảng viên {user_id}" in final.params["text"] for user_id in MEMBERS)
    toasts = [c for c in bot.fake.calls[mark:] if c.method == "answerCallbackQuery"]
    assert len(toasts) == len(pressed)
    assert all("đã điểm danh" in c.params["text"] for c in toasts)
    # No group message per member: the edits of the one post carried every check-in.
    assert len(bot.fake.sent_texts(GROUP_ID)) == group_messages
    edits = [c for c in bot.fake.calls[mark:] if c.method == "editMessageText"]
    assert len(edits) < len(MEMBERS)
    record = bot.services.reports.my_record(UserRef("telegram", str(MEMBERS[0])))
    assert record.attended == 1


async def test_a_slow_question_holds_only_its_own_chat(
    telegram_bot: TelegramBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = telegram_bot
    release = threading.Event()
    real_ask = bot.services.qa.ask

    def ask(question: str, conversation: Conversation | None = None) -> Answer:
        if "chậm" in question:
            release.wait(60)
            return Answer(text="Câu trả lời chậm.", grounded=True, question=question)
        return real_ask(question, conversation)

    monkeypatch.setattr(bot.services.qa, "ask", ask)
    mark = len(bot.fake.calls)
    bot.fake.push_message(MEMBER_ID, MEMBER_ID, "Câu hỏi chậm?")
    bot.fake.push_message(MEMBER_ID, MEMBER_ID, "/trogiup")  # same chat: after the answer
    other = await bot.say(ADMIN_ID, ADMIN_ID, "/trogiup")  # another chat: not held up
    assert "Hướng dẫn" in parse_telegram_html(other.params["text"])
    assert bot.fake.sent_texts(MEMBER_ID) == []  # still waiting for its question
    release.set()
    await bot.fake.wait_for_call(
        "sendMessage",
        lambda c: c.params["chat_id"] == str(MEMBER_ID) and "Hướng dẫn" in c.params["text"],
        timeout=30,
        after=mark,
    )
    replies = [parse_telegram_html(t) for t in bot.fake.sent_texts(MEMBER_ID)]
    assert replies[0].startswith("Câu trả lời chậm.") and "Hướng dẫn" in replies[1]


async def test_a_refusal_quoting_a_huge_argument_still_arrives(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    unit = "Đơn vị " + " ".join(f"tên{i}" for i in range(1500))
    assert len(unit) > 4096
    mark = len(bot.fake.calls)
    bot.fake.push_message(ADMIN_ID, ADMIN_ID, f"/baocao {unit}")
    await bot.reply_to(ADMIN_ID, mark)
    await bot.settle()
    parts = [
        c for c in bot.fake.calls[mark:]
        if c.method == "sendMessage" and c.params["chat_id"] == str(ADMIN_ID)
    ]  # fmt: skip
    assert len(parts) >= 2 and all(len(p.params["text"]) <= 4096 for p in parts)
    visible = " ".join(parse_telegram_html(p.params["text"]) for p in parts)
    assert re.sub(r"\s+", " ", visible).startswith("Không tìm thấy đơn vị «Đơn vị tên0 tên1")
    assert "tên1499»." in visible and texts.ERROR_GENERIC not in visible
