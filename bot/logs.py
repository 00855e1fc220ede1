"""Logging set up once per process, by the entry points (`python -m bot`, `ingest.py`)."""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Libraries that talk at INFO: alembic at every start (into the console chat), httpx with every
# request URL (Telegram URLs contain the bot token), the rest with routine chatter.
QUIET_LIBRARIES = (
    "alembic",
    "httpx",
    "httpcore",
    "telegram",
    "apscheduler",
    "chromadb",
    "sentence_transformers",
    "urllib3",
)


def configure(level: int = logging.INFO) -> None:
    """Our loggers at `level` on standard error; the noisy libraries at WARNING."""
    logging.basicConfig(level=level, format=FORMAT)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
