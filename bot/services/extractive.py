"""The offline answer backend: quote the sentences or list items that answer the question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from bot.services.grounding import coverage
from knowledge.lexical import index_terms
from knowledge.textnorm import fold
from knowledge.types import SearchHit

MAX_ANSWER_CHARS = 800
MAX_UNIT_CHARS = 420
OUTLINE_MARKER_LINE = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*)\s*[.\-–)]\s*")
# A sentence ends at . ! ? before a capital, but "4. Phòng Văn hóa" is an outline marker.
_SENTENCE_END = re.compile(r"(?<![0-9IVX]\.)(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ\"“(])")


@dataclass(frozen=True)
class Extract:
    text: str
    hit: SearchHit
    score: float


def units_of(text: str) -> list[str]:
    """Lines (list items, paragraphs) split further into sentences."""
    units: list[str] = []
    for line in text.split("\n"):
        units.extend(s.strip() for s in _SENTENCE_END.split(line) if s.strip())
    return units


def _is_bare_heading(unit: str) -> bool:
    return bool(OUTLINE_MARKER_LINE.match(unit)) and len(unit) < 100 and not unit.endswith(".")


def _introduces(unit: str) -> bool:
    """A heading or a "… gồm:" line: its content is in the units that follow."""
    return unit.rstrip().endswith(":") or _is_bare_heading(unit) or len(unit) < 50


def _trim(unit: str, terms: list[str], idf: dict[str, float]) -> str:
    """A long sentence is cut to the clauses around what the question asks."""
    if len(unit) <= MAX_UNIT_CHARS:
        return unit
    clauses = [c for c in re.split(r"(?<=[;,])\s+", unit) if c]
    best, best_score = unit[:MAX_UNIT_CHARS], -1.0
    for start in range(len(clauses)):
        window = ""
        for end in range(start, len(clauses)):
            candidate = f"{window} {clauses[end]}".strip()
            if len(candidate) > MAX_UNIT_CHARS:
                break
            window = candidate
            score = coverage(terms, set(index_terms(window)), idf)
            # Ties go to the longer window: what answers usually follows the matched words.
            if score > best_score or (score == best_score and best.startswith(window[:20])):
                best, best_score = window, score
    prefix = "" if unit.startswith(best) else "… "
    suffix = "" if unit.endswith(best) else " …"
    return f"{prefix}{best}{suffix}"


def without_title(unit: str, title: str) -> str:
    """The unit minus a long citation of the document's own title.

    Plans quote the work they are about ("tác phẩm “Xây dựng … bản sắc “cây tre Việt Nam””")
    in many sentences; those words match the question everywhere and answer nothing.
    """
    folded_unit, folded_title = fold(unit), fold(title)
    matcher = SequenceMatcher(None, folded_unit, folded_title, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 10]
    if sum(b.size for b in blocks) < 40:
        return unit
    kept, cursor = [], 0
    for block in blocks:  # blocks come in order of position in the unit
        kept.append(unit[cursor : block.a])
        cursor = block.a + block.size
    kept.append(unit[cursor:])
    return " ".join(kept)


def _clean(unit: str) -> str:
    return re.sub(r"^[-+•]\s*", "", unit).strip()


def extract(terms: list[str], hits: list[SearchHit], idf: dict[str, float]) -> Extract | None:
    """The best-supported passage text for the question, with list continuations."""
    candidates: list[tuple[float, int, int, list[str]]] = []
    for rank, hit in enumerate(hits[:6]):
        units = units_of(hit.chunk.text)
        damaged = hit.chunk.meta.text_quality != "ok"
        # "…của Trà Vinh", "Kế hoạch 84-KH/BTGTU…": who issued a passage is part of what it says.
        meta = hit.chunk.meta
        issued_by = set(index_terms(" ".join(p for p in (meta.issuer, meta.number) if p)))
        for index, unit in enumerate(units):
            said = set(index_terms(without_title(unit, meta.title)))
            score = coverage(terms, said | issued_by, idf)
            score += 0.15 * coverage(terms, set(index_terms(hit.chunk.heading)), idf)
            score -= 0.04 * rank + (0.1 if damaged else 0.0)
            candidates.append((score, rank, index, units))
    if not candidates:
        return None
    score, rank, index, units = max(candidates, key=lambda c: (c[0], -c[1], -c[2]))
    picked = [_trim(units[index], terms, idf)]
    if _introduces(units[index]):  # "... gồm:", "4. Phòng Văn hóa …" → what follows
        for follower in units[index + 1 :]:
            if _is_bare_heading(follower) and len(picked) > 1:
                break
            if sum(len(p) for p in picked) + len(follower) > MAX_ANSWER_CHARS:
                if len(picked) == 1:
                    picked.append(_trim(follower, terms, idf))
                break
            picked.append(_clean(follower))
    text = "\n".join(_clean(p) if i else p.lstrip("-+• ") for i, p in enumerate(picked))
    return Extract(text=text, hit=hits[rank], score=score)
