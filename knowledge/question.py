"""Question understanding: one typed value that retrieval, grounding and answer selection read.

A question is parsed once, with or without diacritics: which kind of answer it wants (who, when,
how many, where, a list, a meaning, why, which document, yes/no), its topic terms (question words
and glue removed, read as typed when typed with diacritics), the named things in it
(`knowledge/named.py`), what a "how many" counts, what "A của B" asks about (A), and whether it
asks about a document itself (who signed it, whom it was sent to, its number or date).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from knowledge.named import Named, known_places, named_things, trimmed_to_place
from knowledge.syllables import VOWELS
from knowledge.textnorm import canonical_doc_numbers, fold, nfc, tone_key, typed_tokens

WHO = "who"
WHEN = "when"
NUMBER = "number"
WHERE = "where"
# No phrase of the question names the kind of answer ("… có nhiệm vụ gì?"): the kind beside it
# is a guess, and a unit's words can neither confirm nor contradict it.
GUESSED = "guessed"
LIST = "list"
DEFINITION = "definition"
WHY = "why"
REFERENCE = "reference"
YESNO = "yesno"
HOW = "how"
PERSON = "person"  # a person's name for a role: "Bí thư Huyện ủy tên là gì?"
VENUE = "venue"  # where a meeting is held: "Hội nghị … tổ chức ở đâu?"

# Question words and glue syllables carry no topic: "là gì", "như thế nào", "bao nhiêu"...
_GLUE = (
    "a ai anh bao biet cac cai can cho chi chu co cua da dau de den di duoc gi hay hoi khi khong"
    " la lam luc ma mot nao neu nhieu nhu nhung noi o ra roi sao se tai the thi toi trong va vao"
    " ve vi voi xin em oi a nhe giup dum minh chung theo may vay nua gom viec"
)
STOPWORDS = frozenset(_GLUE.split())
# The same glue as typed with diacritics: "tài năng", "cơ quan", "thể chất", "Ban Tuyên giáo"
# fold to glue syllables but are topic words.
_TYPED_GLUE = (
    "à a ạ ai anh bao biết các cái cần cho chỉ chứ có của đã đâu để đến đi được gì hãy hay hỏi"
    " khi không là làm lúc mà một nào nếu nhiêu nhiều như những nhưng nơi ở ra rồi sao sẽ tại"
    " thì tôi tới trong và vào về vì với xin em ơi nhé giúp dùm giùm bạn mình chúng theo mấy"
    " vậy nữa gồm việc"
)
TYPED_GLUE = frozenset(_TYPED_GLUE.split())
# Glue as typed whose folded form is a topic word: "đang" (đảng), "này" (nay), "cũng" (cung),
# "vẫn" (văn), "đó" (do): read as glue only when typed with diacritics. Not "lại": "học
# lại", "thi lại" are what is asked.
TYPED_ONLY_GLUE = frozenset(["đang", "này", "cũng", "vẫn", "đó", "ấy", "phải", "nhỉ"])
# Typed without diacritics, these compounds start with a syllable that folds like glue ("cơ
# quan" reads "co quan", "có" is glue): kept whole as topic words.
_COMPOUNDS = frozenset(
    [
        "co quan",
        "co so",
        "co che",
        "hoi nghi",
        "hoi dong",
        "hoi vien",
        "tai lieu",
        "tai chinh",
        "the thuc",
        "the hien",
        "the che",
        "chi bo",
        "chi doan",
        "chi hoi",
        "chi dao",
        "chi thi",
        "chi tieu",
        "noi dung",
        "noi bo",
        "vi tri",
        "vi pham",
        "nhu cau",
        "toi thieu",
        "toi da",
        "khi hau",
        "ra soat",
        "di tich",
        "di san",
    ]
)
_QUESTION_PHRASES = re.compile(
    r"\b(?:ai la nguoi|la gi|la nhung gi|nhung gi|bao nhieu|nhu the nao|the nao|ra sao|lan thu may|"
    r"han chot|ke ten|liet ke|"
    # "căn cứ vào văn bản nào", "dựa trên chỉ thị nào": asking for the basis, which a plan
    # states as "Thực hiện …" as often as "Căn cứ …".
    r"(?:can cu|dua (?:vao|tren))(?: vao| theo)?(?= (?:\w+ ){0,2}nao\b)|"
    # "nhằm (mục đích) gì": "nhằm" asks; "mục đích" may name the section that answers.
    r"nham(?= (?:muc dich |muc tieu )?gi\b)|de lam gi|"
    # "… nghĩa là gì": "nghĩa" asks what it means; "ý nghĩa" in a passage is not that.
    r"(?:co |mang )?nghia(?= la\b)|"
    # "Kết luận 111 về nội dung gì?" asks what a thing is about: "nội dung" names no topic.
    r"ve (?:noi dung|van de|viec)(?= gi\b)|"
    r"thu may|khi nao|luc nao|o dau|nhung ai|la ai|nao|bao gio|tai sao|vi sao|hay khong|"
    r"bao lau(?: (?:mot|1) lan)?|"
    r"duoc khong|phai khong|co khong|goi la|la sao|lam sao|bang cach nao|"
    # How a question points at the text: "kế hoạch nhắc tới …", "văn bản đề cập đến …".
    r"nhac (?:toi|den)|de cap (?:toi|den)|noi (?:ve|toi|den)|duoc neu|neu ra)\b"
)
_KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        WHO,
        re.compile(
            r"\b(?:ai|nhung ai|co quan nao|don vi nao|to chuc nao|(?<!van )ban nao|phong nao|"
            r"nguoi nao|dong chi nao|cap nao|bo phan nao|chuc danh|chuc vu|ho ten|ten (?:la )?gi|"
            r"(?:nhung|cac) (?:co quan|don vi|to chuc|ban|hoi|so|phong|dong chi) nao)\b"
        ),
    ),
    (
        WHEN,
        re.compile(
            r"\b(?:khi nao|luc nao|bao gio|ngay nao|thang nao|nam nao|quy nao|thoi gian nao|"
            r"thoi diem nao|dip nao|nhung dip nao|may gio|han chot|thoi han|bao lau|"
            r"(?:ngay|thang|nam|quy) (?:bao nhieu|may)|ngay thang|ky ngay|nhiem ky nao|"
            r"hoc ky nao|tuan nao|giai doan nao|"
            r"^thoi gian|thoi gian (?:nao|bao lau|la bao|la khi))\b"
        ),
    ),
    (
        NUMBER,
        re.compile(
            r"\b(?:bao nhieu|may|so luong|so hieu|so may|mang so|thu may|ty le|muc nao|"
            r"lan thu (?:may|bao nhieu|nao)|diem (?:la )?bao nhieu)\b"
        ),
    ),
    (
        WHERE,
        re.compile(
            r"\b(?:o dau|tai dau|noi nao|dia diem|kenh nao|nhung kenh|moi truong nao|"
            r"tinh nao|huyen nao|dia phuong nao|toi dau|den dau|nuoc nao|nhung nuoc|"
            # "dựa trên kế hoạch nào", "căn cứ trên …" ask for the basis document, not where.
            r"(?<!dua )(?<!cu )tren (?:nhung |cac )?\w+(?: \w+)? nao|phong ban nao|cho ai|gui ai|"
            r"o (?:nhung )?\w+ nao)\b"
        ),
    ),
    (
        LIST,
        re.compile(
            r"\b(?:nhung gi|nhung ai|gom nhung|bao gom|gom gi|nhung (?:\w+ ){0,4}nao|"
            r"nhung (?:\w+ ){1,2}gi|"
            r"cac (?:\w+ ){0,4}nao|nhung noi dung|nhung mat|nhom (?:nao|gi)|ke ten|liet ke|"
            r"the hien)\b"
        ),
    ),
    (
        DEFINITION,
        re.compile(
            r"\b(?:la gi|nghia la|the nao la|ve noi dung gi|ve van de gi|ve viec gi|noi dung gi|"
            r"y nghia|goi la|viet tat|hieu la|dinh nghia|tieu de|vai tro gi|la nhu the nao)\b"
        ),
    ),
    (
        WHY,
        re.compile(
            r"\b(?:vi sao|tai sao|nham (?:muc dich )?gi|de lam gi|muc dich|muc tieu|ly do|"
            r"nham|de (?:bao ve|boi dap|giu vung|gop phan))\b"
        ),
    ),
    (
        REFERENCE,
        re.compile(
            r"\b(?:van ban nao|(?:nghi quyet|chi thi|ket luan|ke hoach|huong dan|quy dinh|"
            r"quyet dinh|chuong trinh) (?:so )?(?:nao|may)|can cu|thuc hien (?:\w+ ){0,3}nao|"
            r"theo quy dinh nao|quy dinh nao|van kien nao)\b"
        ),
    ),
    (
        YESNO,
        re.compile(r"\b(?:co (?:\w+ ){0,8}khong|duoc khong|hay khong|phai khong|chua)\s*\??$"),
    ),
    (HOW, re.compile(r"\b(?:nhu the nao|the nao|ra sao|lam sao|bang cach nao|cach nao)\b")),
)
# Cues that a question asks about a document itself: who signed it, whom it went to, its
# number, date or issuer, its stamp or digital signature.
_ABOUT_DOCUMENT = re.compile(
    r"\b(?:(?<!hoc )(?<!nhiem )(?<!dang )(?<!thoi )(?<!the )(?<!dinh )(?<!truong )"
    r"ky(?! (?:niem|luat|nang|thuat|hop|thi|yeu|vong|cang|luong))|"
    r"nguoi ky|chuc danh|noi nhan|gui|duoc gui|bao cao len|luu|ban luu|ban hanh|"
    r"so hieu|mang so|so may|so bao nhieu|chu ky|ky so|chung thuc|vao so|"
    # "nhận ngày nào" is the document's own date; "(hoàn thành) trước ngày nào" is a deadline.
    r"(?<!\btruoc )(?<!\bsau )(?<!\bnhat )(?<!\bvao )(?<!\bhan )ngay nao|"
    r"cong van den|thuoc dang bo|thuoc tinh|dang bo tinh|xay dung ke hoach|ra ke hoach|"
    r"cua dia phuong|nhan ke hoach|ngay ra)\b"
)


# "ky" folded is also "kỷ niệm", "kỳ họp", "kỹ năng": typed with diacritics, only "ký" signs.
_KY = re.compile(r"\bky\b")
_TYPED_KY = re.compile(r"(?<!\w)ký(?!\w)")


def _about_document(text: str, folded: str) -> bool:
    found = [m[0] for m in _ABOUT_DOCUMENT.finditer(folded)]
    if not found:
        return False
    lowered = nfc(text).lower()
    if folded == lowered or any(not _KY.fullmatch(f) for f in found):
        return True
    return bool(_TYPED_KY.search(lowered))


# Words that name a document: a header's date answers "ngày nào" only about one of these.
DOCUMENT_WORDS = (
    r"(?:ke hoach|van ban|cong van|huong dan|chi thi|nghi quyet|ket luan|quyet dinh|"
    r"thong bao|chuong trinh|bao cao|to trinh|quy dinh|dieu le|tai lieu|thong tri|"
    r"cv|kh|hd|nq|kl|qd|ctr)"
)
_DOCUMENT_WORD = re.compile(rf"\b{DOCUMENT_WORDS}\b")


def speaks_of_document(question: Question) -> bool:
    """ "Kế hoạch … ban hành ngày nào" asks of a document; "Bộ Ngoại giao thành lập ngày
    nào" does not, and no document's header answers it."""
    return bool(question.references) or bool(_DOCUMENT_WORD.search(question.folded))


