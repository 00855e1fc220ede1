"""The member-facing conversation, one per process, shared by Telegram, Zalo and the console.

Channels parse a message into one call here and format the typed result. The service owns
what must not exist once per channel: flood control, each chat's follow-up memory and the
question log. Refusals are `DomainError`s (and `InvalidQuestion` for an empty or over-long
question): typed exceptions whose message is already the Vietnamese text for the person.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.services.answers import Answer, Conversation
from bot.services.flood import FloodGuard
from bot.services.identity import ChatRef, UserRef

if TYPE_CHECKING:
    from bot.services.attendance import AttendanceService, CheckIn
    from bot.services.enrolment import Enrolment, EnrolmentService
    from bot.services.qa import QAService
    from bot.services.question_log import QuestionLogService
    from bot.services.report_data import MemberRecord
    from bot.services.reports import ReportService
    from knowledge.library import Library
    from knowledge.types import DocumentInfo

__all__ = ["Asked", "ChatMemory", "ConversationService", "FloodWait"]

# Chats whose follow-up memory is kept; the least recently active are forgotten first.
MAX_CONVERSATIONS = 2000


@dataclass(frozen=True)
class Asked:
    """A question answered and logged; `question_id` is what a 👍/👎 vote refers to."""

    answer: Answer
    question_id: int


@dataclass(frozen=True)
class FloodWait:
    """Too many questions in the last minute: nothing was answered or logged."""

    retry_after_s: int


class Backends(Protocol):
    """The services a conversation calls (`bot.wiring.Services`, each built on first use)."""

    @property
    def qa(self) -> QAService: ...

    @property
    def question_log(self) -> QuestionLogService: ...

    @property
    def enrolment(self) -> EnrolmentService: ...

    @property
    def attendance(self) -> AttendanceService: ...

    @property
    def reports(self) -> ReportService: ...

    @property
    def library(self) -> Library: ...


class ChatMemory:
    """The `Conversation` of each recently active chat, bounded, least recent forgotten first.

    Thread-safe: Telegram answers on worker threads, several chats at once.
    """

    def __init__(self, capacity: int = MAX_CONVERSATIONS) -> None:
        self.capacity = capacity
        self._chats: OrderedDict[tuple[str, str], Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, chat: ChatRef) -> Conversation:
        """The chat's conversation (a new one for a chat not seen lately), now most recent."""
        key = (chat.channel, chat.chat_id)
        with self._lock:
            conversation = self._chats.pop(key, None) or Conversation()
            self._chats[key] = conversation
            while len(self._chats) > self.capacity:
                self._chats.popitem(last=False)
            return conversation

    def __len__(self) -> int:
        with self._lock:
            return len(self._chats)


class ConversationService:
    """Ask, enrol, check in, my record and the document list, for every channel."""

    def __init__(
        self, backends: Backends, flood: FloodGuard, memory: ChatMemory | None = None
    ) -> None:
        # Backends, not the services themselves: a chat that only lists documents never
        # opens the database, one that only checks in never loads the models.
        self._backends = backends
        self.flood = flood
        self.memory = memory or ChatMemory()

    # --- questions ----------------------------------------------------------------------------
    def ask(self, user: UserRef, chat: ChatRef, question: str) -> Asked | FloodWait:
        """`admit` then `answer`: the whole question for channels that answer synchronously."""
        refused = self.admit(user)
        return refused if refused is not None else self.answer(user, chat, question)

    def admit(self, user: UserRef) -> FloodWait | None:
        """Count one question by `user`; a FloodWait when over the per-minute limit."""
        wait = self.flood.admit(user)
        return FloodWait(wait) if wait else None

    def answer(self, user: UserRef, chat: ChatRef, question: str) -> Asked:
        """Answer an admitted question, remember it for follow-ups in `chat`, log it.

        CPU-bound (retrieval). Raises InvalidQuestion when empty or over-long.
        """
        conversation = self.memory.of(chat)
        # `ask` remembers the turn in `conversation` itself, after answering.
        answer = self._backends.qa.ask(question, conversation)
        question_id = self._backends.question_log.record(user, chat, answer)
        return Asked(answer, question_id)

    # --- records ------------------------------------------------------------------------------
    def enrol(self, user: UserRef, code: str) -> Enrolment:
        """Join the cell of the invite `code` (its first word); DomainError when refused."""
        return self._backends.enrolment.enrol(user, _first_word(code))

    def check_in(self, user: UserRef, code: str) -> CheckIn:
        """Check in to the open session of the person's cell; DomainError when refused."""
        return self._backends.attendance.check_in(user, _first_word(code))

    def my_record(self, user: UserRef, campaign: str | None = None) -> MemberRecord:
        """The person's own attendance and quiz results; NotEnrolled for a stranger."""
        return self._backends.reports.my_record(user, campaign or None)

    # --- library ------------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """The library's documents, in listing order."""
        return self._backends.library.documents()


def _first_word(text: str) -> str:
    # Codes are one word; people sometimes type a remark after them.
    words = text.split()
    return words[0] if words else ""
