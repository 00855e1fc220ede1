"""Uploaded files: what a channel checks before downloading, and ingesting off the event loop."""

from __future__ import annotations

import asyncio
from pathlib import PurePath
from typing import TYPE_CHECKING

from bot.texts import knowledge as msg
from knowledge import loaders

if TYPE_CHECKING:
    from knowledge.library import Library
    from knowledge.types import IngestReport


def refusal(filename: str | None, size: int | None, max_bytes: int) -> str | None:
    """The message refusing this upload, or None when it may be downloaded and ingested.

    Same rules and messages as the library's own checks, applied to what the messenger
    reports so an unsupported or oversized file is never downloaded.
    """
    refused = loaders.refusal(PurePath(filename or "").name or "?", size, max_bytes)
    return None if refused is None else msg.describe(refused)


async def ingest(library: Library, data: bytes, filename: str | None) -> IngestReport:
    """Ingest an upload without holding up the bot: a worker thread waits on the bounded
    parsing child (knowledge.sandbox: time and memory limits) and then embeds.

    Raises KnowledgeError (one line, for the uploader) and then nothing has changed.
    """
    name = PurePath(filename or "").name or "tai_lieu.txt"
    return await asyncio.to_thread(library.ingest_bytes, data, name)
