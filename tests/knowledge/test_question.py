"""Question understanding on questions written here: kind, topic terms, named things."""

from __future__ import annotations

import pytest

from knowledge import question as q
from knowledge.question import parse_question


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ai ký kế hoạch của Huyện ủy?", q.WHO),
        ("Kế hoạch do đồng chí nào ký?", q.WHO),
        ("ke hoach de ra nhung nhom nhiem vu nao", q.LIST),
        ("Kế hoạch gồm mấy nhóm giải pháp, là nhóm gì?", q.LIST),
        ("co quan nao chu tri to chuc hoi nghi", q.WHO),
        ("Đợt sinh hoạt phải hoàn thành khi nào?", q.WHEN),
        ("hoi nghi to chuc vao ngay nao", q.WHEN),
        ("Thời gian bảo lưu kết quả là bao lâu?", q.WHEN),
        ("Kế hoạch nêu bao nhiêu nhiệm vụ?", q.NUMBER),
        ("tin bai dang o dau", q.WHERE),
        ("Tài liệu sinh hoạt gồm những gì?", q.LIST),
        ("Chi bộ cần quán triệt những nhiệm vụ gì?", q.LIST),
        ("can tap trung nhung noi dung chu yeu gi", q.LIST),
        ("Bản sắc cây tre là gì?", q.DEFINITION),
        ("Vì sao phải đấu tranh phản bác?", q.WHY),
        ("Kế hoạch thực hiện chỉ thị nào?", q.REFERENCE),
        ("Sinh viên có được học hai chương trình không?", q.YESNO),
    ],
)
def test_question_kind(text: str, kind: str) -> None:
    assert kind in parse_question(text).kinds


@pytest.mark.parametrize(
    "text",
    ["Kế hoạch ký ngày bao nhiêu?", "ke hoach ban hanh ngay may", "Hội nghị bắt đầu lúc mấy giờ?"],
)
def test_which_day_or_hour_is_a_when_question_not_a_count(text: str) -> None:
    assert parse_question(text).kinds == {q.WHEN}


def test_a_group_named_in_the_topic_does_not_ask_for_a_list() -> None:
    """ "cơ sở nhóm ngành" is a name, not "những nhóm nào"."""
    assert parse_question("Thời gian học khối kiến thức cơ sở nhóm ngành?").kinds == {q.WHEN}


def test_a_count_beside_a_time_is_still_a_count() -> None:
    assert q.NUMBER in parse_question("Hội nghị ngày bao nhiêu, có bao nhiêu người dự?").kinds
    assert parse_question("Đợt học tập kéo dài bao nhiêu năm?").kinds == {q.NUMBER}


def test_asking_for_the_deadline_is_not_a_topic() -> None:
    assert "han" not in parse_question("hạn chót học tập là khi nào").terms


def test_time_words_inside_a_topic_do_not_make_a_when_question() -> None:
    assert q.WHEN not in parse_question("Học toàn thời gian áp dụng cho đối tượng nào?").kinds
    assert q.WHEN not in parse_question("Trong thời gian học, sinh viên làm gì?").kinds


def test_same_parse_with_and_without_diacritics() -> None:
    typed = parse_question("Ban Tuyên giáo sẽ tóm tắt tác phẩm thành những tài liệu gì?")
    folded = parse_question("ban tuyen giao se tom tat tac pham thanh nhung tai lieu gi")
    # "tài liệu" is kept either way (a compound); a lone "tài" read folded is glue ("tại").
    assert set(folded.terms) <= set(typed.terms)
    assert "tai_lieu" in set(typed.terms) & set(folded.terms)
    gifted = parse_question("Chương trình tài năng tuyển bao nhiêu sinh viên?").terms
    assert "tai_nang" in set(gifted) - set(parse_question("chuong trinh tai nang tuyen").terms)
    assert "ban_tuyen" in folded.terms  # "ban" is rarely "bạn" in a question to the bot
    assert typed.kinds == folded.kinds
    assert folded.without_diacritics and not typed.without_diacritics
    assert "tom_tat" in typed.terms and "gi" not in typed.terms


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("Mục tiêu của chương trình tài năng là gì?", {"tai_nang"}, {"cua"}),
        ("Cơ quan nào tổ chức hội nghị tại hội trường?", {"co_quan", "hoi_nghi"}, {"tai"}),
        ("Giáo dục thể chất được tính thế nào?", {"the_chat"}, {"duoc"}),
        ("Chứng chỉ tiếng Anh nào được công nhận?", {"tieng_anh", "chung"}, {"nao"}),
        ("Khi bị mất văn bằng thì làm gì?", {"mat_van"}, {"khi", "lam"}),
    ],
)
def test_glue_is_read_as_typed(text: str, kept: set[str], dropped: set[str]) -> None:
    terms = set(parse_question(text).terms)
    assert kept <= terms and not dropped & terms, terms


def test_how_a_question_points_at_the_text_is_not_its_topic() -> None:
    terms = parse_question("Kế hoạch nhắc tới việc hợp tác với những nước nào?").terms
    assert "nhac" not in terms and "hop_tac" in terms


def test_the_meeting_of_an_activity_is_read_as_the_activity() -> None:
    """ "Hội nghị quán triệt X" is what a plan may call "học tập, quán triệt X": the words
    that name the meeting are known; a meeting named otherwise is not one."""
    asked = parse_question("Hội nghị quán triệt Nghị quyết 15 họp lúc mấy giờ?")
    assert q.meeting_terms(asked) == {"hoi", "nghi", "hoi_nghi", "nghi_quan"}
    asked = parse_question("hoi nghi bao cao vien cap tinh to chuc ngay nao")
    assert q.meeting_terms(asked) == set()


