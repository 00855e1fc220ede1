"""A real HTTP fake of the Telegram Bot API on 127.0.0.1 (random port), for end-to-end tests.

Point python-telegram-bot at it with `base_url=fake.base_url` and
`base_file_url=fake.base_file_url` (or settings `telegram_api_base_url` /
`telegram_file_base_url`). It speaks the real wire format: PTB POSTs form-encoded or
multipart bodies (JSON-encoded for nested values), the fake answers `{"ok": true, "result":
...}` or `{"ok": false, "error_code": 400, "description": "Bad Request: ..."}`.

What it implements: getMe, getUpdates (long poll; returns what tests pushed), setWebhook,
deleteWebhook, getWebhookInfo, sendMessage, editMessageText, editMessageReplyMarkup,
deleteMessage, answerCallbackQuery, sendChatAction, getFile + the file download path,
sendDocument, sendPhoto, sendPoll, stopPoll, setMyCommands, getMyCommands, deleteMyCommands.
Unknown methods answer 404 like Telegram (and are still recorded).

Limits enforced like Telegram: message text 1-4,096 chars after entity parsing, and
parse_mode=HTML must be well-formed with supported tags ("can't parse entities");
poll question 1-300, 2-12 options of 1-100 chars, quiz explanation 0-200; callback answer
text 200; bot command names `[a-z0-9_]{1,32}` with 1-256-char descriptions; getFile refuses
files over 20 MB ("file is too big"); captions 1,024.

Use from a test (pytest-asyncio)::

    async with FakeTelegram() as fake:
        ... start the bot with fake.base_url ...
        fake.push_message(chat_id=42, user_id=42, text="Xin chào")
        call = await fake.wait_for_call("sendMessage", lambda c: c.params["chat_id"] == "42")
        assert "..." in call.params["text"]

Every call is in `fake.calls` (a `Call` with `method`, `params` (str values, as sent),
`json(name)` to decode a JSON-encoded parameter, and `files` for uploads). File downloads
are recorded as calls with method "download".
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_POLL_QUESTION = 300
MAX_POLL_OPTION = 100
MAX_POLL_OPTIONS = 12
MAX_EXPLANATION = 200
MAX_CALLBACK_TEXT = 200
MAX_DOWNLOAD = 20 * 1024 * 1024
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
_HTML_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
    "a", "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip
_HTML_ENTITIES = {"lt", "gt", "amp", "quot"}


# Telegram poll ids are global: a restarted bot must never see an old id reused.
_POLL_IDS = itertools.count(5001)
# Update ids only grow for a bot (Telegram never hands a bot an id again within a week):
# a restarted bot, even against a new fake, must not see an old id reused.
_UPDATE_IDS = itertools.count(1)


class TelegramBadRequest(Exception):
    """Raised inside the fake to answer `400 Bad Request: <message>`."""


class _StrictTelegramHTML(HTMLParser):
    """Parses Telegram's HTML subset the way the server does: balanced, known tags only."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS:
            raise TelegramBadRequest(f'can\'t parse entities: unsupported start tag "{tag}"')
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise TelegramBadRequest(f'can\'t parse entities: unmatched end tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data:
            raise TelegramBadRequest("can't parse entities: unexpected '<' or '>'")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in _HTML_ENTITIES:
            raise TelegramBadRequest(f'can\'t parse entities: unsupported entity "&{name};"')
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text.append(html.unescape(f"&#{name};"))


def parse_telegram_html(text: str) -> str:
    """The visible text of Telegram HTML; raises TelegramBadRequest where Telegram would."""
    if re.search(r"&(?!#?\w+;)", text):
        raise TelegramBadRequest("can't parse entities: unescaped '&'")
    parser = _StrictTelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise TelegramBadRequest(f'can\'t parse entities: unclosed tag "{parser.stack[-1]}"')
    if parser.rawdata:  # a dangling "<..." the parser kept waiting for
        raise TelegramBadRequest("can't parse entities: unfinished tag")
    return "".join(parser.text)


def _visible(text: str, parse_mode: str | None) -> str:
    if (parse_mode or "").upper() == "HTML":
        return parse_telegram_html(text)
    return text


@dataclass
class Call:
    """One HTTP request the bot made."""

    method: str
    params: dict[str, str]
    files: dict[str, bytes] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)

    def json(self, name: str) -> Any:
        """Decode a parameter PTB sent JSON-encoded (reply_markup, options, commands...)."""
        return json.loads(self.params[name])


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    size: int  # what Telegram reports (tests may declare more than they store)


