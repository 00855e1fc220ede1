"""Verification of a question against its source passage: the answer-key safety net."""

from __future__ import annotations

import re

from bot.texts import quiz as texts
from knowledge.quiz.types import (
    MAX_EXPLANATION_CHARS,
    MAX_OPTION_CHARS,
    MAX_OPTIONS,
    MAX_QUESTION_CHARS,
    MIN_OPTIONS,
)
from knowledge.textnorm import canonical_doc_numbers, fold

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
) -> list[str]:
    """Every reason this question must not be shown; empty when it is safe."""
    found: list[str] = []
    if not text.strip():
        found.append(texts.PROBLEM_EMPTY_QUESTION)
    if len(text) > MAX_QUESTION_CHARS:
        found.append(
            texts.PROBLEM_QUESTION_TOO_LONG.format(length=len(text), limit=MAX_QUESTION_CHARS)
        )
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        found.append(
            texts.PROBLEM_OPTION_COUNT.format(low=MIN_OPTIONS, high=MAX_OPTIONS, count=len(options))
        )
    for option in options:
        if not option.strip():
            found.append(texts.PROBLEM_EMPTY_OPTION)
        elif len(option) > MAX_OPTION_CHARS:
            found.append(
                texts.PROBLEM_OPTION_TOO_LONG.format(length=len(option), limit=MAX_OPTION_CHARS)
            )
    if len(explanation) > MAX_EXPLANATION_CHARS:
        found.append(
            texts.PROBLEM_EXPLANATION_TOO_LONG.format(
                length=len(explanation), limit=MAX_EXPLANATION_CHARS
            )
        )
    folded = [norm(option) for option in options]
    if len(set(folded)) != len(folded):
        found.append(texts.PROBLEM_DUPLICATE_OPTIONS)
    elif any(a != b and _has_words(b, a) for a in folded for b in folded):
        found.append(texts.PROBLEM_NESTED_OPTIONS)
    if not 0 <= correct < len(options):
        found.append(texts.PROBLEM_BAD_KEY)
        return found
    if is_negative(text):
        # The passage states every option but the key, and not the key.
        if supports(passage, options[correct]):
            found.append(texts.PROBLEM_NEGATIVE_KEY_STATED)
        for index, option in enumerate(options):
            if index != correct and not supports(passage, option):
                found.append(texts.PROBLEM_NEGATIVE_OPTION_UNSUPPORTED.format(option=option))
        return found
    if not supports(passage, options[correct]):
        found.append(texts.PROBLEM_KEY_UNSUPPORTED)
    for index, option in enumerate(options):
        if index != correct and supports(passage, option):
            found.append(texts.PROBLEM_DISTRACTOR_SUPPORTED.format(option=option))
    return found
