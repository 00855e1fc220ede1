"""Which kinds of answer a unit carries: a field's label names its kind."""

from __future__ import annotations

import pytest

from bot.services.answer_kinds import kinds_present, labelled_kinds, names_venue
from knowledge import question as q
from knowledge.question import parse_question


@pytest.mark.parametrize(
    ("unit", "asked", "kind"),
    [
        ("c) Thời gian: 01 buổi, lúc 7 giờ 30 phút ngày 17/10/2023.", "Họp khi nào?", q.WHEN),
        ("3. Địa điểm: Hội trường Ủy ban nhân dân xã.", "Hội nghị tổ chức ở đâu?", q.VENUE),
        ("- Báo cáo viên: Đồng chí Lê Văn Hà.", "Ai trình bày chuyên đề?", q.WHO),
        ("Truy cập vào địa chỉ: http://tuyengiao.vn", "Tải tài liệu ở đâu?", q.WHERE),
    ],
)  # fmt: skip
def test_a_label_names_the_kind_of_its_field(unit: str, asked: str, kind: str) -> None:
    # "Địa điểm:" names a place and, asked where a meeting is held, its venue
    expected = {q.WHERE, q.VENUE} if kind == q.VENUE else {kind}
    assert labelled_kinds(unit, parse_question(asked)) == expected


def test_a_label_counts_only_for_the_kind_asked_and_prose_has_none() -> None:
    where = parse_question("Hội nghị tổ chức ở đâu?")
    assert labelled_kinds("2. Thời gian: ngày 28/3/2024.", where) == set()
    # A sentence with a colon later on is not a field: its opening words are no label.
    sentence = "Ban Tuyên giáo tổ chức hội nghị tại hội trường huyện, gồm các thành phần: bí thư."
    assert labelled_kinds(sentence, parse_question("Ai dự hội nghị?")) == set()


def test_an_answer_that_says_the_questions_cue_words_is_no_echo() -> None:
    """ "tại đâu" asks for a place: a unit that answers "tại Nhà văn hóa …" carries it, though
    the question said "tại" too."""
    where = parse_question("Lớp bồi dưỡng đảng viên mới được tổ chức tại đâu?")
    assert q.WHERE in kinds_present("Lớp học mở tại Nhà văn hóa thôn Đông.", where)
    # The cue's words are not the topic either: "tại" alone is no topic word to echo.
    assert "tai" in q.cue_words(where) and "lop" not in q.cue_words(where)


def test_a_venue_answers_where_and_only_where() -> None:
    unit = "b) Trực tiếp tại Hội trường Ủy ban nhân dân phường."
    assert names_venue(unit, parse_question("Buổi học diễn ra ở đâu?"))
    assert not names_venue(unit, parse_question("Buổi học diễn ra khi nào?"))
    assert not names_venue("Chi bộ họp mỗi tháng một lần.", parse_question("Chi bộ họp ở đâu?"))


def test_a_frequency_answers_how_often() -> None:
    asked = parse_question("Chi bộ sinh hoạt chuyên đề bao lâu một lần?")
    assert q.WHEN in kinds_present("Mỗi quý ít nhất một lần sinh hoạt chuyên đề.", asked)
    assert q.WHEN not in kinds_present("Nâng cao chất lượng sinh hoạt chuyên đề.", asked)


@pytest.mark.parametrize(
    ("unit", "says"),
    [
        (
            "1.1. Cuốn sách “Đường Kách mệnh” của đồng chí Nguyễn Ái Quốc theo các nội dung sau:",
            True,
        ),
        ("- Tác phẩm “Dế Mèn phiêu lưu ký” của nhà văn Tô Hoài được tái bản.", True),
        ("- Tác phẩm khẳng định thành tựu của nhân dân Việt Nam.", False),
        ("- Bài viết “Tự phê bình” của Chủ tịch Hồ Chí Minh.", True),
        ("- Tác phẩm góp phần bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác.", False),
        ("- Cuốn sách là tài liệu của các chi bộ trong sinh hoạt.", False),
    ],
)
def test_whose_work_it_is_is_said_with_cua_and_a_name(unit: str, says: bool) -> None:
    """Plans say who wrote a work with "của" and a name (an office before it or none): "của
    Đảng", "của các chi bộ", "của nhân dân Việt Nam" name no author."""
    from bot.services.answer_kinds import states_authorship

    for asked in ("Ai là tác giả cuốn sách này?", "cuon sach nay la cua ai viet"):
        assert states_authorship(unit, parse_question(asked)) is says, (unit, asked)
    assert not states_authorship(unit, parse_question("Cuốn sách này có mấy phần?"))


