"""Vietnam's clock for every time shown, and logging set up once with quiet libraries."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from bot import logs
from bot.texts.formats import when
from bot.timezone import VN_TIME, vietnam_time


def test_times_are_shown_on_vietnam_clock() -> None:
    moment = datetime(2026, 4, 24, 1, 30, tzinfo=UTC)
    assert vietnam_time(moment).utcoffset() == VN_TIME.utcoffset(moment)
    assert when(moment) == "08:30 24/04/2026"
    assert when(datetime(2026, 12, 31, 17, 0, tzinfo=UTC)) == "00:00 01/01/2027"


def test_noisy_libraries_log_only_warnings() -> None:
    before = {name: logging.getLogger(name).level for name in logs.QUIET_LIBRARIES}
    try:
        logs.configure(logging.INFO)
        for name in ("alembic", "alembic.runtime.migration", "httpx", "telegram.ext"):
            assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
            assert logging.getLogger(name).isEnabledFor(logging.WARNING), name
    finally:
        for name, level in before.items():
            logging.getLogger(name).setLevel(level)  # setLevel also clears the cached answers