# Shorthand members type on phones, as each word reads typed without and with diacritics.
_SHORTHAND = {
    "dc": ("duoc", "được"),
    "đc": ("duoc", "được"),
    "dx": ("duoc", "được"),
    "ko": ("khong", "không"),
    "k": ("khong", "không"),
    "khg": ("khong", "không"),
    "j": ("gi", "gì"),
    "ntn": ("nhu the nao", "như thế nào"),
    "bn": ("bao nhieu", "bao nhiêu"),
    "bh": ("bao gio", "bao giờ"),
    "vs": ("voi", "với"),
    "ng": ("nguoi", "người"),
    "cx": ("cung", "cũng"),
    "trc": ("truoc", "trước"),
    "cq": ("co quan", "cơ quan"),
    "sh": ("sinh hoat", "sinh hoạt"),
}
# A document code before a number is the document's type: "kh 145", "hd 36", "nq 16".
_CODE_BEFORE_NUMBER = {
    "kh": ("ke hoach", "kế hoạch"),
    "hd": ("huong dan", "hướng dẫn"),
    "nq": ("nghi quyet", "nghị quyết"),
    "ct": ("chi thi", "chỉ thị"),
    "kl": ("ket luan", "kết luận"),
    "qd": ("quyet dinh", "quyết định"),
    "qđ": ("quyet dinh", "quyết định"),
    "ctr": ("chuong trinh", "chương trình"),
    "cv": ("cong van", "công văn"),
}
_SHORT_WORD = re.compile(r"(?<![\w/-])([a-zđ]{1,3})(?![\w/-])(\s+\d{1,4}\b(?![-/]))?")
# "HD 36", "KH 84", "KL57", "nq16": a document type's code before a bare number.
_CODE_NUMBER = re.compile(r"(?<![\w/-])([A-ZĐa-zđ]{2,3})\s*(\d{1,4})\b(?![-/])")
# "KL hạ tầng của Huế", "NQ về chuyển đổi số": a document type's code in capitals before the
# words of its subject. "CT" ("chỉ thị" or "chương trình"), "KH" and "HD" ("Sở KH và ĐT")
# are left alone.
_CODE_WORD = re.compile(r"(?<![\w/-])(KL|NQ|QĐ|QD)(?=\s+[a-zà-ỹđ])")
# The abbreviations of party and state bodies and terms members type ("TBT", "MTTQ", "LHQ"),
# read as the words documents spell out when the library does not use the abbreviation itself.
# Two letters are read only in capitals ("TW"); longer ones in any case ("mttq").
_ABBREVIATIONS = {
    "tbt": ("tong bi thu", "Tổng Bí thư"),
    "mttq": ("mat tran to quoc", "Mặt trận Tổ quốc"),
    "lhq": ("lien hop quoc", "Liên hợp quốc"),
    "ubnd": ("uy ban nhan dan", "Ủy ban nhân dân"),
    "hdnd": ("hoi dong nhan dan", "Hội đồng nhân dân"),
    "hđnd": ("hoi dong nhan dan", "Hội đồng nhân dân"),
    "bch": ("ban chap hanh", "Ban Chấp hành"),
    "btv": ("ban thuong vu", "Ban Thường vụ"),
    "bct": ("bo chinh tri", "Bộ Chính trị"),
    "bbt": ("ban bi thu", "Ban Bí thư"),
    "btg": ("ban tuyen giao", "Ban Tuyên giáo"),
    "cbdv": ("can bo, dang vien", "cán bộ, đảng viên"),
    "cbđv": ("can bo, dang vien", "cán bộ, đảng viên"),
    "lhpn": ("lien hiep phu nu", "Liên hiệp Phụ nữ"),
    "xhcn": ("xa hoi chu nghia", "xã hội chủ nghĩa"),
    "cntt": ("cong nghe thong tin", "công nghệ thông tin"),
    "bcđ": ("ban chi dao", "Ban Chỉ đạo"),
    "bcd": ("ban chi dao", "Ban Chỉ đạo"),
    "ubmttq": ("uy ban mat tran to quoc", "Ủy ban Mặt trận Tổ quốc"),
    "pbt": ("pho bi thu", "Phó Bí thư"),
    "ttđn": ("thong tin doi ngoai", "thông tin đối ngoại"),
    "ttdn": ("thong tin doi ngoai", "thông tin đối ngoại"),
    "tw": ("trung uong", "Trung ương"),
    "tu": ("tinh uy", "Tỉnh ủy"),
    "hu": ("huyen uy", "Huyện ủy"),
    "đu": ("dang uy", "Đảng ủy"),
    "bt": ("bi thu", "Bí thư"),
    "cb": ("can bo", "cán bộ"),
    "đv": ("dang vien", "đảng viên"),
    "vp": ("van phong", "Văn phòng"),
    "tư": ("trung uong", "Trung ương"),
    "qh": ("quoc hoi", "Quốc hội"),
    "clb": ("cau lac bo", "Câu lạc bộ"),
    "mxh": ("mang xa hoi", "mạng xã hội"),
    "ttđt": ("thong tin dien tu", "thông tin điện tử"),
    "ttdt": ("thong tin dien tu", "thông tin điện tử"),
}
# Everyday words members use for what documents name otherwise, folded → the documents'
# word (folded, typed). Read as the documents' word when the library never uses the member's.
_PLAIN_WORDS = {
    "cuon sach": ("tac pham", "tác phẩm"),
    "quyen sach": ("tac pham", "tác phẩm"),
    "xong": ("hoan thanh", "hoàn thành"),
    "nguoi dan": ("nhan dan", "nhân dân"),
    "bac ho": ("chu tich ho chi minh", "Chủ tịch Hồ Chí Minh"),
    "online": ("truc tuyen", "trực tuyến"),
    "duong link": ("dia chi", "địa chỉ"),
    "link": ("dia chi", "địa chỉ"),
}
_PLAIN_WORD = re.compile(rf"\b(?:{'|'.join(_PLAIN_WORDS)})\b")
_ABBREVIATION = re.compile(r"(?<![\w/-])([A-Za-zĐđƯư]{2,4})(?![\w/-])")