def test_the_number_of_a_document_type_is_answered_only_by_a_documents_number() -> None:
    """ "… theo kế hoạch số mấy?" wants "44-KH/ĐU": the dates and counts of the sentence
    before it are no answer, nor is the number of a document the question names."""
    asked = parse_question("Đảng ủy xã học tập nghị quyết theo kế hoạch số mấy?")
    dated = (
        "Chiều ngày 21 và sáng ngày 22 tháng 12 năm 2022 Đảng ủy xã tổ chức học tập 3 nghị quyết."
    )
    assert q.NUMBER not in kinds_present(dated, asked)
    numbered = "Đảng ủy xã xây dựng Kế hoạch số 44-KH/ĐU ngày 19/12/2022 về học tập nghị quyết."
    assert q.NUMBER in kinds_present(numbered, asked)
    named = parse_question("Kế hoạch 78-KH/HU giao Đảng ủy xã xây dựng kế hoạch số mấy?")
    assert q.NUMBER not in kinds_present("Thực hiện Kế hoạch số 78-KH/HU của Huyện ủy.", named)


def test_which_congress_is_answered_by_its_roman_numeral() -> None:
    asked = parse_question("Việc đánh giá căn cứ nghị quyết đại hội mấy của Đảng?")
    said = "Việc đánh giá căn cứ vào yêu cầu theo Nghị quyết Đại hội X của Đảng."
    assert q.NUMBER in kinds_present(said, asked)
    assert q.NUMBER not in kinds_present("Việc đánh giá căn cứ vào Nghị quyết của Đảng.", asked)


def test_a_sum_of_money_asked_is_answered_only_by_a_sum_of_money() -> None:
    asked = parse_question("Giải nhất cuộc thi được thưởng bao nhiêu tiền?")
    dated = "Bài dự thi gửi về Ban Tổ chức từ ngày 4.3.2019 đến ngày 15.4.2019, 1 giải nhất."
    assert q.NUMBER not in kinds_present(dated, asked)
    paid = "Ban Tổ chức trao 1 giải nhất trị giá 3.000.000 đồng kèm giấy khen."
    assert q.NUMBER in kinds_present(paid, asked)
    budget = parse_question("kinh phi to chuc hoi nghi la bao nhieu")
    assert q.NUMBER in kinds_present("Kinh phí tổ chức hội nghị: 15 triệu đồng.", budget)
    assert q.NUMBER not in kinds_present("Hội nghị tổ chức cho 150 đại biểu.", budget)


def test_where_a_meeting_is_held_is_a_venue_or_a_named_place() -> None:
    """ "Hội nghị … tổ chức ở đâu?" asks a venue: a sentence that only says "tại", "trong" or
    "theo kế hoạch" carries none, and "tại Hội nghị …" names the meeting, not where it was."""
    asked = parse_question("Hội nghị sơ kết của Đảng ủy xã tổ chức ở đâu?")
    assert q.VENUE in asked.kinds
    assert q.VENUE not in parse_question("Tài liệu tải ở đâu?").kinds
    for unit in (
        "Hội nghị được tổ chức tại Hội trường Ủy ban nhân dân xã.",
        "Trực tuyến tại điểm cầu các thôn, bản.",
        "Tháng 10/1930, Hội nghị họp tại Hương Cảng.",
        "hoi nghi hop o Ha Noi",
    ):
        assert q.VENUE in kinds_present(unit, asked), unit
    for unit in (
        "Công tác quán triệt thực hiện theo kế hoạch số 12-KH/HU trong toàn Đảng bộ.",
        "Đồng chí Bí thư phát biểu tại Hội nghị Ban Chấp hành lần thứ 8.",
        "Hội nghị tổ chức ở cấp huyện và cấp xã.",
        # a place named in a sentence that is not about a meeting
        "Tuyên truyền về con đường đi lên chủ nghĩa xã hội ở Việt Nam.",
    ):
        assert q.VENUE not in kinds_present(unit, asked), unit


def test_chi_bo_counted_is_not_dong_chi() -> None:
    """ "Bao nhiêu chi bộ" counts chi bộ: a year before "đồng chí" is no count of them."""
    for asked in ("Huyện có bao nhiêu chi bộ tổ chức đại hội?", "huyen co bao nhieu chi bo"):
        question = parse_question(asked)
        signed = "Ngày 27/5/2022, đồng chí Lê Văn Hai ký công văn về đại hội chi bộ."
        assert q.NUMBER not in kinds_present(signed, question), asked
        counted = "Toàn huyện có 112 chi bộ trực thuộc tổ chức đại hội trong quý II."
        assert q.NUMBER in kinds_present(counted, question), asked
