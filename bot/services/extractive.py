"""Answer selection: among the sentences and list items of the top passages, the one that carries
an answer of the wanted kind for the asked topic (quoting it is `quoting.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.services.answer_kinds import (
    STRICT,
    dates_subject,
    issues_subject,
    kinds_present,
    labelled_kinds,
    names_venue,
    novelty,
    states_authorship,
    states_subject,
    titles_period,
    titles_subject,
)
from knowledge import question as q
from knowledge.facts import FACT_CUES, FACT_KINDS, HEADER, SIGNATURE, asks_signer
from knowledge.lexical import IdfTable, index_terms
from knowledge.named import LIBRARY_PLACE, YEAR
from knowledge.retrieval import label_named, section_labels
from knowledge.syllables import is_syllable
from knowledge.textnorm import fold, tone_key
from knowledge.types import SearchHit

MAX_ANSWER_CHARS = 800
MAX_UNIT_CHARS = 480
BARE_HEADING_CHARS = 100  # a heading line this short, without a full stop, says no content
CANDIDATE_HITS = 6
LABEL_BONUS = 0.15  # a field labelled as the kind asked ("Địa điểm: …" for "ở đâu")
VENUE_BONUS = 0.08  # a venue named in passing ("… tại Hội trường …") for "ở đâu"
OTHER_LABEL_PENALTY = 0.15  # "Nguyên nhân …" under "HẠN CHẾ, NGUYÊN NHÂN", asked "hạn chế"
OUTLINE_MARKER_LINE = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*)\s*[.\-–)]\s*")
ITEM = re.compile(r"^\s*(?:[-+•*]|[a-zđ]\)|\d{1,2}[.)])\s*")
# A sentence ends at . ! ? before a capital, but "4. Phòng Văn hóa" is an outline marker and
# "P. ĐTĐH" an abbreviation.
# Titles before a name ("TS. Nguyễn Tuấn Cường", "PGS.TS.", "ThS.") end no sentence either.
_SENTENCE_END = re.compile(
    r"(?<![0-9IVX]\.)(?<!\b[A-ZĐ]\.)(?<!\bTS\.)(?<!\bGS\.)(?<!\bThS\.)(?<!\bBS\.)(?<!\bKS\.)"
    r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ\"“(])"
)


@dataclass(frozen=True)
class Candidate:
    """One sentence or list item of a retrieved passage, scored against the question."""

    hit: SearchHit
    rank: int
    units: tuple[str, ...]
    index: int
    coverage: float  # of the topic terms, by the unit with its headings and document
    own_coverage: float  # by the unit's own words, of the terms its context leaves open
    kinds: frozenset[str]  # wanted answer kinds the unit carries
    score: float
    asked_fact: bool = False  # a fact passage the question asks for, of the named document
    has_head: bool = True  # speaks of what "A của B" asks about (A), itself or by its context
    alone: float = 0.0  # of the topic terms, by the unit's own words: breaks ties of context
    bare: bool = False  # the unit is a short heading line of its passage, without content

    @property
    def unit(self) -> str:
        return self.units[self.index]


@lru_cache(maxsize=4096)
def units_of(text: str) -> tuple[str, ...]:
    """Lines (list items, paragraphs) split further into sentences."""
    units: list[str] = []
    for line in text.split("\n"):
        units.extend(_sentences(line))
    return tuple(units)


def _sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]


# A line of a table read row by row: "Năm: 2024; Số đảng viên tham gia: 441; Tỷ lệ: 98,9%."
_RECORD = re.compile(r"^[^:;.]{1,40}: [^;]{1,60};")


@lru_cache(maxsize=4096)
def lead_ins(text: str) -> tuple[str, ...]:
    """For each unit of `units_of(text)`, the words that introduce it, or "": the part before
    the colon of an earlier sentence of its paragraph ("… các điều kiện sau đây: …"), or a line
    ending with a colon above list items or a table's rows. An item is read with what
    introduces it."""
    found: list[str] = []
    above = ""
    for line in text.split("\n"):
        sentences = _sentences(line)
        if not sentences:
            continue
        lead = above if ITEM.match(sentences[0]) or _RECORD.match(sentences[0]) else ""
        for sentence in sentences:
            found.append(lead)
            if ":" in sentence and not lead:
                lead = sentence.split(":", 1)[0]
        above = sentences[-1] if sentences[-1].endswith(":") else (above if lead == above else "")
    return tuple(found)


@lru_cache(maxsize=20_000)
def terms_of(text: str) -> frozenset[str]:
    """The index terms of a passage's unit or heading; passages do not change, questions do."""
    return frozenset(index_terms(text))


