"""From a file's text to a document's metadata, its passages and its fact passages."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from knowledge.chunking import chunk_paragraphs
from knowledge.errors import Code, Notice
from knowledge.facts import (
    BODY,
    FACT_CONTEXT,
    FactPassage,
    basis_documents,
    deadline_sentences,
    header_passage,
    is_stamp,
    split_facts,
)
from knowledge.glued import join_split_syllables, split_glued_words
from knowledge.metadata import read_header, split_header_columns
from knowledge.quality import text_quality
from knowledge.textnorm import (
    canonical_doc_numbers,
    clean_inline,
    drop_web_furniture,
    is_furniture,
    is_signature_line,
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
    warnings: list[Notice] = field(default_factory=list)


def _paragraphs(lines: list[str], title: str | None) -> list[str]:
    """The body's paragraphs. A title on the first line (a page copied from a website, a note
    without a header) is a paragraph of its own, not the start of the sentence below it."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not title or " ".join(lines[first].split()) != title:
        return join_broken_lines(lines)
    return [title, *join_broken_lines(lines[first + 1 :])]


def parse_document(
    text: str,
    document: str,
    sha: str,
    repair: LineRepairer | None = None,
    place: str | None = None,
) -> ParsedDocument:
    """Normalise, split off the fact blocks, read the header, and chunk along the outline.

    `place` is the document's place as the admin gives it (`ingest.py --place`): it wins over
    the header's and is indexed with every passage, for a page whose text never names it."""
    # "Vi ệt", "th ực": syllables a PDF's extraction split, whole again before anything reads them
    text = join_split_syllables(clean_inline(text))
    quality = text_quality(text)
    if quality != "ocr_damaged":  # OCR damage has its own repair; glued words are extraction's
        text = split_glued_words(text)
    lines = text.splitlines()
    warnings: list[Notice] = []
    if quality == "ocr_damaged" and repair is not None:
        lines, changed = repair(lines)
        warnings.append(Notice(Code.OCR_REPAIRED, {"repaired": round(changed * 100)}))
    elif quality == "no_diacritics":
        warnings.append(Notice(Code.NO_DIACRITICS))
    lines = drop_web_furniture(lines)
    # Signature and stamp lines are furniture for the study text but facts about the document.
    lines = [
        line
        for line in lines
        if is_signature_line(line) or is_stamp(line) or not is_furniture(line)
    ]
    lines = split_header_columns(lines)  # a PDF gives a header's two columns on one line
    split = split_facts(lines)
    header = read_header(split.body, trust_place=quality == "ok")
    body_paragraphs = _paragraphs(split.body[header.body_start :], header.title)
    paragraphs = [canonical_doc_numbers(p) for p in body_paragraphs]
    meta = DocumentMeta(
        document=document,
        title=header.title or document,
        number=header.number,
        date=header.date,
        issuer=header.issuer,
        text_quality=quality,
        place=place or header.place,
        signer=split.signer,
        signer_title=split.signer_title,
        recipients=tuple(split.recipients),
        basis=basis_documents(paragraphs[0]) if paragraphs else (),
        deadlines=deadline_sentences(paragraphs),
    )
    head = header_passage(split.body[: header.body_start], split.stamp)
    facts = [*([head] if head else []), *split.passages]
    doc_key = hashlib.sha1(document.encode("utf-8")).hexdigest()[:10]
    chunks: list[Chunk] = []
    index_texts: list[str] = []

    def add(text: str, section: str | None, heading: str, kind: str) -> None:
        position = len(chunks)
        chunks.append(
            Chunk(
                chunk_id=f"{doc_key}:{sha[:12]}:{position:04d}",
                meta=meta,
                section=section,
                heading=heading,
                text=text,
                position=position,
                kind=kind,
            )
        )
        # The heading path and the document's number give a passage its context.
        context = " | ".join(p for p in (meta.number, meta.issuer, place, heading) if p)
        index_texts.append(f"{context}\n{text}" if context else text)

    for passage in chunk_paragraphs(paragraphs):
        add(passage.text, passage.section, passage.heading, BODY)
    for fact in facts:
        add(canonical_doc_numbers(fact.text), None, FACT_CONTEXT[fact.kind], fact.kind)
    return ParsedDocument(meta=meta, chunks=chunks, index_texts=index_texts, warnings=warnings)


__all__ = ["FactPassage", "ParsedDocument", "parse_document"]
