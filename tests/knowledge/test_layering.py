"""Layers: knowledge/ never imports bot/, and no import cycle runs between top-level packages."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted(p.parent.name for p in ROOT.glob("*/__init__.py") if p.parent.name != "tests")


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def imported(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in the file: top level, in functions, under TYPE_CHECKING,
    and `importlib.import_module("...")` / `__import__("...")` with a literal name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            first = node.args[0]
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
                yield node.lineno, str(first.value)


def package_graph() -> dict[str, set[str]]:
    """Which top-level packages each one imports (itself left out)."""
    graph: dict[str, set[str]] = {package: set() for package in PACKAGES}
    for package in PACKAGES:
        for path in modules(package):
            for _, module in imported(path):
                top = module.split(".")[0]
                if top in graph and top != package:
                    graph[package].add(top)
    return graph


def test_the_packages_are_found() -> None:
    assert {"bot", "knowledge"} <= set(PACKAGES)
    assert len(modules("knowledge")) > 20


@pytest.mark.parametrize("path", modules("knowledge"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_knowledge_module_imports_nothing_from_bot(path: Path) -> None:
    offending = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for line, module in imported(path)
        if module == "bot" or module.startswith("bot.")
    ]
    assert offending == [], "knowledge/ must not import bot/ (raise codes, let bot word them)"


def test_no_import_cycle_between_top_level_packages() -> None:
    graph = package_graph()
    assert "knowledge" in graph["bot"]  # the one direction allowed
    cycles: list[list[str]] = []

    def visit(package: str, trail: list[str]) -> None:
        for target in sorted(graph[package]):
            if target in trail:
                cycles.append([*trail[trail.index(target) :], target])
            else:
                visit(target, [*trail, target])

    for package in PACKAGES:
        visit(package, [package])
    assert cycles == []


def test_the_checks_catch_an_import_of_bot(tmp_path: Path) -> None:
    """The parser sees every form of import a module could use."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from bot.settings import Settings\n"
        "def later():\n"
        "    import bot.texts.knowledge\n"
        "    import importlib\n"
        "    return importlib.import_module('bot.wiring')\n",
        encoding="utf-8",
    )
    found = [module for _, module in imported(sample)]
    assert {"bot.settings", "bot.texts.knowledge", "bot.wiring"} <= set(found)