def weights(terms: tuple[str, ...] | list[str], idf: dict[str, float]) -> list[tuple[str, float]]:
    """Each term with its IDF weight; words unknown to the library weigh most."""
    unknown = _max_idf(idf)
    return [(t, idf.get(t, unknown)) for t in terms]


def covered(weighted: list[tuple[str, float]], found: set[str]) -> float:
    """IDF-weighted share of the terms found."""
    total = sum(w for _, w in weighted)
    return sum(w for t, w in weighted if t in found) / total if total else 0.0


def coverage(terms: tuple[str, ...] | list[str], found: set[str], idf: dict[str, float]) -> float:
    """IDF-weighted share of the terms found; words unknown to the library weigh most."""
    return covered(weights(terms, idf), found)


_WORD_EDGE = re.compile(r"^\W+|\W+$")


@lru_cache(maxsize=256)
def _title_trigrams(title: str) -> frozenset[tuple[str, ...]]:
    words = [fold(_WORD_EDGE.sub("", w)) for w in title.split()]
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def _max_idf(idf: dict[str, float]) -> float:
    """The weight of a word the library does not know: the rarest word's."""
    return idf.unknown if isinstance(idf, IdfTable) else max(idf.values(), default=5.0)


@lru_cache(maxsize=20_000)
def without_title(unit: str, title: str) -> str:
    """The unit minus a long citation of the document's own title.

    Plans quote the work they are about ("tác phẩm “Xây dựng … bản sắc “cây tre Việt Nam””")
    in many sentences; those words match the question everywhere and answer nothing.
    """
    grams = _title_trigrams(title)
    words = unit.split()
    folded = [fold(_WORD_EDGE.sub("", w)) for w in words]
    quoted = [False] * len(words)
    for i in range(len(words) - 2):
        if (folded[i], folded[i + 1], folded[i + 2]) in grams:
            quoted[i] = quoted[i + 1] = quoted[i + 2] = True
    if sum(quoted) < 8:
        return unit
    return " ".join(w for w, q_ in zip(words, quoted, strict=True) if not q_)


def _qualified_away(terms: set[str], unit: str, question: q.Question) -> set[str]:
    """ "Phó Bí thư" does not answer a question about the "Bí thư": a title that the unit
    qualifies with "phó"/"nguyên" and the question does not is not a match."""
    folded = fold(unit)
    for qualifier in ("pho", "nguyen", "tong"):
        if qualifier in question.words:
            continue
        for match in re.finditer(rf"\b{qualifier} (\w+) (\w+)", folded):
            bigram = f"{match[1]}_{match[2]}"
            if bigram in terms and not re.search(
                rf"(?<!{qualifier} ){match[1]} {match[2]}", folded
            ):
                # Its words go too, unless the unit also says them elsewhere ("thành phố
                # Thanh Hóa" qualifies "Thanh Hóa", not the "Hoằng Hóa" beside it).
                elsewhere = set(
                    re.sub(rf"\b{qualifier} {match[1]} {match[2]}\b", " ", folded).split()
                )
                terms = terms - {bigram} - ({match[1], match[2]} - elsewhere)
    return terms


def _document_terms(hit: SearchHit) -> frozenset[str]:
    meta = hit.chunk.meta
    return terms_of(" ".join(p for p in (meta.title, meta.number, meta.issuer, meta.place) if p))


def _in_scope(hit: SearchHit, question: q.Question) -> bool | None:
    """Whether the passage's document is the one the question names (a number, a place);
    None when the question names none."""
    scoping = ("reference", "reference_short", "place", LIBRARY_PLACE)
    named = [n for n in question.named if n.kind in scoping]
    if not named:
        return None
    meta = hit.chunk.meta
    own = fold(" ".join(p for p in (meta.number, meta.issuer, meta.place, meta.title) if p))
    number = fold(meta.number or "")
    return any(n.names_number(number) if n.is_reference else n.folded in own for n in named)


def _scope_terms(question: q.Question) -> set[str]:
    named = [n.text for n in question.named if n.kind in ("reference", "reference_short", "place")]
    return set(index_terms(" ".join(named)))