class FakeTelegram:
    """The fake Bot API server. Use as `async with FakeTelegram() as fake:`."""

    def __init__(
        self,
        token: str = "123456:TEST-token",
        bot_id: int = 123456,
        username: str = "chibo_test_bot",
    ) -> None:
        self.token = token
        self.bot_user: dict[str, Any] = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "Trợ lý chi bộ",
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.commands: dict[str, list[dict[str, str]]] = {}
        self.webhook: dict[str, str] = {}
        self.files: dict[str, StoredFile] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}  # (chat_id, message_id)
        self.polls: dict[str, dict[str, Any]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self._update_ids = _UPDATE_IDS
        self._message_ids = itertools.count(1000)
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # --- objects ---------------------------------------------------------------------------
    def user(
        self, user_id: int, first_name: str | None = None, username: str | None = None
    ) -> dict[str, Any]:
        """A full Telegram User object (remembered, so later pushes reuse the same one)."""
        if user_id not in self.users or first_name or username:
            user: dict[str, Any] = {
                "id": user_id,
                "is_bot": False,
                "first_name": first_name or f"Đảng viên {user_id}",
                "language_code": "vi",
            }
            if username:
                user["username"] = username
            self.users[user_id] = user
        return self.users[user_id]

    def chat(
        self, chat_id: int, chat_type: str = "private", title: str | None = None
    ) -> dict[str, Any]:
        """A full Chat object; private chats carry the user's name, groups a title."""
        if chat_id not in self.chats or chat_type != self.chats[chat_id]["type"]:
            chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
            if chat_type == "private":
                chat["first_name"] = self.user(chat_id)["first_name"]
            else:
                chat["title"] = title or f"Chi bộ {abs(chat_id)}"
            self.chats[chat_id] = chat
        return self.chats[chat_id]

    def _known_chat(self, chat_id: int) -> dict[str, Any]:
        return self.chats.get(chat_id) or self.chat(
            chat_id, "private" if chat_id > 0 else "supergroup"
        )

    def _message(self, chat_id: int, sender: dict[str, Any], **content: Any) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._known_chat(chat_id),
            "from": sender,
            **content,
        }
        self.messages[(chat_id, message["message_id"])] = message
        return message

    # --- injecting updates -----------------------------------------------------------------
    def push_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (without update_id) for the bot's next getUpdates."""
        update = {"update_id": next(self._update_ids), **payload}
        self.updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return update

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def push_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        chat_type: str = "private",
        *,
        reply_to_message_id: int | None = None,
        first_name: str | None = None,
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A user writes `text`. Commands and @mentions get their entities automatically."""
        self.chat(chat_id, chat_type)
        content: dict[str, Any] = {"text": text}
        found = entities if entities is not None else _auto_entities(text)
        if found:
            content["entities"] = found
        if reply_to_message_id is not None:
            content["reply_to_message"] = self.messages[(chat_id, reply_to_message_id)]
        message = self._message(chat_id, self.user(user_id, first_name), **content)
        self.push_update({"message": message})
        return message

    def add_file(self, data: bytes, file_name: str, declared_size: int | None = None) -> StoredFile:
        """Store a file the bot can fetch with getFile (declared_size fakes a huge file)."""
        number = next(self._ids)
        stored = StoredFile(
            file_id=f"FILE{number:06d}",
            file_unique_id=f"U{number:06d}",
            file_path=f"documents/file_{number}{_suffix(file_name)}",
            data=data,
            size=declared_size if declared_size is not None else len(data),
        )
        self.files[stored.file_id] = stored
        return stored

    def push_document(
        self,
        chat_id: int,
        user_id: int,
        file_name: str,
        data: bytes,
        *,
        chat_type: str = "private",
        mime_type: str = "application/octet-stream",
        declared_size: int | None = None,
        caption: str | None = None,
    ) -> dict[str, Any]:
        """A user sends a document; `declared_size` makes Telegram report a bigger size."""
        self.chat(chat_id, chat_type)
        stored = self.add_file(data, file_name, declared_size)
        document = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": stored.size,
        }
        content: dict[str, Any] = {"document": document}
        if caption:
            content["caption"] = caption
        message = self._message(chat_id, self.user(user_id), **content)
        self.push_update({"message": message})
        return message

    def push_callback(
        self, chat_id: int, user_id: int, data: str, message_id: int
    ) -> dict[str, Any]:
        """A user presses an inline button with `data` under the bot's message `message_id`."""
        query = {
            "id": str(next(self._ids)),
            "from": self.user(user_id),
            "message": self.messages[(chat_id, message_id)],
            "chat_instance": f"ci{chat_id}",
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def push_poll_answer(self, poll_id: str, user_id: int, option_ids: list[int]) -> dict[str, Any]:
        """A user answers a non-anonymous poll (empty `option_ids` = vote retracted)."""
        answer = {
            "poll_id": poll_id,
            "user": self.user(user_id),
            "option_ids": option_ids,
            "option_persistent_ids": [f"opt{i}" for i in option_ids],
        }
        return self.push_update({"poll_answer": answer})

    # --- observing -------------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def sent_texts(self, chat_id: int) -> list[str]:
        """Texts of every sendMessage to `chat_id`, in order."""
        return [
            call.params["text"]
            for call in self.calls_to("sendMessage")
            if call.params.get("chat_id") == str(chat_id)
        ]

    def bot_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Messages the bot has sent to `chat_id` and not deleted, oldest first."""
        return [
            message
            for (chat, _), message in sorted(self.messages.items())
            if chat == chat_id and message["from"]["id"] == self.bot_user["id"]
        ]

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 10.0,
        *,
        after: int = 0,
    ) -> Call:
        """The first recorded call to `method` (from index `after`) matching `predicate`."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            for call in self.calls[after:]:
                if call.method == method and (predicate is None or predicate(call)):
                    return call
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                seen = [c.method for c in self.calls[after:]]
                raise TimeoutError(f"no {method} call within {timeout}s; calls: {seen}")
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(remaining, 0.5))

    # --- HTTP ------------------------------------------------------------------------------
    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params: dict[str, str] = {}
        files: dict[str, bytes] = {}
        if request.content_type == "application/json":
            body = await request.json()
            params = {k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()}
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    params[key] = value
                elif isinstance(value, bytes | bytearray):
                    files[key] = bytes(value)
                else:
                    files[key] = value.file.read()
        params.update({k: v for k, v in request.query.items() if k not in params})
        call = Call(method, params, files)
        self.calls.append(call)
        handler = getattr(self, f"_m_{method}", None)
        try:
            if handler is None:
                response = _error(404, "Not Found: method not found")
            else:
                result = handler(params, files)
                if asyncio.iscoroutine(result):
                    result = await result
                response = web.json_response({"ok": True, "result": result})
        except TelegramBadRequest as error:
            response = _error(400, f"Bad Request: {error}")
        await self._notify()
        return response

    async def _download(self, request: web.Request) -> web.StreamResponse:
        path = request.match_info["path"]
        self.calls.append(Call("download", {"file_path": path}))
        await self._notify()
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        for stored in self.files.values():
            if stored.file_path == path:
                return web.Response(body=stored.data)
        return web.Response(status=404)

    # --- methods ---------------------------------------------------------------------------
    def _m_getMe(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        return self.bot_user

    async def _m_getUpdates(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        offset = int(p.get("offset") or 0)
        limit = int(p.get("limit") or 100)
        timeout = float(p.get("timeout") or 0)
        if self.webhook.get("url"):
            raise TelegramBadRequest("can't use getUpdates method while webhook is active")
        # Updates below the offset are confirmed: Telegram forgets them.
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        deadline = asyncio.get_running_loop().time() + timeout
        while not self.updates:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            async with self._changed:
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    break
        return self.updates[:limit]

    def _m_setWebhook(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        secret = p.get("secret_token", "")
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise TelegramBadRequest("secret token contains unallowed characters")
        self.webhook = {"url": p.get("url", ""), "secret_token": secret}
        return True

    def _m_deleteWebhook(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        self.webhook = {}
        if p.get("drop_pending_updates") in ("true", "True"):
            self.updates = []
        return True

    def _m_getWebhookInfo(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self.updates)}  # fmt: skip

    def _check_text(self, text: str, parse_mode: str | None, limit: int = MAX_TEXT) -> str:
        visible = _visible(text, parse_mode).strip()
        if not visible:
            raise TelegramBadRequest("message text is empty")
        if len(visible) > limit:
            raise TelegramBadRequest("message is too long")
        return visible

    def _m_sendMessage(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        visible = self._check_text(p.get("text", ""), p.get("parse_mode"))
        content: dict[str, Any] = {"text": visible}
        if "reply_markup" in p:
            content["reply_markup"] = json.loads(p["reply_markup"])
        return self._message(int(p["chat_id"]), self.bot_user, **content)

    def _stored(self, p: dict[str, str]) -> dict[str, Any]:
        key = (int(p["chat_id"]), int(p["message_id"]))
        if key not in self.messages:
            raise TelegramBadRequest("message to edit not found")
        return self.messages[key]

    def _m_editMessageText(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        message = self._stored(p)
        visible = self._check_text(p.get("text", ""), p.get("parse_mode"))
        if visible == message.get("text") and p.get("reply_markup") is None:
            raise TelegramBadRequest("message is not modified")
        message["text"] = visible
        message["edit_date"] = int(time.time())
        if "reply_markup" in p:
            message["reply_markup"] = json.loads(p["reply_markup"])
        else:  # like Telegram: an edit without reply_markup removes the inline keyboard
            message.pop("reply_markup", None)
        return message

    def _m_editMessageReplyMarkup(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        message = self._stored(p)
        if "reply_markup" in p:
            message["reply_markup"] = json.loads(p["reply_markup"])
        else:
            message.pop("reply_markup", None)
        return message

    def _m_deleteMessage(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        self._stored(p)
        del self.messages[(int(p["chat_id"]), int(p["message_id"]))]
        return True

    def _m_answerCallbackQuery(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        if len(p.get("text", "")) > MAX_CALLBACK_TEXT:
            raise TelegramBadRequest("MESSAGE_TOO_LONG")
        return True

    def _m_sendChatAction(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        if p.get("action") not in {"typing", "upload_photo", "upload_document", "choose_sticker",
                                   "record_video", "upload_video", "record_voice",
                                   "upload_voice", "find_location", "record_video_note",
                                   "upload_video_note"}:  # fmt: skip
            raise TelegramBadRequest("wrong parameter action in request")
        return True

    def _m_getFile(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        stored = self.files.get(p.get("file_id", ""))
        if stored is None:
            raise TelegramBadRequest("invalid file_id")
        if stored.size > MAX_DOWNLOAD:
            raise TelegramBadRequest("file is too big")
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "file_size": stored.size, "file_path": stored.file_path}  # fmt: skip

    def _caption(self, p: dict[str, str]) -> dict[str, Any]:
        if "caption" not in p:
            return {}
        return {"caption": self._check_text(p["caption"], p.get("parse_mode"), MAX_CAPTION)}

    def _m_sendDocument(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        data = f.get("document")
        if data is None:
            raise TelegramBadRequest("there is no document in the request")
        stored = self.add_file(data, "document.bin")
        document = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                    "file_size": len(data)}  # fmt: skip
        return self._message(int(p["chat_id"]), self.bot_user, document=document,
                             **self._caption(p))  # fmt: skip

    def _m_sendPhoto(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        data = f.get("photo")
        if data is None:
            raise TelegramBadRequest("there is no photo in the request")
        stored = self.add_file(data, "photo.jpg")
        size = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "width": 800, "height": 600, "file_size": len(data)}  # fmt: skip
        return self._message(int(p["chat_id"]), self.bot_user, photo=[size], **self._caption(p))

    def _m_sendPoll(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        question = p.get("question", "")
        if not 1 <= len(question) <= MAX_POLL_QUESTION:
            raise TelegramBadRequest("POLL_QUESTION_INVALID")
        raw = json.loads(p.get("options", "[]"))
        options = [o if isinstance(o, str) else o.get("text", "") for o in raw]
        if not 2 <= len(options) <= MAX_POLL_OPTIONS:
            raise TelegramBadRequest("POLL_OPTIONS_INVALID")
        if any(not 1 <= len(o) <= MAX_POLL_OPTION for o in options):
            raise TelegramBadRequest("POLL_OPTION_INVALID")
        poll_type = p.get("type", "regular")
        explanation = p.get("explanation")
        if explanation is not None and len(explanation) > MAX_EXPLANATION:
            raise TelegramBadRequest("message is too long")
        poll: dict[str, Any] = {
            "id": str(next(_POLL_IDS)),  # unique across servers, like Telegram's
            "question": question,
            # Bot API 9.6 fields PTB 22.8 requires: persistent option ids, revoting, members_only.
            "options": [
                {"text": o, "voter_count": 0, "persistent_id": f"opt{i}"}
                for i, o in enumerate(options)
            ],
            "allows_revoting": True,
            "members_only": False,
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": p.get("is_anonymous", "true") in ("true", "True"),
            "type": poll_type,
            "allows_multiple_answers": p.get("allows_multiple_answers") in ("true", "True"),
        }
        if poll_type == "quiz":
            # Bot API 9.6 (PTB 22.8) sends `correct_option_ids`; older clients `correct_option_id`.
            if "correct_option_ids" in p:
                chosen = json.loads(p["correct_option_ids"])
                if not isinstance(chosen, list) or len(chosen) != 1:
                    raise TelegramBadRequest("wrong parameter correct_option_ids")
                p = {**p, "correct_option_id": str(chosen[0])}
            if "correct_option_id" not in p:
                raise TelegramBadRequest("wrong parameter correct_option_id")
            correct = int(p["correct_option_id"])
            if not 0 <= correct < len(options):
                raise TelegramBadRequest("wrong parameter correct_option_id")
            poll["correct_option_id"] = correct
            poll["correct_option_ids"] = [correct]
            if explanation:
                poll["explanation"] = explanation
        self.polls[poll["id"]] = poll
        return self._message(int(p["chat_id"]), self.bot_user, poll=poll)

    def _m_stopPoll(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        message = self._stored(p)
        if "poll" not in message:
            raise TelegramBadRequest("message with poll to stop not found")
        if message["poll"]["is_closed"]:
            raise TelegramBadRequest("poll has already been closed")
        message["poll"]["is_closed"] = True
        return message["poll"]

    def _m_setMyCommands(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        commands = json.loads(p.get("commands", "[]"))
        if len(commands) > 100:
            raise TelegramBadRequest("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not _COMMAND.match(command.get("command", "")):
                raise TelegramBadRequest("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise TelegramBadRequest("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[p.get("scope", "default") + p.get("language_code", "")] = commands
        return True

    def _m_getMyCommands(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        return self.commands.get(p.get("scope", "default") + p.get("language_code", ""), [])

    def _m_deleteMyCommands(self, p: dict[str, str], f: dict[str, bytes]) -> Any:
        self.commands.pop(p.get("scope", "default") + p.get("language_code", ""), None)
        return True


def _error(status: int, description: str) -> web.Response:
    body = {"ok": False, "error_code": status, "description": description}
    return web.json_response(body, status=status)


def _suffix(file_name: str) -> str:
    dot = file_name.rfind(".")
    return file_name[dot:] if dot > 0 else ""


def _auto_entities(text: str) -> list[dict[str, Any]]:
    """bot_command / mention entities as Telegram computes them (offsets in UTF-16 units)."""
    entities = []
    for match in re.finditer(r"(?<!\S)/[A-Za-z0-9_]+(@\w+)?|@\w{5,32}", text):
        kind = "bot_command" if match.group(0).startswith("/") else "mention"
        offset = len(text[: match.start()].encode("utf-16-le")) // 2
        length = len(match.group(0).encode("utf-16-le")) // 2
        entities.append({"type": kind, "offset": offset, "length": length})
    return entities