def test_named_places_typed_with_capitals_and_without() -> None:
    typed = parse_question("Tỉnh ủy Hòa Bình giao cơ quan nào tham mưu?")
    assert [n.text for n in typed.named if n.kind == "place"] == ["Hòa Bình"]
    folded = parse_question("huyen bac ha co ke hoach rieng khong")
    assert [n.folded for n in folded.named if n.kind == "place"] == ["bac ha"]
    # "tính bao nhiêu" is not a place, and "tỉnh nào" names none.
    assert not [n for n in parse_question("duoc tinh bao nhieu diem").named if n.kind == "place"]
    assert not [n for n in parse_question("thuoc tinh nao").named if n.kind == "place"]


@pytest.mark.parametrize(
    "text",
    [
        "hoi nghi cua thi xa bat dau luc may gio",  # a verb after the unit, not a name
        "Thành phần dự ở hội trường thị xã gồm những ai?",  # "gồm" as typed
        "thanh phan o thi xa gom nhung ai",  # and without diacritics
        "Vì sao tỉnh lại tổ chức đợt sinh hoạt này?",
        "huyen bao cao len tinh khi nao",
        "hoi nghi cua huyen uy hop luc may gio",  # the body meets
        "thi uy hop may gio ngay nao",
        "huyen yeu cau hoan tat quan triet truoc ngay may",  # what the unit does
    ],
)
def test_words_after_an_administrative_unit_that_are_not_a_name(text: str) -> None:
    assert not [n for n in parse_question(text).named if n.kind == "place"]


def test_a_name_that_starts_like_a_question_word_is_still_a_place() -> None:
    named = parse_question("thanh uy bao loc co ke hoach so may").named
    assert [n.folded for n in named if n.kind == "place"] == ["bao loc"]


def test_named_documents_dates_and_years() -> None:
    parsed = parse_question("Kế hoạch 12 - KH/HU ngày 3/5/2021 và Chỉ thị 7 năm 2020")
    kinds = {(n.kind, n.folded) for n in parsed.named}
    assert ("reference", "12-kh/hu") in kinds
    assert ("reference_short", "7-ct/") in kinds
    assert ("date", "3/5/2021") in kinds
    assert ("year", "2020") in kinds


def test_a_state_number_and_a_short_number_name_a_state_document() -> None:
    """ "07/CTr-UBND" is a document number (its "2021" no year); "Chương trình số 07" names it
    as much as it names a party "07-CTr/TU", and is shown as typed."""
    full = parse_question("Chương trình 07/CTr-UBND năm 2021 có mấy mục tiêu?").named
    assert [(n.kind, n.folded) for n in full] == [("reference", "07/ctr-ubnd"), ("year", "2021")]
    short = next(n for n in parse_question("Chương trình số 07 nói gì?").named if n.is_reference)
    assert short.text == "Chương trình số 07"
    assert short.names_number("07/ctr-ubnd") and short.names_number("07-ctr/tu")
    assert not short.names_number("07-kh/tu") and not short.names_number("17/ctr-ubnd")
    without_zero = next(n for n in parse_question("chương trình số 7 nói gì").named)
    assert without_zero.names_number("07/ctr-ubnd") and not without_zero.names_number("70/ctr-a")


def test_a_letter_and_a_number_written_with_spaces_are_documents_named() -> None:
    """ "Công văn 52" names "52-CV/…"; "01 / CTr - UBND" is "01/CTr-UBND". A count or a span
    after a document type ("chương trình 2 năm", "thông báo 3 lần") names no document."""
    letter = next(n for n in parse_question("Công văn 52 gửi những ai?").named)
    assert letter.kind == "reference_short" and letter.names_number("52-cv/btghu")
    spaced = parse_question("Chương trình số 01 / CTr - UBND nói gì?").named
    assert [(n.kind, n.folded) for n in spaced] == [("reference", "01/ctr-ubnd")]
    for text in ("Chương trình 2 năm có mấy học kỳ?", "thong bao 3 lan moi thang"):
        assert not parse_question(text).references, text
    for text in ("Kết luận 57 ngày 15/6/2023 nói gì?", "huong dan 9 ky ngay nao"):
        assert parse_question(text).references, text


@pytest.mark.parametrize(
    "text",
    ["Ai ký kế hoạch 12-KH/HU?", "ke hoach gui toi nhung co quan nao", "so hieu cua ke hoach"],
)
def test_questions_about_the_document_itself(text: str) -> None:
    assert parse_question(text).about_document


def test_study_questions_are_not_about_the_document() -> None:
    assert not parse_question("Bản sắc cây tre Việt Nam là gì?").about_document
    # A deadline is what the plan says, not a date of the document itself.
    assert not parse_question("Các chi bộ phải hoàn thành trước ngày nào?").about_document
    assert not parse_question("dot hoc tap tong ket vao ngay nao").about_document
    assert parse_question("Kế hoạch được Sở Tư pháp nhận ngày nào?").about_document


def test_how_many_of_something_as_typed() -> None:
    """Typed, "mấy nội dung" counts contents; folded "noi" could be "nơi" and is left alone."""
    from bot.services.answer_kinds import kinds_present

    asked = parse_question("Nghị quyết Trung ương 10 khóa XIII có mấy nội dung chính?")
    assert asked.counted == "noi"
    assert q.NUMBER in kinds_present("Nghị quyết có 3 nội dung chính.", asked)
    # "khóa XIII" is not a count of anything; a Roman numeral answers only "khóa mấy".
    assert q.NUMBER not in kinds_present("Nắm vững nghị quyết khóa XIII.", asked)
    assert parse_question("co may noi dung chinh").counted is None


