"""Document facts: the parts of a party document that say who issued, signed and received it.

A plan's header (issuing committee, place and date, number), its incoming-mail stamp, its
"Nơi nhận" list, its signature block ("T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / name") and the lines of
a digital signature are not study content, but members ask about exactly these ("Ai ký kế hoạch
…?", "Kế hoạch gửi những cơ quan nào?"). They are split off the body here, kept verbatim as
*fact passages* (cited like any passage, used only for questions about the document itself) and
summarised in `DocumentFacts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.metadata import BODY_START
from knowledge.textnorm import fold, is_signature_line

# Kinds of passage: the study text, and the fact passages split off it.
BODY = "body"
HEADER = "header"
RECIPIENTS = "recipients"
SIGNATURE = "signature"
E_SIGNATURE = "e_signature"
FACT_KINDS = (HEADER, RECIPIENTS, SIGNATURE, E_SIGNATURE)

# What each fact passage is about, in the words members use; indexed with the passage so that
# "ai ký …", "gửi những cơ quan nào" find it. Not shown to members.
FACT_CONTEXT = {
    HEADER: "Đầu văn bản: cơ quan ban hành, thuộc đảng bộ, địa danh, ngày ban hành, số hiệu, "
    "tên văn bản, vào sổ công văn đến",
    RECIPIENTS: "Nơi nhận: văn bản được gửi tới, gửi báo cáo, gửi để biết, lưu",
    SIGNATURE: "Người ký văn bản: ký, ký tên, thay mặt, chức danh, chức vụ, họ tên",
    E_SIGNATURE: "Chữ ký số: ký số, ký điện tử, chứng thực, thời gian ký, giờ ký",
}

# Words of a question that point at one fact passage (matched on folded text).
FACT_CUES = {
    HEADER: re.compile(
        r"\b(?:so hieu|mang so|so may|so bao nhieu|ngay ban hanh|ban hanh ngay|ky ngay|ngay ra|"
        r"ra ngay|ky ban hanh|vao so|cong van den|thuoc dang bo|dang bo tinh|"
        r"(?<!noi )nhan ke hoach|ngay (?:nao|may|bao nhieu))\b"
    ),
    RECIPIENTS: re.compile(
        r"\b(?:noi nhan|gui (?:toi|den|cho|de|bao cao|len)|duoc gui|bao cao len|ban luu|"
        r"gui (?:nhung |cac )?(?:noi|co quan|don vi|dau) nao|gui (?:nhung )?ai|"
        r"luu (?:o|tai)|de o dau)\b"
    ),
    SIGNATURE: re.compile(
        r"\b(?:ai ky|nguoi ky|nao ky|ky (?:ten|voi|boi|ke hoach|van ban)|chuc danh|chuc vu|"
        # "… do đồng chí nào ký?", not "học kỳ", "nhiệm kỳ", "đăng ký".
        r"thay mat)\b|(?<!\bhoc )(?<!\bnhiem )(?<!\bdang )\bky\s*\??\s*$"
    ),
    E_SIGNATURE: re.compile(
        r"\b(?:ky so|chu ky so|chung thuc|ban dien tu|may gio|gio ky|ky dien tu)\b"
    ),
}

# Who signed, asked as a person ("ai ký", "đồng chí nào ký"), not as the body that issued it.
_SIGNER_PERSON = re.compile(r"\b(?:ai|dong chi nao|nguoi nao|nguoi ky|ho ten|ten (?:la )?gi)\b")


def asks_signer(folded_question: str) -> bool:
    """ "Kế hoạch … do đồng chí nào ký?": only a signature block (or a sentence that says who
    signed) answers; the header names the issuing body, not a person."""
    return bool(
        FACT_CUES[SIGNATURE].search(folded_question) and _SIGNER_PERSON.search(folded_question)
    )


_BODY_ASKED = r"(?:co quan|don vi|cap|to chuc|ai|ban|so|bo)"
_ISSUES = r"(?:ban hanh|phat hanh|soan thao|ra)"
# Which body issued a document: "Kế hoạch 145 do cơ quan nào ban hành?", "… là do cơ quan nào
# ra?", "Ai ban hành kế hoạch …?", "văn bản này của cơ quan nào?". "Cơ quan nào được giao xây
# dựng kế hoạch …" asks of a task the plan assigns, not of who issued it.
_ISSUER_CUE = re.compile(
    rf"\b(?:{_BODY_ASKED} nao|ai|do {_BODY_ASKED}(?: nao)?) (?:da |se )?{_ISSUES}"
    r"(?=\s+(?:ke hoach|van ban|huong dan|nghi quyet|chi thi|chuong trinh|quyet dinh|"
    r"cong van|ket luan|thong bao|de cuong|quy dinh|nay|do|no)\b|\s*(?:vay|a|nhi)?\s*\??$)"
    rf"|\b(?:la )?(?:do|cua) {_BODY_ASKED} nao\s*(?:vay|a|nhi)?\s*\??$"
    r"|\b(?:co quan|don vi|noi) ban hanh\b(?: \w+){0,5}? la (?:gi|ai|co quan nao|don vi nao)\b"
    rf"|\b{_ISSUES} boi\b"
)


def asks_issuer(folded_question: str) -> bool:
    """ "Kế hoạch 145 do cơ quan nào ban hành?": the body that issued the document, which its
    header, number and signature block name; not a person ("đồng chí nào ký")."""
    return bool(_ISSUER_CUE.search(folded_question)) and not asks_signer(folded_question)


# "Nơi nhận:" (or "Nơi nhận" alone on its line) opens the list; "Nơi nhận văn bản xác định …"
# is a sentence about recipients, in a guide on how documents are written.
_RECIPIENTS_START = re.compile(r"^\s*(?:no[iíl1]\s*nh[aâ]n|kinh gui)\s*(?::\s*(?P<rest>.*)|$)")
# What ends a recipients and signature block: a numbered heading, an appendix, or prose.
_BLOCK_END = re.compile(r"^\s*(?:(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*)\s*[.\-–)]\s|phu luc\b)")
_BLOCK_LINE_CHARS = 200
_STAMP = re.compile(r"^(?P<label>[^.\t]{2,20}?)\s*:?\s*\.{4,}\s*(?P<value>.*)$")
# "T/M BAN THƯỜNG VỤ", "TM. BAN CHẤP HÀNH", "KT. BÍ THƯ", "Q. TRƯỞNG BAN"
_ON_BEHALF = re.compile(r"^(?:T/M|TM\.?|KT\.?|Q\.|TL\.?|TUQ\.?)\s+\S", re.IGNORECASE)
_ROLE_WORDS = (
    "bi thu",
    "truong ban",
    "pho ban",
    "chu tich",
    "giam doc",
    "chanh van phong",
    "uy vien",
    "thu truong",
    "hieu truong",
    "truong phong",
)
_DEADLINE = re.compile(
    r"\b(?:truoc ngay|cham nhat|hoan thanh|ket thuc|thoi han|han chot|"
    r"xong truoc|trong quy [ivx1-4]+|truoc thang)\b"
)
_DATE_WORDS = re.compile(
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\bquy [ivx1-4]+|\bthang \d{1,2}|\bnam \d{4}"
)
_REFERENCE = re.compile(
    r"((?:Nghị quyết|Chỉ thị|Kết luận|Hướng dẫn|Kế hoạch|Quy định|Quyết định|Chương trình"
    r"(?: hành động)?|Thông báo|Công văn)\s+(?:số\s+)?\d{1,4}-[A-ZĐa-z]{1,6}/[A-ZĐa-z-]{1,12}"
    r"(?:,?\s*ngày\s+\d{1,2}/\d{1,2}/\d{4})?)"
)


@dataclass(frozen=True)
class DocumentFacts:
    """What a document says about itself beyond its title, number, date and issuer."""

    place: str | None = None
    signer: str | None = None  # "Lâm Minh Đăng"
    signer_title: str | None = None  # "T/M Ban Thường vụ, Phó Bí thư"
    recipients: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()  # the documents it implements: "Hướng dẫn số 143-HD/BTGTW, …"
    deadlines: tuple[str, ...] = ()  # sentences that set a time limit


@dataclass(frozen=True)
class FactPassage:
    kind: str
    text: str


@dataclass
class SplitDocument:
    """A document's lines with the fact blocks taken out, and those blocks."""

    body: list[str]
    passages: list[FactPassage] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: str | None = None
    signer_title: str | None = None
    stamp: str | None = None  # the incoming-mail stamp: who received it, number, date


