"""The channel-neutral text dialog: one message in, reply texts out (Zalo, console)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.dialog.commands import parse_choice, parse_command
from bot.dialog.practice import PracticeDialog
from bot.services.conversation import FloodWait
from bot.services.identity import ChatRef, UserRef
from bot.services.presenting import format_answer_plain
from bot.texts import dialog as texts
from bot.texts import knowledge as knowledge_texts
from bot.texts import records as records_texts
from knowledge.types import KnowledgeError

if TYPE_CHECKING:
    from bot.services.conversation import ConversationService
    from bot.wiring import Services

log = logging.getLogger(__name__)

# Group quizzes and study sessions are run inside a Telegram group; text channels have none.
GROUP_ONLY_COMMANDS = frozenset({"dokiemtra", "mophien", "dongphien"})

Handler = Callable[[UserRef, ChatRef, str], list[str]]


class TextDialog:
    """Commands (slash optional) and free questions over the shared conversation service."""

    def __init__(self, services: Services) -> None:
        self.conversation: ConversationService = services.conversation
        self._practice = PracticeDialog(services)
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
        """Reply texts (unsplit) to one message from `user` in `chat`; never raises.

        Refusals (`DomainError`) and unusable questions (`InvalidQuestion`) are answered
        with their own message, as Telegram's error handler does.
        """
        try:
            return self._dispatch(user, chat, text)
        except KnowledgeError as error:  # a refusal or an unusable question: it says why
            return [knowledge_texts.describe(error)]
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
        result = self.conversation.ask(user, chat, question)
        if isinstance(result, FloodWait):
            return [texts.flood(result.retry_after_s)]
        return [format_answer_plain(result.answer)]

    # --- information --------------------------------------------------------------------------
    def _start(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        if not argument:
            return [texts.WELCOME]
        enrolment = self.conversation.enrol(user, argument)
        return [texts.enrolled(enrolment.cell, enrolment.member_name, enrolment.already)]

    def _start_practice(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        return self._practice.start(user, chat, argument)

    # --- records ------------------------------------------------------------------------------
    def _check_in(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        if not argument:
            return [texts.CHECK_IN_USAGE]
        result = self.conversation.check_in(user, argument)
        return [texts.checked_in(result.member_name, result.topic, result.already, result.present)]

    def _my_record(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        return [records_texts.my_record_text(self.conversation.my_record(user, argument))]

    def _help(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        lines = [line for name, line in texts.HELP_LINES.items() if name in self._commands]
        return ["\n".join([texts.HELP_HEADER, *lines])]

    def _documents(self, user: UserRef, chat: ChatRef, argument: str) -> list[str]:
        documents = self.conversation.documents()
        if not documents:
            return [texts.NO_DOCUMENTS]
        lines = [texts.DOCUMENTS_HEADER.format(count=len(documents))]
        for index, info in enumerate(documents, start=1):
            meta = info.meta
            lines.append(texts.document_line(index, meta.title, meta.number, meta.date))
        return ["\n".join(lines)]