OTHER_FIGURE_PENALTY = 0.1
INNER_SECTION_BONUS = 0.3
_PERCENT_TERMS = frozenset({"phan", "tram", "phan_tram"})
_PERCENT = re.compile(r"\d\s?%")
_FINISHING = frozenset({"xong", "hoan_thanh", "hoan_tat", "ket_thuc"})
_FINISHES = re.compile(r"\b(?:xong|hoan thanh|hoan tat|ket thuc)\b")


def _finishing_terms(terms: tuple[str, ...]) -> set[str]:
    """The question's terms (typos mapped, "xog" → "xong") that ask when something ends:
    "xong", "hoàn thành", "kết thúc" and the pairs they form with their neighbours
    ("phai_xong", "thanh_truoc")."""
    if not _FINISHING & set(terms):
        return set()

    def finishing(term: str) -> bool:
        parts = term.split("_")
        edges = len(parts) == 2 and (
            parts[0] in ("thanh", "tat", "thuc") or parts[1] in ("hoan", "ket")
        )
        return term in _FINISHING or "xong" in parts or edges

    return {t for t in terms if finishing(t)}


def _name_words(question: q.Question) -> tuple[str, ...]:
    """The words of the names a question is typed with ("Đặng Trác Vân"): an answer speaks of
    them, itself or by its context, or it speaks of someone else."""
    words: list[str] = []
    places = {n.folded for n in question.named if n.kind == "place"}
    for named in question.named:
        if named.kind != "name" or named.text.isupper():  # "UBND" is spelt out in documents
            continue
        if named.folded in places:  # a place selects a document (`_in_scope`), and OCR
            continue  # garbles the place line of a header
        parts = named.folded.split()
        # One capitalised syllable is a common noun at the head of a title ("Kế hoạch",
        # "Hội đồng"); names capitalise every syllable ("Hoằng Hóa") or are foreign ("Davy").
        if len(parts) == 1 and is_syllable(parts[0]):
            continue
        words.extend(parts)
    return tuple(words)


def says_no_content(line: str) -> bool:
    """A heading line this short, without a full stop, names its section and says nothing."""
    return len(line) < BARE_HEADING_CHARS and not line.endswith(".")


@lru_cache(maxsize=1024)
def _peoples(question: q.Question) -> frozenset[str]:
    """A people or a language the question names as typed ("người Đức", "tiếng Pháp"): an
    answer about "người Anh" speaks of someone else. Read as typed: folded, "Đức" is "đức".
    A name of several words ("người Việt Nam") is left to `_name_words`."""
    found = set()
    for match in _PEOPLE.finditer(question.text):
        name, after = match[1], match[2]
        if name[:1].isupper() and not (after and after[:1].isupper()):
            found.add(tone_key(name.strip("?,.;:!")))
    return frozenset(found)


_ASKS_HOUR = re.compile(r"\b(?:may gio|gio nao)\b")
_PURPOSE_CLAUSE = re.compile(r"^\W*(?:để|nhằm)\b", re.IGNORECASE)
_PEOPLE = re.compile(r"\b(?:người|tiếng|nước|dân tộc)\s+(\S+)(?:\s+(\S+))?", re.IGNORECASE)


