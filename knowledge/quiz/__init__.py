"""Quiz generation: rule-based, verifiable questions over the library's passages."""

from knowledge.quiz.checks import Check, Problem, norm, problems, supports
from knowledge.quiz.generate import GenerationResult, generate_bank
from knowledge.quiz.types import QuizItem

__all__ = [
    "Check",
    "GenerationResult",
    "Problem",
    "QuizItem",
    "generate_bank",
    "norm",
    "problems",
    "supports",
]
