from knowledge.lexical import index_terms
from knowledge.quality import text_quality
from knowledge.textnorm import (
    canonical_doc_numbers,
    clean_inline,
    cut_distribution_list,
    fold,
    is_furniture,
    join_broken_lines,
    lexical_tokens,
    nfc,
    typed_tokens,
)
from tests.auxil.corpus import CORPUS


def test_fold_strips_diacritics_and_d() -> None:
    assert fold("Bản sắc “Cây tre Việt Nam”: ĐẢNG") == "ban sac “cay tre viet nam”: dang"
    # Decomposed input (combining marks, as Windows-1258 produces) folds the same.
    assert fold("Vie\u0323\u0302t") == "viet"


def test_nfc_composes() -> None:
    assert nfc("Vie\u0323\u0302t") == "Việt"


def test_document_numbers_are_canonical() -> None:
    assert canonical_doc_numbers("Số 84 - KH/BTGTU và 32 - CT/TW") == "Số 84-KH/BTGTU và 32-CT/TW"
    tokens = lexical_tokens("Kế hoạch số 145-KH/TU")
    assert "145-kh/tu" in tokens and "kh" in tokens and "ke" in tokens


def test_broken_lines_are_joined_but_outline_kept() -> None:
    lines = [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Giúp cán bộ, đảng viên và các tầng lớp nhân dân nhận thức sâu sắc về nội",
        "",
        "dung cốt lõi của tác phẩm.",
        "- Phát huy vai trò của người đứng đầu.",
    ]
    assert join_broken_lines(lines) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Giúp cán bộ, đảng viên và các tầng lớp nhân dân nhận thức sâu sắc về nội dung cốt lõi"
        " của tác phẩm.",
        "- Phát huy vai trò của người đứng đầu.",
    ]


def test_furniture_and_distribution_list_are_dropped() -> None:
    assert is_furniture("\tHUYỆN ỦY DI LINH<hudilinh@lamdong.gov.vn> đã ký lên văn bản này!")
    assert is_furniture("Số:.....\t5618")
    assert is_furniture("- 3 -")
    assert not is_furniture("3. Sở Ngoại vụ: hướng dẫn báo chí.")
    # A digital signature's "Người ký: …" line is furniture; prose about signers is content.
    assert is_furniture("Người ký: Huyện ủy Kim Bôi")
    assert not is_furniture("- Người ký văn bản là người chịu trách nhiệm về thể thức văn bản.")
    assert is_furniture("http://btgtu.lamdong.dcs.vn/tai-lieu/tai-lieu-bcv/task/1704")
    assert not is_furniture("* Truy cập vào địa chỉ: http://btgtu.lamdong.dcs.vn/tai-lieu/")
    lines = ["Nội dung.", "Nơi nhận:", "- Ban Tuyên giáo Trung ương (để b/c),", "Lâm Minh Đăng"]
    assert cut_distribution_list(lines) == ["Nội dung."]
    # OCR spells it "Noi nhan:" - still a distribution list.
    assert cut_distribution_list(["a", "Noi nhan: TRUONG BAN", "b"]) == ["a"]


def test_quality_flags_the_ocr_document_only() -> None:
    qualities = {
        path.name[:3]: text_quality(path.read_text(encoding="utf-8"))
        for path in sorted(CORPUS.glob("*.txt"))
    }
    assert qualities == {
        "000": "ok",
        "001": "ocr_damaged",
        "002": "ok",
        "003": "ok",
        "004": "ok",
    }
    plain = " ".join(["ke hoach trien khai dot sinh hoat chinh tri tu tuong sau rong"] * 5)
    assert text_quality(plain) == "no_diacritics"


def test_i_and_y_spellings_index_alike() -> None:
    from knowledge.textnorm import lexical_tokens

    typed_i = lexical_tokens("đăng kí, qui định, lí luận")
    assert typed_i == lexical_tokens("đăng ký, quy định, lý luận")
    # A "y" that is part of a longer vowel stays: "thủy", "huy".
    assert lexical_tokens("thủy lợi, phát huy") == ["thuy", "loi", "phat", "huy"]


def test_an_ordinal_in_words_is_also_indexed_as_its_figure() -> None:
    """ "Hội nghị lần thứ tám Ban Chấp hành Trung ương" is "Hội nghị Trung ương 8"."""
    assert "8" in index_terms("Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương")
    assert ("4", "4") in typed_tokens("Hội nghị Trung ương lần thứ tư")
    # Without "thứ" the words keep their own meaning: "tám" may be "tâm", "năm" a year.
    assert "8" not in index_terms("tam huyet") and "5" not in index_terms("nam 2024")


