"""Builds and runs the python-telegram-bot Application over the shared services.

Feature modules live next to this file; each exposes `handlers(services) -> list[BaseHandler]`
and `COMMANDS: list[tuple[str, str]]` (command, Vietnamese description). Add a module by
naming it in FEATURE_MODULES; its commands are registered with Telegram at start-up.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from telegram import BotCommand, Update
from telegram.ext import AIORateLimiter, Application, TypeHandler

from bot.channels.telegram.errors import on_error
from bot.channels.telegram.inbox import attach_inbox, close_inbox, resume_pending
from bot.channels.telegram.ordering import ChatOrderedProcessor
from bot.channels.telegram.senders import gate
from bot.records.inbox import AsyncUpdateInbox, UpdateInbox

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.wiring import Services

log = logging.getLogger(__name__)

# Order matters: within one update the first matching handler wins, `qa` takes every
# remaining text message in private chats, and `senders` answers any button nobody else knew.
# A module may also list IN_ORDER_COMMANDS: group commands every later update of the chat
# waits for (and that wait for every earlier one), see ordering.py.
FEATURE_MODULES = [
    "bot.channels.telegram.common",
    "bot.channels.telegram.library",
    "bot.channels.telegram.feedback",
    "bot.channels.telegram.practice",
    "bot.channels.telegram.group_quiz",
    "bot.channels.telegram.records",
    "bot.channels.telegram.qa",
    "bot.channels.telegram.senders",
]

TelegramApp = Application[Any, Any, Any, Any, Any, Any]


def feature_modules() -> list[ModuleType]:
    return [import_module(name) for name in FEATURE_MODULES]


def bot_commands() -> list[BotCommand]:
    """Every feature's commands, in module order, for the "/" menu."""
    return [
        BotCommand(command, description)
        for module in feature_modules()
        for command, description in module.COMMANDS
    ]


def in_order_commands() -> set[str]:
    """Every feature's IN_ORDER_COMMANDS."""
    return {
        command
        for module in feature_modules()
        for command in getattr(module, "IN_ORDER_COMMANDS", ())
    }


async def _run_hooks(name: str, *args: Any) -> None:
    """Optional `on_started(application, services)` / `on_stopping(application, services)` of
    feature modules (the group quiz resumes its runs after a restart, stops its timers on stop)."""
    for module in feature_modules():
        hook = getattr(module, name, None)
        if hook is not None:
            await hook(*args)


def file_base_url(settings: Settings) -> str | None:
    """The file URL of a self-hosted Bot API server: explicit, or derived from the API URL."""
    if settings.telegram_file_base_url:
        return settings.telegram_file_base_url
    base = settings.telegram_api_base_url
    if base and base.rstrip("/").endswith("/bot"):
        return base.rstrip("/")[: -len("/bot")] + "/file/bot"
    return None


def build_application(services: Services) -> TelegramApp:
    """The Application with every feature's handlers, the error handler and rate limiting."""
    settings = services.settings
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        # Queues sends under Telegram's flood limits and retries once told to wait.
        .rate_limiter(
            AIORateLimiter(overall_max_rate=settings.telegram_messages_per_s or 0, max_retries=3)
        )
        # Chats run side by side; each chat's dependent updates keep their order.
        .concurrent_updates(ChatOrderedProcessor(settings.telegram_workers, in_order_commands()))
        # A connection per running handler, plus timers, "typing…" and live check-in posts.
        .connection_pool_size(settings.telegram_workers + 16)
        .pool_timeout(10.0)
    )
    if settings.telegram_api_base_url:
        builder = builder.base_url(settings.telegram_api_base_url)
    file_url = file_base_url(settings)
    if file_url:
        builder = builder.base_file_url(file_url)
    # Every update goes through the inbox: stored before it is confirmed, resumed after a crash.
    builder = attach_inbox(builder, AsyncUpdateInbox(UpdateInbox(services.records, "telegram")))
    application = builder.build()
    # Before any handler: ignore channel posts and edits, answer commands sent anonymously.
    application.add_handler(TypeHandler(Update, gate), group=-1)
    for module in feature_modules():
        application.add_handlers(module.handlers(services))
    application.add_error_handler(on_error)
    return application


async def serve(services: Services, stop: asyncio.Event, *, poll_timeout: int = 10) -> None:
    """Run the bot until `stop` is set: long polling, or a webhook when WEBHOOK_URL is set.

    Uses the Application's manual start/stop (not `run_polling`) so several channels can
    share one event loop.
    """
    settings = services.settings
    # Load the models now, not on the first question.
    await asyncio.to_thread(lambda: services.qa)
    await asyncio.to_thread(lambda: services.records)  # migrations, off the event loop
    application = build_application(services)
    async with application:  # initialize() ... shutdown()
        await application.bot.set_my_commands(bot_commands())
        # Before the Updater starts, so a redelivered update finds its inbox row.
        await resume_pending(application)
        updater = application.updater
        assert updater is not None
        if settings.webhook_url:
            secret = settings.webhook_secret or secrets.token_urlsafe(32)
            await updater.start_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlparse(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
            )
            log.info("Telegram: webhook at %s", settings.webhook_url)
        else:
            await updater.start_polling(timeout=poll_timeout, allowed_updates=Update.ALL_TYPES)
            log.info("Telegram: long polling as @%s", application.bot.username)
        await application.start()
        await _run_hooks("on_started", application, services)
        try:
            await stop.wait()
        finally:
            # No new updates, then the handlers still running finish, then the JobQueue stops
            # (after its running jobs) and the quiz drops its timers, while the bot can still send.
            await updater.stop()
            await application.stop()
            await _run_hooks("on_stopping", application, services)
            await close_inbox(application)
