"""Does the library support an answer? Named things, topic coverage, meaning and answer kind decide.

The decision is made once per question, before any answer backend runs, so the extractive and
the `openai` backends decline the same questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.services.answer_kinds import STRICT
from bot.services.extractive import Candidate, candidates, units_of
from knowledge.facts import (
    E_SIGNATURE,
    FACT_CUES,
    FACT_KINDS,
    HEADER,
    RECIPIENTS,
    SIGNATURE,
    asks_issuer,
    asks_signer,
)
from knowledge.lexical import LexicalIndex, Spelling
from knowledge.named import ORDINAL, Named, ordinal_spellings
from knowledge.question import (
    DOCUMENT_WORDS,
    STOPWORDS,
    WHO,
    Question,
    library_writes,
    speaks_of_document,
)
from knowledge.textnorm import FOLDED_DOC_NUMBER, fold, nfc
from knowledge.types import DocumentMeta, SearchHit

__all__ = ["STOPWORDS", "Grounding", "judge"]

# Chosen with bench/answers.py on the tuning halves of the development sets (ids with an even
# number); the checking halves are reported apart. Below these the answer is declined.
MIN_COVERAGE = 0.45
MIN_DENSE = 0.80
MIN_QUOTED_COVERAGE = 0.40  # of the unit quoted, when a unit beside it reached MIN_COVERAGE
# Candidates this close to the best one are alternatives worth checking for the answer kind.
_NEAR_BEST = 0.08


@dataclass(frozen=True)
class Grounding:
    grounded: bool
    coverage: float  # IDF-weighted share of the question's topic terms the best unit covers
    dense: float
    missing_reference: str | None = None  # a document number the question names, absent from all
    missing_name: str | None = None  # a place, date or year the question names, absent from all
    missing_kind: str | None = None  # the topic is there, the wanted kind of answer is not
    # a document number the library only cites, asked for a fact only the document states
    cited_only: str | None = None
    best: Candidate | None = None
    terms: tuple[str, ...] = ()
    alternatives: list[Candidate] = field(default_factory=list)
    # "Kế hoạch 145 do cơ quan nào ban hành?": the document whose issuer (and signer) answer
    issued: DocumentMeta | None = None
    # "… ban hành ngày nào, ai ký?": the same document's other fact passage (its header for the
    # date beside its signature), quoted before `best`
    companion: Candidate | None = None


def resolve_terms(question: Question, spelling: Spelling) -> tuple[str, ...]:
    """Topic terms with typos mapped to library words ("nghành" → "ngành")."""
    fixed = {w: c for w in question.words if (c := spelling.correct(w)) is not None}
    if not fixed:
        return question.terms
    corrected = ("_".join(fixed.get(w, w) for w in term.split("_")) for term in question.terms)
    return tuple(t for t in corrected if not set(t.split("_")) & STOPWORDS)


def _missing(named: Named, vocabulary: dict[str, int]) -> bool:
    if named.kind == ORDINAL:  # "lần thứ tám": "thứ tám", "thứ 8", "lần 8", "Trung ương 8"
        spellings = ordinal_spellings(named.folded)
        return (
            not any(
                f"{before}_{word}" in vocabulary for before in ("thu", "lan") for word in spellings
            )
            and f"uong_{named.folded}" not in vocabulary
        )
    if named.is_reference:  # a number is a term with "-" and "/": "01/ctr-ubnd", "57-kl/tw"
        numbers = (term for term in vocabulary if "/" in term and "-" in term)
        return named.folded not in vocabulary and not any(map(named.names_number, numbers))
    return not library_writes(named.folded, vocabulary)


def _cited_only(question: Question, numbers: frozenset[str]) -> Named | None:
    """ "Kế hoạch 222-KH/TU do ai ký?" when the library only cites that plan: whoever signed
    the documents that cite it did not sign it. A citation gives a document's number and
    date, never its signer, its recipients or its digital signature."""
    asks = any(FACT_CUES[kind].search(question.folded) for kind in (SIGNATURE, RECIPIENTS))
    # Alone, "mấy giờ" asks a meeting's time as often as a digital signature's.
    signed = {m[0] for m in FACT_CUES[E_SIGNATURE].finditer(question.folded)} - {"may gio"}
    if not asks and not signed:
        return None
    references = question.references
    if not references or any(r.names_number(own) for r in references for own in numbers):
        return None
    # "Báo cáo kết quả thực hiện Chỉ thị 05 … gửi cho ai?" asks about the report: the question
    # opens with its type, and names the directive it reports on after it.
    first = references[0]
    opening = question.folded[: max(question.folded.find(fold(first.text)), 0)]
    if _OPENS_WITH_DOCUMENT.match(_OWN_TYPE.sub("", opening)):
        return None
    return first


_CITED_NUMBER = re.compile(FOLDED_DOC_NUMBER)
# "ký" as typed; folded, "ky" is also "kỳ" ("nhiệm kỳ"), so only "đã ký", "ký ban hành" …
_TYPED_SIGNS = re.compile(r"(?<!\w)k[ýí](?!\w)")
_FOLDED_SIGNS = re.compile(r"\b(?:da|duoc|do) ky\b|\bky (?:ban hanh|ten)\b")


def _says_signed(unit: str) -> bool:
    """ "… đã ký", "do đồng chí Bí thư ký": "ký" as typed, or folded where it can only be
    signing ("da ky", "ky ban hanh"); "nhiệm kỳ", "học kỳ" and "kỷ luật" fold alike."""
    return bool(_TYPED_SIGNS.search(nfc(unit).lower()) or _FOLDED_SIGNS.search(fold(unit)))


def _says_who_signed(reference: Named, hits: list[SearchHit]) -> bool:
    """A passage says who signed the document it cites: "… đồng chí Lê Văn A, Phó Bí thư, đã
    ký ban hành Công văn số 1127-CV/HU" (a news item on the document)."""
    for hit in hits:
        if hit.chunk.kind != "body":
            continue
        for unit in units_of(hit.chunk.text):
            if not _says_signed(unit):
                continue
            if any(reference.names_number(m[0]) for m in _CITED_NUMBER.finditer(fold(unit))):
                return True
    return False


