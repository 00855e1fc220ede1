"""The global error handler: log, then tell the person something went wrong."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.channels.telegram.sending import answer_query, reply_plain, send_plain
from bot.texts import knowledge as knowledge_texts
from bot.texts import telegram as texts
from knowledge.types import KnowledgeError

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Handlers may let a KnowledgeError/DomainError escape: its message is for the user."""
    error = context.error
    expected = isinstance(error, KnowledgeError)
    if isinstance(error, KnowledgeError):  # narrows the type, which `expected` does not
        log.info("refused: %s", error)
        reply = knowledge_texts.describe(error)
    else:
        log.error("handler failed on update %r", update, exc_info=error)
        reply = texts.ERROR_GENERIC
    if not isinstance(update, Update) or update.channel_post or update.edited_channel_post:
        return
    try:
        if update.callback_query is not None:
            await answer_query(update.callback_query, reply, alert=True)
        elif update.effective_message is not None:
            # Split like every reply: a refusal may quote a very long argument.
            await reply_plain(update.effective_message, reply)
        elif update.effective_user is not None and expected:
            await send_plain(context.bot, update.effective_user.id, reply)
    except TelegramError:  # the reply itself failed (blocked bot, chat gone): nothing to add
        log.warning("could not tell the user about the error", exc_info=True)
