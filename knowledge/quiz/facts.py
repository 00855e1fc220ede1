"""Facts read from passages: cited documents, counts, deadlines and enumerations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.textnorm import canonical_doc_numbers
from knowledge.types import Chunk

_KIND = r"(?i:chỉ thị|kết luận|nghị quyết|hướng dẫn|kế hoạch|chương trình hành động|quy định)"
_ISSUER = (
    r"Bộ Chính trị|Ban Bí thư(?: Trung ương Đảng)?"
    r"|Ban (?:Thường vụ|Tuyên giáo|Chấp hành)(?: Trung ương)?"
    r"(?: (?:Tỉnh|Huyện|Thị|Thành) (?:ủy|uỷ))?"
)
_REFERENCE = re.compile(
    rf"(?P<kind>{_KIND}) số (?P<number>\d{{1,4}}-[A-Za-zĐđ]{{1,6}}/[A-ZĐ]+),? ngày "
    rf"(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}})(?: của (?P<issuer>{_ISSUER}))?"
    r"(?:\s+(?:“(?P<quoted>[^”]{10,140})”|(?P<about>về (?!việc)[^;(“”]{10,140})))?"
)
_COUNT = re.compile(r"(?<![\d/.,-])(0[1-9])\s+([a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+)?)")
_ORDINAL = re.compile(r"\blần thứ (\d{1,3}|[IVXL]{1,6})\b")
_YEARS = re.compile(r"\b(gần|hơn|trên) (\d{2,3}) năm\b")
_BEFORE_DATE = re.compile(r"\btrước ngày (\d{1,2}/\d{1,2}/\d{4})")
_QUARTER = re.compile(r"\b(?:trong|vào) ([Qq]uý (?:I|II|III|IV)/\d{4})")
_CLAUSE_END = re.compile(r"[.;:!?]")


def flat(text: str) -> str:
    """One line, single spaces, canonical document numbers: what the patterns are written for."""
    return " ".join(canonical_doc_numbers(text).split())


@dataclass(frozen=True)
class Reference:
    """A document cited in a passage: "Chỉ thị số 32-CT/TW, ngày 18/02/2019 của Bộ Chính trị"."""

    kind: str
    number: str
    date: str
    issuer: str | None
    subject: str | None
    start: int
    end: int

    @property
    def name(self) -> str:
        return f"{self.kind} số {self.number}"


@dataclass(frozen=True)
class Span:
    """A phrase of a passage that a question blanks out, with what kind of fact it is."""

    kind: str  # "count" | "ordinal" | "years" | "deadline" | "quarter"
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Enumeration:
    """ "head: a, b và c" inside one clause of a passage."""

    head: str
    items: tuple[str, ...]
    start: int  # where the items begin
    end: int


def _subject(match: re.Match[str]) -> str | None:
    subject = match["quoted"] or match["about"]
    if not subject:
        return None
    if match["about"] and match.string[match.end() : match.end() + 1] in "“”":
        return None  # cut short by a quoted title: not the whole subject
    # An unquoted subject runs until the next clause that starts a new named document.
    subject = re.split(r",\s+(?=[A-ZĐ])|\s+như sau", subject)[0].strip(" ,")
    return subject if 10 <= len(subject) <= 100 else None


def references(text: str) -> list[Reference]:
    """Every cited document in a flattened passage."""
    found = []
    for match in _REFERENCE.finditer(text):
        kind = match["kind"][0].upper() + match["kind"][1:].lower()
        found.append(
            Reference(
                kind=kind,
                number=match["number"],
                date=match["date"],
                issuer=match["issuer"],
                subject=_subject(match),
                start=match.start(),
                end=match.end(),
            )
        )
    return found


def spans(text: str) -> list[Span]:
    """Counts ("05 bài học"), ordinals, durations and deadlines in a flattened passage."""
    found: list[Span] = []
    for match in _COUNT.finditer(text):
        found.append(Span("count", match.group(0), match.start(), match.end()))
    for match in _ORDINAL.finditer(text):
        found.append(Span("ordinal", match.group(0), match.start(), match.end()))
    for match in _YEARS.finditer(text):
        found.append(Span("years", match.group(0), match.start(), match.end()))
    for match in _BEFORE_DATE.finditer(text):
        found.append(Span("deadline", match[1], match.start(1), match.end(1)))
    for match in _QUARTER.finditer(text):
        found.append(Span("quarter", match[1], match.start(1), match.end(1)))
    return found


def _split_items(raw: str) -> list[str]:
    parts = [p.strip() for p in raw.split(",")]
    if parts and " và " in parts[-1]:
        last = parts.pop()
        parts.extend(p.strip() for p in last.split(" và ", 1))
    return [p for p in parts if p]


def enumerations(text: str) -> list[Enumeration]:
    """Short lists after a colon: "các trụ cột: đối ngoại Đảng, ngoại giao Nhà nước và …"."""
    found = []
    for colon in re.finditer(r":\s*", text):
        before = text[: colon.start()]
        cuts = [before.rfind(mark) for mark in (". ", "; ", ": ")]
        head_start = max(cuts) + 2 if max(cuts) >= 0 else 0
        head = before[max(head_start, len(before) - 120) :].strip()
        rest = text[colon.end() :]
        stop = re.search(r"[.;:”\"]|\s-\s", rest)
        raw = rest[: stop.start()] if stop else rest
        items = _split_items(raw)
        words_ok = all(1 <= len(item.split()) <= 5 and len(item) <= 40 for item in items)
        if 3 <= len(items) <= 6 and words_ok and not any(c.isdigit() for c in raw) and head:
            found.append(Enumeration(head, tuple(items), colon.end(), colon.end() + len(raw)))
    return found


def usable(chunk: Chunk) -> bool:
    """Text generators skip passages whose displayed text may still be OCR-garbled."""
    return chunk.meta.text_quality == "ok"


_LINKS = {"của", "và", "trong", "với", "đến", "để", "nhằm", "theo", "tại", "thông", "cho", "là"}


def clause_phrases(text: str, size: int) -> list[str]:
    """Whole phrases (ending a clause or followed by a linking word) for same-type distractors."""
    phrases = []
    for clause in _CLAUSE_END.split(re.sub(r"[,“”\"()]", ";", text)):
        words = clause.split()
        for i in range(len(words) - size + 1):
            piece = words[i : i + size]
            ends = i + size == len(words) or words[i + size].lower() in _LINKS
            if ends and all(w.isalpha() for w in piece) and piece[-1].lower() not in _LINKS:
                phrases.append(" ".join(piece))
    return phrases
