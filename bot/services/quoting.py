"""Quoting the chosen unit: the shortest span that answers, with its list or acting heading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.services.answer_kinds import kinds_present
from bot.services.extractive import (
    ITEM,
    MAX_ANSWER_CHARS,
    MAX_UNIT_CHARS,
    OUTLINE_MARKER_LINE,
    Candidate,
    coverage,
    heading_names_agent,
    last_heading,
    names_section,
    says_no_content,
    terms_of,
    units_of,
)
from knowledge import question as q
from knowledge.facts import FACT_KINDS
from knowledge.retrieval import label_named, section_labels
from knowledge.textnorm import fold, shorten
from knowledge.types import Chunk

# A window of a long sentence that holds the clause after the question's last words gains
# this much: chosen with bench/answers.py (0.2 cut viqa tuning answers short).
FOLLOWS_BONUS = 0.1
# A sentence is cut only when that saves at least this many characters: cutting a few off
# one just over the limit drops its last clause, where the answer often is.
CUT_AT_LEAST = 60
# Each item of a list too long to quote whole keeps at least this many characters, or the
# items that answer best are quoted instead.
MIN_ITEM_CHARS = 80


_SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s")


def heading_section(best: Candidate) -> str | None:
    """The section whose heading line the chosen unit is, when it heads a section its passage
    is only a part of ("1. Tài liệu sinh hoạt" atop a passage of "II > 1 > 1.1"): "II > 1"."""
    chunk = best.hit.chunk
    if not chunk.section or not _is_bare_heading(best.unit):
        return None
    parts = chunk.heading.split(" > ")
    sections = chunk.section.split(" > ")
    if len(parts) != len(sections):
        return None
    level = next((i for i, p in enumerate(parts[:-1]) if p.startswith(best.unit)), None)
    return None if level is None else " > ".join(sections[: level + 1])


def _is_bare_heading(unit: str) -> bool:
    return bool(OUTLINE_MARKER_LINE.match(unit)) and says_no_content(unit)


def _introduces(unit: str) -> bool:
    """A heading or a "… gồm:" line: its content is in the units that follow."""
    return unit.rstrip().endswith(":") or _is_bare_heading(unit) or len(unit) < 50


def _trim(unit: str, terms: tuple[str, ...], idf: dict[str, float], question: q.Question) -> str:
    """A long sentence is cut to the clauses around what the question asks and its answer."""
    if len(unit) <= MAX_UNIT_CHARS + CUT_AT_LEAST:
        return unit
    clauses = [c for c in re.split(r"(?<=[;,])\s+", unit) if c]
    best, best_score = unit[:MAX_UNIT_CHARS], -1.0
    asked = set(terms)
    # What answers usually follows the last clause that speaks of the question's words.
    spoken = [i for i, clause in enumerate(clauses) if asked & terms_of(clause)]
    follows = min(spoken[-1] + 1, len(clauses) - 1) if spoken else 0
    for start in range(len(clauses)):
        # Clauses before the first one the question speaks of only take room from what
        # follows it, where the answer usually is.
        lead = 0.0 if asked & terms_of(clauses[start]) else 0.02
        window = ""
        for end in range(start, len(clauses)):
            candidate = f"{window} {clauses[end]}".strip()
            if len(candidate) > MAX_UNIT_CHARS:
                break
            window = candidate
            score = coverage(terms, set(terms_of(window)), idf)
            score += (0.3 if kinds_present(window, question) else 0.0) - lead
            score += FOLLOWS_BONUS if start <= follows <= end else 0.0
            # Ties go to the longer window: what answers usually follows the matched words.
            if score > best_score or (score == best_score and best.startswith(window[:20])):
                best, best_score = window, score
    prefix = "" if unit.startswith(best) else "… "
    suffix = "" if unit.endswith(best) else " …"
    return f"{prefix}{best}{suffix}"


def _lists(unit: str) -> bool:
    """An item that is itself a list ("- Hình thức kỷ luật gồm: khiển trách, cảnh cáo, …")
    answers a list question alone, without its sibling items."""
    _, colon, after = unit.partition(":")
    return bool(colon) and len(re.findall(r"[,;]", after)) >= 2


def _clean(unit: str) -> str:
    return re.sub(r"^[-+•]\s*", "", unit).strip()


def _section_content(best: Candidate) -> list[str]:
    """What the passage says under its heading, from the line after the heading on."""
    heading = last_heading(best.hit).removesuffix("…").rstrip()
    units = best.units
    start = next((i + 1 for i, u in enumerate(units) if heading and u.startswith(heading)), 0)
    return list(units[start:]) or [units[best.index]]


def _list_around(units: tuple[str, ...], index: int) -> list[str]:
    """The list an item belongs to: its introduction and its sibling items."""
    marker = ITEM.match(units[index])
    start = index
    while start > 0 and ITEM.match(units[start - 1]) and marker:
        start -= 1
    intro = [units[start - 1]] if start > 0 and units[start - 1].rstrip().endswith(":") else []
    end = index + 1
    while end < len(units) and ITEM.match(units[end]):
        end += 1
    return [*intro, *units[start:end]]


def _top_heading(best: Candidate) -> str:
    return best.hit.chunk.heading.split(" > ")[0].removesuffix("…").rstrip()


def asks_cut_section(best: Candidate, question: q.Question) -> bool:
    """A list question answered by a section whose items were cut into passages of their own
    ("IV > 1", "IV > 2" …): the chosen unit is the section's top heading, or the question
    names that heading's label ("các khẩu hiệu tuyên truyền" → "IV. KHẨU HIỆU TUYÊN
    TRUYỀN")."""
    if q.LIST not in question.kinds or " > " not in (best.hit.chunk.section or ""):
        return False
    top = _top_heading(best)
    if not top:
        return False
    if best.index == 0 and best.unit.startswith(top) and _is_bare_heading(best.unit):
        return True
    labels = section_labels(top)  # one label: "MỤC ĐÍCH, YÊU CẦU" is read section by section
    return len(labels) == 1 and label_named(labels[0], question.terms)


