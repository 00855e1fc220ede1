"""Does a piece of text carry an answer of the kind a question wants (a time, a number, a body)?

Each detector reads folded text from which the question's own words were removed, so a passage
that only repeats the question ("Chủ trì theo dõi, đôn đốc …") does not count as answering it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge import question as q
from knowledge.facts import asks_issuer
from knowledge.lexical import index_terms
from knowledge.named import Named
from knowledge.textnorm import DOC_TYPE_CODE, FOLDED_DOC_NUMBER, fold, nfc, short_key
from knowledge.types import Chunk

_DETECTORS: dict[str, re.Pattern[str]] = {
    q.WHEN: re.compile(
        r"\d{1,2}/\d{1,2}|\b(?:ngay|thang|nam|quy|tuan|hoc ky|nhiem ky) (?:\d|[ivx]+\b)|"
        r"\b(?:19|20)\d\d\b|\d{1,2}:\d{2}|\d+ (?:ngay|thang|nam|tuan|hoc ky|gio|phut)\b|"
        r"\btruoc\b|\bsau khi\b|\bdau (?:moi|nam|thang|quy|hoc)|"
        r"\bcuoi (?:nam|thang|quy|hoc ky)|\b(?:hang|moi) (?:nam|thang|quy|tuan)|\bdinh ky\b|"
        r"\bthuong xuyen\b|\bkip thoi\b|\bngay\b|\btrong (?:vong|thoi gian|quy|nam|thang|hoc ky)|"
        r"\bkhi\b|\bdip\b|\bhoc ky\b|\bnhiem ky\b|\bthoi gian\b|\bthoi diem\b|\blau dai\b|"
        r"\bhoan thanh\b|\bket thuc\b|\bbat dau\b|\btu nay\b|\btuan\b|\bnam hoc\b"
    ),
    q.NUMBER: re.compile(
        r"\d|\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram|nghin|ngan|trieu)\b"
    ),
    q.WHO: re.compile(
        r"\b(?:ban|so|phong|uy ban|ubnd|hdnd|trung tam|truong|hoi|doan|mat tran|bo|cuc|vien|"
        r"hieu truong|nguoi|dong chi|can bo|lanh dao|thuong truc|cap uy|chi bo|dang uy|"
        r"giang vien|sinh vien|thi sinh|hoc vien|co quan|don vi|to chuc|tinh uy|huyen uy|"
        r"thi uy|thanh uy|bi thu|chu tich|giam doc|khoa|phong|mttq|bao|dai|hoc gia|chuyen gia|"
        r"nhan dan|dang vien|hoi dong|van phong|chinh quyen|t/m|chung thuc|thuong vu)\b"
    ),
    q.WHERE: re.compile(
        r"\b(?:tai|o|tren|qua|den|toi|trong|ngoai|trang|mang|website|cong thong tin|hoi truong|"
        r"dia ban|tinh|huyen|xa|thanh pho|nuoc|khu vuc|kenh|bao|dai|phong|noi|luu|co so|"
        r"chuong trinh|internet|cap)\b"
    ),
    q.WHY: re.compile(
        r"\b(?:nham|de|gop phan|vi|bao dam|dam bao|tao|muc dich|muc tieu|giup|boi dap|"
        r"nang cao|tang cuong|phat huy|chu dong|bao ve|giu vung|khang dinh)\b"
    ),
    q.DEFINITION: re.compile(
        r"\b(?:la|gom|bao gom|nghia|goi la|viet tat|duoc hieu|the hien|ve|co)\b|:"
    ),
    q.REFERENCE: re.compile(
        r"\d{1,4}-[a-z]+/|\b(?:nghi quyet|chi thi|ket luan|huong dan|ke hoach|quy dinh|dieu|"
        r"khoan|hien chuong|luat|chuong trinh|van kien|tac pham)\b"
    ),
    q.LIST: re.compile(r"[,;:]|\bva\b|\bhoac\b"),
}
# Kinds whose answer must be present for the question to count as answered: without a time
# a "when" question is not answered, whatever the passage says about its topic.
STRICT = frozenset({q.WHEN, q.NUMBER, q.PERSON, q.VENUE})
# "…ngày 15/6/2023" right after a document's number is that document's date.
_ATTACHED_DATE = re.compile(
    rf"\b({FOLDED_DOC_NUMBER})\s*,?\s*(?:ngay\s+)?\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
)


@lru_cache(maxsize=1024)
def _asked(question: q.Question, with_cues: bool = True) -> frozenset[str]:
    said = frozenset(question.words) | {t for t in index_terms(question.text) if "_" not in t}
    return said if with_cues else said - q.cue_words(question)


def residue(unit: str, question: q.Question, with_cues: bool = True) -> str:
    """The unit's folded words that the question does not already say, in order; without the
    words of the question's kind cues, an answer that says them ("tại …" for "tại đâu") is
    not an echo."""
    asked = _asked(question, with_cues)
    words = re.findall(r"[0-9a-z]+(?:[-/:][0-9a-z]+)*|[,;:]", fold(unit))
    return " ".join(w for w in words if w not in asked)


# A date answers "when", not "how many"; "khóa XIII" answers "lần thứ mấy".
_DATES = re.compile(
    r"(?:\b(?:ngay|thang) )?\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b(?:ngay|thang) \d{1,2}\b"
)
_ROMAN = re.compile(r"\b[XVI]{2,6}\b")
_OUTLINE = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*)\s*[.\-–)]\s*")


@lru_cache(maxsize=1024)
def _subject_reference(question: q.Question) -> Named | None:
    """The document a question is about: the first it names ("Kế hoạch 145-KH/TU về Kết luận
    57 ban hành ngày nào" asks the plan's date, not the conclusion's)."""
    named = question.references
    if not named:
        return None

    def position(named_thing: Named) -> int:
        found = question.folded.find(fold(named_thing.text))
        return found if found >= 0 else len(question.folded)

    return min(named, key=position)


def _without_attached_dates(folded: str, question: q.Question) -> str:
    """A date attached to another document's number says when that document was issued, not
    what the question asks: drop it, and keep the date of the document the question is
    about."""
    subject = _subject_reference(question)
    return _ATTACHED_DATE.sub(
        lambda m: m[0] if subject is not None and subject.names_number(m[1]) else m[1], folded
    )


# What may come before the document a question asks the date of: "Ngày ban hành của …".
_BEFORE_DOCUMENT = re.compile(
    rf"^(?:(?:ngay|thoi gian) (?:ban hanh|ky|ra)(?: cua)? )?(?:{q.DOCUMENT_WORDS} (?:so )?)?$"
)


@lru_cache(maxsize=1024)
def _asks_date_of_document(question: q.Question) -> Named | None:
    """The document a question asks the date of, when the question opens with it ("Hướng dẫn
    36 ký ngày nào?"); not "Hội nghị học tập Kết luận 57 ngày nào?", which asks the meeting's."""
    if q.WHEN not in question.kinds or not question.about_document:
        return None
    subject = _subject_reference(question)
    if subject is None:
        return None
    start = question.folded.find(fold(subject.text))
    return subject if start >= 0 and _BEFORE_DOCUMENT.match(question.folded[:start]) else None


# A document as a citation names it: by its full number ("17-ct/tu"), or as a news report
# does, by its type and number alone ("chi thi so 17").
_CITED_NUMBER = rf"{FOLDED_DOC_NUMBER}|(?:{'|'.join(DOC_TYPE_CODE)}) (?:so )?\d{{1,4}}(?![\d/-])"
_SHORT_CITED = re.compile(rf"^({'|'.join(DOC_TYPE_CODE)}) (?:so )?(\d{{1,4}})$")


def _number_key(cited: str) -> str:
    """A cited number as `Named.names_number` reads it: "chi thi so 17" → "17-ct/"."""
    short = _SHORT_CITED.match(cited)
    return short_key(short[1], short[2]) if short else cited


def _cites(citation: re.Pattern[str], unit: str, subject: Named | None) -> bool:
    """Whether the unit cites the subject's number in this form (its date, its issuer)."""
    return subject is not None and any(
        subject.names_number(_number_key(m[1])) for m in citation.finditer(fold(unit))
    )


def dates_subject(unit: str, question: q.Question) -> bool:
    """ "(Kèm theo Hướng dẫn số 36-HD/VPTW, ngày 03/4/2018 …)": the unit gives the date of the
    document the question asks the date of, by its number."""
    return _cites(_ATTACHED_DATE, unit, _asks_date_of_document(question))


# "Chỉ thị số 32-CT/TW, ngày 18/02/2019 của Bộ Chính trị": a citation names who issued it.
_BODIES = (
    r"(?:ban|bo|van phong|uy ban|tinh uy|huyen uy|thi uy|thanh uy|dang uy|trung uong|"
    r"chinh phu|thu tuong|quoc hoi|hoi dong|so|cuc)\b"
)
_ATTACHED_ISSUER = re.compile(
    rf"\b({_CITED_NUMBER})\s*,?\s*(?:ngay\s+\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\s*)?cua\s+{_BODIES}"
)
# "Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 …": a news report names the
# issuer first.
_ISSUER_BEFORE = re.compile(rf"\b{_BODIES}[^.;:]{{0,60}}?\bban hanh ({_CITED_NUMBER})")


@lru_cache(maxsize=1024)
def _asks_issuer_of(question: q.Question) -> Named | None:
    """The document a question asks the issuer of ("Chỉ thị 32 do cơ quan nào ban hành?")."""
    return _subject_reference(question) if asks_issuer(question.folded) else None


def issues_subject(unit: str, question: q.Question) -> bool:
    """ "Chỉ thị 32 do cơ quan nào ban hành?": the unit cites that very number with the body
    that issued it ("Chỉ thị số 32-CT/TW, ngày 18/02/2019 của Bộ Chính trị")."""
    subject = _asks_issuer_of(question)
    return _cites(_ATTACHED_ISSUER, unit, subject) or _cites(_ISSUER_BEFORE, unit, subject)


# "Kết luận 57 là kết luận về vấn đề gì?", "Chỉ thị 32 nói về gì?": what a document is about.
_ASKS_ABOUT = re.compile(
    r"\bve (?:van de |noi dung |viec |linh vuc |cai )?(?:gi|nao)\b|\bnoi (?:ve )?gi\b"
)
# "Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị về tiếp tục …": a citation with its
# subject.
_ATTACHED_SUBJECT = re.compile(
    rf"\b({_CITED_NUMBER})\s*,?\s*(?:ngay\s+\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\s*,?\s*)?"
    r"(?:cua\s+(?:\S+\s+){1,8}?)?(?:ve\s|[“\"])"
)


@lru_cache(maxsize=1024)
def _asks_subject_of(question: q.Question) -> Named | None:
    return _subject_reference(question) if _ASKS_ABOUT.search(question.folded) else None


def titles_subject(chunk: Chunk, question: q.Question) -> bool:
    """ "Kết luận 445 nói về vấn đề gì?" of the document numbered so: its header, whose title
    says what it is about ("KẾT LUẬN … về xây dựng hệ thống kết cấu hạ tầng …")."""
    subject = _asks_subject_of(question)
    number = chunk.meta.number
    return (
        subject is not None
        and number is not None
        and subject.names_number(fold(number))
        and re.search(r"\bve\b", fold(chunk.text)) is not None
    )


_TITLE_PERIOD = re.compile(r"\b(?:den nam|giai doan|nhiem ky|thoi ky) (?:19|20)\d\d\b")


def titles_period(chunk: Chunk, question: q.Question) -> bool:
    """A question asking when, not about the document itself, of a document whose title states
    the period it covers."""
    return (
        q.WHEN in question.kinds
        and not question.about_document
        and _TITLE_PERIOD.search(fold(chunk.meta.title)) is not None
    )


def states_subject(unit: str, question: q.Question) -> bool:
    """ "Kết luận 57 là kết luận về vấn đề gì?": the unit cites that very number with what it is
    about ("Kết luận số 57-KL/TW … của Bộ Chính trị về tiếp tục nâng cao …")."""
    return _cites(_ATTACHED_SUBJECT, unit, _asks_subject_of(question))


# "Ai là tác giả …", "… của ai?", "ai viết …": who wrote a work.
_ASKS_AUTHOR = re.compile(r"\btac gia\b|\bcua ai\b|\bai (?:viet|soan|bien soan)\b")
# "tác phẩm “…” của đồng chí Tổng Bí thư Nguyễn Phú Trọng": a work, and after "của" whose.
_AUTHORED = re.compile(
    r"\b(?:tác phẩm|cuốn sách|quyển sách|bài viết|bài báo)\b[^.;:]{0,300}?\bcủa\s+(.{0,80})",
    re.IGNORECASE,
)
# Words before a name: "đồng chí Tổng Bí thư …", "nhà văn …".
_BEFORE_NAME = re.compile(
    r"^(?:(?:đồng chí|tác giả|nhà văn|nhà báo|cố|tổng bí thư|chủ tịch nước|chủ tịch|"
    r"thủ tướng|bí thư|giáo sư|gs\.|pgs\.|ts\.)\s+)+",
    re.IGNORECASE,
)


def states_authorship(unit: str, question: q.Question) -> bool:
    """ "Ai là tác giả của tác phẩm …?": plans say whose a work is with "của" ("tác phẩm “…”
    của đồng chí Tổng Bí thư Nguyễn Phú Trọng"), never with "tác giả": a name follows, two
    capitalised words at least."""
    if q.WHO not in question.kinds or not _ASKS_AUTHOR.search(question.folded):
        return False
    for match in _AUTHORED.finditer(unit):
        words = _BEFORE_NAME.sub("", match[1]).split()
        capitalised = 0
        for word in words[:4]:
            if not word[:1].isupper():
                break
            capitalised += 1
        if capitalised >= 2:
            return True
    return False


# "chương trình nào" is as often a course of study as a document.
_ASKED_TYPE = re.compile(rf"\b({'|'.join(t for t in DOC_TYPE_CODE if t != 'chuong trinh')}) nao\b")


def _names_asked_type(unit: str, question: q.Question) -> bool:
    """ "… theo kế hoạch nào?" is answered by a plan's number ("kế hoạch số 78-KH/BTGTU"), not
    by a directive's ("Chỉ thị số 32-CT/TW")."""
    asked = _ASKED_TYPE.search(question.folded)
    if asked is None:
        return True
    code = DOC_TYPE_CODE[asked[1]]
    folded = fold(unit)
    return bool(re.search(rf"\b\d{{1,4}}-{code}/|\b{asked[1]} (?:so )?\d", folded))


# A plan's field names what it holds: "c) Thời gian: 7 giờ 30 …", "3. Địa điểm: Hội trường …",
# "Báo cáo viên: Đồng chí …". The label is the answer's kind; the question rarely shares its words.
_LABEL = re.compile(
    r"^\W*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\s*[.)\-]|[-+•*])?\s*([^:;,.()]{2,40}?)\s*:"
)
_VENUE_LABELS = r"dia diem|noi (?:to chuc|hoc|hop)"  # "Địa điểm:" names where a meeting is
_LABEL_ANSWERS: dict[str, re.Pattern[str]] = {
    q.WHEN: re.compile(r"^(?:thoi gian|thoi han|thoi diem|han chot|lich)\b"),
    q.WHERE: re.compile(rf"^(?:{_VENUE_LABELS}|dia chi|tru so|truy cap)\b"),
    q.VENUE: re.compile(rf"^(?:{_VENUE_LABELS})\b"),
    q.WHO: re.compile(
        r"^(?:bao cao vien|thanh phan|chu tri|don vi chu tri|co quan chu tri|phu trach|"
        r"doi tuong|nguoi (?:chu tri|phu trach|thuc hien|trinh bay))\b"
    ),
}


# A venue named after "tại"/"ở": where a meeting or class is held.
_VENUE = re.compile(
    r"\b(?:tai|o) (?:cac |moi )?(?:hoi truong|tru so|phong hop|diem cau|nha van hoa|"
    r"trung tam|nha truyen thong|giang duong|phong hoc)\b"
)


def names_venue(unit: str, question: q.Question) -> bool:
    """A "where" question, and the unit names a venue ("tại Hội trường …")."""
    return q.WHERE in question.kinds and _VENUE.search(fold(unit)) is not None


# "tại Hương Cảng", "ở Hà Nội": a place named after "tại"/"ở", as typed; "tại Hội nghị
# Ngoại giao lần thứ 32" names a meeting, not where it was held.
_AT = re.compile(
    r"(?<!\w)(?:tại|ở|tai|o)\s+"
    r"(?!(?:hội nghị|đại hội|hội thảo|kỳ họp|lễ|hoi nghi|dai hoi|hoi thao|ky hop|le)\b)(\w)",
    re.IGNORECASE,
)


# A sentence about a meeting: "ở Việt Nam" in a sentence about propaganda is no venue.
_MEETS = re.compile(r"\b(?:hoi nghi|dai hoi|hoi thao|hop|to chuc|dien ra|khai mac)\b")


def states_venue(unit: str) -> bool:
    """The unit says where a meeting is held: a venue ("tại Hội trường …", "trực tuyến tại
    điểm cầu …") or a place named after "tại/ở" in a sentence about a meeting ("Hội nghị …
    họp tại Hương Cảng")."""
    folded = fold(unit)
    if _VENUE.search(folded):
        return True
    named = any(m[1].isupper() for m in _AT.finditer(nfc(unit)))
    return named and _MEETS.search(folded) is not None


def labelled_kinds(unit: str, question: q.Question) -> frozenset[str]:
    """The wanted kinds the unit's field label names ("Thời gian:" for a "when" question)."""
    label = _LABEL.match(fold(unit))
    if label is None:
        return frozenset()
    return frozenset(
        kind
        for kind, names in _LABEL_ANSWERS.items()
        if kind in question.kinds and names.match(label[1].strip())
    )


def kinds_present(unit: str, question: q.Question) -> frozenset[str]:
    """Which of the wanted answer kinds the unit carries beyond the question's own words."""
    unit = _OUTLINE.sub("", unit)
    text = _without_attached_dates(residue(unit, question, with_cues=False), question)
    found = {
        kind
        for kind in question.kinds
        if kind not in (q.NUMBER, q.PERSON, q.GUESSED, q.VENUE) and _matches(kind, text)
    }
    if q.VENUE in question.kinds and states_venue(unit):
        found.add(q.VENUE)
    if q.WHEN in question.kinds:
        # The unit's times as written, without the dates of other documents: read once. A
        # header's line may break inside one ("Hà Nội, ngày" / "24 tháng 9 năm 2018").
        times = _without_attached_dates(" ".join(fold(unit).split()), question)
        if q.WHEN not in found and _dated(times, question):
            found.add(q.WHEN)
        if q.WHEN in found and not _precise_enough(times, question):
            found.discard(q.WHEN)
    if q.REFERENCE in found and not _names_asked_type(unit, question):
        found.discard(q.REFERENCE)
    role = q.asked_role(question.folded)
    if role is not None and _names_holder(unit, role):
        found.add(q.PERSON)
    if q.NUMBER in question.kinds and _has_number(unit, text, question):
        found.add(q.NUMBER)
    # "Có mấy loại bản sao, kể tên?": the items named answer the count too.
    names_items = {q.NUMBER, q.LIST} <= question.kinds and _LIST_ASKED.search(question.folded)
    if names_items and len(re.findall(r"[,;]|\bva\b|\bhoac\b", text)) >= 2:
        found.add(q.NUMBER)
    return frozenset(found)


_LIST_ASKED = re.compile(r"\b(?:ke ten|liet ke|gom nhung|la nhung|nhung (?:\w+ )?nao)\b")


# Number words as written: folded, "sau" (sáu/sau), "tam" (tám/tâm) and "nam" (năm/Nam) are
# ordinary words. "một" and "năm" are left out: far more often an article and a year.
_SPELLED = "hai|ba|bốn|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ|chục"
_NUMBER_WORDS = re.compile(rf"(?<!\w)(?:{_SPELLED})(?!\w)")
_NUMERAL = re.compile(rf"^(?:\d[\d.,]*%?|một|năm|{_SPELLED})$")
_DOC_NUMBERS = re.compile(rf"\b(?:{FOLDED_DOC_NUMBER})")
_TIMES = re.compile(r"\bquy [ivx]+(?:/\d{4})?|\b(?:19|20)\d\d\b")
_ASKS_DURATION = re.compile(
    r"\b(?:bao nhieu|may) (?:nam|thang|ngay|tuan|gio|phut|hoc ky|nhiem ky)\b|\bnhiem ky\b"
)
_ASKS_ORDINAL = re.compile(
    r"\b(?:thu may|thu bao nhieu|thu nao|khoa may|khoa nao|khoa bao nhieu|"
    r"(?:dai hoi|hoi nghi) (?:may|nao|bao nhieu))\b"
)
_ASKS_MONEY = re.compile(
    r"\bbao nhieu tien\b|\b(?:kinh phi|tien thuong|muc thuong|ngan sach|muc ho tro)\b"
    r"(?: \w+){0,4} (?:bao nhieu|la bao nhieu|may)\b"
)
_MONEY = re.compile(r"\d[\d.,]*\s*(?:dong|d|vnd|trieu|nghin|ngan|ty)\b")
# "Đại hội X", "Hội nghị lần thứ 6", "khóa XIII": one Roman letter is a number after these.
_NUMBERED_EVENT = re.compile(r"\b(?:dai hoi|hoi nghi|khoa) (?:lan thu )?(?:[xvi]+|\d+)\b")
_ASKS_DOCUMENT_NUMBER = re.compile(r"\b(?:so hieu|mang so|so may|so bao nhieu|so nao|ky hieu)\b")
# "theo kế hoạch số mấy": the number of a document of that type, which only a document's
# number ("44-KH/ĐU") answers, never a date or a count beside it.
_ASKS_TYPED_NUMBER = re.compile(
    rf"\b{q.DOCUMENT_WORDS} (?:co )?(?:so hieu|mang so|so may|so bao nhieu|so nao|ky hieu)\b"
)


@lru_cache(maxsize=1024)
def _typed_words(question: q.Question) -> frozenset[str]:
    """The question's words as typed, folded (once per question, not per unit)."""
    return frozenset(fold(w) for w in question.text.lower().split())


def _has_number(unit: str, residue_text: str, question: q.Question) -> bool:
    """A count or amount beyond the question's words; next to the thing counted if named."""
    if question.counted is not None:
        words = re.findall(r"[\w%.,]+", unit.lower())
        size = len(question.counted.split())
        return any(
            fold(" ".join(w.strip(".,") for w in words[i : i + size])) == question.counted
            and any(_NUMERAL.match(w.strip(".,")) for w in words[max(0, i - 3) : i])
            for i in range(len(words))
        )
    # "… thưởng bao nhiêu tiền?", "kinh phí bao nhiêu?": only a sum of money answers.
    if _ASKS_MONEY.search(question.folded):
        return bool(_MONEY.search(fold(unit)))
    # A document's number answers only a question about a number ("số hiệu", "số mấy"), and
    # never the question that names that document.
    named = question.references

    def other(number: str) -> bool:  # a document's number the question does not name
        return not any(n.names_number(number) for n in named)

    if _ASKS_TYPED_NUMBER.search(question.folded):
        return any(other(m[0]) for m in _DOC_NUMBERS.finditer(residue_text))
    wants_number = bool(_ASKS_DOCUMENT_NUMBER.search(question.folded))
    rest = _DOC_NUMBERS.sub(
        lambda m: m[0] if wants_number and other(m[0]) else " ", _DATES.sub(" ", residue_text)
    )
    # A year or a quarter answers "when"; it counts only when a duration is asked ("bao nhiêu
    # năm": "2020 - 2025"). A Roman numeral answers "lần thứ mấy", "khóa mấy".
    if not _ASKS_DURATION.search(question.folded):
        rest = _TIMES.sub(" ", rest)
    asked = _typed_words(question)
    spelled = any(fold(m[0]) not in asked for m in _NUMBER_WORDS.finditer(unit.lower()))
    ordinal = bool(_ASKS_ORDINAL.search(question.folded)) and bool(
        _ROMAN.search(unit) or _NUMBERED_EVENT.search(fold(unit))
    )
    if ordinal:
        return True
    return (bool(re.search(r"\d", rest)) or spelled) and _figure_near_topic(unit, question)


def _figure_near_topic(unit: str, question: q.Question) -> bool:
    """Some figure of the unit stands within a few words of a word the question asks about:
    "Kinh phí … là bao nhiêu?" is not answered by "Bài thu hoạch đạt từ 7 điểm"."""
    typed = unit.lower().split()
    folded = [w.strip(".,;:()“”\"'") for w in fold(unit).split()]
    topic = set(question.words)
    for i, (word, plain) in enumerate(zip(typed, folded, strict=False)):
        figure = plain[:1].isdigit() or bool(_NUMBER_WORDS.fullmatch(word.strip(".,;:()“”\"'")))
        if figure and plain not in topic and topic & set(folded[max(0, i - 4) : i + 5]):
            return True
    return False


# Common Vietnamese family names: a capitalised run starting with one is a person's name, not
# a place ("Bí thư Tỉnh ủy Trà Vinh Nguyễn Văn A").
_SURNAME_WORDS = (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh lam ha mai "
    "truong doan luong to cao nong lo hua quach trinh thai van kieu chu tang luu la giang "
    "khuat lai ta thach son"
)
_SURNAMES = frozenset(_SURNAME_WORDS.split())


def _is_name(words: list[str]) -> bool:
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) for w in words)
        and fold(words[0]) in _SURNAMES
    )


