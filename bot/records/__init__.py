"""Participation records: who studied, who attended, what they asked."""

from bot.records.database import Database

__all__ = ["Database"]