def test_a_role_holders_name_is_wanted_and_found_only_for_that_role() -> None:
    from bot.services.answer_kinds import kinds_present

    asked = parse_question("Bí thư Huyện ủy Kim Bôi tên là gì?")
    assert q.PERSON in asked.kinds
    assert q.PERSON not in parse_question("Ai là người phê duyệt chương trình?").kinds
    named = "Hội nghị do đồng chí Bí thư Huyện ủy Kim Bôi Nguyễn Văn An chủ trì."
    assert q.PERSON in kinds_present(named, asked)
    assert q.PERSON not in kinds_present("PHÓ BÍ THƯ\nHà Văn Tâm", asked)
    assert q.PERSON not in kinds_present("Bài viết của Tổng Bí thư Nguyễn Phú Trọng.", asked)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Việt Nam trúng cử với bao nhiêu phiếu?", "phieu"),
        ("lam dong co bao nhieu chi bo da sinh hoat", "chi bo"),  # the compound, not "chí"
        ("Chương trình gồm mấy khối kiến thức?", "khoi"),
        ("Kinh phí là bao nhiêu?", None),  # nothing named: any amount may answer
        ("giai doan do huy dong duoc bao nhieu von", None),  # an amount: "10.950 tỷ đồng"
        ("Cần bao nhiêu kinh phí?", None),
        ("Nhiệm kỳ là bao nhiêu năm?", None),  # a span of years answers it
        ("Điểm là bao nhiêu mới được xét?", None),
        ("Máy tính cần mấy năm?", None),
        ("Máy chiếu đặt ở đâu?", None),  # "máy", not "mấy"
    ],
)
def test_what_a_how_many_question_counts(text: str, counted: str | None) -> None:
    assert parse_question(text).counted == counted


def test_a_count_must_stand_next_to_the_thing_counted() -> None:
    from bot.services.answer_kinds import kinds_present

    asked = parse_question("Hội nghị có bao nhiêu đại biểu dự?")
    assert q.NUMBER in kinds_present("Hội nghị có 312 đại biểu tham dự.", asked)
    assert q.NUMBER in kinds_present("Có hai trăm đại biểu dự hội nghị.", asked)
    # Numbers about something else, and "sâu rộng" (folded: "sau", six), are no count.
    assert q.NUMBER not in kinds_present("Hội nghị khai mạc ngày 15/3/2024, 2 ngày.", asked)
    assert q.NUMBER not in kinds_present("Tuyên truyền sâu rộng tới đại biểu.", asked)


def test_a_number_question_without_a_counted_thing_wants_some_figure() -> None:
    from bot.services.answer_kinds import kinds_present

    asked = parse_question("Kinh phí của Kế hoạch 12-KH/TU là bao nhiêu?")
    assert q.NUMBER in kinds_present("Kinh phí dự kiến 250 triệu đồng.", asked)
    # The question's own document number and a mere "Việt Nam" (folded "nam") are no figure.
    assert q.NUMBER not in kinds_present("Kế hoạch 12-KH/TU về kinh phí ở Việt Nam.", asked)
    assert q.NUMBER not in kinds_present("Triển khai sâu rộng, tâm huyết.", asked)
    # Another document's number does answer "which number" questions.
    which = parse_question("Kế hoạch về Kết luận 57 mang số hiệu gì?")
    assert q.NUMBER in kinds_present("Kế hoạch số 145-KH/TU thực hiện Kết luận 57.", which)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Mục tiêu của chương trình tài năng là gì?", ("muc", "tieu")),
        ("nhiem ky cua dai hoi lan thu XI la bao nhieu nam", ("nhiem", "ki")),
        ("Cơ quan nào của huyện xây dựng kế hoạch?", ()),  # "nào": the question's own cue
        ("Theo kế hoạch của Tỉnh ủy, ai báo cáo?", ()),  # "theo …": where, not what
        # "chính", "chủ yếu", "cơ bản", "cụ thể" qualify what is asked; an answer need not say them.
        ("Mục đích chính của kế hoạch là gì?", ("muc", "dich")),
        ("nhiem vu chu yeu cua chi bo la gi", ("nhiem", "vu")),
        ("Chính sách của Nhà nước là gì?", ("chinh", "sach")),
        # A document named by its number is what the question is about, not what is asked.
        ("KH 44 của Đảng ủy xã thực hiện kế hoạch nào của Huyện ủy?", ()),
        ("chi thi so 30 cua tinh uy nham muc tieu gi", ()),
    ],
)
def test_what_a_possessive_question_asks_about(text: str, head: tuple[str, ...]) -> None:
    assert parse_question(text).head == head


def test_the_head_is_kept_as_typed_when_typed_with_diacritics() -> None:
    """ "mẹ" and "mê" fold alike; the typed head tells them apart (tone placement aside)."""
    from knowledge.textnorm import tone_key

    typed = parse_question("Mẹ của nhà bác học tên là gì?")
    assert typed.head == ("me",) and typed.head_typed == (tone_key("mẹ"),)
    assert tone_key("mẹ") != tone_key("mê") and tone_key("Hoà") == tone_key("hòa")
    assert parse_question("me cua nha bac hoc ten la gi").head_typed == ()


def test_a_year_a_quarter_or_another_document_number_is_no_amount() -> None:
    from bot.services.answer_kinds import kinds_present

    amount = parse_question("Kinh phí tổ chức học tập là bao nhiêu?")
    for said in (
        "Kết thúc trong quý II/2024.",
        "Thực hiện Hướng dẫn số 12-HD/BTGTU của Ban Tuyên giáo.",
        "Hoàn thành trong năm 2025.",
    ):
        assert q.NUMBER not in kinds_present(said, amount), said
    assert q.NUMBER in kinds_present("Kinh phí tổ chức là 20 triệu đồng.", amount)
    # A duration asked: the span of years answers; a document number asked: the number does.
    assert q.NUMBER in kinds_present(
        "Nhiệm kỳ 2020 - 2025.", parse_question("Nhiệm kỳ là bao nhiêu năm?")
    )
    assert q.NUMBER in kinds_present(
        "Thực hiện Kế hoạch số 84-KH/BTGTU.", parse_question("Kế hoạch mang số hiệu nào?")
    )


