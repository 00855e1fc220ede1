"""Retrieval benchmark: hit@1/hit@5 on the dev questions (with and without diacritics), latency,
ingest throughput and peak memory; then query latency on a synthetic 20,000-chunk library.

    python bench/retrieval.py [--synthetic 20000] [--skip-synthetic]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.settings import Settings  # noqa: E402
from bot.wiring import build_library  # noqa: E402
from knowledge.library import Library  # noqa: E402
from knowledge.store import StoredChunk  # noqa: E402
from knowledge.textnorm import fold  # noqa: E402
from knowledge.types import Chunk, DocumentMeta  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev_questions.json"


def load_questions() -> list[dict[str, object]]:
    path = DEV if DEV.exists() else ROOT / "bench" / "dev_questions.json"
    questions = json.loads(path.read_text(encoding="utf-8"))["questions"]
    return [q for q in questions if q.get("answerable", True)]


def percentile(values: list[float], pct: float) -> float:
    return float(np.percentile(np.asarray(values), pct))


def evaluate(library: Library, questions: list[dict[str, object]], strip: bool) -> dict[str, float]:
    hit1 = hit5 = 0
    for q in questions:
        text = str(q["q"])
        query = fold(text) if strip else text
        docs = [str(d) for d in q["docs"]]  # type: ignore[union-attr]
        hits = library.search(query, k=5)
        found = [h.chunk.meta.document[:3] in docs for h in hits]
        hit1 += bool(found[:1] and found[0])
        hit5 += any(found)
    n = len(questions)
    return {"hit@1": hit1 / n, "hit@5": hit5 / n}


def latency(library: Library, queries: list[str], rounds: int = 3) -> tuple[float, float]:
    for q in queries[:5]:
        library.search(q)  # warm-up
    samples = []
    for _ in range(rounds):
        for q in queries:
            library.retriever.queries.forget()  # every query pays its model call
            start = time.perf_counter()
            library.search(q, k=5)
            samples.append((time.perf_counter() - start) * 1000)
    return percentile(samples, 50), percentile(samples, 95)


def synthetic(library: Library, target: int, queries: list[str]) -> None:
    """Grow the library to `target` chunks: recombined real sentences, real vectors + noise.

    Embedding 20k passages on 2 cores would take most of an hour; what this measures is how
    search latency grows with index size, so vectors are derived from the real chunks'.
    """
    base = library.snapshot().chunks
    vectors = library.embedder.embed_passages([c.index_text for c in base])
    rng = random.Random(7)
    nprng = np.random.default_rng(7)
    sentences = [s for c in base for s in c.chunk.text.split(". ") if len(s) > 40]
    per_doc = 500
    made = len(base)
    doc_index = 0
    print(f"\nsynthetic library: growing from {made} to {target} chunks")
    checkpoints = [1000, 5000, 10000, 20000]
    while made < target:
        count = min(per_doc, target - made)
        name = f"synthetic_{doc_index:04d}.txt"
        meta = DocumentMeta(document=name, title=f"Tài liệu tổng hợp {doc_index}")
        sha = f"{doc_index:064d}"
        stored, vecs = [], []
        for i in range(count):
            source = rng.randrange(len(base))
            text = ". ".join(rng.sample(sentences, 3))
            chunk = Chunk(f"syn{doc_index}:{i}", meta, "I > 1", "I. Tổng hợp", text, i)
            stored.append(StoredChunk(chunk=chunk, sha=sha, index_text=text))
            noisy = vectors[source] + nprng.normal(0, 0.02, vectors.shape[1]).astype(np.float32)
            vecs.append(noisy / np.linalg.norm(noisy))
        library.store.replace_document(meta, sha, stored, np.stack(vecs))
        made += count
        doc_index += 1
        if any(made >= c > made - count for c in checkpoints) or made >= target:
            library._invalidate()
            start = time.perf_counter()
            library.snapshot()
            rebuild = time.perf_counter() - start
            p50, p95 = latency(library, queries, rounds=2)
            print(
                f"  {made:>6} chunks: query p50 {p50:6.1f} ms  p95 {p95:6.1f} ms"
                f"  (in-memory index rebuild {rebuild:.1f} s)"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--synthetic", type=int, default=20000)
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    questions = load_questions()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), _env_file=None)  # type: ignore[call-arg]
        library = build_library(settings)
        start = time.perf_counter()
        results = library.ingest_many([ROOT / "knowledge" / "corpus"])
        elapsed = time.perf_counter() - start
        chunks = len(library.snapshot().chunks)
        print(
            f"ingest: {len(results)} files, {chunks} chunks in {elapsed:.1f} s"
            f" = {chunks / elapsed:.1f} chunks/s"
        )
        for fusion in ("rrf", "weighted"):
            library.retriever.fusion = fusion
            written = evaluate(library, questions, strip=False)
            stripped = evaluate(library, questions, strip=True)
            print(
                f"{fusion:>8}: with diacritics hit@1 {written['hit@1']:.2f}"
                f" hit@5 {written['hit@5']:.2f}"
                f" | without hit@1 {stripped['hit@1']:.2f} hit@5 {stripped['hit@5']:.2f}"
                f"  (n={len(questions)})"
            )
        library.retriever.fusion = settings.fusion  # the default the product runs
        queries = [str(q["q"]) for q in questions] + [fold(str(q["q"])) for q in questions]
        p50, p95 = latency(library, queries)
        print(
            f"query latency ({settings.fusion}, warm, {len(queries)} queries x3):"
            f" p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (RSS): {peak:.0f} MB")
        if not args.skip_synthetic:
            synthetic(library, args.synthetic, queries)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"peak memory after synthetic growth (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
