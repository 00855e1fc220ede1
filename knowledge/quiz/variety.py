"""Which questions test the same fact, so that one quiz never asks it twice."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from knowledge.quiz.checks import norm

_EVIDENCE = re.compile(r"“(.*)”\s*$", re.DOTALL)


def evidence(explanation: str) -> set[str]:
    """The words of the source sentence the explanation quotes; none when it quotes nothing
    (a hand-written explanation: two questions on one passage may test different facts)."""
    match = _EVIDENCE.search(explanation)
    return set(norm(match[1]).replace("…", " ").split()) if match else set()


def same_fact(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same key, or keys inside one another, or mostly the same quoted sentence."""
    key_a, key_b = norm(a["options"][a["correct"]]), norm(b["options"][b["correct"]])
    if key_a == key_b or (len(key_a) > 8 and key_a in key_b) or (len(key_b) > 8 and key_b in key_a):
        return True
    ev_a, ev_b = evidence(a["explanation"]), evidence(b["explanation"])
    union = ev_a | ev_b
    return bool(union) and len(ev_a & ev_b) / len(union) >= 0.5


def varied(
    rows: Sequence[dict[str, Any]], n: int, conflict: Callable[[Any, Any], bool] = same_fact
) -> list[dict[str, Any]]:
    """Up to n rows in the given order, skipping any that tests a fact already chosen."""
    chosen: list[dict[str, Any]] = []
    for row in rows:
        if len(chosen) == n:
            break
        if not any(conflict(row, other) for other in chosen):
            chosen.append(row)
    return chosen
