"""Chunks of the bundled corpus built with the knowledge package's own header and line repair.

Used by the generator's unit tests so they run without the embedding index; the bench and
the end-to-end tests use the real `Library.chunks()`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.settings import PROJECT_ROOT
from knowledge.metadata import read_header
from knowledge.textnorm import (
    OUTLINE_MARKER,
    clean_inline,
    cut_distribution_list,
    has_diacritics,
    is_furniture,
    join_broken_lines,
)
from knowledge.types import Chunk, DocumentMeta

CORPUS = PROJECT_ROOT / "knowledge" / "corpus"


def _quality(paragraphs: list[str]) -> str:
    words = " ".join(paragraphs).split()
    marked = sum(has_diacritics(w) for w in words)
    return "ok" if marked / max(len(words), 1) > 0.3 else "ocr_damaged"


def document_chunks(path: Path, limit: int = 900) -> list[Chunk]:
    lines = clean_inline(path.read_text(encoding="utf-8")).splitlines()
    header = read_header(lines)
    body = [
        line for line in cut_distribution_list(lines[header.body_start :]) if not is_furniture(line)
    ]
    paragraphs = join_broken_lines(body)
    meta = DocumentMeta(
        document=path.name,
        title=header.title,
        number=header.number,
        date=header.date,
        issuer=header.issuer,
        text_quality=_quality(paragraphs),
    )
    chunks: list[Chunk] = []
    section, current = None, []
    for paragraph in [*paragraphs, ""]:
        marker = OUTLINE_MARKER.match(paragraph)
        is_heading = marker is not None and not paragraph.startswith(("-", "+", "•"))
        if current and (not paragraph or len(" ".join(current)) > limit or is_heading):
            chunks.append(
                Chunk(
                    f"{path.name}#{len(chunks)}",
                    meta,
                    section,
                    section or "",
                    "\n".join(current),
                    len(chunks),
                )
            )
            current = []
        if is_heading and marker is not None:
            section = marker.group(0).strip(" .-–)")
        if paragraph:
            current.append(paragraph)
    return chunks


def corpus_chunks(repair_ocr_meta: bool = True) -> list[Chunk]:
    chunks = [c for path in sorted(CORPUS.glob("*.txt")) for c in document_chunks(path)]
    if not repair_ocr_meta:
        return chunks
    # What the library's repair produces for the OCR scan's header (see the shared brief).
    fixed = []
    for chunk in chunks:
        if chunk.meta.document.startswith("001_"):
            meta = dataclasses.replace(chunk.meta, issuer="Ban Tuyên giáo Tỉnh ủy Lâm Đồng")
            chunk = dataclasses.replace(chunk, meta=meta)
        fixed.append(chunk)
    return fixed
