"""Document facts read at ingest, on plans written here: header, signer, recipients, basis,
deadlines, digital signature, and web furniture."""

from __future__ import annotations

from knowledge.documents import parse_document
from knowledge.facts import (
    E_SIGNATURE,
    HEADER,
    RECIPIENTS,
    SIGNATURE,
    asks_issuer,
    asks_signer,
)
from knowledge.textnorm import drop_web_furniture, fold
from tests.auxil.documents import KIM_BOI_PLAN, LETTER, STATE_PROGRAMME


def parsed():  # type: ignore[no-untyped-def]
    return parse_document(KIM_BOI_PLAN, "kim_boi.txt", "0" * 64)


def test_header_facts() -> None:
    meta = parsed().meta
    assert meta.number == "41-KH/HU"
    assert meta.date == "5/3/2025"
    assert meta.place == "Kim Bôi"
    assert meta.basis == ("Hướng dẫn số 12-HD/BTGTU, ngày 20/02/2025",)
    assert meta.deadlines == ("Các chi bộ tổ chức học tập xong trước ngày 30/4/2025.",)


def test_signer_and_recipients() -> None:
    meta = parsed().meta
    assert meta.signer == "Hà Văn Tâm"
    assert meta.signer_title == "T/M Ban Thường vụ, Phó Bí thư"
    assert meta.recipients == (
        "Ban Tuyên giáo Tỉnh ủy (b/c)",
        "Thường trực Huyện ủy",
        "Các chi bộ trực thuộc",
        "Lưu VPHU",
    )


def test_fact_blocks_become_their_own_passages_and_leave_the_body() -> None:
    chunks = parsed().chunks
    by_kind = {c.kind: c.text for c in chunks if c.kind != "body"}
    assert set(by_kind) == {HEADER, RECIPIENTS, SIGNATURE, E_SIGNATURE}
    assert "Hà Văn Tâm" in by_kind[SIGNATURE] and "PHÓ BÍ THƯ" in by_kind[SIGNATURE]
    assert "Thường trực Huyện ủy" in by_kind[RECIPIENTS]
    assert "Kim Bôi, ngày 5 tháng 3 năm 2025" in by_kind[HEADER]
    assert "2025-03-05T09:12:40" in by_kind[E_SIGNATURE]
    body = " ".join(c.text for c in chunks if c.kind == "body")
    assert "Hà Văn Tâm" not in body
    assert "Lưu VPHU" not in body
    assert "đã ký lên văn bản" not in body
    assert "phòng, chống lãng phí" in body


def test_incoming_stamp_is_a_header_fact() -> None:
    text = KIM_BOI_PLAN.replace(
        "KẾ HOẠCH\n",
        "KẾ HOẠCH\nVĂN PHÒNG UBND HUYỆN\nSố:.....\t77\nNgày:.....\t7/3/2025\n",
        1,
    )
    header = next(
        c.text for c in parse_document(text, "k.txt", "1" * 64).chunks if c.kind == HEADER
    )
    assert "VĂN PHÒNG UBND HUYỆN" in header and "Số: 77" in header and "Ngày: 7/3/2025" in header


def test_a_signature_without_recipients_is_still_found() -> None:
    text = KIM_BOI_PLAN[: KIM_BOI_PLAN.index("Nơi nhận:")] + "TRƯỞNG BAN\nLò Thị Mai\n"
    meta = parse_document(text, "k.txt", "2" * 64).meta
    assert meta.signer == "Lò Thị Mai" and meta.signer_title == "Trưởng Ban"


def test_an_outline_closing_with_its_bodys_name_alone_keeps_it_out_of_the_last_item() -> None:
    """ "BAN TUYÊN GIÁO TỈNH ỦY" on the last line closes the outline: it is no part of the
    last slogan, and no signer is invented from it. A last line of content stays."""
    outline = (
        "BAN TUYÊN GIÁO TỈNH ỦY BẮC SƠN\nBắc Sơn, ngày 06 tháng 01 năm 2025\n"
        "ĐỀ CƯƠNG TUYÊN TRUYỀN\nKỷ niệm ngày thành lập Đảng\nI. KHẨU HIỆU\n"
        "1. Nhiệt liệt chào mừng ngày thành lập Đảng!\n2. Đảng Cộng sản Việt Nam quang vinh "
        "muôn năm!\n"
    )
    closed = parse_document(outline + "BAN TUYÊN GIÁO TỈNH ỦY\n", "dc.txt", "3" * 64)
    last = [c for c in closed.chunks if c.kind == "body"][-1]
    assert last.text.endswith("quang vinh muôn năm!"), last.text
    assert closed.meta.signer is None and closed.meta.signer_title is None
    kept = parse_document(outline + "Ban Tuyên giáo hướng dẫn thực hiện.\n", "d.txt", "4" * 64)
    assert "Ban Tuyên giáo hướng dẫn" in [c for c in kept.chunks if c.kind == "body"][-1].text


