"""Is a folded word a well-formed Vietnamese syllable? Spelling correction leaves those alone.

"mat" (mất), "tieng" (tiếng) are real words that a library may simply not contain; mapping them
to a library word one edit away ("mot", "tien") would invent support for a question. "nghanh"
(for "ngành") breaks the spelling rules (ngh only before e, i) and is a typo worth correcting.
The rules over-accept rather than reject: a rare real syllable must never be "corrected".
"""

from __future__ import annotations

import re

VOWELS = frozenset("aeiouy")  # the vowel letters, folded
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
_MEDIAL = r"(?:o|u)?"
_NUCLEUS = r"(?:ie|ye|uo|ua|ia|ya|a|e|i|o|u|y)"
_FINAL = r"(?:ch|nh|ng|c|m|n|p|t|i|o|u|y)?"
_SHAPE = re.compile(rf"^{_INITIAL}{_MEDIAL}{_NUCLEUS}{_FINAL}$")
# ngh, gh and k come only before e, i, y; ng, c only before the other vowels.
_FRONT_ONLY = re.compile(r"^(?:ngh|gh|k)(?=[^eiyh]|$)")
_BACK_ONLY = re.compile(r"^(?:ng|c)(?![aouh])[eiy]")


def is_syllable(word: str) -> bool:
    """Whether a folded word (lowercase, no diacritics) is a well-formed Vietnamese syllable."""
    return bool(_SHAPE.match(word)) and not _FRONT_ONLY.match(word) and not _BACK_ONLY.match(word)
