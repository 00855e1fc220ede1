"""Vietnamese text normalisation: NFC, folding for lexical matching, line and furniture repair."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if base and base != char and base.isascii():
            table[code] = base.lower()
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return table


_FOLD_TABLE = _build_fold_table()
_COMBINING = re.compile(r"[\u0300-\u036f]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lowercase, strip diacritics, đ→d: how people type on phones without a Vietnamese keyboard."""
    # Cached: answer selection folds the same passage sentences for every question.
    folded = nfc(text).lower().translate(_FOLD_TABLE)
    # Rare combining marks that survive NFC (e.g. a stray U+0301 after a consonant).
    return _COMBINING.sub("", folded) if max(folded, default="a") >= "\u0300" else folded


def has_diacritics(text: str) -> bool:
    return fold(text) != nfc(text).lower()


# Document numbers are written "84 - KH/BTGTU", "84-KH/BTGTU", "32 - CT/TW": one canonical form.
_DOC_NUMBER = re.compile(
    r"\b(\d{1,4})\s*-\s*([A-Za-zĐđ]{1,6})\s*/\s*([A-Za-zĐđƯư]{1,10}(?:\s*-\s*[A-Za-zĐđ]{1,10})?)\b"
)


# A document's number as folded text: a party document's "172-kh/hu", "57-kl/tw", or a state
# document's "01/ctr-ubnd", "12/2020/nd-cp" (its number first, then its type and issuer).
FOLDED_DOC_NUMBER = (
    r"\d{1,4}-[a-z]{1,6}/[a-z]{1,10}(?:-[a-z]{1,10})?"
    r"|\d{1,5}(?:/\d{4})?/[a-z]{1,6}-[a-z]{1,10}(?:-[a-z]{1,10})?"
)


# A state document's number, type and issuer written with spaces: "01 / CTr - UBND".
_STATE_DOC_NUMBER = re.compile(
    r"\b(\d{1,5}(?:\s*/\s*\d{4})?)\s*/\s*([A-Za-zĐđ]{1,6})\s*-\s*([A-Za-zĐđ]{1,10})\b"
)


# A party body's code ("TW", "TU", "HU", "ĐU", "BTGTU", "VPTW"): a party document's number is
# "32-CT/TW"; written the state's way, "32/CT-TW", it is the same document.
_PARTY_ISSUER = re.compile(
    r"^(?:BTG|BTC|BDV|BNC|VP|UBKT|BCĐ|BCD|BCS|ĐĐ|DD)?(?:TW|TƯ|TU|HU|QU|ĐU|DU|THU|ĐUK|DUK)$",
    re.IGNORECASE,
)


def _state_form(match: re.Match[str]) -> str:
    number, kind, issuer = match[1].replace(" ", ""), match[2], match[3]
    if "/" not in number and _PARTY_ISSUER.match(issuer):
        return f"{number}-{kind}/{issuer}"
    return f"{number}/{kind}-{issuer}"


def canonical_doc_numbers(text: str) -> str:
    text = _DOC_NUMBER.sub(lambda m: f"{m[1]}-{m[2]}/{m[3].replace(' ', '')}", text)
    return _STATE_DOC_NUMBER.sub(_state_form, text)


_WORD = re.compile(r"[0-9a-z]+(?:[-/][0-9a-z]+)*")


# "kí/ký", "lí/lý", "qui/quy", "sĩ/sỹ": both spellings are in use; the index keeps one.
_FINAL_Y = re.compile(r"\b(k|l|m|t|s|h|v|d|n|qu)y\b")


def lexical_tokens(text: str) -> list[str]:
    """Folded word tokens; a compound like `145-kh/tu` also yields its parts."""
    tokens: list[str] = []
    folded = _FINAL_Y.sub(r"\1i", fold(canonical_doc_numbers(text)))
    for match in _WORD.finditer(folded):
        token = match.group()
        if "-" in token or "/" in token:
            tokens.extend(p for p in re.split(r"[-/]", token) if p)
        tokens.append(token)
        if (figure := _ordinal(tokens)) is not None:
            tokens.append(figure)
    return tokens