_OPENS_WITH_DOCUMENT = re.compile(rf"^{DOCUMENT_WORDS}\b")
_OWN_TYPE = re.compile(rf"\b{DOCUMENT_WORDS}(?: so)?\s*$")  # "Kế hoạch (số) 222-KH/TU"
SIGNER = "signer"  # the missing kind of a signer question no signature answers


def _names_signer(candidate: Candidate) -> bool:
    """A signature block, or a sentence that says who signed ("… do đồng chí bí thư ký"): "Kế
    hoạch … do đồng chí nào ký?" has no other answer, and a document copied without its last
    page names no signer."""
    signed = candidate.hit.chunk.kind in (SIGNATURE, E_SIGNATURE)
    return signed or _says_signed(candidate.unit)


def _issuing(
    question: Question, hits: list[SearchHit], found: Candidate | None
) -> Candidate | None:
    """ "Kế hoạch 145 do cơ quan nào ban hành?": the passage that stands for the document asked
    about, its header when retrieved. The document is the one whose number the question names,
    else the one the grounded answer comes from; None when its issuer is not known."""
    if not asks_issuer(question.folded) or not speaks_of_document(question):
        return None
    references = question.references
    if references:
        hit = next(
            (
                h
                for h in hits
                if h.chunk.meta.number
                and any(r.names_number(fold(h.chunk.meta.number)) for r in references)
            ),
            None,
        )
    else:
        hit = found.hit if found is not None else None
    if hit is None or not hit.chunk.meta.issuer:
        return None
    document = hit.chunk.meta.document
    header = next(
        (h for h in hits if h.chunk.meta.document == document and h.chunk.kind == HEADER), hit
    )
    text = header.chunk.text
    return Candidate(header, 0, (text,), 0, 1.0, 1.0, frozenset({WHO}), 1.0, asked_fact=True)


