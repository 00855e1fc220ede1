"""The question bank: every question is checked against its passage before it is kept.

Substance first (notions, lists, key statements, aims and tasks); organisational facts (dates,
numbers, issuing bodies) are capped at `MAX_ORGANISATIONAL_SHARE` of the bank. The templates
are run in `templates.py`, each candidate is finished in `distractors.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from knowledge.quiz import topics
from knowledge.quiz.candidates import Candidate
from knowledge.quiz.checks import norm
from knowledge.quiz.distractors import finish
from knowledge.quiz.templates import (
    Proposer,
    build_library,
    by_document,
    organisational_candidates,
    substance_candidates,
)
from knowledge.quiz.types import QuizItem
from knowledge.textnorm import fold
from knowledge.types import Chunk

MAX_ORGANISATIONAL_SHARE = 0.2


@dataclass
class GenerationResult:
    """The questions kept, and why the others were dropped (counted per generator and reason)."""

    items: list[QuizItem] = field(default_factory=list)
    rejected: Counter[str] = field(default_factory=Counter)


def generate_bank(
    chunks: Sequence[Chunk],
    proposer: Proposer | None = None,
    organisational_share: float = MAX_ORGANISATIONAL_SHARE,
) -> GenerationResult:
    """All questions the library supports, each verified against its source passage; at most
    `organisational_share` of them about dates, numbers and issuing bodies."""
    docs = by_document(chunks)
    library, per_doc = build_library(docs)
    vocabulary = {w for st in library.statements for w in re.findall(r"\w+", fold(st.text))}
    result, seen = GenerationResult(), set()
    for name, found in docs.items():
        topic = topics.topic_of(found[0].meta)
        generators: list[Iterable[Candidate]] = [
            substance_candidates(per_doc[name], library, topic),
            organisational_candidates(found, library, vocabulary),
        ]
        if proposer is not None and per_doc[name]:
            generators.append(proposer(per_doc[name], library))
        for candidate in (c for gen in generators for c in gen):
            if candidate.key in seen:
                continue
            outcome = finish(candidate)
            if isinstance(outcome, QuizItem):
                seen.add(candidate.key)
                result.items.append(outcome)
            else:
                result.rejected[f"{candidate.generator}: {outcome[0]}"] += 1
    result.items, dropped = _cap_organisational(_distinct(result.items), organisational_share)
    if dropped:
        result.rejected["document_facts: vượt 20% câu hỏi về văn bản"] += dropped
    return result


def _cap_organisational(items: list[QuizItem], share: float) -> tuple[list[QuizItem], int]:
    """At most `share` of the bank; one per document first, then the rest."""
    substance_items = [i for i in items if not topics.is_organisational(i.generator)]
    others = [i for i in items if topics.is_organisational(i.generator)]
    if share >= 1:
        return items, 0
    room = int(len(substance_items) * share / (1 - share))
    firsts: dict[str, QuizItem] = {}
    for item in others:
        firsts.setdefault(item.document, item)
    ordered = list(firsts.values()) + [i for i in others if i not in firsts.values()]
    kept = set(map(id, ordered[:room]))
    return [i for i in items if not topics.is_organisational(i.generator) or id(i) in kept], len(
        others
    ) - min(room, len(others))


def _distinct(items: list[QuizItem]) -> list[QuizItem]:
    """One question per wording and per (question, key): the same fact stated in two plans."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in items:
        wording = re.sub(r"^theo .*?, ", "", norm(item.text))
        if (wording, norm(item.answer)) in seen:
            continue
        seen.add((wording, norm(item.answer)))
        kept.append(item)
    return kept