def candidates(
    question: q.Question, terms: tuple[str, ...], hits: list[SearchHit], idf: dict[str, float]
) -> list[Candidate]:
    """Every unit of the top passages, scored; the best first."""
    found: list[Candidate] = []
    scope_terms = _scope_terms(question)
    strict = question.kinds & STRICT
    guessed = q.GUESSED in question.kinds
    # What "A của B" asks about, its first two words as one when the question has them side by
    # side ("tác giả", not "tác phẩm" and "giá trị"), and the names the question types.
    first = "_".join(question.head[:2])
    compound = (first,) if len(question.head) >= 2 and first in question.terms else ()
    wanted = question.head + compound + _name_words(question)
    peoples = _peoples(question)
    # "Mục đích của việc X là gì?": a sentence that opens with "Để …"/"Nhằm …" states it.
    purpose = (
        {*question.head, "_".join(question.head)}
        if " ".join(question.head) in ("muc dich", "muc tieu")
        else set()
    )
    years_asked = frozenset(n.text for n in question.named if n.kind == "year")
    # "… phải xong trước khi nào?": a unit that says when it ends ("kết thúc trong quý II")
    # says the "xong", "hoàn thành" or "kết thúc" the question asks with.
    finishing = _finishing_terms(terms) if q.WHEN in question.kinds else set()
    # "Hội nghị quán triệt …" asked of a plan that never writes "hội nghị": it names the
    # meeting by its activity ("Về học tập, quán triệt: trực tiếp tại …"), which is the topic.
    meeting = q.meeting_terms(question)
    naming = {
        h.chunk.meta.document for h in hits if meeting and "hoi_nghi" in terms_of(h.chunk.text)
    }
    # Figures the question states ("95 năm", "lần thứ 32"), not the numbers of the documents,
    # dates and years it names ("Chỉ thị 32" selects a document, `_in_scope`): a passage
    # whose document says none of them speaks of another anniversary, another conference.
    named_digits = {d for n in question.named for d in re.findall(r"\d+", n.text)}
    figures = {t for t in question.terms if t.isdigit()} - named_digits
    listing = q.LIST in question.kinds and q.GUESSED not in question.kinds
    percent = _PERCENT_TERMS & set(question.terms) if "phan_tram" in question.terms else set()
    rank = -1
    for hit in hits:
        chunk = hit.chunk
        # Signature, stamp and recipients answer only questions about a document; its header
        # also what the document it numbers is about.
        titled = chunk.kind == HEADER and titles_subject(chunk, question)
        # "… định hướng đến năm nào?": a period its title states ("đến năm 2025, định hướng
        # đến năm 2030", "giai đoạn 2016-2020") is read from the title, never the header's date.
        period = chunk.kind == HEADER and titles_period(chunk, question)
        if chunk.kind in FACT_KINDS and not question.about_document and not titled and not period:
            continue
        rank += 1
        if rank >= CANDIDATE_HITS + 4:
            break
        # A fact passage (a signature block, a list of recipients) answers as a whole.
        units = (chunk.text,) if chunk.kind in FACT_KINDS else units_of(chunk.text)
        if period and not titled:
            units = (chunk.meta.title,)
        document = _document_terms(hit)
        parts = _heading_parts(chunk.heading)
        context = document | terms_of(" > ".join(parts))
        damaged = chunk.meta.text_quality != "ok"
        bonus = 0.0
        cue = FACT_CUES.get(chunk.kind)
        asked_for = cue is not None and bool(cue.search(question.folded))
        if chunk.kind == HEADER and (
            not q.speaks_of_document(question) or asks_signer(question.folded)
        ):
            asked_for = False
        # "ký … ngày nào" asks when it was signed: the header's date, not the signer.
        if chunk.kind == SIGNATURE and q.WHEN in question.kinds and q.WHO not in question.kinds:
            asked_for = False
        # "Hội nghị … lúc mấy giờ ngày nào?" asks a meeting's hour: a header has none.
        if chunk.kind == HEADER and _ASKS_HOUR.search(question.folded):
            asked_for = False
        if chunk.kind in FACT_KINDS:
            bonus += 0.2 if asked_for else -0.05
        scope = _in_scope(hit, question)
        bonus += 0.0 if scope is None else (0.08 if scope else -0.08)
        # The document the question names is found: its number and place select the
        # document, they are not what a passage of it must say.
        topic = tuple(t for t in terms if t not in scope_terms) if scope else terms
        if meeting and chunk.meta.document not in naming:
            topic = tuple(t for t in topic if t not in meeting)
        weighted = weights(topic or terms, idf)  # once per passage, not per unit
        leads = ("",) if chunk.kind in FACT_KINDS else lead_ins(chunk.text)
        typed_context = _typed_words(f"{chunk.meta.title} {chunk.heading}")
        passage = terms_of(chunk.text) if figures else frozenset()
        named_section = names_section(question, chunk.heading)
        dated = f"{chunk.meta.title} {chunk.heading} {chunk.meta.date or ''}"
        context_years = frozenset(YEAR.findall(dated)) if years_asked else frozenset()
        for index, unit in enumerate(units):
            if years_asked and _other_year(unit, context_years, years_asked):
                continue  # "năm 2023" asked, "Năm 2024, … kết nạp 1.850 đảng viên" told
            # An outline line with content ("c) Thời gian: 7 giờ 30 ngày 17/10") heads its
            # passage too: read as a unit, what it says is its own, not its context's.
            own_line = [p for p in parts if _is_line_of(unit, p)] if parts else []
            base = document | terms_of(_joined(parts, own_line)) if own_line else context
            around = base | terms_of(leads[index]) if leads[index] else base
            said = _qualified_away(
                set(terms_of(without_title(unit, chunk.meta.title))), unit, question
            )
            if finishing and _FINISHES.search(fold(unit)):  # "xong" said as "kết thúc"
                said |= finishing
            if percent and _PERCENT.search(unit):  # "bao nhiêu phần trăm": "đạt 97,6%"
                said |= percent
            states_purpose = bool(purpose) and _PURPOSE_CLAUSE.match(unit) is not None
            if states_purpose:  # it says the "mục đích" it does not name
                said |= purpose
            full = covered(weighted, said | around)
            # A fact passage asked for ("ai ký …") means what its context says. Otherwise a
            # unit's own merit is how much of what its context leaves open it says.
            rest = [(t, w) for t, w in weighted if t not in around]
            own = full if asked_for or named_section or not rest else covered(rest, said)
            kinds = frozenset() if guessed else kinds_present(unit, question)
            labelled = labelled_kinds(unit, question)
            if labelled and (q.WHEN not in labelled or q.WHEN in kinds):
                kinds, bonus_label = kinds | labelled, LABEL_BONUS
            elif names_venue(unit, question):
                kinds, bonus_label = kinds | {q.WHERE}, VENUE_BONUS
            else:
                bonus_label = 0.0
            # A heading that names who acts ("2. Sở Thông tin và Truyền thông") answers "who".
            if q.WHO in question.kinds and q.WHO not in kinds and heading_names_agent(hit):
                kinds = kinds | {q.WHO}
            score = 0.55 * own + 0.45 * full
            score += (0.12 if kinds else 0.0) + bonus_label
            score -= 0.15 if strict and not kinds & strict else 0.0
            score -= 0.12 if not kinds and novelty(unit, question) < 0.25 else 0.0
            score += bonus - 0.03 * min(rank, 5) - (0.08 if damaged else 0.0)
            if figures and not figures & (said | around | passage):
                score -= OTHER_FIGURE_PENALTY  # "95 năm thành lập Đảng": not "190 năm …"
            # "… dùng những tài liệu gì?" over a passage that opens the section "1. Tài liệu
            # sinh hoạt" midway: its heading line stands for the list under it.
            if (
                listing
                and not named_section
                and OUTLINE_MARKER_LINE.match(unit)
                and says_no_content(unit)
                and names_section(question, f"{chunk.heading} > {unit}")
            ):
                kinds, score = kinds | {q.LIST}, score + INNER_SECTION_BONUS
            if opens_with_other_label(unit, chunk.heading, question):
                score -= OTHER_LABEL_PENALTY
            fact = asked_for and scope is not False
            # "Hướng dẫn 36 ký ngày nào?": a unit that dates that very number answers it.
            if dates_subject(unit, question):
                fact, kinds, score = True, kinds | {q.WHEN}, score + 0.2
            # "Ai là tác giả …": "tác phẩm “…” của đồng chí …" says whose the work is.
            authored = states_authorship(unit, question)
            if authored:
                kinds, score = kinds | {q.WHO}, score + 0.2
            # "Kết luận 57 là kết luận về vấn đề gì?": a citation of that number with its subject.
            cites = states_subject(unit, question) or titled
            if cites:
                fact, kinds, score = True, kinds | {q.DEFINITION}, score + 0.2
            # "Chỉ thị 32 do cơ quan nào ban hành?": a citation of that number with its issuer.
            if issues_subject(unit, question):
                fact, kinds, score, cites = True, kinds | {q.WHO}, score + 0.2, True
            typed = _typed_words(unit) | typed_context
            head = peoples <= typed and (
                states_purpose
                or (
                    all(word in said or word in around for word in wanted)
                    and (not question.head_typed or set(question.head_typed) <= typed)
                )
            )
            # the "tác giả" it says with "của"; the document asked, as "Chỉ thị số 17"
            head = head or authored or cites
            alone = covered(weighted, said)
            bare = bool(own_line) and says_no_content(unit)
            found.append(
                Candidate(hit, rank, units, index, full, own, kinds, score, fact, head, alone, bare)
            )
    # Units whose context says everything score alike: the one that says it itself comes first
    # ("Dấu chỉ mức độ khẩn gồm …" under "Dấu chỉ mức độ mật, mức độ khẩn"), before a heading
    # that names it beside others.
    found.sort(key=lambda c: (-c.score, -c.alone, c.bare, c.rank, c.index))
    return found