def _names_holder(unit: str, role: str) -> bool:
    """The unit names a person right after the role asked for, that very role ("Phó Bí thư
    Hà Văn A" does not name the Bí thư)."""
    folded = fold(unit)
    for match in re.finditer(rf"\b{role}\b", folded):
        before = folded[max(0, match.start() - 5) : match.start()]
        if not role.startswith(("pho ", "tong ")) and re.search(r"\b(?:pho|tong) $", before):
            continue
        # Folding keeps the length of Vietnamese text: the same span in the unit as written.
        words = [w.strip(',.;:()“”"') for w in unit[match.end() : match.end() + 80].split()]
        if any(_is_name(words[i : i + n]) for i in range(len(words)) for n in (2, 3, 4)):
            return True
    return False


# "năm 1049", "ngày 20", "tháng 11", "quý 3": the question's own "năm nào" leaves the residue
# with a bare "1049", which the detector cannot tell from any other number.
_TIME_EXPRESSION = re.compile(r"\b(?:nam|ngay|thang|quy|the ky) (\d{1,4}|[ivx]+)\b")


@lru_cache(maxsize=1024)
def _question_words(question: q.Question) -> frozenset[str]:
    return frozenset(question.folded.split())


def _dated(times: str, question: q.Question) -> bool:
    """The unit (`times`: folded, other documents' dates dropped) names a year, day, month or
    quarter that the question does not already name."""
    asked = _question_words(question)
    return any(m[1] not in asked for m in _TIME_EXPRESSION.finditer(times))


