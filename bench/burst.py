"""The answering pipeline alone under a burst: 200 questions at once on N threads, no messenger.

    python bench/burst.py [--threads 1 16] [--library-cache DIR]

What bench/load.py's scenario (a) costs without Telegram, HTTP or the records database: the
dev v2 questions (128 distinct, so 72 asked twice) answered by one QAService from a thread pool,
as the Telegram channel does with CPU_WORKERS threads.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.services.qa import QAService  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.wiring import build_library  # noqa: E402

QUESTIONS = ROOT.parent / "shared" / "eval" / "dev_questions_v2.json"
FALLBACK = ["Bản sắc cây tre Việt Nam là gì?", "muc dich cua ke hoach la gi"]


def questions() -> list[str]:
    if QUESTIONS.exists():
        return [q["q"] for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]]
    return FALLBACK


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--library-cache", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=args.library_cache or Path(tmp), _env_file=None)  # type: ignore[call-arg]
        seeded = build_library(settings)
        if not seeded.documents():
            seeded.ingest_many([ROOT / "knowledge" / "corpus"])
        asked = [questions()[i % len(questions())] for i in range(200)]
        for threads in args.threads:
            # Fresh objects: no vector or answer remembered from the last round.
            qa = QAService(build_library(settings))
            qa.ask("khởi động")
            started = time.perf_counter()
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(qa.ask, asked))
            took = time.perf_counter() - started
            print(f"{threads:>2} threads: 200 questions in {took:.2f} s = {200 / took:.1f}/s")


if __name__ == "__main__":
    main()
