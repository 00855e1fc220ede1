"""From a file's text to a document's metadata and its chunks."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.texts import knowledge as msg
from knowledge.chunking import chunk_paragraphs
from knowledge.metadata import read_header
from knowledge.quality import text_quality
from knowledge.textnorm import (
    canonical_doc_numbers,
    clean_inline,
    cut_distribution_list,
    is_furniture,
    join_broken_lines,
)
from knowledge.types import Chunk, DocumentMeta

# Repairs OCR-damaged lines; returns the lines and the share of words it changed.
LineRepairer = Callable[[list[str]], tuple[list[str], float]]


@dataclass(frozen=True)
class ParsedDocument:
    meta: DocumentMeta
    chunks: list[Chunk]
    index_texts: list[str]  # what is embedded and lexically indexed for each chunk
    warnings: list[str] = field(default_factory=list)


def parse_document(
    text: str, document: str, sha: str, repair: LineRepairer | None = None
) -> ParsedDocument:
    """Normalise, read the header, drop furniture, and chunk along the outline."""
    text = clean_inline(text)
    quality = text_quality(text)
    lines = text.splitlines()
    warnings: list[str] = []
    if quality == "ocr_damaged" and repair is not None:
        lines, changed = repair(lines)
        warnings.append(msg.OCR_WARNING.format(repaired=round(changed * 100)))
    elif quality == "no_diacritics":
        warnings.append(msg.NO_DIACRITICS_WARNING)
    lines = cut_distribution_list([line for line in lines if not is_furniture(line)])
    header = read_header(lines, trust_place=quality == "ok")
    meta = DocumentMeta(
        document=document,
        title=header.title or document,
        number=header.number,
        date=header.date,
        issuer=header.issuer,
        text_quality=quality,
    )
    paragraphs = [canonical_doc_numbers(p) for p in join_broken_lines(lines[header.body_start :])]
    passages = chunk_paragraphs(paragraphs)
    doc_key = hashlib.sha1(document.encode("utf-8")).hexdigest()[:10]
    chunks: list[Chunk] = []
    index_texts: list[str] = []
    for position, passage in enumerate(passages):
        chunks.append(
            Chunk(
                chunk_id=f"{doc_key}:{sha[:12]}:{position:04d}",
                meta=meta,
                section=passage.section,
                heading=passage.heading,
                text=passage.text,
                position=position,
            )
        )
        # The heading path and the document's number give a passage its context.
        context = " | ".join(p for p in (meta.number, meta.issuer, passage.heading) if p)
        index_texts.append(f"{context}\n{passage.text}" if context else passage.text)
    return ParsedDocument(meta=meta, chunks=chunks, index_texts=index_texts, warnings=warnings)