def test_an_ordinal_the_question_gives_is_not_asked() -> None:
    """ "lần thứ 32" names a conference; "lần thứ mấy" asks for a number."""
    assert q.NUMBER not in parse_question("Ai phát biểu tại Hội nghị lần thứ 32?").kinds
    assert q.NUMBER in parse_question("Đại hội lần thứ mấy của Đảng?").kinds


def test_an_amount_stands_near_what_the_question_asks_about() -> None:
    from bot.services.answer_kinds import kinds_present

    amount = parse_question("Kinh phí học tập chuyên đề là bao nhiêu?")
    assert q.NUMBER not in kinds_present("Bài thu hoạch đạt từ 7 điểm trở lên.", amount)
    assert q.NUMBER in kinds_present("Kinh phí cho mỗi lớp học tập là 20 triệu đồng.", amount)


def test_a_pagoda_is_not_a_yes_no_question() -> None:
    """Folded, "chùa" (pagoda) and "chưa" (yet) are both "chua"; typed, they differ."""
    assert q.YESNO not in parse_question("Ai khuyên nhà vua dựng chùa?").kinds
    assert q.YESNO in parse_question("Chi bộ đã học tập chưa?").kinds
    assert q.YESNO in parse_question("chi bo da hoc tap chua").kinds


def test_capitalised_names_inside_a_question_are_named_things() -> None:
    named = {(n.kind, n.folded) for n in parse_question("Hội Nông dân xã Tân Lập làm gì?").named}
    assert ("name", "tan lap") in named  # the first word is every sentence's capital
    assert ("name", "li thai tong") in {
        (n.kind, n.folded) for n in parse_question("Ai khuyên vua Lý Thái Tông?").named
    }
    assert not parse_question("ai khuyen vua ly thai tong").named  # no capitals, no names


def test_a_year_answers_when_even_after_the_question_said_nam() -> None:
    from bot.services.answer_kinds import kinds_present

    asked = parse_question("Ngôi đình được xây dựng vào năm nào?")
    assert q.WHEN in kinds_present("Đình được xây dựng vào mùa xuân năm 1049.", asked)
    assert q.WHEN not in kinds_present("Đình được xây dựng bằng gỗ lim.", asked)


def test_what_a_question_leaves_out_is_not_its_topic() -> None:
    """ "Ngoài X, … còn gì nữa?" names X to leave it out; "Ngoại giao" is a topic word."""
    terms = parse_question("Ngoài hội trường huyện, hội nghị còn tổ chức ở đâu?").terms
    assert "truong" not in terms and "hoi_nghi" in terms
    assert "truong" not in parse_question("ngoai hoi truong huyen, hoi nghi o dau").terms
    assert "ngoai_giao" in parse_question("Ngoại giao Việt Nam có mấy trụ cột?").terms
    # "Ngoài X thì …" as well as "Ngoài X, …".
    terms = parse_question("Ngoài đọc trực tuyến thì tập sách còn dùng vào việc nào?").terms
    assert "truc_tuyen" not in terms and "tap_sach" in terms


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("sach dc gioi thieu la tap may", "sach duoc gioi thieu la tap may"),
        ("Tài liệu này đc phát cho ai, k biết j", "Tài liệu này được phát cho ai, không biết gì"),
        ("hd 36 thay the van ban nao", "huong dan 36 thay the van ban nao"),
        ("sh chi bo thang may", "sinh hoat chi bo thang may"),
        ("Kết luận kl 57 nói gì", "Kết luận kết luận 57 nói gì"),
        # Document numbers and capitals are not shorthand, except a type code before a bare
        # number.
        ("Kế hoạch số 69-KH/BTGTU ký ngày nào", "Kế hoạch số 69-KH/BTGTU ký ngày nào"),
        ("Sở KH và ĐT ở đâu", "Sở KH và ĐT ở đâu"),
        ("KH 145 do ai ky", "ke hoach 145 do ai ky"),
        ("HD 36 thay thế văn bản nào", "hướng dẫn 36 thay thế văn bản nào"),
        ("Theo KH 145-KH/TU", "Theo KH 145-KH/TU"),
    ],
)
def test_phone_shorthand_is_read_as_words(typed: str, read: str) -> None:
    assert q.expand_shorthand(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("ke hoach cua TBT ai ky", "ke hoach cua tong bi thu ai ky"),
        ("Ủy ban MTTQ tỉnh làm gì?", "Ủy ban Mặt trận Tổ quốc tỉnh làm gì?"),
        ("mttq va doan the", "mat tran to quoc va doan the"),
        ("Nghị quyết TW 8", "Nghị quyết Trung ương 8"),
        ("HU Di Linh giao BTG lam gi", "huyen uy Di Linh giao ban tuyen giao lam gi"),
        ("TU Trà Vinh ký ngày nào", "Tỉnh ủy Trà Vinh ký ngày nào"),
        ("Kế hoạch 145-KH/TU", "Kế hoạch 145-KH/TU"),
        ("tu lieu nao", "tu lieu nao"),
        ("Ban Chỉ đạo công tác TTĐN", "Ban Chỉ đạo công tác thông tin đối ngoại"),
        ("CLB nào được mời", "Câu lạc bộ nào được mời"),
        ("dang tren trang ttdt, mxh", "dang tren trang thong tin dien tu, mang xa hoi"),
        # Two letters only in capitals; a document number is no abbreviation.
        ("tw 8 la gi", "tw 8 la gi"),
        ("Kết luận 57-KL/TW", "Kết luận 57-KL/TW"),
        # The library spells "UBND" itself: it stays.
        ("UBND xã làm gì", "UBND xã làm gì"),
    ],
)
def test_abbreviations_the_library_does_not_use_are_spelt_out(typed: str, read: str) -> None:
    assert q.expand_abbreviations(typed, {"ubnd"}) == read


