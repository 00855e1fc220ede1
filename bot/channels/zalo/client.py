"""A small typed async client for the Zalo Bot API (`<base>/bot<TOKEN>/<method>`, POST JSON)."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

log = logging.getLogger(__name__)

# Zalo answers an empty long poll with this error code instead of an empty result.
TIMEOUT_ERROR_CODE = 408
MAX_MESSAGE_CHARS = 2000


class ZaloApiError(Exception):
    """An `ok: false` answer or an unreadable response from the Zalo Bot API."""

    def __init__(self, method: str, description: str, error_code: int | None = None) -> None:
        super().__init__(f"{method}: {description} (error_code={error_code})")
        self.method = method
        self.description = description
        self.error_code = error_code


@dataclass(frozen=True)
class ZaloMessage:
    """An incoming message. Ids are strings; `date` comes in milliseconds."""

    message_id: str
    chat_id: str
    chat_type: str
    user_id: str
    display_name: str
    text: str | None
    date: datetime
    event_name: str = ""

    @property
    def is_group(self) -> bool:
        return self.chat_type.upper() not in ("PRIVATE", "")


@dataclass(frozen=True)
class BotInfo:
    """What `getMe` says about the bot."""

    id: str
    account_name: str
    account_type: str
    can_join_groups: bool


def parse_update(payload: Any) -> ZaloMessage | None:
    """Read one update (`{"message": …, "event_name": …}`); None when it carries no message."""
    if not isinstance(payload, dict):
        return None
    message = payload.get("message")
    if not isinstance(message, dict):
        return None
    chat = message.get("chat") if isinstance(message.get("chat"), dict) else {}
    sender = message.get("from") if isinstance(message.get("from"), dict) else {}
    assert isinstance(chat, dict) and isinstance(sender, dict)
    chat_id = chat.get("id")
    if chat_id is None:
        return None
    user_id = sender.get("id", chat_id)
    text = message.get("text")
    return ZaloMessage(
        message_id=str(message.get("message_id", "")),
        chat_id=str(chat_id),
        chat_type=str(chat.get("chat_type", "PRIVATE")),
        user_id=str(user_id),
        display_name=str(sender.get("display_name") or sender.get("first_name") or ""),
        text=text if isinstance(text, str) else None,
        date=_message_date(message.get("date")),
        event_name=str(payload.get("event_name", "")),
    )


def _message_date(millis: Any) -> datetime:
    """The message time from epoch milliseconds; a missing or impossible one reads as now."""
    if isinstance(millis, int | float) and not isinstance(millis, bool):
        try:
            return datetime.fromtimestamp(millis / 1000, tz=UTC)
        except (OverflowError, OSError, ValueError):
            log.warning("Zalo: message date %r is out of range; using the time received", millis)
    return datetime.now(UTC)


def update_key(payload: Any) -> str:
    """A stable id for one update (Zalo updates carry none): the message id, else a digest."""
    message = payload.get("message") if isinstance(payload, dict) else None
    message_id = message.get("message_id") if isinstance(message, dict) else None
    if isinstance(message_id, str | int) and str(message_id):
        return f"m:{message_id}"[:100]
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return "h:" + hashlib.sha256(canonical.encode()).hexdigest()


class ZaloClient:
    """The Bot API methods this bot uses. One `httpx.AsyncClient`, closed with `aclose()`."""

    def __init__(self, token: str, base_url: str, *, request_timeout_s: float = 10.0) -> None:
        self._url = f"{base_url.rstrip('/')}/bot{token}"
        self._request_timeout_s = request_timeout_s
        self._http = httpx.AsyncClient(timeout=request_timeout_s)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def call(
        self, method: str, body: dict[str, Any], *, timeout_s: float | None = None
    ) -> Any:
        """POST one method and return its `result`; raise ZaloApiError on `ok: false`."""
        response = await self._http.post(
            f"{self._url}/{method}", json=body, timeout=timeout_s or self._request_timeout_s
        )
        try:
            payload = response.json()
        except ValueError as error:
            raise ZaloApiError(method, f"HTTP {response.status_code}, not JSON") from error
        if not isinstance(payload, dict):
            raise ZaloApiError(method, f"HTTP {response.status_code}, unexpected body")
        if not payload.get("ok"):
            code = payload.get("error_code")
            raise ZaloApiError(
                method,
                str(payload.get("description") or f"HTTP {response.status_code}"),
                code if isinstance(code, int) else response.status_code,
            )
        return payload.get("result")

    async def get_me(self) -> BotInfo:
        result = await self.call("getMe", {})
        data = result if isinstance(result, dict) else {}
        return BotInfo(
            id=str(data.get("id", "")),
            account_name=str(data.get("account_name", "")),
            account_type=str(data.get("account_type", "")),
            can_join_groups=bool(data.get("can_join_groups", False)),
        )

    async def get_update(self, timeout_s: int = 30) -> ZaloMessage | None:
        """Long-poll for ONE update; None when the poll ends empty (or carries no message)."""
        return parse_update(await self.get_raw_update(timeout_s))

    async def get_raw_update(self, timeout_s: int = 30) -> Any:
        """Long-poll for ONE update as sent (JSON); None when the poll ends empty."""
        try:
            return await self.call(
                "getUpdates", {"timeout": timeout_s}, timeout_s=timeout_s + self._request_timeout_s
            )
        except ZaloApiError as error:
            if error.error_code == TIMEOUT_ERROR_CODE:
                return None
            raise

    async def send_message(self, chat_id: str, text: str) -> str:
        """Send one message of 1–2,000 chars; returns its message id."""
        if not 1 <= len(text) <= MAX_MESSAGE_CHARS:
            raise ValueError(f"Zalo messages are 1–{MAX_MESSAGE_CHARS} chars, got {len(text)}")
        result = await self.call("sendMessage", {"chat_id": chat_id, "text": text})
        return str(result.get("message_id", "")) if isinstance(result, dict) else ""

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> None:
        await self.call("sendChatAction", {"chat_id": chat_id, "action": action})

    async def set_webhook(self, url: str, secret_token: str) -> None:
        await self.call("setWebhook", {"url": url, "secret_token": secret_token})

    async def delete_webhook(self) -> None:
        await self.call("deleteWebhook", {})
