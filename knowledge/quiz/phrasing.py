"""How questions read: document labels, cloze windows, explanations citing the source."""

from __future__ import annotations

import re

from knowledge import textnorm
from knowledge.quiz.types import MAX_EXPLANATION_CHARS
from knowledge.textnorm import OUTLINE_MARKER, fold
from knowledge.types import DocumentMeta

BLANK = "___"
_KINDS = ("Kế hoạch", "Hướng dẫn", "Chỉ thị", "Nghị quyết", "Kết luận", "Chương trình", "Báo cáo")
_ROMAN = (("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def kind_of(meta: DocumentMeta) -> str:
    """ "Kế hoạch" for a plan: the document type its title starts with."""
    for kind in _KINDS:
        if fold(meta.title).startswith(fold(kind)):
            return kind
    return "Văn bản"


def label(meta: DocumentMeta) -> str:
    """How a question names its document: by number when it has one."""
    kind = kind_of(meta)
    if meta.number:
        return f"{kind} số {meta.number}"
    if meta.issuer:
        return f"{kind} của {meta.issuer}"
    return f"{kind} “{shorten(meta.title, 60)}”"


def shorten(text: str, limit: int) -> str:
    """`textnorm.shorten` of the text with its whitespace runs made single spaces."""
    return textnorm.shorten(" ".join(text.split()), limit)


def sentence_bounds(text: str, start: int, end: int, clause: bool = True) -> tuple[int, int]:
    """The sentence (or clause) around [start, end) in a flattened passage; with `clause` off,
    the clauses before the span (after "; ") are kept, so a short clause has its context."""
    # "+ " only ever starts a bullet: a sentence boundary too.
    semicolon = text.rfind("; ", 0, start) if clause else -1
    left = max(text.rfind(". ", 0, start), semicolon, text.rfind(" + ", 0, start))
    left = 0 if left < 0 else left + 2
    ends = (text.find(". ", end), text.find("; ", end), text.find(" + ", end))
    right_candidates = [i for i in ends if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return left, right


def window(text: str, start: int, end: int, limit: int = 190, clause: bool = True) -> str:
    """The sentence around a span, trimmed to `limit` characters, with the span blanked."""
    left, right = sentence_bounds(text, start, end, clause)
    before, after = text[left:start], text[end:right].rstrip(" .:;")
    room = max(limit - (end - start), 40)
    if len(before) + len(after) > room:
        keep_before = min(len(before), room * 2 // 3)
        keep_after = max(room - keep_before, 0)
        if len(before) > keep_before:
            before = "…" + before[len(before) - keep_before :].split(" ", 1)[-1] + " "
        if len(after) > keep_after:
            after = after[:keep_after].rsplit(" ", 1)[0] + "…"
    before = (
        OUTLINE_MARKER.sub("", before.strip(), count=1) if not before.startswith("…") else before
    )
    return (f"{before.rstrip()} {BLANK}{after}" if before.strip() else f"{BLANK}{after}").strip()


def quote(text: str, start: int, end: int, limit: int) -> str:
    """The passage around a span, unblanked, for the explanation."""
    left, right = sentence_bounds(text, start, end)
    sentence = text[left:right].strip(" .;")
    if len(sentence) <= limit:
        return sentence
    offset = max(start - left - limit // 2, 0)
    piece = sentence[offset : offset + limit - 2]
    if offset:
        piece = "…" + piece.split(" ", 1)[-1]
    return piece.rsplit(" ", 1)[0] + "…"


def explanation(meta: DocumentMeta, section: str | None, evidence: str) -> str:
    """ "Nguồn: Kế hoạch số 172-KH/HU, mục II > 1: “…”", within Telegram's limit."""
    where = f"Nguồn: {label(meta)}" + (f", mục {section}" if section else "")
    room = MAX_EXPLANATION_CHARS - len(where) - 4
    return f"{where}: “{shorten(evidence, max(room, 20))}”"


def to_roman(value: int) -> str:
    out = ""
    for symbol, amount in _ROMAN:
        while value >= amount:
            out, value = out + symbol, value - amount
    return out


def from_roman(text: str) -> int | None:
    value, rest = 0, text
    for symbol, amount in _ROMAN:
        while rest.startswith(symbol):
            value, rest = value + amount, rest[len(symbol) :]
    return value if not rest and value else None


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def strip_about(subject: str) -> str:
    """ "về tăng cường …" → "Tăng cường …": an option reads as a noun phrase."""
    return capitalize(re.sub(r"^về\s+", "", subject.strip(' “”"')))
