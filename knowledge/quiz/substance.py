"""Questions about what the documents say: notions, lists, key statements, aims and tasks.

Every distractor is a parallel item found in the library (another notion's predicate, another
list's item, another document's task), never written here; one the library states as true for
the question's subject is dropped (`Candidate.truths`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from knowledge.quiz import cloze, facts
from knowledge.quiz import phrasing as ph
from knowledge.quiz.candidates import Candidate, Origin
from knowledge.quiz.checks import norm
from knowledge.quiz.statements import SUBSTANCE_ROLES, Statement
from knowledge.quiz.types import MAX_OPTION_CHARS

_NOTION = re.compile(
    r"(?:^|(?<=Khẳng định )|(?<=khẳng định )|(?<=; ))"
    r"(?P<subject>[^,;:.“”()\d]{3,70}?) là (?P<predicate>[^;.]{15,})"
)
_OPENER = re.compile(r"^(?:Khẳng định|Nhấn mạnh|Làm rõ|Đồng thời,?)\s+", re.IGNORECASE)
_COUNT_WORDS = {2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu"}
_NOT_SUBJECT_END = {"nhất", "đó", "coi", "cũng", "tức", "chính", "đều", "vẫn", "biệt", "không"}
_ROLE_WORDS = ("mục đích", "yêu cầu", "nhiệm vụ", "giải pháp")
_STOP = {"và", "của", "các", "những", "trong", "với", "về", "cho", "là", "để", "có", "được"}
_ROLE_PHRASE = {"aim": "mục đích", "requirement": "yêu cầu", "task": "nhiệm vụ"}


@dataclass(frozen=True)
class Notion:
    """ "sự lãnh đạo của Đảng là nhân tố quan trọng nhất …" in one statement."""

    subject: str
    predicate: str
    statement: Statement
    start: int
    end: int


def gist(text: str, limit: int = MAX_OPTION_CHARS - 4) -> str | None:
    """The statement cut at a clause boundary within `limit` characters, verbatim."""
    text = " ".join(text.split()).rstrip(" .;:")
    if len(text) <= limit:
        return text if len(text) >= 12 else None
    for mark in ("; ", ", ", " và "):
        cut = text.rfind(mark, 0, limit)
        if cut >= 30:
            return text[:cut].rstrip(" ,;")
    return None


_FOLDED_STOP = frozenset(norm(word) for word in _STOP)


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in norm(text).split() if w not in _FOLDED_STOP)


def overlap(a: str, b: str) -> float:
    """Share of a's content words that b also has (0..1)."""
    words = content_words(a)
    return len(words & content_words(b)) / len(words) if words else 0.0


def role_phrase(statement: Statement) -> str:
    """ "nhiệm vụ, giải pháp" from the heading the role came from."""
    folded = norm(statement.role_heading)
    found = [word for word in _ROLE_WORDS if norm(word) in folded]
    return ", ".join(found) if found else _ROLE_PHRASE.get(statement.role or "", "nội dung")


def notions(statements: Sequence[Statement]) -> list[Notion]:
    found = []
    for st in statements:
        if st.role not in SUBSTANCE_ROLES:
            continue
        for sentence in re.finditer(r"[^.]+", st.text):
            match = _NOTION.search(sentence.group(0).strip())
            if not match:
                continue
            subject = _OPENER.sub("", match["subject"].strip())
            words = subject.split()
            predicate = gist(match["predicate"])
            if not predicate or not 1 <= len(words) <= 9 or words[-1] in _NOT_SUBJECT_END:
                continue
            offset = sentence.start() + (len(sentence.group(0)) - len(sentence.group(0).lstrip()))
            start = offset + match.start("predicate")
            found.append(Notion(subject, predicate, st, start, start + len(predicate)))
    return found


def _origin(st: Statement, topic: str, passage: str | None = None) -> Origin:
    return Origin(st.chunk.meta, st.chunk.section, passage or st.chunk.text, topic)


def _why(st: Statement, start: int = 0, end: int | None = None) -> str:
    end = len(st.text) if end is None else end
    return ph.explanation(st.chunk.meta, st.chunk.section, ph.quote(st.text, start, end, 150))


def notion_candidates(
    mine: Sequence[Notion], every: Sequence[Notion], topic: str
) -> Iterator[Candidate]:
    """ "Theo …, nội dung nào hoàn chỉnh nhận định: “Việt Nam là …”?" """
    for notion in mine:
        related = [
            n.predicate
            for n in every
            if content_words(n.subject) <= content_words(notion.subject)
            or content_words(notion.subject) <= content_words(n.subject)
        ]
        pool = tuple(n.predicate for n in every if n.predicate not in related)
        subject = ph.capitalize(notion.subject)
        yield Candidate(
            f"notion:{norm(notion.subject)}:{norm(notion.predicate)}",
            f"Theo {ph.label(notion.statement.chunk.meta)}, nội dung nào hoàn chỉnh nhận định: "
            f"“{subject} là …”?",
            notion.predicate,
            pool,
            _why(notion.statement, notion.start, notion.end),
            _origin(notion.statement, topic),
            "medium",
            "notions",
            truths=tuple(related),
        )


@dataclass(frozen=True)
class Listing:
    """A short list after a colon, with the statement it stands in."""

    enum: facts.Enumeration
    statement: Statement

    @property
    def head(self) -> str:
        return self.enum.head


