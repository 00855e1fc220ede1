"""Plain data types shared by the knowledge package and its callers."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.errors import KnowledgeError as KnowledgeError  # where callers have imported it
from knowledge.errors import Notice


@dataclass(frozen=True)
class DocumentMeta:
    """What a document says about itself (from its header), plus where it came from."""

    document: str  # file name as ingested; the document's identity in the library
    title: str
    number: str | None = None  # e.g. "172-KH/HU"
    date: str | None = None  # as written, normalised to d/m/yyyy, e.g. "24/4/2024"
    issuer: str | None = None  # e.g. "Huyện ủy Di Linh"
    text_quality: str = "ok"  # "ok" | "ocr_damaged" | "no_diacritics"
    # Facts read at ingest (knowledge/facts.py); empty when the document does not say.
    place: str | None = None  # "Di Linh"
    signer: str | None = None  # "K’ Broi"
    signer_title: str | None = None  # "T/M Ban Thường vụ, Phó Bí thư"
    recipients: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()  # documents it implements ("Hướng dẫn số 143-HD/BTGTW, …")
    deadlines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chunk:
    """One passage of a document, the unit that is embedded, indexed and cited."""

    chunk_id: str
    meta: DocumentMeta
    section: str | None  # outline path, e.g. "II > 1 > 1.2"
    heading: str  # the section headings joined, for context
    text: str  # the passage as shown to people (repaired when the source was OCR-damaged)
    position: int  # order within the document
    kind: str = "body"  # "body", or a fact passage: "header" | "recipients" | "signature" | …


@dataclass(frozen=True)
class SearchHit:
    """A chunk returned by retrieval with its fused score (higher is better)."""

    chunk: Chunk
    score: float
    dense_score: float = 0.0  # cosine similarity, 0 when the dense side did not return it
    lexical_score: float = 0.0  # BM25 over folded text, 0 when the lexical side did not


@dataclass(frozen=True)
class DocumentInfo:
    """One entry of the library listing."""

    meta: DocumentMeta
    sha256: str
    chunks: int


@dataclass(frozen=True)
class IngestReport:
    """What one file's ingestion did."""

    document: DocumentInfo
    status: str  # "added" | "replaced" | "unchanged"
    warnings: list[Notice] = field(default_factory=list)
