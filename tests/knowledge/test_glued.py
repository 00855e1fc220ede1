"""Words glued by a text extraction are split where the document itself shows both words."""

from __future__ import annotations

from knowledge.documents import parse_document
from knowledge.glued import split_glued_words

EXTRACTED = (
    "Văn bản của Đảng trình bày theo định hướng bản in theo chiều dọc.\n"
    "Các cơ quan ban hành văn bản phải trình bày địnhhướng bản in theo quy định.\n"
    "Ủy ban kiểm tra banhành kế hoạch và gửi các tổ chức đảng, các đại biểu.\n"
    "ĐẠI HỘI ĐẠI BIỂUĐẢNG BỘ TỈNH; Số 268-CV/VPTUChuẩn bị hội nghị; chuẩn bị tài liệu.\n"
)


def test_a_glued_pair_is_split_where_both_words_stand_alone_in_the_document() -> None:
    repaired = split_glued_words(EXTRACTED)
    assert "định hướng bản in theo quy định" in repaired
    # "ban hành", not "ba nhành": the document writes "ban" and "hành" on their own.
    assert "Ủy ban kiểm tra ban hành kế hoạch" in repaired
    assert "ĐẠI BIỂU ĐẢNG BỘ" in repaired
    assert "268-CV/VPTU Chuẩn bị" in repaired


def test_words_without_evidence_are_left_alone() -> None:
    text = "Faraday cưới Sarah Barnard; nhôm có độ cứng Brinell; axít và mácma; ĐTBTLTK đạt."
    assert split_glued_words(text) == text
    # "thườngxuyên" is glued, but neither word stands alone here: no evidence, no change.
    lonely = "Cán bộ phải thườngxuyên học tập."
    assert split_glued_words(lonely) == lonely


def test_a_parsed_document_is_indexed_with_the_words_split() -> None:
    text = "KẾ HOẠCH\nvề trình bày văn bản\n\n" + EXTRACTED
    body = " ".join(c.text for c in parse_document(text, "g.txt", "3" * 64).chunks)
    assert "địnhhướng" not in body and "định hướng bản in theo quy định" in body
