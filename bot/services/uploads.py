"""What a channel checks about an uploaded file before downloading it."""

from __future__ import annotations

from pathlib import PurePath

from bot.texts import knowledge as msg
from knowledge.loaders import SUPPORTED_SUFFIXES


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
