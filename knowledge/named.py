"""Named things in a question: places, document numbers, dates, years and capitalised names.

The library must contain each one for an answer to exist ("Cà Mau", "Kế hoạch 99", "2022").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from knowledge.textnorm import (
    DOC_SHORT,
    FOLDED_DOC_NUMBER,
    ORDINALS,
    fold,
    lexical_tokens,
    short_key,
)

_DOC_NUMBER = re.compile(rf"\b(?:{FOLDED_DOC_NUMBER})\b")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
# Administrative units before a place name. Typed without diacritics only the unambiguous
# ones count: "quan" may be "quản", "xa" "xa", "phuong" "phương".
_PLACE_CUE_FOLDED = re.compile(
    r"\b(?:tinh uy|huyen uy|thi uy|thanh uy|tinh|huyen|thanh pho|thi xa)\s+"
)
_PLACE_CUE_TYPED = re.compile(
    r"\b(?:tỉnh ủy|tỉnh uỷ|huyện ủy|huyện uỷ|thị ủy|thị uỷ|thành ủy|thành uỷ|quận ủy|tỉnh|huyện|"
    r"thành phố|tp\.?|thị xã|quận|phường|xã|ở|tại)\s+",
    re.IGNORECASE,
)
# Words that cannot be part of a place name typed without capitals.
_NAME_STOP_WORDS = (
    "co la nao ky da duoc se va voi cua thi ve cho khi nay do den tu the gi o tai de giao "
    "ban trien thuc xay to tuyen gui nhan chi hoc sinh ke thuoc ngay lan nhiem uy dang ra "
    "can phai hay khong mot cac nhung deu nhieu theo ai may gom sau"
)
_NAME_STOP = frozenset(_NAME_STOP_WORDS.split())
_HOUR_AFTER = re.compile(r"\S+ may gio\b")
# Word pairs that read as a verb or a question, not a name: "thị xã bắt đầu lúc mấy giờ".
_NAME_STOP_PAIRS = frozenset(
    {
        "bat dau",
        "bao nhieu",
        "bao cao",
        "bao gom",
        "bao gio",
        "bao lau",
        "bao ve",
        "bao dam",
        "tham gia",
        "tham du",
        "hien nay",
        "hien tai",
        "lai co",
        "lai to",
        "lai duoc",
        # "huyện yêu cầu …", "tỉnh hướng dẫn …": what the unit does, not its name
        "yeu cau",
        "de nghi",
        "huong dan",
        "quy dinh",
        "phat dong",
        "phan dau",
        "hoan thanh",
        "hoan tat",
        # "Huyện ủy họp lúc mấy giờ", "thị ủy họp ngày nào": the body meets, "hop" is no name.
        "hop luc",
        "hop vao",
        "hop ngay",
        "hop may",
        "hop o",
        "hop tai",
        "hop khi",
        "hop hom",
    }
)
# As typed, words that are never the start of a place name typed without capitals.
_TYPED_NAME_STOP = frozenset(
    ["gồm", "lại", "này", "đó", "ấy", "đã", "đang", "cũng", "còn", "nên", "bắt"]
)


@dataclass(frozen=True)
class Named:
    """A thing the question names that the library must contain for an answer to exist."""

    # "place" | "library_place" | "reference" | "reference_short" | "year" | "date" | "ordinal"
    kind: str
    text: str  # as the member typed it
    folded: str  # for "reference_short", the party form of the number's start: "57-kl/"

    @property
    def is_reference(self) -> bool:
        return self.kind in ("reference", "reference_short")

    @cached_property
    def number_prefixes(self) -> tuple[str, ...]:
        """How a document's folded number starts when it is the one named, without leading
        zeros: "Kết luận 57" is "57-kl/…" written the party's way, "57/kl-…" the state's."""
        if self.kind != "reference_short":
            return (self.folded.lstrip("0"),)
        number, code = self.folded.rstrip("/").split("-", 1)
        return (self.folded.lstrip("0"), f"{number.lstrip('0')}/{code}-")

    def names_number(self, number: str) -> bool:
        """Whether a document's folded number ("57-kl/tw", "01/ctr-ubnd") is the one named;
        "số 1" names "01/CTr-UBND"."""
        return self.is_reference and number.lstrip("0").startswith(self.number_prefixes)


def _places(text: str, folded: str) -> list[Named]:
    found: list[Named] = []
    if any(c.isupper() for c in text[1:]):
        # Typed with capitals: the capitalised words after the unit ("tỉnh Cà Mau", "Ở Bến Tre").
        for cue in _PLACE_CUE_TYPED.finditer(text):
            words: list[str] = []
            for word in text[cue.end() :].split()[:4]:
                clean = word.strip('?,.;:!()“”"')
                if not clean[:1].isupper() or any(c.isdigit() for c in clean):
                    break
                words.append(clean)
                if clean != word:  # punctuation ends the name
                    break
            if words and not (len(words) == 1 and fold(words[0]) in ("uy", "ban")):
                name = " ".join(words)
                found.append(Named("place", name, fold(name)))
        return found
    aligned = len(text) == len(folded)  # the typed word beside each folded one
    for cue in _PLACE_CUE_FOLDED.finditer(folded):
        after = folded[cue.end() :].split()[:2]
        if " ".join(w.strip('?,.;:!()"') for w in after) in _NAME_STOP_PAIRS:
            continue
        typed = text[cue.end() :].lower().split()[:2] if aligned else after
        words = []
        for word, as_typed in zip(after, typed, strict=False):
            clean = word.strip('?,.;:!()"')
            # "huyen uy song may so ket": a "may" after a name word ends the name ("Sông
            # Mây"), unless "may gio" asks the hour.
            continues = words and clean == "may" and not _HOUR_AFTER.match(folded, cue.end())
            if not continues and (
                not clean or clean in _NAME_STOP or any(c.isdigit() for c in clean)
            ):
                break
            if as_typed.strip('?,.;:!()"') in _TYPED_NAME_STOP:
                break
            words.append(clean)
            if clean != word:
                break
        if words:
            found.append(Named("place", " ".join(words), " ".join(words)))
    return found


def _proper_names(text: str) -> list[Named]:
    """Runs of capitalised words inside a question typed with capitals ("chùa Trấn Quốc",
    "Hội Nông dân", "IELTS"): a person, a body or a place the library must know. The first
    word is left out (every sentence starts with a capital), and so are document codes."""
    if not any(c.isupper() for c in text[1:]):
        return []
    runs: list[list[str]] = [[]]
    for index, raw in enumerate(text.split()):
        word = raw.strip("?,.;:!()“”\"'")
        # An abbreviation stands alone: "BTV Tỉnh ủy" is "BTV" and "Tỉnh", not one name.
        if index > 0 and len(word) > 1 and word.isupper() and word.isalpha():
            runs.extend([[word], []])
        elif index > 0 and word[:1].isupper() and word.isalpha():
            if runs[-1] and len(runs[-1][-1]) > 1 and runs[-1][-1].isupper():
                runs.append([])
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
        if raw != word and runs[-1]:  # punctuation ends a name
            runs.append([])
    names = (" ".join(run) for run in runs if run)
    return [Named("name", name, " ".join(lexical_tokens(name))) for name in names]


# A place of the library's documents named without a cue ("Trà Vinh đưa …", "o lam dong"): it
# selects the documents of that place; its words stay topic words a passage's context covers.
LIBRARY_PLACE = "library_place"
# "Ban Tuyên giáo Tỉnh ủy Lâm Đồng", "Ủy ban nhân dân Tuyên Quang": the place a body is of.
_BODY_OF_PLACE = re.compile(
    r"\b(?:tinh uy|huyen uy|thi uy|thanh uy|quan uy|dang uy|uy ban nhan dan|ubnd)"
    r"(?: (?:tinh|huyen|thanh pho|thi xa|quan|xa|phuong))? ([a-z]+(?: [a-z]+){1,3})$"
)


def document_places(place: str | None, issuer: str | None) -> set[str]:
    """The places a document is of, folded: its own place line and its issuer's place."""
    found = {fold(place)} if place else set()
    body = _BODY_OF_PLACE.search(fold(issuer)) if issuer else None
    if body is not None:
        found.add(body[1])
    return {p for p in found if len(p.split()) >= 2}  # "Lâm Đồng", not a lone syllable