def _near(
    ranked: list[Candidate], best: Candidate, wanted: Callable[[Candidate], bool]
) -> Candidate | None:
    """The best candidate this close to `best` that has what `best` lacks."""
    return next((c for c in ranked if c.score >= best.score - _NEAR_BEST and wanted(c)), None)


def judge(
    question: Question,
    hits: list[SearchHit],
    lexical: LexicalIndex,
    spelling: Spelling,
    numbers: frozenset[str],
) -> Grounding:
    """Grounded when the library names what the question names, a unit of a top passage covers
    enough of the question and carries the kind of answer it wants, and the passage is close in
    meaning."""
    for named in question.named:
        if _missing(named, lexical.vocabulary):
            if named.is_reference:
                return Grounding(False, 0.0, 0.0, missing_reference=named.text.upper())
            return Grounding(False, 0.0, 0.0, missing_name=named.text)
    cited = _cited_only(question, numbers)
    if cited is not None and not _says_who_signed(cited, hits):
        return Grounding(False, 0.0, 0.0, cited_only=cited.text.upper())
    if not hits:
        return Grounding(False, 0.0, 0.0)
    terms = resolve_terms(question, spelling)
    ranked = candidates(question, terms, hits, lexical.idf)
    dense = max(hit.dense_score for hit in hits[:5])
    if not ranked:
        return Grounding(False, 0.0, dense, terms=terms)
    best = ranked[0]
    covered = max(c.coverage for c in ranked[:3])
    # A question about a document's signer, recipients or header, answered by that very
    # fact passage, is grounded by it: those blocks share few words with the question.
    grounded = (covered >= MIN_COVERAGE and dense >= MIN_DENSE) or best.asked_fact
    issuing = _issuing(question, hits, best if grounded else None)
    if issuing is not None:
        meta = issuing.hit.chunk.meta
        return Grounding(True, covered, dense, best=issuing, terms=terms, issued=meta)
    if grounded and not best.has_head:
        near = _near(ranked, best, lambda c: c.has_head)
        if near is None:
            return Grounding(False, covered, dense, best=best, terms=terms)
        best = near
    strict = question.kinds & STRICT
    companion = None
    if grounded and strict and not best.kinds & strict:
        near = _near(ranked, best, lambda c: bool(c.kinds & strict))
        companion = None if near else _fact_companion(ranked, best, lambda c: c.kinds & strict)
        if near is None and companion is None:
            return Grounding(
                False, covered, dense, missing_kind=sorted(strict)[0], best=best, terms=terms
            )
        best = near or best
    signer = asks_signer(question.folded) and speaks_of_document(question)
    signed = _names_signer(best) or (companion is not None and _names_signer(companion))
    if grounded and signer and not signed:
        near = _near(ranked, best, _names_signer)
        companion = None if near else _fact_companion(ranked, best, _names_signer)
        if near is None and companion is None:
            return Grounding(False, covered, dense, missing_kind=SIGNER, best=best, terms=terms)
        best = near or best
    # The unit quoted must itself cover the question, not only a unit ranked beside it.
    grounded = grounded and (best.coverage >= MIN_QUOTED_COVERAGE or best.asked_fact)
    return Grounding(
        grounded,
        covered,
        dense,
        best=best,
        terms=terms,
        alternatives=ranked[:5],
        companion=companion,
    )


def _fact_companion(
    ranked: list[Candidate], best: Candidate, wanted: Callable[[Candidate], object]
) -> Candidate | None:
    """ "Kế hoạch 84 ban hành ngày nào, ai ký?" asks two facts of one document: its signature
    block answers who, its header when. When `best` is one of the document's fact passages
    asked for, the other one that has what `best` lacks answers beside it."""
    if not best.asked_fact or best.hit.chunk.kind not in FACT_KINDS:
        return None
    document = best.hit.chunk.meta.document
    return next(
        (
            c
            for c in ranked
            if c is not best
            and c.hit.chunk.kind in FACT_KINDS
            and c.hit.chunk.meta.document == document
            and wanted(c)
        ),
        None,
    )