def expand_shorthand(text: str) -> str:
    """ "sach dc gioi thieu la tap may" → "sach duoc gioi thieu la tap may"; "hd 36 thay the
    van ban nao" → "huong dan 36 …". Only lowercase words, and a type code in capitals before
    a bare number ("HD 36"), are read as shorthand ("KH" in a document number stays), and the
    expansion is typed the way the rest of the question is."""
    typed = fold(text) != text.lower()

    def expand(match: re.Match[str]) -> str:
        word, number = match[1], match[2]
        table = _CODE_BEFORE_NUMBER if number and match[1] in _CODE_BEFORE_NUMBER else _SHORTHAND
        forms = table.get(word)
        if forms is None:
            return match[0]
        return forms[1 if typed else 0] + (number or "")

    def expand_code(match: re.Match[str]) -> str:
        forms = _CODE_BEFORE_NUMBER.get(match[1].lower())
        return match[0] if forms is None else f"{forms[1 if typed else 0]} {match[2]}"

    def expand_word(match: re.Match[str]) -> str:
        forms = _CODE_BEFORE_NUMBER[match[1].lower()]
        return forms[1 if typed else 0]

    text = _CODE_WORD.sub(expand_word, _CODE_NUMBER.sub(expand_code, text))
    return _SHORT_WORD.sub(expand, text)


