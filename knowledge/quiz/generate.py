"""The rule-based question bank: every question is checked against its passage before it is kept."""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from knowledge.quiz import candidates as cd
from knowledge.quiz import facts
from knowledge.quiz import phrasing as ph
from knowledge.quiz.candidates import Candidate, Origin, Pools
from knowledge.quiz.checks import norm, problems, supports
from knowledge.quiz.types import MAX_OPTION_CHARS, QuizItem
from knowledge.textnorm import fold
from knowledge.types import Chunk, DocumentMeta

DISTRACTORS = 3


@dataclass
class GenerationResult:
    """The questions kept, and why the others were dropped (counted per generator and reason)."""

    items: list[QuizItem] = field(default_factory=list)
    rejected: Counter[str] = field(default_factory=Counter)


def topic_of(meta: DocumentMeta) -> str:
    """What a document is about, short: the work it studies or the directive it implements."""
    if "cay tre" in fold(meta.title):
        return "Tác phẩm “cây tre Việt Nam”"
    cited = facts.references(facts.flat(meta.title))
    if cited:
        return cited[0].name
    named = re.search(r"(?:Chỉ thị|Kết luận|Nghị quyết|Hướng dẫn) số \S+", facts.flat(meta.title))
    return named.group(0).rstrip(",") if named else ph.shorten(meta.title, 60)


def _by_document(chunks: Sequence[Chunk]) -> dict[str, list[Chunk]]:
    docs: dict[str, list[Chunk]] = defaultdict(list)
    for chunk in sorted(chunks, key=lambda c: (c.meta.text_quality != "ok", c.meta.document)):
        docs[chunk.meta.document].append(chunk)
    return {name: sorted(found, key=lambda c: c.position) for name, found in docs.items()}


def _clean_words(value: str, vocabulary: set[str]) -> bool:
    """Metadata of an OCR-damaged document is used only if every word reads as real text."""
    return all(word in vocabulary for word in re.findall(r"\w+", fold(value)))


def _pools(usable: list[Chunk], metas: list[DocumentMeta]) -> tuple[Pools, list[facts.Reference]]:
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


def _consistent(refs: list[facts.Reference]) -> set[str]:
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


def _reference_candidates(
    chunk: Chunk, pools: Pools, ok_numbers: set[str], first: bool
) -> Iterator[Candidate]:
    text, meta = facts.flat(chunk.text), chunk.meta
    where, topic = ph.label(meta), topic_of(meta)
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


def _span_candidates(chunk: Chunk, pools: Pools) -> Iterator[Candidate]:
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
            Origin(meta, chunk.section, chunk.text, topic_of(meta)),
            "easy" if span.kind == "count" else "medium",
            "numbered_facts" if span.kind in {"count", "ordinal", "years"} else "deadlines",
        )


def _enumeration_candidates(chunk: Chunk, pools: Pools) -> Iterator[Candidate]:
    text, meta = facts.flat(chunk.text), chunk.meta
    for enum in facts.enumerations(text):
        why = ph.explanation(meta, chunk.section, ph.quote(text, enum.start, enum.end, 150))
        head = ph.shorten(enum.head, 150)
        origin = Origin(meta, chunk.section, chunk.text, topic_of(meta))
        if cd.is_definition(enum):
            whole = ", ".join(enum.items)
            yield Candidate(
                f"definition:{norm(head)}",
                f"Theo {ph.label(meta)}, điền vào chỗ trống: “{head}: {ph.BLANK}”",
                whole,
                tuple(cd.permutations_of(enum.items)),
                difficulty="easy",
                generator="definitions",
                origin=origin,
                explanation=why,
            )
            continue
        # "đối ngoại của Đảng" is no distractor when "đối ngoại Đảng" is already in the list.
        listed = [_content(item) for item in enum.items]
        pool_for = {
            item: tuple(p for p in cd.item_alternatives(item, pools) if _content(p) not in listed)
            for item in enum.items
        }
        for index, item in enumerate(enum.items[:3]):
            shown = [ph.BLANK if i == index else other for i, other in enumerate(enum.items)]
            listing = ", ".join(shown[:-1]) + " và " + shown[-1]
            yield Candidate(
                f"enumeration:{norm(head)}:{norm(item)}",
                f"Theo {ph.label(meta)}, điền vào chỗ trống: “{head}: {listing}”",
                item,
                pool_for[item],
                difficulty="medium",
                generator="enumerations",
                origin=origin,
                explanation=why,
            )


