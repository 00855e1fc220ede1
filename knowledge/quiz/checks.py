"""Verification of a question against its source passage: the answer-key safety net."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from knowledge.quiz.types import (
    MAX_EXPLANATION_CHARS,
    MAX_OPTION_CHARS,
    MAX_OPTIONS,
    MAX_QUESTION_CHARS,
    MIN_OPTIONS,
)
from knowledge.textnorm import canonical_doc_numbers, fold


class Check(StrEnum):
    """Why a question must not be shown (the bot words them: bot/texts/quiz_checks.py)."""

    EMPTY_QUESTION = "empty_question"
    QUESTION_TOO_LONG = "question_too_long"  # length, limit
    OPTION_COUNT = "option_count"  # low, high, count
    EMPTY_OPTION = "empty_option"
    OPTION_TOO_LONG = "option_too_long"  # length, limit
    EXPLANATION_TOO_LONG = "explanation_too_long"  # length, limit
    DUPLICATE_OPTIONS = "duplicate_options"
    NESTED_OPTIONS = "nested_options"
    BAD_KEY = "bad_key"
    KEY_UNSUPPORTED = "key_unsupported"
    DISTRACTOR_SUPPORTED = "distractor_supported"  # option
    NEGATIVE_KEY_STATED = "negative_key_stated"
    NEGATIVE_OPTION_UNSUPPORTED = "negative_option_unsupported"  # option
    NO_DISTRACTORS = "no_distractors"  # the generator found too few false options


@dataclass(frozen=True)
class Problem:
    """One reason a question is refused, with the values a message would quote."""

    code: Check
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return str(self.code)  # what generation summaries count refusals by


_DATE = re.compile(r"\b0?(\d{1,2})\s*/\s*0?(\d{1,2})\s*/\s*(\d{4})\b")
_PUNCT = re.compile(r"[“”\"'‘’«»()\[\]*]")
_BULLET = re.compile(r"(?m)^\s*[-+–•*]\s+")  # "- Góp phần …": the dash is no part of the text
_SPACES_AROUND = re.compile(r"\s*([-/])\s*")


def norm(text: str) -> str:
    """Fold and canonicalise (dates, document numbers, quotes, spaces) for comparisons."""
    text = _BULLET.sub("", canonical_doc_numbers(text))
    text = _DATE.sub(lambda m: f"{int(m[1])}/{int(m[2])}/{m[3]}", text)
    text = _PUNCT.sub(" ", fold(text))
    text = _SPACES_AROUND.sub(r"\1", text)
    return " ".join(text.split())


def _has_words(haystack: str, needle: str) -> bool:
    """Whole-word containment on already normalised text ("1/6/2019" is not in "21/6/2019")."""
    pattern = rf"(?<![\w/-]){re.escape(needle)}(?![\w/-])"
    return bool(needle) and re.search(pattern, haystack) is not None


_NEGATIVE = re.compile(r"\bKHÔNG\b")


def is_negative(text: str) -> bool:
    """ "Ý nào KHÔNG thuộc …?": the key is the option its passage does not state."""
    return _NEGATIVE.search(text) is not None


def supports(passage: str, phrase: str) -> bool:
    """Whether the passage states the phrase, as whole words, after folding."""
    return _has_words(norm(passage), norm(phrase))


def problems(
    text: str, options: list[str] | tuple[str, ...], correct: int, explanation: str, passage: str
) -> list[Problem]:
    """Every reason this question must not be shown; empty when it is safe."""
    found: list[Problem] = []
    if not text.strip():
        found.append(Problem(Check.EMPTY_QUESTION))
    if len(text) > MAX_QUESTION_CHARS:
        found.append(_too_long(Check.QUESTION_TOO_LONG, text, MAX_QUESTION_CHARS))
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        counts = {"low": MIN_OPTIONS, "high": MAX_OPTIONS, "count": len(options)}
        found.append(Problem(Check.OPTION_COUNT, counts))
    for option in options:
        if not option.strip():
            found.append(Problem(Check.EMPTY_OPTION))
        elif len(option) > MAX_OPTION_CHARS:
            found.append(_too_long(Check.OPTION_TOO_LONG, option, MAX_OPTION_CHARS))
    if len(explanation) > MAX_EXPLANATION_CHARS:
        found.append(_too_long(Check.EXPLANATION_TOO_LONG, explanation, MAX_EXPLANATION_CHARS))
    folded = [norm(option) for option in options]
    if len(set(folded)) != len(folded):
        found.append(Problem(Check.DUPLICATE_OPTIONS))
    elif any(a != b and _has_words(b, a) for a in folded for b in folded):
        found.append(Problem(Check.NESTED_OPTIONS))
    if not 0 <= correct < len(options):
        found.append(Problem(Check.BAD_KEY))
        return found
    if is_negative(text):
        # The passage states every option but the key, and not the key.
        if supports(passage, options[correct]):
            found.append(Problem(Check.NEGATIVE_KEY_STATED))
        for index, option in enumerate(options):
            if index != correct and not supports(passage, option):
                found.append(Problem(Check.NEGATIVE_OPTION_UNSUPPORTED, {"option": option}))
        return found
    if not supports(passage, options[correct]):
        found.append(Problem(Check.KEY_UNSUPPORTED))
    for index, option in enumerate(options):
        if index != correct and supports(passage, option):
            found.append(Problem(Check.DISTRACTOR_SUPPORTED, {"option": option}))
    return found


def _too_long(code: Check, text: str, limit: int) -> Problem:
    return Problem(code, {"length": len(text), "limit": limit})
