"""Shared helpers of the Telegram handlers, and /start, /trogiup."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from telegram import Message, MessageEntity, Update, User
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler, ContextTypes

# Re-exported: the feature modules import the reply helpers from here.
from bot.channels.telegram.sending import reply_html as reply_html
from bot.channels.telegram.sending import reply_plain as reply_plain
from bot.services.errors import DomainError
from bot.services.identity import ChatRef, UserRef
from bot.texts import telegram as texts

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

COMMANDS = [
    ("start", texts.CMD_START),
    ("trogiup", texts.CMD_TROGIUP),
]
TYPING_REFRESH_S = 4.0  # Telegram shows "typing…" for about five seconds per action


def person(update: Update) -> User | None:
    """The person behind an update, or None when nobody identifiable sent it.

    None for channel posts, automatic forwards from a linked channel, and messages sent "as"
    a chat (`sender_chat`: anonymous group admins, whose `from` is the GroupAnonymousBot, or
    a member posting as a channel), and for updates from bots.
    """
    if update.channel_post is not None or update.edited_channel_post is not None:
        return None
    message = update.effective_message
    if message is not None and (message.sender_chat is not None or message.is_automatic_forward):
        return None
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    return user


def user_ref(update: Update) -> UserRef:
    """The sender as the services know them; a DomainError (answered) when there is none."""
    user = person(update)
    if user is None:
        raise DomainError(texts.NEEDS_A_PERSON)
    return UserRef("telegram", str(user.id), user.full_name)


def chat_ref(update: Update) -> ChatRef:
    """The chat as the services know it; a DomainError (answered) for chat-less updates."""
    chat = update.effective_chat
    if chat is None:
        raise DomainError(texts.NEEDS_A_CHAT)
    return ChatRef("telegram", str(chat.id), is_group=chat.type != chat.PRIVATE)


async def cpu_bound(
    services: Services, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run CPU-heavy work on the services' bounded CPU pool, off the event loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(services.cpu_pool, partial(function, *args, **kwargs))


def is_admin(services: Services, update: Update) -> bool:
    """Whether `services.access` knows the sender as an admin (never an anonymous post)."""
    user = person(update)
    return user is not None and services.access.is_admin(UserRef("telegram", str(user.id)))


def command_argument(message: Message) -> str:
    """Everything after the command word, newlines kept (unlike `context.args`)."""
    parts = (message.text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


@dataclass
class _InFlight:
    """How many answers are being prepared at this moment, in every chat."""

    count: int = 0


@contextlib.asynccontextmanager
async def typing(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    after_s: float = 0.0,
    busy_above: int = 0,
) -> AsyncIterator[None]:
    """Show "typing…" in the chat once the block has taken `after_s`, until it finishes.

    While more than `busy_above` blocks run at once (0: no bound), nothing is shown: each chat
    action is a request against the same per-second budget as the replies, which matter more.
    """
    chat = update.effective_chat
    if chat is None:
        yield
        return
    in_flight: _InFlight = context.bot_data.setdefault("typing_in_flight", _InFlight())

    async def show() -> None:
        if busy_above and in_flight.count > busy_above:
            return
        try:
            await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
        except TelegramError as error:  # cosmetic: never fail the answer for it
            log.debug("chat action failed: %s", error)

    async def keep_typing() -> None:
        await asyncio.sleep(after_s if after_s > 0 else TYPING_REFRESH_S)
        while True:
            await show()
            await asyncio.sleep(TYPING_REFRESH_S)

    in_flight.count += 1
    task: asyncio.Task[None] | None = None
    try:
        if after_s <= 0:
            await show()
        task = asyncio.create_task(keep_typing())
        yield
    finally:
        in_flight.count -= 1
        if task is not None:
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
            result = await asyncio.to_thread(services.conversation.enrol, user_ref(update), code)
            await reply_html(
                message, texts.enrolled(result.cell, result.member_name, result.already)
            )
            return
        user = person(update)
        await reply_html(message, texts.welcome(user.first_name if user else ""))

    async def help_(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await reply_html(update.effective_message, texts.HELP)

    return [
        CommandHandler(["start", "batdau"], start),
        CommandHandler(["trogiup", "help"], help_),
    ]


def entity_text(message: Message, entity: MessageEntity) -> str | None:
    """The text an entity marks, or None when its offsets cut a character in two (Telegram
    counts UTF-16 units; a forged update can split a surrogate pair): never an exception."""
    try:
        return message.parse_entity(entity)
    except (UnicodeDecodeError, RuntimeError):
        return None
