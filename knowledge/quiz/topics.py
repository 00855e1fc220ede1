"""Quiz topics, read from the documents themselves: a studied work, a directive, a conclusion …"""

from __future__ import annotations

import re

from knowledge.quiz import facts
from knowledge.quiz import phrasing as ph
from knowledge.quiz.checks import norm
from knowledge.types import DocumentMeta

# Generators whose keys are dates, document numbers or issuing bodies: organisational facts.
ORGANISATIONAL_GENERATORS = frozenset({"document_facts", "deadlines", "ordinals"})

_WORK = re.compile(r"tác phẩm\s*“(?P<title>.+)", re.IGNORECASE)
_NAMED = re.compile(
    r"(?:Chỉ thị|Kết luận|Nghị quyết|Hướng dẫn|Quy định|Chương trình hành động) số \S+"
)


def is_organisational(generator: str) -> bool:
    return generator in ORGANISATIONAL_GENERATORS


def topic_of(meta: DocumentMeta) -> str:
    """What a document is about, short enough for a button: the work it studies (by the
    nickname quoted inside its title when there is one), else the document it implements."""
    title = facts.flat(meta.title)
    work = _WORK.search(title)
    if work:
        inner = re.findall(r"“([^“”]{3,40})”", work["title"])
        name = inner[-1] if inner else " ".join(work["title"].strip(" “”").split()[:6])
        return f"Tác phẩm “{ph.capitalize(name.strip())}”"
    cited = facts.references(title)
    if cited:
        return cited[0].name
    named = _NAMED.search(title)
    return named.group(0).rstrip(",") if named else ph.shorten(meta.title, 60)


def matches(topic: str, wanted: str) -> bool:
    """Whether a member's words name this topic: "cây tre", "32-CT/TW", "chi thi 32", "57"."""
    have, want = norm(topic), norm(wanted)
    if not want:
        return False
    if want in have:
        return True
    numbers = re.findall(r"\d+(?:-[a-z]+/[a-z]+)?", want)
    words = [w for w in want.split() if not any(c.isdigit() for c in w)]
    return (
        bool(numbers)
        and all(re.search(rf"(?<![\d]){re.escape(n)}(?![\d])", have) for n in numbers)
        and all(w in have for w in words)
    )
