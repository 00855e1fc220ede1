"""The console channel: the same text dialog as Zalo, on standard input and output."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from bot.dialog.text_dialog import TextDialog
from bot.services.identity import ChatRef, UserRef
from bot.texts import console as text

if TYPE_CHECKING:
    from bot.wiring import Services

CONSOLE_USER = UserRef(channel="console", user_id="local", display_name="Console")
CONSOLE_CHAT = ChatRef(channel="console", chat_id="local", is_group=False)


def run_console(services: Services, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    """Read questions line by line until EOF or an exit word; print each reply."""
    if not services.library.documents():
        print(text.SEEDING, file=stdout, flush=True)
        services.library.seed_if_empty(services.settings.corpus_dir)
    dialog = TextDialog(services)
    print(text.WELCOME, file=stdout, flush=True)
    while True:
        print(text.PROMPT, end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line or line.strip().lower() in text.EXIT_WORDS:
            print(text.GOODBYE, file=stdout, flush=True)
            return
        if not line.strip():
            continue
        for reply in dialog.handle(CONSOLE_USER, CONSOLE_CHAT, line.strip()):
            print(f"{text.BOT}{reply}\n", file=stdout, flush=True)
