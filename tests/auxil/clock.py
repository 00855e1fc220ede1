"""A clock the test moves by hand (`clock.now += 60`), for time windows like the flood guard's."""

from __future__ import annotations


class Clock:
    """Returns `now` when called; starts at 1000 s."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now
