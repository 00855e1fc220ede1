"""Hybrid retrieval: dense (Chroma, e5) + BM25 over folded text, fused by RRF or weights."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from knowledge.embeddings import Embedder
from knowledge.lexical import Acronyms, LexicalIndex, Spelling
from knowledge.named import document_places
from knowledge.query_encoding import QueryEncoder
from knowledge.restore import DiacriticRestorer
from knowledge.store import ChunkStore, StoredChunk
from knowledge.textnorm import OUTLINE_MARKER, canonical_doc_numbers, fold, nfc
from knowledge.types import SearchHit

RRF_K = 60
CANDIDATES = 30


@dataclass
class Snapshot:
    """The live chunks and the in-memory indexes built over them."""

    chunks: list[StoredChunk]
    by_id: dict[str, int]
    lexical: LexicalIndex
    restorer: DiacriticRestorer
    fingerprint: str
    vectors: np.ndarray  # (n, dim): exact cosines for every fused candidate
    spelling: Spelling  # typo correction against the library's words
    acronyms: Acronyms  # "GPMB" → the library's "giai phong mat bang"
    facts: dict[str, list[int]]  # document → indexes of its fact passages (knowledge/facts.py)
    # document → (label, index) of passages under a short heading ("1. Mục đích" → "muc dich")
    sections: dict[str, list[tuple[str, int]]]
    numbers: frozenset[str]  # the documents' own numbers, folded ("172-kh/hu")
    places: frozenset[str]  # the documents' places, folded ("lam dong", "di linh")
    # (document, position) → index of each body passage: a passage's neighbours in O(1)
    positions: dict[tuple[str, int], int]

    @classmethod
    def build(cls, chunks: list[StoredChunk], fingerprint: str) -> Snapshot:
        lexical = LexicalIndex([c.index_text for c in chunks])
        return cls(
            chunks=chunks,
            by_id={c.chunk.chunk_id: i for i, c in enumerate(chunks)},
            lexical=lexical,
            spelling=Spelling(lexical),
            acronyms=Acronyms(lexical),
            facts=_facts_by_document(chunks),
            sections=_sections_by_document(chunks),
            numbers=frozenset(fold(c.chunk.meta.number) for c in chunks if c.chunk.meta.number),
            places=frozenset(
                place
                for meta in {c.chunk.meta.document: c.chunk.meta for c in chunks}.values()
                for place in document_places(meta.place, meta.issuer)
            ),
            positions={
                (c.chunk.meta.document, c.chunk.position): i
                for i, c in enumerate(chunks)
                if c.chunk.kind == "body"
            },
            restorer=DiacriticRestorer([c.chunk.text for c in chunks]),
            fingerprint=fingerprint,
            vectors=np.stack([c.vector for c in chunks if c.vector is not None])
            if chunks and all(c.vector is not None for c in chunks)
            else np.zeros((len(chunks), 0), dtype=np.float32),
        )

    def spelled_out(self, letters: str, typed: bool, last: str | None = None) -> str | None:
        """The library's phrase an abbreviation stands for, with diacritics when `typed`."""
        phrase = self.acronyms.phrase(letters, last)
        return self.restorer.restore(phrase) if phrase and typed else phrase


def _facts_by_document(chunks: list[StoredChunk]) -> dict[str, list[int]]:
    facts: dict[str, list[int]] = {}
    for index, stored in enumerate(chunks):
        if stored.chunk.kind != "body":
            facts.setdefault(stored.chunk.meta.document, []).append(index)
    return facts


_LABEL_SPLIT = re.compile(r",|;|\bva\b")
MAX_LABEL_WORDS = 4


@lru_cache(maxsize=4096)  # read for every passage answer selection scores
def section_labels(heading: str) -> tuple[str, ...]:
    """What a passage's own heading names, folded: "I. MỤC ĐÍCH, YÊU CẦU" → ("muc dich", "yeu
    cau"); "c) Thời gian: 01 buổi, …" → ("thoi gian",). Long headings name no section."""
    last = heading.split(" > ")[-1] if heading else ""
    label = fold(OUTLINE_MARKER.sub("", last).split(":")[0])
    parts = (" ".join(re.findall(r"[a-z0-9]+", p)) for p in _LABEL_SPLIT.split(label))
    labels = tuple(p for p in parts if 2 <= len(p.split()) <= MAX_LABEL_WORDS)
    return labels if len(label.split()) <= 2 * MAX_LABEL_WORDS else ()


