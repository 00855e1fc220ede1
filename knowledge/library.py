"""The document library: the one ingest path and the one search path every caller uses."""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from knowledge.documents import parse_document
from knowledge.embeddings import Embedder
from knowledge.errors import Code
from knowledge.limits import ParseLimits
from knowledge.loaders import SUPPORTED_SUFFIXES, load_text
from knowledge.ocr import OcrRepairer
from knowledge.quality import text_quality
from knowledge.retrieval import HybridRetriever, Snapshot, label_named
from knowledge.store import ChunkStore, StoredChunk
from knowledge.textnorm import clean_inline
from knowledge.types import Chunk, DocumentInfo, IngestReport, KnowledgeError, SearchHit
from knowledge.walk import Skipped, walk

_REFRESH_EVERY_S = 2.0  # how often to notice ingests made by another process

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Deferred:
    """An OCR-damaged document of a batch, loaded and waiting for the clean ones."""

    data: bytes
    name: str
    text: str


class Library:
    """Ingest, list, remove and search documents; thread-safe, refreshes after any change."""

    def __init__(
        self,
        store: ChunkStore,
        embedder: Embedder,
        max_bytes: int,
        fusion: str = "weighted",
        limits: ParseLimits | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.max_bytes = max_bytes
        self.limits = limits or ParseLimits()
        self.retriever = HybridRetriever(store, embedder, fusion)
        self._snapshot: Snapshot | None = None
        self._checked_at = 0.0
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()

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

    def document_facts(self, documents: list[str]) -> list[SearchHit]:
        """The fact passages (header, recipients, signature …) of these documents, unranked."""
        snapshot = self.snapshot()
        return [
            SearchHit(chunk=snapshot.chunks[index].chunk, score=0.0)
            for document in documents
            for index in snapshot.facts.get(document, [])
        ]

    def named_sections(self, documents: list[str], terms: frozenset[str]) -> list[SearchHit]:
        """The passages of these documents under a heading the question names ("Mục đích của
        kế hoạch …" → the section "1. Mục đích"), unranked: every word pair of the heading's
        label is one of the question's `terms`."""
        snapshot = self.snapshot()
        return [
            SearchHit(chunk=snapshot.chunks[index].chunk, score=0.0)
            for document in documents
            for label, index in snapshot.sections.get(document, [])
            if label_named(label, terms)
        ]

    def top_section(self, chunk: Chunk) -> list[Chunk]:
        """The body passages of `chunk`'s document under the same top heading ("IV > 1",
        "IV > 2" …), in order: a section whose items were cut into passages."""
        section = chunk.section or ""
        if " > " not in section:
            return []
        top = section.split(" > ")[0]
        snapshot = self.snapshot()
        found: list[Chunk] = []
        # A document's body passages hold positions 0, 1, … in order: its own, not the library's.
        position = 0
        while (index := snapshot.positions.get((chunk.meta.document, position))) is not None:
            passage = snapshot.chunks[index].chunk
            if (passage.section or "").split(" > ")[0] == top:
                found.append(passage)
            position += 1
        return found

    def continuation(self, chunk: Chunk, section: str | None = None) -> list[Chunk]:
        """The passages that go on with `chunk`'s section right after it (a long list cut
        where a passage was full), in order. Given a `section` that holds `chunk` ("II > 1"
        for "II > 1 > 1.1"), the passages of its parts too."""
        snapshot = self.snapshot()
        following: list[Chunk] = []
        position = chunk.position + 1
        while (index := snapshot.positions.get((chunk.meta.document, position))) is not None:
            passage = snapshot.chunks[index].chunk
            inside = section is not None and (passage.section or "").startswith(f"{section} > ")
            if passage.section != (section or chunk.section) and not inside:
                break
            following.append(passage)
            position += 1
        return following

    def chunks(self) -> list[Chunk]:
        return [stored.chunk for stored in self.snapshot().chunks]

    def documents(self) -> list[DocumentInfo]:
        return self.store.documents()

    def fingerprint(self) -> str:
        return self.snapshot().fingerprint

    @staticmethod
    def _fingerprint_of(documents: list[DocumentInfo]) -> str:
        # The place is the admin's to set (`ingest.py --place`) on a file whose bytes stay.
        joined = "|".join(f"{d.meta.document}={d.sha256}@{d.meta.place or ''}" for d in documents)
        return hashlib.sha256(joined.encode()).hexdigest()[:16]

    def _invalidate(self) -> None:
        with self._lock:
            self._snapshot = None

    # --- writing --------------------------------------------------------------------------------

    def ingest_path(self, path: Path, place: str | None = None) -> IngestReport:
        """Ingest one regular file; a FIFO or device is refused without blocking on it."""
        return self.ingest_bytes(_read_regular_file(path, self.max_bytes), path.name, place)

    def ingest_bytes(self, data: bytes, filename: str, place: str | None = None) -> IngestReport:
        """Add or replace one document. On any error nothing in the library changes. `place`
        is the document's place as the admin gives it, for a text that never names it."""
        report = self._ingest(data, filename, place=place)
        assert isinstance(report, IngestReport)
        return report

    def _ingest(
        self,
        data: bytes,
        filename: str,
        text: str | None = None,
        defer_damaged: bool = False,
        place: str | None = None,
    ) -> IngestReport | _Deferred:
        """`ingest_bytes`, from text already loaded when given; with `defer_damaged`, an
        OCR-damaged document is loaded but not stored, to be repaired once the clean documents
        of its batch are in (a scanned PDF sorts among the others by name)."""
        name = Path(filename).name
        sha = hashlib.sha256(data).hexdigest()
        with self._write_lock:
            current = {d.meta.document: d for d in self.store.documents()}
            existing = current.get(name)
            same_place = place is None or (existing is not None and existing.meta.place == place)
            if existing is not None and existing.sha256 == sha and same_place:
                return IngestReport(document=existing, status="unchanged")
            if text is None:
                text = load_text(data, name, self.max_bytes, self.limits)
            if defer_damaged and text_quality(clean_inline(text)) == "ocr_damaged":
                return _Deferred(data, filename, text)
            parsed = parse_document(text, name, sha, self._repairer().repair, place)
            if not parsed.chunks:
                raise KnowledgeError(Code.NO_CONTENT, name=name)
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
        on_skip: Callable[[Skipped], None] | None = None,
        place: str | None = None,
    ) -> list[IngestReport | KnowledgeError]:
        """Ingest files and folders, each on its own: a bad one is reported, the rest go on.

        Clean documents go first, so OCR repair can learn from them. Paths that cannot be
        ingested (missing, not a regular file) come back as errors; what was skipped inside
        folders (links leaving them, FIFOs...) goes to `on_skip` and the log.
        """
        found = walk(list(paths), SUPPORTED_SUFFIXES)
        for skipped in found.skipped:
            log.warning("skipped %s", skipped.reason)
            if on_skip is not None:
                on_skip(skipped)
        results: list[IngestReport | KnowledgeError] = []
        for path, error in found.refused:
            results.append(error)
            if on_result is not None:
                on_result(path, error)
        files = sorted(found.files, key=lambda p: (_looks_damaged(p), p.name))
        deferred: list[tuple[Path, _Deferred]] = []

        def record(path: Path, result: IngestReport | KnowledgeError) -> None:
            results.append(result)
            if on_result is not None:
                on_result(path, result)

        for index, path in enumerate(files):
            more = index < len(files) - 1  # clean documents may follow this one
            result = self._ingest_one(
                path, partial(self._ingest_file, defer_damaged=more, place=place)
            )
            if isinstance(result, _Deferred):
                deferred.append((path, result))
            else:
                record(path, result)
        for path, later in deferred:
            result = self._ingest_one(path, partial(self._ingest_loaded, later, place=place))
            assert not isinstance(result, _Deferred)
            record(path, result)
        return results

    def _ingest_loaded(
        self, loaded: _Deferred, path: Path, place: str | None = None
    ) -> IngestReport | _Deferred:
        return self._ingest(loaded.data, loaded.name, loaded.text, place=place)

    def _ingest_file(
        self, path: Path, defer_damaged: bool, place: str | None = None
    ) -> IngestReport | _Deferred:
        data = _read_regular_file(path, self.max_bytes)
        return self._ingest(data, path.name, defer_damaged=defer_damaged, place=place)

    def _ingest_one(
        self, path: Path, ingest: Callable[[Path], IngestReport | _Deferred]
    ) -> IngestReport | KnowledgeError | _Deferred:
        try:
            return ingest(path)
        except KnowledgeError as error:
            return error
        except Exception as error:  # one file's surprise must not stop the batch
            log.exception("ingesting %s failed", path)
            detail = type(error).__name__
            return KnowledgeError(Code.UNEXPECTED_ERROR, name=path.name, detail=detail)

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
    """Files as given, folders expanded to their supported regular files (see knowledge.walk).

    Raises the first refusal (a missing path, a FIFO given by name); skipped entries inside
    folders are only logged.
    """
    found = walk(list(paths), SUPPORTED_SUFFIXES)
    if found.refused:
        raise found.refused[0][1]
    for skipped in found.skipped:
        log.warning("skipped %s", skipped.reason)
    return found.files


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused when it is not a regular file or is over `max_bytes`."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise KnowledgeError(Code.NOT_FOUND, name=path) from None
    except OSError as error:  # ELOOP, EACCES...
        raise KnowledgeError(Code.UNREADABLE, name=path, detail=error.strerror) from None
    if stat.S_ISDIR(mode):
        raise KnowledgeError(Code.NOT_FOUND, name=path)
    if not stat.S_ISREG(mode):  # checked before open(): opening a FIFO blocks
        raise KnowledgeError(Code.NOT_REGULAR_FILE, name=path)
    try:
        # O_NONBLOCK: should the path have become a FIFO since the check, open() won't hang.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise KnowledgeError(Code.UNREADABLE, name=path, detail=error.strerror) from None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise KnowledgeError(Code.NOT_REGULAR_FILE, name=path)
        if status.st_size > max_bytes:  # don't read a huge file just to refuse it
            raise _too_large(path.name, status.st_size, max_bytes)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while we looked
        raise _too_large(path.name, len(data), max_bytes)
    return data


def _too_large(name: str, size: int, max_bytes: int) -> KnowledgeError:
    return KnowledgeError(
        Code.FILE_TOO_LARGE, name=name, size_mb=size / 2**20, limit_mb=max_bytes / 2**20
    )


def _looks_damaged(path: Path) -> bool:
    try:
        status = os.stat(path)
    except OSError:
        return False
    if path.suffix.lower() not in (".txt", ".md") or not stat.S_ISREG(status.st_mode):
        return False
    if status.st_size > 5 * 2**20:
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return text_quality(data.decode("utf-8", errors="ignore")) != "ok"