def test_everyday_words_read_as_the_documents_words_only_where_the_library_lacks_them() -> None:
    library = {"tac_pham", "hoan_thanh", "tac", "pham"}
    assert q.documents_words("Cuốn sách có mấy phần?", library) == "tác phẩm có mấy phần?"
    assert q.documents_words("cuon sach phai xong khi nao", library) == (
        "tac pham phai hoan thanh khi nao"
    )
    # A library that says "cuốn sách" itself, or never "tác phẩm", keeps the member's words.
    assert q.documents_words("Cuốn sách có mấy phần?", library | {"cuon_sach"}) == (
        "Cuốn sách có mấy phần?"
    )
    assert q.documents_words("Cuốn sách có mấy phần?", {"hoan_thanh"}) == "Cuốn sách có mấy phần?"
    # "online" and "link" are what plans call "trực tuyến" and "địa chỉ"
    plan = {"truc_tuyen", "dia_chi"}
    assert q.documents_words("Hội nghị có online không?", plan) == "Hội nghị có trực tuyến không?"
    assert q.documents_words("tai tai lieu o link nao", plan) == "tai tai lieu o dia chi nao"
    assert q.documents_words("có đường link không", plan) == "có địa chỉ không"
    assert q.documents_words("doc online", plan | {"online"}) == "doc online"


@pytest.mark.parametrize(
    ("typed", "left_out", "kept"),
    [
        (
            "Kế hoạch nhằm mục đích gì ạ, chi bộ em cần nói rõ khi mở đầu buổi sinh hoạt",
            {"mo", "dau", "buoi", "nham"},
            {"ke_hoach", "muc_dich"},
        ),
        ("tac pham co gia tri gi, em can tom y de noi", {"tom", "noi"}, {"gia_tri"}),
        # After the question, a clause that is not about the member is still the question.
        ("Ai ký kế hoạch, kế hoạch số 145 của thị ủy?", set(), {"thi_uy", "145"}),
    ],
)
def test_the_members_own_situation_after_the_question_is_no_topic(
    typed: str, left_out: set[str], kept: set[str]
) -> None:
    terms = set(parse_question(typed).terms)
    assert not terms & left_out and kept <= terms, terms


def test_a_code_glued_to_its_number_names_the_document() -> None:
    assert q.expand_shorthand("hoi nghi KL57 keo dai bao lau") == (
        "hoi nghi ket luan 57 keo dai bao lau"
    )


def test_a_code_in_capitals_before_its_subject_is_the_document_type() -> None:
    """ "KL hạ tầng của tỉnh": the conclusion on infrastructure; "CT" may be "chỉ thị" or
    "chương trình" and stays; "kh" in small letters is as often "không"."""
    assert q.expand_shorthand("KL hạ tầng của tỉnh định hướng tới năm nào?") == (
        "kết luận hạ tầng của tỉnh định hướng tới năm nào?"
    )
    assert q.expand_shorthand("NQ về chuyển đổi số") == "nghị quyết về chuyển đổi số"
    assert q.expand_shorthand("CT về dư luận xã hội") == "CT về dư luận xã hội"
    assert q.expand_shorthand("toi kh biet") == "toi kh biet"


def test_which_stage_asks_when() -> None:
    for asked in ("Nghị quyết áp dụng cho giai đoạn nào?", "nghi quyet ap dung giai doan nao"):
        assert q.WHEN in parse_question(asked).kinds


@pytest.mark.parametrize("typed", ["hd 36 thay the van ban nao", "HD 36 thay thế văn bản nào?"])
def test_a_shorthand_document_type_names_the_document(typed: str) -> None:
    named = parse_question(q.expand_shorthand(typed)).named
    assert [n.folded for n in named] == ["36-hd/"]


@pytest.mark.parametrize(
    "typed", ["Hướng dẫn thay thế những văn bản nào?", "huong dan thay the nhung van ban nao"]
)
def test_which_document_asks_no_body(typed: str) -> None:
    """ "văn bản nào" folds to "… ban nào" (which committee) but asks for a document."""
    kinds = parse_question(typed).kinds
    assert q.REFERENCE in kinds and q.WHO not in kinds
    assert q.WHO in parse_question("Ban nào chủ trì hội nghị?").kinds


@pytest.mark.parametrize(
    ("asked", "unit", "answers"),
    [
        ("Đình được xây dựng vào năm nào?", "Đình được xây dựng năm 1697.", True),
        ("Đình được xây dựng vào năm nào?", "Sau khi xây dựng, đình được tu bổ.", False),
        ("Đình được xây dựng vào năm nào?", "Hằng năm, làng mở hội tại đình.", False),
        ("hoi nghi to chuc ngay nao", "Hội nghị tổ chức ngày 17/10/2023.", True),
        ("hoi nghi to chuc ngay nao", "Hội nghị tổ chức trong quý IV/2023.", False),
        ("Hội nghị bắt đầu lúc mấy giờ?", "Hội nghị bắt đầu lúc 7 giờ 30 phút.", True),
        ("Hội nghị bắt đầu lúc mấy giờ?", "Hội nghị bắt đầu sau khi khai mạc.", False),
        ("Kế hoạch thực hiện trong những năm nào?", "Giai đoạn 2021 - 2025.", True),
        # A "khi nào" question takes any time.
        ("Chi bộ sơ kết khi nào?", "Chi bộ sơ kết vào cuối năm học.", True),
    ],
)
def test_a_time_as_precise_as_the_question_asks(asked: str, unit: str, answers: bool) -> None:
    from bot.services.answer_kinds import kinds_present

    assert (q.WHEN in kinds_present(unit, parse_question(asked))) is answers


def test_the_situation_before_cho_hoi_is_not_what_an_answer_must_say() -> None:
    parsed = parse_question(
        "Chi bộ tôi được mời dự hội nghị quán triệt nghị quyết, cho hỏi ai sẽ trực tiếp báo cáo?"
    )
    assert "truc_tiep" in parsed.terms and "moi" not in parsed.terms
    assert q.WHO in parsed.kinds
    # Too little left after "cho hỏi": the whole question is read.
    vague = parse_question("Chi bộ tôi sắp học nghị quyết, cho hỏi thế nào?")
    assert "nghi_quyet" in vague.terms


