"""Chroma storage of chunks and of the document registry that makes replacements atomic.

A document's chunks carry the sha256 of the file they came from. The registry collection
holds one record per document naming its live sha. Ingestion adds the new chunks, then flips
the registry record (one upsert), then deletes the old chunks; readers only trust chunks whose
sha the registry names. A crash at any step leaves either the old or the new version live,
never half of one; stray chunks are collected later.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from knowledge.embeddings import Embedder, Vectors
from knowledge.errors import Code, KnowledgeError
from knowledge.types import Chunk, DocumentInfo, DocumentMeta

_BATCH = 500
_STRAY_AGE_S = 600.0  # chunks of an ingest still running elsewhere must not be collected


class ChromaEmbeddingAdapter:
    """Our embedder as Chroma's embedding function, so Chroma never falls back to its default."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __call__(self, input: list[str]) -> list[Any]:
        return list(self._embedder.embed_passages(list(input)))

    def embed_query(self, input: list[str]) -> list[Any]:
        return [self._embedder.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "chibo-embedder"

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self._embedder.name, "dim": self._embedder.dim}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingAdapter:
        raise KnowledgeError(Code.MODEL_NOT_CONFIGURED)

    def is_legacy(self) -> bool:
        # Not persisted as a Chroma config: we always pass the embedder ourselves, and our own
        # collection metadata (embedder name, dim) is what guards against mixing models.
        return True

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]


class _Unit:
    """Registry records need a vector; a constant one (no model involved)."""

    def __call__(self, input: list[str]) -> list[Any]:
        return [np.ones(1, dtype=np.float32) for _ in input]

    @staticmethod
    def name() -> str:
        return "chibo-registry"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> _Unit:
        return _Unit()

    def is_legacy(self) -> bool:
        return False


@dataclass(frozen=True)
class StoredChunk:
    chunk: Chunk
    sha: str
    index_text: str
    vector: Vectors | None = None


def _meta_out(meta: DocumentMeta) -> dict[str, Any]:
    return {
        "document": meta.document,
        "title": meta.title,
        "number": meta.number or "",
        "date": meta.date or "",
        "issuer": meta.issuer or "",
        "text_quality": meta.text_quality,
        "place": meta.place or "",
        "signer": meta.signer or "",
        "signer_title": meta.signer_title or "",
        "recipients": "\n".join(meta.recipients),
        "basis": "\n".join(meta.basis),
        "deadlines": "\n".join(meta.deadlines),
    }


def _lines(value: object) -> tuple[str, ...]:
    return tuple(line for line in str(value or "").split("\n") if line)


def _meta_in(record: dict[str, Any]) -> DocumentMeta:
    return DocumentMeta(
        document=str(record["document"]),
        title=str(record["title"]),
        number=str(record["number"]) or None,
        date=str(record["date"]) or None,
        issuer=str(record["issuer"]) or None,
        text_quality=str(record.get("text_quality", "ok")),
        place=str(record.get("place") or "") or None,
        signer=str(record.get("signer") or "") or None,
        signer_title=str(record.get("signer_title") or "") or None,
        recipients=_lines(record.get("recipients")),
        basis=_lines(record.get("basis")),
        deadlines=_lines(record.get("deadlines")),
    )


