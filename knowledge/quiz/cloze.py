"""Cloze of a key statement: the phrase that carries its meaning is blanked, not a date or number.

The blank is the statement's rarest whole phrase (by inverse document frequency over the library)
that has parallel phrases elsewhere in the library: same head word, about the same length. Those
phrases are the distractors; one that the library writes in the same place is true, so it is not.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from knowledge.quiz import phrasing as ph
from knowledge.quiz.candidates import Candidate, Origin
from knowledge.quiz.checks import norm
from knowledge.quiz.statements import Statement

_GLUE = {
    "và", "của", "các", "những", "trong", "với", "về", "cho", "là", "để", "có", "được", "đã",
    "đến", "theo", "tại", "từ", "này", "một", "nhằm", "như", "hơn", "nữa", "rất", "cả", "toàn",
    "do", "thuộc", "trên", "ở", "vào", "bằng", "giữa", "mà", "thì", "hoặc", "sau", "khi",
}  # fmt: skip
_SHORT_STEM = 60
_OPENERS = ("khẳng định", "nhấn mạnh", "làm rõ", "làm sáng tỏ", "đánh giá")


class Rarity:
    """Inverse document frequency of folded words over the library's statements."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.docs = max(len(statements), 1)
        self.df: Counter[str] = Counter()
        for st in statements:
            self.df.update(set(norm(st.text).split()))

    def score(self, phrase: str) -> float:
        words = norm(phrase).split()
        return sum(math.log(self.docs / (1 + self.df[w])) for w in words) / max(len(words), 1)


def bounded_phrases(texts: Sequence[str]) -> tuple[str, ...]:
    """Phrases of 3–5 syllables that start after punctuation or a linking word and end before
    one: Vietnamese words have several syllables, so only such edges are word edges."""
    seen: dict[str, None] = {}
    for text in texts:
        for clause in re.split(r"[.;:!?,“”\"()]", text):
            words = clause.split()
            for i in range(len(words)):
                if i and words[i - 1].lower() not in _GLUE:
                    continue
                for size in (3, 4, 5):
                    piece = words[i : i + size]
                    if len(piece) < size or not all(w.isalpha() for w in piece):
                        continue
                    ends = i + size == len(words) or words[i + size].lower() in _GLUE
                    inner = {w.lower() for w in piece} - {"của"}  # "sự nghiệp của toàn Đảng"
                    if ends and not inner & _GLUE:
                        seen.setdefault(" ".join(piece), None)
    return tuple(seen)


def _segments(text: str) -> Iterator[list[list[str]]]:
    """Each clause of the text as its comma-separated segments, each a list of words."""
    for clause in re.split(r"[.;:!?“”\"()]", text):
        yield [segment.split() for segment in clause.split(",")]


def _is_item(words: Sequence[str]) -> bool:
    return 2 <= len(words) <= 4 and all(w.isalpha() and w.lower() not in _GLUE for w in words)


def paired_phrases(texts: Sequence[str]) -> tuple[str, ...]:
    """ "A, B" coordinations of two short items (two whole comma segments, not part of a longer
    list) and mirrored pairs: the same-type distractors of a blanked pair."""
    mirrored: dict[str, None] = {}
    seen: dict[str, None] = {}
    for text in texts:
        for segments in _segments(text):
            padded = [[], *segments, []]
            for i in range(1, len(padded) - 2):
                first, second = padded[i], padded[i + 1]
                # Two items alone: "chính quyền, cơ quan" from a longer list is no pair.
                alone = not _is_item(padded[i - 1]) and not _is_item(padded[i + 2])
                if alone and _is_item(first) and _is_item(second):
                    seen.setdefault(f"{' '.join(first)}, {' '.join(second)}", None)
        for pair in mirrored_pairs(text):
            mirrored.setdefault(pair, None)
    return tuple({**mirrored, **seen})  # mirrored pairs ("A hóa, B hóa") first


def mirrored_pairs(sentence: str) -> list[str]:
    """ "A, B …" ending a clause where B mirrors A (same length, same first or last syllable), so
    the pair's end is known even when a shared object follows it: the key of a pair cloze."""
    found = []
    for segments in _segments(sentence):
        if len(segments) < 2:
            continue
        first, last = segments[-2], segments[-1]
        second = last[: len(first)]
        mirrors = len(second) == len(first) and (
            second[0].lower() == first[0].lower() or second[-1].lower() == first[-1].lower()
        )
        opens = len(segments) == 2 or not _is_item(segments[-3])  # a pair, not a list's tail
        if _is_item(first) and _is_item(second) and mirrors and opens and first != second:
            found.append(f"{' '.join(first)}, {' '.join(second)}")
    return found


