"""Spelling correction leaves real Vietnamese syllables alone and fixes the misspelt ones."""

from __future__ import annotations

import pytest

from knowledge.lexical import LexicalIndex, Spelling
from knowledge.syllables import is_syllable

WELL_FORMED = "mat tieng nganh nghia ke ky kieu quy gia giup khuyen nguyen truong oanh huynh uyen"


@pytest.mark.parametrize("word", WELL_FORMED.split())
def test_well_formed_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["nghanh", "ngia", "ka", "ci", "nge", "tchp", "email", "zalo"])
def test_malformed_syllables(word: str) -> None:
    assert not is_syllable(word)


def test_a_real_word_the_library_lacks_is_not_corrected() -> None:
    spelling = Spelling(LexicalIndex(["một ngành nghề mới", "tiền học phí"]))
    assert spelling.correct("nghanh") == "nganh"  # "nghành": ngh only before e, i
    assert spelling.correct("mat") is None  # "mất" is a word, not a typo of "một"
    assert spelling.correct("tieng") is None  # "tiếng" is not "tiền"