def label_named(label: str, terms: frozenset[str] | tuple[str, ...]) -> bool:
    """Does a question name this section label? Its first word pair is one of its `terms`
    ("muc dich" → "muc_dich") and every other word of it is a question word, in any order
    ("những tài liệu gì … sinh hoạt" names "Tài liệu sinh hoạt")."""
    words = label.split()
    return "_".join(words[:2]) in terms and all(word in terms for word in words[2:])


def _sections_by_document(chunks: list[StoredChunk]) -> dict[str, list[tuple[str, int]]]:
    sections: dict[str, list[tuple[str, int]]] = {}
    for index, stored in enumerate(chunks):
        if stored.chunk.kind == "body":
            for label in section_labels(stored.chunk.heading):
                sections.setdefault(stored.chunk.meta.document, []).append((label, index))
    return sections


class HybridRetriever:
    """Ranks live chunks for a query; the dense side sees the query with diacritics restored."""

    def __init__(self, store: ChunkStore, embedder: Embedder, fusion: str = "weighted") -> None:
        self._store = store
        self.queries = QueryEncoder(embedder)
        self.fusion = fusion

    def prepare_query(self, snapshot: Snapshot, query: str) -> str:
        query = canonical_doc_numbers(nfc(query).strip())
        if fold(query) == query.lower():  # typed without any diacritics
            return snapshot.restorer.restore(query)
        return query

    def search(self, snapshot: Snapshot, query: str, k: int = 5) -> list[SearchHit]:
        if not snapshot.chunks:
            return []
        dense_query = self.prepare_query(snapshot, query)
        vector = self.queries.encode(dense_query)
        bm25 = snapshot.lexical.scores(query)
        top = np.argsort(-bm25)[:CANDIDATES]
        lexical = [(int(i), float(bm25[i])) for i in top if bm25[i] > 0]
        if snapshot.vectors.shape[1] == vector.shape[0]:
            # Every live vector is in memory: exact cosines, no round trip to the vector store.
            cosines = snapshot.vectors @ vector
            nearest = np.argsort(-cosines)[:CANDIDATES]
            dense = [(int(i), float(cosines[i])) for i in nearest]
        else:  # vectors not kept (should not happen): the vector store ranks
            dense = [
                (snapshot.by_id[chunk_id], score)
                for chunk_id, score in self._store.nearest(vector, CANDIDATES * 2)
                if chunk_id in snapshot.by_id
            ][:CANDIDATES]
            cosines = np.zeros(len(snapshot.chunks), dtype=np.float32)
            for index, score in dense:
                cosines[index] = score
        return self._fuse(snapshot, dense, lexical, bm25, cosines, k)

    def _fuse(
        self,
        snapshot: Snapshot,
        dense: list[tuple[int, float]],
        lexical: list[tuple[int, float]],
        bm25: np.ndarray,
        cosines: np.ndarray,
        k: int,
    ) -> list[SearchHit]:
        lexical_scores = dict(lexical)
        fused: dict[int, float] = {}
        if self.fusion == "rrf":
            for rank, (index, _score) in enumerate(dense):
                fused[index] = fused.get(index, 0.0) + 1.0 / (RRF_K + rank + 1)
            for rank, (index, _score) in enumerate(lexical):
                fused[index] = fused.get(index, 0.0) + 1.0 / (RRF_K + rank + 1)
        else:
            # weighted: both sides min-max scaled over the candidates (e5 cosines crowd into
            # 0.8-0.9, so raw cosines would barely separate them), then averaged.
            candidates = sorted({index for index, _ in dense} | set(lexical_scores))
            cos = cosines[candidates]
            lex = bm25[candidates]
            cos_span = float(cos.max() - cos.min()) or 1.0
            lex_max = float(lex.max()) or 1.0
            for index, c, b in zip(candidates, cos, lex, strict=True):
                fused[index] = (
                    0.5 * (float(c) - float(cos.min())) / cos_span + 0.5 * float(b) / lex_max
                )
        ranked = sorted(fused.items(), key=lambda item: -item[1])[:k]
        return [
            SearchHit(
                chunk=snapshot.chunks[index].chunk,
                score=score,
                dense_score=float(cosines[index]),
                lexical_score=float(bm25[index]),
            )
            for index, score in ranked
        ]
