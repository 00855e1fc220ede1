"""Drives group quizzes in time: a poll per question, a leaderboard after it, then the next.

The messenger and the timers are ports; the runs, their polls and deadlines live in the
database, so after a restart `recover` re-arms the timers or closes quizzes left too long.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.records.models import utcnow
from bot.services.quiz_group import GroupQuizService, OpenRun
from bot.services.quiz_runs import PlayQuestion
from bot.texts import quiz as texts

log = logging.getLogger(__name__)

STALE_AFTER_S = 600  # a quiz whose question ended this long before a restart is closed


@dataclass(frozen=True)
class SentPoll:
    """Where a question went: the poll id answers name, the message holding it."""

    poll_id: str | None
    message_id: str | None


class QuizMessenger(Protocol):
    """What a group quiz needs from a messenger."""

    async def send_poll(self, chat_id: str, question: PlayQuestion) -> SentPoll:
        """Send a question as a quiz poll open for `question.seconds`."""
        ...

    async def send_text(self, chat_id: str, text: str) -> None: ...

    async def close_poll(self, chat_id: str, poll: SentPoll) -> None:
        """Stop accepting answers to a question whose time is up."""
        ...


class Timers(Protocol):
    """One-shot timers (asyncio tasks, or a messenger library's job queue)."""

    def run_once(self, when: datetime, callback: Callable[[], Awaitable[None]]) -> None: ...

    async def stop(self) -> None: ...


class GroupQuizDriver:
    """Sends each question of a channel's group quizzes and moves on when its time is up."""

    def __init__(
        self, quizzes: GroupQuizService, messenger: QuizMessenger, timers: Timers, channel: str
    ) -> None:
        self.quizzes = quizzes
        self.messenger = messenger
        self.timers = timers
        self.channel = channel

    async def ask(self, chat_id: str, question: PlayQuestion) -> None:
        """Send a question, remember it, and time it."""
        sent = await self.messenger.send_poll(chat_id, question)
        deadline = await asyncio.to_thread(
            self.quizzes.mark_sent,
            question.run_id,
            question.position,
            sent.poll_id,
            sent.message_id,
            utcnow(),
        )
        self._time(chat_id, question.run_id, sent, deadline)

    def _time(self, chat_id: str, run_id: int, sent: SentPoll, deadline: datetime) -> None:
        async def time_is_up() -> None:
            try:
                await self.messenger.close_poll(chat_id, sent)
                await self.next_question(chat_id, run_id)
            except Exception:  # a timer has nobody to report to but the log
                log.exception("group quiz %s could not continue", run_id)

        self.timers.run_once(deadline, time_is_up)

    async def next_question(self, chat_id: str, run_id: int) -> None:
        """Leaderboard after a question, then the next poll or the final results."""
        following = await asyncio.to_thread(self.quizzes.advance, run_id)
        results = await asyncio.to_thread(self.quizzes.results, run_id)
        if following is None:
            await self.messenger.send_text(chat_id, texts.results(results.lines, results.total))
            return
        board = texts.leaderboard(results.lines, following.position - 1, results.total)
        await self.messenger.send_text(chat_id, board)
        await self.ask(chat_id, following)

    async def recover(self) -> None:
        """After a restart: keep timing a question still open, continue or close the others."""
        for run in await asyncio.to_thread(self.quizzes.open_runs, self.channel):
            try:
                await self._recover_one(run)
            except Exception:  # one broken quiz must not keep the bot from starting
                log.exception("group quiz %s could not be recovered", run.run_id)

    async def _recover_one(self, run: OpenRun) -> None:
        now = utcnow()
        if run.deadline is None:
            question = await asyncio.to_thread(self.quizzes.question_at, run.run_id, 0)
            await self.ask(run.chat_id, question)
            return
        # The poll id is not needed any more: answers find their poll in the database.
        poll = SentPoll(None, run.message_id)
        if run.deadline > now:
            self._time(run.chat_id, run.run_id, poll, run.deadline)
            return
        await self.messenger.close_poll(run.chat_id, poll)  # its time ran out while we were down
        if (now - run.deadline).total_seconds() > STALE_AFTER_S:
            await asyncio.to_thread(self.quizzes.close, run.run_id)
            results = await asyncio.to_thread(self.quizzes.results, run.run_id)
            closing = texts.results(results.lines, results.total)
            await self.messenger.send_text(run.chat_id, f"{texts.CLOSED_AFTER_RESTART}\n{closing}")
        else:
            await self.messenger.send_text(run.chat_id, texts.RESUMED_AFTER_RESTART)
            await self.next_question(run.chat_id, run.run_id)

    async def stop(self) -> None:
        """Cancel the pending timers (the database keeps what `recover` needs)."""
        await self.timers.stop()
