"""Repair OCR-damaged Vietnamese ("trién khai dot sinh hoat chinh tri, tu twéng") from clean text.

A word is matched, after folding and undoing common OCR confusions (digits read for letters,
"w" for "ư"), to the clean library's vocabulary within one edit; the previous word decides
between close candidates (bigram counts), and the winner is written in its most frequent
accented form. Words with no close candidate are left as they are.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from knowledge.textnorm import fold, nfc

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_BEAM = 10
_PHRASE_BREAK = re.compile(r"[\n.,;:!?()\[\]“”\"]+")
_DIGIT_AS_LETTER = [str.maketrans("1068453", "loooase"), str.maketrans("1068453", "iooaase")]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _distance_at_most_one(a: str, b: str) -> int | None:
    """0 or 1 (one substitution, insertion, deletion or adjacent swap), else None."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 1:
        return None
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return 1
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] == b[diff[0] + 1]:
            return 1 if a[diff[1]] == b[diff[0]] else None
        return None
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return 1 if any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_))) else None


def _with_case(form: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


class OcrRepairer:
    """Corrects words of a damaged text against the vocabulary of clean documents."""

    def __init__(self, clean_texts: list[str]) -> None:
        self._forms: dict[str, Counter[str]] = defaultdict(Counter)
        self._unigrams: Counter[str] = Counter()
        self._form_counts: Counter[str] = Counter()
        self._bigrams: Counter[tuple[str, str]] = Counter()  # over accented forms
        for text in clean_texts:
            # Word pairs are read within a phrase: "… Nguyễn Phú Trọng" at a line's end and
            # "Ban …" opening the next are no pair ("TRUONG BAN" is "TRƯỞNG BAN").
            for phrase in _PHRASE_BREAK.split(nfc(text)):
                previous = ""
                for match in _WORD.finditer(phrase):
                    word = match.group().lower()
                    key = fold(word)
                    self._forms[key][word] += 1
                    self._unigrams[key] += 1
                    self._form_counts[word] += 1
                    self._bigrams[(previous, word)] += 1
                    previous = word
        self._by_delete: dict[str, set[str]] = defaultdict(set)
        for key in self._unigrams:
            self._by_delete[key].add(key)
            for deleted in _deletes(key):
                self._by_delete[deleted].add(key)

    def _keys(self, word: str) -> set[str]:
        base = fold(word).replace("w", "u")
        # "ư" and "u" are read as "ir", "ii" or "w" by OCR ("nhirng" → "những", "ciia" → "của").
        keys = {base, base.replace("ii", "u"), base.replace("ir", "u")}
        if any(c.isdigit() for c in base) and any(c.isalpha() for c in base):
            keys.update(base.translate(table) for table in _DIGIT_AS_LETTER)
        return keys

    def candidates(self, word: str) -> list[tuple[str, int]]:
        """Vocabulary keys within one edit of the word's OCR-undone forms, best first."""
        if word.isdigit() or not self._unigrams:
            return []
        found: dict[str, int] = {}
        for key in self._keys(word):
            pool = set(self._by_delete.get(key, ())).union(
                *(self._by_delete.get(d, set()) for d in _deletes(key))
            )
            for candidate in pool:
                distance = _distance_at_most_one(key, candidate)
                if distance is not None and distance < found.get(candidate, 2):
                    found[candidate] = distance
        forms = [
            (form, distance)
            for key, distance in found.items()
            for form, _count in self._forms[key].most_common(4)
        ]
        forms.sort(key=lambda fd: (fd[1], -self._form_counts[fd[0]]))
        return forms[:_BEAM]

    def _emission(self, key: str, distance: int) -> float:
        return math.log1p(self._form_counts[key]) - 4.0 * distance

    def _transition(self, previous: str, key: str) -> float:
        return 3.0 * math.log1p(self._bigrams[(previous, key)])

    def decode(self, words: list[str]) -> list[str]:
        """Best sequence of corrections for a run of words (Viterbi over bigram context)."""
        lattice = [self.candidates(w) or [(w.lower(), -1)] for w in words]
        scores = [{k: (self._emission(k, d) if d >= 0 else 0.0, "") for k, d in lattice[0]}]
        for position in range(1, len(words)):
            column: dict[str, tuple[float, str]] = {}
            for key, distance in lattice[position]:
                emission = self._emission(key, distance) if distance >= 0 else 0.0
                previous, (score, _) = max(
                    scores[-1].items(),
                    key=lambda item: item[1][0] + self._transition(item[0], key),
                )
                column[key] = (score + self._transition(previous, key) + emission, previous)
            scores.append(column)
        key = max(scores[-1].items(), key=lambda item: item[1][0])[0]
        keys = [key]
        for position in range(len(words) - 1, 0, -1):
            key = scores[position][key][1]
            keys.append(key)
        keys.reverse()
        out: list[str] = []
        for word, key, options in zip(words, keys, lattice, strict=True):
            if options[0][1] < 0:  # nothing close in the vocabulary: keep the word
                out.append(word)
            else:
                out.append(_with_case(key, word))
        return out

    def repair(self, lines: list[str]) -> tuple[list[str], float]:
        """Repaired lines and the share of words that were changed."""
        changed = total = 0
        out: list[str] = []
        for line in lines:
            matches = [
                m
                for m in _WORD.finditer(line)
                # "143-HD/BTGTW": parts of document numbers are codes, not words.
                if line[m.start() - 1 : m.start()] not in ("-", "/")
                and line[m.end() : m.end() + 1] not in ("-", "/")
            ]
            if not matches:
                out.append(line)
                continue
            fixed = self.decode([m.group() for m in matches])
            pieces: list[str] = []
            cursor = 0
            for match, word in zip(matches, fixed, strict=True):
                total += 1
                changed += word != match.group()
                pieces.extend((line[cursor : match.start()], word))
                cursor = match.end()
            pieces.append(line[cursor:])
            out.append("".join(pieces))
        return out, changed / max(1, total)
