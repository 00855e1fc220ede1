"""Answer benchmark on the dev questions: answer accuracy, source accuracy, declines, latency;
and the grounding-threshold sweep used to calibrate bot/services/grounding.py.

    python bench/answers.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.services import grounding  # noqa: E402
from bot.services.qa import QAService  # noqa: E402
from bot.settings import Settings  # noqa: E402
from knowledge.library import Library  # noqa: E402
from knowledge.textnorm import fold  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev_questions.json"


def must_ok(answer: str, must: list[object]) -> bool:
    folded = fold(answer)
    for item in must:
        options = item if isinstance(item, list) else [item]
        if not any(fold(str(o)) in folded for o in options):
            return False
    return True


def main() -> None:
    path = DEV if DEV.exists() else ROOT / "bench" / "dev_questions.json"
    dev = json.loads(path.read_text(encoding="utf-8"))["questions"]
    offtopic = json.loads((ROOT / "bench" / "offtopic_questions.json").read_text())["questions"]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), _env_file=None)  # type: ignore[call-arg]
        library = Library.from_settings(settings)
        library.ingest_many([ROOT / "knowledge" / "corpus"])
        qa = QAService(library)
        qa.ask("khởi động")  # warm-up
        answerable = [q for q in dev if q.get("answerable", True)]
        unanswerable = [q["q"] for q in dev if not q.get("answerable", True)]
        rows = []
        latencies = []
        for variant in ("written", "folded"):
            correct = sourced = first = declined = 0
            for q in answerable:
                question = q["q"] if variant == "written" else fold(q["q"])
                start = time.perf_counter()
                answer = qa.ask(question)
                latencies.append((time.perf_counter() - start) * 1000)
                ok = answer.grounded and must_ok(answer.text, q["must"])
                src = any(s.document[:3] in q["docs"] for s in answer.sources)
                correct += ok
                sourced += src
                first += bool(answer.sources) and answer.sources[0].document[:3] in q["docs"]
                declined += not answer.grounded
                if not ok and variant == "written":
                    print(f"  miss {q['id']}: {q['q']}\n       -> {answer.text[:160]!r}")
            n = len(answerable)
            rows.append((variant, correct / n, sourced / n, first / n, declined / n))
        decline_hits = 0
        for question in unanswerable:
            answer = qa.ask(question)
            decline_hits += not answer.grounded
        off_hits = 0
        for question in offtopic:
            answer = qa.ask(question)
            off_hits += not answer.grounded
            if answer.grounded:
                print(f"  answered off-topic: {question!r} -> {answer.text[:100]!r}")
        for variant, acc, src, top, fd in rows:
            print(
                f"{variant:>8}: answer accuracy {acc:.2f}, source accuracy {src:.2f}"
                f" (first source {top:.2f}), false declines {fd:.2f} (n={len(answerable)})"
            )
        print(f"unanswerable (dev) declined: {decline_hits}/{len(unanswerable)}")
        print(f"off-topic (bench/offtopic_questions.json) declined: {off_hits}/{len(offtopic)}")
        arr = np.asarray(latencies)
        print(
            f"latency (extractive, warm): p50 {np.percentile(arr, 50):.1f} ms,"
            f" p95 {np.percentile(arr, 95):.1f} ms"
        )
        sweep(qa, library, answerable, unanswerable + offtopic)


def sweep(qa: QAService, library: Library, answerable: list[dict], declines: list[str]) -> None:
    """Grounding features of every question, and error rates for candidate thresholds."""
    lexical = library.snapshot().lexical

    def features(question: str) -> tuple[float, float, bool]:
        hits = library.search(question, k=8)
        g = grounding.judge(question, hits, lexical.idf, set(lexical.vocabulary))
        return g.coverage, g.dense, g.missing_reference is not None

    pos = [features(q["q"]) for q in answerable] + [features(fold(q["q"])) for q in answerable]
    neg = [features(q) for q in declines]
    print(
        f"\nmax coverage among questions to decline: {max(c for c, _, m in neg if not m):.2f};"
        f" lowest among answerable: {min(c for c, _, _ in pos):.2f}"
    )
    print(
        f"max similarity among questions to decline: {max(d for _, d, m in neg if not m):.3f};"
        f" lowest among answerable: {min(d for _, d, _ in pos):.3f}"
    )
    print(
        "\ngrounding sweep: false-decline rate (answerable, both variants)"
        " / false-answer rate (unanswerable + off-topic)"
    )
    for cov in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        cells = []
        for dense in (0.80, 0.82, 0.83, 0.84, 0.85, 0.86):
            fd = np.mean([not (c >= cov and d >= dense and not m) for c, d, m in pos])
            fa = np.mean([c >= cov and d >= dense and not m for c, d, m in neg])
            cells.append(f"d>={dense:.2f}: {fd:.2f}/{fa:.2f}")
        print(f"  cov>={cov:.2f}  " + "  ".join(cells))
    print(f"  (in use: coverage >= {grounding.MIN_COVERAGE}, dense >= {grounding.MIN_DENSE})")


if __name__ == "__main__":
    main()
