"""Operator settings read from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT, Settings


def test_a_variable_left_empty_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "DATA_DIR=" left empty in .env must not put the library in the current directory."""
    monkeypatch.setenv("DATA_DIR", "")
    assert Settings(_env_file=None).data_dir == PROJECT_ROOT / "data"  # type: ignore[call-arg]
    monkeypatch.setenv("DATA_DIR", "/srv/chibo")
    assert Settings(_env_file=None).data_dir == Path("/srv/chibo")  # type: ignore[call-arg]
