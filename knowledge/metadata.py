"""Read a plan's header: title, number (172-KH/HU), date, issuer; and where its body starts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from knowledge.textnorm import canonical_doc_numbers, fold, is_furniture

DOC_TYPES = (
    "kế hoạch",
    "hướng dẫn",
    "chỉ thị",
    "nghị quyết",
    "kết luận",
    "báo cáo",
    "thông báo",
    "quyết định",
    "công văn",
    "chương trình",
    "đề cương",
)
_DOC_TYPE_FOLDED = tuple(fold(t) for t in DOC_TYPES)
BODY_START = re.compile(r"^(?:thuc hien|can cu|tren co so|thi hanh|de trien khai)\b")
# "Để đảng viên nắm vững …" (as typed: folded, "Đề cương" reads alike) opens the body.
_PURPOSE_OPENING = re.compile(r"^(?:Để|Nhằm) ")
# "… Chỉ thị số 32-CT/TW" in a title cites another document; a document's own number stands
# alone ("Số 172-KH/HU").
_CITED = re.compile(
    r"\b(?:kế hoạch|hướng dẫn|chỉ thị|nghị quyết|kết luận|quyết định|công văn|thông báo|"
    r"chương trình|báo cáo|quy định)\s+(?:số\s*:?\s*)?$",
    re.IGNORECASE,
)
# The issuer's code may be typed or read by OCR with "Ư" ("445-KL/TƯ" for "TU").
_NUMBER = re.compile(r"\b(\d{1,4})-(KH|HD|CT|NQ|KL|QĐ|QD|TB|BC|CV|CTr|ĐC)/([A-ZĐƯ][A-ZĐƯa-z]*)\b")
# A state document's number: "01/CTr-UBND", "12/2020/NĐ-CP", "123/UBND-VX".
_STATE_NUMBER = re.compile(
    r"\b(\d{1,5}(?:/\d{4})?)/([A-ZĐ][A-ZĐa-z]{0,5})-([A-ZĐ][A-ZĐa-z]*(?:-[A-ZĐ][A-ZĐa-z]*)?)\b"
)


def _numbers(line: str) -> list[tuple[int, str, str]]:
    """Each document number of a line, in order: where it starts, the number as written
    ("172-KH/HU", "01/CTr-UBND") and its type's code ("KH", "CTr")."""
    party = [(m.start(), f"{m[1]}-{m[2]}/{m[3]}", m[2]) for m in _NUMBER.finditer(line)]
    state = [(m.start(), m[0], m[2]) for m in _STATE_NUMBER.finditer(line)]
    return sorted(party + state)


# Matched on folded text: "Di Linh, ngày 24 tháng 4 năm 2024" (OCR may garble "năm").
_DATE_LINE = re.compile(
    r"^(?P<place>[^\d,]{2,40}),\s*ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})"
    r"\s+n\w{0,3}m\s+(?P<y>\d{4})"
)
# "…, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:", "…, Văn phòng Trung ương Đảng hướng
# dẫn …": the body that acts in the preamble issued the document; "của Ban Tuyên giáo Trung ương"
# names the issuer of a document it cites.
_ISSUER_IN_PREAMBLE = re.compile(
    r"(?<!của )(?<!và )"
    r"((?:Ban (?:Thường vụ|Tuyên giáo|Chấp hành|Bí thư|Dân vận|Tổ chức|Nội chính)(?: Trung ương)?"
    r"|Văn phòng Trung ương Đảng)"
    r"(?: (?:Tỉnh|Huyện|Thị|Thành|Quận|Đảng) ủy)?)\s+(?:[\wÀ-ỹ ]{0,30}?)"
    r"(?:ban hành|xây dựng|hướng dẫn|đề ra|đề nghị|yêu cầu)"
)
_COMMITTEE_HEADER = re.compile(
    r"^(?:BAN (?:THƯỜNG VỤ|TUYÊN GIÁO) )?(TỈNH|HUYỆN|THỊ|THÀNH|QUẬN) (?:ỦY|UỶ)\s+(.+)$"
)
_SUFFIX_ISSUER = {
    "BTGTW": "Ban Tuyên giáo Trung ương",
    "BTGTU": "Ban Tuyên giáo Tỉnh ủy",
    "BTGHU": "Ban Tuyên giáo Huyện ủy",
    "BTGQU": "Ban Tuyên giáo Quận ủy",
    "BTCTU": "Ban Tổ chức Tỉnh ủy",
    "BDVTU": "Ban Dân vận Tỉnh ủy",
    "VPTW": "Văn phòng Trung ương Đảng",
    "BTCTW": "Ban Tổ chức Trung ương",
    "BDVTW": "Ban Dân vận Trung ương",
    "ĐU": "Đảng ủy",
    "TW": "Ban Chấp hành Trung ương",
    "HU": "Huyện ủy",
    "TU": "Tỉnh ủy",
    "QU": "Quận ủy",
    # State documents name their issuer last: "01/CTr-UBND", "38/NQ-CP".
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
}