def documents_words(text: str, known: Container[str]) -> str:
    """ "cuốn sách của Tổng Bí thư" → "tác phẩm của Tổng Bí thư" when the library says "tác
    phẩm" and never "cuốn sách" (`known`: its folded words and word pairs)."""
    folded = fold(text)
    if len(folded) != len(text):
        return text
    typed = folded != text.lower()
    out, end = [], 0
    for match in _PLAIN_WORD.finditer(folded):
        plain, formal = match[0], _PLAIN_WORDS[match[0]]
        if plain.replace(" ", "_") in known or not library_writes(formal[0], known):
            continue
        out.append(text[end : match.start()])
        out.append(formal[1 if typed else 0])
        end = match.end()
    return "".join(out) + text[end:]


def library_writes(phrase: str, known: Container[str]) -> bool:
    """The library writes this folded phrase: its one word, or every pair of its words
    (`known`: the library's folded words and word pairs, "chu_tich")."""
    words = phrase.split()
    if len(words) == 1:
        return words[0] in known
    return all(f"{a}_{b}" in known for a, b in pairwise(words))


def expand_abbreviations(text: str, known: Container[str]) -> str:
    """ "TBT ký kế hoạch nào" → "Tổng Bí thư ký kế hoạch nào", unless the library itself
    uses the abbreviation (`known`: its folded words)."""
    typed = fold(text) != text.lower()

    def expand(match: re.Match[str]) -> str:
        word = match[1]
        forms = _ABBREVIATIONS.get(word.lower())
        if forms is None or (len(word) == 2 and not word.isupper()) or fold(word) in known:
            return word
        return forms[1 if typed else 0]

    return _ABBREVIATION.sub(expand, text)


# An abbreviation typed in capitals, as official Vietnamese writes them ("GPMB", "KTXH"):
# Vietnamese syllables give at most one vowel initial; "ASEAN" or "COVID" is a name. Three
# letters spell too many of a library's phrases to tell which (`_ABBREVIATIONS` has the common
# ones; allowing three gained nothing on any set). Or the first words of a name shortened
# before its last one ("TT Huế" for "Thừa Thiên Huế"): the last word tells which.
_ACRONYM = re.compile(r"(?<![\w/-])([A-ZĐ]{4,6})(?![\w/-])")
_SHORTENED_NAME = re.compile(r"(?<![\w/-])([A-ZĐ]{2,3})\.? ([A-ZĐ][^\W\d_]+)(?![\w/-])")