class ChunkStore:
    """Chunks with vectors plus the document registry, in one Chroma database."""

    def __init__(self, client: Any, collection: str, embedder: Embedder) -> None:
        self._embedder = embedder
        self._chunks = client.get_or_create_collection(
            name=collection,
            embedding_function=ChromaEmbeddingAdapter(embedder),
            metadata={"hnsw:space": "cosine", "embedder": embedder.name, "dim": embedder.dim},
        )
        stored = (self._chunks.metadata or {}).get("embedder")
        if (
            stored != embedder.name
            or int((self._chunks.metadata or {}).get("dim", 0)) != embedder.dim
        ):
            raise KnowledgeError(
                Code.EMBEDDER_MISMATCH, collection=collection, stored=stored, wanted=embedder.name
            )
        self._registry = client.get_or_create_collection(
            name=f"{collection}__documents", embedding_function=_Unit()
        )

    # --- registry -------------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        records = self._registry.get(include=["metadatas"])
        infos = [
            DocumentInfo(meta=_meta_in(m), sha256=str(m["sha256"]), chunks=int(m["chunks"]))
            for m in records["metadatas"] or []
        ]
        return sorted(infos, key=lambda info: info.meta.document)

    def live_shas(self) -> dict[str, str]:
        return {info.meta.document: info.sha256 for info in self.documents()}

    # --- writes ---------------------------------------------------------------------------------

    def replace_document(
        self, meta: DocumentMeta, sha: str, chunks: list[StoredChunk], vectors: Vectors
    ) -> None:
        """Add the new version, make it live with one registry upsert, then drop the old one."""
        now = time.time()
        for start in range(0, len(chunks), _BATCH):
            batch = chunks[start : start + _BATCH]
            self._chunks.upsert(
                ids=[c.chunk.chunk_id for c in batch],
                embeddings=[vectors[start + i] for i in range(len(batch))],
                documents=[c.chunk.text for c in batch],
                metadatas=[
                    {
                        **_meta_out(c.chunk.meta),
                        "sha256": sha,
                        "section": c.chunk.section or "",
                        "heading": c.chunk.heading,
                        "position": c.chunk.position,
                        "kind": c.chunk.kind,
                        "index_text": c.index_text,
                        "stored_at": now,
                    }
                    for c in batch
                ],
            )
        self._registry.upsert(
            ids=[meta.document],
            documents=[meta.title],
            metadatas=[{**_meta_out(meta), "sha256": sha, "chunks": len(chunks), "stored_at": now}],
        )
        self._chunks.delete(where={"$and": [{"document": meta.document}, {"sha256": {"$ne": sha}}]})

    def remove_document(self, document: str) -> bool:
        if not self._registry.get(ids=[document])["ids"]:
            return False
        self._registry.delete(ids=[document])  # invisible from here on
        self._chunks.delete(where={"document": document})
        return True

    def collect_strays(self) -> int:
        """Delete chunks no registry record names (left by an interrupted ingest)."""
        live = self.live_shas()
        records = self._chunks.get(include=["metadatas"])
        cutoff = time.time() - _STRAY_AGE_S
        stray = [
            chunk_id
            for chunk_id, m in zip(records["ids"], records["metadatas"] or [], strict=True)
            if live.get(str(m["document"])) != m["sha256"] and float(m["stored_at"]) < cutoff
        ]
        for start in range(0, len(stray), _BATCH):
            self._chunks.delete(ids=stray[start : start + _BATCH])
        return len(stray)

    # --- reads ----------------------------------------------------------------------------------

    def live_chunks(self) -> list[StoredChunk]:
        live = self.live_shas()
        records = self._chunks.get(include=["documents", "metadatas", "embeddings"])
        vectors = records["embeddings"]
        if vectors is None:
            vectors = [None] * len(records["ids"])
        out: list[StoredChunk] = []
        for chunk_id, text, m, vector in zip(
            records["ids"],
            records["documents"] or [],
            records["metadatas"] or [],
            vectors,
            strict=True,
        ):
            if live.get(str(m["document"])) != m["sha256"]:
                continue
            chunk = Chunk(
                chunk_id=chunk_id,
                meta=_meta_in(m),
                section=str(m["section"]) or None,
                heading=str(m["heading"]),
                text=str(text),
                position=int(m["position"]),
                kind=str(m.get("kind") or "body"),
            )
            out.append(
                StoredChunk(
                    chunk=chunk,
                    sha=str(m["sha256"]),
                    index_text=str(m["index_text"]),
                    vector=None if vector is None else np.asarray(vector, dtype=np.float32),
                )
            )
        out.sort(key=lambda s: (s.chunk.meta.document, s.chunk.position))
        return out

    def nearest(self, vector: Vectors, k: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks, stray ones included."""
        count = self._chunks.count()
        if count == 0:
            return []
        result = self._chunks.query(
            query_embeddings=[vector], n_results=min(k, count), include=["distances"]
        )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]