@dataclass(frozen=True)
class Header:
    title: str
    number: str | None
    date: str | None
    issuer: str | None
    body_start: int  # index into the lines where the content (preamble) begins
    place: str | None = None  # "Di Linh" from "Di Linh, ngày 24 tháng 4 năm 2024"


def _title_case_place(words: str) -> str:
    return " ".join(w.capitalize() for w in words.split())


_DOC_TYPE_SQUEEZED = {fold(t).replace(" ", ""): t for t in DOC_TYPES}


def _spaced_type(line: str) -> str | None:
    """The type a title line spells with its letters apart ("K Ế H O Ạ C H", OCR's "K ÉT
    LUẬN"), as written properly; None for any other line."""
    stripped = line.strip(" *")
    if not stripped.isupper() or len(stripped) > 30:
        return None
    squeezed = fold(stripped).replace(" ", "")
    return _DOC_TYPE_SQUEEZED.get(squeezed)


def _doc_type_index(lines: list[str], limit: int) -> int | None:
    for index, line in enumerate(lines[:limit]):
        folded = fold(line).strip(" *")
        if (
            _spaced_type(line)
            or folded in _DOC_TYPE_FOLDED
            or any(
                folded.startswith(t + " ") and line.strip(" *").isupper() for t in _DOC_TYPE_FOLDED
            )
        ):
            return index
    return None


_MOTTOS = (
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
)
_DATE_AFTER_PLACE = re.compile(r",\s*ngày\s+\d{1,2}\b")
_COLUMN_LINES = 20  # a header's two columns share its first lines


def _columns(line: str) -> list[str]:
    """A line that holds both columns of a header, as a PDF gives them on one baseline:
    "ĐẢNG BỘ TỈNH LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM", "HUYỆN ỦY DI LINH Di Linh, ngày 24 …",
    "Số 172-KH/HU Di Linh, ngày 24 …". A sentence naming a place and a date is one line."""
    upper = line.upper()
    for motto in _MOTTOS:
        at = upper.find(motto)
        if at > 0 and line[:at].strip().isupper():  # a committee's name in capitals before it
            return [line[:at].strip(), *_columns(line[at:].strip())]
    date = _DATE_AFTER_PLACE.search(line)
    if date is None:
        return [line]
    words = line[: date.start()].split()
    start = len(words)  # the place: the words in title case right before ", ngày"
    while start > 0 and words[start - 1][:1].isupper() and not words[start - 1].isupper():
        start -= 1
    left = " ".join(words[:start])
    column = left.isupper() or fold(left).startswith("so")  # a committee, or a number
    if 0 < start < len(words) and column:
        return [left, " ".join(words[start:]) + line[date.start() :]]
    return [line]


def split_header_columns(lines: list[str]) -> list[str]:
    """The first lines, with both columns of a header each on a line of its own."""
    head = [part for line in lines[:_COLUMN_LINES] for part in _columns(line)]
    return [*head, *lines[_COLUMN_LINES:]]


