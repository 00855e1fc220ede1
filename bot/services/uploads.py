"""Uploaded files: what a channel checks before downloading, and ingesting off the event loop."""

from __future__ import annotations

import asyncio
import re
from pathlib import PurePath
from typing import TYPE_CHECKING

from bot.texts import knowledge as msg
from knowledge import loaders
from knowledge.textnorm import fold, nfc

if TYPE_CHECKING:
    from knowledge.library import Library
    from knowledge.types import IngestReport


MAX_PLACE_CHARS = 80  # "Thành phố Hồ Chí Minh" and more; a sentence is no place
# "Địa phương: Cần Thơ", "Nơi ban hành: Cần Thơ" as the caption of an uploaded file.
_PLACE_CAPTION = re.compile(r"^\s*(?:dia phuong|noi ban hanh)\s*:\s*(.+?)\s*$", re.DOTALL)


def clean_place(raw: str) -> str | None:
    """A place as an admin types it, spaces evened out; None when it is no place (empty, or
    longer than a place's name)."""
    place = " ".join(raw.split())
    return place if place and len(place) <= MAX_PLACE_CHARS else None


def place_of(caption: str | None) -> tuple[str | None, str | None]:
    """The place an admin gives an upload in its caption ("Địa phương: Cần Thơ"), for a text
    that never names it, and the message refusing a place that is none (empty, a sentence);
    (None, None) for a caption that gives no place."""
    text = nfc(caption or "")
    match = _PLACE_CAPTION.match(fold(text))
    if match is None:
        return None, None
    place = clean_place(text[match.start(1) : match.end(1)])
    if place is None:
        return None, msg.BAD_PLACE.format(limit=MAX_PLACE_CHARS)
    return place, None


def refusal(filename: str | None, size: int | None, max_bytes: int) -> str | None:
    """The message refusing this upload, or None when it may be downloaded and ingested.

    Same rules and messages as the library's own checks, applied to what the messenger
    reports so an unsupported or oversized file is never downloaded.
    """
    refused = loaders.refusal(PurePath(filename or "").name or "?", size, max_bytes)
    return None if refused is None else msg.describe(refused)


async def ingest(
    library: Library, data: bytes, filename: str | None, place: str | None = None
) -> IngestReport:
    """Ingest an upload without holding up the bot: a worker thread waits on the bounded
    parsing child (knowledge.sandbox: time and memory limits) and then embeds.

    Raises KnowledgeError (one line, for the uploader) and then nothing has changed.
    """
    name = PurePath(filename or "").name or "tai_lieu.txt"
    return await asyncio.to_thread(library.ingest_bytes, data, name, place)
