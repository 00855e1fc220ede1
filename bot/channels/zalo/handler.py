"""Turns one incoming Zalo message into replies: dialog → split at 2,000 chars → sendMessage."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from bot.channels.zalo.client import ZaloApiError, ZaloClient, ZaloMessage
from bot.channels.zalo.splitting import split_message
from bot.services.identity import ChatRef, UserRef
from bot.texts import zalo as texts

log = logging.getLogger(__name__)

Dialog = Callable[[UserRef, ChatRef, str], list[str]]


class ZaloHandler:
    """Answers messages one at a time (the services are shared and not all thread-safe)."""

    def __init__(self, client: ZaloClient, dialog: Dialog) -> None:
        self.client = client
        self.dialog = dialog
        self._lock = asyncio.Lock()

    async def handle(self, message: ZaloMessage) -> None:
        """Reply to `message`; failures are logged, never raised into the polling loop."""
        async with self._lock:
            try:
                await self._reply(message)
            except Exception:  # one bad message must not stop the channel
                log.exception("Zalo: failed to handle message %s", message.message_id)

    async def _reply(self, message: ZaloMessage) -> None:
        if message.is_group:
            await self._send(message.chat_id, [texts.GROUPS_UNSUPPORTED])
            return
        if message.text is None:
            await self._send(message.chat_id, [texts.TEXT_ONLY])
            return
        user = UserRef("zalo", message.user_id, message.display_name)
        chat = ChatRef("zalo", message.chat_id, is_group=False)
        await self._typing(message.chat_id)
        try:
            replies = await asyncio.to_thread(self.dialog, user, chat, message.text)
        except Exception:
            log.exception("Zalo: dialog failed on message %s", message.message_id)
            replies = [texts.FAILURE]
        await self._send(message.chat_id, replies)

    async def _send(self, chat_id: str, replies: list[str]) -> None:
        for reply in replies:
            for piece in split_message(reply):
                await self.client.send_message(chat_id, piece)

    async def _typing(self, chat_id: str) -> None:
        try:
            await self.client.send_chat_action(chat_id, "typing")
        except (ZaloApiError, OSError) as error:  # cosmetic; the answer still goes out
            log.debug("Zalo: sendChatAction failed: %s", error)
