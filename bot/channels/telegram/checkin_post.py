"""One live check-in post per study session, edited at most every few seconds.

Answering each check-in in the group would queue behind Telegram's limit of about twenty
group messages a minute (60 members: minutes of backlog). Instead the post made when the
session opens carries the check-in button and is edited with the count and the names.
Post ids live in memory only: after a restart the next check-in posts a fresh one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application

from bot.channels.telegram.sending import edit_text, send_plain
from bot.services.attendance import PresentSoFar
from bot.texts import records as texts

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)

EDIT_INTERVAL_S = 3.0  # twenty edits a minute at most: within the group limit


def check_in_keyboard(code: str) -> InlineKeyboardMarkup:
    """The check-in button; its data carries the session's code."""
    button = InlineKeyboardButton(texts.CHECK_IN_BUTTON, callback_data=f"ci:{code}")
    return InlineKeyboardMarkup([[button]])


@dataclass(eq=False)
class _Post:
    chat_id: str
    message_id: int | None = None
    text: str = ""
    dirty: bool = False
    next_at: float = 0.0  # loop time before which the post is not edited again
    task: asyncio.Task[None] | None = None


class CheckInPosts:
    """The live post of each open session this process knows about."""

    def __init__(self, services: Services, interval: float = EDIT_INTERVAL_S) -> None:
        self.services = services
        self.interval = interval
        self._posts: dict[int, _Post] = {}

    async def open(self, bot: Bot, session_id: int, chat_id: str) -> None:
        """Post the session's check-in message (with the button) right away."""
        post = self._posts.setdefault(session_id, _Post(chat_id))
        await self._update(bot, session_id, post)

    def touch(self, bot: Bot, session_id: int, chat_id: str) -> None:
        """Someone checked in: refresh the post now, or at the end of the current interval."""
        post = self._posts.setdefault(session_id, _Post(chat_id))
        post.dirty = True
        if post.task is None or post.task.done():
            post.task = asyncio.create_task(self._refresh(bot, session_id, post))

    async def close(self, bot: Bot, session_id: int) -> None:
        """The session closed: stop refreshing and show the final count without the button."""
        post = self._posts.pop(session_id, None)
        if post is None:
            return
        if post.task is not None:
            post.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await post.task
        if post.message_id is None:
            return
        state = await asyncio.to_thread(self.services.attendance.present_so_far, session_id)
        if state is not None:
            with contextlib.suppress(TelegramError):  # cosmetic: the final list follows anyway
                await edit_text(bot, post.chat_id, post.message_id, _render(state, closed=True))

    async def stop(self) -> None:
        """Cancel pending refreshes (the bot is stopping)."""
        for post in self._posts.values():
            if post.task is not None:
                post.task.cancel()
        for post in list(self._posts.values()):
            if post.task is not None:
                with contextlib.suppress(asyncio.CancelledError):
                    await post.task
        self._posts.clear()

    async def _refresh(self, bot: Bot, session_id: int, post: _Post) -> None:
        loop = asyncio.get_running_loop()
        try:
            while post.dirty:
                await asyncio.sleep(max(post.next_at - loop.time(), 0.0))
                post.dirty = False  # check-ins from here on need another refresh
                await self._update(bot, session_id, post)
        except asyncio.CancelledError:
            raise
        except Exception:  # a timer has nobody to report to but the log
            log.exception("check-in post of session %s could not be updated", session_id)

    async def _update(self, bot: Bot, session_id: int, post: _Post) -> None:
        state = await asyncio.to_thread(self.services.attendance.present_so_far, session_id)
        if state is None or state.closed:
            return
        text = _render(state)
        post.next_at = asyncio.get_running_loop().time() + self.interval
        if text == post.text:
            return
        keyboard = check_in_keyboard(state.code)
        if post.message_id is not None:
            try:
                await edit_text(bot, post.chat_id, post.message_id, text, keyboard)
                post.text = text
                return
            except BadRequest as error:
                if "not modified" in str(error):
                    post.text = text
                    return
                # Deleted by an admin, say: post a fresh one below.
                log.info("check-in post %s not editable (%s); posting anew", post.message_id, error)
        sent = await send_plain(bot, post.chat_id, text, keyboard)
        if sent is not None:
            post.message_id, post.text = sent.message_id, text


def _render(state: PresentSoFar, closed: bool = False) -> str:
    return texts.live_check_in(
        state.cell, state.topic, state.code, state.present, state.enrolled, closed
    )


POSTS = "check_in_posts"  # their key in application.bot_data


def posts_of(
    application: Application[Any, Any, Any, Any, Any, Any], services: Services
) -> CheckInPosts:
    """The application's live posts, made on first use and kept in its bot_data."""
    posts = application.bot_data.get(POSTS)
    if not isinstance(posts, CheckInPosts):
        posts = application.bot_data[POSTS] = CheckInPosts(services)
    return posts


async def on_stopping(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    posts = application.bot_data.pop(POSTS, None)
    if isinstance(posts, CheckInPosts):
        await posts.stop()
