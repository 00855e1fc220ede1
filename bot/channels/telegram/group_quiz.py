"""/dokiemtra on Telegram: group quizzes as quiz polls, driven by the group-quiz driver."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Literal

from telegram import Bot, Poll, Update
from telegram.ext import Application, BaseHandler, CommandHandler, ContextTypes, PollAnswerHandler

from bot.channels.telegram.common import chat_ref, command_argument, reply_plain, user_ref
from bot.channels.telegram.sending import send_plain
from bot.channels.telegram.timers import JobQueueTimers
from bot.services.group_quiz_driver import GroupQuizDriver, SentPoll
from bot.services.identity import UserRef
from bot.services.quiz_group import DEFAULT_QUESTIONS, DEFAULT_SECONDS
from bot.services.quiz_runs import PlayQuestion
from bot.texts import quiz as texts

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)

COMMANDS = [("dokiemtra", texts.CMD_DOKIEMTRA)]
IN_ORDER_COMMANDS = ("dokiemtra",)  # see ordering.py
DRIVER = "group_quiz_driver"  # its key in application.bot_data
_OPTION_IDS: tuple[Literal[0, 1, 2, 3], ...] = (0, 1, 2, 3)  # PTB types option ids as literals


class TelegramQuizMessenger:
    """The group-quiz driver's messenger port over the Bot API."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send_poll(self, chat_id: str, question: PlayQuestion) -> SentPoll:
        message = await self.bot.send_poll(
            chat_id,
            texts.poll_title(question),
            list(question.options),
            is_anonymous=False,
            type=Poll.QUIZ,
            correct_option_ids=[_OPTION_IDS[question.correct]],
            explanation=question.explanation,
            open_period=question.seconds,
        )
        assert message.poll is not None
        return SentPoll(message.poll.id, str(message.message_id))

    async def send_text(self, chat_id: str, text: str) -> None:
        await send_plain(self.bot, chat_id, text)

    async def close_poll(self, chat_id: str, poll: SentPoll) -> None:
        """Nothing to do: `open_period` has Telegram close the poll at its deadline."""


def group_quiz_driver(
    application: Application[Any, Any, Any, Any, Any, Any], services: Services
) -> GroupQuizDriver:
    """The application's driver, built on first use and kept in its bot_data."""
    driver = application.bot_data.get(DRIVER)
    if not isinstance(driver, GroupQuizDriver):
        job_queue = application.job_queue
        if job_queue is None:
            raise RuntimeError("group quizzes need python-telegram-bot's job-queue extra")
        messenger = TelegramQuizMessenger(application.bot)
        timers = JobQueueTimers(job_queue)
        driver = GroupQuizDriver(services.group_quiz, messenger, timers, "telegram")
        application.bot_data[DRIVER] = driver
    return driver


async def on_started(
    application: Application[Any, Any, Any, Any, Any, Any], services: Services
) -> None:
    """Resume (or close) the group quizzes a restart interrupted."""
    await group_quiz_driver(application, services).recover()


async def on_stopping(
    application: Application[Any, Any, Any, Any, Any, Any], services: Services
) -> None:
    """Drop the quiz's timer jobs (their deadlines stay in the database)."""
    driver = application.bot_data.pop(DRIVER, None)
    if isinstance(driver, GroupQuizDriver):
        await driver.stop()


def _group_args(argument: str) -> tuple[int, int, str | None]:
    """`[chủ đề] [số câu] [giây]`: trailing numbers are count and seconds, the rest the topic."""
    parts = argument.split()
    numbers: list[int] = []
    while parts and parts[-1].isdigit() and len(numbers) < 2:
        numbers.insert(0, int(parts.pop()))
    count = numbers[0] if numbers else DEFAULT_QUESTIONS
    seconds = numbers[1] if len(numbers) > 1 else DEFAULT_SECONDS
    return count, seconds, " ".join(parts) or None


def handlers(services: Services) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, Any]]:
    """/dokiemtra and the answers to its polls."""

    async def group_quiz(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/dokiemtra [chủ đề] [số câu] [giây]: a secretary starts a quiz in the group."""
        message = update.effective_message
        assert message is not None
        chat = chat_ref(update)
        if not chat.is_group:
            await reply_plain(message, texts.GROUP_ONLY)
            return
        count, seconds, topic = _group_args(command_argument(message))
        first = await asyncio.to_thread(
            services.group_quiz.start, chat, user_ref(update), count, seconds, topic
        )
        started = texts.GROUP_STARTED.format(total=first.total, seconds=first.seconds)
        await reply_plain(message, started)
        await group_quiz_driver(context.application, services).ask(chat.chat_id, first)

    async def poll_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A member's answer to a quiz poll (or its retraction)."""
        answer = update.poll_answer
        assert answer is not None
        if answer.user is None:  # answered on behalf of a channel chat: not a member
            return
        voter = UserRef("telegram", str(answer.user.id), answer.user.full_name)
        # No answer time: Telegram only delivers answers given while the poll was open, so
        # one processed late (a backlog, a restart) still counts.
        outcome = await asyncio.to_thread(
            services.group_quiz.answer_poll, "telegram", answer.poll_id, voter, answer.option_ids
        )
        log.debug("poll answer %s from %s: %s", answer.poll_id, voter.user_id, outcome)

    return [
        CommandHandler("dokiemtra", group_quiz),
        PollAnswerHandler(poll_answer),
    ]