def _content(phrase: str) -> frozenset[str]:
    return frozenset(w for w in norm(phrase).split() if w not in {"cua", "va", "trong", "voi"})


def _metadata_candidates(meta: DocumentMeta, pools: Pools) -> Iterator[Candidate]:
    if not meta.number:
        return
    header = ", ".join(
        p for p in (f"Số {meta.number}", meta.date and f"ngày {meta.date}", meta.issuer) if p
    )
    passage = f"{ph.kind_of(meta)} {header}"
    why = f"Nguồn: phần đầu văn bản ({ph.shorten(passage, 170)})"
    origin = Origin(meta, None, passage, topic_of(meta))
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


def _finish(candidate: Candidate) -> QuizItem | list[str]:
    """Choose distractors that are false by the passage, shuffle, and check everything."""
    rng = random.Random(hashlib.sha256(candidate.key.encode()).hexdigest())
    chosen: list[str] = []
    taken = [norm(candidate.correct)]
    pool = list(dict.fromkeys(candidate.pool))
    rng.shuffle(pool)
    for option in sorted(pool, key=lambda o: candidate.pool.index(o) > 4):
        n = norm(option)
        if (
            not n
            or len(option) > MAX_OPTION_CHARS
            or supports(candidate.origin.passage, option)
            or any(n in t or t in n for t in taken)
        ):
            continue
        chosen.append(option)
        taken.append(n)
        if len(chosen) == DISTRACTORS:
            break
    if len(chosen) < 2:
        return ["không đủ phương án nhiễu cùng loại"]
    options = [candidate.correct, *chosen]
    rng.shuffle(options)
    correct = options.index(candidate.correct)
    found = problems(
        candidate.text, options, correct, candidate.explanation, candidate.origin.passage
    )
    if found:
        return found
    return QuizItem(
        candidate.text,
        tuple(options),
        correct,
        candidate.explanation,
        candidate.origin.meta.document,
        candidate.origin.section,
        candidate.origin.passage,
        candidate.origin.topic,
        candidate.difficulty,
        candidate.generator,
    )


def generate_bank(chunks: Sequence[Chunk]) -> GenerationResult:
    """All rule-based questions the library supports, each verified against its source passage."""
    docs = _by_document(chunks)
    usable = [c for found in docs.values() for c in found if facts.usable(c)]
    metas = [found[0].meta for found in docs.values()]
    vocabulary = {w for c in usable for w in re.findall(r"\w+", fold(c.text))}
    pools, refs = _pools(usable, metas)
    ok_numbers = _consistent(refs)
    result, seen = GenerationResult(), set()
    for found in docs.values():
        meta = found[0].meta
        generators: list[Iterator[Candidate]] = []
        if meta.text_quality == "ok" or _clean_words(
            f"{meta.issuer or ''} {meta.number}", vocabulary
        ):
            generators.append(_metadata_candidates(meta, pools))
        first_usable = next((c for c in found if facts.usable(c)), None)
        for chunk in (c for c in found if facts.usable(c)):
            generators.append(
                _reference_candidates(chunk, pools, ok_numbers, chunk is first_usable)
            )
            generators.append(_span_candidates(chunk, pools))
            generators.append(_enumeration_candidates(chunk, pools))
        for candidate in (c for gen in generators for c in gen):
            if candidate.key in seen:
                continue
            outcome = _finish(candidate)
            if isinstance(outcome, QuizItem):
                seen.add(candidate.key)
                result.items.append(outcome)
            else:
                result.rejected[f"{candidate.generator}: {outcome[0]}"] += 1
    return result