_HEAD_LINES = 60  # stamps sit on the first page


def is_stamp(line: str) -> bool:
    return bool(_STAMP.match(line.strip()))


def _caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def _is_name(line: str) -> bool:
    """A person's name on its own line: 2-5 capitalised words, no digits, no final dot."""
    words = line.replace("’", "'").split()
    return (
        2 <= len(words) <= 5
        and not any(c.isdigit() for c in line)
        and not line.rstrip().endswith((".", ":", ","))
        and all(w[:1].isupper() or w[:2].lower() in ("k'",) for w in words)
        and not _caps(line)
    ) or (len(words) == 1 and "'" in words[0] and words[0][:1].isupper())


def _is_role(line: str) -> bool:
    folded = fold(line)
    return bool(_ON_BEHALF.match(line.strip())) or (
        _caps(line) and len(line.split()) <= 8 and any(r in folded for r in _ROLE_WORDS)
    )


def _title_case(line: str) -> str:
    """ "PHÓ BÍ THƯ" → "Phó Bí thư"; "T/M BAN THƯỜNG VỤ" → "T/M Ban Thường vụ"."""
    words = line.split()
    out = []
    for index, word in enumerate(words):
        if "/" in word or word.endswith("."):
            out.append(word.upper())
        elif index == 0 or (index > 0 and "/" in words[index - 1]):
            out.append(word.capitalize())
        else:
            out.append(word.lower())
    text = " ".join(out)
    # Titles keep their institutional capitals: "Bí thư", "Ban Thường vụ".
    return re.sub(
        r"\b(bí|ban|thường|tỉnh|huyện|thị|trưởng|phó)\b", lambda m: m[1].capitalize(), text
    )