def expand_acronyms(
    text: str, known: Container[str], phrase: Callable[[str, bool, str | None], str | None]
) -> str:
    """ "Đề án GPMB ở đâu?" → "Đề án giải phóng mặt bằng ở đâu?" where the library writes the
    phrase out and never the abbreviation; `phrase(letters, typed, last)` finds it in the
    library (ending with the word `last` when given), with diacritics when `typed`."""
    typed = fold(text) != text.lower()

    def expand(match: re.Match[str]) -> str:
        letters = fold(match[1])
        if letters in known or sum(c in VOWELS for c in letters) > 1:
            return match[0]
        return phrase(letters, typed, None) or match[0]

    def expand_name(match: re.Match[str]) -> str:
        letters, last = fold(match[1]), fold(match[2])
        if f"{letters}_{last}" in known:  # the library writes it so itself
            return match[0]
        # Folded: restoring diacritics guesses a name's syllables ("quang" as "quốc"); the name
        # is read folded anyway.
        found = phrase(letters + last[0], False, last)
        if found is None:
            return match[0]
        return " ".join([*(w.capitalize() for w in found.split()[:-1]), match[2]])

    return _ACRONYM.sub(expand, _SHORTENED_NAME.sub(expand_name, text))


# "tỉnh TV", "ở LS", "tinh tv": a place's initials after a word that introduces a place, typed
# with or without diacritics.
_PLACE_INITIALS = re.compile(
    r"(?i:\b(?:tỉnh|tinh|huyện|huyen|thị xã|thi xa|thành phố|thanh pho|tp\.?|xã|xa|phường|"
    r"phuong|quận|ở|o|tại|tai|bên|ben)\s+)([A-ZĐa-zđ]{2,3})(?![\w/-])"
)


def expand_place_initials(
    text: str, places: frozenset[str], known: Container[str], restore: Callable[[str], str]
) -> str:
    """ "Tỉnh TV đưa … vào những trường nào?" → "Tỉnh Trà Vinh …", "tinh tv" → "tinh tra vinh",
    when exactly one of the library's places (`places`, folded) has those initials and the
    library never writes the letters themselves; `restore` gives a folded phrase its
    diacritics, for a typed question."""
    typed = fold(text) != text.lower()

    def expand(match: re.Match[str]) -> str:
        letters = fold(match[1])
        # Typed in lowercase, only letters no syllable could be ("tinh tv", "o ls"): "ở đó",
        # "tại xa" are words.
        if letters in known or (not match[1].isupper() and set(letters) & VOWELS):
            return match[0]
        named = [p for p in places if "".join(w[0] for w in p.split()) == letters]
        if len(named) != 1:
            return match[0]
        place = restore(named[0]) if typed else named[0]
        if match[1].isupper():
            place = " ".join(w[:1].upper() + w[1:] for w in place.split())
        return match[0][: match.start(1) - match.start(0)] + place

    return _PLACE_INITIALS.sub(expand, text)


@dataclass(frozen=True)
class Question:
    text: str  # whitespace-normalised NFC, document numbers canonical ("84-KH/BTGTU")
    folded: str
    kinds: frozenset[str]
    terms: tuple[str, ...]  # folded topic words and bigrams ("cay_tre")
    named: tuple[Named, ...]
    about_document: bool
    without_diacritics: bool
    # "bao nhiêu phiếu" → "phieu", "mấy chi bộ" → "chi bo": what a number must count
    counted: str | None = None
    head: tuple[str, ...] = ()  # "Mục tiêu của chương trình X là gì?" → ("muc", "tieu")
    # The head as typed, when typed with diacritics ("mẹ", which folds like "mê"), by `tone_key`
    head_typed: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if "_" not in t)

    @property
    def references(self) -> tuple[Named, ...]:
        """The document numbers named, in full ("12-KH/HU") or short ("Kết luận 57")."""
        return tuple(n for n in self.named if n.is_reference)


_BESIDES = re.compile(r"^ngoai\b[^,?;]{1,80}?(?:,|\bthi\b)")


def topic_terms(question: str) -> list[str]:
    """Folded topic words and the bigrams of adjacent topic words ("cay_tre")."""
    text = nfc(canonical_doc_numbers(question)).replace("|", " ")
    folded = fold(text)
    if len(folded) != len(text):  # folding changed the length: no typed forms to consult
        text = folded
    # Question phrases split the question; the typed text is cut at the same places.
    cuts = [(m.start(), m.end()) for m in _QUESTION_PHRASES.finditer(folded)]
    # "Ngoài X, … còn gì nữa?" names X to leave it out: X is not what the answer must say.
    besides = _BESIDES.match(folded)
    if besides and (folded == text.lower() or text.lower().startswith("ngoài")):
        cuts = [(0, besides.end()), *(c for c in cuts if c[0] >= besides.end())]
    bounds = [0, *(i for cut in cuts for i in cut), len(text)]
    typed_glue = folded != text.lower()
    terms: list[str] = []
    for begin, finish in zip(bounds[::2], bounds[1::2], strict=True):
        tokens = typed_tokens(text[begin:finish])
        pairs = [
            (
                word,
                typed,
                _is_glue(word, typed, typed_glue, begin == 0 and i == 0)
                and (typed_glue or " ".join(t for t, _ in tokens[i : i + 2]) not in _COMPOUNDS),
            )
            for i, (word, typed) in enumerate(tokens)
        ]
        terms.extend(word for word, _, glue in pairs if not glue)
        terms.extend(f"{a}_{b}" for (a, _, ga), (b, _, gb) in pairwise(pairs) if not ga and not gb)
    return terms


