"""Plain formatting shared by the texts: times and percentages as people in Vietnam read them."""

from __future__ import annotations

from datetime import datetime

from bot.timezone import vietnam_time


def when(moment: datetime) -> str:
    """'08:30 24/04/2026', in Vietnam's time."""
    return vietnam_time(moment).strftime("%H:%M %d/%m/%Y")


def percent(value: float | None) -> str:
    """'87,5%' (decimal comma), or '—' when there is nothing to show."""
    return "—" if value is None else f"{value:.1f}%".replace(".", ",")