def section_items(top: str, passages: Sequence[Chunk]) -> list[str] | None:
    """The top heading, then the item each passage of the section is; None when a passage
    is more than one item (a subsection with a heading of its own)."""
    items = [top]
    for chunk in passages:
        lines = [u for u in units_of(chunk.text) if not u.startswith(top)]
        if len(lines) != 1 or not ITEM.match(lines[0]):
            return None
        items.append(lines[0])
    return items


def _subheadings(passages: Sequence[Chunk]) -> list[str]:
    """The headings of a section's parts, once each and in order ("1-Công tác tuyên truyền",
    "2- Công tác phối hợp" …), when every passage is under one."""
    headings = [c.heading.split(" > ")[1] if c.heading.count(" > ") >= 1 else "" for c in passages]
    if not all(headings):
        return []
    return list(dict.fromkeys(h.removesuffix("…").rstrip() for h in headings))


def render(
    best: Candidate,
    question: q.Question,
    terms: tuple[str, ...],
    idf: dict[str, float],
    section: Sequence[Chunk] = (),
    continuation: Sequence[Chunk] = (),
) -> str:
    """The quote for the chosen unit: trimmed, with its list or its acting heading; a fact
    passage (header, recipients, signature) is short and quoted whole. `section` are the
    passages of a section cut into passages, given when the question asks for it
    (`asks_cut_section`, decided by the caller)."""
    units, index = best.units, best.index
    unit = units[index]
    top = _top_heading(best)
    items = section_items(top, section) if len(section) > 1 else None
    parts = _subheadings(section) if items is None and len(section) > 1 else []
    if items is not None:
        picked = items
    elif len(parts) >= 2:  # "những nhóm nhiệm vụ nào": the section's parts, by their headings
        picked = [top, *parts]
    elif best.hit.chunk.kind in FACT_KINDS:
        picked = unit.split("\n")
    elif names_section(question, best.hit.chunk.heading):
        picked = _section_content(best)
    elif (
        q.LIST in question.kinds
        and ITEM.match(unit)
        and len(units) > 1
        and not _lists(unit)
        and not _is_bare_heading(unit)  # "1. Ban Chỉ đạo …": its content follows, not siblings
        and not unit.rstrip().endswith(":")  # "4. … các nhiệm vụ sau:" likewise
    ):
        picked = _list_around(units, index)
    else:
        picked = [_trim(unit, terms, idf, question)]
        following = _continued_by(best, terms)
        if following and len(picked[0]) + len(following) <= MAX_ANSWER_CHARS:
            picked = [f"{picked[0]} {_trim(following, terms, idf, question)}"]
        elif _introduces(unit):  # "... gồm:", "4. Phòng Văn hóa …" → what follows
            # A list cut where its passage was full goes on in the passages after it.
            after = (*units[index + 1 :], *(u for c in continuation for u in units_of(c.text)))
            picked.extend(_followers(after, len(picked[0]), terms, idf, question, unit))
    kept: list[str] = []
    for piece in picked:
        if sum(len(p) for p in kept) + len(piece) > MAX_ANSWER_CHARS and kept:
            kept.append("…")
            break
        kept.append(piece)
    text = "\n".join(_clean(p) if i else p.lstrip("-+• ") for i, p in enumerate(kept))
    heading = OUTLINE_MARKER_LINE.sub("", last_heading(best.hit)).rstrip(" :")
    if (
        q.WHO in question.kinds
        and heading_names_agent(best.hit)
        and fold(heading)[:30] not in fold(text)
    ):
        text = f"{heading}: {text}"
    return text


