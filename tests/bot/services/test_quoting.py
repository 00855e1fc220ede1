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


def _chunk(text: str, position: int) -> Chunk:
    heading = "II. NỘI DUNG > 4. Những nội dung cần quán triệt"
    return Chunk(
        f"c{position}", DocumentMeta("kh.txt", "Kế hoạch"), "II > 4", heading, text, position
    )


def test_a_long_list_asked_for_is_quoted_whole_to_each_items_opening_words() -> None:
    """ "… những nhiệm vụ gì?" over "… các nhiệm vụ sau:" and five long items that go on in the
    next passage: every item is shown, each to its opening words, not the first two whole."""
    tail = ", gắn với việc kiểm tra, giám sát thường xuyên của cấp ủy cơ sở và báo cáo định kỳ."
    items = [
        "(1) Thống nhất nhận thức về vai trò của công tác dân vận" + tail * 2,
        "(2) Kiện toàn tổ chức bộ máy làm công tác dân vận các cấp" + tail * 2,
        "(3) Bảo đảm nguồn lực cho hoạt động của khối dân vận" + tail,
    ]
    more = [
        "(4) Đổi mới phương thức vận động quần chúng trên không gian mạng" + tail,
        "(5) Đấu tranh phản bác các luận điệu sai trái về công tác dân vận" + tail,
    ]
    intro = "4. Những nội dung cần quán triệt Các chi bộ chủ động thực hiện các nhiệm vụ sau:"
    first = _chunk("\n".join([intro, *items]), 3)
    best = Candidate(SearchHit(first, 1.0), 0, units_of(first.text), 0, 0.8, 0.8, frozenset(), 0.8)
    question = parse_question("Chi bộ cần quán triệt những nhiệm vụ gì về công tác dân vận?")
    assert "list" in question.kinds
    quote = render(best, question, question.terms, {}, continuation=[_chunk("\n".join(more), 4)])
    for opening in ("(1) Thống nhất nhận thức", "(3) Bảo đảm nguồn lực", "(5) Đấu tranh phản bác"):
        assert opening in quote, quote
    assert len(quote) <= 800 + 20, len(quote)
    # Not asked as a list: the items that answer best are quoted whole instead.
    asked = parse_question("Chi bộ cần làm gì về nguồn lực cho khối dân vận?")
    whole = render(best, asked, asked.terms, {}, continuation=[_chunk("\n".join(more), 4)])
    assert items[2].removeprefix("(3) ")[:60] in whole and "(5)" not in whole, whole


def test_a_unit_that_says_when_it_ends_says_the_xong_asked_with() -> None:
    """ "… phải xong trước khi nào?": "kết thúc trong tháng 6" says the "xong" in the plan's
    own words, and covers the question as if it had said it."""
    from bot.services.extractive import candidates

    text = "- Đợt học tập triển khai từ ngày kế hoạch ban hành, kết thúc trong tháng 6/2025."
    chunk = Chunk("c1", DocumentMeta("kh.txt", "Kế hoạch"), "II", "II. THỜI GIAN", text, 0)
    hit = SearchHit(chunk, 1.0)
    asked = parse_question("dot hoc tap phai xong truoc khi nao")
    said = parse_question("dot hoc tap phai ket thuc truoc khi nao")
    (with_xong,) = candidates(asked, asked.terms, [hit], {})
    (with_end,) = candidates(said, said.terms, [hit], {})
    assert with_xong.coverage > 0.7 and with_end.coverage - with_xong.coverage < 0.1, (
        with_xong.coverage,
        with_end.coverage,
    )
    unrelated = parse_question("dot hoc tap phai xong truoc khi nao")
    other = Chunk(
        "c2",
        DocumentMeta("kh.txt", "Kế hoạch"),
        "II",
        "II. THỜI GIAN",
        "- Đợt học tập triển khai trong tháng 6/2025.",
        1,
    )
    (without,) = candidates(unrelated, unrelated.terms, [SearchHit(other, 1.0)], {})
    assert without.coverage < with_xong.coverage


def test_a_percentage_says_the_phan_tram_asked_with_and_phan_dau_is_not_it() -> None:
    """ "… đạt bao nhiêu phần trăm?": "đạt 97,6%" says the "phần trăm" with its sign. "phấn
    đấu" shares the syllable "phan" and asks no percentage."""
    from bot.services.extractive import candidates

    text = "Các chi bộ đã học tập nghị quyết cho 4.350 lượt đảng viên, đạt 97,6%."
    chunk = Chunk("c1", DocumentMeta("tin.txt", "Tin sơ kết"), "1", "1. Học tập", text, 0)
    hit = SearchHit(chunk, 1.0)
    asked = parse_question("hoc tap nghi quyet dat bao nhieu phan tram")
    (unit,) = candidates(asked, asked.terms, [hit], {})
    scored = text.replace("97,6%", "9,6 điểm")
    points = Chunk("c2", DocumentMeta("tin.txt", "Tin sơ kết"), "1", "1. Học tập", scored, 1)
    (other,) = candidates(asked, asked.terms, [SearchHit(points, 1.0)], {})
    assert unit.coverage > 0.9 and other.coverage < 0.75, (unit.coverage, other.coverage)
    striving = parse_question("phan dau hoc tap nghi quyet dat bao nhieu dang vien")
    (plain,) = candidates(striving, striving.terms, [hit], {})
    assert "phan" in striving.terms and plain.coverage < 0.85, plain.coverage