DOC_TYPE_CODE = {
    "nghi quyet": "nq",
    "chi thi": "ct",
    "ket luan": "kl",
    "ke hoach": "kh",
    "huong dan": "hd",
    "quyet dinh": "qd",
    "chuong trinh": "ctr",
    "cong van": "cv",
    "thong bao": "tb",
    "quy dinh": "qd",
    "to trinh": "ttr",
    "de an": "da",
}
# "Kết luận 57", "công văn số 369": a document by its type and number (folded, one space
# between words). Not a count or a span ("chương trình 2 năm", "thông báo 3 lần"), nor a full
# number ("57-KL/TW"); "Chỉ thị 7 năm 2020" and "Kết luận 57 ngày 15/6/2023" are dated documents.
DOC_SHORT = re.compile(
    rf"\b({'|'.join(DOC_TYPE_CODE)})(?: so)? (\d{{1,4}})\b(?!\s*[-/])"
    r"(?! (?:nam(?! (?:19|20)\d\d)|(?:thang|ngay)(?! \d)|tuan|lan|buoi|trang|nguoi|tiet|phut)\b)"
)
_PARTY_TOKEN = re.compile(r"^(\d{1,4})-([a-z]{1,6})/")


def short_key(kind: str, number: str) -> str:
    """A document by its type (folded words, "chi thi") and number: "17-ct/", the start of its
    full number as `Named.names_number` reads it."""
    return f"{number}-{DOC_TYPE_CODE[kind]}/"


def reference_keys(text: str) -> set[str]:
    """A document's type and number as a key without its issuer ("17-ct/"), for each document
    the text names: in full ("17-CT/TU") or as a news report does ("Chỉ thị số 17"). "Chỉ thị
    17" as a member asks it then finds either, and is known to the library."""
    folded = " ".join(fold(canonical_doc_numbers(text)).split())
    keys = {short_key(m[1], m[2].lstrip("0")) for m in DOC_SHORT.finditer(folded)}
    for match in _WORD.finditer(folded):
        if party := _PARTY_TOKEN.match(match.group()):
            keys.add(f"{party[1].lstrip('0')}-{party[2]}/")
    return keys


# "Hội nghị lần thứ tám Ban Chấp hành Trung ương" is "Hội nghị Trung ương 8": an ordinal
# written in words is also indexed as its figure, so either way of saying it finds the other.
ORDINALS = {
    "nhat": "1", "hai": "2", "ba": "3", "tu": "4", "nam": "5", "sau": "6", "bay": "7",
    "tam": "8", "chin": "9", "muoi": "10",
}  # fmt: skip


def _ordinal(tokens: list[str]) -> str | None:
    """The figure of the ordinal the tokens end with ("thu", "tam" → "8"), or None."""
    if len(tokens) < 2 or tokens[-2] != "thu":
        return None
    return ORDINALS.get(tokens[-1])


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng


@lru_cache(maxsize=65_536)
def tone_key(word: str) -> str:
    """A word as typed, lowercased, with its tone mark moved to the end: "hoà" and "hòa" are
    one word written in two styles, "mẹ" and "mê" are two words."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = "".join(c for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base + tones


def typed_tokens(text: str) -> list[tuple[str, str]]:
    """`lexical_tokens` paired with each token as typed ("tài" → ("tai", "tài")), so a caller
    can tell words that fold alike apart; the typed form is the folded one where folding
    changed the text's length."""
    text = nfc(canonical_doc_numbers(text))
    folded = _FINAL_Y.sub(r"\1i", fold(text))
    aligned = len(folded) == len(text)
    pairs: list[tuple[str, str]] = []
    for match in _WORD.finditer(folded):
        token = match.group()
        typed = text[match.start() : match.end()] if aligned else token
        if "-" in token or "/" in token:
            pairs.extend((p, p) for p in re.split(r"[-/]", token) if p)
        pairs.append((token, typed))
        if (figure := _ordinal([w for w, _ in pairs[-2:]])) is not None:
            pairs.append((figure, figure))
    return pairs


# --- line and paragraph repair ------------------------------------------------------------------

