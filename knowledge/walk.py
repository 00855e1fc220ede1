"""Which files a list of paths means: regular files only, never outside the folders given.

Inside a folder: symlink loops, dangling links, FIFOs, sockets and devices are skipped with
a warning (a FIFO is never opened: opening one blocks until a writer comes), and a link is
followed only when it resolves to a regular file inside that folder; linked folders are
not entered (their real folder is walked once anyway). A path given explicitly that is
missing or not a regular file is refused, without stopping the others.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import Code, KnowledgeError, Notice


@dataclass(frozen=True)
class Skipped:
    """Something inside a folder that was left alone, and why."""

    path: Path
    reason: Notice


@dataclass
class Walk:
    """The files to ingest, what was skipped inside folders, and the paths refused outright."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    refused: list[tuple[Path, KnowledgeError]] = field(default_factory=list)


def walk(paths: list[Path], suffixes: tuple[str, ...]) -> Walk:
    """Files as given, folders expanded to their files with `suffixes` (sorted by path)."""
    result = Walk()
    seen: set[Path] = set()
    for path in paths:
        try:
            mode = os.stat(path).st_mode  # follows a link the admin named explicitly
        except FileNotFoundError:
            problem = Code.BROKEN_LINK if path.is_symlink() else Code.NOT_FOUND
            result.refused.append((path, KnowledgeError(problem, name=path)))
            continue
        except OSError as error:  # ELOOP, EACCES...
            unreadable = KnowledgeError(Code.UNREADABLE, name=path, detail=error.strerror)
            result.refused.append((path, unreadable))
            continue
        if stat.S_ISDIR(mode):
            root = path.resolve()
            found: list[Path] = []
            _walk_folder(path, root, suffixes, found, result.skipped)
            # A file and a link to it: the file itself is kept, under its own name.
            kept = [f for f in sorted(found, key=lambda f: (f.is_symlink(), f)) if _new(f, seen)]
            result.files.extend(sorted(kept))
        elif stat.S_ISREG(mode):
            if _new(path, seen):
                result.files.append(path)
        else:
            refusal = KnowledgeError(Code.NOT_REGULAR_FILE, name=path)
            result.refused.append((path, refusal))
    return result


def _new(path: Path, seen: set[Path]) -> bool:
    """True the first time a file is met, by its real path."""
    real = path.resolve()
    if real in seen:
        return False
    seen.add(real)
    return True


def _walk_folder(
    folder: Path,
    root: Path,
    suffixes: tuple[str, ...],
    found: list[Path],
    skipped: list[Skipped],
) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        skipped.append(Skipped(folder, _unreadable(folder, error)))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as error:
            skipped.append(Skipped(path, _unreadable(path, error)))
            continue
        supported = path.suffix.lower() in suffixes
        if stat.S_ISDIR(mode):
            _walk_folder(path, root, suffixes, found, skipped)
        elif stat.S_ISLNK(mode):
            warning = _link_problem(path, root)
            if warning is None and supported:
                found.append(path)
            elif warning is not None:
                skipped.append(Skipped(path, warning))
        elif stat.S_ISREG(mode):
            if supported:
                found.append(path)
        else:  # FIFO, socket, device: never opened
            skipped.append(Skipped(path, Notice(Code.NOT_REGULAR_FILE, {"name": path})))


def _unreadable(path: Path, error: OSError) -> Notice:
    return Notice(Code.UNREADABLE, {"name": path, "detail": error.strerror})


def _link_problem(link: Path, root: Path) -> Notice | None:
    """None when the link leads to a regular file inside `root`, else why it is not followed."""
    try:
        target = link.resolve(strict=True)
        mode = os.stat(target).st_mode
    except (OSError, RuntimeError):  # dangling, or a loop (RuntimeError before Python 3.13)
        return Notice(Code.BROKEN_LINK, {"name": link})
    if not target.is_relative_to(root):
        return Notice(Code.LINK_OUTSIDE, {"name": link, "root": root})
    if stat.S_ISDIR(mode):
        return Notice(Code.LINKED_FOLDER, {"name": link})
    if not stat.S_ISREG(mode):
        return Notice(Code.NOT_REGULAR_FILE, {"name": link})
    return None
