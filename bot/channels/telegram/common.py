"""Shared helpers of the Telegram handlers, and /start, /trogiup."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from html import escape
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler, ContextTypes

from bot.channels.telegram.formatting import split_html
from bot.services.identity import ChatRef, UserRef
from bot.texts import telegram as texts

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)

COMMANDS = [
    ("start", texts.CMD_START),
    ("trogiup", texts.CMD_TROGIUP),
]
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
TYPING_REFRESH_S = 4.0  # Telegram shows "typing…" for about five seconds per action


def user_ref(update: Update) -> UserRef:
    """The sender as the services know them."""
    user = update.effective_user
    assert user is not None
    return UserRef("telegram", str(user.id), user.full_name)


def chat_ref(update: Update) -> ChatRef:
    """The chat as the services know it."""
    chat = update.effective_chat
    assert chat is not None
    return ChatRef("telegram", str(chat.id), is_group=chat.type != chat.PRIVATE)


def is_admin(services: Services, update: Update) -> bool:
    """Admins are the Telegram user ids listed in settings.admin_ids."""
    user = update.effective_user
    return user is not None and user.id in services.settings.admin_ids


def command_argument(message: Message) -> str:
    """Everything after the command word, newlines kept (unlike `context.args`)."""
    parts = (message.text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


async def reply_html(
    message: Message, html: str, reply_markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Send HTML, split into as many messages as needed; buttons go under the last one."""
    parts = split_html(html)
    sent: Message | None = None
    for index, part in enumerate(parts):
        markup = reply_markup if index == len(parts) - 1 else None
        sent = await message.reply_text(
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            link_preview_options=NO_PREVIEW,
            do_quote=index == 0 and message.chat.type != message.chat.PRIVATE,
        )
    return sent


async def reply_plain(message: Message, text: str) -> Message | None:
    """Send service text verbatim (escaped for HTML so splitting stays safe)."""
    return await reply_html(message, escape(text, quote=False))


@contextlib.asynccontextmanager
async def typing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> AsyncIterator[None]:
    """Show "typing…" in the chat until the block finishes."""
    chat = update.effective_chat
    assert chat is not None

    async def show() -> None:
        try:
            await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
        except TelegramError as error:  # cosmetic: never fail the answer for it
            log.debug("chat action failed: %s", error)

    async def keep_typing() -> None:
        while True:
            await asyncio.sleep(TYPING_REFRESH_S)
            await show()

    await show()
    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def handlers(services: Services) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """/start (with an optional invite code) and /trogiup (/help)."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        code = context.args[0] if context.args else ""
        if code:
            # DomainError (unknown/expired code...) is answered by the error handler.
            result = await asyncio.to_thread(services.enrolment.enrol, user_ref(update), code)
            await reply_html(
                message, texts.enrolled(result.cell, result.member_name, result.already)
            )
            return
        user = update.effective_user
        await reply_html(message, texts.welcome(user.first_name if user else ""))

    async def help_(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await reply_html(update.effective_message, texts.HELP)

    return [
        CommandHandler(["start", "batdau"], start),
        CommandHandler(["trogiup", "help"], help_),
    ]
