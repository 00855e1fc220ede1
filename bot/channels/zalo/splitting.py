"""Split long replies into messages that fit Zalo's 2,000-char limit, on clean boundaries."""

from __future__ import annotations

from bot.channels.zalo.client import MAX_MESSAGE_CHARS

# Preferred cut points, best first: paragraph, line, sentence end, word.
_SEPARATORS = ("\n\n", "\n", ". ", "? ", "! ", "; ", " ")
# A cut earlier than this fraction of the limit wastes too much of the message; try the next kind.
_MIN_FILL = 0.5


def split_message(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Non-empty stripped pieces of at most `limit` chars, cut between words when possible."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _cut_point(rest, limit)
        piece = rest[:cut].rstrip()
        if piece:
            pieces.append(piece)
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _cut_point(text: str, limit: int) -> int:
    """Index to cut `text` at: just after the best separator inside the first `limit` chars."""
    window = text[:limit]
    for separator in _SEPARATORS:
        index = window.rfind(separator)
        if index >= limit * _MIN_FILL:
            # Keep sentence punctuation with its sentence; the whitespace goes.
            return index + len(separator.rstrip()) if separator.strip() else index
    return limit
