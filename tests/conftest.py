"""Registers the shared fixtures of tests/auxil/ and guards the network: loopback only."""

from __future__ import annotations

import pytest

from tests.auxil.network import install_loopback_guard

# Fixture modules, shared by every folder (helpers are imported from tests.auxil directly).
pytest_plugins = [
    "tests.auxil.services",
    "tests.auxil.database",
    "tests.auxil.records_world",
    "tests.auxil.quiz",
    "tests.auxil.telegram_bot",
    "tests.auxil.zalo_bot",
]

LOOPBACK_GUARD = pytest.StashKey[pytest.MonkeyPatch]()


def pytest_configure(config: pytest.Config) -> None:
    """From collection to the end of the run, connect only to 127.0.0.1, ::1 or unix sockets."""
    patch = pytest.MonkeyPatch()
    install_loopback_guard(patch)
    config.stash[LOOPBACK_GUARD] = patch


def pytest_unconfigure(config: pytest.Config) -> None:
    config.stash[LOOPBACK_GUARD].undo()