# "năm nào" wants a year, "ngày nào" a day, "mấy giờ" an hour, "tháng nào" a month: "sau khi
# …" or "hằng năm" answers "khi nào", not these.
_PRECISE_WHEN = (
    (re.compile(r"\bnam (?:nao|may)\b|\bnam bao nhieu\b"), re.compile(r"\b(?:1\d{3}|20\d\d)\b")),
    (
        re.compile(r"\bngay (?:nao|may|bao nhieu)\b|\bngay thang\b"),
        re.compile(r"\b\d{1,2}[/.-]\d{1,2}\b|\bngay (?:\d{1,2}|mung \w+)\b"),
    ),
    (
        re.compile(r"\b(?:may gio|gio nao)\b"),
        re.compile(r"\b\d{1,2} ?(?:gio|h)\b|\b\d{1,2}[:h]\d{2}\b"),
    ),
    (
        re.compile(r"\bthang (?:nao|may)\b"),
        re.compile(r"\bthang \d{1,2}\b|\b\d{1,2}/(?:\d{1,2}/)?\d{4}\b|\bquy [ivx1-4]+\b"),
    ),
)


@lru_cache(maxsize=1024)
def _precision_wanted(question: q.Question) -> tuple[re.Pattern[str], ...]:
    """What each part of the time asked for must look like (once per question)."""
    return tuple(answer for cue, answer in _PRECISE_WHEN if cue.search(question.folded))


def _precise_enough(times: str, question: q.Question) -> bool:
    """The unit (`times`, as for `_dated`) gives the time as precisely as the question asks
    for it, beyond the question's own words, in every part it asks for."""
    wanted = _precision_wanted(question)
    if not wanted:
        return True
    asked = _question_words(question)
    # "lúc mấy giờ ngày nào" wants both the hour and the day.
    return all(
        any(m[0] not in asked and _figure(m[0]) not in asked for m in answer.finditer(times))
        for answer in wanted
    )


def _figure(time: str) -> str:
    """The figure of a time expression: "20" of "ngày 20", "14" of "14 giờ"."""
    words = time.split()
    return next((w for w in reversed(words) if any(c.isdigit() for c in w)), words[-1])


def _matches(kind: str, text: str) -> bool:
    detector = _DETECTORS.get(kind)
    return detector is None or bool(detector.search(text))


def novelty(unit: str, question: q.Question) -> float:
    """Share of the unit's words the question does not contain (0: it only restates it)."""
    words = re.findall(r"[0-9a-z]+", fold(unit))
    if not words:
        return 0.0
    rest = residue(unit, question).split()
    return len([w for w in rest if w.isalnum()]) / len(words)
