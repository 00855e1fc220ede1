"""Structure-aware chunking: follow the plan's own outline (I., 1., 1.1., a), -, +)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.textnorm import NOT_AFTER_MARKER

# A section marker at the start of a paragraph, with its level in the outline.
_ROMAN = re.compile(r"^(?P<label>[IVX]{1,5}|\|)\s*[.\-–]\s*(?P<rest>.*)$")
_DOTTED = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})(?!\d)\.?\s*[-–]?\s*(?P<rest>\S.*)$")
_NUMBERED = re.compile(rf"^(?P<label>\d{{1,2}})\s*[.\-–)]{NOT_AFTER_MARKER}\s*(?P<rest>\S.*)$")
_LETTER = re.compile(r"^(?P<label>[a-zđ])\)\s*(?P<rest>\S.*)$")

MAX_CHARS = 900  # ~300 e5 tokens of Vietnamese: well inside the 512-token window
MIN_CHARS = 120


@dataclass
class Section:
    label: str  # "II", "1", "1.2", "a"
    heading: str  # the marker line, e.g. "1.2. Hình thức sinh hoạt"
    level: int
    paragraphs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Passage:
    section: str | None  # "II > 1 > 1.2"
    heading: str  # "II. NỘI DUNG ... > 1. Tài liệu ... "
    text: str


def _marker(paragraph: str) -> tuple[int, str, str] | None:
    """(level, label, rest) when the paragraph opens a new section."""
    match = _ROMAN.match(paragraph)
    if match and (match["label"] != "|" or match["rest"][:1].isupper()):
        return 1, "I" if match["label"] == "|" else match["label"], match["rest"]
    match = _DOTTED.match(paragraph)
    if match:
        return 2 + match["label"].count("."), match["label"], match["rest"]
    match = _NUMBERED.match(paragraph)
    if match and len(paragraph) < 400:
        return 2, match["label"], match["rest"]
    match = _LETTER.match(paragraph)
    if match:
        return 5, match["label"], match["rest"]
    return None


def split_sections(paragraphs: list[str]) -> list[tuple[list[Section], list[str]]]:
    """Walk paragraphs keeping a stack of open sections; yield (path, body) for each stretch."""
    stack: list[Section] = []
    stretches: list[tuple[list[Section], list[str]]] = [([], [])]
    for paragraph in paragraphs:
        marker = _marker(paragraph)
        if marker is None:
            stretches[-1][1].append(paragraph)
            continue
        level, label, _rest = marker
        while stack and stack[-1].level >= level:
            stack.pop()
        stack.append(Section(label=label, heading=paragraph, level=level))
        # The marker paragraph often carries text ("1. Mục đích: Tuyên truyền ..."): keep it.
        stretches.append((list(stack), [paragraph]))
    return [(path, body) for path, body in stretches if body]


def _pack(units: list[str], max_chars: int) -> list[str]:
    """Greedy packing of paragraphs/bullets into pieces of at most max_chars."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for unit in units:
        for part in _split_long(unit, max_chars):
            if current and size + len(part) + 1 > max_chars:
                pieces.append("\n".join(current))
                current, size = [], 0
            current.append(part)
            size += len(part) + 1
    if current:
        pieces.append("\n".join(current))
    return pieces


def _split_long(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    sentences = re.split(r"(?<=[.;!?])\s+", text)
    parts: list[str] = []
    current = ""
    for sentence in sentences:
        while len(sentence) > max_chars:  # a run-on sentence: cut at a comma or space
            cut = sentence.rfind(", ", 0, max_chars)
            cut = cut + 1 if cut > max_chars // 2 else sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > 0 else max_chars
            if current:
                parts.append(current)
                current = ""
            parts.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if current and len(current) + len(sentence) + 1 > max_chars:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        parts.append(current)
    return parts


def chunk_paragraphs(paragraphs: list[str], max_chars: int = MAX_CHARS) -> list[Passage]:
    """Passages that each stay inside one section of the outline and fit the model window."""
    passages: list[Passage] = []
    pending: tuple[list[Section], list[str]] | None = None
    for path, body in split_sections(paragraphs):
        # A bare heading ("1. Mục đích") has no content of its own: it joins what follows.
        if pending is not None:
            pending_path, pending_body = pending
            if len(path) > len(pending_path) and path[: len(pending_path)] == pending_path:
                body = [*pending_body, *body]
            else:
                passages.extend(_passages(pending_path, pending_body, max_chars))
            pending = None
        if sum(len(p) for p in body) < MIN_CHARS and path:
            pending = (path, body)
            continue
        passages.extend(_passages(path, body, max_chars))
    if pending is not None:
        passages.extend(_passages(*pending, max_chars))
    return passages


def _passages(path: list[Section], body: list[str], max_chars: int) -> list[Passage]:
    section = " > ".join(s.label for s in path) or None
    heading = " > ".join(_short(s.heading) for s in path)
    return [
        Passage(section=section, heading=heading, text=piece) for piece in _pack(body, max_chars)
    ]


def _short(heading: str, limit: int = 90) -> str:
    return heading if len(heading) <= limit else heading[: heading.rfind(" ", 0, limit)] + " …"
