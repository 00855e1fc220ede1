"""Vietnam's time zone: every time shown to people is read on this clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _vietnam() -> tzinfo:
    """The IANA zone, from the system's zoneinfo or the `tzdata` package."""
    try:
        return ZoneInfo("Asia/Ho_Chi_Minh")
    except ZoneInfoNotFoundError:
        # Fallback for a machine with neither system zoneinfo nor `tzdata`: Vietnam has kept
        # UTC+7 without daylight saving since 1975, so a fixed offset shows the same times.
        return timezone(timedelta(hours=7), "ICT")


VN_TIME = _vietnam()


def vietnam_time(moment: datetime) -> datetime:
    """`moment` (timezone-aware) on Vietnam's clock."""
    return moment.astimezone(VN_TIME)
