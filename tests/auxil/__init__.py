"""Shared test helpers: fake servers, fixtures (registered in tests/conftest.py), documents."""
