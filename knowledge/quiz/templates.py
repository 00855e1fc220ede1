"""The question templates run over each document, and the library-wide view they draw on.

Substance first (notions, lists, key statements, aims and tasks, clozes), then the
organisational facts (dates, numbers, issuing bodies) of the document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from knowledge.quiz import cloze, facts, substance
from knowledge.quiz import document_facts as org
from knowledge.quiz.candidates import Candidate, Pools
from knowledge.quiz.checks import norm
from knowledge.quiz.statements import Statement, statements
from knowledge.types import Chunk


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


def by_document(chunks: Sequence[Chunk]) -> dict[str, list[Chunk]]:
    """Chunks per document in reading order, documents with clean text first."""
    docs: dict[str, list[Chunk]] = defaultdict(list)
    for chunk in sorted(chunks, key=lambda c: (c.meta.text_quality != "ok", c.meta.document)):
        docs[chunk.meta.document].append(chunk)
    return {name: sorted(found, key=lambda c: c.position) for name, found in docs.items()}


def build_library(docs: dict[str, list[Chunk]]) -> tuple[Library, dict[str, list[Statement]]]:
    """The library-wide view, and the statements of each document."""
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


def substance_candidates(
    found: list[Statement], library: Library, topic: str
) -> Iterator[Candidate]:
    """Questions on what a document says: notions, lists, aims and tasks, clozes."""
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


def organisational_candidates(
    found: list[Chunk], library: Library, vocabulary: set[str]
) -> Iterator[Candidate]:
    """Questions on a document's own facts: its date, number, issuing body, references."""
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
