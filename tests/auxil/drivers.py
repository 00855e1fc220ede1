"""Channel drivers for the feature tests: send text as a person in a private chat, read replies.

Each driver runs the real channel (PTB Application or the Zalo poller) against its fake API
server and returns the bot's replies as the plain text a person would read, so one scenario
can be written once and run through every channel.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bot.services.identity import Channel
from bot.wiring import Services
from tests.auxil.fake_telegram import Call, parse_telegram_html
from tests.auxil.fake_zalo import FakeZaloServer
from tests.auxil.telegram_bot import TelegramBot

# A chat nobody in a scenario uses: its reply proves every earlier message was handled.
MARKER_CHAT = "marker"


@dataclass(frozen=True)
class Person:
    """Someone writing to the bot; each channel derives its own account id from `number`."""

    number: int
    name: str


class ChannelDriver(Protocol):
    """One channel, running over real services and a fake messenger API."""

    channel: Channel
    services: Services

    async def send(self, person: Person, text: str) -> list[str]:
        """`text` from `person` in their private chat; every reply it got, as plain text."""
        ...

    def chat_id(self, person: Person) -> str:
        """The person's private chat as the services record it."""
        ...


# `open_channel(**settings)` (tests/features/conftest.py): the parametrised channel, started.
OpenChannel = Callable[..., Awaitable[ChannelDriver]]


@dataclass
class TelegramDriver:
    """Telegram through the fake Bot API (HTML replies are read as their visible text)."""

    bot: TelegramBot
    channel: Channel = "telegram"

    @property
    def services(self) -> Services:
        return self.bot.services

    def chat_id(self, person: Person) -> str:
        return str(self._user_id(person))

    async def send(self, person: Person, text: str) -> list[str]:
        user_id = self._user_id(person)
        mark = len(self.bot.fake.calls)
        self.bot.fake.push_message(user_id, user_id, text, first_name=person.name)
        await self.bot.reply_to(user_id, mark, timeout=120)
        await self.bot.settle()  # a long answer comes in several messages
        return [
            _visible(call)
            for call in self.bot.fake.calls[mark:]
            if call.method == "sendMessage" and call.params["chat_id"] == str(user_id)
        ]

    @staticmethod
    def _user_id(person: Person) -> int:
        return 70_000 + person.number


@dataclass
class ZaloDriver:
    """Zalo through the fake Zalo Bot API (replies are plain text already)."""

    zalo: FakeZaloServer
    services: Services
    channel: Channel = "zalo"

    def chat_id(self, person: Person) -> str:
        return f"zalo{person.number:04d}"

    async def send(self, person: Person, text: str) -> list[str]:
        chat_id = self.chat_id(person)
        before = len(self.zalo.sent)
        self.zalo.push_text(chat_id, text, name=person.name)
        # Zalo messages are fetched and answered one at a time, in order: once the marker is
        # answered, every reply to `text` (a long one is several messages) has been sent.
        self.zalo.push_text(MARKER_CHAT, "trogiup")
        while not any(sent.chat_id == MARKER_CHAT for sent in self.zalo.sent[before:]):
            await self.zalo.wait_for_sent(len(self.zalo.sent) + 1, timeout_s=120)
        return [sent.text for sent in self.zalo.sent[before:] if sent.chat_id == chat_id]


def _visible(call: Call) -> str:
    text: str = call.params["text"]
    return parse_telegram_html(text) if call.params.get("parse_mode") == "HTML" else text
