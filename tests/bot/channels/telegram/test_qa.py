"""Questions, feedback, commands and failures, end to end through the real PTB Application."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bot.records.models import Feedback, QuestionLog
from bot.services.answers import Answer, Conversation
from bot.texts import telegram as texts
from tests.auxil.fake_telegram import Call, parse_telegram_html
from tests.auxil.network import free_port
from tests.auxil.telegram_bot import ADMIN_ID, GROUP_ID, MEMBER_ID, TelegramBot

QUESTION = "Bản sắc cây tre Việt Nam là gì?"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _logged(bot: TelegramBot) -> list[QuestionLog]:
    with bot.services.records.session() as session:
        return list(session.scalars(select(QuestionLog).order_by(QuestionLog.id)))


def _votes(bot: TelegramBot) -> list[tuple[int, str, int]]:
    with bot.services.records.session() as session:
        rows = session.scalars(select(Feedback).order_by(Feedback.id))
        return [(f.question_log_id, f.user_id, f.vote) for f in rows]


def _buttons(call: Call) -> list[str]:
    markup = call.json("reply_markup")
    return [button["callback_data"] for row in markup["inline_keyboard"] for button in row]


async def test_private_question_is_answered_in_html_with_source_and_vote_buttons(
    telegram_bot_factory: Callable[..., Any],
) -> None:
    # "typing…" from the first moment: as an answer that takes longer than the delay shows it.
    bot: TelegramBot = await telegram_bot_factory(telegram_typing_after_s=0.0)
    mark = len(bot.fake.calls)
    reply = await bot.say(MEMBER_ID, MEMBER_ID, QUESTION)
    assert reply.params["parse_mode"] == "HTML"
    visible = parse_telegram_html(reply.params["text"])
    assert "cây tre" in visible.lower()
    assert "Nguồn:" in visible
    typing = bot.fake.wait_for_call("sendChatAction", after=mark, timeout=0.1)
    action = await typing
    assert action.params["action"] == "typing" and action.at <= reply.at

    [logged] = _logged(bot)
    assert logged.question == QUESTION and logged.grounded
    assert logged.user_id == str(MEMBER_ID) and logged.channel == "telegram"
    assert _buttons(reply) == [f"vote:{logged.id}:1", f"vote:{logged.id}:-1"]


async def test_feedback_vote_is_stored_and_can_be_changed(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    reply = await bot.say(MEMBER_ID, MEMBER_ID, QUESTION)
    [logged] = _logged(bot)
    answer_message = bot.fake.bot_messages(MEMBER_ID)[-1]["message_id"]
    up, down = _buttons(reply)

    mark = len(bot.fake.calls)
    bot.fake.push_callback(MEMBER_ID, MEMBER_ID, up, answer_message)
    thanks = await bot.fake.wait_for_call("answerCallbackQuery", after=mark)
    assert thanks.params["text"] == texts.VOTE_THANKS
    assert _votes(bot) == [(logged.id, str(MEMBER_ID), 1)]

    mark = len(bot.fake.calls)
    bot.fake.push_callback(MEMBER_ID, MEMBER_ID, down, answer_message)
    await bot.fake.wait_for_call("answerCallbackQuery", after=mark)
    assert _votes(bot) == [(logged.id, str(MEMBER_ID), -1)]

    mark = len(bot.fake.calls)
    bot.fake.push_callback(MEMBER_ID, MEMBER_ID, "vote:999999:1", answer_message)
    unknown = await bot.fake.wait_for_call("answerCallbackQuery", after=mark)
    assert unknown.params["text"] == texts.VOTE_UNKNOWN
    assert len(_votes(bot)) == 1


async def test_group_answers_mention_reply_and_hoi_but_ignores_chatter(
    telegram_bot: TelegramBot,
) -> None:
    bot = telegram_bot
    username = bot.fake.bot_user["username"]
    group = "supergroup"
    bot.fake.push_message(GROUP_ID, MEMBER_ID, "Chiều nay họp chi bộ lúc mấy giờ?", group)
    first = await bot.say(GROUP_ID, MEMBER_ID, f"@{username} {QUESTION}", group)
    assert "cây tre" in parse_telegram_html(first.params["text"]).lower()
    bot.fake.push_message(GROUP_ID, ADMIN_ID, "Mọi người nhớ mang sổ ghi chép nhé", group)
    bot_message = bot.fake.bot_messages(GROUP_ID)[-1]["message_id"]
    await bot.say(
        GROUP_ID, ADMIN_ID, "Còn ý nghĩa thì sao?", group, reply_to_message_id=bot_message
    )
    await bot.say(GROUP_ID, ADMIN_ID, f"/hoi {QUESTION}", group)
    await bot.say(GROUP_ID, MEMBER_ID, f"/hoi@{username} {QUESTION}", group)
    await bot.settle()

    assert len(bot.fake.sent_texts(GROUP_ID)) == 4  # the two chatter messages got nothing
    questions = [entry.question for entry in _logged(bot)]
    assert questions[0] == QUESTION  # the @mention was stripped from the question
    assert len(questions) == 4
    # In a group the bot quotes the question it answers.
    assert all("reply_parameters" in c.params for c in bot.fake.calls_to("sendMessage")
               if c.params["chat_id"] == str(GROUP_ID))  # fmt: skip


async def test_hoi_without_question_explains_usage(telegram_bot: TelegramBot) -> None:
    reply = await telegram_bot.say(GROUP_ID, MEMBER_ID, "/hoi", "group")
    assert "/hoi" in parse_telegram_html(reply.params["text"])
    assert _logged(telegram_bot) == []


async def test_unknown_command_in_private_chat_is_answered(telegram_bot: TelegramBot) -> None:
    reply = await telegram_bot.say(MEMBER_ID, MEMBER_ID, "/khongco abc")
    assert parse_telegram_html(reply.params["text"]) == parse_telegram_html(
        texts.unknown_command("/khongco")
    )
    assert _logged(telegram_bot) == []


async def test_too_long_question_gets_the_qa_message(telegram_bot: TelegramBot) -> None:
    reply = await telegram_bot.say(MEMBER_ID, MEMBER_ID, "Câu hỏi " + "rất dài " * 400)
    assert "dài quá" in reply.params["text"]
    assert _logged(telegram_bot) == []


async def test_long_answer_is_split_cleanly_with_buttons_on_the_last_part(
    telegram_bot: TelegramBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = telegram_bot
    # A real long answer: every passage of one plan quoted, as a broad question could produce.
    chunks = [c for c in bot.services.library.chunks() if c.meta.number == "172-KH/HU"]
    body = "\n\n".join(c.text for c in chunks) + "\n\nVí dụ: 1 < 2 & 3 > 2."
    assert len(body) > 2 * 4096

    def long_ask(question: str, conversation: Conversation | None = None) -> Answer:
        return Answer(text=body, grounded=True, question=question)

    monkeypatch.setattr(bot.services.qa, "ask", long_ask)
    mark = len(bot.fake.calls)
    await bot.say(MEMBER_ID, MEMBER_ID, "Toàn văn kế hoạch 172?")
    await bot.settle()
    parts = [
        c for c in bot.fake.calls[mark:]
        if c.method == "sendMessage" and c.params["chat_id"] == str(MEMBER_ID)
    ]  # fmt: skip
    assert len(parts) >= 3
    assert all(len(p.params["text"]) <= 4096 for p in parts)
    visible = [parse_telegram_html(p.params["text"]) for p in parts]
    assert "\n\n".join(visible).split() == body.split()  # nothing lost, nothing doubled
    assert ["reply_markup" in p.params for p in parts] == [False] * (len(parts) - 1) + [True]


async def test_crash_inside_a_handler_is_answered_and_the_bot_keeps_working(
    telegram_bot: TelegramBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = telegram_bot
    real_ask = bot.services.qa.ask

    def broken_ask(question: str, conversation: Conversation | None = None) -> Answer:
        raise RuntimeError("index file vanished")

    monkeypatch.setattr(bot.services.qa, "ask", broken_ask)
    reply = await bot.say(MEMBER_ID, MEMBER_ID, QUESTION)
    assert reply.params["text"] == texts.ERROR_GENERIC
    monkeypatch.setattr(bot.services.qa, "ask", real_ask)
    again = await bot.say(MEMBER_ID, MEMBER_ID, QUESTION)
    assert "Nguồn:" in parse_telegram_html(again.params["text"])


async def test_flood_protection_asks_to_wait(
    telegram_bot_factory: Callable[..., Any],
) -> None:
    bot: TelegramBot = await telegram_bot_factory(questions_per_minute=2)
    for _ in range(2):
        answered = await bot.say(MEMBER_ID, MEMBER_ID, QUESTION)
        assert "Nguồn:" in parse_telegram_html(answered.params["text"])
    refused = await bot.say(MEMBER_ID, MEMBER_ID, QUESTION)
    assert "Vui lòng đợi khoảng" in refused.params["text"]
    assert len(_logged(bot)) == 2
    other = await bot.say(ADMIN_ID, ADMIN_ID, QUESTION)  # the limit is per person
    assert "Nguồn:" in parse_telegram_html(other.params["text"])


async def test_commands_are_registered_with_vietnamese_descriptions(
    telegram_bot: TelegramBot,
) -> None:
    [call] = telegram_bot.fake.calls_to("setMyCommands")
    commands = {c["command"]: c["description"] for c in call.json("commands")}
    assert {"start", "hoi", "tailieu", "trogiup", "xoatailieu"} <= set(commands)
    assert commands["hoi"] == texts.CMD_HOI


async def test_start_welcomes_and_help_lists_commands(telegram_bot: TelegramBot) -> None:
    welcome = await telegram_bot.say(MEMBER_ID, MEMBER_ID, "/start")
    assert "Chào đồng chí" in welcome.params["text"]
    help_ = await telegram_bot.say(MEMBER_ID, MEMBER_ID, "/trogiup")
    assert "/tailieu" in help_.params["text"]


async def test_start_with_invite_code_enrols_in_the_cell(telegram_bot: TelegramBot) -> None:
    services = telegram_bot.services
    services.organisation.add_unit("Chi bộ Thôn 3", "cell")
    invite = services.enrolment.create_invite_info(None, "Chi bộ Thôn 3")

    wrong = await telegram_bot.say(MEMBER_ID, MEMBER_ID, "/start SAIMA12345")
    assert "Mã mời không đúng" in wrong.params["text"]

    joined = await telegram_bot.say(MEMBER_ID, MEMBER_ID, f"/start {invite.code}")
    assert "Chi bộ Thôn 3" in joined.params["text"] and "Chào mừng" in joined.params["text"]
    again = await telegram_bot.say(MEMBER_ID, MEMBER_ID, f"/start {invite.code}")
    assert "đã là đảng viên" in again.params["text"]


async def test_webhook_mode_checks_the_secret_token(
    telegram_bot_factory: Callable[..., Any],
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    bot: TelegramBot = await telegram_bot_factory(
        webhook_url=url, webhook_listen="127.0.0.1", webhook_port=port, webhook_secret="bi_mat-123"
    )
    [registered] = bot.fake.calls_to("setWebhook")
    assert registered.params["url"] == url
    assert registered.params["secret_token"] == "bi_mat-123"
    assert not bot.fake.calls_to("getUpdates")

    update = {"update_id": 1, "message": bot.fake.push_message(MEMBER_ID, MEMBER_ID, "/tailieu")}
    bot.fake.updates.clear()  # delivered by webhook below, not by polling
    async with httpx.AsyncClient() as client:
        forged = await client.post(url, json=update, headers={SECRET_HEADER: "sai"})
        assert forged.status_code == 403
        mark = len(bot.fake.calls)
        accepted = await client.post(url, json=update, headers={SECRET_HEADER: "bi_mat-123"})
        assert accepted.status_code == 200
    reply = await bot.reply_to(MEMBER_ID, mark)
    assert "Thư viện có 5 tài liệu" in reply.params["text"]
    assert len(bot.fake.calls_to("sendMessage")) == 1  # the forged update did nothing


async def test_a_quick_answer_spends_no_request_on_typing(
    telegram_bot_factory: Callable[..., Any],
) -> None:
    bot: TelegramBot = await telegram_bot_factory(telegram_typing_after_s=30.0)
    mark = len(bot.fake.calls)
    reply = await bot.say(MEMBER_ID, MEMBER_ID, QUESTION)
    assert "Nguồn:" in parse_telegram_html(reply.params["text"])
    assert not [call for call in bot.fake.calls[mark:] if call.method == "sendChatAction"]


async def test_no_typing_while_more_answers_are_under_way_than_telegram_sends_a_second(
    telegram_bot_factory: Callable[..., Any],
) -> None:
    """Each chat action counts against the budget the replies need: in a burst, replies first."""
    bot: TelegramBot = await telegram_bot_factory(
        telegram_typing_after_s=0.0, telegram_messages_per_s=1.0
    )
    members = [MEMBER_ID + i for i in range(4)]
    mark = len(bot.fake.calls)
    for member in members:  # one batch of updates: the four answers run at once
        bot.fake.push_message(member, member, QUESTION)
    for member in members:
        await bot.reply_to(member, mark)
    typing = [c for c in bot.fake.calls[mark:] if c.method == "sendChatAction"]
    assert len(typing) == 1  # the first answer under way shows it; the other three do not


async def test_typing_is_shown_for_each_chat_when_the_bot_is_not_busy(
    telegram_bot_factory: Callable[..., Any],
) -> None:
    bot: TelegramBot = await telegram_bot_factory(telegram_typing_after_s=0.0)
    mark = len(bot.fake.calls)
    for member in (MEMBER_ID, MEMBER_ID + 1):
        await bot.say(member, member, QUESTION)
    typing = [c for c in bot.fake.calls[mark:] if c.method == "sendChatAction"]
    assert [c.params["chat_id"] for c in typing] == [str(MEMBER_ID), str(MEMBER_ID + 1)]
