"""The full records metadata: this package's tables plus the quiz tables when present."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from sqlalchemy import MetaData

from bot.records.models import Base


def load_metadata() -> MetaData:
    """Import every model module so `Base.metadata` knows all tables, and return it."""
    # Quiz models are owned by another capability and may not exist yet in a checkout.
    if find_spec("bot.records.quiz_models") is not None:
        import_module("bot.records.quiz_models")
    return Base.metadata
