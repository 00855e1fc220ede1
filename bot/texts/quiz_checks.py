"""Why a quiz question is refused (knowledge/quiz/checks.py reports a code, these are its words)."""

from __future__ import annotations

from collections.abc import Mapping

from knowledge.quiz.checks import Check, Problem

TEMPLATES: Mapping[str, str] = {
    Check.EMPTY_QUESTION: "câu hỏi trống",
    Check.QUESTION_TOO_LONG: "câu hỏi dài {length} > {limit} ký tự",
    Check.OPTION_COUNT: "cần {low}–{high} phương án, có {count}",
    Check.EMPTY_OPTION: "có phương án trống",
    Check.OPTION_TOO_LONG: "phương án dài {length} > {limit} ký tự",
    Check.EXPLANATION_TOO_LONG: "giải thích dài {length} > {limit} ký tự",
    Check.DUPLICATE_OPTIONS: "các phương án trùng nhau",
    Check.NESTED_OPTIONS: "một phương án nằm trong phương án khác",
    Check.BAD_KEY: "đáp án đúng không hợp lệ",
    Check.KEY_UNSUPPORTED: "đoạn nguồn không chứa đáp án đúng",
    Check.DISTRACTOR_SUPPORTED: "phương án nhiễu “{option}” cũng có trong đoạn nguồn",
    Check.NEGATIVE_KEY_STATED: "câu hỏi “KHÔNG”: đoạn nguồn lại nêu đáp án đúng",
    Check.NEGATIVE_OPTION_UNSUPPORTED: "câu hỏi “KHÔNG”: đoạn nguồn không nêu phương án “{option}”",
    Check.NO_DISTRACTORS: "không đủ phương án nhiễu cùng loại",
}


def describe(problem: Problem) -> str:
    """The Vietnamese words for one problem, e.g. "các phương án trùng nhau"."""
    return TEMPLATES[problem.code].format(**problem.params)


class _Elided(dict[str, object]):
    """Format values: any one not known reads "…"."""

    def __missing__(self, key: str) -> str:
        return "…"


def describe_rejection(reason: str) -> str:
    """A generation summary key "generator: code" in words; keys already in words pass as they are.

    The counts group questions by code, so the values a message would quote are elided.
    """
    generator, _, code = reason.partition(": ")
    template = TEMPLATES.get(code)
    if template is None:
        return reason
    return f"{generator}: {template.format_map(_Elided())}"
