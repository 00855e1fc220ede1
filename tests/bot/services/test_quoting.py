"""Quoting the chosen unit, on passages written here."""

from __future__ import annotations

from bot.services.extractive import Candidate, units_of
from bot.services.quoting import render
from knowledge.question import parse_question
from knowledge.types import Chunk, DocumentMeta, SearchHit

PASSAGE = (
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Ban Chỉ đạo chuyển đổi số huyện\n"
    "Chỉ đạo các cơ quan báo chí mở chuyên mục về chuyển đổi số trong năm 2025."
)


def _candidate(text: str, heading: str, index: int) -> Candidate:
    chunk = Chunk("c1", DocumentMeta("kh.txt", "Kế hoạch"), "II > 1", heading, text, 0)
    units = units_of(text)
    return Candidate(SearchHit(chunk, 1.0), 0, units, index, 0.8, 0.8, frozenset(), 0.8)


def test_a_bare_heading_chosen_for_a_list_question_is_quoted_with_its_content() -> None:
    """ "1. Ban Chỉ đạo …" is an outline item, but what it does is the line under it, not its
    sibling headings: the heading alone answers nothing."""
    heading = "II. TỔ CHỨC THỰC HIỆN > 1. Ban Chỉ đạo chuyển đổi số huyện"
    best = _candidate(PASSAGE, heading, 1)
    assert best.unit == "1. Ban Chỉ đạo chuyển đổi số huyện"
    question = parse_question("Ban Chỉ đạo chuyển đổi số huyện được giao những nhiệm vụ nào?")
    quote = render(best, question, question.terms, {})
    assert "mở chuyên mục về chuyển đổi số" in quote, quote


def test_a_sentence_just_over_the_limit_is_quoted_whole_and_a_long_one_is_cut() -> None:
    """Cutting a few characters off a sentence just over the limit would drop its last
    clause, where what is asked often is ("… trên những kênh nào?")."""
    opening = (
        "Hội Nông dân xã chỉ đạo các chi hội đẩy mạnh tuyên truyền về mô hình kinh tế tập thể, "
        "tổ chức tọa đàm, hội thảo, tham quan, học tập kinh nghiệm, "
    )
    filler = "vận động hội viên tham gia tổ hợp tác, hợp tác xã, liên kết sản xuất, "
    ending = "chú trọng tuyên truyền trên loa truyền thanh xã và nhóm Zalo của các chi hội."
    question = parse_question("Hội Nông dân xã tuyên truyền về kinh tế tập thể trên kênh nào?")
    for repeat, whole in ((4, True), (8, False)):
        sentence = opening + filler * repeat + ending
        best = _candidate(sentence, "II. NHIỆM VỤ", 0)
        quote = render(best, question, question.terms, {})
        assert (quote == sentence) is whole, (len(sentence), quote)
        assert len(quote) <= 480 + 60 + 4, len(quote)