def split_facts(lines: list[str]) -> SplitDocument:
    """Take the digital signature, the incoming stamp, the "Nơi nhận" list and the signature
    block out of a document's lines (page furniture already dropped)."""
    e_signature = list(dict.fromkeys(line.strip() for line in lines if is_signature_line(line)))
    stamps = [
        (i, m)
        for i, line in enumerate(lines[:_HEAD_LINES])
        if (m := _STAMP.match(line.strip())) is not None
    ]
    stamp_lines = {i for i, _ in stamps}
    kept = [
        line
        for i, line in enumerate(lines)
        if i not in stamp_lines and not is_signature_line(line) and line.strip()
    ]
    split = SplitDocument(body=kept)
    tail_start = next(
        (i for i, line in enumerate(kept) if _RECIPIENTS_START.match(fold(line).strip())), None
    )
    tail: list[str] = []
    if tail_start is not None and tail_start > len(kept) // 3:
        end = tail_start + _block_length(kept[tail_start:])
        tail = kept[tail_start:end]
        split.body = kept[:tail_start] + kept[end:]
    else:
        split.body, tail = _trailing_signature(kept)
    _read_tail(tail, split)
    if stamps:
        fields = [f"{m['label'].strip()}: {m['value'].strip()}" for _, m in stamps if m["value"]]
        receiver = _stamp_owner(lines, stamps[0][0])
        split.body = [
            line
            for i, line in enumerate(split.body)
            if i >= _HEAD_LINES or receiver is None or line.strip() != receiver
        ]
        split.stamp = "\n".join([*([receiver] if receiver else []), *fields])
    if e_signature:
        split.passages.append(FactPassage(E_SIGNATURE, "\n".join(e_signature)))
    return split


def _stamp_owner(lines: list[str], first_stamp: int) -> str | None:
    """The all-caps line right above an incoming-mail stamp: who received the document."""
    for line in reversed(lines[max(0, first_stamp - 2) : first_stamp]):
        if _caps(line.strip()):
            return line.strip()
    return None


def _block_length(tail: list[str]) -> int:
    """How many lines from "Nơi nhận" on are the recipients and signature block: it ends
    before a numbered heading, an appendix ("PHỤ LỤC"), a line of prose or the preamble of a
    letter ("Thực hiện …" after "Kính gửi:")."""
    for index, line in enumerate(tail[1:], start=1):
        # As written: folding lowercases "II." out of the Roman numerals.
        if _BLOCK_END.match(line) or _BLOCK_END.match(fold(line)):
            return index
        if BODY_START.match(fold(line).strip(" *")):  # "Thực hiện …" after "Kính gửi:"
            return index
        if len(line.strip()) > _BLOCK_LINE_CHARS:
            return index
    return len(tail)


def _trailing_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    """Without a "Nơi nhận" list, a signature block may still close the document; an outline
    may close with its body's name alone ("BAN TUYÊN GIÁO TỈNH ỦY"), which is no content."""
    for start in range(max(0, len(lines) - 4), len(lines)):
        block = lines[start:]
        if block and _is_role(block[0]) and _is_name(block[-1].strip()):
            return lines[:start], block
    if len(lines) > 1 and _is_sign_off(lines[-1].strip()):
        return lines[:-1], []
    return lines, []


