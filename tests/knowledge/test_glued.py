"""Words glued by a text extraction are split where the document itself shows both words."""

from __future__ import annotations

from knowledge.documents import parse_document
from knowledge.glued import join_split_syllables, split_glued_words

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


def test_syllables_an_extraction_split_are_whole_again() -> None:
    """pypdf reads a kerning gap inside a word as a space: "Vi ệt", "th ực", "Đả ng"."""
    split = (
        "Đ ảng C ộng s ản Việt Nam; Ban Th ường vụ Tỉnh ủy chỉ đạo th ực hiện.\n"
        "Các chi bộ ngh iên cứu; ĐẢ NG BỘ TỈNH; Đả ng bộ Vi ệt Nam.\n"
    )
    assert join_split_syllables(split) == (
        "Đảng Cộng sản Việt Nam; Ban Thường vụ Tỉnh ủy chỉ đạo thực hiện.\n"
        "Các chi bộ nghiên cứu; ĐẢNG BỘ TỈNH; Đảng bộ Việt Nam.\n"
    )


def test_words_that_only_look_split_stay_apart() -> None:
    # Two words that would make one syllable ("cho ăn" → "choăn") stay apart without the
    # document writing the joined syllable; units, levels, initials and names stay too.
    text = (
        "Cho ăn ở; nhiệt độ 25 °C ở Hà Nội; 300 K hoặc thấp hơn; cấp độ C trở lên; "
        "Th Anh; TRỊ T.78; Sở KH và ĐT; TP Hồ Chí Minh; Điều 5 khoản b.\n"
    )
    assert join_split_syllables(text) == text


def test_a_kerned_pdf_is_indexed_with_its_words_whole() -> None:
    from knowledge.loaders import load_text
    from tests.auxil.documents import kerned_pdf_bytes

    lines = [
        "KẾ HOẠCH",
        "về học tập chuyên đề năm 2025",
        "Ban Th|ường vụ Huyện ủy yêu cầu các chi bộ th|ực hiện nghiêm túc.",
        "Đả|ng bộ Vi|ệt Nam luôn coi trọng công tác giáo dục chính trị.",
    ]
    extracted = load_text(kerned_pdf_bytes(lines), "kh.pdf", 2**20)
    assert "Th ường" in extracted  # what pypdf gives
    body = " ".join(c.text for c in parse_document(extracted, "kh.pdf", "4" * 64).chunks)
    assert "Ban Thường vụ Huyện ủy yêu cầu các chi bộ thực hiện nghiêm túc" in body, body
    assert "Đảng bộ Việt Nam" in body, body
