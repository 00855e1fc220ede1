"""Documents typed in the legacy fonts, TCVN3 (.VnTime, .VnTimeH) and VNI (VNI-Times), read as
Unicode Vietnamese."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.wiring import Services
from knowledge.legacy_fonts import from_legacy, from_tcvn3, from_vni, looks_tcvn3
from knowledge.limits import ParseLimits
from knowledge.loaders import load_text
from knowledge.textnorm import fold
from tests.auxil.services import make_settings

LIMIT = 5 * 2**20
# A plan as a .VnTime document holds it: the TCVN3 codes read as Latin-1 (the title line in
# .VnTimeH, whose capitals use the small letters' codes); "\xad" is the letter "ư".
PLAN_TCVN3 = (
    "TØNH ñY B¾C S¬N\n"
    "Sè 27-KH/TU\n"
    "KÕ ho¹ch häc tËp chuyªn ®Ò n¨m 2025\n"
    "1. Môc ®Ých\n"
    "Gióp c¸n bé, ®¶ng viªn n¾m v÷ng néi dung chuyªn ®Ò vÒ thùc hµnh tiÕt kiÖm.\n"
    "2. Thêi gian\n"
    "C¸c chi bé hoµn thµnh viÖc häc tËp chuyªn ®Ò tr\xadíc ngµy 30 th¸ng 6 n¨m 2025.\n"
    "3. Tæ chøc thùc hiÖn\n"
    "Ban Tuyªn gi¸o TØnh ñy theo dâi, ®«n ®èc vµ tæng hîp kÕt qu¶, b¸o c¸o Ban Th\xadêng vô "
    "TØnh ñy.\n"
)
PLAN_UNICODE = (
    "TỈNH ỦY BẮC SƠN\n"
    "Số 27-KH/TU\n"
    "Kế hoạch học tập chuyên đề năm 2025\n"
    "1. Mục đích\n"
    "Giúp cán bộ, đảng viên nắm vững nội dung chuyên đề về thực hành tiết kiệm.\n"
    "2. Thời gian\n"
    "Các chi bộ hoàn thành việc học tập chuyên đề trước ngày 30 tháng 6 năm 2025.\n"
    "3. Tổ chức thực hiện\n"
    "Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc và tổng hợp kết quả, báo cáo Ban Thường vụ "
    "Tỉnh ủy.\n"
)


# The same plan typed in VNI-Times: a vowel and its marks as two bytes ("hoaïch", "Ñaûng"),
# "i" and "y" with one ("Tæ", "Óy"), "ô" and "ö" for "ơ" and "ư".
PLAN_VNI = (
    "TÆNH UÛY BAÉC SÔN\n"
    "Soá 27-KH/TU\n"
    "Keá hoaïch hoïc taäp chuyeân ñeà naêm 2025\n"
    "1. Muïc ñích\n"
    "Giuùp caùn boä, ñaûng vieân naém vöõng noäi dung chuyeân ñeà veà thöïc haønh tieát kieäm.\n"
    "2. Thôøi gian\n"
    "Caùc chi boä hoaøn thaønh vieäc hoïc taäp chuyeân ñeà tröôùc ngaøy 30 thaùng 6 naêm 2025.\n"
    "3. Toå chöùc thöïc hieän\n"
    "Ban Tuyeân giaùo Tænh uûy theo doõi, ñoân ñoác vaø toång hôïp keát quaû, baùo caùo Ban "
    "Thöôøng vuï Tænh uûy.\n"
)


def test_a_text_typed_in_tcvn3_reads_as_unicode_capitals_line_included() -> None:
    assert from_tcvn3(PLAN_TCVN3) == PLAN_UNICODE
    assert from_legacy(PLAN_TCVN3) == PLAN_UNICODE  # not read as VNI, whose marks overlap


def test_a_text_typed_in_vni_reads_as_unicode() -> None:
    assert from_vni(PLAN_VNI) == PLAN_UNICODE
    assert from_legacy(PLAN_VNI) == PLAN_UNICODE  # not read as TCVN3


def test_a_text_file_in_vni_bytes_is_decoded_and_converted() -> None:
    text = load_text(PLAN_VNI.encode("cp1252"), "kh.txt", LIMIT, ParseLimits())
    assert text.strip() == PLAN_UNICODE.strip()


def test_unicode_lines_of_a_partly_converted_document_are_kept() -> None:
    """A document edited later in Unicode: its Unicode lines, "§" and all, stay as they are."""
    added = "Điều chỉnh: thời gian kéo dài đến quý III (xem § 2), tỷ lệ ≥ 95%."
    mixed = PLAN_TCVN3 + added
    assert from_tcvn3(mixed) == PLAN_UNICODE + added


@pytest.mark.parametrize(
    "text",
    [
        PLAN_UNICODE,
        "Kích thước 2 × 3 m, giá 5.000 đ · nhãn hiệu ® · điều § 4",  # a few stray marks
        "Tài liệu tiếng Anh: naïve, façade, Ørsted, Zürich, Straße.",
    ],
)
def test_unicode_text_is_left_alone(text: str) -> None:
    assert not looks_tcvn3(text)
    assert from_tcvn3(text) == text
    assert from_legacy(text) == text


def test_a_text_file_in_tcvn3_bytes_is_decoded_and_converted() -> None:
    text = load_text(PLAN_TCVN3.encode("latin-1"), "kh.txt", LIMIT, ParseLimits())
    assert text.strip() == PLAN_UNICODE.strip()


def _tcvn3_docx() -> bytes:
    """The plan typed in Word with .VnTime: the letter "ư" of "Thường" as Word's soft hyphen
    element, as Word writes a soft hyphen typed in a run."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for line in PLAN_TCVN3.strip("\n").split("\n"):
        if "Th\xadêng" not in line:
            document.add_paragraph(line)
            continue
        before, after = line.split("Th\xadêng")
        paragraph = document.add_paragraph(before + "Th")
        run = paragraph.add_run()
        run._r.append(OxmlElement("w:softHyphen"))
        paragraph.add_run("êng" + after)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_typed_in_tcvn3_reads_as_unicode() -> None:
    text = load_text(_tcvn3_docx(), "kh.docx", LIMIT, ParseLimits())
    assert "Ban Thường vụ Tỉnh ủy" in text and "trước ngày 30 tháng 6 năm 2025" in text, text
    assert "TỈNH ỦY BẮC SƠN" in text


@pytest.mark.parametrize("name", ["kh_vntime.txt", "kh_vntime.docx", "kh_vni.txt"])
def test_a_question_typed_in_unicode_is_answered_from_a_legacy_font_document(
    tmp_path: Path, name: str
) -> None:
    document = tmp_path / name
    if name.endswith(".docx"):
        data = _tcvn3_docx()
    else:
        data = (PLAN_VNI if "vni" in name else PLAN_TCVN3).encode("cp1252")
    document.write_bytes(data)
    services = Services(make_settings(tmp_path / "data"))
    report = services.library.ingest_path(document)
    assert report.status == "added"
    answer = services.qa.ask("Các chi bộ phải hoàn thành học tập chuyên đề trước ngày nào?")
    assert answer.grounded, answer.text
    assert "30 thang 6 nam 2025" in fold(answer.text), answer.text
    assert answer.sources[0].number == "27-KH/TU", answer.sources[0]