def test_a_passage_whose_document_never_states_the_asked_figure_speaks_of_another() -> None:
    """ "Kỷ niệm 95 năm thành lập Đảng …": a letter about a province's 190th anniversary asks
    for the same kind of propaganda in the same words, and is about another anniversary."""
    from bot.services.extractive import candidates

    other = Chunk(
        "c1",
        DocumentMeta("cv.txt", "Công văn về tuyên truyền kỷ niệm 190 năm thành lập tỉnh"),
        "",
        "",
        "Đề nghị các đơn vị tuyên truyền rộng rãi trên các phương tiện thông tin đại chúng, "
        "các trang thông tin điện tử của địa phương.",
        0,
    )
    asked = Chunk(
        "c2",
        DocumentMeta("dc.txt", "Đề cương tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng"),
        "III",
        "III. HÌNH THỨC TUYÊN TRUYỀN",
        "1. Tuyên truyền trên Báo tỉnh, Đài Phát thanh và Truyền hình tỉnh và mạng xã hội.",
        0,
    )
    question = parse_question(
        "Kỷ niệm 95 năm thành lập Đảng được tuyên truyền trên những phương tiện nào?"
    )
    ranked = candidates(
        question, question.terms, [SearchHit(other, 1.0), SearchHit(asked, 0.9)], {}
    )
    assert ranked[0].hit.chunk.chunk_id == "c2", [(c.unit, c.score) for c in ranked]


def test_the_rows_of_a_table_are_read_with_the_line_that_introduces_it() -> None:
    """A .docx table reads one "Title: cell; …" line per row: "Năm: 2024; Số đảng viên tham
    gia: 441" says what it counts only with "Kết quả học tập chuyên đề qua các năm:" above."""
    from bot.services.extractive import lead_ins

    intro = "Kết quả học tập chuyên đề qua các năm:"
    rows = [
        "Năm: 2023; Số đảng viên tham gia: 428; Tỷ lệ: 97,5%.",
        "Năm: 2024; Số đảng viên tham gia: 441; Tỷ lệ: 98,9%.",
    ]
    after = "Đảng ủy đã biểu dương 24 tập thể điển hình."
    text = "\n".join(["2. Công tác học tập", intro, *rows, "3. Điển hình", after])
    leads = dict(zip(units_of(text), lead_ins(text), strict=True))
    assert [leads[row] for row in rows] == [intro] * 2, leads
    assert leads[after] == "" and leads["2. Công tác học tập"] == "", leads


def test_the_groups_of_a_section_cut_into_passages_are_listed_by_their_headings() -> None:
    """ "… có những nhóm nhiệm vụ nào?" over "III. NHIỆM VỤ" whose parts ("1. Công tác tuyên
    truyền", "2. Công tác phối hợp" …) each run over passages: the parts' headings answer."""
    top = "III. NHIỆM VỤ, GIẢI PHÁP"
    parts = ["1. Công tác tuyên truyền", "2. Công tác phối hợp", "3. Công tác kiểm tra"]
    section = [
        Chunk(
            f"c{i}",
            DocumentMeta("kh.txt", "Kế hoạch"),
            f"III > {i // 2 + 1}",
            f"{top} > {parts[i // 2]}",
            (f"{top}\n" if i == 0 else "")
            + (f"{parts[i // 2]}\n" if i % 2 == 0 else "")
            + "- Tăng cường nội dung này ở các chi bộ.\n- Báo cáo kết quả hằng quý.",
            i,
        )
        for i in range(6)
    ]
    units = units_of(section[0].text)
    best = Candidate(SearchHit(section[0], 1.0), 0, units, 0, 0.8, 0.8, frozenset(), 0.8)
    question = parse_question("Kế hoạch có những nhóm nhiệm vụ, giải pháp nào?")
    quote = render(best, question, question.terms, {}, section)
    assert quote.split("\n") == [top, *parts], quote


def test_a_sentence_that_goes_on_about_what_the_quoted_one_names_is_quoted_with_it() -> None:
    """ "Khối kiến thức này …" goes on about the block the sentence before it named, and says
    when it is taught: quoted with it. A next sentence about something else, or one that says
    nothing more of what is asked, is left out."""
    text = (
        "Chương trình gồm hai khối kiến thức: khối kiến thức nền tảng gồm các học phần chung. "
        "Khối kiến thức này được tổ chức giảng dạy trong 3 học kỳ đầu. "
        "Sinh viên tự do đóng học phí theo mức riêng."
    )
    question = parse_question("Thời gian tổ chức giảng dạy khối kiến thức nền tảng?")
    quote = render(_candidate(text, "Điều 5", 0), question, question.terms, {})
    assert "trong 3 học kỳ đầu" in quote, quote
    assert "Sinh viên tự do" not in quote, quote
    # Folded, "Sinh viên tự do" reads "… do" like "đó": the next sentence is read as typed.
    first = "Trường có hai cơ sở đào tạo, ở trung tâm thành phố và ở ngoại thành."
    other = f"{first} Sinh viên tự do học ở cơ sở chính."
    asked = parse_question("Trường có mấy cơ sở đào tạo?")
    assert render(_candidate(other, "Điều 1", 0), asked, asked.terms, {}) == first
    # It goes on about the same thing, but says nothing more of what is asked.
    restated = f"{first} Hai cơ sở này đều ở tỉnh."
    assert render(_candidate(restated, "Điều 1", 0), asked, asked.terms, {}) == first