# "Khối kiến thức này …", "Đó là …", "Trong đó …": a sentence that goes on speaking of what the
# sentence before it named. Read as typed: folded, "đó" is also "do" and "độ".
_GOES_ON = re.compile(r"^\W*(?:(?:\w+ ){1,4}(?:này|đó)\b|(?:đó là|trong đó|theo đó)\b)")


def _continued_by(best: Candidate, terms: tuple[str, ...]) -> str:
    """The next sentence of the chosen unit's paragraph when it goes on about what the unit
    names and says more of what is asked ("… hai khối kiến thức: …" then "Khối kiến thức này
    được tổ chức đào tạo trong 4 học kỳ đầu"), else ""."""
    if best.index + 1 >= len(best.units):
        return ""
    unit, following = best.unit, best.units[best.index + 1]
    line = next((ln for ln in best.hit.chunk.text.split("\n") if unit in ln), "")
    if following not in line or not _GOES_ON.match(following.lower()):
        return ""
    says_more = set(terms) & (terms_of(following) - terms_of(unit))
    return following if says_more else ""


def _followers(
    units: tuple[str, ...],
    used: int,
    terms: tuple[str, ...],
    idf: dict[str, float],
    question: q.Question,
    intro: str = "",
) -> list[str]:
    """What an introducing line announces: all of it when it fits, else the items that match
    the question best (in their order). Under a numbered heading ("1. Tài liệu sinh hoạt")
    whose parts ("1.1. …", "1.2. …") do not fit, the list asked for is its parts."""
    block: list[str] = []
    for follower in units:
        if _is_bare_heading(follower) and block:
            break
        block.append(follower)
    if used + sum(len(f) for f in block) <= MAX_ANSWER_CHARS:
        return [_clean(f) for f in block]
    number = _SECTION_NUMBER.match(intro)
    if number and q.LIST in question.kinds:
        part = re.compile(rf"^{re.escape(number[1])}\.\d{{1,2}}\.?\s")
        parts = [f for f in block if part.match(f)]
        if len(parts) >= 2:
            block = parts
            if used + sum(len(f) for f in block) <= MAX_ANSWER_CHARS:
                return [_clean(f) for f in block]
    # A list asked for is shown whole, each item to its opening words, when they fit.
    share = (MAX_ANSWER_CHARS - used) // max(len(block), 1)
    if q.LIST in question.kinds and len(block) >= 3 and share - 2 >= MIN_ITEM_CHARS:
        return [_clean(shorten(f, share, marker=" …")) for f in block]
    ranked = sorted(
        range(len(block)),
        key=lambda i: (
            -(
                coverage(terms, set(terms_of(block[i])), idf)
                + (0.3 if kinds_present(block[i], question) else 0.0)
            )
        ),
    )
    chosen: list[int] = []
    for i in ranked:
        if used + sum(len(block[j]) for j in chosen) + len(block[i]) > MAX_ANSWER_CHARS:
            continue
        chosen.append(i)
        if len(chosen) == 3:
            break
    return [_clean(_trim(block[i], terms, idf, question)) for i in sorted(chosen)] or [
        _trim(block[0], terms, idf, question)
    ]
