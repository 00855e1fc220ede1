"""Updates with nobody behind them, and buttons the bot did not make.

`gate` runs before every handler (group -1): channel posts, edited messages and automatic
forwards from a linked channel are ignored; a button without data gets a short notice; a
command sent "as" a chat (an anonymous admin, a member posting as a channel) is answered with
one line asking for a person, since check-in, sessions, quizzes and records all need to know
who acted. `handlers` is the last feature module: a button whose data no other handler
recognises gets a short notice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import Message, MessageEntity, Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, CallbackQueryHandler, ContextTypes

from bot.channels.telegram.common import entity_text, person
from bot.channels.telegram.sending import answer_query, reply_plain
from bot.texts import telegram as texts

if TYPE_CHECKING:
    from bot.wiring import Services

COMMANDS: list[tuple[str, str]] = []
# Commands that work without knowing who sent them.
PERSONLESS_COMMANDS = frozenset({"trogiup", "help", "tailieu", "documents"})


def addressed_command(message: Message, bot_username: str | None) -> str | None:
    """The command word (lower case) when `message` starts with a command meant for this bot."""
    if not message.text or not message.entities:
        return None
    first = message.entities[0]
    if first is None or first.type != MessageEntity.BOT_COMMAND or first.offset != 0:
        return None
    text = entity_text(message, first)
    if text is None:
        return None
    word = text[1:]
    name, _, target = word.partition("@")
    if target and target.lower() != (bot_username or "").lower():
        return None  # another bot's command
    return name.lower()


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop updates nobody should act on; answer commands from senders without a person."""
    if update.edited_message is not None or update.edited_channel_post is not None:
        raise ApplicationHandlerStop  # an edit does not repeat a command or a question
    if update.channel_post is not None:
        raise ApplicationHandlerStop  # the bot has nothing to do in channels
    query = update.callback_query
    if query is not None and not query.data:
        # PTB hands a button without data to the first pattern handler; none of ours has one.
        await answer_query(query, texts.UNKNOWN_BUTTON)
        raise ApplicationHandlerStop
    message = update.message
    if message is None or person(update) is not None:
        return  # callbacks and poll answers check their sender themselves
    command = (
        None if message.is_automatic_forward else addressed_command(message, context.bot.username)
    )
    if command is None:
        raise ApplicationHandlerStop  # chatter or a forwarded channel post: not for us
    if command in PERSONLESS_COMMANDS:
        return
    await reply_plain(message, texts.NEEDS_A_PERSON)
    raise ApplicationHandlerStop


def handlers(services: Services) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """The catch-all for buttons: keep this module last in FEATURE_MODULES."""

    async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await answer_query(update.callback_query, texts.UNKNOWN_BUTTON)

    return [CallbackQueryHandler(unknown_button)]