# "Hội nghị quán triệt Kết luận 57": the meeting of an activity, which a plan may state as the
# activity itself ("Về học tập, quán triệt: trực tiếp tại …").
_MEETING_OF_ACTIVITY = re.compile(
    r"\bhoi nghi\s+(quan triet|hoc tap|hoc|trien khai|tuyen truyen|pho bien)\b"
)


def meeting_terms(question: Question) -> frozenset[str]:
    """ "Hội nghị quán triệt …": the terms that name the meeting of the activity ("hoi",
    "nghi", "hoi_nghi", "nghi_quan")."""
    found = _MEETING_OF_ACTIVITY.search(question.folded)
    if found is None:
        return frozenset()
    meeting = {"hoi", "nghi", "hoi_nghi", f"nghi_{found[1].split()[0]}"}
    return frozenset(meeting & set(question.terms))


def _is_glue(word: str, typed: str, typed_glue: bool, first: bool) -> bool:
    """Glue as typed: with diacritics "tại" is glue and "tài" is not, "có" is and "cơ" is not;
    a capitalised word inside the question ("tiếng Anh") is a name. Without diacritics the
    folded form decides."""
    if word not in STOPWORDS:
        return typed_glue and typed.lower() in TYPED_ONLY_GLUE
    if not typed_glue:
        return True
    name = not first and typed[:1].isupper() and typed[1:].islower()
    return typed.lower() in TYPED_GLUE and not name


ROLES = (
    r"(?:pho |tong )?(?:bi thu|chu tich|giam doc|truong ban|hieu truong|truong phong|"
    r"bo truong|thu truong)"
)
_PERSON_CUE = re.compile(r"\b(?:ai la|ho ten|ten (?:la )?gi|ten cua|la ai|ten la)\b")
_ROLE = re.compile(rf"\b{ROLES}\b")


def asked_role(folded: str) -> str | None:
    """The role whose holder's name a question asks for ("ai là bí thư …" → "bi thu")."""
    role = _ROLE.search(folded)
    return role[0] if role and _PERSON_CUE.search(folded) else None


_YESNO_TYPED = re.compile(
    r"(?:\bcó (?:\w+ ){0,8}không|được không|hay không|phải không|chưa)\s*\??$"
)


_NUMBER_CUE = dict(_KIND_CUES)[NUMBER]
_MAY = re.compile(r"\bmay\b")
_TYPED_MAY = re.compile(r"(?<!\w)mấy(?!\w)")
_WHICH_TIME = re.compile(r"\b(?:ngay|thang|nam|gio|quy) (?:bao nhieu|may)\b|\bmay gio\b")
# What still asks a count beside a time: "bao nhiêu người", "mấy nội dung" (not "ngày bao
# nhiêu" itself).
_COUNT_CUE = re.compile(
    r"(?<!\bngay )(?<!\bthang )(?<!\bnam )(?<!\bgio )(?<!\bquy )\b(?:bao nhieu|may) (?!gio\b)\w+"
    r"|\bso luong\b"
)


def _outside_names(folded: str, named: tuple[Named, ...]) -> str:
    """The folded question with the place names it types blanked out: the "may" of "song
    may" (Sông Mây) asks no number."""
    for name in named:
        if name.kind == "place":
            folded = folded.replace(name.folded, " ")
    return folded


def _kinds(text: str, folded: str, named: tuple[Named, ...]) -> frozenset[str]:
    kinds = {kind for kind, cue in _KIND_CUES if cue.search(folded)}
    if asked_role(folded):
        kinds.add(PERSON)
    lowered = nfc(text).lower()
    # Typed with diacritics, "sở nào" (which department) and "số nào" (which number) differ.
    if "số nào" in lowered or "số mấy" in lowered or "số bao nhiêu" in lowered:
        kinds.add(NUMBER)
    if re.search(r"\bsở (?:\w+ )?nào", lowered):
        kinds.add(WHO)
        kinds.discard(NUMBER)
    # Typed with diacritics, "mấy" asks a number; "Sông Mây", "máy tính" do not. Folded, the
    # "may" of a place name does not.
    only_may = NUMBER in kinds and not _NUMBER_CUE.search(_MAY.sub(" ", folded))
    typed_not_may = folded != lowered and not _TYPED_MAY.search(lowered)
    if only_may and (typed_not_may or not _MAY.search(_outside_names(folded, named))):
        kinds.discard(NUMBER)
    # "… chưa?" (yet?) asks yes or no; "… dựng chùa?" (a pagoda) does not.
    if YESNO in kinds and folded != lowered and not _YESNO_TYPED.search(lowered):
        kinds.discard(YESNO)
    # "ngày bao nhiêu", "năm mấy" ask which day or year, not how many.
    if NUMBER in kinds and _WHICH_TIME.search(folded) and not _COUNT_CUE.search(folded):
        kinds.discard(NUMBER)
    if WHERE in kinds and _ASKS_VENUE.search(folded):
        kinds.add(VENUE)
    if not kinds:
        kinds.add(DEFINITION if folded.endswith(("?", "gi")) else LIST)
        kinds.add(GUESSED)
    return frozenset(kinds)


# "Hội nghị … tổ chức ở đâu?", "… họp tại địa điểm nào?": where a meeting is held is a venue
# or a named place, not any sentence with "tại" or "trong" in it.
_ASKS_VENUE = re.compile(
    r"\b(?:hoi nghi|hop|to chuc|dien ra)\b.*\b(?:o dau|tai dau|dia diem nao|noi nao|o cho nao)\b"
)


