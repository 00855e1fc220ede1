"""/onthi on Telegram: private practice over the practice service, answered with buttons."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.channels.telegram.common import chat_ref, command_argument, reply_plain, user_ref
from bot.channels.telegram.sending import answer_query, send_plain
from bot.services.practice import StaleQuestion
from bot.services.quiz_bank import QuizError
from bot.services.quiz_runs import PlayQuestion
from bot.texts import quiz as texts

if TYPE_CHECKING:
    from bot.wiring import Services

COMMANDS = [("onthi", texts.CMD_ONTHI)]
# qp:<run>:<position>:<option>, so an old question's button is recognised as stale.
ANSWER_DATA = r"^qp:\d+:\d+:\d$"
TOPIC_DATA = r"^qt:(?:\d+|\*)$"


def _keyboard(question: PlayQuestion) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            texts.LETTERS[i], callback_data=f"qp:{question.run_id}:{question.position}:{i}"
        )
        for i in range(len(question.options))
    ]
    return InlineKeyboardMarkup([buttons])


def _topic_keyboard(topics: list[str]) -> InlineKeyboardMarkup:
    """One button per topic (by its index: names can exceed callback data's 64 bytes)."""
    rows = [[InlineKeyboardButton(name, callback_data=f"qt:{i}")] for i, name in enumerate(topics)]
    rows.append([InlineKeyboardButton(texts.TOPIC_ALL, callback_data="qt:*")])
    return InlineKeyboardMarkup(rows)


def handlers(services: Services) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, Any]]:
    """/onthi, its topic buttons and its answer buttons."""

    async def topic_names() -> list[str]:
        return [name for name, _ in await asyncio.to_thread(services.practice.topics)]

    async def practice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/onthi [chủ đề]: start a practice, or offer the topics as buttons."""
        message = update.effective_message
        assert message is not None
        chat = chat_ref(update)
        if chat.is_group:
            await reply_plain(message, texts.PRIVATE_ONLY)
            return
        topic = command_argument(message) or None
        if topic is None:  # no topic named: offer the topics of the bank as buttons
            await reply_plain(message, texts.CHOOSE_TOPIC, _topic_keyboard(await topic_names()))
            return
        question = await asyncio.to_thread(services.practice.start, user_ref(update), chat, topic)
        await reply_plain(message, texts.PRACTICE_STARTED.format(total=question.total))
        await reply_plain(message, texts.question_with_options(question), _keyboard(question))

    async def practice_topic(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A topic button of /onthi: start the practice on it."""
        query = update.callback_query
        assert query is not None and query.data is not None
        choice = query.data.split(":", 1)[1]
        names = await topic_names()
        topic = names[int(choice)] if choice.isdigit() and int(choice) < len(names) else None
        await query.answer()
        user, chat = user_ref(update), chat_ref(update)
        try:
            question = await asyncio.to_thread(services.practice.start, user, chat, topic)
        except QuizError as error:
            await context.bot.send_message(chat.chat_id, str(error))
            return
        started = texts.PRACTICE_STARTED.format(total=question.total)
        await context.bot.send_message(chat.chat_id, started)
        await context.bot.send_message(
            chat.chat_id, texts.question_with_options(question), reply_markup=_keyboard(question)
        )

    async def practice_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An answer button: the verdict under the question, then the next one or the score."""
        query = update.callback_query
        assert query is not None and query.data is not None
        _, run_id, position, index = query.data.split(":")
        user, chat = user_ref(update), chat_ref(update)
        try:
            step = await asyncio.to_thread(
                services.practice.answer,
                user,
                chat,
                str(int(index) + 1),
                (int(run_id), int(position)),
            )
        except StaleQuestion as error:
            await answer_query(query, str(error))
            return
        await query.answer()
        if query.message is not None:
            with contextlib.suppress(TelegramError):  # the question text stays if editing fails
                await context.bot.edit_message_text(
                    f"{texts.question_with_options(step.question)}\n\n{texts.feedback(step)}",
                    chat_id=query.message.chat.id,
                    message_id=query.message.message_id,
                )
        if step.next is None:
            score = texts.practice_score(step.score, step.total)
            await send_plain(context.bot, chat.chat_id, score)
            return
        await send_plain(
            context.bot, chat.chat_id, texts.question_with_options(step.next), _keyboard(step.next)
        )

    return [
        CommandHandler("onthi", practice),
        CallbackQueryHandler(practice_answer, pattern=ANSWER_DATA),
        CallbackQueryHandler(practice_topic, pattern=TOPIC_DATA),
    ]
