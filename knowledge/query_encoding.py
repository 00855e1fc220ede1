"""Query vectors for many chats at once: concurrent questions share one batched model call.

When a whole cell asks at the same moment, worker threads each need one query vector. A model
call costs nearly the same for one short query as for several, so the first waiting thread
becomes the leader: it encodes everything queued so far in one call while the others wait for
their row. Recent vectors are kept, since members of one cell often send the same question.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from knowledge.embeddings import Embedder, Vectors


@dataclass
class _Pending:
    text: str
    vector: Vectors | None = None
    error: BaseException | None = None
    done: bool = False


class QueryEncoder:
    """Thread-safe `embed_query` with micro-batching and a small cache of recent vectors."""

    def __init__(self, embedder: Embedder, max_batch: int = 32, cache_size: int = 1024) -> None:
        self._embedder = embedder
        self._max_batch = max_batch
        self._cache_size = cache_size
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._queue: list[_Pending] = []
        self._busy = False
        self._changed = threading.Condition()

    def encode(self, text: str) -> Vectors:
        """The query vector of `text`, batched with whatever other threads are asking."""
        with self._changed:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                return cached
            pending = _Pending(text)
            self._queue.append(pending)
            while True:
                while self._busy and not pending.done:
                    self._changed.wait()
                if pending.done:
                    return self._result(pending)
                self._busy = True  # this thread leads the next batch
                batch, self._queue = (
                    self._queue[: self._max_batch],
                    self._queue[self._max_batch :],
                )
                self._changed.release()
                try:
                    self._run(batch)
                finally:
                    self._changed.acquire()
                    self._busy = False
                    for item in batch:
                        item.done = True
                        if item.vector is not None:
                            self._remember(item.text, item.vector)
                    self._changed.notify_all()

    def forget(self) -> None:
        """Drop every remembered vector (benchmarks measure the model call)."""
        with self._changed:
            self._cache.clear()

    def _run(self, batch: list[_Pending]) -> None:
        texts = list(dict.fromkeys(item.text for item in batch))
        try:
            vectors = np.asarray(self._embedder.embed_queries(texts), dtype=np.float32)
        except Exception as error:  # every waiter of this batch gets the same error
            for item in batch:
                item.error = error
            return
        rows = dict(zip(texts, vectors, strict=True))
        for item in batch:
            item.vector = rows[item.text]

    def _remember(self, text: str, vector: Vectors) -> None:
        vector.setflags(write=False)  # shared by every later asker of the same text
        self._cache[text] = vector
        self._cache.move_to_end(text)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    @staticmethod
    def _result(pending: _Pending) -> Vectors:
        if pending.error is not None:
            raise pending.error
        assert pending.vector is not None
        return pending.vector
