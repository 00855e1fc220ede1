"""The channel-neutral text dialog: one message in, reply texts out (Zalo, console)."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.dialog.commands import parse_choice, parse_command
from bot.dialog.practice import PracticeDialog
from bot.services.answers import Conversation
from bot.services.errors import DomainError
from bot.services.flood import FloodGuard
from bot.services.identity import ChatRef, UserRef
from bot.texts import dialog as texts
from bot.texts import records as records_texts
from knowledge.types import KnowledgeError

if TYPE_CHECKING:
    from bot.wiring import Services

log = logging.getLogger(__name__)

# Group quizzes and study sessions are run inside a Telegram group; text channels have none.
GROUP_ONLY_COMMANDS = frozenset({"dokiemtra", "mophien", "dongphien"})
# Chats whose follow-up memory is kept; the least recently active are forgotten first.
MAX_CONVERSATIONS = 2000

Handler = Callable[[UserRef, ChatRef, str], list[str]]


class TextDialog:
    """Commands (slash optional) and free questions over the shared services."""

    def __init__(self, services: Services, flood: FloodGuard | None = None) -> None:
        self.services = services
        self._practice = PracticeDialog(services)
        self.flood = flood or FloodGuard(services.settings.questions_per_minute)
        self._conversations: OrderedDict[tuple[str, str], Conversation] = OrderedDict()
        self._lock = threading.Lock()
        self._commands: dict[str, Handler] = {
            "hoi": self._ask_command,
            "start": self._start,
            "batdau": self._start,
            "thamgia": self._start,
            "diemdanh": self._check_in,
            "onthi": self._start_practice,
            "ketqua": self._my_record,
            "tailieu": self._documents,
            "trogiup": self._help,
            "help": self._help,
        }

    def handle(self, user: UserRef, chat: ChatRef, text: str) -> list[str]:
        """Reply texts (unsplit) to one message from `user` in `chat`; never raises."""
        try:
            return self._dispatch(user, chat, text)
        except Exception:  # a bug in one capability must not end the conversation or channel
            log.exception("dialog failed on %r from %s:%s", text[:80], user.channel, user.user_id)
            return [texts.FAILURE]

    def _dispatch(self, user: UserRef, chat: ChatRef, text: str) -> list[str]:
        if not text.strip():
            return [texts.EMPTY_MESSAGE]
        letter = parse_choice(text)
        if letter is not None:
            # A bare letter is a practice answer, never a question worth retrieving for.
            return self._practice.answer(user, chat, letter)
        command = parse_command(text, frozenset(self._commands) | GROUP_ONLY_COMMANDS)
        if command is None:
            if text.lstrip().startswith("/"):  # a slash means a command, never a question
                return [texts.UNKNOWN_COMMAND.format(command=text.split()[0])]
            return self._ask(user, chat, text.strip())
        if command.name in GROUP_ONLY_COMMANDS:
            return [texts.group_only(command.name)]
        return self._commands[command.name](user, chat, command.argument)

    # --- questions ----------------------------------------------------------------------------
    def _ask_command(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        if not argument:
            return [texts.ASK_USAGE]
        return self._ask(user, chat, argument)

    def _ask(self, user: UserRef, chat: ChatRef, question: str) -> list[str]:
        from bot.services.presenting import format_answer_plain

        if not self.flood.allow(user):
            return [texts.flood(self.flood.retry_after_s(user))]
        conversation = self._conversation(chat)
        try:
            answer = self.services.qa.ask(question, conversation)
        except KnowledgeError as error:  # empty or over-long question: its message says why
            return [str(error)]
        # `ask` has already remembered this turn in `conversation`.
        self.services.question_log.record(user, chat, answer)
        return [format_answer_plain(answer)]

    def _conversation(self, chat: ChatRef) -> Conversation:
        key = (chat.channel, chat.chat_id)
        with self._lock:
            conversation = self._conversations.pop(key, None) or Conversation()
            self._conversations[key] = conversation
            while len(self._conversations) > MAX_CONVERSATIONS:
                self._conversations.popitem(last=False)
            return conversation

    # --- information --------------------------------------------------------------------------
    def _start(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        if not argument:
            return [texts.WELCOME]
        try:
            enrolment = self.services.enrolment.enrol(user, argument.split()[0])
        except DomainError as error:
            return [str(error)]
        return [texts.enrolled(enrolment.cell, enrolment.member_name, enrolment.already)]

    def _start_practice(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        return self._practice.start(user, chat, argument)

    # --- records ------------------------------------------------------------------------------
    def _check_in(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        if not argument:
            return [texts.CHECK_IN_USAGE]
        try:
            result = self.services.attendance.check_in(user, argument.split()[0])
        except DomainError as error:
            return [str(error)]
        return [texts.checked_in(result.member_name, result.topic, result.already, result.present)]

    def _my_record(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        try:
            record = self.services.reports.my_record(user, argument or None)
        except DomainError as error:
            return [str(error)]
        return [records_texts.my_record_text(record)]

    def _help(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        lines = [line for name, line in texts.HELP_LINES.items() if name in self._commands]
        return ["\n".join([texts.HELP_HEADER, *lines])]

    def _documents(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        documents = self.services.library.documents()
        if not documents:
            return [texts.NO_DOCUMENTS]
        lines = [texts.DOCUMENTS_HEADER.format(count=len(documents))]
        for index, info in enumerate(documents, start=1):
            meta = info.meta
            lines.append(texts.document_line(index, meta.title, meta.number, meta.date))
        return ["\n".join(lines)]