_BODY_NAME = re.compile(
    r"^(?:ban|huyen uy|tinh uy|thi uy|thanh uy|quan uy|dang uy|uy ban|ubnd|mat tran|hoi)\b"
)


def _is_sign_off(line: str) -> bool:
    """A body's name in capitals on the last line: "BAN TUYÊN GIÁO TỈNH ỦY"."""
    return (
        _caps(line)
        and len(line.split()) <= 8
        and not any(c.isdigit() for c in line)
        and not line.endswith((".", ":", "!", "?", ","))
        and bool(_BODY_NAME.match(fold(line)))
    )


def _read_tail(tail: list[str], split: SplitDocument) -> None:
    recipients: list[str] = []
    roles: list[str] = []
    name: str | None = None
    in_list = False
    for raw in tail:
        line = raw.strip()
        start = _RECIPIENTS_START.match(fold(line))
        if start is not None:
            in_list = True
            rest = line[len(line) - len(start["rest"]) :].strip() if start["rest"] else ""
            if rest and _is_role(rest):  # two-column layouts put the title on this line
                roles.append(rest)
            continue
        if _is_role(line):
            roles.append(line)
            in_list = False
            continue
        if roles and _is_name(line):
            name = line
            continue
        if in_list:  # a PDF puts the signature column on the recipients' lines
            line, beside = _beside_recipient(line, bool(roles))
            if beside is not None and _is_role(beside):
                roles.append(beside)
            elif beside is not None:
                name = beside
        if in_list and (line.startswith(("-", "+", "•")) or not recipients):
            recipients.append(line.lstrip("-+• ").strip())
        elif in_list and recipients and not recipients[-1].endswith("."):
            recipients[-1] = f"{recipients[-1]} {line}"  # wrapped onto the next line
        elif in_list:  # the list ended with its full stop ("- Lưu VT.")
            in_list = False
    if recipients:
        split.recipients = [r.rstrip(" ,;|.") for r in recipients]
        listing = "\n".join(f"- {r}" for r in split.recipients)
        split.passages.append(FactPassage(RECIPIENTS, f"Nơi nhận:\n{listing}"))
    if roles or name:
        split.signer = name
        split.signer_title = ", ".join(_title_case(r) for r in roles) or None
        block = "\n".join([*roles, *([name] if name else [])])
        split.passages.append(FactPassage(SIGNATURE, block))


_BESIDE = re.compile(r"^(?P<recipient>.*?[,;.)])\s+(?P<beside>[^,;()]+)$")


def _beside_recipient(line: str, after_role: bool) -> tuple[str, str | None]:
    """ "- Ban Tuyên giáo Tỉnh ủy (b/c), PHÓ BÍ THƯ": a recipient with the signature block's
    role, or, once a role was read, its signer's name ("…, K’ Broi"), beside it."""
    match = _BESIDE.match(line)
    if match is None:
        return line, None
    beside = match["beside"].strip()
    if (_caps(beside) and _is_role(beside)) or (after_role and _is_name(beside)):
        return match["recipient"], beside
    return line, None


def header_passage(header_lines: list[str], stamp: str | None) -> FactPassage | None:
    """The document's header as written (committee, place and date, number, title), with the
    incoming-mail stamp when there is one."""
    lines = [" ".join(line.split()) for line in header_lines if line.strip()]
    lines = [line for line in lines if line.strip("*- ")]
    if stamp:
        lines.append(stamp)
    return FactPassage(HEADER, "\n".join(lines)) if lines else None


def basis_documents(preamble: str) -> tuple[str, ...]:
    """The documents a plan says it implements ("Thực hiện …", "Căn cứ …")."""
    head = fold(preamble[:12])
    if not head.startswith(("thuc hien", "can cu", "tren co so", "thi hanh", "de trien khai")):
        return ()
    by_number: dict[str, str] = {}
    for match in _REFERENCE.finditer(preamble):
        number = re.search(r"\d{1,4}-\S+", match[1])
        key = number[0].rstrip(",") if number else match[1]
        by_number.setdefault(key, match[1].strip(" ,;"))
    return tuple(by_number.values())


def deadline_sentences(paragraphs: list[str], limit: int = 6) -> tuple[str, ...]:
    found: list[str] = []
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[.;])\s+", paragraph):
            folded = fold(sentence)
            if _DEADLINE.search(folded) and _DATE_WORDS.search(folded):
                found.append(sentence.strip(" -+"))
    return tuple(dict.fromkeys(found))[:limit]
