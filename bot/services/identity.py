"""Who is talking and where: the channel-neutral identity every service receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Channel = Literal["telegram", "zalo", "console"]


@dataclass(frozen=True)
class UserRef:
    """A person as one messenger knows them. Ids are strings (Zalo's are hex strings)."""

    channel: Channel
    user_id: str
    display_name: str = ""


@dataclass(frozen=True)
class ChatRef:
    """A conversation: a private chat or a group chat on one messenger."""

    channel: Channel
    chat_id: str
    is_group: bool = False
