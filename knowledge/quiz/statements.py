"""Statements of a document with the role of the section they stand in (aim, task, core …)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.quiz import facts
from knowledge.textnorm import OUTLINE_MARKER, fold
from knowledge.types import Chunk

# Section roles, read from the words of a heading (folded). Order matters: the first match wins,
# so "MỤC ĐÍCH, YÊU CẦU" is an aim and "NỘI DUNG, HÌNH THỨC, THỜI GIAN" is organisation.
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("task", ("nhiem vu", "giai phap")),
    ("aim", ("muc dich",)),
    ("requirement", ("yeu cau",)),
    (
        "organisation",
        (
            "to chuc thuc hien",
            "to chuc quan triet",
            "hinh thuc",
            "doi tuong",
            "thoi gian",
            "thanh phan",
            "bao cao vien",
            "xay dung ke hoach",
        ),
    ),
    ("core", ("cot loi", "noi dung", "gia tri", "phan thu", "trong tam")),
)
SUBSTANCE_ROLES = ("core", "aim", "requirement", "task")
INLINE_ROLES = ("aim", "requirement", "task")  # "1- Mục đích: …" opens a section on its line
_LEVEL_ROMAN = re.compile(r"^(?:[IVX]{1,5}|\|)\s*[.\-–]")
_LEVEL_SUB = re.compile(r"^\d{1,2}\.\d{1,2}")
_LEVEL_NUM = re.compile(r"^\d{1,2}\s*[.\-–)]")
_LEVEL_LETTER = re.compile(r"^[a-zđ]\)")
_ITEM_NUMBER = re.compile(r"^\(\d{1,2}\)\s*")  # "(1) Thống nhất nhận thức …"
_INLINE_HEAD = re.compile(r"^(?P<head>[^:.;]{3,40}):\s*(?P<rest>.+)$")


@dataclass(frozen=True)
class Statement:
    """One bullet or paragraph of a section, with where it stands in its document."""

    text: str  # flattened, outline marker removed
    role: str | None  # see ROLE_WORDS; None before any recognised heading
    heading: str  # the nearest heading above it, as written
    role_heading: str  # the heading its role was read from
    chunk: Chunk


def role_of(heading: str) -> str | None:
    folded = fold(heading)
    for role, words in ROLE_WORDS:
        if any(word in folded for word in words):
            return role
    return None


def _level(line: str) -> int:
    if _LEVEL_ROMAN.match(line):
        return 1
    if _LEVEL_SUB.match(line):
        return 3
    if _LEVEL_NUM.match(line):
        return 2
    if _LEVEL_LETTER.match(line):
        return 4
    return 0


def _is_heading(line: str, body: str) -> bool:
    """A short line with an outline marker that is not a sentence, or an all-capitals line."""
    letters = [c for c in body if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(body) > 3:
        return True
    if _level(line) == 0:
        return False
    return (len(body) <= 120 and not body.rstrip().endswith((".", ";"))) or body.endswith(":")


def statements(chunks: Sequence[Chunk]) -> list[Statement]:
    """Every statement of one document (its chunks in order), each with its section's role."""
    found: list[Statement] = []
    headings: dict[int, str] = {}
    for chunk in sorted(chunks, key=lambda c: c.position):
        for raw in chunk.text.splitlines():
            line = facts.flat(raw)
            if not line:
                continue
            body = OUTLINE_MARKER.sub("", line, count=1).strip()
            level = _level(line)
            if _is_heading(line, body) and not line.startswith(("-", "+", "•", "*")):
                level = level or 1
                headings = {k: v for k, v in headings.items() if k < level}
                headings[level] = body
                inline = _INLINE_HEAD.match(body)
                if not (inline and role_of(inline["head"]) in INLINE_ROLES):
                    continue
            inline = _INLINE_HEAD.match(body)
            if level and inline and role_of(inline["head"]) in INLINE_ROLES:
                # "1- Mục đích: Tuyên truyền …": a heading and its first statement on one line.
                headings = {k: v for k, v in headings.items() if k < level}
                headings[level] = inline["head"]
                body = inline["rest"]
            role, role_heading = _current_role(headings) or _heading_role(chunk.heading)
            heading = headings[max(headings)] if headings else ""
            body = _ITEM_NUMBER.sub("", body)
            found.append(Statement(body, role, heading, role_heading, chunk))
    return found


def _current_role(headings: dict[int, str]) -> tuple[str, str] | None:
    for level in sorted(headings, reverse=True):
        role = role_of(headings[level])
        if role:
            return role, headings[level]
    return None


def _heading_role(path: str) -> tuple[str | None, str]:
    """The library's outline path, for a chunk whose headings came before the walk began."""
    for part in reversed(path.split(" > ")):
        role = role_of(part)
        if role:
            return role, part
    return None, ""
