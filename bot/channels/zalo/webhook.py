"""Webhook mode: a small aiohttp server that checks `X-Bot-Api-Secret-Token` on every POST."""

from __future__ import annotations

import asyncio
import hmac
import logging
from typing import Any

from aiohttp import web

from bot.channels.zalo.handler import ZaloHandler
from bot.channels.zalo.inbox import InboxUnavailable, ZaloUpdates
from bot.records.inbox import AsyncUpdateInbox

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Bot-Api-Secret-Token"


class WebhookServer:
    """Receives updates at `path`; answers 403 (and ignores the body) without the right secret."""

    def __init__(
        self,
        handler: ZaloHandler,
        secret: str,
        path: str,
        inbox: AsyncUpdateInbox | None = None,
    ) -> None:
        self.handler = handler
        self.updates = ZaloUpdates(handler, inbox)
        self.secret = secret
        self.path = path
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=256 * 1024)
        app.router.add_post(self.path, self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        # Port 0 (tests) means "any free port"; read back the one the OS chose.
        sockets = getattr(site._server, "sockets", None) or []
        self.port = int(sockets[0].getsockname()[1]) if sockets else port

    async def stop(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.warning("Zalo webhook: refused a request without the right secret")
            return web.json_response({"ok": False, "description": "Forbidden"}, status=403)
        try:
            body: Any = await request.json()
        except ValueError:
            return web.json_response({"ok": False, "description": "Bad Request"}, status=400)
        # Zalo wraps the update like getUpdates does ({"ok", "result"}); accept it bare too.
        update = body.get("result", body) if isinstance(body, dict) else None
        if update is None:
            return web.json_response({"ok": True})
        try:
            # Stored before the 200: once Zalo has its answer the update is ours to keep.
            key = await self.updates.receive(update)
        except InboxUnavailable:
            return web.json_response({"ok": False, "description": "Try again"}, status=503)
        if key is not None:
            # Answer Zalo at once; the reply goes out through sendMessage when ready.
            task = asyncio.create_task(self.updates.handle(key, update))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return web.json_response({"ok": True})
