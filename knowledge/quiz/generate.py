"""The question bank: every question is checked against its passage before it is kept.

Substance first (notions, lists, key statements, aims and tasks); organisational facts (dates,
numbers, issuing bodies) are capped at `MAX_ORGANISATIONAL_SHARE` of the bank.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from knowledge.quiz import cloze, facts, substance, topics
from knowledge.quiz import document_facts as org
from knowledge.quiz.candidates import Candidate, Pools
from knowledge.quiz.checks import norm, problems, supports
from knowledge.quiz.statements import Statement, statements
from knowledge.quiz.types import MAX_OPTION_CHARS, QuizItem
from knowledge.textnorm import fold
from knowledge.types import Chunk

DISTRACTORS = 3
MAX_ORGANISATIONAL_SHARE = 0.2
topic_of = topics.topic_of  # kept for callers of the old module


@dataclass
class GenerationResult:
    """The questions kept, and why the others were dropped (counted per generator and reason)."""

    items: list[QuizItem] = field(default_factory=list)
    rejected: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Library:
    """What the generators know about the whole library: for distractors and truth checks."""

    statements: list[Statement]
    notions: list[substance.Notion]
    listings: list[substance.Listing]
    phrases: tuple[str, ...]
    pairs: tuple[str, ...]  # "A, B" coordinations, for pair clozes
    rarity: cloze.Rarity
    text: str  # every statement, normalised, for "does the library write this here?"
    pools: Pools
    ok_numbers: set[str]


# An optional extra generator (e.g. a language model) proposing candidates for a document.
Proposer = Callable[[Sequence[Statement], Library], Iterable[Candidate]]


def _by_document(chunks: Sequence[Chunk]) -> dict[str, list[Chunk]]:
    docs: dict[str, list[Chunk]] = defaultdict(list)
    for chunk in sorted(chunks, key=lambda c: (c.meta.text_quality != "ok", c.meta.document)):
        docs[chunk.meta.document].append(chunk)
    return {name: sorted(found, key=lambda c: c.position) for name, found in docs.items()}


def _library(docs: dict[str, list[Chunk]]) -> tuple[Library, dict[str, list[Statement]]]:
    usable = [c for found in docs.values() for c in found if facts.usable(c)]
    metas = [found[0].meta for found in docs.values()]
    per_doc = {
        name: statements([c for c in found if facts.usable(c)]) for name, found in docs.items()
    }
    every = [st for found in per_doc.values() for st in found]
    pools, refs = org.build_pools(usable, metas)
    library = Library(
        statements=every,
        notions=substance.notions(every),
        listings=substance.listings(every),
        phrases=cloze.bounded_phrases([st.text for st in every]),
        pairs=cloze.paired_phrases([st.text for st in every]),
        rarity=cloze.Rarity(every),
        text=" | ".join(norm(st.text) for st in every),
        pools=pools,
        ok_numbers=org.consistent(refs),
    )
    return library, per_doc


def _substance(found: list[Statement], library: Library, topic: str) -> Iterator[Candidate]:
    mine = {id(st) for st in found}
    yield from substance.notion_candidates(
        [n for n in library.notions if id(n.statement) in mine], library.notions, topic
    )
    yield from substance.list_candidates(
        [x for x in library.listings if id(x.statement) in mine],
        library.listings,
        library.phrases,
        [n.predicate for n in library.notions],
        topic,
    )
    yield from substance.aim_candidates(found, library.statements, topic)
    yield from cloze.cloze_candidates(
        found, library.phrases, library.rarity, library.text, topic, library.pairs
    )


def _organisational(
    found: list[Chunk], library: Library, vocabulary: set[str]
) -> Iterator[Candidate]:
    meta = found[0].meta
    if meta.text_quality == "ok" or org.clean_words(
        f"{meta.issuer or ''} {meta.number}", vocabulary
    ):
        yield from org.metadata_candidates(meta, library.pools)
    first = next((c for c in found if facts.usable(c)), None)
    for chunk in (c for c in found if facts.usable(c)):
        yield from org.reference_candidates(
            chunk, library.pools, library.ok_numbers, chunk is first
        )
    for chunk in (c for c in found if facts.usable(c)):
        yield from org.span_candidates(chunk, library.pools)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", norm(text)))


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def measure_difficulty(
    correct: str, distractors: Sequence[str], passage: str, list_size: int
) -> str:
    """From measurable features: how alike the options are, how long the passage, the list size."""
    alike = sum(_similarity(correct, d) for d in distractors) / max(len(distractors), 1)
    score = 0.5 * alike + 0.3 * min(len(passage) / 1200, 1.0) + 0.2 * min(list_size / 6, 1.0)
    return "easy" if score < 0.2 else "medium" if score < 0.35 else "hard"


def _acceptable(candidate: Candidate, option: str, taken: list[str]) -> bool:
    n = norm(option)
    if not n or len(option) > MAX_OPTION_CHARS or any(n in t or t in n for t in taken):
        return False
    if candidate.negative:
        return supports(candidate.origin.passage, option)  # the options the passage does state
    if supports(candidate.origin.passage, option):
        return False
    return not any(
        substance.overlap(option, truth) >= 0.8 or n in norm(truth) for truth in candidate.truths
    )


def finish(candidate: Candidate) -> QuizItem | list[str]:
    """Choose distractors (false by the passage and the library), shuffle, check everything."""
    rng = random.Random(hashlib.sha256(candidate.key.encode()).hexdigest())
    chosen: list[str] = []
    taken = [norm(candidate.correct)]
    pool = list(dict.fromkeys(candidate.pool))
    rng.shuffle(pool)
    for option in sorted(pool, key=lambda o: candidate.pool.index(o) > 4):
        if _acceptable(candidate, option, taken):
            chosen.append(option)
            taken.append(norm(option))
            if len(chosen) == DISTRACTORS:
                break
    if len(chosen) < 2:
        return ["không đủ phương án nhiễu cùng loại"]
    options = [candidate.correct, *chosen]
    rng.shuffle(options)
    correct = options.index(candidate.correct)
    found = problems(
        candidate.text, options, correct, candidate.explanation, candidate.origin.passage
    )
    if found:
        return found
    difficulty = measure_difficulty(
        candidate.correct, chosen, candidate.origin.passage, candidate.list_size
    )
    return QuizItem(
        candidate.text,
        tuple(options),
        correct,
        candidate.explanation,
        candidate.origin.meta.document,
        candidate.origin.section,
        candidate.origin.passage,
        candidate.origin.topic,
        difficulty,
        candidate.generator,
    )


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


def generate_bank(
    chunks: Sequence[Chunk],
    proposer: Proposer | None = None,
    organisational_share: float = MAX_ORGANISATIONAL_SHARE,
) -> GenerationResult:
    """All questions the library supports, each verified against its source passage; at most
    `organisational_share` of them about dates, numbers and issuing bodies."""
    docs = _by_document(chunks)
    library, per_doc = _library(docs)
    vocabulary = {w for st in library.statements for w in re.findall(r"\w+", fold(st.text))}
    result, seen = GenerationResult(), set()
    for name, found in docs.items():
        topic = topics.topic_of(found[0].meta)
        generators: list[Iterable[Candidate]] = [
            _substance(per_doc[name], library, topic),
            _organisational(found, library, vocabulary),
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
