"""The library in chat: /tailieu lists it; admins upload files and /xoatailieu removes one."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, MessageHandler, filters

from bot.channels.telegram.common import command_argument, is_admin, reply_html, reply_plain
from bot.services import uploads
from bot.texts import library as library_texts
from bot.texts import telegram as texts

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)

COMMANDS = [
    ("tailieu", texts.CMD_TAILIEU),
    ("xoatailieu", texts.CMD_XOATAILIEU),
]


def handlers(services: Services) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """/tailieu, /xoatailieu and document uploads in private chats."""

    async def documents(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        listing = await asyncio.to_thread(services.conversation.documents)
        await reply_plain(update.effective_message, library_texts.listing(listing))

    async def upload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.document is not None
        if not is_admin(services, update):
            await reply_plain(message, texts.UPLOAD_NOT_ADMIN)
            return
        document = message.document
        # Checked on what Telegram reports, so an oversized file is never downloaded.
        refusal = uploads.refusal(
            document.file_name, document.file_size, services.settings.max_upload_bytes
        )
        place, bad_place = uploads.place_of(message.caption)  # "Địa phương: Cần Thơ"
        if refusal is not None or bad_place is not None:
            await reply_plain(message, refusal or bad_place or "")
            return
        await reply_plain(message, texts.UPLOAD_WORKING)
        try:
            file = await document.get_file()
            data = bytes(await file.download_as_bytearray())
        except TelegramError as error:
            log.warning("download of %s failed: %s", document.file_name, error)
            await reply_plain(message, texts.UPLOAD_DOWNLOAD_FAILED)
            return
        # KnowledgeError (corrupt, empty...) is answered by the error handler; nothing changed.
        report = await uploads.ingest(services.library, data, document.file_name, place)
        await reply_plain(message, library_texts.ingested(report))

    async def remove(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        if not is_admin(services, update):
            await reply_plain(message, texts.REMOVE_NOT_ADMIN)
            return
        name = command_argument(message)
        if not name:
            await reply_html(message, texts.REMOVE_USAGE)
            return
        listing = await asyncio.to_thread(services.conversation.documents)
        if name.isdigit() and 1 <= int(name) <= len(listing):
            name = listing[int(name) - 1].meta.document  # the number shown by /tailieu
        removed = await asyncio.to_thread(services.library.remove, name)
        reply = library_texts.removed(name) if removed else library_texts.not_found(name)
        await reply_plain(message, reply)

    return [
        CommandHandler(["tailieu", "documents"], documents),
        CommandHandler(["xoatailieu", "remove"], remove),
        MessageHandler(filters.Document.ALL & filters.ChatType.PRIVATE, upload),
    ]
