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

from bot.texts.quiz_checks import describe
from knowledge.quiz import norm, problems, supports
from knowledge.quiz.checks import is_negative
from knowledge.quiz.topics import is_organisational

# The core ideas of issue 10, each as phrases of which one must be in a question or its key.
# Data for this benchmark only: no generator rule names a document, a person or a question.
CORE_IDEAS: list[tuple[str, tuple[str, ...]]] = [
    ("bản sắc “gốc vững, thân chắc, cành uyển chuyển”", ("gốc vững", "thân chắc")),
    ("ba trụ cột: đối ngoại Đảng, ngoại giao Nhà nước, đối ngoại nhân dân", ("các trụ cột",)),
    ("độc lập, tự chủ, hòa bình, hữu nghị, hợp tác và phát triển", ("độc lập, tự chủ",)),
    ("đa dạng hóa, đa phương hóa", ("đa dạng hóa, đa phương hóa",)),
    ("sự lãnh đạo của Đảng là nhân tố quan trọng nhất", ("nhân tố quan trọng nhất",)),
    ("Việt Nam là đối tác tin cậy, thành viên tích cực, có trách nhiệm", ("đối tác tin cậy",)),
    ("05 bài học kinh nghiệm", ("05 bài học",)),
    ("06 nhiệm vụ chủ yếu", ("06 nhiệm vụ",)),
    ("nhiệm vụ, giải pháp của Chỉ thị 32-CT/TW", ("32-CT/TW:nhiệm vụ",)),
    ("nhiệm vụ, giải pháp của Kết luận 57-KL/TW", ("57-KL/TW:nhiệm vụ",)),
]


def _covers(question: dict[str, Any], phrase: str) -> bool:
    if ":" in phrase:  # "topic:word": a question of that topic whose wording has the word
        topic, word = phrase.split(":", 1)
        return norm(topic) in norm(question["topic"]) and norm(word) in norm(question["text"])
    whole = f"{question['text']} {question['options'][question['correct']]}"
    return norm(phrase) in norm(whole)


def key_in_passage(question: dict[str, Any]) -> bool:
    """The key is stated by the cited passage (for "KHÔNG" questions: every other option is)."""
    passage = question["source"]["text"] or ""
    key = question["options"][question["correct"]]
    if is_negative(question["text"]):
        others = [o for i, o in enumerate(question["options"]) if i != question["correct"]]
        return not supports(passage, key) and all(supports(passage, o) for o in others)
    return supports(passage, key)


def build_bank() -> tuple[list[dict[str, Any]], dict[str, float]]:
    from bot.records.database import Database
    from bot.services.quiz_bank import QuizBank
    from bot.settings import Settings
    from bot.wiring import build_library

    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        library = build_library(settings)
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
        checked = problems(
            q["text"], q["options"], q["correct"], q["explanation"], q["source"]["text"] or ""
        )
        found = [describe(problem) for problem in checked]
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
    substance = [q for q in good if not is_organisational(q.get("generator", ""))]
    share = len(substance) / max(len(good), 1)
    print(
        f"\nsubstance (key not a date, number or issuing body): {len(substance)}/{len(good)}"
        f" = {share:.0%}"
    )
    print(f"keys found in their cited passage: {sum(map(key_in_passage, good))}/{len(good)}")
    print("\nper topic (substance / organisational):")
    topics = Counter(q["topic"] for q in good)
    for topic, count in topics.most_common():
        org = sum(1 for q in good if q["topic"] == topic and is_organisational(q["generator"]))
        print(f"  {count - org:4d} / {org:<3d} {topic}")
    print("\ncore ideas of issue 10 asked (questions):")
    missing = 0
    for idea, phrases in CORE_IDEAS:
        hits = sum(1 for q in good if any(_covers(q, p) for p in phrases))
        missing += hits == 0
        print(f"  {'✓' if hits else '✗'} {hits:3d}  {idea}")
    print(f"core ideas covered: {len(CORE_IDEAS) - missing}/{len(CORE_IDEAS)}")
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
