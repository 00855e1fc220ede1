"""`python -m bot <command>`: search, ask, chat, run, quiz, report."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from importlib import import_module

from bot import logs

# Each module adds its sub-command with `register(subparsers)`; the handler it sets
# as `func` receives the parsed args and returns the exit code.
COMMAND_MODULES = [
    "bot.cli.search",
    "bot.cli.ask",
    "bot.cli.run",
    "bot.cli.quiz",
    "bot.cli.report",
    "bot.cli.organisation",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        import_module(name).register(subparsers)
    args = parser.parse_args(argv)
    # The server reports what it does; one-shot commands print only their result and warnings.
    logs.configure(logging.INFO if args.command == "run" else logging.WARNING)
    func: Callable[[argparse.Namespace], int] = args.func
    return func(args)


if __name__ == "__main__":
    sys.exit(main())