# Words after "bao nhiêu"/"mấy" that are not the thing counted ("là bao nhiêu", "bao nhiêu
# năm" whose answer is often a span "2020 - 2025") and measure words a number may stand without;
# money is an amount in "tỷ đồng", never a count of "vốn", "kinh phí" or "ngân sách".
_NOT_COUNTED_WORDS = (
    "la thi de va cua trong o tai cho voi ma duoc nam thang ngay tuan gio phut giay lan "
    "phan tram diem tien dong muc moi tro so nua vay thoi von kinh ngan"
)
# Glue words are never the thing counted, except the first syllables of "chi bộ", "ban", "hội".
_NOT_COUNTED_PLAIN = frozenset(_NOT_COUNTED_WORDS.split())
_NOT_COUNTED = _NOT_COUNTED_PLAIN | (STOPWORDS - {"chi", "ban", "hoi"})
# "mấy chi bộ" counts chi bộ, never the "chí" of "đồng chí" or "tạp chí", which folds alike.
_COUNTED_AS_PAIR = frozenset({"chi"})
_COUNTED = re.compile(r"\b(?:bao nhieu|may)\s+([a-z]+)")
_COUNTED_PLAIN = re.compile(r"\bbao nhieu\s+([a-z]+)")
_COUNTED_TYPED = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)\s+(\w+)")


# Where a question asks a second thing: a comma, a semicolon or "và" before the second ask.
_PART_BREAK = re.compile(r"\s*[,;]\s*|\s+(?:và|va)\s+")


def _first_cue(folded: str) -> int | None:
    """Where the part's first kind cue starts in its folded text; None when it asks nothing of
    its own (a kind would only be guessed)."""
    return min((m.start() for _, cue in _KIND_CUES if (m := cue.search(folded))), default=None)


def _opens_asking(folded: str, cue: int) -> bool:
    """A second ask opens with its cue, after at most a few words ("mấy nhiệm vụ …", "KH 84
    nêu mục đích là gì"): "…, sử dụng tập sách này là gì" goes on listing what it asks of."""
    return len(folded[:cue].split()) <= 3


def _asks_other(first: str, second: str) -> bool:
    """The second part asks another kind of thing ("ở đâu" then "có … không"), or counts
    another thing ("mấy bài học" then "mấy nhiệm vụ"). Two parts asking the same kind are
    more often one ask around a list ("gửi báo cáo kết quả học tập, quán triệt … ngày nào")."""
    kinds = [_kinds(p, fold(p), ()) - {GUESSED} for p in (first, second)]
    if kinds[0] != kinds[1]:
        return True
    counted = [counted_noun(p, fold(p)) for p in (first, second)]
    return None not in counted and counted[0] != counted[1]


def compound_parts(text: str) -> tuple[str, str] | None:
    """ "Tác phẩm rút ra mấy bài học, mấy nhiệm vụ chủ yếu?" asks two things: the first part,
    and the second read with what the first part asks about ("Tác phẩm rút ra mấy nhiệm vụ
    chủ yếu?"). None when the question asks one thing. The last break after which both sides
    ask something of their own is the one taken."""
    for match in reversed(list(_PART_BREAK.finditer(text))):
        first, second = text[: match.start()].strip(), text[match.end() :].strip()
        cues = (_first_cue(fold(first)), _first_cue(fold(second)))
        if len(second.split()) < 2 or cues[0] is None or cues[1] is None:
            continue
        if not _asks_other(first, second) or not _opens_asking(fold(second), cues[1]):
            continue
        subject = first[: cues[0]].strip() if len(fold(first)) == len(first) else ""
        return first, f"{subject} {second}".strip()
    return None


def counted_noun(text: str, folded: str, named: tuple[Named, ...] = ()) -> str | None:
    """The first word (folded) of what a "how many" question counts, when it names one; both
    words of "chi bộ", whose first folds like the "chí" of "đồng chí"."""
    # Typed with diacritics, "mấy" (how many) is not "máy" (machine).
    typed = folded != text.lower()
    if typed:
        match = _COUNTED_TYPED.search(text.lower())
    else:  # folded, "may" may be "Mây" or "máy": "bao nhieu" is the surer cue
        outside = _outside_names(folded, named)
        match = _COUNTED_PLAIN.search(outside) or _COUNTED.search(outside)
    if match is None:
        return None
    # As typed, "nội dung" is counted and "nơi" is not; folded, both read "noi".
    glue = match[1] in TYPED_GLUE if typed else fold(match[1]) in _NOT_COUNTED
    if glue or fold(match[1]) in _NOT_COUNTED_PLAIN:
        return None
    counted = fold(match[1])
    if counted in _COUNTED_AS_PAIR:
        after = re.findall(r"\w+", fold(match.string[match.end() :]))[:1]
        return " ".join([counted, *after])
    return counted


# "mục đích chính", "nội dung cơ bản", "nhiệm vụ cụ thể": what is asked is the noun before.
MAIN_MODIFIERS = ("chinh", "chu yeu", "co ban", "cu the")
_MAIN_MODIFIER = re.compile(rf"(?<=\w)\s+(?:{'|'.join(MAIN_MODIFIERS)})\s*$")
_HEAD = re.compile(
    r"^(?!(?:theo|o|tai|trong|ve|voi|ngoai|tu|sau|truoc|khi nao|bao gio|vi sao|tai sao)\b)"
    r"([^,;:]*?)\bcua\b"
)