def test_web_furniture_is_dropped() -> None:
    lines = [
        "Trang chủ",
        "Giới thiệu",
        "Tin tức",
        "Văn bản",
        "Liên hệ",
        "Kế hoạch học tập chuyên đề năm 2025",
        "Kế hoạch học tập chuyên đề năm 2025",
        "Nội dung chính của kế hoạch là học tập chuyên đề.",
        "Lượt xem: 1234",
        "Chia sẻ",
        "CopyRight @ Trang thông tin điện tử Huyện ủy",
        "Kế hoạch học tập chuyên đề năm 2025",
    ]
    assert drop_web_furniture(lines) == [
        "Kế hoạch học tập chuyên đề năm 2025",
        "Nội dung chính của kế hoạch là học tập chuyên đề.",
    ]


def test_a_menu_on_one_line_and_a_contact_footer_are_dropped() -> None:
    lines = [
        "Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ",
        "Trang chủ » Văn bản » Kế hoạch",
        "Kế hoạch học tập chuyên đề năm 2025",
        "Thời gian: ngày 20/11 | Địa điểm: Hội trường huyện | Thành phần: bí thư chi bộ.",
        "Địa chỉ: Khu phố 1, thị trấn Đức Phong. Điện thoại: 0271.3.123456",
    ]
    assert drop_web_furniture(lines) == [lines[2], lines[3]]


def test_a_portals_long_menu_slogan_and_posting_time_are_dropped() -> None:
    """A party portal's page: its name and a slogan of nine words above a menu with a long
    item, and the time the page was posted. A dated sentence of the plan stays."""
    lines = [
        "Cổng thông tin điện tử Đảng bộ tỉnh",
        "Cơ quan của Ban Chấp hành Đảng bộ tỉnh",
        "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản | Học tập và làm theo Bác | Liên hệ",
        "Kế hoạch học tập chuyên đề năm 2025",
        "Thứ Hai, 15/04/2024 - 14:35",
        "Ngày 15/04/2024, các chi bộ tổ chức học tập chuyên đề.",
    ]
    assert drop_web_furniture(lines) == [lines[3], lines[5]]


def test_a_sites_name_above_its_menu_and_a_breadcrumb_are_dropped() -> None:
    """A page copied whole starts with the site's name or slogan, then its menu, breadcrumb
    or loading line: none of it is the document, nor its title."""
    page = (
        "Cổng thông tin Phường Tân Định\n"
        "Giới Thiệu | Tin Tức | Văn Bản | Liên Hệ\n"
        "/ HỌC TẬP VÀ LÀM THEO BÁC\n"
        "Hướng dẫn đọc sách điện tử về gương người tốt việc tốt\n"
        "Ban Tuyên giáo Đảng ủy đề nghị các chi bộ tổ chức đọc sách trong tháng 10.\n"
    )
    parsed = parse_document(page, "web.txt", "a" * 64)
    assert parsed.meta.title == "Hướng dẫn đọc sách điện tử về gương người tốt việc tốt"
    text = " ".join(c.text for c in parsed.chunks)
    assert "Cổng thông tin" not in text and "HỌC TẬP VÀ LÀM THEO BÁC" not in text
    loading = [
        "Dịch vụ pháp lý trực tuyến",
        "Đang tải nội dung, vui lòng chờ...",
        "ỦY BAN NHÂN DÂN",
    ]
    assert drop_web_furniture(loading) == ["ỦY BAN NHÂN DÂN"]
    # A document's own first lines above a counter further down stay.
    lines = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC TRỌNG", "Lượt xem: 12", "KẾ HOẠCH"]
    assert drop_web_furniture(lines) == [lines[0], lines[1], lines[3]]


