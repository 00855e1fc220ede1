"""The question bank: generated from the library, curated by admins, shared by every channel."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select

from bot.records.database import Database
from bot.records.models import utcnow
from bot.records.quiz_models import QUESTION_STATUSES, QuizBankState, QuizQuestion, as_dict
from bot.texts import quiz as texts
from bot.texts import quiz_checks
from knowledge.quiz import QuizItem, generate_bank, norm, problems
from knowledge.quiz.topics import is_organisational
from knowledge.quiz.topics import matches as topic_matches
from knowledge.quiz.types import DIFFICULTIES, fingerprint_of
from knowledge.quiz.variety import varied
from knowledge.types import Chunk, KnowledgeError

# Rule-based questions are kept only after every check passed, so they go straight to approved;
# imported or hand-written ones start as whatever the file says (draft by default).
GENERATED_STATUS = "approved"
CURATED_GENERATORS = ("import", "manual")


class QuizError(KnowledgeError):
    """A quiz request that cannot be served; str(e) is the Vietnamese message."""


class ChunkSource(Protocol):
    """What the bank needs from the library."""

    def chunks(self) -> list[Chunk]: ...

    def fingerprint(self) -> str: ...


@dataclass(frozen=True)
class GenerateReport:
    """What one (re)generation did."""

    generated: int
    added: int
    kept: int
    retired: int
    rejected: dict[str, int] = field(default_factory=dict)
    skipped: bool = False  # the library had not changed


def validate(fields: dict[str, Any]) -> list[str]:
    """Problems of a hand-written or edited question; its passage is checked when it has one."""
    options = [str(o) for o in fields.get("options", [])]
    correct = int(fields.get("correct", -1))
    passage = str(fields.get("source_text") or "")
    if not passage and 0 <= correct < len(options):
        passage = options[correct]  # no passage given: nothing to check the key against
    checked = problems(
        str(fields.get("text", "")), options, correct, str(fields.get("explanation", "")), passage
    )
    found = [quiz_checks.describe(problem) for problem in checked]
    if fields.get("difficulty") not in DIFFICULTIES:
        found.append(texts.BAD_DIFFICULTY_FIELD.format(choices=", ".join(DIFFICULTIES)))
    if fields.get("status") not in QUESTION_STATUSES:
        found.append(texts.BAD_STATUS_FIELD.format(choices=", ".join(QUESTION_STATUSES)))
    if fields.get("status") == "approved" and not str(fields.get("document") or "").strip():
        found.append(texts.APPROVED_NEEDS_SOURCE)
    return found


class QuizBank:
    """Generate, list, curate, import and export quiz questions."""

    def __init__(self, database: Database, library: ChunkSource) -> None:
        self.database = database
        self.library = library

    def generate(self, force: bool = False) -> GenerateReport:
        """Rebuild generated questions when the library changed; curated rows keep their state."""
        fingerprint = self.library.fingerprint()
        with self.database.session() as session:
            state = session.get(QuizBankState, 1)
            if state and state.library_fingerprint == fingerprint and not force:
                return GenerateReport(0, 0, 0, 0, skipped=True)
        chunks = self.library.chunks()
        result = generate_bank(chunks)
        live_documents = {chunk.meta.document for chunk in chunks}
        now = utcnow()
        added = kept = retired = 0
        with self.database.session() as session:
            rows = {q.fingerprint: q for q in session.scalars(select(QuizQuestion))}
            fresh = {item.fingerprint: item for item in result.items}
            for fp, item in fresh.items():
                if fp in rows:
                    kept += 1  # status and edits of a surviving question are left alone
                    continue
                session.add(self._row(item, fp, now))
                added += 1
            for fp, row in rows.items():
                if row.generator in CURATED_GENERATORS or row.status == "retired":
                    continue  # hand-written questions are the curators' to retire
                # Generated and gone: retired; edited: retired only with its document.
                gone = row.document not in live_documents if row.edited else fp not in fresh
                if gone:
                    row.status, row.updated_at = "retired", now
                    retired += 1
            state = session.get(QuizBankState, 1)
            if state is None:
                session.add(QuizBankState(id=1, library_fingerprint=fingerprint, generated_at=now))
            else:
                state.library_fingerprint, state.generated_at = fingerprint, now
        return GenerateReport(len(result.items), added, kept, retired, dict(result.rejected))

    @staticmethod
    def _row(item: QuizItem, fingerprint: str, now: Any) -> QuizQuestion:
        return QuizQuestion(
            text=item.text,
            options=list(item.options),
            correct=item.correct,
            explanation=item.explanation,
            document=item.document,
            section=item.section,
            source_text=item.source_text,
            topic=item.topic,
            difficulty=item.difficulty,
            status=GENERATED_STATUS,
            generator=item.generator,
            fingerprint=fingerprint,
            edited=False,
            created_at=now,
            updated_at=now,
        )

    def questions(
        self, status: str | None = None, topic: str | None = None
    ) -> list[dict[str, Any]]:
        """Questions in bank order, optionally filtered by status and a topic word."""
        with self.database.session() as session:
            query = select(QuizQuestion).order_by(QuizQuestion.id)
            if status:
                query = query.where(QuizQuestion.status == status)
            rows = [as_dict(q) for q in session.scalars(query)]
        if topic:
            wanted = norm(topic)
            rows = [
                r
                for r in rows
                if wanted in norm(f"{r['topic']} {r['text']} {r['source']['document']}")
            ]
        return rows

    def question(self, question_id: int) -> dict[str, Any]:
        with self.database.session() as session:
            row = session.get(QuizQuestion, question_id)
            if row is None:
                raise QuizError(texts.NO_SUCH_QUESTION.format(id=question_id))
            return as_dict(row)

    def set_status(self, question_id: int, status: str) -> dict[str, Any]:
        """Approve, retire or return a question to draft."""
        if status not in QUESTION_STATUSES:
            raise QuizError(texts.BAD_STATUS.format(status=status))
        with self.database.session() as session:
            row = session.get(QuizQuestion, question_id)
            if row is None:
                raise QuizError(texts.NO_SUCH_QUESTION.format(id=question_id))
            if status == "approved" and problems(
                row.text,
                row.options,
                row.correct,
                row.explanation,
                row.source_text or row.options[row.correct],
            ):
                raise QuizError(texts.CANNOT_APPROVE.format(id=question_id))
            row.status, row.updated_at = status, utcnow()
            return as_dict(row)

    def add(self, fields: dict[str, Any], generator: str = "manual") -> tuple[dict[str, Any], bool]:
        """Insert a curated question (or update it when `id` names one); returns (row, created)."""
        found = validate(fields)
        if found:
            raise QuizError("; ".join(found))
        now = utcnow()
        columns = {k: fields.get(k) for k in _EDITABLE}
        with self.database.session() as session:
            row = session.get(QuizQuestion, int(fields["id"])) if fields.get("id") else None
            if row is not None:
                for name, value in columns.items():
                    setattr(row, name, value)
                row.edited, row.updated_at = True, now
                return as_dict(row), False
            fp = fingerprint_of(
                str(fields["text"]),
                str(fields["options"][int(fields["correct"])]),
                str(fields["document"] or ""),
                str(fields["source_text"] or ""),
            )
            existing = session.scalar(select(QuizQuestion).where(QuizQuestion.fingerprint == fp))
            if existing is not None:
                return as_dict(existing), False
            row = QuizQuestion(
                **columns,
                generator=generator,
                fingerprint=fp,
                edited=True,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            return as_dict(row), True

    def pick(self, n: int, topic: str | None = None, exclude: Sequence[int] = ()) -> list[int]:
        """Ids of up to n approved questions on a topic (see `on_topic`), in a fresh random order,
        never two on the same fact."""
        import random

        rows = [
            q for q in on_topic(self.questions("approved"), topic) if q["id"] not in set(exclude)
        ]
        random.shuffle(rows)
        return [q["id"] for q in varied(rows, n)]

    def topics(self) -> list[tuple[str, int]]:
        """Topics of the approved substance questions with their counts, largest first."""
        counts = Counter(
            q["topic"] for q in self.questions("approved") if not is_organisational(q["generator"])
        )
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def on_topic(rows: list[dict[str, Any]], topic: str | None) -> list[dict[str, Any]]:
    """No topic: questions about substance. "văn bản": the organisational facts (dates, numbers,
    issuing bodies), only when asked for. A topic name ("cây tre", "32-CT/TW"): its substance
    questions; otherwise any question whose topic, text or document mentions the words."""
    substance = [q for q in rows if not is_organisational(q["generator"])]
    if not topic or not topic.strip():
        return substance
    if norm(topic) in {norm(word) for word in texts.DOCUMENT_FACTS_TOPICS}:
        return [q for q in rows if is_organisational(q["generator"])]
    named = [q for q in substance if topic_matches(q["topic"], topic)]
    if named:
        return named
    wanted = norm(topic)
    return [
        q for q in rows if wanted in norm(f"{q['topic']} {q['text']} {q['source']['document']}")
    ]


_EDITABLE = (
    "text",
    "options",
    "correct",
    "explanation",
    "document",
    "section",
    "source_text",
    "topic",
    "difficulty",
    "status",
)
