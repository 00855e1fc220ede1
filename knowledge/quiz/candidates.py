"""Question candidates: a fact, its correct answer and a pool of same-type distractors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.quiz import phrasing as ph
from knowledge.quiz.facts import Enumeration, Reference, Span, clause_phrases
from knowledge.types import Chunk, DocumentMeta

_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass(frozen=True)
class Origin:
    """Where a question comes from: its document, section, passage and topic."""

    meta: DocumentMeta
    section: str | None
    passage: str
    topic: str


@dataclass(frozen=True)
class Candidate:
    """A question before its distractors are chosen and checked."""

    key: str  # the fact; two candidates with one key are the same question
    text: str
    correct: str
    pool: tuple[str, ...]  # same-type alternatives, best first; some may turn out true
    explanation: str
    origin: Origin
    difficulty: str  # a hint; the kept question's difficulty is measured (see distractors.py)
    generator: str
    truths: tuple[str, ...] = ()  # what the library states true for the subject: never a distractor
    list_size: int = 0  # items of the list the question is about, 0 when none
    negative: bool = False  # "Ý nào KHÔNG …": the key is the one option the passage lacks


def date_text(value: str) -> str:
    """dd/mm/yyyy, the one way options show dates."""
    match = _DATE.search(value)
    return f"{int(match[1]):02d}/{int(match[2]):02d}/{match[3]}" if match else value


@dataclass(frozen=True)
class Pools:
    """Same-type values seen anywhere in the library, for distractors."""

    dates: tuple[str, ...]
    names: tuple[str, ...]  # "Chỉ thị số 32-CT/TW"
    numbers: tuple[str, ...]  # "172-KH/HU"
    issuers: tuple[str, ...]
    subjects: tuple[str, ...]
    phrases: tuple[str, ...]  # clause n-grams, for enumeration items


def count_alternatives(span: Span) -> list[str]:
    number, unit = span.value.split(" ", 1)
    value = int(number)
    return [
        f"{k:02d} {unit}"
        for k in (value + 1, value - 1, value + 2, value - 2, value + 3)
        if 1 <= k <= 9
    ]


def ordinal_alternatives(span: Span) -> list[str]:
    raw = span.value.rsplit(" ", 1)[-1]
    steps = (1, -1, 2, -2, 3, -3, 4)
    if raw.isdigit():
        return [f"lần thứ {int(raw) + s}" for s in steps if int(raw) + s > 0]
    value = ph.from_roman(raw)
    if value is None:
        return []
    return [f"lần thứ {ph.to_roman(value + s)}" for s in steps if value + s > 0]


def years_alternatives(span: Span) -> list[str]:
    word, number, _ = span.value.split(" ")
    value = int(number)
    step = 5 if value >= 20 else 1
    return [f"{word} {value + s * step} năm" for s in (1, -1, 2, -2) if value + s * step > 0]


def quarter_alternatives(span: Span) -> list[str]:
    quarter, year = span.value.split(" ", 1)[1].split("/")
    return [f"quý {q}/{year}" for q in ("I", "II", "III", "IV") if q != quarter]


def span_alternatives(span: Span, pools: Pools) -> list[str]:
    if span.kind == "count":
        return count_alternatives(span)
    if span.kind == "ordinal":
        return ordinal_alternatives(span)
    if span.kind == "years":
        return years_alternatives(span)
    if span.kind == "quarter":
        return quarter_alternatives(span)
    return list(pools.dates)


def permutations_of(items: tuple[str, ...]) -> Iterator[str]:
    """ "gốc vững, thân chắc, cành uyển chuyển" with the qualities swapped between the parts."""
    heads = [item.split(" ", 1)[0] for item in items]
    tails = [item.split(" ", 1)[1] for item in items]
    n = len(items)
    for shift in range(1, n):
        yield ", ".join(f"{heads[i]} {tails[(i + shift) % n]}" for i in range(n))
    for i in range(n - 1):
        swapped = tails.copy()
        swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
        yield ", ".join(f"{h} {t}" for h, t in zip(heads, swapped, strict=True))


def is_definition(enum: Enumeration) -> bool:
    """Parts of the form "noun quality" with distinct nouns: swapping qualities is meaningful."""
    parts = [item.split(" ", 1) for item in enum.items]
    return (
        len(enum.items) == 3
        and all(len(p) == 2 and 1 <= len(p[1].split()) <= 2 for p in parts)
        and len({p[0].lower() for p in parts}) == 3
        and len({p[1].lower() for p in parts}) == 3
    )


def item_alternatives(item: str, pools: Pools) -> list[str]:
    """Phrases of the same length starting with the same two words: "ngoại giao văn hóa"."""
    words = item.split()
    if len(words) < 2:
        return []
    prefix = " ".join(words[:2]).lower()
    return [
        p for p in pools.phrases if len(p.split()) == len(words) and p.lower().startswith(prefix)
    ]


def phrase_pool(chunks: list[Chunk]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for chunk in chunks:
        text = " ".join(chunk.text.split())
        for size in (2, 3, 4, 5):
            for phrase in clause_phrases(text, size):
                seen.setdefault(phrase.strip(), None)
    return tuple(seen)


def reference_names(refs: list[Reference]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ref.name for ref in refs))