def test_content_lines_that_look_like_navigation_are_kept() -> None:
    lines = [
        "Liên hệ chặt chẽ với các chi bộ để nắm tình hình tư tưởng đảng viên.",
        "Địa chỉ: Hội trường Huyện ủy.",
    ]
    assert drop_web_furniture(lines) == lines


def test_a_plan_without_a_preamble_takes_its_title_up_to_the_first_section() -> None:
    text = (
        "ĐẢNG ỦY XÃ NGHĨA ĐỒNG\nSố 12-KH/ĐU\nNghĩa Đồng, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức sinh hoạt chính trị về Chỉ thị 35-CT/TW\nI. MỤC ĐÍCH\n"
        "1. Nâng cao nhận thức của đảng viên.\n"
    )
    meta = parse_document(text, "nd.txt", "3" * 64).meta
    assert meta.title == "Kế hoạch Tổ chức sinh hoạt chính trị về Chỉ thị 35-CT/TW"
    assert meta.number == "12-KH/ĐU" and meta.date == "5/3/2025"


GUIDE = """HƯỚNG DẪN
THỂ THỨC VĂN BẢN CỦA CHI BỘ
1. Phạm vi
Văn bản này hướng dẫn cách trình bày văn bản của chi bộ.
2. Tên cơ quan ban hành
Tên cơ quan ban hành trình bày góc trái, dòng đầu.
3. Nơi nhận văn bản
Nơi nhận văn bản xác định những cơ quan, tổ chức, cá nhân nhận văn bản để báo cáo, để biết.
Nơi nhận văn bản trình bày góc phải, dưới nội dung văn bản.
4. Khổ giấy
Văn bản của chi bộ trình bày trên khổ giấy A4.
Nơi nhận:
- Các chi bộ trực thuộc,
- Lưu Văn phòng.
T/M CHI ỦY
BÍ THƯ
Lê Văn Hòa
PHỤ LỤC
Mẫu trình bày tên cơ quan ban hành văn bản.
"""


def test_a_sentence_about_recipients_is_body_and_the_block_ends_before_an_appendix() -> None:
    """A guide that explains "Nơi nhận" keeps that text as study content; the real list is
    the short block at the end, and an appendix after the signature is body again."""
    parsed = parse_document(GUIDE, "guide.txt", "3" * 64)
    body = " ".join(c.text for c in parsed.chunks if c.kind == "body")
    assert "khổ giấy A4" in body and "Nơi nhận văn bản xác định" in body
    assert "Mẫu trình bày tên cơ quan" in body
    assert parsed.meta.recipients == ("Các chi bộ trực thuộc", "Lưu Văn phòng")
    assert parsed.meta.signer == "Lê Văn Hòa"
    assert "Lê Văn Hòa" not in body


def test_a_page_loading_message_is_furniture() -> None:
    lines = ["Đang tải nội dung, vui lòng chờ giây lát...", "Đang tải...", "KẾ HOẠCH"]
    assert drop_web_furniture(lines) == ["KẾ HOẠCH"]
    kept = "Đang tải lên cổng thông tin các bài viết về tác phẩm."
    assert drop_web_furniture([kept]) == [kept]


def test_a_roman_numbered_section_after_the_recipients_is_body_again() -> None:
    text = GUIDE.replace("PHỤ LỤC\n", "II. TỔ CHỨC THỰC HIỆN\n")
    parsed = parse_document(text, "guide.txt", "4" * 64)
    body = " ".join(c.text for c in parsed.chunks if c.kind == "body")
    assert "TỔ CHỨC THỰC HIỆN" in body and "Mẫu trình bày tên cơ quan" in body
    assert parsed.meta.recipients == ("Các chi bộ trực thuộc", "Lưu Văn phòng")


def test_a_letter_has_a_header_up_to_its_addressees_and_a_title_from_its_subject() -> None:
    """A công văn names no type on a line of its own: its number line, subject and date are
    its header, and a number it cites ("Thực hiện Công văn số 218 …") is not its own."""
    document = parse_document(LETTER, "cong_van.txt", "0" * 64)
    meta = document.meta
    assert meta.number == "52-CV/BTGHU"
    assert meta.date == "12/8/2024"
    assert meta.title == "Công văn gửi tài liệu sinh hoạt chi bộ tháng 9"
    header = next(c.text for c in document.chunks if c.kind == HEADER)
    assert "ngày 12 tháng 8 năm 2024" in header and "Số 52-CV/BTGHU" in header
    body = " ".join(c.text for c in document.chunks if c.kind == "body")
    assert "Số 52-CV/BTGHU" not in body and "Thực hiện Công văn số 218-CV/BTGTU" in body


