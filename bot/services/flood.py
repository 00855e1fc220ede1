"""Per-user flood protection: at most N questions in any sliding 60-second window."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from bot.services.identity import UserRef

WINDOW_S = 60.0


class FloodGuard:
    """Sliding-window rate limit per user (keyed by channel and id). Thread-safe."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._recent: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, user: UserRef) -> bool:
        """Record one request by `user` and say whether it is within the limit."""
        return self.admit(user) == 0

    def admit(self, user: UserRef) -> int:
        """Record one request by `user` if within the limit: 0, else whole seconds to wait.

        One step under the lock, so a refusal's wait matches the requests it counted.
        """
        if self.per_minute <= 0:
            return 0
        now = self._clock()
        with self._lock:
            recent = self._recent.setdefault((user.channel, user.user_id), deque())
            while recent and now - recent[0] >= WINDOW_S:
                recent.popleft()
            if len(recent) >= self.per_minute:
                return _wait_s(recent[-self.per_minute], now)
            recent.append(now)
            self._forget_idle(now)
            return 0

    def retry_after_s(self, user: UserRef) -> int:
        """Whole seconds until `user` may ask again (0 when allowed now)."""
        now = self._clock()
        with self._lock:
            recent = self._recent.get((user.channel, user.user_id), deque())
            live = [t for t in recent if now - t < WINDOW_S]
            if len(live) < self.per_minute or self.per_minute <= 0:
                return 0
            return _wait_s(live[-self.per_minute], now)

    def _forget_idle(self, now: float) -> None:
        # Keeps memory bounded by the users active in the last minute.
        if len(self._recent) > 10_000:
            idle = [
                key
                for key, times in self._recent.items()
                if not times or now - times[-1] >= WINDOW_S
            ]
            for key in idle:
                del self._recent[key]


def _wait_s(oldest_counted: float, now: float) -> int:
    # Until the oldest of the last `per_minute` requests leaves the window; at least 1 s.
    return max(1, math.ceil(WINDOW_S - (now - oldest_counted)))
