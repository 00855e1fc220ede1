"""Text typed in the legacy fonts, TCVN3 (ABC: .VnTime, .VnArial …) and VNI (VNI-Times …),
read back as Unicode.

Many committees still type in .VnTime: a .docx, a PDF or a text file of theirs holds
"Ban Th­êng vô TØnh ñy", the TCVN3 bytes read as Latin-1, which no member's question matches.
A text is read as TCVN3 when it holds enough characters only TCVN3 text has ("¶", "ñ", "ø" …);
then each line without a letter only Unicode Vietnamese has ("ạ", "ư", "đ" …) is converted: a
document typed partly in Unicode keeps those lines. A text without enough marks is left alone.
VNI writes a vowel and its marks as two such characters ("Vieät"); as the two fonts' marks
overlap, `from_legacy` keeps the reading with the most Vietnamese syllables.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.syllables import is_syllable
from knowledge.textnorm import fold, has_diacritics

# TCVN 5712:1993 VN3 ("ABC"), the bytes 0xA1–0xFE its fonts use, as Latin-1 characters, and the
# letters they stand for (checked against glibc's TCVN5712-1, whose upper half VN3 shares).
_TCVN3 = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦"
_UNICODE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TABLE = str.maketrans(_TCVN3, _UNICODE)
# Characters of the table that Unicode Vietnamese never uses: the marks of TCVN3 text.
_MARKS = frozenset(_TCVN3) - frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Letters only Unicode Vietnamese has (ă, đ, ơ, ư and the toned letters of Latin Extended
# Additional): a line holding one is not TCVN3.
_UNICODE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
MIN_MARKS = 8  # fewer in a whole text: a stray "§" or "®", not a legacy font
_BYTE_MARKS = _MARKS - {"Ð", "Þ"}
_ASCII_LETTERS = re.compile("[A-Za-z]")
_WORDS = re.compile(r"[^\W\d_]+")


def looks_tcvn3(text: str) -> bool:
    """Whether the text holds enough TCVN3 marks, and more of them than Unicode-only letters,
    to be read as TCVN3 where a line allows."""
    return _enough_marks(text, _MARKS)


def _enough_marks(text: str, marks: frozenset[str]) -> bool:
    """At least MIN_MARKS of a legacy font's `marks`, and more than Unicode-only letters."""
    found = sum(1 for c in text if c in marks)
    return found >= MIN_MARKS and found > len(_UNICODE_ONLY.findall(text))


def from_tcvn3(text: str) -> str:
    """The text with its TCVN3 lines read as Unicode; a text that is not TCVN3 unchanged."""
    if not looks_tcvn3(text):
        return text
    return "\n".join(_line(line) for line in text.split("\n"))


def tcvn3_bytes(data: bytes) -> str | None:
    """Undecodable bytes as Latin-1, for `from_legacy` to read, when they are a legacy font's
    text (TCVN3 or VNI) rather than another legacy code page: marks that Windows-1258
    Vietnamese never produces either ("Ð" and "Þ" it does); None otherwise."""
    text = data.decode("latin-1")
    return text if sum(1 for c in text if c in _BYTE_MARKS) >= MIN_MARKS else None


def _line(line: str) -> str:
    if _UNICODE_ONLY.search(line):
        return line
    converted = line.translate(_TABLE)
    # The capitals' font (.VnTimeH) uses the small letters' codes: a line typed in it has no
    # small Latin letter, and its accented letters are capitals too ("KÕ HO¹CH").
    words = [w for w in line.split() if not any(c.isdigit() or c == "/" for c in w)]
    letters = _ASCII_LETTERS.findall(" ".join(words))  # "27-KH/TU" is a number, not a word
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return converted.upper()
    return converted


# VNI-Windows (VNI-Times …), the other legacy encoding: a vowel and its marks as two bytes
# ("Vieät" is "Việt"), read as Latin-1 like TCVN3. Each base letter with no tone, then sắc,
# huyền, hỏi, ngã, nặng (checked against the VNI table of xvnkb, vni.h).
_VNI_TONES = ("", "ù", "ø", "û", "õ", "ï")
_VNI_GROUPS = (
    ("a", "a", _VNI_TONES),
    ("â", "a", ("â", "á", "à", "å", "ã", "ä")),
    ("ă", "a", ("ê", "é", "è", "ú", "ü", "ë")),
    ("e", "e", _VNI_TONES),
    ("ê", "e", ("â", "á", "à", "å", "ã", "ä")),
    ("o", "o", _VNI_TONES),
    ("ô", "o", ("â", "á", "à", "å", "ã", "ä")),
    ("ơ", "ô", _VNI_TONES),
    ("u", "u", _VNI_TONES),
    ("ư", "ö", _VNI_TONES),
)
_UNICODE_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for letter, base, marks in _VNI_GROUPS:
        for mark, tone in zip(marks, _UNICODE_TONES, strict=True):
            table[base + mark] = unicodedata.normalize("NFC", letter + tone)
    # "i" and "y" carry their marks on one byte, except y's sắc to ngã.
    for vni, letter in zip(("í", "ì", "æ", "ó", "ò"), ("í", "ì", "ỉ", "ĩ", "ị"), strict=True):
        table[vni] = letter
    for mark, tone in zip(_VNI_TONES[1:5], _UNICODE_TONES[1:5], strict=True):
        table["y" + mark] = unicodedata.normalize("NFC", "y" + tone)
    table["î"] = "ỵ"
    table["ñ"] = "đ"
    table = {k: v for k, v in table.items() if k != v}  # "a" is "a"
    return table | {k.upper(): v.upper() for k, v in table.items()}


_VNI = _vni_table()
_VNI_SEQUENCE = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))
# Bytes of VNI marks Unicode Vietnamese never writes ("õ" and "ù" it does).
_VNI_MARKS = frozenset("øïûåäëüæîñöØÏÛÅÄËÜÆÎÑÖ")


def from_vni(text: str) -> str:
    """The text with its VNI lines read as Unicode; lines holding a letter only Unicode
    Vietnamese has are kept."""
    return "\n".join(
        line if _UNICODE_ONLY.search(line) else _VNI_SEQUENCE.sub(lambda m: _VNI[m[0]], line)
        for line in text.split("\n")
    )


def _syllables(text: str) -> int:
    """How many words of the text are Vietnamese syllables written with their marks."""
    return sum(
        1 for word in _WORDS.findall(text) if has_diacritics(word) and is_syllable(fold(word))
    )


def from_legacy(text: str) -> str:
    """The text read from whichever legacy font it was typed in, TCVN3 or VNI: the reading
    with the most Vietnamese syllables; Unicode text unchanged. Their marks overlap, so the
    text decides, not the marks."""
    readings = [text]
    if looks_tcvn3(text):
        readings.append(from_tcvn3(text))
    if _enough_marks(text, _VNI_MARKS):
        readings.append(from_vni(text))
    if len(readings) == 1:
        return text
    return max(readings, key=_syllables)  # the first of equals: the text as it came