def _other_year(unit: str, context_years: frozenset[str], asked: frozenset[str]) -> bool:
    """The question names years (`asked`), the unit states years and none of them is one asked,
    nor do the years of its heading, title or date (`context_years`): the unit tells of
    another year."""
    years = set(YEAR.findall(unit))
    return bool(years) and not asked & years and not asked & context_years


def opens_with_other_label(unit: str, heading: str, question: q.Question) -> bool:
    """Under "II. HẠN CHẾ, NGUYÊN NHÂN", asked about "hạn chế", a unit that opens "Nguyên nhân
    …" states the other label of the heading, not the one asked."""
    labels = section_labels(heading)
    if len(labels) < 2:
        return False
    asked = [label for label in labels if label_named(label, question.terms)]
    if len(asked) != 1:
        return False
    opening = fold(OUTLINE_MARKER_LINE.sub("", unit.lstrip("-+•* ")))
    return any(opening.startswith(label) for label in labels if label != asked[0])


def names_section(question: q.Question, heading: str) -> bool:
    """ "Mục đích của kế hoạch X": the passage under X's heading "1. Mục đích" is what is
    asked, and what it lists is the answer."""
    labels = section_labels(heading)
    if question.head:
        return " ".join(question.head) in labels
    asked = _ASKED_NOUN.search(question.folded)
    if asked is None:
        return False
    # "những tài liệu gì … sinh hoạt" asks the section "Tài liệu sinh hoạt".
    return any(
        label == asked[1]
        or (label.startswith(asked[1] + " ") and set(label.split()) <= set(question.words))
        for label in labels
    )


