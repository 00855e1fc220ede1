"""The running-bot handle used by the Telegram end-to-end tests (fixtures in conftest)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.channels.telegram.app import TelegramApp
from bot.wiring import Services
from tests.fake_telegram import Call, FakeTelegram

ADMIN_ID = 1001
MEMBER_ID = 2002
GROUP_ID = -100500


@dataclass
class TelegramBot:
    """A running bot and its fake Telegram: push updates, then wait for what the bot sent."""

    fake: FakeTelegram
    services: Services
    application: TelegramApp

    async def reply_to(self, chat_id: int, after: int, timeout: float = 30.0) -> Call:
        """The next sendMessage to `chat_id` made after call index `after`."""
        return await self.fake.wait_for_call(
            "sendMessage", lambda c: c.params["chat_id"] == str(chat_id), timeout, after=after
        )

    async def say(
        self, chat_id: int, user_id: int, text: str, chat_type: str = "private", **kw: Any
    ) -> Call:
        """Send a message as a user and return the bot's first reply to that chat."""
        mark = len(self.fake.calls)
        self.fake.push_message(chat_id, user_id, text, chat_type, **kw)
        return await self.reply_to(chat_id, mark)

    async def settle(self) -> None:
        """Wait until the bot has fetched every pushed update and finished handling it."""
        # The marker's reply means every earlier update was fetched and queued; chats are
        # handled concurrently, so then wait for the queue's every update to be done.
        mark = len(self.fake.calls)
        marker = self.fake.push_message(999_999, 999_999, "/trogiup")
        await self.fake.wait_for_call(
            "sendMessage",
            lambda c: c.params["chat_id"] == str(marker["chat"]["id"]),
            30.0,
            after=mark,
        )
        await self.application.update_queue.join()
