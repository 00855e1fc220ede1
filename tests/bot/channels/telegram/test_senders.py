"""Senders without a person (anonymous admins, channels, forwards, edits) and stray buttons."""

from __future__ import annotations

import itertools
from typing import Any

from bot.services.identity import ChatRef
from bot.texts import telegram as texts
from tests.auxil.telegram_bot import GROUP_ID, MEMBER_ID, TelegramBot

ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
CHANNEL = {"id": -100999, "type": "channel", "title": "Kênh chi bộ"}
_ids = itertools.count(70_000)


def group_message(bot: TelegramBot, text: str, **fields: Any) -> dict[str, Any]:
    message = {
        "message_id": next(_ids),
        "date": 1_790_000_000,
        "chat": bot.fake.chat(GROUP_ID, "supergroup"),
        "text": text,
        **fields,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return message


async def test_commands_without_a_person_get_one_clear_line(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    org = bot.services.organisation
    org.add_unit("Chi bộ Thôn 1", "cell")
    mark = len(bot.fake.calls)
    group = bot.fake.chat(GROUP_ID, "supergroup")
    for command in ("/mophien Học tập", "/diemdanh 1234", "/dongphien", "/dokiemtra 3 10"):
        bot.fake.push_update(
            {
                "message": group_message(
                    bot, command, **{"from": ANONYMOUS_ADMIN, "sender_chat": group}
                )
            }
        )
    # Posting as a channel, and a member's edited command: the same, or nothing.
    bot.fake.push_update({"message": group_message(bot, "/moi", sender_chat=CHANNEL)})
    await bot.settle()
    replies = bot.fake.sent_texts(GROUP_ID)
    assert replies == [texts.NEEDS_A_PERSON] * 5
    assert texts.ERROR_GENERIC not in replies
    # Help needs nobody in particular.
    bot.fake.push_update(
        {
            "message": group_message(
                bot, "/trogiup", **{"from": ANONYMOUS_ADMIN, "sender_chat": group}
            )
        }
    )
    await bot.settle()
    assert "Hướng dẫn" in bot.fake.sent_texts(GROUP_ID)[-1]
    assert bot.services.group_quiz.running(ChatRef("telegram", str(GROUP_ID), True)) is None
    assert not [c for c in bot.fake.calls[mark:] if c.method == "sendPoll"]


async def test_channel_posts_forwards_and_edits_are_ignored(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    mark = len(bot.fake.calls)
    person = bot.fake.user(MEMBER_ID)
    channel_post = {"message_id": next(_ids), "date": 1, "chat": CHANNEL, "text": "/trogiup"}
    bot.fake.push_update({"channel_post": channel_post})
    bot.fake.push_update({"edited_channel_post": {**channel_post, "edit_date": 2}})
    forward = group_message(bot, "Bài mới của kênh", sender_chat=CHANNEL, is_automatic_forward=True)
    bot.fake.push_update({"message": forward})
    edited = {**group_message(bot, "/diemdanh 1234", **{"from": person}), "edit_date": 2}
    bot.fake.push_update({"edited_message": edited})
    private_edit = {
        "message_id": next(_ids),
        "date": 1,
        "edit_date": 2,
        "chat": bot.fake.chat(MEMBER_ID),
        "from": person,
        "text": "Bản sắc cây tre là gì?",
    }
    bot.fake.push_update({"edited_message": private_edit})
    bot.fake.push_update({"message": {**group_message(bot, "chào cả nhà"), "from": person}})
    await bot.settle()
    sent = [c.method for c in bot.fake.calls[mark:] if c.method != "getUpdates"]
    assert sent == ["sendMessage"]  # only the settle marker's help
    assert bot.fake.sent_texts(MEMBER_ID) == []


async def test_stray_buttons_and_voterless_poll_answers(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    post = bot.fake._message(MEMBER_ID, bot.fake.bot_user, text="Cũ")
    mark = len(bot.fake.calls)
    for data in ("khong-phai-cua-bot", "", "vote:abc", "ci:12ab", "qp:1:2"):
        bot.fake.push_callback(MEMBER_ID, MEMBER_ID, data, post["message_id"])
    bot.fake.push_update(
        {"poll_answer": {"poll_id": "1", "voter_chat": CHANNEL, "option_ids": [0],
                         "option_persistent_ids": ["opt0"]}}
    )  # fmt: skip
    await bot.settle()
    answers = [c for c in bot.fake.calls[mark:] if c.method == "answerCallbackQuery"]
    assert [a.params.get("text") for a in answers] == [texts.UNKNOWN_BUTTON] * 5
    assert bot.fake.sent_texts(MEMBER_ID) == []
