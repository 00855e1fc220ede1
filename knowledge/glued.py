"""Words glued together by a text extraction: "địnhhướng", "BIỂUĐẢNG", "268-CV/VPTUChuẩn";
and syllables it split apart: "Vi ệt", "th ực" (`join_split_syllables`).

PDF and web-page extractions drop the space between two words where a line or a tag ended.
Glued, neither word matches a question, and the quote reads wrong. A Vietnamese word is one
syllable; a token with diacritics that is no syllable but splits into two, each written on its
own elsewhere in the same document, is two words. The document itself is the evidence: "banhành"
splits as "ban hành", not "ba nhành", because "ban" and "hành" stand alone in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from knowledge.syllables import VOWELS, is_syllable
from knowledge.textnorm import fold, has_diacritics

_WORD = re.compile(r"[^\W\d_]+")
# A code glued to the capitalised word after it: "VPTUChuẩn", "KH/TUKẾ" has no lowercase.
_CODE_THEN_WORD = re.compile(r"^([A-ZĐ]{2,})([A-ZĐ][^\W\d_A-Z]+)$")
MIN_PART = 2  # "a" and "ô" are syllables, but a glued one-letter word is rare and "axít" is one


def split_glued_words(text: str) -> str:
    """The text with each glued pair of words its own words again; others left as they are."""
    counts = Counter(w.lower() for w in _WORD.findall(text) if is_syllable(fold(w)))
    if not counts:
        return text
    cache: dict[str, str] = {}

    def repair(match: re.Match[str]) -> str:
        word = match[0]
        if word not in cache:
            cache[word] = _split(word, counts)
        return cache[word]

    return _WORD.sub(repair, text)


def _split(word: str, counts: Counter[str]) -> str:
    folded = fold(word)
    if len(folded) < 2 * MIN_PART or is_syllable(folded):
        return word
    code = _CODE_THEN_WORD.match(word)
    if code is not None and counts[code[2].lower()] and not has_diacritics(code[1]):
        return f"{code[1]} {code[2]}"
    if not has_diacritics(word):  # English, names, codes: no evidence they are Vietnamese
        return word
    best, support = None, 0
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        if not (is_syllable(fold(left)) and is_syllable(fold(right))):
            continue
        found = min(counts[left.lower()], counts[right.lower()])
        if found > support:
            best, support = cut, found
    return word if best is None else f"{word[:best]} {word[best:]}"


# Syllables a PDF's extraction split ("Vi ệt", "th ực", "Đả ng"): pypdf reads a kerning gap
# inside a word as a space. Two letter runs on one line, one space apart.
# The right part is only looked at, so that it is also the left part of the next pair.
_PAIR = re.compile(r"(?<!\S)([^\W\d_]+) (?=([^\W\d_]+)(?:[\s,;:!?)”\"]|$))")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_DIPHTHONG_ENDS = frozenset("êếềểễệôốồổỗộơớờởỡợ")


def _tones(word: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", word) if c in _TONES)


def _vowelless(part: str) -> bool:
    return not VOWELS & set(fold(part))


def join_split_syllables(text: str) -> str:
    """The text with each syllable an extraction split in two whole again.

    A part without a vowel ("th", "Đ", "ng") is no Vietnamese word: it joins its neighbour
    when the two make one syllable with at most one tone. Two parts that each have a vowel
    join when the document never writes the second part as a word of its own elsewhere, and
    the split falls inside a rising diphthong ("Vi ệt", "ngư ời") or the document writes the
    joined syllable whole elsewhere; "cho ăn" stays two words."""
    joined = _join_pairs(text)
    # "ngh i ên": a syllable split twice is whole after a second pass over what the first joined
    return _join_pairs(joined) if joined != text else text


def _join_pairs(text: str) -> str:
    words = Counter(w.lower() for w in _WORD.findall(text))
    pairs = Counter(f"{m[1].lower()} {m[2].lower()}" for m in _PAIR.finditer(text))

    def join(match: re.Match[str]) -> str:
        left, right = match[1], match[2]
        return left if is_split(left, right) else match[0]

    def is_split(left: str, right: str) -> bool:
        joined = left + right
        if not is_syllable(fold(joined)) or _tones(joined) > 1 or len(fold(joined)) < 2:
            return False
        # A split leaves the initial consonants on one side and the vowel starts the other:
        # "th ực", "Đả ng". "K hoặc" (kelvin) and "độ C" (a level) are no split.
        # Inside a word a capital follows only capitals: "Th Anh" is two words.
        if right[0].isupper() and not left.isupper():
            return False
        if _vowelless(left):
            return fold(right[0]) in VOWELS
        if _vowelless(right):
            return fold(left[-1]) in VOWELS and (right.islower() or left.isupper())
        alone = words[right.lower()] - pairs[f"{left.lower()} {right.lower()}"]
        if alone > 0:  # the document writes the second part as a word of its own
            return False
        # Split inside a rising diphthong (iê, yê, uô, ươ): "Vi ệt", "Nguy ễn", "ngư ời";
        # otherwise the document must write the joined syllable whole somewhere.
        inside = fold(left[-1]) in "iyu" and right[0].lower() in _DIPHTHONG_ENDS
        return inside or words[joined.lower()] > 0

    return _PAIR.sub(join, text)