def test_a_number_cited_in_the_title_is_not_the_documents_own() -> None:
    """ "KẾ HOẠCH TUYÊN TRUYỀN CHỈ THỊ SỐ 32-CT/TW" names the directive, not the plan; a number
    on its own ("Số 5-KH/CB") is the plan's."""
    title = "KẾ HOẠCH\nTUYÊN TRUYỀN CHỈ THỊ SỐ 32-CT/TW\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n"
    assert parse_document(title, "ct32.txt", "4" * 64).meta.number is None
    numbered = "Số 5-KH/CB\n" + title
    assert parse_document(numbered, "kh5.txt", "5" * 64).meta.number == "5-KH/CB"


def test_a_sentence_opening_with_a_purpose_starts_the_body() -> None:
    """ "Để …" opens the first paragraph: it is not part of the title above it (while a
    title "ĐỀ CƯƠNG …" folds alike and stays one)."""
    text = (
        "HƯỚNG DẪN HỌC TẬP CHUYÊN ĐỀ CỦA CHI BỘ THÔN 5\n"
        "Để đảng viên nắm vững chủ trương về chuyển đổi số, chi bộ tổ chức học tập.\n"
        "1. Chi ủy phân công đảng viên chuẩn bị nội dung.\n"
    )
    meta = parse_document(text, "chuyen_de.txt", "0" * 64).meta
    assert meta.title == "Hướng dẫn học tập chuyên đề của chi bộ thôn 5"
    outline = "ĐỀ CƯƠNG\nĐề cương tuyên truyền kỷ niệm ngày thành lập Đảng\n1. Mở đầu\n"
    assert "Đề cương tuyên truyền" in parse_document(outline, "dc.txt", "1" * 64).meta.title


def test_a_sentence_that_gives_an_email_address_is_content() -> None:
    """Only a short line with an address is part of a digital signature; a sentence asking
    for reports "qua email: …" stays in the body, with its deadline."""
    document = parse_document(LETTER, "cong_van.txt", "0" * 64)
    body = " ".join(c.text for c in document.chunks if c.kind == "body")
    assert "trước ngày 30/9/2024, qua email" in body
    assert not [c for c in document.chunks if c.kind == E_SIGNATURE]
    signed = LETTER + "Người ký: Lò Văn Hải\nEmail: lvhai@hoabinh.gov.vn\n"
    signature = parse_document(signed, "cong_van.txt", "0" * 64).chunks
    assert "lvhai@hoabinh.gov.vn" in next(c.text for c in signature if c.kind == E_SIGNATURE)


def test_a_state_documents_number_is_read_number_first() -> None:
    """A state document writes its number first, then its type and issuer ("07/CTr-UBND");
    the issuer comes from that last code, and a state number it cites is not its own."""
    meta = parse_document(STATE_PROGRAMME, "ctr07.txt", "6" * 64).meta
    assert meta.number == "07/CTr-UBND"
    assert meta.date == "9/2/2021"
    assert meta.issuer == "Ủy ban nhân dân Hòa An"
    spaced = STATE_PROGRAMME.replace("Số: 07/CTr-UBND", "Số: 07 / CTr - UBND")
    assert parse_document(spaced, "ctr.txt", "6" * 64).meta.number == "07/CTr-UBND"
    cited_only = STATE_PROGRAMME.replace("Số: 07/CTr-UBND\n", "").replace(
        "PHỔ BIẾN PHÁP LUẬT NĂM 2021", "THỰC HIỆN NGHỊ QUYẾT SỐ 15/NQ-CP"
    )
    assert parse_document(cited_only, "ctr.txt", "7" * 64).meta.number is None


