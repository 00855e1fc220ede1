"""`python -m bot run`: serve every messenger with a token, or the console chat when none."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Coroutine
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.wiring import Services

from bot.texts import console as text

log = logging.getLogger(__name__)

Serve = Callable[["Services", asyncio.Event], Coroutine[Any, Any, None]]

# (settings field that enables the channel, module exposing `async serve(services, stop)`).
CHANNELS: list[tuple[str, str]] = [
    ("telegram_bot_token", "bot.channels.telegram.app"),
    ("zalo_bot_token", "bot.channels.zalo.app"),
]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("run", help=text.CLI_RUN)
    parser.set_defaults(func=main)


def enabled_channels(settings: Settings) -> list[tuple[str, Serve]]:
    """The channels whose token is configured, with their `serve` coroutine function."""
    enabled = []
    for field, module in CHANNELS:
        if getattr(settings, field):
            enabled.append((module.rsplit(".", 2)[-2], import_module(module).serve))
    return enabled


async def serve_all(services: Services, channels: list[tuple[str, Serve]]) -> int:
    """Run the channels concurrently in this loop until SIGINT/SIGTERM or one of them fails."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    tasks = [asyncio.create_task(serve(services, stop), name=name) for name, serve in channels]
    failed = False
    for finished in asyncio.as_completed(tasks):
        try:
            await finished
        except Exception:
            log.exception("a channel stopped with an error; stopping the others")
            failed = True
        stop.set()  # one channel ending (error or not) ends the process
    return 1 if failed else 0


def seed_corpus(services: Services) -> None:
    """First start: ingest the bundled corpus into an empty library (unless SEED_CORPUS=false).

    Done here, before any channel starts, so every channel starts with the same library.
    """
    settings = services.settings
    if not settings.seed_corpus or services.library.documents():
        return
    log.info("first start: ingesting the bundled corpus from %s", settings.corpus_dir)
    results = services.library.seed_if_empty(settings.corpus_dir)
    failed = [result for result in results if isinstance(result, Exception)]
    for error in failed:
        log.warning("bundled corpus: %s", error)
    log.info("bundled corpus: %d documents ingested", len(results) - len(failed))


def main(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from bot.wiring import Services

    settings = Settings()
    services = Services(settings)
    services.start()  # the records database opens (and migrates) now, not on the first question
    channels = enabled_channels(settings)
    if not channels:
        from bot.channels.console import run_console

        run_console(services)
        return 0
    seed_corpus(services)
    log.info("starting: %s", ", ".join(name for name, _ in channels))
    return asyncio.run(serve_all(services, channels))
