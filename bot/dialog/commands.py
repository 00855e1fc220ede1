"""Reading a text message as a command: with or without `/`, any case, with or without accents."""

from __future__ import annotations

import re
from dataclasses import dataclass

# `fold` (lower case, no accents, đ→d) is the one in knowledge.textnorm; tests import it here.
from knowledge.textnorm import fold

# A practice-quiz answer: one letter, optionally followed by "." or ")" — e.g. "b", "C.", "d)".
_CHOICE = re.compile(r"^\s*([a-dA-D])\s*[.)]?\s*$")


@dataclass(frozen=True)
class Command:
    """A command word (folded: lower case, no accents, no slash) and the rest of the text."""

    name: str
    argument: str


def parse_command(text: str, known: frozenset[str]) -> Command | None:
    """The command in `text` if its first word (slash optional, `@bot` suffix dropped) is known."""
    parts = text.strip().split(maxsplit=1)
    if not parts:
        return None
    name = fold(parts[0].lstrip("/").split("@", 1)[0])
    if name not in known:
        return None
    return Command(name=name, argument=parts[1].strip() if len(parts) > 1 else "")


def parse_choice(text: str) -> str | None:
    """The letter A–D when `text` is a bare answer choice, else None."""
    match = _CHOICE.match(text)
    return match.group(1).upper() if match else None
