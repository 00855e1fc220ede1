"""Types of the question-answering capability, shared by every channel."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """A cited passage. Field names are the `ask --json` contract."""

    document: str
    title: str
    number: str | None
    date: str | None
    section: str | None
    score: float
    text: str
    issuer: str | None = None


@dataclass(frozen=True)
class Answer:
    """An answer to one question: the text shown, whether the documents support it, sources."""

    text: str
    grounded: bool
    sources: list[Source] = field(default_factory=list)
    question: str = ""
    source_line: str = ""  # the citation that ends `text`; channels may style it apart


@dataclass
class Conversation:
    """The previous turns of one chat, used to resolve follow-up questions."""

    turns: list[tuple[str, Answer]] = field(default_factory=list)
    # Two members of a group may ask at once, on two worker threads: neither turn is lost.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def remember(self, question: str, answer: Answer, keep: int = 3) -> None:
        """Keep this turn and the `keep - 1` before it."""
        with self._lock:
            self.turns = [*self.turns, (question, answer)][-keep:]
