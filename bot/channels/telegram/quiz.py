"""Quizzes on Telegram: /onthi (private practice, buttons) and /dokiemtra (group quiz polls)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Poll, Update
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    PollAnswerHandler,
)

from bot.channels.telegram.common import chat_ref, command_argument, reply_plain, user_ref
from bot.channels.telegram.sending import answer_query, send_plain
from bot.records.models import utcnow
from bot.services.identity import UserRef
from bot.services.quiz_bank import QuizError
from bot.services.quiz_play import OpenRun, PlayQuestion, QuizPlay
from bot.texts import quiz as texts

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)

COMMANDS = [("onthi", texts.CMD_ONTHI), ("dokiemtra", texts.CMD_DOKIEMTRA)]
IN_ORDER_COMMANDS = ("dokiemtra",)  # see ordering.py
_OPTION_IDS: tuple[Literal[0, 1, 2, 3], ...] = (0, 1, 2, 3)  # PTB types option ids as literals
STALE_AFTER_S = 600  # a quiz whose question ended this long before a restart is closed


def _keyboard(question: PlayQuestion) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            texts.LETTERS[i], callback_data=f"qp:{question.run_id}:{question.position}:{i}"
        )
        for i in range(len(question.options))
    ]
    return InlineKeyboardMarkup([buttons])


class GroupQuizDriver:
    """Sends each question as a quiz poll and moves on when its timer runs out."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.timers: set[asyncio.Task[None]] = set()

    @property
    def play(self) -> QuizPlay:
        return self.services.quiz_play

    async def send(self, bot: Bot, chat_id: str, question: PlayQuestion) -> None:
        message = await bot.send_poll(
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
        deadline = await asyncio.to_thread(
            self.play.mark_sent,
            question.run_id,
            question.position,
            message.poll.id,
            str(message.message_id),
            utcnow(),
        )
        self.schedule(bot, chat_id, question.run_id, deadline)

    def schedule(self, bot: Bot, chat_id: str, run_id: int, deadline: datetime) -> None:
        delay = max((deadline - utcnow()).total_seconds(), 0.0)
        task = asyncio.create_task(self._after(bot, chat_id, run_id, delay))
        self.timers.add(task)
        task.add_done_callback(self.timers.discard)

    async def _after(self, bot: Bot, chat_id: str, run_id: int, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            await self.next_question(bot, chat_id, run_id)
        except Exception:  # a timer has nobody to report to but the log
            log.exception("group quiz %s could not continue", run_id)

    async def next_question(self, bot: Bot, chat_id: str, run_id: int) -> None:
        """Leaderboard after a question, then the next poll or the final results."""
        following = await asyncio.to_thread(self.play.advance, run_id)
        results = await asyncio.to_thread(self.play.results, run_id)
        if following is None:
            await send_plain(bot, chat_id, texts.results(results.lines, results.total))
            return
        board = texts.leaderboard(results.lines, following.position - 1, results.total)
        await send_plain(bot, chat_id, board)
        await self.send(bot, chat_id, following)

    async def recover(self, bot: Bot) -> None:
        """After a restart: keep timing a question still open, continue or close the others."""
        for run in await asyncio.to_thread(self.play.open_group_runs, "telegram"):
            try:
                await self._recover_one(bot, run)
            except Exception:  # one broken quiz must not keep the bot from starting
                log.exception("group quiz %s could not be recovered", run.run_id)

    async def _recover_one(self, bot: Bot, run: OpenRun) -> None:
        now = utcnow()
        if run.deadline is None:
            question = await asyncio.to_thread(self.play.question_at, run.run_id, 0)
            await self.send(bot, run.chat_id, question)
        elif run.deadline > now:
            self.schedule(bot, run.chat_id, run.run_id, run.deadline)
        elif (now - run.deadline).total_seconds() > STALE_AFTER_S:
            await asyncio.to_thread(self.play.close, run.run_id)
            results = await asyncio.to_thread(self.play.results, run.run_id)
            closing = texts.results(results.lines, results.total)
            await send_plain(bot, run.chat_id, f"{texts.CLOSED_AFTER_RESTART}\n{closing}")
        else:
            await send_plain(bot, run.chat_id, texts.RESUMED_AFTER_RESTART)
            await self.next_question(bot, run.chat_id, run.run_id)

    async def stop(self) -> None:
        for task in list(self.timers):
            task.cancel()
        for task in list(self.timers):
            with contextlib.suppress(asyncio.CancelledError):
                await task


_drivers: dict[int, GroupQuizDriver] = {}


def driver_for(services: Services) -> GroupQuizDriver:
    """One driver per services object (the app's start and stop hooks find it again)."""
    return _drivers.setdefault(id(services), GroupQuizDriver(services))


async def on_started(bot: Bot, services: Services) -> None:
    await driver_for(services).recover(bot)


async def on_stopping(services: Services) -> None:
    driver = _drivers.pop(id(services), None)
    if driver is not None:
        await driver.stop()


def _group_args(argument: str) -> tuple[int, int, str | None]:
    """`[chủ đề] [số câu] [giây]`: trailing numbers are count and seconds, the rest the topic."""
    parts = argument.split()
    numbers: list[int] = []
    while parts and parts[-1].isdigit() and len(numbers) < 2:
        numbers.insert(0, int(parts.pop()))
    count = numbers[0] if numbers else texts.GROUP_DEFAULT_QUESTIONS
    seconds = numbers[1] if len(numbers) > 1 else texts.GROUP_DEFAULT_SECONDS
    return count, seconds, " ".join(parts) or None


def _topic_keyboard(topics: list[str]) -> InlineKeyboardMarkup:
    """One button per topic (by its index: names can exceed callback data's 64 bytes)."""
    rows = [[InlineKeyboardButton(name, callback_data=f"qt:{i}")] for i, name in enumerate(topics)]
    rows.append([InlineKeyboardButton(texts.TOPIC_ALL, callback_data="qt:*")])
    return InlineKeyboardMarkup(rows)


def handlers(services: Services) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, Any]]:
    """/onthi, /dokiemtra, practice buttons and poll answers."""
    driver = driver_for(services)

    async def practice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        chat = chat_ref(update)
        if chat.is_group:
            await reply_plain(message, texts.PRIVATE_ONLY)
            return
        topic = command_argument(message) or None
        if topic is None:  # no topic named: offer the topics of the bank as buttons
            names = [name for name, _ in await asyncio.to_thread(services.quiz_bank.topics)]
            await reply_plain(message, texts.CHOOSE_TOPIC, _topic_keyboard(names))
            return
        question = await asyncio.to_thread(
            services.quiz_play.start_practice, user_ref(update), chat, topic, texts.PRACTICE_SIZE
        )
        await reply_plain(message, texts.PRACTICE_STARTED.format(total=question.total))
        await reply_plain(message, texts.question_with_options(question), _keyboard(question))

    async def practice_topic(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A topic button of /onthi: start the practice on it."""
        query = update.callback_query
        assert query is not None and query.data is not None
        choice = query.data.split(":", 1)[1]
        names = [name for name, _ in await asyncio.to_thread(services.quiz_bank.topics)]
        topic = names[int(choice)] if choice.isdigit() and int(choice) < len(names) else None
        await query.answer()
        user, chat = user_ref(update), chat_ref(update)
        try:
            question = await asyncio.to_thread(
                services.quiz_play.start_practice, user, chat, topic, texts.PRACTICE_SIZE
            )
        except QuizError as error:
            await context.bot.send_message(chat.chat_id, str(error))
            return
        started = texts.PRACTICE_STARTED.format(total=question.total)
        await context.bot.send_message(chat.chat_id, started)
        await context.bot.send_message(
            chat.chat_id, texts.question_with_options(question), reply_markup=_keyboard(question)
        )

    async def practice_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        _, run_id, position, index = query.data.split(":")
        user, chat = user_ref(update), chat_ref(update)
        current = await asyncio.to_thread(services.quiz_play.current_practice, user, chat)
        if current is None or (current.run_id, current.position) != (int(run_id), int(position)):
            await answer_query(query, texts.STALE_BUTTON)
            return
        step = await asyncio.to_thread(
            services.quiz_play.answer_practice, user, chat, str(int(index) + 1)
        )
        await query.answer()
        verdict = texts.feedback(
            step.was_correct, step.correct, current.options[step.correct], step.explanation
        )
        if query.message is not None:
            with contextlib.suppress(TelegramError):  # the question text stays if editing fails
                await context.bot.edit_message_text(
                    f"{texts.question_with_options(current)}\n\n{verdict}",
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

    async def group_quiz(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        chat = chat_ref(update)
        if not chat.is_group:
            await reply_plain(message, texts.GROUP_ONLY)
            return
        count, seconds, topic = _group_args(command_argument(message))
        first = await asyncio.to_thread(
            services.quiz_play.start_group, chat, user_ref(update), count, seconds, topic
        )
        started = texts.GROUP_STARTED.format(total=first.total, seconds=first.seconds)
        await reply_plain(message, started)
        await driver.send(context.bot, chat.chat_id, first)

    async def poll_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        answer = update.poll_answer
        assert answer is not None
        if answer.user is None:  # answered on behalf of a channel chat: not a member
            return
        voter = UserRef("telegram", str(answer.user.id), answer.user.full_name)
        # No answer time: Telegram only delivers answers given while the poll was open, so
        # one processed late (a backlog, a restart) still counts.
        outcome = await asyncio.to_thread(
            services.quiz_play.answer_poll, "telegram", answer.poll_id, voter, answer.option_ids
        )
        log.debug("poll answer %s from %s: %s", answer.poll_id, voter.user_id, outcome)

    return [
        CommandHandler("onthi", practice),
        CommandHandler("dokiemtra", group_quiz),
        CallbackQueryHandler(practice_answer, pattern=r"^qp:\d+:\d+:\d$"),
        CallbackQueryHandler(practice_topic, pattern=r"^qt:(?:\d+|\*)$"),
        PollAnswerHandler(poll_answer),
    ]