def listings(statements: Sequence[Statement]) -> list[Listing]:
    return [
        Listing(enum, st)
        for st in statements
        if st.role in SUBSTANCE_ROLES
        for enum in facts.enumerations(st.text)
    ]


def _same_head(a: str, b: str) -> bool:
    a, b = _OPENER.sub("", a), _OPENER.sub("", b)
    return overlap(a, b) >= 0.75 or overlap(b, a) >= 0.75


def list_candidates(
    mine: Sequence[Listing],
    every: Sequence[Listing],
    phrases: Sequence[str],
    notions: Sequence[str],
    topic: str,
) -> Iterator[Candidate]:
    """Membership ("đâu là một trong …"), exclusion ("Ý nào KHÔNG thuộc …") and the whole list."""
    for listing in mine:
        st, enum = listing.statement, listing.enum
        truths = tuple(
            item
            for other in every
            if _same_head(other.head, listing.head)
            for item in other.enum.items
        )
        others = [
            item
            for other in every
            if not _same_head(other.head, listing.head)
            for item in other.enum.items
        ]
        parallel = [p for item in enum.items for p in cloze.parallel(item, phrases)]
        pool = tuple(dict.fromkeys([*parallel, *others]))
        why = _why(st, enum.start, enum.end)
        head = ph.shorten(enum.head, 120)
        where = ph.label(st.chunk.meta)
        size = len(enum.items)
        if _is_definition(enum):
            whole = ", ".join(enum.items)
            # Other lists and other notions: what else the library says something "is".
            wholes = tuple(
                ", ".join(o.enum.items) for o in every if not _same_head(o.head, listing.head)
            ) + tuple(notions)
            yield Candidate(
                f"definition:{norm(head)}",
                f"Theo {where}, điền vào chỗ trống: “{head}: {ph.BLANK}”",
                whole,
                wholes,
                why,
                _origin(st, topic),
                "easy",
                "notions",
                truths=(", ".join(truths),),
                list_size=size,
            )
        count = _COUNT_WORDS.get(size, str(size))
        for item in enum.items[:2]:
            yield Candidate(
                f"member:{norm(head)}:{norm(item)}",
                f"Theo {where}, đâu là một trong {count} ý được nêu trong: “{head}: …”?",
                item,
                pool,
                why,
                _origin(st, topic),
                "easy",
                "lists",
                truths=truths,
                list_size=size,
            )
        if size <= 4:
            outsider = next((p for p in pool if not _is_true(p, truths)), None)
            if outsider:
                yield Candidate(
                    f"not-member:{norm(head)}",
                    f"Theo {where}, ý nào KHÔNG thuộc: “{head}: …”?",
                    outsider,
                    tuple(enum.items),
                    why,
                    _origin(st, topic),
                    "medium",
                    "lists",
                    truths=truths,
                    list_size=size,
                    negative=True,
                )


def _is_definition(enum: facts.Enumeration) -> bool:
    """ "gốc vững, thân chắc, cành uyển chuyển": parts "noun quality" with distinct nouns."""
    parts = [item.split(" ", 1) for item in enum.items]
    return (
        len(enum.items) == 3
        and all(len(p) == 2 and 1 <= len(p[1].split()) <= 2 for p in parts)
        and len({p[0].lower() for p in parts}) == 3
    )


def _is_true(option: str, truths: Sequence[str]) -> bool:
    return any(overlap(option, t) >= 0.8 for t in truths)


def aim_candidates(
    mine: Sequence[Statement], every: Sequence[Statement], topic: str
) -> Iterator[Candidate]:
    """ "Theo …, đâu là một nhiệm vụ, giải pháp được đề ra?" and its "KHÔNG" form."""
    kinds = ("aim", "requirement", "task")
    own = [st for st in mine if st.role in kinds and gist(st.text)]
    if not own:
        return
    document = own[0].chunk.meta.document
    truths = tuple(st.text for st in mine)
    foreign = tuple(
        g
        for st in every
        if st.role in kinds and st.chunk.meta.document != document
        for g in [gist(st.text)]
        if g and not any(overlap(g, t) >= 0.6 for t in truths)
    )
    where = ph.label(own[0].chunk.meta)
    groups: dict[str, list[tuple[Statement, str]]] = defaultdict(list)
    for st in own:
        key = gist(st.text)
        assert key is not None
        phrase = role_phrase(st)
        groups[phrase].append((st, key))
        yield Candidate(
            f"aim:{norm(key)}",
            f"Theo {where}, đâu là một {phrase} được nêu trong văn bản?",
            key,
            foreign,
            _why(st),
            _origin(st, topic),
            "medium",
            "aims_tasks",
            truths=truths,
        )
    for phrase, members in groups.items():
        for i in range(0, len(members) - 2, 3):
            trio = members[i : i + 3]
            passage = "\n".join(dict.fromkeys(st.chunk.text for st, _ in trio))
            first = trio[0][0]
            shown = "; ".join(k for _, k in trio)
            why = ph.explanation(first.chunk.meta, first.chunk.section, shown)
            for outsider in foreign[i // 3 :: 7]:
                yield Candidate(
                    f"not-aim:{document}:{norm(phrase)}:{i}",
                    f"Theo {where}, ý nào KHÔNG phải là {phrase} được nêu trong văn bản?",
                    outsider,
                    tuple(k for _, k in trio),
                    why,
                    _origin(first, topic, passage),
                    "hard",
                    "aims_tasks",
                    truths=truths,
                    negative=True,
                )
                break
