"""Question answering as a LangChain (LCEL) pipeline: retrieve → ground → prompt → model → answer.

Two model backends behind `settings.answer_backend`: `extractive` (offline default, quotes the
documents) and `openai` (any OpenAI-compatible chat endpoint). Either way the sources are the
retrieved passages, and a question the documents don't support is declined, never guessed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableBranch, RunnableLambda

from bot.services.answer_cache import AnswerCache
from bot.services.answers import Answer, Conversation, Source
from bot.services.grounding import Grounding, judge
from bot.services.presenting import shorten, source_line
from bot.services.quoting import asks_cut_section, heading_section, render
from bot.texts import answers as text
from knowledge.question import (
    Question,
    compound_parts,
    documents_words,
    expand_abbreviations,
    expand_acronyms,
    expand_place_initials,
    expand_shorthand,
    parse_question,
    topic_terms,
    with_places,
)
from knowledge.textnorm import fold
from knowledge.types import DocumentMeta, KnowledgeError, SearchHit

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.library import Library

log = logging.getLogger(__name__)
PROMPTS = Path(__file__).resolve().parent.parent.parent / "prompts"
NO_INFO_MARK = "KHÔNG_CÓ_THÔNG_TIN"
MAX_SECTION_HITS = 3  # passages of named sections read beside the ranked ones
_FOLLOW_UP = re.compile(
    r"^(?:con|the con|vay|the|thi sao|con ve)\b|\b(?:thi sao|the nao nua|nua khong)\b"
)
_FOLLOW_UP_LEAD = re.compile(r"^(?:(?:the con|con ve|con|vay|the)\s+)+")


def _follow_up_topic(question: str) -> str:
    """What a follow-up asks about: "còn nhiệm vụ thì sao?" → "nhiệm vụ thì sao?".

    The previous question only steers the search; grounding and quoting use these words, so
    the follow-up neither repeats the last answer nor borrows its support ("còn giá vàng?").
    Empty when nothing topical is left ("thì sao?"): then the whole query is used.
    """
    lead = _FOLLOW_UP_LEAD.match(fold(question))
    words = question.split()[len(lead.group(0).split()) if lead else 0 :]
    rest = " ".join(words)
    return rest if topic_terms(rest) else ""


class InvalidQuestion(KnowledgeError):
    """An empty or over-long question; str() is the message for the asker."""


@dataclass
class Turn:
    """What flows through the pipeline for one question."""

    question: str
    query: str  # what is searched: a follow-up together with the previous question
    hits: list[SearchHit]
    grounding: Grounding | None = None
    topic: str = ""  # what must be supported and quoted; empty: the query
    previous: str = ""  # the question a follow-up continues
    places: frozenset[str] = frozenset()  # the library's places (`with_places`)

    @property
    def focus(self) -> str:
        return self.topic or self.query

    @cached_property
    def parsed(self) -> Question:
        return with_places(parse_question(self.focus), self.places)


def _distinct_sources(sources: list[Source]) -> list[Source]:
    """One source per document section: two chunks of one section are one citation."""
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for source in sources:
        if (source.document, source.section) not in seen:
            seen.add((source.document, source.section))
            kept.append(source)
    return kept


def load_prompt(name: str) -> str:
    return (PROMPTS / name).read_text(encoding="utf-8").strip()


def to_source(hit: SearchHit) -> Source:
    meta = hit.chunk.meta
    return Source(
        document=meta.document,
        title=meta.title,
        number=meta.number,
        date=meta.date,
        section=hit.chunk.section,
        score=round(float(hit.score), 4),
        text=hit.chunk.text,
        issuer=meta.issuer,
    )


class QAService:
    """Answers questions from the library; the same instance serves every channel."""

    def __init__(self, library: Library, max_chars: int = 2000, llm: Any | None = None) -> None:
        self.library = library
        self.max_chars = max_chars
        self._llm = llm
        self._cache = AnswerCache()
        self.chain = self._build_chain()

    @classmethod
    def from_settings(cls, settings: Settings, library: Library) -> QAService:
        llm = None
        if settings.answer_backend == "openai":
            from langchain_openai import ChatOpenAI

            llm = ChatOpenAI(
                base_url=settings.llm_base_url,
                model=settings.llm_model,
                api_key=settings.llm_api_key,  # type: ignore[arg-type]
                timeout=settings.llm_timeout_s,
                max_retries=0,
                temperature=0,
            )
        return cls(library, settings.max_question_chars, llm)

    # --- the pipeline ---------------------------------------------------------------------------

    def _build_chain(self) -> Runnable[Turn, Answer]:
        generate: Runnable[Turn, Answer] = (
            RunnableLambda(self._generate_llm)
            if self._llm is not None
            else RunnableLambda(self._extractive)
        )
        return RunnableLambda(self._ground) | RunnableBranch(
            (lambda turn: not turn.grounding.grounded, RunnableLambda(self._decline)),
            generate,
        )

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        question = " ".join(question.split())
        if not question:
            raise InvalidQuestion(text.EMPTY_QUESTION)
        if len(question) > self.max_chars:
            raise InvalidQuestion(text.TOO_LONG.format(length=len(question), limit=self.max_chars))
        # "dc", "ko", "hd 36", "TBT": after the length the member sees
        question = expand_shorthand(question)
        snapshot = self.library.snapshot()
        known = snapshot.lexical.vocabulary
        question = documents_words(expand_abbreviations(question, known), known)
        question = expand_acronyms(question, known, snapshot.spelled_out)
        question = expand_place_initials(
            question, snapshot.places, known, snapshot.restorer.restore
        )
        query = self._with_context(question, conversation)
        # A follow-up depends on the conversation; a question read alone may be answered from
        # the cache.
        answer = self._answer(question, query) if query != question else self._answer_once(question)
        if conversation is not None:
            conversation.remember(question, answer)
        return answer

    def _answer(self, question: str, query: str) -> Answer:
        answer = self._answer_one(question, query)
        # A model reads the whole question itself; a follow-up is read with the last one.
        parts = compound_parts(question) if query == question and self._llm is None else None
        if parts is None:
            return answer
        # "… mấy bài học, mấy nhiệm vụ?": each part answered alone; both quoted when the
        # documents answer both and with different words, else the question read whole.
        found = [a for a in (self._answer_one(part, part) for part in parts) if a.grounded]
        if len(found) == 1 and answer.grounded:  # the whole question answered the other part
            found = [answer, found[0]]
        if len(found) != 2:
            return answer
        first, second = found
        bodies = [_body(first), _body(second)]
        if bodies[0] in bodies[1] or bodies[1] in bodies[0]:
            return answer
        sources = _distinct_sources([*first.sources[:1], *second.sources[:1]])
        sources += [s for s in first.sources + second.sources if s not in sources]
        line = source_line(sources[:2])
        return _quoted(question, "\n\n".join(bodies), sources[:3], line)

    def _answer_one(self, question: str, query: str) -> Answer:
        hits = self.library.search(query, k=10)
        places = self.library.snapshot().places
        parsed = with_places(parse_question(question), places)
        hits = self._with_named_sections(parsed, hits)
        if parsed.about_document:
            hits = self._with_document_facts(hits)
        follow_up = query != question
        topic = _follow_up_topic(question) if follow_up else question
        previous = query[: -len(question)].strip() if follow_up else ""
        turn = Turn(question, query, hits, topic=topic, previous=previous, places=places)
        return self.chain.invoke(turn)

    def _answer_once(self, question: str) -> Answer:
        """A question read without context: the same library gives the same answer."""
        fingerprint = self.library.snapshot().fingerprint
        answer = self._cache.get(question, fingerprint)
        if answer is None:
            answer = self._answer(question, question)
            if self._llm is None:  # a model's answer may differ, and may be a fallback
                self._cache.put(question, fingerprint, answer)
        return answer

    def _with_document_facts(self, hits: list[SearchHit]) -> list[SearchHit]:
        """A question about a document (who signed it, whom it went to) reads the fact
        passages of the documents retrieved first, even when they ranked low themselves."""
        top = list(dict.fromkeys(hit.chunk.meta.document for hit in hits[:3]))
        seen = {hit.chunk.chunk_id for hit in hits}
        extra = [h for h in self.library.document_facts(top) if h.chunk.chunk_id not in seen]
        return [*hits[:5], *extra, *hits[5:]]

    def _with_named_sections(self, question: Question, hits: list[SearchHit]) -> list[SearchHit]:
        """A question that names a section of a document ("Mục đích của kế hoạch …", "thời
        gian …") reads that section of the documents retrieved first, even when it ranked low:
        a section's items rarely repeat its heading's words."""
        top = list(dict.fromkeys(hit.chunk.meta.document for hit in hits[:3]))
        seen = {hit.chunk.chunk_id for hit in hits}
        named = self.library.named_sections(top, frozenset(question.terms))
        extra = [h for h in named if h.chunk.chunk_id not in seen][:MAX_SECTION_HITS]
        return [*hits[:5], *extra, *hits[5:]] if extra else hits

    def _with_context(self, question: str, conversation: Conversation | None) -> str:
        """A follow-up ("còn nhiệm vụ thì sao?") is searched together with the last question."""
        if conversation is None or not conversation.turns:
            return question
        folded = fold(question)
        short = len(topic_terms(question)) <= 4
        if _FOLLOW_UP.search(folded) or (short and len(folded.split()) <= 5):
            last_question, _ = conversation.turns[-1]
            return f"{last_question} {question}"
        return question

    def _ground(self, turn: Turn) -> Turn:
        snapshot = self.library.snapshot()
        turn.grounding = judge(
            turn.parsed, turn.hits, snapshot.lexical, snapshot.spelling, snapshot.numbers
        )
        return turn

    def _decline(self, turn: Turn) -> Answer:
        assert turn.grounding is not None
        if not self.library.documents():
            message = text.EMPTY_LIBRARY
        elif turn.grounding.missing_reference:
            message = text.UNKNOWN_REFERENCE.format(reference=turn.grounding.missing_reference)
        elif turn.grounding.cited_only:
            message = text.CITED_ONLY.format(reference=turn.grounding.cited_only)
        elif turn.grounding.missing_name:
            message = text.NOT_ABOUT.format(name=turn.grounding.missing_name)
            message = f"{message}\n{self._coverage_hint()}"
        elif turn.grounding.missing_kind:
            what = text.MISSING_KIND.get(turn.grounding.missing_kind, "")
            message = text.PARTIAL.format(what=what)
        else:
            message = f"{text.NOT_IN_DOCUMENTS}\n{self._coverage_hint()}"
        return Answer(text=message, grounded=False, sources=[], question=turn.question)

    def _coverage_hint(self) -> str:
        titles = []
        for info in self.library.documents()[:5]:
            title = info.meta.title
            titles.append(shorten(title, 110))
        return text.LIBRARY_COVERS.format(topics="; ".join(dict.fromkeys(titles)))

    def _extractive(self, turn: Turn) -> Answer:
        grounding = turn.grounding
        if grounding is None or grounding.best is None:
            return self._decline(turn)
        best = grounding.best
        if grounding.issued is not None:
            quote = _issued_by(grounding.issued)
        else:
            cut = asks_cut_section(best, turn.parsed)
            section = self.library.top_section(best.hit.chunk) if cut else []
            idf = self.library.snapshot().lexical.idf
            following = self.library.continuation(best.hit.chunk, heading_section(best))
            quote = render(best, turn.parsed, grounding.terms, idf, section, following)
            if grounding.companion is not None:  # "… ngày nào, ai ký?": header, then signature
                other = render(grounding.companion, turn.parsed, grounding.terms, idf)
                quote = f"{other}\n{quote}"
        ordered = [best.hit, *[h for h in turn.hits if h is not best.hit]]
        sources = _distinct_sources([to_source(h) for h in ordered])[:3]
        line = source_line(sources[:1])
        if best.hit.chunk.meta.text_quality != "ok":
            line = f"{line} ({text.OCR_NOTE})"
        body = load_prompt("extractive_answer.txt").format(answer=quote)
        return _quoted(turn.question, body, sources, line)

    def _generate_llm(self, turn: Turn) -> Answer:
        # The model reads the passage chosen by grounding first, and fact passages (signature,
        # recipients) only for a question about a document, like the extractive backend.
        best = turn.grounding.best.hit if turn.grounding and turn.grounding.best else None
        hits = [
            h
            for h in ([best] if best else []) + [h for h in turn.hits if h is not best]
            if h.chunk.kind == "body" or turn.parsed.about_document
        ]
        sources = _distinct_sources([to_source(h) for h in hits])[:4]
        passage = load_prompt("passage.txt")
        context = "\n\n".join(
            passage.format(index=i + 1, source=source_line([s], 1), text=s.text)
            for i, s in enumerate(sources)
        )
        prompt = ChatPromptTemplate.from_messages(
            [
                ("system", load_prompt("answer_system.txt")),
                ("human", load_prompt("answer_user.txt")),
            ]
        )
        assert self._llm is not None
        try:
            question = turn.question
            if turn.previous:  # the model must know what "còn … thì sao?" continues
                question = load_prompt("follow_up.txt").format(
                    question=turn.question, previous=turn.previous
                )
            reply = (prompt | self._llm).invoke({"context": context, "question": question})
            content = str(getattr(reply, "content", reply)).strip()
        except Exception as error:  # timeouts, 5xx, refused connections: fall back, never crash
            log.warning("LLM backend failed: %s", error)
            fallback = self._extractive(turn)
            return Answer(
                text=f"{text.LLM_UNAVAILABLE}\n{fallback.text}",
                grounded=fallback.grounded,
                sources=fallback.sources,
                question=turn.question,
                source_line=fallback.source_line,
            )
        if not content or NO_INFO_MARK in content:
            return self._decline(turn)
        return _quoted(turn.question, content, sources, source_line(sources))


def _body(answer: Answer) -> str:
    """An answer's text without the line naming its source."""
    return answer.text.removesuffix(answer.source_line).rstrip()


def _issued_by(meta: DocumentMeta) -> str:
    """Who issued a document, as its header, number and signature block say, and who signed."""
    lines = [text.ISSUED_BY.format(issuer=meta.issuer)]
    if meta.signer:
        title = meta.signer_title or ""
        lines.append(" ".join(text.SIGNED_BY.format(title=title, name=meta.signer).split()))
    return "\n".join(lines)


def _quoted(question: str, body: str, sources: list[Source], line: str) -> Answer:
    """A grounded answer to `question`: its body, then the line naming its source."""
    return Answer(
        text=f"{body}\n\n{line}",
        grounded=True,
        sources=sources,
        question=question,
        source_line=line,
    )
