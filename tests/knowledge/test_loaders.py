import io
import unicodedata

import pytest

from bot.settings import PROJECT_ROOT
from bot.texts.knowledge import describe
from knowledge.loaders import decode_text, load_text
from knowledge.types import KnowledgeError
from tests.auxil.documents import pdf_bytes


def cp1258(text: str) -> bytes:
    """How Windows-1258 stores Vietnamese: vowel letters precomposed, tone marks combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out, pending_tones = [], []
    for char in unicodedata.normalize("NFD", text) + " ":
        if char in tones:
            pending_tones.append(char)
        elif unicodedata.combining(char):
            out[-1] = unicodedata.normalize("NFC", out[-1] + char)
        else:
            out.extend(pending_tones)
            pending_tones = []
            out.append(char)
    return "".join(out[:-1]).encode("cp1258")


TEXT = "Kế hoạch số 172-KH/HU về đợt sinh hoạt chính trị của Huyện ủy Di Linh."
LIMIT = 1024 * 1024
CORPUS = PROJECT_ROOT / "knowledge" / "corpus"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
        cp1258(TEXT),  # legacy Windows Vietnamese (decomposed tones)
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1258"],
)
def test_text_encodings(data: bytes) -> None:
    from knowledge.textnorm import nfc

    assert nfc(load_text(data, "kh.txt", LIMIT)).strip() == TEXT


def test_docx_paragraphs_and_header_table() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "HUYỆN ỦY DI LINH"
    table.rows[0].cells[1].text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    document.add_paragraph(TEXT)
    buffer = io.BytesIO()
    document.save(buffer)
    text = load_text(buffer.getvalue(), "kh.docx", LIMIT)
    assert TEXT in text and "HUYỆN ỦY DI LINH" in text


def test_docx_tables_in_reading_order_and_a_schedule_one_line_per_entry() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("II. LỊCH SINH HOẠT")
    rows = [
        ("Thời gian", "Nội dung", "Đơn vị thực hiện"),
        ("Ngày 15/3/2025", "Quán triệt Chỉ thị", "Ban Tuyên giáo Đảng ủy"),
        ("Ngày 22/3/2025", "Thảo luận tại chi bộ", "Các chi bộ trực thuộc"),
    ]
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = load_text(buffer.getvalue(), "lich.docx", LIMIT).split("\n")
    entry = (
        "Thời gian: Ngày 22/3/2025; Nội dung: Thảo luận tại chi bộ; Đơn vị thực hiện: Các chi bộ"
    )
    assert lines[0] == "II. LỊCH SINH HOẠT" and lines[-1] == "III. TỔ CHỨC THỰC HIỆN"
    assert any(line.startswith(entry) for line in lines[1:-1])


def test_pdf_text_layer() -> None:
    text = load_text(
        pdf_bytes("Ke hoach so 12-KH/TU trien khai sinh hoat chinh tri"), "a.pdf", LIMIT
    )
    assert "12-KH/TU" in text


def test_encrypted_pdf_is_refused() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(pdf_bytes("Ke hoach so 12-KH/TU trien khai"))).pages[0])
    writer.encrypt(user_password="mat-khau", owner_password="chu")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(KnowledgeError) as caught:
        load_text(buffer.getvalue(), "secret.pdf", LIMIT)
    assert "mật khẩu" in describe(caught.value)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "rỗng"),
        (b"   \n  ", "blank.md", "rỗng"),
        (b"MZ\x90\x00binary", "tool.exe", "Không hỗ trợ"),
        (b"%PDF-1.4 this is not really a pdf", "broken.pdf", "hỏng"),
        (b"PK\x03\x04not a zip at all", "broken.docx", "hỏng"),
        (bytes(range(256)) * 20, "noise.txt", "hỏng"),
        (b"x" * (LIMIT + 1), "big.txt", "quá lớn"),
    ],
)
def test_bad_files_get_one_line_message(data: bytes, name: str, message: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        load_text(data, name, LIMIT)
    said = describe(caught.value)
    assert message in said and "\n" not in said


def test_ascii_in_utf16_without_bom_is_not_taken_for_utf8() -> None:
    plain = "Ke hoach so 12-KH/TU trien khai sinh hoat chinh tri"
    assert decode_text(plain.encode("utf-16-le"), "a.txt") == plain


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_whole_documents_in_windows_1258_read_back(name: str) -> None:
    from knowledge.textnorm import nfc

    text = (CORPUS / name).read_text(encoding="utf-8")
    assert nfc(decode_text(cp1258(text), name)) == nfc(text)


def test_decode_rejects_nothing_it_can_read() -> None:
    assert decode_text("Chi bộ".encode(), "a.txt") == "Chi bộ"


def test_a_schedule_keeps_its_empty_columns_and_reads_a_merged_cell_once() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    values = [
        ("Thời gian", "Nội dung", "Ghi chú"),
        ("Ngày 1/3", "Học tập", ""),
        ("Ngày 8/3", "", ""),
    ]
    for row, cells in zip(table.rows, values, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    header = document.add_table(rows=1, cols=2)
    merged = header.rows[0].cells[0].merge(header.rows[0].cells[1])
    merged.text = "ĐẢNG BỘ TỈNH LẠNG SƠN"
    buffer = io.BytesIO()
    document.save(buffer)
    assert load_text(buffer.getvalue(), "lich.docx", LIMIT).split("\n") == [
        "Thời gian: Ngày 1/3; Nội dung: Học tập.",
        "Thời gian: Ngày 8/3.",
        "ĐẢNG BỘ TỈNH LẠNG SƠN",
    ]


def test_a_header_table_of_several_rows_is_not_a_schedule() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    cells = [
        ("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("HUYỆN ỦY DI LINH", "Di Linh, ngày 24 tháng 4 năm 2024"),
        ("Số 172-KH/HU", ""),
    ]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    lines = load_text(buffer.getvalue(), "kh.docx", LIMIT).split("\n")
    assert "Di Linh, ngày 24 tháng 4 năm 2024" in lines and "Số 172-KH/HU" in lines