# "Kế hoạch 44 của Đảng ủy xã … thực hiện kế hoạch nào?": A names the document asked about,
# which selects it; what the answer must speak of is the rest of the question.
_NAMED_DOCUMENT = re.compile(rf"^\s*{DOCUMENT_WORDS}(?: so)? \d")


def typed_head(text: str, folded: str, head: tuple[str, ...]) -> tuple[str, ...]:
    """The head's words as typed (`tone_key`), when the question is typed with diacritics."""
    if not head or folded == text.lower() or len(text) != len(folded):
        return ()
    typed = {word: key for word, t in typed_tokens(text) if (key := tone_key(t)) != word}
    return tuple(typed[w] for w in head if w in typed)


def head_of(text: str, folded: str) -> tuple[str, ...]:
    """What "A của B" asks about: A's topic words, read as typed ("Ai đang là viện trưởng của
    …" → viện, trưởng). An answer about B that does not speak of A ("chương trình tài năng"
    without its "mục tiêu") does not answer."""
    match = _HEAD.match(folded)
    if match is None or re.search(r"\bnao\b", match[1]) or _NAMED_DOCUMENT.match(match[1]):
        return ()
    typed = text[match.start(1) : match.end(1)] if len(text) == len(folded) else match[1]
    modified = _MAIN_MODIFIER.search(match[1])  # "Mục đích chính của …" asks the "mục đích"
    if modified is not None:
        typed = typed[: modified.start()]
    words = [t for t in topic_terms(typed) if "_" not in t]
    return tuple(words) if 1 <= len(words) <= 4 else ()


# "Chi bộ mình sắp họp chuyên đề, cho hỏi …": what comes before the asking is the member's
# situation; it steers the search, the words after it are what an answer must say.
# Folded "hoi" may be "hội" ("…, hoi nghi …"): without diacritics only "cho/xin … hoi" asks.
_ASKING = re.compile(
    r"[,.;:!]\s*(?:(?:vậy |vay )?(?:cho|xin)(?: \w+)? (?:hỏi|hoi)|hỏi)\b\s*(?:chút|chut|là|la)?"
)


# "…, chi bộ em cần nói rõ khi mở đầu buổi sinh hoạt": after the question, the member's own
# situation, opening within its first words with the member ("em", "mình", "tôi", "chúng em").
_OWN_SITUATION = re.compile(
    r"[,;.!?]\s+(?:\w+\s+){0,2}(?:em|minh|toi|chung em|chung toi|chung minh)\s+"
    r"(?:\w+\s+){2,}\w+\W*$"
)


def _without_own_situation(text: str) -> str:
    """The question without the situation its member tells after it: what comes after the
    last question cue and a comma, when it speaks of the member ("…, em cần tóm ý để nói")."""
    folded = fold(text)
    if len(folded) != len(text):
        return text
    cues = [m.end() for m in _QUESTION_PHRASES.finditer(folded)]
    cues += [m.end() for _, cue in _KIND_CUES for m in cue.finditer(folded)]
    cues += [m.end() for m in re.finditer(r"\bgi\b", folded)]
    if not cues:
        return text
    tail = _OWN_SITUATION.search(folded, max(cues))
    return text[: tail.start()] if tail is not None else text


def asked_terms(text: str) -> list[str]:
    """The topic terms of what is asked: after "…, cho (mình) hỏi" when that part names at
    least two topic words itself, otherwise of the whole question; never the member's own
    situation told after the question (`_without_own_situation`)."""
    text = _without_own_situation(text)
    marker = next(reversed(list(_ASKING.finditer(text))), None)  # the last one asks
    if marker is not None:
        rest = topic_terms(text[marker.end() :])
        if len([t for t in rest if "_" not in t]) >= 2:
            return rest
    return topic_terms(text)


@lru_cache(maxsize=1024)
def cue_words(question: Question) -> frozenset[str]:
    """The words of the phrases that tell the question's kind ("tại đâu", "ngày nào"), not
    its topic: an answer that says them ("tại Hội trường …") does not merely echo it."""
    found = {
        word
        for kind, cue in _KIND_CUES
        if kind in question.kinds
        for match in cue.finditer(question.folded)
        for word in match[0].split()
    }
    return frozenset(found - set(question.words))


@lru_cache(maxsize=4096)  # read by qa for the search and again for the turn, like the parse
def with_places(question: Question, places: frozenset[str]) -> Question:
    """The question with the library's places it names without a cue (`known_places`), and
    its names read past a library place cut back to it (`trimmed_to_place`)."""
    named = tuple(dict.fromkeys(trimmed_to_place(n, places) for n in question.named))
    extra = known_places(question.folded, places, named)
    if named == question.named and not extra:
        return question
    return replace(question, named=named + extra)


@lru_cache(maxsize=4096)  # a question is read by qa, grounding and selection alike
def parse_question(raw: str) -> Question:
    text = canonical_doc_numbers(" ".join(nfc(raw).split()))
    folded = fold(text)
    return Question(
        text=text,
        folded=folded,
        kinds=_kinds(text, folded, named := named_things(text, folded)),
        terms=tuple(asked_terms(text)),
        named=named,
        about_document=_about_document(text, folded),
        without_diacritics=folded == text.lower(),
        counted=counted_noun(text, folded, named),
        head=(head := head_of(text, folded)),
        head_typed=typed_head(text, folded, head),
    )