def _pair_parallel(pair: str, pairs: Sequence[str]) -> list[str]:
    """Other pairs whose items are about as long as the key's."""
    sizes = [len(item.split()) for item in pair.split(", ")]
    found = []
    for other in pairs:
        other_sizes = [len(item.split()) for item in other.split(", ")]
        if norm(other) == norm(pair) or len(other_sizes) != 2:
            continue
        if all(abs(a - b) <= 1 for a, b in zip(sizes, other_sizes, strict=True)):
            found.append(_same_case(pair, other))
    return list(dict.fromkeys(found))


def _same_case(model: str, phrase: str) -> str:
    """ "Phát huy vai trò" (a sentence start) reads "phát huy vai trò" beside a lower-case key."""
    if model[:1].islower() and phrase[:1].isupper() and phrase[1:2].islower():
        return phrase[:1].lower() + phrase[1:]
    return phrase


@lru_cache(maxsize=65536)
def _folded_words(phrase: str) -> tuple[str, ...]:
    return tuple(norm(phrase).split())


def parallel(phrase: str, pool: Sequence[str]) -> list[str]:
    """Phrases sharing the first two syllables (the head word) and about the same length."""
    words = list(_folded_words(phrase))
    own = set(words)
    found = []
    for p in pool:
        other = list(_folded_words(p))
        if other[:2] == words[:2] and abs(len(other) - len(words)) <= 1 and not set(other) <= own:
            found.append(_same_case(phrase, p))
    return list(dict.fromkeys(found))


def _blank_choices(
    sentence: str, pool: Sequence[str], pairs: Sequence[str], rarity: Rarity
) -> list[tuple[float, str, list[str]]]:
    """Phrases worth blanking with their same-type alternatives, the rarest first."""
    choices = []
    for phrase in bounded_phrases([sentence]):
        if any(norm(phrase).startswith(norm(o)) for o in _OPENERS):
            continue
        alternatives = parallel(phrase, pool)
        if len(alternatives) >= 2:
            score = rarity.score(phrase) + 0.1 * len(phrase.split())
            choices.append((score, phrase, alternatives))
    for pair in mirrored_pairs(sentence):
        alternatives = _pair_parallel(pair, pairs)
        if len(alternatives) >= 2:
            choices.append((rarity.score(pair) + 0.1 * len(pair.split()), pair, alternatives))
    return sorted(choices, key=lambda choice: choice[:2], reverse=True)


def cloze_candidates(
    mine: Sequence[Statement],
    pool: Sequence[str],
    rarity: Rarity,
    library: str,
    topic: str,
    pairs: Sequence[str] = (),
) -> Iterator[Candidate]:
    """One cloze per key sentence (or clause) of a core-content section."""
    for st in mine:
        if st.role != "core":
            continue
        for sentence in re.finditer(r"[^.;]{30,}", st.text):
            text = sentence.group(0).strip()
            choices = _blank_choices(text, pool, pairs, rarity)
            if not choices:
                continue
            _, phrase, parallels = choices[0]
            start = st.text.find(phrase, sentence.start())
            end = start + len(phrase)
            before = " ".join(norm(st.text[:start]).split()[-2:])
            after = " ".join(norm(st.text[end:]).split()[:2])
            # A distractor the library writes in the same place is true there: not a distractor.
            alternatives = tuple(
                p
                for p in parallels
                if f"{before} {norm(p)}" not in library and f"{norm(p)} {after}" not in library
            )
            stem = ph.window(st.text, start, end)
            if len(stem) < _SHORT_STEM:  # "___ quan hệ đối ngoại": show the clauses before it
                stem = ph.window(st.text, start, end, clause=False)
            why = ph.explanation(
                st.chunk.meta, st.chunk.section, ph.quote(st.text, start, end, 150)
            )
            yield Candidate(
                f"cloze:{before}:{norm(phrase)}:{after}",
                f"Theo {ph.label(st.chunk.meta)}, điền vào chỗ trống: “{stem}”",
                phrase,
                alternatives,
                why,
                Origin(st.chunk.meta, st.chunk.section, st.chunk.text, topic),
                "medium",
                "key_statements",
            )