def test_viec_makes_a_verb_a_noun_and_is_not_a_topic_word() -> None:
    terms = parse_question("Mục đích của việc tuyên truyền chỉ thị là gì?").terms
    assert "tuyen_truyen" in terms and "viec" not in terms and "viec_tuyen" not in terms


def test_items_named_answer_how_many_when_the_question_asks_to_name_them() -> None:
    from bot.services.answer_kinds import kinds_present

    asked = parse_question("Có mấy loại bản sao, kể tên giúp mình?")
    assert "ke_ten" not in asked.terms and "ten" not in asked.terms
    unit = "Bản sao gồm: sao y bản chính, sao lục hoặc trích sao."
    assert q.NUMBER in kinds_present(unit, asked)
    # Asked only how many, a list without a figure does not answer.
    assert q.NUMBER not in kinds_present(unit, parse_question("Có mấy loại bản sao?"))


def test_glue_only_as_typed_dang_nay() -> None:
    typed = parse_question("Ai đang là viện trưởng của viện nghiên cứu này?")
    assert typed.head == ("vien", "truong")
    assert "dang" not in typed.terms and "nay" not in typed.terms
    # Without diacritics "dang" may be "Đảng": a topic word.
    assert "dang" in parse_question("ai dang la bi thu dang uy").terms
    assert "hoc_lai" in parse_question("Đơn xin học lại nộp ở đâu?").terms  # again: asked


def test_a_title_before_a_name_ends_no_sentence() -> None:
    from bot.services.extractive import units_of

    units = units_of("Viện trưởng: TS. Nguyễn Văn An. Phó Viện trưởng: ThS. Lê Thị Bình.")
    assert units == ("Viện trưởng: TS. Nguyễn Văn An.", "Phó Viện trưởng: ThS. Lê Thị Bình.")


def test_asking_for_the_basis_is_not_a_topic() -> None:
    """A plan states its basis as "Thực hiện …" as often as "Căn cứ …": the question's own
    "căn cứ vào" must not be a word the answer has to say."""
    parsed = parse_question("Kế hoạch của Huyện ủy căn cứ vào văn bản nào?")
    assert q.REFERENCE in parsed.kinds
    assert "can_cu" not in parsed.terms and "cu" not in parsed.terms
    # Not asking which document: "căn cứ" is a topic word.
    assert "can_cu" in parse_question("Căn cứ chức năng, các sở làm gì?").terms


def test_hoi_nghi_after_a_comma_is_not_asking() -> None:
    terms = parse_question("ngay 5/3, hoi nghi chi bo to chuc o dau").terms
    assert "hoi_nghi" in terms or "nghi" in terms
    assert "5/3" in terms or "ngay" in terms


def test_compounds_that_start_like_glue_are_kept_without_diacritics() -> None:
    folded = parse_question("ten co quan ban hanh trinh bay o dau").terms
    assert "co_quan" in folded
    assert "co_quan" in parse_question("hoi nghi co quan nao chu tri").terms
    assert "hoi_nghi" in parse_question("hoi nghi to chuc o dau").terms
    assert "co" not in parse_question("ke hoach co may noi dung").terms  # "có": glue


def test_a_kind_no_phrase_names_is_marked_as_a_guess() -> None:
    """ "… có nhiệm vụ gì?" names no kind of answer; "… là gì?", "ở đâu?" do."""
    guessed = parse_question("Ban Tuyên giáo các huyện ủy có nhiệm vụ gì?")
    assert {q.DEFINITION, q.GUESSED} <= guessed.kinds
    assert q.GUESSED not in parse_question("Chuyên đề năm 2025 là gì?").kinds
    assert q.GUESSED not in parse_question("Hội nghị tổ chức ở đâu?").kinds


def test_chi_bo_typed_without_diacritics_is_a_topic_word() -> None:
    """ "chi" folds like glue ("chỉ"), but "chi bo" is the cell the member asks about."""
    question = parse_question("hoi nghi chi bo thang nay to chuc o dau")
    assert {"chi", "chi_bo", "hoi_nghi"} <= set(question.terms)


def test_a_name_that_folds_like_may_asks_no_number() -> None:
    """Typed with diacritics, "Mây" (a place) and "máy" (a machine) are not "mấy"."""
    assert q.NUMBER not in parse_question("Huyện ủy Sông Mây họp ở đâu?").kinds
    assert q.NUMBER not in parse_question("Phòng máy của trường đặt ở đâu?").kinds
    assert q.NUMBER in parse_question("Chi bộ Sông Mây có mấy đảng viên?").kinds
    assert q.NUMBER in parse_question("chi bo song may co may dang vien").kinds


def test_a_place_ending_in_may_typed_without_diacritics_asks_no_number() -> None:
    """Folded, "may" after a place's first word ends the name ("huyện Đồng Mây"); "bao
    nhiêu" is the surer cue of what is counted, and "mấy giờ" still asks the hour."""
    where = parse_question("huyen uy dong may hop tong ket o dau?")
    assert q.NUMBER not in where.kinds and q.WHERE in where.kinds
    assert [n.folded for n in where.named if n.kind == "place"] == ["dong may"]
    assert q.NUMBER not in parse_question("huyen dong may chi ra nhung han che gi?").kinds
    counted = parse_question("nam nay huyen dong may ket nap bao nhieu dang vien?")
    assert q.NUMBER in counted.kinds and counted.counted == "dang"
    assert q.NUMBER in parse_question("huyen dong may co may chi bo?").kinds
    hour = parse_question("tinh uy lam dong may gio hop?")
    assert q.WHEN in hour.kinds
    assert [n.folded for n in hour.named if n.kind == "place"] == ["lam dong"]


