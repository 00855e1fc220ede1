"""Finishing a candidate: distractors false by the passage and the library, a measured
difficulty, the options shuffled and every check passed."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence

from knowledge.quiz import substance
from knowledge.quiz.candidates import Candidate
from knowledge.quiz.checks import Check, Problem, norm, problems, supports
from knowledge.quiz.types import MAX_OPTION_CHARS, QuizItem

DISTRACTORS = 3


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", norm(text)))


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def measure_difficulty(
    correct: str, distractors: Sequence[str], passage: str, list_size: int
) -> str:
    """From measurable features: how alike the options are, how long the passage, the list size."""
    alike = sum(_similarity(correct, d) for d in distractors) / max(len(distractors), 1)
    score = 0.5 * alike + 0.3 * min(len(passage) / 1200, 1.0) + 0.2 * min(list_size / 6, 1.0)
    return "easy" if score < 0.2 else "medium" if score < 0.35 else "hard"


def _acceptable(candidate: Candidate, option: str, taken: list[str]) -> bool:
    n = norm(option)
    if not n or len(option) > MAX_OPTION_CHARS or any(n in t or t in n for t in taken):
        return False
    if candidate.negative:
        return supports(candidate.origin.passage, option)  # the options the passage does state
    if supports(candidate.origin.passage, option):
        return False
    return not any(
        substance.overlap(option, truth) >= 0.8 or n in norm(truth) for truth in candidate.truths
    )


def finish(candidate: Candidate) -> QuizItem | list[Problem]:
    """Choose distractors (false by the passage and the library), shuffle, check everything."""
    rng = random.Random(hashlib.sha256(candidate.key.encode()).hexdigest())
    chosen: list[str] = []
    taken = [norm(candidate.correct)]
    pool = list(dict.fromkeys(candidate.pool))
    rng.shuffle(pool)
    for option in sorted(pool, key=lambda o: candidate.pool.index(o) > 4):
        if _acceptable(candidate, option, taken):
            chosen.append(option)
            taken.append(norm(option))
            if len(chosen) == DISTRACTORS:
                break
    if len(chosen) < 2:
        return [Problem(Check.NO_DISTRACTORS)]
    options = [candidate.correct, *chosen]
    rng.shuffle(options)
    correct = options.index(candidate.correct)
    found = problems(
        candidate.text, options, correct, candidate.explanation, candidate.origin.passage
    )
    if found:
        return found
    difficulty = measure_difficulty(
        candidate.correct, chosen, candidate.origin.passage, candidate.list_size
    )
    return QuizItem(
        candidate.text,
        tuple(options),
        correct,
        candidate.explanation,
        candidate.origin.meta.document,
        candidate.origin.section,
        candidate.origin.passage,
        candidate.origin.topic,
        difficulty,
        candidate.generator,
    )
