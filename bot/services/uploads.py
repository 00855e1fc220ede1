"""Uploaded files: what a channel checks before downloading, and ingesting off the event loop."""

from __future__ import annotations

import asyncio
from pathlib import PurePath
from typing import TYPE_CHECKING

from bot.texts import knowledge as msg
from knowledge.loaders import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from knowledge.library import Library
    from knowledge.types import IngestReport


def refusal(filename: str | None, size: int | None, max_bytes: int) -> str | None:
    """The message refusing this upload, or None when it may be downloaded and ingested.

    Same rules and messages as the library's own checks, applied to what the messenger
    reports so an unsupported or oversized file is never downloaded.
    """
    name = PurePath(filename or "").name or "?"
    if PurePath(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        return msg.UNSUPPORTED_TYPE.format(name=name)
    if size is not None and size > max_bytes:
        return msg.TOO_LARGE.format(name=name, size_mb=size / 2**20, limit_mb=max_bytes / 2**20)
    return None


async def ingest(library: Library, data: bytes, filename: str | None) -> IngestReport:
    """Ingest an upload without holding up the bot: a worker thread waits on the bounded
    parsing child (knowledge.sandbox: time and memory limits) and then embeds.

    Raises KnowledgeError (one line, for the uploader) and then nothing has changed.
    """
    name = PurePath(filename or "").name or "tai_lieu.txt"
    return await asyncio.to_thread(library.ingest_bytes, data, name)