def trimmed_to_place(named: Named, places: frozenset[str]) -> Named:
    """A name read past the library's place it opens with, "Lâm Đồng Mặt" of "Ở Lâm Đồng Mặt
    trận …": the capitals that follow the place begin a body's name, not the place's."""
    if named.kind not in ("place", "name") or named.folded in places:
        return named
    words = named.folded.split()
    for size in range(len(words) - 1, 1, -1):
        place = " ".join(words[:size])
        if place in places:
            typed = " ".join(named.text.split()[:size])
            return Named(named.kind, typed, place)
    return named


def known_places(
    folded: str, places: frozenset[str], named: tuple[Named, ...]
) -> tuple[Named, ...]:
    """The library's places a question names without a cue: typed without capitals or at its
    start, only the library's own place names are known as places."""
    already = [n.folded for n in named if n.kind == "place"]
    return tuple(
        Named(LIBRARY_PLACE, place, place)
        for place in sorted(places)
        if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", folded)
        and not any(place in other for other in already)
    )


# "Hội nghị lần thứ tám", "kỳ họp thứ 7": which meeting, a thing the library must know.
_ORDINAL = re.compile(rf"\b(?:lan|ky hop) thu (\d{{1,2}}|{'|'.join(ORDINALS)})\b")
ORDINAL = "ordinal"


def ordinal_spellings(figure: str) -> set[str]:
    """How a document writes the ordinal of a figure after "thứ": "8" and "tám"."""
    return {figure, *(word for word, value in ORDINALS.items() if value == figure)}


def named_things(text: str, folded: str) -> tuple[Named, ...]:
    named: list[Named] = [Named("reference", m, m) for m in _DOC_NUMBER.findall(folded)]
    aligned = len(text) == len(folded)
    for match in DOC_SHORT.finditer(folded):
        typed = text[match.start() : match.end()] if aligned else match[0]
        named.append(Named("reference_short", typed, short_key(match[1], match[2])))
    for match in _ORDINAL.finditer(folded):
        typed = text[match.start() : match.end()] if aligned else match[0]
        named.append(Named(ORDINAL, typed, ORDINALS.get(match[1], match[1].lstrip("0"))))
    named.extend(Named("date", m, m) for m in _DATE.findall(folded))
    named.extend(
        Named("year", m, m) for m in YEAR.findall(_DATE.sub(" ", _DOC_NUMBER.sub(" ", folded)))
    )
    named.extend(_places(text, folded))
    named.extend(_proper_names(text))
    return tuple(dict.fromkeys(named))