# "… kiến nghị gì …", "hạn chế là gì": the two words before "gì" name what is asked.
_ASKED_NOUN = re.compile(
    rf"\b([a-z0-9]+ [a-z0-9]+)(?: (?:{'|'.join(q.MAIN_MODIFIERS)}))? (?:la )?(?:nhung )?gi\b"
)


@lru_cache(maxsize=20_000)
def _typed_words(text: str) -> frozenset[str]:
    """The words of a passage's unit or context as typed (`tone_key`): "mê" is not "mẹ"."""
    return frozenset(tone_key(word) for word in re.findall(r"\w+", text))


@lru_cache(maxsize=4096)
def _heading_parts(heading: str) -> tuple[str, ...]:
    """The heading path's parts that speak of the passage, a part shortened with "…" cut back
    to what it keeps. "I. MỤC ĐÍCH, YÊU CẦU > 1. Mục đích": the passage is the aim, not the
    requirements, so a part its child names one of the labels of is left out."""
    parts = [p.removesuffix("…").rstrip() for p in heading.split(" > ")] if heading else []
    children = [*parts[1:], ""][: len(parts)]
    return tuple(p for p, c in zip(parts, children, strict=True) if not _split_by(p, c))


def _split_by(part: str, child: str) -> bool:
    """The heading `part` names several sections and `child` is one of them."""
    labels = section_labels(part)
    return len(labels) > 1 and bool(child) and bool(set(section_labels(child)) & set(labels))


def _is_line_of(unit: str, part: str) -> bool:
    return len(part) >= 8 and (unit in part or unit.startswith(part))


def _joined(parts: tuple[str, ...], leave_out: list[str]) -> str:
    return " > ".join(p for p in parts if p not in leave_out)


def last_heading(hit: SearchHit) -> str:
    return hit.chunk.heading.split(" > ")[-1] if hit.chunk.heading else ""


def heading_names_agent(hit: SearchHit) -> bool:
    heading = fold(OUTLINE_MARKER_LINE.sub("", last_heading(hit)))
    return bool(
        re.match(
            r"(?:cac )?(?:ban|so|phong|uy ban|ubnd|trung tam|truong|hoi|mat tran|dang doan|"
            r"bao|dai|van phong|cac co quan|huyen uy|thi uy|tinh uy|dang uy|cong an|"
            r"bo chi huy|ban can su|doan)\b",
            heading,
        )
    )
