"""Recent answers by question and library version: a cell asking the same thing at once is
answered once. Only deterministic answers are kept (the extractive backend's)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from bot.services.answers import Answer


class AnswerCache:
    """A bounded, thread-safe map (question as asked, library fingerprint) → answer."""

    def __init__(self, size: int = 512) -> None:
        self._size = size
        self._answers: OrderedDict[tuple[str, str], Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, question: str, fingerprint: str) -> Answer | None:
        with self._lock:
            answer = self._answers.get((question, fingerprint))
            if answer is not None:
                self._answers.move_to_end((question, fingerprint))
            return answer

    def put(self, question: str, fingerprint: str, answer: Answer) -> None:
        with self._lock:
            self._answers[(question, fingerprint)] = answer
            self._answers.move_to_end((question, fingerprint))
            while len(self._answers) > self._size:
                self._answers.popitem(last=False)