def test_how_often_and_must_are_not_topic_words() -> None:
    """ "bao lâu một lần" asks how often, "phải" (must) is glue as typed; "phái" is a word."""
    question = parse_question("Chi bộ phải họp chuyên đề bao lâu một lần?")
    assert q.WHEN in question.kinds
    assert not {"phai", "lau", "lan"} & set(question.terms)
    assert "phai" in parse_question("Trường phái ngoại giao cây tre là gì?").terms


def test_an_anniversary_or_a_term_is_not_a_signature() -> None:
    """ "kỷ niệm", "học kỳ" fold to "ky" like "ký"; only signing asks about the document."""
    for text in (
        "Tuyên truyền kỷ niệm 95 năm thành lập Đảng trên những phương tiện nào?",
        "tuyen truyen ky niem 95 nam thanh lap dang tren nhung phuong tien nao",
        "hoc ky 2 bat dau khi nao",
    ):
        assert not parse_question(text).about_document, text
    for text in ("Kế hoạch 41 do ai ký?", "ke hoach ky ngay nao", "Ai ký ban hành kế hoạch?"):
        assert parse_question(text).about_document, text
    assert q.WHERE in parse_question("Tuyên truyền trên những phương tiện nào?").kinds
    # "dựa trên kế hoạch nào", "căn cứ trên văn bản nào" ask for the basis, not a place.
    for text in ("Kế hoạch dựa trên kế hoạch nào của Tỉnh ủy?", "can cu tren van ban nao"):
        kinds = parse_question(text).kinds
        assert q.WHERE not in kinds and q.REFERENCE in kinds, (text, kinds)


def test_ai_la_nguoi_asks_who_and_names_no_topic() -> None:
    """ "Ai là người …" asks a person: "người" is how it asks, not what it is about; "người
    dân" in a question stays a topic word."""
    for asked in ("Ai là người phê duyệt kế hoạch học tập?", "ai la nguoi phe duyet ke hoach"):
        question = parse_question(asked)
        assert q.WHO in question.kinds and "nguoi" not in question.terms, question.terms
        assert {"phe", "duyet", "phe_duyet"} <= set(question.terms)
    assert "nguoi" in parse_question("Người dân được tuyên truyền qua kênh nào?").terms


def test_the_places_of_a_document_are_its_place_line_and_its_issuers_place() -> None:
    from knowledge.named import document_places, known_places

    assert document_places(None, "Ban Tuyên giáo Tỉnh ủy Lâm Đồng") == {"lam dong"}
    assert document_places("Di Linh", "Ban Thường vụ Huyện ủy Di Linh") == {"di linh"}
    assert document_places(None, "Ủy ban nhân dân tỉnh Tuyên Quang") == {"tuyen quang"}
    assert document_places("Huế", "Văn phòng Trung ương Đảng") == set()  # one syllable
    places = frozenset({"lam dong", "di linh"})
    found = known_places("han chot o lam dong la khi nao", places, ())
    assert [n.folded for n in found] == ["lam dong"]


@pytest.mark.parametrize(
    "asked",
    [
        "Nghị quyết 12 của Huyện ủy về nội dung gì?",
        "nghi quyet 12 cua huyen uy ve noi dung gi",
        "Chỉ thị số 5 về vấn đề gì?",
    ],
)
def test_about_what_names_no_topic(asked: str) -> None:
    """ "… về nội dung gì?" asks what a document is about: a passage's "Nội dung … như sau:"
    does not answer it by saying "nội dung"."""
    question = parse_question(asked)
    assert q.DEFINITION in question.kinds
    assert not {"noi_dung", "van_de"} & set(question.terms), question.terms
    # Asked for as the thing listed, "nội dung" is the topic.
    assert "noi_dung" in parse_question("Tài liệu sinh hoạt gồm những nội dung gì?").terms


def test_a_name_read_past_a_library_place_is_cut_back_to_the_place() -> None:
    """ "Ở Bến Tre Hội Nông dân …": the capitals after the place begin a body's name; read as
    one name "Bến Tre Hội Nông", it is a place the library lacks."""
    from knowledge.question import with_places

    places = frozenset({"ben tre", "tra vinh"})
    asked = parse_question("Ở Bến Tre Hội Nông dân tỉnh làm gì để tuyên truyền?")
    assert "ben tre hoi nong" in {n.folded for n in asked.named}
    named = {(n.kind, n.folded) for n in with_places(asked, places).named}
    assert ("place", "ben tre") in named and ("name", "ben tre") in named, named
    assert not {folded for _, folded in named if folded.startswith("ben tre ")}
    # A longer place the library lacks stays whole: "Bến Tre" is not "Trà Vinh".
    other = with_places(parse_question("Ở Cà Mau Hội Nông dân làm gì?"), places)
    assert "ca mau hoi nong" in {n.folded for n in other.named}


@pytest.mark.parametrize(
    ("typed", "asking"),
    [
        ("Bản sắc cây tre trong đối ngoại nghĩa là gì nhỉ?", {"nghia", "nhi"}),
        ("ban sac cay tre co nghia la gi", {"nghia", "co"}),
    ],
)
def test_what_asks_for_a_meaning_is_no_topic_word(typed: str, asking: set[str]) -> None:
    """ "nghĩa là gì" asks; a passage's "có ý nghĩa lịch sử" does not answer it."""
    terms = set(parse_question(typed).terms)
    assert not terms & asking and {"ban_sac", "cay_tre"} <= terms, terms
    assert "y_nghia" in parse_question("Ý nghĩa của tác phẩm là gì?").terms