def test_the_body_that_acts_in_the_preamble_issued_the_document() -> None:
    """A guide copied from the web keeps no header: its preamble names who issues it. A body
    named "của …" issued the document cited, not this one; a central body takes no province."""
    guide = (
        "HƯỚNG DẪN\nVIẾT BÀI THU HOẠCH CỦA ĐẢNG VIÊN\n"
        "Thực hiện Quy định số 9-QĐ/TW, ngày 02/3/2020 của Ban Bí thư Trung ương Đảng đề ra "
        "yêu cầu chung, Văn phòng Trung ương Đảng hướng dẫn như sau:\n"
        "1. Bài thu hoạch viết tay, nộp cho chi bộ trước tỉnh Bến Tre.\n"
    )
    assert parse_document(guide, "hd.txt", "8" * 64).meta.issuer == "Văn phòng Trung ương Đảng"
    letter = (
        "Thực hiện Công văn số 12-CV/BTGTU của Ban Tuyên giáo Thành ủy đề nghị tuyên truyền sách "
        "điện tử;\nĐể tập sách được sử dụng hiệu quả, Ban Tuyên giáo Quận ủy đề nghị các đơn vị "
        "thực hiện một số nội dung sau:\n1. Giới thiệu tập sách đến đảng viên.\n"
    )
    assert parse_document(letter, "cv.txt", "9" * 64).meta.issuer == "Ban Tuyên giáo Quận ủy"


def test_a_signer_is_asked_as_a_person_not_as_the_issuing_body() -> None:
    for asked in ("Ai ký kế hoạch này?", "Kế hoạch do đồng chí nào ký?", "người ký văn bản là ai"):
        assert asks_signer(fold(asked)), asked
    for asked in ("Cơ quan nào ký ban hành kế hoạch?", "Ai học trong học kỳ 2?", "Ai chủ trì?"):
        assert not asks_signer(fold(asked)), asked


def test_the_issuing_body_is_asked_apart_from_tasks_and_signers() -> None:
    for asked in (
        "Kế hoạch 41 do cơ quan nào ban hành?",
        "ke hoach hoc tap chuyen de la do co quan nao ra",
        "Ai ban hành kế hoạch học tập chuyên đề?",
        "Văn bản hướng dẫn này là của cơ quan nào vậy?",
        "Cơ quan ban hành kế hoạch này là gì?",
        "Nghị quyết 5 được ban hành bởi cơ quan nào?",
    ):
        assert asks_issuer(fold(asked)), asked
    for asked in (
        "Cơ quan nào được giao xây dựng chuyên trang?",  # a task the plan assigns
        "Cơ quan nào chủ trì theo dõi việc học tập?",
        "Kế hoạch 41 do đồng chí nào ký ban hành?",  # a person: asks_signer
        "Kế hoạch 41 ban hành ngày nào?",
        "Cơ quan nào đề ra nhiệm vụ này?",
        "Cơ quan ban hành kế hoạch này giao nhiệm vụ gì?",
    ):
        assert not asks_issuer(fold(asked)), asked


def test_a_news_page_keeps_its_article_and_drops_the_site_around_it() -> None:
    """A news page copied whole: menus whose items carry a dash, the login links, the font-size
    control, the category, and the titles listed under "Tin liên quan" are the site, not the
    article; the article's title is a paragraph of its own, not glued to its first sentence."""
    page = "\n".join(
        [
            "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản | Liên hệ",
            "Đăng nhập | Đăng ký",
            "Tin tức - Sự kiện",
            "Đảng ủy phường Tân Mai sơ kết công tác đảng viên quý III năm 2025",
            "Cỡ chữ: A- A A+ | In bài | Chia sẻ",
            "Chiều 3/10, Đảng ủy phường Tân Mai tổ chức hội nghị sơ kết quý III năm 2025.",
            "Trong quý, Đảng ủy kết nạp 9 đảng viên mới.",
            "Tin liên quan",
            "Phường Tân Mai ra quân làm sạch môi trường",
            "Hội nghị Ban Chấp hành Đảng bộ phường lần thứ 12",
            "Bản quyền thuộc Đảng ủy phường Tân Mai.",
        ]
    )
    parsed = parse_document(page, "tin.txt", "b" * 64)
    title = "Đảng ủy phường Tân Mai sơ kết công tác đảng viên quý III năm 2025"
    assert parsed.meta.title == title
    paragraphs = "\n".join(c.text for c in parsed.chunks).split("\n")
    assert paragraphs[0] == title
    assert paragraphs[1].startswith("Chiều 3/10")
    text = "\n".join(paragraphs)
    for furniture in ("Trang chủ", "Đăng nhập", "Tin tức", "Cỡ chữ", "ra quân", "lần thứ 12"):
        assert furniture not in text
    assert "kết nạp 9 đảng viên mới" in text


def test_a_related_list_ends_where_prose_starts() -> None:
    lines = [
        "Bài viết khác",
        "Hội nghị tổng kết năm 2024",
        "Chi bộ thôn Đông sinh hoạt chuyên đề quý I. Chi bộ đề nghị đảng viên đọc tài liệu.",
    ]
    assert drop_web_furniture(lines) == [lines[2]]