def read_header(lines: list[str], trust_place: bool = True) -> Header:
    """Find the header fields in the first lines; nothing is guessed that the text doesn't say.

    `trust_place=False` (OCR-repaired text) skips the place of the date line, which OCR mangles
    beyond repair ("Ldam béng"), and names the province the text mentions most instead.
    """
    limit = min(len(lines), 60)
    type_index = _doc_type_index(lines, limit)
    letter = _letter(lines) if type_index is None else None
    body_start = (
        letter[0]
        if letter
        else next(
            (
                i
                for i in range((type_index or 0) + 1, len(lines))
                if BODY_START.match(fold(lines[i]).strip(" *"))
                or _PURPOSE_OPENING.match(lines[i].strip(" *"))
            ),
            _first_section(lines, type_index, limit),
        )
    )
    header_lines = [canonical_doc_numbers(line) for line in _mended(lines[: body_start or limit])]

    number = None
    for line in header_lines:
        if BODY_START.match(fold(line).strip(" *")):
            continue  # "Thực hiện Công văn số 3398-CV/BTGTU …" names another document
        own = next((n for n in _numbers(line) if not _CITED.search(line[: n[0]])), None)
        if own:
            number = own[1]
            break

    date, place = None, None
    for line in header_lines:
        stripped = line.strip()
        match = _DATE_LINE.match(fold(stripped))
        if match:
            date = f"{int(match['d'])}/{int(match['m'])}/{match['y']}"
            place = stripped[: match.end("place")].strip(" ,") if trust_place else None
            break

    title = letter[1] if letter else _title(lines, type_index, body_start)
    issuer = _issuer(lines, header_lines, body_start, number, place)
    return Header(
        title=title, number=number, date=date, issuer=issuer, body_start=body_start, place=place
    )


# A header field a narrow column or a web page's table broke after its first part:
# "Số: 16 -" / "HD/BTCTW", "Hà Nội, ngày" / "24 tháng 9 năm 2018". A rule of dashes under the
# motto ("---------------") is no field.
_HANGING = re.compile(r"(?:\d\s*[-/]|\bngày|\bSố\s*:?)\s*$", re.IGNORECASE)


def _mended(lines: list[str]) -> list[str]:
    """The header's lines with a field broken over two lines put back on one."""
    mended: list[str] = []
    for line in lines:
        if mended and _HANGING.search(mended[-1]) and line.strip():
            mended[-1] = f"{mended[-1].rstrip()} {line.strip()}"
        else:
            mended.append(line)
    return mended


_LETTER_HEAD_LINES = 15
_SUBJECT_CHARS = 160  # a longer line is prose, not a letter's subject
_ADDRESSED = re.compile(r"^kinh gui\b")
_SUBJECT_LEAD = re.compile(r"^(?:v/v|ve viec)\s*[:.]?\s*", re.IGNORECASE)
_TYPE_OF_CODE = {"CV": "Công văn", "TB": "Thông báo", "BC": "Báo cáo", "HD": "Hướng dẫn"}


def _letter(lines: list[str]) -> tuple[int, str] | None:
    """A letter (công văn) names no type on a line of its own: "Số 369-CV/BTGTU", then its
    subject ("V/v …", "Gửi Đề cương …"), then "Kính gửi:" and its first paragraph. Its
    header ends there, and its title is its type and subject."""
    head = [canonical_doc_numbers(line) for line in lines[:_LETTER_HEAD_LINES]]
    numbered = next(
        (
            (i, numbers)
            for i, line in enumerate(head)
            if fold(line).strip(" *").startswith("so") and (numbers := _numbers(line))
        ),
        None,
    )
    if numbered is None:
        return None
    index, numbers = numbered
    code = numbers[0][2]
    # The addressees, or the first paragraph when they were taken out as recipients.
    addressed = next(
        (
            i
            for i in range(index + 1, len(head))
            if _ADDRESSED.match(fold(head[i]).strip()) or len(head[i].strip()) > _SUBJECT_CHARS
        ),
        None,
    )
    if addressed is None:
        return None
    subject = [
        line.strip(" *")
        for line in lines[index + 1 : addressed]
        if line.strip(" *") and not _DATE_LINE.match(fold(line.strip())) and not is_furniture(line)
    ]
    kind = _TYPE_OF_CODE.get(code, "Văn bản")
    text = _SUBJECT_LEAD.sub("", " ".join(" ".join(subject).split()))
    return addressed, f"{kind} {text[:1].lower()}{text[1:]}".strip() if text else kind


_SECTION = re.compile(r"^(?:[IVX]{1,5}|\d{1,2})\s*[.\-–)]\s*\S")