# What never follows a numbered marker: a digit ("2.350 lượt", "10-15 ngày") or a document
# code ("90-CTr/TU"), which a line opens with when a PDF's wrapping put it first.
NOT_AFTER_MARKER = r"(?!\d|[A-Za-zĐđ]{1,8}/)"
OUTLINE_MARKER = re.compile(
    r"^(?:"
    r"(?:[IVX]{1,5}|\|)\s*[.\-–]\s*"  # I.  II-  (OCR reads "I." as "|.")
    rf"|\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}\s*[.\-–)]{NOT_AFTER_MARKER}\s*"  # 1.  1-  1.1.  1)
    r"|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+"  # 1.1 without the final dot
    r"|[a-zđ]\)\s*"  # a)
    r"|[-+–•*]\s+"  # bullets
    r")"
)
_TERMINAL = (".", "!", "?", ":", ";", "./.", "…")
_MARKDOWN = re.compile(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")


def _is_heading_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _starts_lower(line: str) -> bool:
    first = next((c for c in line if c.isalpha() or c.isdigit()), "")
    return first.isalpha() and first.islower()


_FULL_LINE = 60  # a line this long that ends unfinished was broken by the page


def _full_line(lines: list[str]) -> float:
    """How long a line broken by the page is: 60 characters, or less on a narrow page (a PDF
    in a large font wraps at ~60), read from the longest lines of the text."""
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    if len(lengths) < 10:
        return _FULL_LINE
    return min(_FULL_LINE, 0.8 * lengths[int(0.9 * (len(lengths) - 1))])


def join_broken_lines(lines: list[str]) -> list[str]:
    """Rebuild paragraphs from text whose lines were broken mid-sentence (PDF, OCR, Word export)."""
    paragraphs: list[str] = []
    normalised = [" ".join(raw.split()) for raw in lines]
    full = _full_line(normalised)
    for line in normalised:
        if not line:
            continue
        if paragraphs:
            prev = paragraphs[-1]
            continuation = _starts_lower(line) and not OUTLINE_MARKER.match(line)
            unfinished = (
                not prev.endswith(_TERMINAL)
                and not OUTLINE_MARKER.match(line)
                and not _is_heading_caps(line)
                and not _is_heading_caps(prev)
            )
            if continuation or (unfinished and len(prev) > full):
                paragraphs[-1] = f"{prev} {line}"
                continue
        paragraphs.append(line)
    return paragraphs


# A justified PDF line extracts with two or three spaces between words ("CỤC  CHỨNG  THỰC
# SỐ"); wider gaps separate the columns of a header.
_JUSTIFIED = re.compile(r"(?<=\S) {2,3}(?=\S)")


def clean_inline(text: str) -> str:
    """NFC, drop markdown emphasis and control characters, unify quotes spacing."""
    text = nfc(text).replace("\u00a0", " ").replace("\ufeff", "")
    text = _MARKDOWN.sub("", text)
    text = _JUSTIFIED.sub(" ", text)
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")


# --- page furniture -----------------------------------------------------------------------------

# The lines a digital signature prints ("… đã ký lên văn bản này!", "Người ký: …"): page
# furniture for the study text, and the document's e-signature fact (knowledge/facts.py).
# Prose about signers ("Người ký văn bản là người chịu trách nhiệm …") is not one.
_SIGNATURE_LINE = re.compile(
    r"đã ký lên văn bản|chứng thực số|(?:ký bởi|người ký|thời gian ký)\s*:|"
    r"^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}",
    re.IGNORECASE,
)
# The signer's address stands on a short line of its own ("Email: …@….gov.vn"); a sentence
# asking for reports "qua email: …" is content.
_SIGNER_EMAIL = re.compile(r"@[\w.-]+\.(?:vn|com)\b|<[\w.-]+@[\w.-]+>", re.IGNORECASE)
_SIGNER_EMAIL_LINE_CHARS = 100
_STAMP_FIELD = re.compile(r"\.{4,}")  # "Số:..... 5618", "Ngày:.....": an incoming-mail stamp
# A line that is only a web address is the browser's print header/footer; addresses that are
# content sit inside sentences ("Truy cập vào địa chỉ: http://…").
_BARE_URL = re.compile(r"^\s*https?://\S+\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:\d{1,3}|trang \d+(?:/\d+)?)(?:\s*-)?\s*$", re.I)


def is_signature_line(line: str) -> bool:
    return bool(_SIGNATURE_LINE.search(line)) or (
        len(line.strip()) <= _SIGNER_EMAIL_LINE_CHARS and bool(_SIGNER_EMAIL.search(line))
    )


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if stripped in {"*", "-----", "---"} or set(stripped) <= set("-_*=. "):
        return True
    return bool(
        is_signature_line(stripped)
        or _STAMP_FIELD.search(stripped)
        or _PAGE_NUMBER.match(stripped)
        or _BARE_URL.match(stripped)
    )


def cut_distribution_list(lines: list[str]) -> list[str]:
    """Drop the "Nơi nhận" block and the signature that follows it: metadata, not content."""
    for index, line in enumerate(lines):
        if re.match(r"^\s*no[iíl1]\s*nh[aâ]n\s*:", fold(line)):
            return lines[:index]
    return lines


# --- web-page furniture -------------------------------------------------------------------------

# Lines a browser copy of a web page brings along: copyright, counters, share and print links.
_WEB_LINE = re.compile(
    r"^[\W_]*(?:copy\s?right|ban quyen|©|\(c\)|luot xem|so luot|luot truy cap|dang truy cap|"
    r"truy cap hom nay|tong truy cap|ghi ro nguon|bai viet lien quan|tin lien quan|"
    r"cac tin da dua|len dau trang|vui long (?:cho|doi))\b"
    # "Cỡ chữ: A- A A+", "Ngày đăng: …": not "Có chủ trương …", "Ngày đăng ký …".
    r"|^[\W_]*(?:co chu|ngay dang|ngay cap nhat)\s*:"
    # When the page was posted: "Thứ Hai, 15/04/2024 - 14:35", "15/04/2024 14:35".
    r"|^[\W_]*(?:(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat),?\s*)?\d{1,2}/\d{1,2}/\d{4}"
    r"\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?\W*$"
    r"|^[\W_]*(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat),?\s*\d{1,2}/\d{1,2}/\d{4}\W*$"
    # A page's loading message: "Đang tải nội dung, vui lòng chờ giây lát...".
    r"|^[\W_]*dang tai(?: noi dung| du lieu| trang)?\W*(?:vui long\b.*)?$"
)
# Navigation words: furniture only on a short line of their own ("Chia sẻ", "In bài"), also as
# the numbered items of a breadcrumb ("1. Trang chủ").
_WEB_SHORT = re.compile(
    r"^[\W_]*(?:\d{1,2}\.\s*)?(?:chia se|in bai|ban in|gui email|gui bai|trang chu|tin khac|"
    r"xem them|dang nhap|tin tuc|su kien|tin hoat dong|"
    r"dang ky|tim kiem|lien he|quay lai|print|share|tweet|like|facebook|zalo)\b"
)
_WEB_ANYWHERE = re.compile(
    r"copyright|©|luot xem:|\bviews?:\s*\d|^dia chi:.*\bdien thoai\b|^dien thoai:.*\bemail\b"
)
# "Trang chủ | Giới thiệu | Tin tức": three or more short items between bars or chevrons.
_MENU_SEPARATOR = re.compile(r"\s+[|»›]\s+|\s+>\s+")
_MENU_WINDOW = 30  # menus sit at the top or the bottom of a copied page


def _menu_like(line: str) -> bool:
    words = line.split()
    return (
        1 <= len(words) <= 4
        and not OUTLINE_MARKER.match(line)
        and not line.rstrip().endswith(_TERMINAL)
        and not _is_heading_caps(line)
        and not any(c.isdigit() for c in line)
    )


def _words(text: str) -> int:
    """Words of a short line, not its dashes and bars ("Tin tức - Sự kiện" has four)."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def _separated_menu(line: str) -> bool:
    """Short items between bars ("Trang chủ | Giới thiệu | Tin tức"); in a longer menu one
    item may run to six words ("Học tập và làm theo Bác")."""
    items = _MENU_SEPARATOR.split(line)
    longest = 6 if len(items) >= 5 else 4
    return len(items) >= 3 and all(
        1 <= _words(item) <= longest and not item.rstrip().endswith(_TERMINAL) for item in items
    )


# "/ HỌC VÀ LÀM THEO BÁC", "» Tin tức": a breadcrumb, the page's place in the site.
_BREADCRUMB = re.compile(r"^(?:\d{1,2}\.\s*)?[/»›>]\s*\S")  # "» Tin tức", "2. » Tất cả"
_MASTHEAD_LINES = 3  # the site's name and slogan sit in the first lines, above its furniture


def _is_web_line(line: str) -> bool:
    stripped = " ".join(line.split())
    folded = fold(stripped)
    web = _WEB_LINE.match(folded) or _WEB_ANYWHERE.search(folded)
    return bool(
        (stripped and len(stripped) < 200 and web)
        or (_WEB_SHORT.match(folded) and _words(folded) <= 4)
        or _separated_menu(stripped)
        or (_BREADCRUMB.match(stripped) and len(stripped.split()) <= 10)
    )


def _masthead(lines: list[str], furniture: set[int]) -> set[int]:
    """The site's name and slogan ("Viện Kiểm Sát Quận 8", "Dịch vụ doanh nghiệp online toàn
    quốc"): the lines above the last menu, breadcrumb or loading line at the top of the page.
    A document's own header is in capitals ("ỦY BAN NHÂN DÂN") and stays."""
    top = [i for i, line in enumerate(lines) if line.strip()][:_MASTHEAD_LINES]
    last = max((i for i in top if i in furniture), default=None)
    if last is None:
        return set()
    above = [i for i in top if i < last and i not in furniture]
    if any(
        _is_heading_caps(lines[i])
        or len(lines[i].split()) > 12
        or lines[i].rstrip().endswith(_TERMINAL)
        for i in above
    ):
        return set()
    return set(above)


def drop_web_furniture(lines: list[str]) -> list[str]:
    """Drop what a page copied from a website carries besides the document: the site's name
    above its menu, copyright and counter lines, navigation menus and breadcrumbs, and repeats
    of a line already seen (a title shown in the page head, the breadcrumb and the article)."""
    lines = _drop_menus(lines)
    furniture = {i for i, line in enumerate(lines) if _is_web_line(line)}
    furniture |= _masthead(lines, furniture)
    furniture |= _related_links(lines)
    kept: list[str] = []
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if index in furniture:
            continue
        stripped = " ".join(line.split())
        folded = fold(stripped)
        if len(stripped) >= 20 and folded in seen:
            continue
        if stripped:
            seen.add(folded)
        kept.append(line)
    return kept


# "Tin liên quan", "Bài viết khác": the titles of other pages follow, one per line.
_RELATED = re.compile(
    r"^[\W_]*(?:tin|bai(?: viet)?|cac tin|cac bai(?: viet)?) (?:lien quan|khac|cung chuyen muc|"
    r"da dua|moi(?: nhat)?|xem nhieu(?: nhat)?|noi bat)\W*$|^[\W_]*xem them\W*$"
)
_LINK_TITLE_WORDS = 30


def _related_links(lines: list[str]) -> set[int]:
    """The titles listed under "Tin liên quan" (and the like): other pages, not this one. The
    list ends at the first line that reads as prose (a full stop, or a long line)."""
    drop: set[int] = set()
    listing = False
    for index, line in enumerate(lines):
        stripped = " ".join(line.split())
        if _RELATED.match(fold(stripped)):
            listing = True
            drop.add(index)
        elif listing and stripped:
            if stripped.endswith(_TERMINAL) or _words(stripped) > _LINK_TITLE_WORDS:
                listing = False
            else:
                drop.add(index)
    return drop


def _drop_menus(lines: list[str]) -> list[str]:
    """Runs of four or more short menu-like lines near either end of the text."""
    flags = [_menu_like(" ".join(line.split())) for line in lines]
    drop: set[int] = set()
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        end = index
        run: list[int] = []
        while end < len(lines) and (flags[end] or not lines[end].strip()):
            if lines[end].strip():
                run.append(end)
            end += 1
        near_edge = index < _MENU_WINDOW or end > len(lines) - _MENU_WINDOW
        if len(run) >= 4 and near_edge:
            drop.update(run)
        index = max(end, index + 1)
    return [line for i, line in enumerate(lines) if i not in drop]


# --- shortening ---------------------------------------------------------------------------------


def shorten(text: str, limit: int, marker: str = "…") -> str:
    """`text` in at most `limit` characters: cut at a word in its second half, then `marker`."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - len(marker), 0)]
    space = cut.rfind(" ")
    if space >= limit // 2:  # a word boundary too early would lose most of the text
        cut = cut[:space]
    return cut.rstrip() + marker
