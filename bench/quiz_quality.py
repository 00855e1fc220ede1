"""Quality of the generated question bank: every question checked against its source passage.

    python bench/quiz_quality.py                 # ingest the bundled corpus into a temp dir
    python bench/quiz_quality.py --file bank.json  # check `python -m bot quiz export --json`

Checks per question: the correct option is stated by its source passage (after folding),
options are distinct, no distractor is stated by the passage, Telegram limits. Prints counts
per generator, document, status; exits 1 if any approved question fails.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.quiz import norm, problems


def build_bank() -> tuple[list[dict[str, Any]], dict[str, float]]:
    from bot.records.database import Database
    from bot.services.quiz_bank import QuizBank
    from bot.settings import Settings
    from knowledge.library import Library

    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        library = Library.from_settings(settings)
        start = time.perf_counter()
        library.ingest_many([settings.corpus_dir])
        timings["ingest_s"] = time.perf_counter() - start
        database = Database(f"sqlite:///{Path(tmp) / 'bank.db'}")
        database.migrate()
        bank = QuizBank(database, library)
        start = time.perf_counter()
        bank.generate()
        timings["generate_s"] = time.perf_counter() - start
        questions = bank.questions()
        database.dispose()
    return questions, timings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, help="a JSON array from `quiz export --json`")
    args = parser.parse_args()
    if args.file:
        questions, timings = json.loads(args.file.read_text(encoding="utf-8")), {}
    else:
        questions, timings = build_bank()

    failures = []
    for q in questions:
        found = problems(
            q["text"], q["options"], q["correct"], q["explanation"], q["source"]["text"] or ""
        )
        if found:
            failures.append((q, found))
    approved = [q for q in questions if q["status"] == "approved"]
    bad_ids = {id(q) for q, _ in failures}
    good = [q for q in approved if id(q) not in bad_ids]
    distinct = {(norm(q["text"]), norm(q["options"][q["correct"]])) for q in good}

    print(f"questions: {len(questions)}   approved: {len(approved)}")
    print(f"approved passing every check: {len(good)}   distinct: {len(distinct)}")
    print(f"failing checks: {len(failures)}")
    for title, key in (
        ("per generator", lambda q: q.get("generator", "?")),
        ("per document", lambda q: q["source"]["document"]),
        ("per difficulty", lambda q: q["difficulty"]),
        ("per status", lambda q: q["status"]),
    ):
        print(f"\n{title}:")
        for name, count in sorted(Counter(map(key, questions)).items()):
            print(f"  {count:4d}  {name}")
    bamboo = [
        q
        for q in good
        if "cay tre" in norm(q["text"]) and "goc vung" in norm(q["options"][q["correct"]])
    ]
    print(f"\ncây tre identity questions (gốc vững, thân chắc, cành uyển chuyển): {len(bamboo)}")
    longest = max((len(q["text"]) for q in questions), default=0)
    longest_option = max((len(o) for q in questions for o in q["options"]), default=0)
    longest_why = max((len(q["explanation"]) for q in questions), default=0)
    print(f"longest question/option/explanation: {longest}/{longest_option}/{longest_why} chars")
    for name, value in timings.items():
        print(f"{name}: {value:.2f}")
    for q, found in failures[:20]:
        print(f"\nFAIL #{q.get('id')}: {q['text']}\n  " + "\n  ".join(found))
    return 1 if any(q["status"] == "approved" for q, _ in failures) else 0


if __name__ == "__main__":
    sys.exit(main())