def test_a_party_number_written_the_states_way_is_the_same_document() -> None:
    from knowledge.textnorm import canonical_doc_numbers

    assert canonical_doc_numbers("Chỉ thị số 32/CT-TW nói gì") == "Chỉ thị số 32-CT/TW nói gì"
    assert canonical_doc_numbers("Kế hoạch 145/KH-TU") == "Kế hoạch 145-KH/TU"
    # A state document's number keeps its form.
    assert canonical_doc_numbers("Chương trình 01/CTr-UBND") == "Chương trình 01/CTr-UBND"
    assert canonical_doc_numbers("Nghị định 12/2020/NĐ-CP") == "Nghị định 12/2020/NĐ-CP"
    assert [n.folded for n in parse_question("Chỉ thị 32/CT-TW nói gì?").named] == ["32-ct/tw"]


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("Kế hoạch của BTV Tỉnh ủy giao gì", ["BTV", "Tỉnh"]),  # an abbreviation stands alone
        ("Đồng chí Nguyễn Văn A làm gì", ["Nguyễn Văn A"]),
        ("sinh hoat o huyen sau bao lau", []),  # "huyện sau bao lâu" names no place "sau bao"
    ],
)
def test_names_split_at_abbreviations_and_no_place_after_a_cue_that_asks(
    typed: str, names: list[str]
) -> None:
    assert [n.text for n in parse_question(typed).named] == names


def test_an_abbreviation_is_read_as_the_phrase_the_library_writes_out() -> None:
    """ "GPMB" is the library's "giải phóng mặt bằng", "TT Huế" its "Thừa Thiên Huế"; a name
    ("ASEAN"), an abbreviation the library itself uses ("UBND"), three letters ("NTM": too many
    phrases have them) and letters no phrase of the library spells stay as typed."""
    from knowledge.lexical import Acronyms, LexicalIndex
    from knowledge.question import expand_acronyms

    texts = [
        "Đẩy nhanh giải phóng mặt bằng khu công nghiệp phía nam.",
        "Công tác giải phóng mặt bằng do UBND huyện chủ trì; giải pháp mới được bàn.",
        "Xây dựng nông thôn mới ở tỉnh Thừa Thiên Huế đạt 83%.",
    ]
    index = LexicalIndex(texts)
    acronyms = Acronyms(index)
    typed_forms = {"giai phong mat bang": "giải phóng mặt bằng", "thua thien hue": "thừa thiên huế"}

    def phrase(letters: str, typed: bool, last: str | None) -> str | None:
        found = acronyms.phrase(letters, last)
        return typed_forms.get(found, found) if typed and found else found

    known = index.vocabulary
    assert expand_acronyms("Ai lo việc GPMB?", known, phrase) == "Ai lo việc giải phóng mặt bằng?"
    assert expand_acronyms("ai lo GPMB", known, phrase) == "ai lo giai phong mat bang"
    assert (
        expand_acronyms("TT Huế đạt bao nhiêu?", known, phrase) == "Thua Thien Huế đạt bao nhiêu?"
    )
    kept_as_typed = ("ASEAN họp ở đâu?", "UBND huyện làm gì?", "QLDA ở đâu?", "Ban TG Huế", "NTM")
    for kept in kept_as_typed:
        assert expand_acronyms(kept, known, phrase) == kept


def test_a_phrase_of_several_words_is_the_documents_when_the_library_writes_its_pairs() -> None:
    leader = {"chu_tich", "tich_ho", "ho_chi", "chi_minh"}
    assert q.documents_words("triển lãm về Bác Hồ", leader) == ("triển lãm về Chủ tịch Hồ Chí Minh")
    assert q.documents_words("trien lam ve bac ho", leader - {"tich_ho"}) == ("trien lam ve bac ho")


def test_a_places_initials_after_a_place_word_read_as_the_one_library_place_they_fit() -> None:
    places = frozenset({"tra vinh", "lang son", "thai nguyen", "tay ninh", "an giang"})
    restored = {"tra vinh": "trà vinh", "lang son": "lạng sơn"}

    def read(text: str, known: frozenset[str] = frozenset()) -> str:
        return q.expand_place_initials(text, places, known, lambda f: restored.get(f, f))

    assert read("Tỉnh TV đưa tác phẩm vào trường nào?") == (
        "Tỉnh Trà Vinh đưa tác phẩm vào trường nào?"
    )
    assert read("ke hoach o LS giao viec gi") == "ke hoach o Lang Son giao viec gi"
    assert (
        read("tinh tv dua tac pham vao truong nao") == "tinh tra vinh dua tac pham vao truong nao"
    )
    # No place word before it ("Ban TV" is the standing committee), two places with the same
    # initials ("TN"), letters with a vowel typed in lowercase (they may be a word: "ở ag" is
    # not read as An Giang, "ở AG" is), or letters the library writes itself: left alone.
    assert read("ở AG có gì") == "ở An Giang có gì"
    for kept in ("Ban TV tỉnh ủy họp khi nào", "tỉnh TN có gì", "ở ag có gì"):
        assert read(kept) == kept
    assert read("ở LS có gì", frozenset({"ls"})) == "ở LS có gì"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Tác phẩm rút ra mấy bài học kinh nghiệm, mấy nhiệm vụ chủ yếu?",
            ("Tác phẩm rút ra mấy bài học kinh nghiệm", "Tác phẩm rút ra mấy nhiệm vụ chủ yếu?"),
        ),
        (
            "hoi nghi to chuc o dau, co truc tuyen khong",
            ("hoi nghi to chuc o dau", "hoi nghi to chuc co truc tuyen khong"),
        ),
        # One ask around a list: the same kind asked on both sides of the comma.
        ("Hạn chót gửi báo cáo kết quả học tập, quán triệt Nghị quyết là ngày nào?", None),
        # The second side goes on with what is asked of, its cue far from its start.
        ("Mục đích của việc khai thác, sử dụng tập sách điện tử này là gì?", None),
        # A situation before the question asks nothing.
        ("Chi bộ em sắp họp, cho hỏi tác phẩm có giá trị gì?", None),
    ],
)
def test_a_question_that_asks_two_things_is_read_as_two(
    text: str, parts: tuple[str, str] | None
) -> None:
    assert q.compound_parts(text) == parts