def _first_section(lines: list[str], type_index: int | None, limit: int) -> int:
    """Without a preamble ("Thực hiện …"), the body starts at the first numbered section
    ("I. MỤC ĐÍCH"): the lines between it and "KẾ HOẠCH" are the title."""
    if type_index is None:
        return 0
    return next(
        (i for i in range(type_index + 1, limit) if _SECTION.match(lines[i].strip(" *"))),
        type_index + 1,
    )


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _title(lines: list[str], type_index: int | None, body_start: int) -> str:
    if type_index is None:
        first = next((line.strip() for line in lines if line.strip()), "")
        return first[:200]
    spaced = _spaced_type(lines[type_index])
    parts = [(spaced or lines[type_index].strip(" *")).capitalize()]
    for line in lines[type_index + 1 : body_start]:
        stripped = line.strip(" *")
        if not stripped:
            continue
        if is_furniture(line) or stripped.startswith("---") or len(parts) > 6:
            break
        # An incoming-mail stamp ("SỞ THÔNG TIN & TRUYỀN THÔNG") after a title in small
        # letters; a title set in capitals goes on over its lines.
        if _all_caps(stripped) and len(parts) > 1 and not _all_caps(parts[-1]):
            break
        parts.append(stripped)
    return " ".join(" ".join(parts).split())


def _issuer(
    lines: list[str],
    header_lines: list[str],
    body_start: int,
    number: str | None,
    place: str | None,
) -> str | None:
    committee_place = None
    for line in header_lines:
        match = _COMMITTEE_HEADER.match(line.strip())
        if match:
            committee_place = _title_case_place(match[2])
    preamble = " ".join(" ".join(lines[body_start : body_start + 30]).split())
    body = None
    found = _ISSUER_IN_PREAMBLE.search(preamble)
    if found:
        body = found[1]
    elif number:
        state = _STATE_NUMBER.fullmatch(number)
        body = _SUFFIX_ISSUER.get(state[3] if state else number.rsplit("/", 1)[-1])
    if body is None:
        body = _body_in_header(header_lines)
    if body is None:
        return None
    where = committee_place or place or _most_named_province(lines)
    if where and "Trung ương" not in body and fold(where) not in fold(body):
        return f"{body} {where}"
    return body


_HEADER_BODY = re.compile(r"^BAN (THƯỜNG VỤ|TUYÊN GIÁO|DÂN VẬN|TỔ CHỨC|NỘI CHÍNH)$")
_HEADER_COMMITTEE = re.compile(r"^(?:BAN (.+?) )?(TỈNH|HUYỆN|THỊ|THÀNH|QUẬN) (?:ỦY|UỶ)\b")


def _body_in_header(header_lines: list[str]) -> str | None:
    """The issuing body as its header names it, without a number or preamble that says it:
    "BAN TUYÊN GIÁO TỈNH ỦY HÀ GIANG" on one line, or "HUYỆN ỦY MAI CHÂU" above "BAN TUYÊN
    GIÁO"."""
    lines = [" ".join(line.split()) for line in header_lines[:6] if line.strip()]
    lines = [line for line in lines if line.upper() == line]  # a header is set in capitals
    for index, line in enumerate(lines):
        committee = _HEADER_COMMITTEE.match(line)
        if committee is None:
            continue
        level = f"{committee[2].capitalize()} ủy"
        own = committee[1]
        below = _HEADER_BODY.match(lines[index + 1]) if index + 1 < len(lines) else None
        name = own if own else (below[1] if below else None)
        return f"Ban {name.lower().capitalize()} {level}" if name else level
    return None


def _most_named_province(lines: list[str]) -> str | None:
    """The province a plan names most ("tỉnh Trà Vinh"), used only when the header names none.
    Read across line breaks: a PDF may end a line with "của tỉnh" and open the next with the
    name. Every province's name has two or three words ("Chỉ đạo …" after a break is none)."""
    text = "\n".join(" ".join(line.split()) for line in lines)
    counts = Counter(
        match[1] for match in re.finditer(r"\btỉnh\s+((?:[A-ZĐ][a-zà-ỹđ]+ ?){2,3})", text)
    )
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name.strip() if count >= 1 else None
