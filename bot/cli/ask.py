"""`python -m bot ask "câu hỏi" [--json]` and `python -m bot chat` (the console channel)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from bot.services.answers import Answer
from bot.services.qa import InvalidQuestion
from bot.settings import Settings
from bot.texts import console as text
from bot.wiring import Services


def register(subparsers: Any) -> None:
    ask = subparsers.add_parser("ask", help=text.HELP_ASK)
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help=text.HELP_JSON)
    ask.set_defaults(func=run_ask)
    chat = subparsers.add_parser("chat", help=text.HELP_CHAT)
    chat.set_defaults(func=run_chat)


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """The stable `ask --json` contract (documented in the README)."""
    return {
        "answer": answer.text,
        "grounded": answer.grounded,
        "sources": [
            {
                key: value
                for key, value in asdict(source).items()
                if key in ("document", "title", "number", "date", "section", "score", "text")
            }
            for source in answer.sources
        ],
    }


def run_ask(args: argparse.Namespace) -> int:
    services = Services(Settings())
    services.library.seed_if_empty(services.settings.corpus_dir)
    try:
        answer = services.qa.ask(args.question)
    except InvalidQuestion as error:
        if args.json:
            refusal = {"answer": str(error), "grounded": False, "sources": []}
            print(json.dumps(refusal, ensure_ascii=False))
        else:
            print(str(error))
        return 2
    if args.json:
        print(json.dumps(answer_to_json(answer), ensure_ascii=False))
    else:
        print(answer.text)
    return 0


def run_chat(args: argparse.Namespace) -> int:
    from bot.channels.console import run_console

    run_console(Services(Settings()), sys.stdin, sys.stdout)
    return 0
