"""The generated quiz question, independent of storage and channel."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# Telegram's quiz-poll limits; enforced at generation time so every stored question can be sent.
MAX_QUESTION_CHARS = 300
MAX_OPTION_CHARS = 100
MAX_EXPLANATION_CHARS = 200
MIN_OPTIONS = 2
MAX_OPTIONS = 4

DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class QuizItem:
    """One multiple-choice question with its answer key and the passage that proves it."""

    text: str
    options: tuple[str, ...]
    correct: int
    explanation: str
    document: str
    section: str | None
    source_text: str
    topic: str
    difficulty: str
    generator: str

    @property
    def answer(self) -> str:
        return self.options[self.correct]

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.text, self.answer, self.document, self.source_text)


def fingerprint_of(text: str, answer: str, document: str, passage: str) -> str:
    """Identity of a question: its wording, key and source. Distractors are left out on purpose:
    they come from library-wide pools, and a verified question stays valid when those change."""
    from knowledge.quiz.checks import norm

    parts = [norm(text), norm(answer), document, norm(passage)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