def test_the_issuer_is_read_from_the_header_when_nothing_else_names_it() -> None:
    """No number suffix or preamble names the body: the header does, on one line or two."""
    cases = (
        ("BAN TUYÊN GIÁO TỈNH ỦY HÒA AN\nHòa An, ngày 6 tháng 1 năm 2025\nĐỀ CƯƠNG\nkỷ niệm",
         "Ban Tuyên giáo Tỉnh ủy Hòa An"),
        ("HUYỆN ỦY MAI SƠN\nBAN DÂN VẬN\nMai Sơn, ngày 1 tháng 2 năm 2025\nHƯỚNG DẪN\nsinh hoạt",
         "Ban Dân vận Huyện ủy Mai Sơn"),
        ("TỈNH ỦY HÒA AN\n*\nHòa An, ngày 6 tháng 1 năm 2025\nTHÔNG BÁO\nvề lịch học",
         "Tỉnh ủy Hòa An"),
    )  # fmt: skip
    for header, issuer in cases:
        text = f"{header}\nI. NỘI DUNG\nCác chi bộ học tập đầy đủ."
        assert parse_document(text, "x.txt", "c" * 64).meta.issuer == issuer, header
    # A news title that opens with a committee's name is not a header in capitals.
    news = "Huyện ủy Mai Sơn sơ kết công tác 6 tháng đầu năm\nSáng 14/7, hội nghị đã diễn ra."
    assert parse_document(news, "tin.txt", "c" * 64).meta.issuer is None


def test_lines_that_open_like_page_controls_but_say_something_are_kept() -> None:
    lines = ["Có chủ trương tổ chức học tập cho đảng viên mới", "Ngày đăng ký dự lớp: 20/5/2025."]
    assert drop_web_furniture(["Cỡ chữ: A- A A+", "Ngày đăng: 15/07/2025", *lines]) == lines


def test_the_province_a_headerless_plan_names_is_read_across_a_line_break() -> None:
    """A plan without a header is placed by the province it names; a PDF may break the line
    between "tỉnh" and the name. A capital after a break ("tỉnh" / "Chỉ đạo …") is no name."""
    plan = (
        "KẾ HOẠCH\ntổ chức học tập chuyên đề năm 2025\n"
        "Thực hiện Hướng dẫn số 12-HD/BTGTW, Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n1. Các cấp ủy trong toàn tỉnh\nChỉ đạo học tập nghiêm túc, đầy đủ.\n"
        "2. Tuyên truyền thành tựu của tỉnh\nBến Tre sau 50 năm giải phóng và của tỉnh\n"
        "Bến Tre trong công cuộc đổi mới.\n"
    )
    meta = parse_document(plan, "kh.pdf", "5" * 64).meta
    assert meta.issuer == "Ban Thường vụ Tỉnh ủy Bến Tre", meta.issuer


def test_a_header_whose_two_columns_share_lines_is_read_column_by_column() -> None:
    """A PDF gives a header's two columns on shared lines; the committee, number, place and
    date are read as from separate lines, and a sentence quoting the motto stays whole."""
    plan = (
        "ĐẢNG BỘ TỈNH BẾN TRE ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "HUYỆN ỦY CHÂU THÀNH Châu Thành, ngày 05 tháng 3 năm 2025\n"
        "*\n"
        "Số 41-KH/HU\n"
        "KẾ HOẠCH\nhọc tập chuyên đề năm 2025\n"
        "Thực hiện Hướng dẫn số 12-HD/BTGTW, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:\n"
        'I. MỤC ĐÍCH\nTiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM" được trình bày ở góc phải trang đầu.\n'
    )
    parsed = parse_document(plan, "kh41.pdf", "6" * 64)
    meta = parsed.meta
    assert (meta.number, meta.date, meta.place) == ("41-KH/HU", "5/3/2025", "Châu Thành")
    assert meta.issuer == "Ban Thường vụ Huyện ủy Châu Thành", meta.issuer
    body = " ".join(c.text for c in parsed.chunks if c.kind == "body")
    assert 'Tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM" được trình bày ở góc phải trang đầu.' in body


