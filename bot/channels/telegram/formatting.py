"""Telegram HTML: splitting long messages cleanly (answers are formatted in presenting.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_MESSAGE_CHARS = 4096

# A tag, an entity, a run of whitespace, or one other character: we only ever cut between
# tokens, so a cut can never fall inside a tag or an entity.
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|\s+|[^<&\s]{1,64}|.", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*>")


@dataclass
class _Cut:
    index: int  # token index where the next piece starts (the whitespace token is dropped)
    length: int  # characters of the piece before this cut
    rank: int  # 3 paragraph, 2 line, 1 word, 0 anywhere
    stack: tuple[str, ...]  # opening tags still open at the cut


def _name(tag: str) -> str:
    match = _TAG.match(tag)
    return match.group(2).lower() if match else ""


def _closers(stack: tuple[str, ...]) -> str:
    return "".join(f"</{_name(tag)}>" for tag in reversed(stack))


def _rank(whitespace: str) -> int:
    newlines = whitespace.count("\n")
    return 3 if newlines >= 2 else 2 if newlines == 1 else 1


def split_html(html: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split Telegram HTML into messages of at most `limit` characters.

    Cuts on paragraph, then line, then word boundaries (never inside a tag or entity);
    tags open at a cut are closed at the end of one piece and reopened in the next.
    """
    html = html.strip()
    if len(html) <= limit:
        return [html] if html else []
    tokens = _TOKEN.findall(html)
    pieces: list[str] = []
    start = 0
    stack: tuple[str, ...] = ()
    while start < len(tokens):
        piece, start, stack = _next_piece(tokens, start, stack, limit)
        if piece.strip():
            pieces.append(piece)
    return pieces


def _next_piece(
    tokens: list[str], start: int, stack: tuple[str, ...], limit: int
) -> tuple[str, int, tuple[str, ...]]:
    prefix = "".join(stack)
    length = len(prefix)
    current = stack
    best: _Cut | None = None
    cuts: list[_Cut] = []
    index = start
    while index < len(tokens):
        token = tokens[index]
        after = _push(current, token)
        if length + len(token) + len(_closers(after)) > limit and index > start:
            break
        if token.isspace() and index > start:
            cuts.append(_Cut(index, length, _rank(token), current))
        length += len(token)
        current = after
        index += 1
    if index >= len(tokens):
        return prefix + "".join(tokens[start:]), index, current
    # Prefer the best-ranked boundary in the second half of the piece, else the last one.
    half = [cut for cut in cuts if cut.length >= limit // 2]
    if half:
        best = max(half, key=lambda cut: (cut.rank, cut.length))
    elif cuts:
        best = cuts[-1]
    if best is None:
        # One token run longer than the limit (no whitespace): cut right here.
        body = prefix + "".join(tokens[start:index])
        return body + _closers(current), index, current
    body = prefix + "".join(tokens[start : best.index])
    return body.rstrip() + _closers(best.stack), best.index + 1, best.stack


def _push(stack: tuple[str, ...], token: str) -> tuple[str, ...]:
    match = _TAG.match(token)
    if not match:
        return stack
    if match.group(1):  # closing tag: pop back to its opener
        name = match.group(2).lower()
        for depth in range(len(stack) - 1, -1, -1):
            if _name(stack[depth]) == name:
                return stack[:depth]
        return stack
    return (*stack, token)
