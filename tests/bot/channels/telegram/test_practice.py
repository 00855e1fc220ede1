"""/onthi end to end on Telegram: topic buttons, answer buttons, a stale button, the score."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.services.identity import ChatRef, UserRef
from bot.texts import quiz as texts
from tests.auxil.fake_telegram import Call
from tests.auxil.telegram_bot import GROUP_ID, start_bot

MEMBER = 3003


def buttons(call: Call) -> list[str]:
    """The callback data of a message's inline keyboard."""
    keyboard: list[list[dict[str, Any]]] = call.json("reply_markup")["inline_keyboard"]
    return [button["callback_data"] for row in keyboard for button in row]


async def test_practice_with_buttons(bot_dirs: tuple[Path, str]) -> None:
    bot = await start_bot(*bot_dirs)
    fake = bot.fake
    user, chat = UserRef("telegram", str(MEMBER), ""), ChatRef("telegram", str(MEMBER))

    async def reply(after: int) -> Call:
        return await fake.wait_for_call(
            "sendMessage", lambda c: c.params["chat_id"] == str(MEMBER), 60, after=after
        )

    async def press(data: str) -> int:
        """Press a button under the bot's last message; the call index before it."""
        mark = len(fake.calls)
        fake.push_callback(MEMBER, MEMBER, data, fake.bot_messages(MEMBER)[-1]["message_id"])
        return mark

    try:
        fake.push_message(GROUP_ID, MEMBER, "/onthi", "supergroup")
        refused = await fake.wait_for_call("sendMessage", timeout=60)
        assert refused.params["text"] == texts.PRIVATE_ONLY

        mark = len(fake.calls)
        fake.push_message(MEMBER, MEMBER, "/onthi")
        offer = await reply(mark)
        assert offer.params["text"] == texts.CHOOSE_TOPIC
        assert buttons(offer)[0] == "qt:0" and buttons(offer)[-1] == "qt:*"

        started = await reply(await press("qt:0"))
        first = bot.services.practice.current(user, chat)
        assert first is not None and first.total > 1
        assert started.params["text"] == texts.PRACTICE_STARTED.format(total=first.total)
        question = await reply(fake.calls.index(started) + 1)
        assert question.params["text"] == texts.question_with_options(first)
        assert buttons(question)[0] == f"qp:{first.run_id}:0:0"

        score = 0
        current = first
        while True:
            right = f"qp:{current.run_id}:{current.position}:{current.correct}"
            wrong = f"qp:{current.run_id}:{current.position}:{(current.correct + 1) % 2}"
            mark = await press(wrong if current.position == 0 else right)
            verdict = await fake.wait_for_call("editMessageText", timeout=60, after=mark)
            assert verdict.params["text"].startswith(texts.question_with_options(current))
            expected = texts.WRONG.split(".")[0] if current.position == 0 else texts.RIGHT
            assert f"\n\n{expected}" in verdict.params["text"]
            score += current.position > 0
            following = await reply(mark)
            if current.position == 0:  # the same button again: that question is gone
                note = await fake.wait_for_call(
                    "answerCallbackQuery", timeout=60, after=await press(wrong)
                )
                assert note.params["text"] == texts.STALE_BUTTON
            upcoming = bot.services.practice.current(user, chat)
            if upcoming is None:
                assert following.params["text"] == texts.practice_score(score, first.total)
                break
            assert following.params["text"] == texts.question_with_options(upcoming)
            current = upcoming
    finally:
        await bot.close()