def test_recipients_and_signature_side_by_side_are_told_apart() -> None:
    """A PDF gives the recipients (left) and the signature block (right) on shared lines: the
    role and the signer's name are read off the recipients' lines, and the list ends with its
    full stop (what follows is no recipient)."""
    body = KIM_BOI_PLAN[: KIM_BOI_PLAN.index("Nơi nhận:")]
    tail = (
        "Nơi nhận: T/M BAN THƯỜNG VỤ\n"
        "- Ban Tuyên giáo Tỉnh ủy (b/c), PHÓ BÍ THƯ\n"
        "- Đảng ủy Khối Cơ quan, Doanh nghiệp tỉnh,\n"
        "- Các chi bộ trực thuộc, Bùi Thị Hạnh\n"
        "- Lưu VP.\n"
        "TỈNH ỦY HÒA BÌNH\n"
    )
    meta = parse_document(body + tail, "kh.pdf", "7" * 64).meta
    assert meta.signer == "Bùi Thị Hạnh"
    assert meta.signer_title == "T/M Ban Thường vụ, Phó Bí thư"
    assert meta.recipients == (
        "Ban Tuyên giáo Tỉnh ủy (b/c)",
        "Đảng ủy Khối Cơ quan, Doanh nghiệp tỉnh",
        "Các chi bộ trực thuộc",
        "Lưu VP",
    )


def test_header_fields_a_narrow_column_broke_over_two_lines_are_read_whole() -> None:
    """A web page's table or a narrow column breaks "Số: 16 -" / "HD/BTCTW" and "Hà Nội,
    ngày" / "24 tháng 9 …"; a title set in capitals goes on over its lines."""
    guide = (
        "BAN CHẤP HÀNH\nTRUNG ƯƠNG\nBAN TỔ CHỨC\n|\nĐẢNG CỘNG SẢN\nVIỆT NAM\n|\n"
        "Số: 23 -\nHD/BTCTW\n|\nHà Nội, ngày\n9 tháng 10 năm 2025\n|\n"
        "HƯỚNG DẪN\nBẦU CỬ TRONG ĐẢNG VÀ\nCÔNG TÁC NHÂN SỰ CẤP CƠ SỞ\n"
        "Thực hiện Quy định số 40-QĐ/TW, Ban Tổ chức Trung ương hướng dẫn như sau:\n"
        "I. YÊU CẦU\nCác chi bộ thực hiện đúng quy trình.\n"
    )
    meta = parse_document(guide, "hd23.txt", "7" * 64).meta
    assert (meta.number, meta.date) == ("23-HD/BTCTW", "9/10/2025")
    assert meta.title == "Hướng dẫn BẦU CỬ TRONG ĐẢNG VÀ CÔNG TÁC NHÂN SỰ CẤP CƠ SỞ", meta.title


def test_a_type_spelled_letter_by_letter_and_an_issuer_code_with_u_horn_are_read() -> None:
    """ "K Ế T L U Ậ N" (or OCR's "K ÉT LUẬN") is the document's type; "KL/TƯ" its number."""
    conclusion = (
        "TỈNH ỦY HÒA AN\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 318-KL/TƯ\n"
        "Hòa An, ngày 2 tháng 6 năm 2025\nK ÉT LUẬN\nvề phát triển hạ tầng nông thôn\n"
        "Thực hiện Nghị quyết số 05-NQ/TU, Ban Thường vụ Tỉnh ủy kết luận như sau:\n"
        "1. Các huyện hoàn thành đường giao thông liên xã trong năm 2026.\n"
    )
    meta = parse_document(conclusion, "kl318.txt", "8" * 64).meta
    assert meta.number == "318-KL/TƯ"
    assert meta.title == "Kết luận về phát triển hạ tầng nông thôn", meta.title


def test_a_rule_of_dashes_under_the_motto_is_not_joined_to_the_date() -> None:
    """ "---------------" ends with a dash, not with a broken field: the place stays a place."""
    from knowledge.metadata import read_header

    lines = ["HUYỆN ỦY MAI SƠN", "ĐẢNG CỘNG SẢN VIỆT NAM", "---------------"]
    lines += ["Mai Sơn, ngày 1 tháng 2 năm 2025", "Số 41-KH/HU", "KẾ HOẠCH", "học tập"]
    header = read_header([*lines, "Thực hiện Hướng dẫn số 12-HD/BTGTW"])
    assert (header.place, header.date, header.number) == ("Mai Sơn", "1/2/2025", "41-KH/HU")
