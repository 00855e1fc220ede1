"""A scriptable OpenAI-compatible chat endpoint on 127.0.0.1, for tests of the `openai` backend.

Implements `POST /v1/chat/completions` (non-streaming) over real HTTP in a background thread.
Each reply is taken from a script (`fake.script(Reply(...), ...)`), else `fake.default`:
normal text, `KHÔNG_CÓ_THÔNG_TIN`, an HTTP error status, or a reply delayed past the client's
timeout. Every request body is recorded in `fake.requests`.

    with FakeOpenAI() as fake:
        fake.script(Reply("Câu trả lời [1]"), Reply(status=500), Reply("chậm", delay=3.0))
        settings = make_settings(..., answer_backend="openai", llm_base_url=fake.base_url)
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

COMPLETIONS_PATH = "/v1/chat/completions"


@dataclass(frozen=True)
class Reply:
    """One scripted answer: `content` with HTTP 200, or an error `status`; `delay` in seconds."""

    content: str = ""
    status: int = 200
    delay: float = 0.0


@dataclass(frozen=True)
class Request:
    """What the client sent: the path, the headers (lower-cased names) and the JSON body."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        messages: list[dict[str, Any]] = self.body.get("messages", [])
        return messages

    def content_of(self, role: str) -> str:
        """The text of every message with this role, joined."""
        return "\n".join(_text(m.get("content")) for m in self.messages if m.get("role") == role)


def _text(content: object) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content parts: [{"type": "text", "text": "..."}]
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return ""


@dataclass
class FakeOpenAI:
    """The fake server. Start with `with FakeOpenAI() as fake:` (or `start()` / `stop()`)."""

    default: Reply = field(default_factory=lambda: Reply("Câu trả lời mặc định [1]."))
    requests: list[Request] = field(default_factory=list)
    _script: deque[Reply] = field(default_factory=deque)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _stopping: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- scripting -----------------------------------------------------------------------------

    def script(self, *replies: Reply) -> None:
        """Queue replies for the next requests, in order; afterwards `default` answers."""
        with self._lock:
            self._script.extend(replies)

    def _next_reply(self) -> Reply:
        with self._lock:
            return self._script.popleft() if self._script else self.default

    def _record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    # --- lifecycle -----------------------------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._server is not None, "the fake server is not started"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAI:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping in a slow reply
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- the HTTP side -------------------------------------------------------------------------

    def _completion(self, body: dict[str, Any], content: str) -> dict[str, Any]:
        prompt_words = sum(len(_text(m.get("content")).split()) for m in body.get("messages", []))
        return {
            "id": f"chatcmpl-fake-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "test-model"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_words,
                "completion_tokens": len(content.split()),
                "total_tokens": prompt_words + len(content.split()),
            },
        }


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return  # keep pytest output clean

        def _send_json(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if self.path.rstrip("/") != COMPLETIONS_PATH:
                self._send_json(404, {"error": {"message": f"no route {self.path}"}})
                return
            try:
                body: dict[str, Any] = json.loads(raw or b"{}")
            except json.JSONDecodeError:
                self._send_json(400, {"error": {"message": "invalid JSON"}})
                return
            headers = {name.lower(): value for name, value in self.headers.items()}
            fake._record(Request(path=self.path, headers=headers, body=body))
            reply = fake._next_reply()
            if reply.delay and fake._stopping.wait(reply.delay):
                return  # the server is stopping: drop the request
            if reply.status != 200:
                error = {"message": f"scripted error {reply.status}", "type": "server_error"}
                self._send_json(reply.status, {"error": error})
                return
            self._send_json(200, fake._completion(body, reply.content))

    return Handler
