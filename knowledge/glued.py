"""Words glued together by a text extraction: "địnhhướng", "BIỂUĐẢNG", "268-CV/VPTUChuẩn".

PDF and web-page extractions drop the space between two words where a line or a tag ended.
Glued, neither word matches a question, and the quote reads wrong. A Vietnamese word is one
syllable; a token with diacritics that is no syllable but splits into two, each written on its
own elsewhere in the same document, is two words. The document itself is the evidence: "banhành"
splits as "ban hành", not "ba nhành", because "ban" and "hành" stand alone in it.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.syllables import is_syllable
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
