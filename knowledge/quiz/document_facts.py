"""Organisational facts (issuing dates, numbers, bodies, deadlines) and numbered facts."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from knowledge.quiz import candidates as cd
from knowledge.quiz import facts, topics
from knowledge.quiz import phrasing as ph
from knowledge.quiz.candidates import Candidate, Origin, Pools
from knowledge.quiz.checks import norm
from knowledge.textnorm import fold
from knowledge.types import Chunk, DocumentMeta

# "05 bài học", "gần 40 năm" are what a text says; congress ordinals and deadlines organise it.
_SPAN_GENERATORS = {
    "count": "numbered_facts",
    "years": "numbered_facts",
    "ordinal": "ordinals",
    "deadline": "deadlines",
    "quarter": "deadlines",
}


def clean_words(value: str, vocabulary: set[str]) -> bool:
    """Metadata of an OCR-damaged document is used only if every word reads as real text."""
    return all(word in vocabulary for word in re.findall(r"\w+", fold(value)))


def build_pools(
    usable: list[Chunk], metas: list[DocumentMeta]
) -> tuple[Pools, list[facts.Reference]]:
    refs = [ref for chunk in usable for ref in facts.references(facts.flat(chunk.text))]
    dates = [cd.date_text(r.date) for r in refs] + [cd.date_text(m.date) for m in metas if m.date]
    issuers = [r.issuer for r in refs if r.issuer] + [m.issuer for m in metas if m.issuer]
    pools = Pools(
        dates=tuple(dict.fromkeys(dates)),
        names=cd.reference_names(refs),
        numbers=tuple(
            dict.fromkeys([m.number for m in metas if m.number] + [r.number for r in refs])
        ),
        issuers=tuple(dict.fromkeys(issuers)),
        subjects=tuple(dict.fromkeys(ph.strip_about(r.subject) for r in refs if r.subject)),
        phrases=cd.phrase_pool(usable),
    )
    return pools, refs


def consistent(refs: list[facts.Reference]) -> set[str]:
    """Numbers whose date and issuer agree everywhere they are cited; others make no questions."""
    dates: dict[str, set[str]] = defaultdict(set)
    issuers: dict[str, set[str]] = defaultdict(set)
    for ref in refs:
        dates[ref.number].add(norm(ref.date))
        if ref.issuer:
            issuers[ref.number].add(norm(ref.issuer))
    return {
        number
        for number in dates
        if len(dates[number]) == 1
        and all(a in b or b in a for a in issuers[number] for b in issuers[number])
    }


def reference_candidates(
    chunk: Chunk, pools: Pools, ok_numbers: set[str], first: bool
) -> Iterator[Candidate]:
    text, meta = facts.flat(chunk.text), chunk.meta
    where, topic = ph.label(meta), topics.topic_of(meta)
    origin = Origin(meta, chunk.section, chunk.text, topic)
    refs = facts.references(text)
    for ref in refs:
        if ref.number not in ok_numbers:
            continue
        quote = ph.quote(text, ref.start, ref.end, 150)
        why = ph.explanation(meta, chunk.section, quote)
        by = f" của {ref.issuer}" if ref.issuer else ""
        yield Candidate(
            f"ref-date:{ref.number}",
            f"Theo {where}, {ref.name}{by} được ban hành ngày nào?",
            cd.date_text(ref.date),
            pools.dates,
            why,
            difficulty="hard",
            generator="document_facts",
            origin=origin,
        )
        if ref.issuer:
            yield Candidate(
                f"ref-issuer:{ref.number}",
                f"Theo {where}, {ref.name}, ngày {cd.date_text(ref.date)} do cơ quan nào ban hành?",
                ref.issuer,
                pools.issuers,
                why,
                difficulty="medium",
                generator="document_facts",
                origin=origin,
            )
        if ref.subject and ref.issuer:
            yield Candidate(
                f"ref-subject:{ref.number}",
                f"Theo {where}, {ref.name} của {ref.issuer} có nội dung về vấn đề gì?",
                ph.strip_about(ref.subject),
                pools.subjects,
                why,
                difficulty="medium",
                generator="document_facts",
                origin=origin,
            )
    if first and refs and fold(text).startswith("thuc hien"):
        ref = refs[0]
        why = ph.explanation(meta, chunk.section, ph.quote(text, ref.start, ref.end, 150))
        yield Candidate(
            f"implements:{meta.document}",
            f"{where} được ban hành để thực hiện văn bản nào?",
            ref.name,
            pools.names,
            why,
            difficulty="medium",
            generator="document_facts",
            origin=origin,
        )


def span_candidates(chunk: Chunk, pools: Pools) -> Iterator[Candidate]:
    text, meta = facts.flat(chunk.text), chunk.meta
    for span in facts.spans(text):
        stem = ph.window(text, span.start, span.end)
        if span.kind == "ordinal" and "lần thứ" in stem:
            continue  # several congresses in one sentence: too easy to misread, so no question
        correct = cd.date_text(span.value) if span.kind == "deadline" else span.value
        why = ph.explanation(meta, chunk.section, ph.quote(text, span.start, span.end, 150))
        # One fact ("gần 40 năm đổi mới") repeated in several sentences is one question.
        # An ordinal is named by what precedes it ("Hội nghị Ngoại giao lần thứ 32").
        context = text[: span.start] if span.kind == "ordinal" else text[span.end :]
        words = re.findall(r"\w+", norm(context))
        follows = " ".join(words[-2:] if span.kind == "ordinal" else words[:2])
        yield Candidate(
            f"{span.kind}:{norm(correct)}:{follows}",
            f"Theo {ph.label(meta)}, điền vào chỗ trống: “{stem}”",
            correct,
            tuple(cd.span_alternatives(span, pools)),
            why,
            Origin(meta, chunk.section, chunk.text, topics.topic_of(meta)),
            "easy" if span.kind == "count" else "medium",
            _SPAN_GENERATORS[span.kind],
        )


def metadata_candidates(meta: DocumentMeta, pools: Pools) -> Iterator[Candidate]:
    if not meta.number:
        return
    header = ", ".join(
        p for p in (f"Số {meta.number}", meta.date and f"ngày {meta.date}", meta.issuer) if p
    )
    passage = f"{ph.kind_of(meta)} {header}"
    why = f"Nguồn: phần đầu văn bản ({ph.shorten(passage, 170)})"
    origin = Origin(meta, None, passage, topics.topic_of(meta))
    where, by = ph.label(meta), f" của {meta.issuer}" if meta.issuer else ""
    if meta.date:
        yield Candidate(
            f"doc-date:{meta.document}",
            f"{where}{by} được ban hành ngày nào?",
            cd.date_text(meta.date),
            pools.dates,
            difficulty="medium",
            origin=origin,
            explanation=why,
            generator="document_facts",
        )
        if meta.issuer:
            yield Candidate(
                f"doc-number:{meta.document}",
                f"{ph.kind_of(meta)} ngày {cd.date_text(meta.date)}{by} có số hiệu là gì?",
                meta.number,
                pools.numbers,
                difficulty="hard",
                origin=origin,
                explanation=why,
                generator="document_facts",
            )
    if meta.issuer:
        yield Candidate(
            f"doc-issuer:{meta.document}",
            f"{where} do cơ quan nào ban hành?",
            meta.issuer,
            pools.issuers,
            difficulty="medium",
            origin=origin,
            explanation=why,
            generator="document_facts",
        )