def test_a_pdf_line_opening_with_a_figure_or_a_document_number_is_no_outline_item() -> None:
    """A PDF wraps where the page ends: a line may open with "90-CTr/TU" or "2.350", which
    are no section markers ("2- Công tác", "1.2. Hình thức" and "1. 100% …" still are)."""
    from knowledge.chunking import split_sections

    lines = [
        "2- Công tác phối hợp",
        "- Tuyên truyền sâu rộng nội dung của Chương trình hành động số",
        "90-CTr/TU, ngày 26/7/2018 của Ban Thường vụ Tỉnh ủy; đã tổ chức cho",
        "2.350 lượt cán bộ, đảng viên học tập, quán triệt trong thời gian",
        "10-15 ngày.",
        "1. 100% chi bộ tổ chức sinh hoạt chuyên đề.",
    ]
    paragraphs = join_broken_lines(lines)
    assert paragraphs == [
        "2- Công tác phối hợp",
        "- Tuyên truyền sâu rộng nội dung của Chương trình hành động số 90-CTr/TU, ngày"
        " 26/7/2018 của Ban Thường vụ Tỉnh ủy; đã tổ chức cho 2.350 lượt cán bộ, đảng viên học"
        " tập, quán triệt trong thời gian 10-15 ngày.",
        "1. 100% chi bộ tổ chức sinh hoạt chuyên đề.",
    ]
    sections = [path[-1].label for path, _ in split_sections(paragraphs) if path]
    assert sections == ["2", "1"]
    assert [s[-1].label for s, _ in split_sections(["2.350 lượt cán bộ học tập."]) if s] == []


def test_justified_spacing_is_one_space_and_header_columns_stay_apart() -> None:
    """A justified PDF line extracts with two or three spaces between words."""
    assert clean_inline("CỤC  CHỨNG  THỰC   SỐ") == "CỤC CHỨNG THỰC SỐ"
    assert clean_inline("HUYỆN ỦY KIM BÔI        ĐẢNG CỘNG SẢN VIỆT NAM").count("        ") == 1


def test_lines_of_a_narrow_page_are_joined_where_the_page_broke_them() -> None:
    """A PDF in a large font wraps at ~55 characters: a line that long left unfinished goes on
    in the next, even when the next opens with a capital ("… của Ban" / "Tuyên giáo …")."""
    text = (
        "Thực hiện Hướng dẫn số 12-HD/BTGTW, ngày 02/3/2025 của Ban Tuyên giáo Trung ương về "
        "việc tổ chức học tập chuyên đề năm 2025 trong toàn Đảng bộ, Ban Thường vụ Huyện ủy "
        "ban hành kế hoạch thực hiện trên địa bàn huyện như sau. Mỗi chi bộ tổ chức ít nhất "
        "hai buổi sinh hoạt chuyên đề trong năm, có ghi biên bản và báo cáo kết quả về Ban "
        "Tuyên giáo Huyện ủy trước ngày 15 tháng 12 năm 2025 để tổng hợp báo cáo cấp trên. "
        "Các đồng chí bí thư chi bộ chịu trách nhiệm chuẩn bị nội dung, mời báo cáo viên và "
        "theo dõi việc tham gia của đảng viên; đảng viên vắng mặt phải học bù trong tháng sau "
        "và viết bài thu hoạch nộp cho chi ủy theo đúng thời gian quy định của Huyện ủy."
    )
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > 56:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    assert any(len(x) <= 60 and x.endswith("Ban") for x in lines)  # the case this is about
    paragraphs = join_broken_lines(lines)
    assert " ".join(paragraphs) == text
    assert all(p.endswith(".") for p in paragraphs), paragraphs  # only sentences end them
    # Short lines of a wide page are still lines of their own.
    assert join_broken_lines(["1. Mục đích", "Tuyên truyền sâu rộng."]) == [
        "1. Mục đích",
        "Tuyên truyền sâu rộng.",
    ]


def test_a_document_named_by_type_and_number_is_indexed_without_its_issuer() -> None:
    """A news report says "Chỉ thị số 17" where the plan says "17-CT/TU": a member's "Chỉ
    thị 17" finds either. A span ("chương trình 2 năm") names no document."""
    from knowledge.textnorm import reference_keys

    text = "Tỉnh ủy đã ban hành Chỉ thị số 17 về dư luận; thực hiện Kết luận số 07 - KL/TW"
    assert reference_keys(text) == {"17-ct/", "7-kl/"}
    assert reference_keys("một chương trình 2 năm, thông báo 3 lần") == set()
    assert {"17-ct/", "7-kl/"} <= set(index_terms(text))


def test_a_numbered_breadcrumb_is_furniture_and_a_numbered_outline_is_not() -> None:
    """A document site lists its breadcrumb as "1. Trang chủ" / "2. » Tất cả"."""
    from knowledge.textnorm import drop_web_furniture

    outline = ["1. Mục đích của kế hoạch", "2. Yêu cầu", "3. Trang bị tài liệu cho chi bộ"]
    assert drop_web_furniture(["1. Trang chủ", "  2. » Tất cả", *outline]) == outline
