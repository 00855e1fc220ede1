"""Concurrent questions share batched query encodings; each asker gets its own vector."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from knowledge.embeddings import Vectors
from knowledge.query_encoding import QueryEncoder


def _vector_of(text: str) -> Vectors:
    """A vector that identifies its text: the first cell is its length, the second its hash."""
    return np.array([len(text), hash(text) % 1000, 1.0], dtype=np.float32)


class SlowEmbedder:
    """Records every model call; the first one waits until the test lets it go."""

    name = "slow"
    dim = 3
    max_tokens = 64

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.release = threading.Event()
        self.fail_on: str | None = None

    def embed_passages(self, texts: list[str]) -> Vectors:
        return np.stack([_vector_of(t) for t in texts])

    def embed_query(self, text: str) -> Vectors:
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: list[str]) -> Vectors:
        self.calls.append(list(texts))
        if len(self.calls) == 1:
            self.release.wait(5)
        if self.fail_on in texts:
            raise RuntimeError("model failed")
        return np.stack([_vector_of(t) for t in texts])


def _wait_for(check: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not check() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.01)


def test_waiting_questions_are_encoded_in_one_call_each_with_its_own_vector() -> None:
    embedder = SlowEmbedder()
    encoder = QueryEncoder(embedder, max_batch=32)
    questions = [f"câu hỏi số {i} về nghị quyết" for i in range(12)]
    with ThreadPoolExecutor(len(questions)) as pool:
        first = pool.submit(encoder.encode, questions[0])
        _wait_for(lambda: len(embedder.calls) == 1)  # the first call is in the model
        rest = [pool.submit(encoder.encode, q) for q in questions[1:]]
        time.sleep(0.2)  # let the other eleven queue up behind it
        embedder.release.set()
        vectors = [first.result(5)] + [f.result(5) for f in rest]
    for question, vector in zip(questions, vectors, strict=True):
        assert np.array_equal(vector, _vector_of(question))
    assert embedder.calls[0] == [questions[0]]
    assert len(embedder.calls) == 2  # everyone who waited went in the second call
    assert sorted(embedder.calls[1]) == sorted(questions[1:])


def test_batches_never_exceed_the_limit() -> None:
    embedder = SlowEmbedder()
    encoder = QueryEncoder(embedder, max_batch=4)
    questions = [f"q{i}" for i in range(11)]
    with ThreadPoolExecutor(len(questions)) as pool:
        first = pool.submit(encoder.encode, questions[0])
        _wait_for(lambda: len(embedder.calls) == 1)
        rest = [pool.submit(encoder.encode, q) for q in questions[1:]]
        time.sleep(0.2)
        embedder.release.set()
        results = [first.result(5)] + [f.result(5) for f in rest]
    assert all(np.array_equal(v, _vector_of(q)) for q, v in zip(questions, results, strict=True))
    assert max(len(call) for call in embedder.calls) <= 4
    assert sum(len(call) for call in embedder.calls) == len(questions)


def test_a_repeated_question_is_not_encoded_again() -> None:
    embedder = SlowEmbedder()
    embedder.release.set()
    encoder = QueryEncoder(embedder, cache_size=2)
    a = encoder.encode("Bản sắc cây tre là gì?")
    b = encoder.encode("Bản sắc cây tre là gì?")
    assert np.array_equal(a, b) and len(embedder.calls) == 1
    encoder.encode("một")
    encoder.encode("hai")  # the cache holds two: the first question is forgotten
    encoder.encode("Bản sắc cây tre là gì?")
    assert len(embedder.calls) == 4
    with pytest.raises(ValueError):
        a[0] = 0.0  # a shared vector cannot be changed by one asker


def test_a_failed_call_reaches_every_asker_of_that_batch_and_the_next_ones_still_work() -> None:
    embedder = SlowEmbedder()
    embedder.fail_on = "hỏng"
    encoder = QueryEncoder(embedder)
    with ThreadPoolExecutor(3) as pool:
        first = pool.submit(encoder.encode, "đầu tiên")
        _wait_for(lambda: len(embedder.calls) == 1)
        broken = [pool.submit(encoder.encode, t) for t in ("hỏng", "cùng đợt")]
        time.sleep(0.2)
        embedder.release.set()
        assert np.array_equal(first.result(5), _vector_of("đầu tiên"))
        for future in broken:
            with pytest.raises(RuntimeError):
                future.result(5)
    assert np.array_equal(encoder.encode("cùng đợt"), _vector_of("cùng đợt"))
