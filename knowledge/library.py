"""The document library: the one ingest path and the one search path every caller uses."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.texts import knowledge as msg
from knowledge.documents import parse_document
from knowledge.embeddings import Embedder, make_embedder
from knowledge.loaders import SUPPORTED_SUFFIXES, load_text
from knowledge.ocr import OcrRepairer
from knowledge.retrieval import HybridRetriever, Snapshot
from knowledge.store import ChunkStore, StoredChunk, make_client
from knowledge.types import Chunk, DocumentInfo, IngestReport, KnowledgeError, SearchHit

if TYPE_CHECKING:
    from bot.settings import Settings

_REFRESH_EVERY_S = 2.0  # how often to notice ingests made by another process


class Library:
    """Ingest, list, remove and search documents; thread-safe, refreshes after any change."""

    def __init__(
        self, store: ChunkStore, embedder: Embedder, max_bytes: int, fusion: str = "weighted"
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.max_bytes = max_bytes
        self.retriever = HybridRetriever(store, embedder, fusion)
        self._snapshot: Snapshot | None = None
        self._checked_at = 0.0
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> Library:
        embedder = make_embedder(settings.embedder, settings.embedding_model)
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        client = make_client(settings.chroma_host, settings.chroma_port, str(settings.chroma_dir))
        store = ChunkStore(client, settings.collection, embedder)
        return cls(store, embedder, settings.max_upload_bytes, settings.fusion)

    # --- reading --------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        with self._lock:
            now = time.monotonic()
            if self._snapshot is None or now - self._checked_at > _REFRESH_EVERY_S:
                fingerprint = self._fingerprint_of(self.store.documents())
                if self._snapshot is None or fingerprint != self._snapshot.fingerprint:
                    self._snapshot = Snapshot.build(self.store.live_chunks(), fingerprint)
                self._checked_at = now
            return self._snapshot

    def search(self, query: str, k: int = 5) -> list[SearchHit]:
        return self.retriever.search(self.snapshot(), query, k)

    def restore_diacritics(self, query: str) -> str:
        return self.retriever.prepare_query(self.snapshot(), query)

    def chunks(self) -> list[Chunk]:
        return [stored.chunk for stored in self.snapshot().chunks]

    def documents(self) -> list[DocumentInfo]:
        return self.store.documents()

    def fingerprint(self) -> str:
        return self.snapshot().fingerprint

    @staticmethod
    def _fingerprint_of(documents: list[DocumentInfo]) -> str:
        joined = "|".join(f"{d.meta.document}={d.sha256}" for d in documents)
        return hashlib.sha256(joined.encode()).hexdigest()[:16]

    def _invalidate(self) -> None:
        with self._lock:
            self._snapshot = None

    # --- writing --------------------------------------------------------------------------------

    def ingest_path(self, path: Path) -> IngestReport:
        if not path.is_file():
            raise KnowledgeError(msg.NOT_FOUND.format(name=path))
        if path.stat().st_size > self.max_bytes:  # don't read a huge file just to refuse it
            raise KnowledgeError(
                msg.TOO_LARGE.format(
                    name=path.name,
                    size_mb=path.stat().st_size / 2**20,
                    limit_mb=self.max_bytes / 2**20,
                )
            )
        return self.ingest_bytes(path.read_bytes(), path.name)

    def ingest_bytes(self, data: bytes, filename: str) -> IngestReport:
        """Add or replace one document. On any error nothing in the library changes."""
        name = Path(filename).name
        sha = hashlib.sha256(data).hexdigest()
        with self._write_lock:
            current = {d.meta.document: d for d in self.store.documents()}
            existing = current.get(name)
            if existing is not None and existing.sha256 == sha:
                return IngestReport(document=existing, status="unchanged")
            text = load_text(data, name, self.max_bytes)
            parsed = parse_document(text, name, sha, repair=self._repairer().repair)
            if not parsed.chunks:
                raise KnowledgeError(msg.NO_CONTENT.format(name=name))
            vectors = self.embedder.embed_passages(parsed.index_texts)
            stored = [
                StoredChunk(chunk=c, sha=sha, index_text=t)
                for c, t in zip(parsed.chunks, parsed.index_texts, strict=True)
            ]
            self.store.replace_document(parsed.meta, sha, stored, vectors)
            self._invalidate()
        info = DocumentInfo(meta=parsed.meta, sha256=sha, chunks=len(parsed.chunks))
        status = "replaced" if existing is not None else "added"
        return IngestReport(document=info, status=status, warnings=parsed.warnings)

    def _repairer(self) -> OcrRepairer:
        """OCR repair learns the language from the clean documents already in the library."""
        clean = [c.chunk.text for c in self.snapshot().chunks if c.chunk.meta.text_quality == "ok"]
        return OcrRepairer(clean)

    def ingest_many(
        self,
        paths: Iterable[Path],
        on_result: Callable[[Path, IngestReport | KnowledgeError], None] | None = None,
    ) -> list[IngestReport | KnowledgeError]:
        """Ingest files and folders; clean documents first, so OCR repair can learn from them."""
        files = sorted(expand_paths(paths), key=lambda p: (_looks_damaged(p), p.name))
        results: list[IngestReport | KnowledgeError] = []
        for path in files:
            try:
                result: IngestReport | KnowledgeError = self.ingest_path(path)
            except KnowledgeError as error:
                result = error
            results.append(result)
            if on_result is not None:
                on_result(path, result)
        return results

    def seed_if_empty(self, corpus_dir: Path) -> list[IngestReport | KnowledgeError]:
        """A fresh install answers from the bundled corpus; an admin's library is left alone."""
        if self.store.documents() or not corpus_dir.is_dir():
            return []
        return self.ingest_many([corpus_dir])

    def remove(self, document: str) -> bool:
        with self._write_lock:
            removed = self.store.remove_document(Path(document).name)
            self._invalidate()
        return removed

    def collect_strays(self) -> int:
        with self._write_lock:
            return self.store.collect_strays()


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders expanded to their supported files (sorted); missing paths raise."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        elif path.exists():
            files.append(path)
        else:
            raise KnowledgeError(msg.NOT_FOUND.format(name=path))
    return files


def _looks_damaged(path: Path) -> bool:
    from knowledge.quality import text_quality

    if path.suffix.lower() not in (".txt", ".md") or path.stat().st_size > 5 * 2**20:
        return False
    return text_quality(path.read_bytes().decode("utf-8", errors="ignore")) != "ok"
