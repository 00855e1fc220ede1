"""👍/👎 under answers: the vote is stored with the logged question and answer."""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, ContextTypes

from bot.channels.telegram.common import user_ref
from bot.channels.telegram.sending import answer_query
from bot.texts import telegram as texts

if TYPE_CHECKING:
    from bot.wiring import Services

COMMANDS: list[tuple[str, str]] = []
VOTE_DATA = re.compile(r"^vote:(\d+):(-?1)$")


def handlers(services: Services) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """The vote buttons' callback."""

    async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        match = VOTE_DATA.match(query.data)
        assert match is not None  # the handler's pattern guarantees it
        stored = await asyncio.to_thread(
            services.question_log.vote, int(match.group(1)), user_ref(update), int(match.group(2))
        )
        await answer_query(query, texts.VOTE_THANKS if stored else texts.VOTE_UNKNOWN)

    return [CallbackQueryHandler(vote, pattern=VOTE_DATA)]
