"""Settings and services for tests: the bundled corpus ingested once a session, copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from bot.wiring import Services
from knowledge.library import Library
from tests.auxil.corpus import CORPUS


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a test: no .env, everything under `data_dir` unless overridden."""
    fields: dict[str, Any] = {
        "data_dir": data_dir,
        "database_url": f"sqlite:///{data_dir / 'bot.db'}",
        "telegram_bot_token": None,
        "zalo_bot_token": None,
    }
    fields.update(overrides)
    return Settings(_env_file=None, **fields)  # type: ignore[call-arg]


def library_in(data_dir: Path, **overrides: object) -> Library:
    """The library of a data dir, wired as the bot wires it."""
    return Services(make_settings(data_dir, **overrides)).library


@pytest.fixture(scope="session")
def seeded_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data dir with the five seed documents ingested (embedding is the slow part: once)."""
    data_dir = tmp_path_factory.mktemp("seeded")
    services = Services(make_settings(data_dir))
    results = services.library.ingest_many([CORPUS])
    assert all(not isinstance(r, Exception) for r in results), results
    yield data_dir


@pytest.fixture
def services_factory(seeded_data_dir: Path, tmp_path: Path) -> Callable[..., Services]:
    """`services_factory(**overrides)`: fresh Services over a private copy of the seeded library."""
    count = 0

    def build(**overrides: Any) -> Services:
        nonlocal count
        count += 1
        data_dir = tmp_path / f"data{count}"
        shutil.copytree(seeded_data_dir, data_dir)
        return Services(make_settings(data_dir, **overrides))

    return build


@pytest.fixture
def seeded_services(services_factory: Callable[..., Services]) -> Services:
    return services_factory()


@pytest.fixture
def bot_dirs(seeded_data_dir: Path, tmp_path: Path) -> tuple[Path, str]:
    """A private copy of the seeded library and a database, for a whole running bot."""
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_data_dir, data_dir)
    return data_dir, f"sqlite:///{tmp_path / 'bot.db'}"
