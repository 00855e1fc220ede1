"""`python -m bot ask "câu hỏi" [--json]` and `python -m bot chat` (the console channel)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from bot.services.answers import Answer
from bot.services.qa import InvalidQuestion
from bot.settings import Settings
from bot.texts import console as text
from bot.wiring import Services


def register(subparsers: Any) -> None:
    ask = subparsers.add_parser("ask", help=text.HELP_ASK)
    ask.add_argument("question", nargs="?")
    ask.add_argument("--file", help=text.HELP_ASK_FILE)
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


def _one(services: Services, question: str) -> tuple[dict[str, Any], str, bool]:
    """(JSON object, plain text, valid) for one question."""
    try:
        answer = services.qa.ask(question)
    except InvalidQuestion as error:
        return {"answer": str(error), "grounded": False, "sources": []}, str(error), False
    return answer_to_json(answer), answer.text, True


def _questions(source: str) -> Iterator[str]:
    stream = sys.stdin if source == "-" else open(source, encoding="utf-8-sig")  # noqa: SIM115
    with stream:
        for line in stream:
            if line.strip():
                yield line.strip()


def run_ask(args: argparse.Namespace) -> int:
    if (args.question is None) == (args.file is None):
        print(text.ASK_NEEDS_ONE, file=sys.stderr)
        return 2
    services = Services(Settings())
    services.library.seed_if_empty(services.settings.corpus_dir)
    if args.file is not None:
        return _run_batch(services, args.file, args.json)
    payload, plain, valid = _one(services, args.question)
    print(json.dumps(payload, ensure_ascii=False) if args.json else plain)
    return 0 if valid else 2


def _run_batch(services: Services, source: str, as_json: bool) -> int:
    """One question per line, one answer per line (JSON objects with --json), in one process."""
    try:
        questions = _questions(source)
        for number, question in enumerate(questions, start=1):
            payload, plain, _valid = _one(services, question)
            if as_json:
                print(
                    json.dumps(
                        {"line": number, "question": question, **payload}, ensure_ascii=False
                    )
                )
            else:
                print(f"{number}. {question}\n{plain}\n")
            sys.stdout.flush()
    except (OSError, UnicodeDecodeError) as error:
        print(
            text.ASK_FILE_UNREADABLE.format(name=source, detail=type(error).__name__),
            file=sys.stderr,
        )
        return 2
    return 0


def run_chat(args: argparse.Namespace) -> int:
    from bot.channels.console import run_console

    run_console(Services(Settings()), sys.stdin, sys.stdout)
    return 0
