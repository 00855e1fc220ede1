"""Parse a .docx or .pdf in a child process with a time and a memory limit.

Why a fresh `python -m knowledge.sandbox` per file and not multiprocessing: the parent may
be the bot (threads: asyncio's executor, Chroma, the database pool), where `fork` is unsafe;
`spawn`/`forkserver` would re-import the caller's `__main__` (ingest.py, pytest, the bot);
a pool cannot kill the one worker stuck on one file. A plain subprocess is killed on
timeout by `subprocess.run`, sets its own RLIMIT_AS/RLIMIT_CPU before touching the file,
and answers in JSON (never pickle: the child handles hostile bytes). Cost: ~0.3 s of
interpreter start per .docx/.pdf; plain text is decoded in the caller.
"""

from __future__ import annotations

import json
import logging
import math
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from knowledge.errors import Code, KnowledgeError
from knowledge.limits import ParseLimits

log = logging.getLogger(__name__)

_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def parse_isolated(data: bytes, name: str, limits: ParseLimits) -> str:
    """The text of a .docx/.pdf parsed in a bounded child. Raises KnowledgeError."""
    job = json.dumps({"name": name, "limits": asdict(limits)}).encode() + b"\n"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "knowledge.sandbox"],
            input=job + data,
            capture_output=True,
            timeout=limits.timeout_s,
            cwd=_PROJECT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child
        log.warning("parsing %s killed after %.1f s", name, limits.timeout_s)
        raise KnowledgeError(Code.PARSE_TIMEOUT, name=name, seconds=limits.timeout_s) from None
    try:
        reply = json.loads(done.stdout)
    except ValueError:
        reply = None
    if isinstance(reply, dict) and isinstance(reply.get("text"), str):
        return str(reply["text"])
    refusal = _refusal_in(reply)
    if refusal is not None:
        raise refusal
    # Killed by RLIMIT_CPU, or the interpreter died before it could answer (out of memory).
    log.warning(
        "parsing %s ended with status %s: %s",
        name,
        done.returncode,
        done.stderr.decode(errors="replace")[-2000:],
    )
    raise KnowledgeError(Code.PARSE_ABORTED, name=name, limit_mb=limits.memory_mb)


def _refusal_in(reply: object) -> KnowledgeError | None:
    """The child's {"error": {"code": ..., "params": {...}}}, or None for any other reply."""
    error = reply.get("error") if isinstance(reply, dict) else None
    if not isinstance(error, dict) or not isinstance(error.get("code"), str):
        return None
    params = error.get("params")
    return KnowledgeError(str(error["code"]), **(params if isinstance(params, dict) else {}))


def _error_reply(code: str, **params: object) -> dict[str, object]:
    return {"error": {"code": code, "params": params}}


def _restrict(limits: ParseLimits) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: the parent's timeout still applies
        return
    memory = limits.memory_mb * 2**20
    cpu = math.ceil(limits.timeout_s) + 1  # a backstop should the parent be gone
    for kind, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, cpu)):
        _, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(kind, (value, hard))


def _main() -> int:
    """Child side: read the job line and the file from stdin, print one JSON object."""
    job = json.loads(sys.stdin.buffer.readline())
    data = sys.stdin.buffer.read()
    name = str(job["name"])
    limits = ParseLimits(**job["limits"])
    _restrict(limits)
    reply: dict[str, object]
    try:
        from knowledge.loaders import extract_in_process

        reply = {"text": extract_in_process(data, name, limits)}
    except KnowledgeError as error:
        reply = _error_reply(error.code, **error.params)
    except MemoryError:
        reply = _error_reply(Code.PARSE_MEMORY, name=name, limit_mb=limits.memory_mb)
    except Exception as error:  # a parser bug on a hostile file: refuse the file, say why in logs
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        reply = _error_reply(Code.CORRUPT_FILE, name=name, detail=Path(name).suffix[1:])
    sys.stdout.write(json.dumps(reply))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
