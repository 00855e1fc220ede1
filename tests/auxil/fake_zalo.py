"""A real HTTP fake of the Zalo Bot API on 127.0.0.1 (random port), for end-to-end tests.

Behaves like the documented API: every method is POST with a JSON body, `getUpdates` hands
out ONE update per call (or `ok: false, error_code: 408` when the long poll ends empty),
`sendMessage` enforces 1–2,000 chars. Every call is recorded.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from aiohttp import web

MAX_TEXT = 2000


@dataclass
class Sent:
    chat_id: str
    text: str


@dataclass
class FakeZaloServer:
    token: str = "123456:fake-zalo-token"
    # How long an empty long poll is held open (the real API holds ~30 s; tests want it short).
    max_poll_wait_s: float = 0.3
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    webhook: dict[str, str] = field(default_factory=dict)
    # Answers returned by the next getUpdates calls before real updates (e.g. ok:false errors).
    scripted_polls: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._updates: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._ids = itertools.count(1)
        self._sent_event = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        # A long poll the bot abandoned must not keep the server from shutting down.
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        port = server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # --- test helpers -------------------------------------------------------------------------
    def make_update(
        self, chat_id: str, text: str | None, *, name: str = "Nguyen Van A"
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "chat": {"id": chat_id, "chat_type": "PRIVATE"},
            "message_id": f"{next(self._ids):020x}",
            "date": int(time.time() * 1000),
            "from": {"id": chat_id, "first_name": name, "is_bot": False},
        }
        if text is not None:
            message["text"] = text
        event = "message.text.received" if text is not None else "message.sticker.received"
        return {"event_name": event, "message": message}

    def push_text(self, chat_id: str, text: str, *, name: str = "Nguyen Van A") -> None:
        """Queue a user's text message for the bot's next getUpdates."""
        self._updates.put_nowait(self.make_update(chat_id, text, name=name))

    def push_update(self, update: dict[str, Any]) -> None:
        self._updates.put_nowait(update)

    def method_calls(self, method: str) -> list[dict[str, Any]]:
        return [body for name, body in self.calls if name == method]

    def texts_to(self, chat_id: str) -> list[str]:
        return [sent.text for sent in self.sent if sent.chat_id == chat_id]

    async def wait_for_sent(self, count: int, timeout_s: float = 60.0) -> list[Sent]:
        """Wait until at least `count` messages were sent in total; return them all."""
        deadline = asyncio.get_running_loop().time() + timeout_s
        while len(self.sent) < count:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise AssertionError(f"expected {count} sent messages, got {self.sent!r}")
            self._sent_event.clear()
            try:
                await asyncio.wait_for(self._sent_event.wait(), remaining)
            except TimeoutError:
                continue
        return list(self.sent)

    async def updates_drained(self, timeout_s: float = 10.0) -> None:
        """Wait until the bot has fetched every queued update."""
        deadline = asyncio.get_running_loop().time() + timeout_s
        while not self._updates.empty():
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError("the bot did not fetch the queued updates")
            await asyncio.sleep(0.02)

    # --- the API ------------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        if request.method != "POST":
            return _error(405, "Method Not Allowed: all methods are POST")
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return _error(400, "Bad Request: body must be a JSON object")
        method = request.match_info["method"]
        self.calls.append((method, body))
        handler = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "sendChatAction": self._send_chat_action,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
        }.get(method)
        if handler is None:
            return _error(404, f"Not Found: method {method}")
        return await handler(body)

    async def _get_me(self, body: dict[str, Any]) -> web.Response:
        return _ok(
            {
                "id": "b0b0",
                "account_name": "bot.chibo",
                "account_type": "BASIC",
                "can_join_groups": False,
            }
        )

    async def _get_updates(self, body: dict[str, Any]) -> web.Response:
        if self.webhook:
            return _error(409, "Conflict: webhook is set")
        if self.scripted_polls:
            return web.json_response(self.scripted_polls.pop(0))
        timeout = body.get("timeout", 0)
        wait = min(
            float(timeout) if isinstance(timeout, int | float) else 0.0, self.max_poll_wait_s
        )
        try:
            update = (
                await asyncio.wait_for(self._updates.get(), wait)
                if wait
                else (self._updates.get_nowait())
            )
        except (TimeoutError, asyncio.QueueEmpty):
            return _error(408, "Request timeout")
        return _ok(update)

    async def _send_message(self, body: dict[str, Any]) -> web.Response:
        chat_id, text = body.get("chat_id"), body.get("text")
        if not isinstance(chat_id, str) or not chat_id:
            return _error(400, "Bad Request: chat_id is required")
        if not isinstance(text, str) or not 1 <= len(text) <= MAX_TEXT:
            length = len(text) if isinstance(text, str) else None
            return _error(400, f"Bad Request: text must be 1-{MAX_TEXT} characters, got {length}")
        self.sent.append(Sent(chat_id, text))
        self._sent_event.set()
        return _ok({"message_id": f"{next(self._ids):020x}", "date": int(time.time() * 1000)})

    async def _send_chat_action(self, body: dict[str, Any]) -> web.Response:
        if body.get("action") not in ("typing", "upload_photo"):
            return _error(400, "Bad Request: unknown action")
        return _ok(True)

    async def _set_webhook(self, body: dict[str, Any]) -> web.Response:
        url, secret = body.get("url"), body.get("secret_token")
        if not isinstance(url, str) or not url.startswith("https://"):
            return _error(400, "Bad Request: webhook url must be HTTPS")
        if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
            return _error(400, "Bad Request: secret_token must be 8-256 characters")
        self.webhook = {"url": url, "secret_token": secret}
        return _ok({"url": url, "updated_at": int(time.time() * 1000)})

    async def _delete_webhook(self, body: dict[str, Any]) -> web.Response:
        self.webhook = {}
        return _ok({"url": "", "updated_at": int(time.time() * 1000)})

    async def _get_webhook_info(self, body: dict[str, Any]) -> web.Response:
        return _ok({"url": self.webhook.get("url", ""), "updated_at": 0})


async def deliver_to_webhook(
    url: str, update: dict[str, Any], secret: str | None
) -> httpx.Response:
    """POST an update to the bot's webhook the way Zalo does, with (or without) the secret."""
    headers = {} if secret is None else {"X-Bot-Api-Secret-Token": secret}
    async with httpx.AsyncClient() as client:
        return await client.post(
            url, json={"ok": True, "result": update}, headers=headers, timeout=10
        )


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(code: int, description: str) -> web.Response:
    # The Bot API answers errors with HTTP 200 and ok:false, like Telegram's.
    return web.json_response({"ok": False, "error_code": code, "description": description})
