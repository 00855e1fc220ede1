"""A .docx reads as its page shows: Word's automatic numbering, content controls, fields,
tracked changes and text boxes."""

import io
from typing import Any

from knowledge.limits import ParseLimits
from knowledge.loaders import load_text

LIMIT = 5 * 2**20
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# An outline as a typist sets it up: "I." / "1." / "1.1." / "a)", and a dash bullet list.
OUTLINE = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="12">
 <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1{"x" * 5000}"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="12"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="10"/>
 <w:lvlOverride w:ilvl="3"><w:startOverride w:val="999999999"/></w:lvlOverride></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="10"/>
 <w:lvlOverride w:ilvl="1"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""


def _numbered(document: Any, text: str, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml

    paragraph = document.add_paragraph(text)
    numbering = f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    paragraph._p.get_or_add_pPr().append(parse_xml(numbering))


def _with_outline() -> Any:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    document = docx.Document()
    part = document.part.part_related_by(RT.NUMBERING)
    part._element = parse_xml(OUTLINE)  # type: ignore[attr-defined]
    return document


def _read(document: Any) -> list[str]:
    buffer = io.BytesIO()
    document.save(buffer)
    return load_text(buffer.getvalue(), "kh.docx", LIMIT, ParseLimits()).split("\n")


def test_an_outline_numbered_by_word_reads_as_typed() -> None:
    document = _with_outline()
    document.add_paragraph("KẾ HOẠCH")
    _numbered(document, "MỤC ĐÍCH, YÊU CẦU", 1, 0)
    _numbered(document, "Mục đích", 1, 1)
    _numbered(document, "Nâng cao nhận thức.", 1, 2)
    _numbered(document, "Tạo đồng thuận.", 1, 2)
    _numbered(document, "Yêu cầu", 1, 1)
    _numbered(document, "Cấp ủy chủ trì.", 1, 3)
    _numbered(document, "Chi bộ thực hiện.", 1, 3)
    _numbered(document, "TỔ CHỨC THỰC HIỆN", 1, 0)
    _numbered(document, "Ban Tuyên giáo", 1, 1)  # starts again under "II."
    _numbered(document, "Hướng dẫn các chi bộ;", 2, 0)
    _numbered(document, "tổng hợp kết quả.", 2, 1)
    assert _read(document) == [
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "1.1. Nâng cao nhận thức.",
        "1.2. Tạo đồng thuận.",
        "2. Yêu cầu",
        "a) Cấp ủy chủ trì.",
        "b) Chi bộ thực hiện.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Ban Tuyên giáo",
        "- Hướng dẫn các chi bộ;",
        "+ tổng hợp kết quả.",
    ]


def test_a_list_started_at_another_number_keeps_it() -> None:
    document = _with_outline()
    _numbered(document, "Nhiệm vụ", 1, 0)
    _numbered(document, "Tuyên truyền", 3, 1)  # the typist made this list start at 4
    _numbered(document, "Kiểm tra", 3, 1)
    document.add_paragraph("Không đánh số.")
    assert _read(document) == ["I. Nhiệm vụ", "4. Tuyên truyền", "5. Kiểm tra", "Không đánh số."]


def test_a_numbered_style_numbers_its_paragraphs() -> None:
    import docx

    document = docx.Document()  # the template's "List Number" and "List Bullet" carry numbering
    document.add_paragraph("Học tập", style="List Number")
    document.add_paragraph("Thảo luận", style="List Number")
    document.add_paragraph("gắn với thực tiễn", style="List Bullet")
    assert _read(document) == ["1. Học tập", "2. Thảo luận", "- gắn với thực tiễn"]


def test_numbering_that_points_nowhere_adds_nothing() -> None:
    document = _with_outline()
    _numbered(document, "Số không tồn tại", 99, 0)
    _numbered(document, "Bỏ đánh số", 0, 0)  # numId 0: numbering switched off
    _numbered(document, "Cấp không định nghĩa", 1, 7)
    _numbered(document, "Nhãn dài bất thường", 4, 0)  # not repeated before the paragraph
    _numbered(document, "Chữ cái thứ một tỉ", 5, 3)  # "a)" counted that far is a number
    document.add_paragraph("")
    assert _read(document) == [
        "Số không tồn tại",
        "Bỏ đánh số",
        "Cấp không định nghĩa",
        "Nhãn dài bất thường",
        "999999999) Chữ cái thứ một tỉ",
        "",
    ]


def test_a_document_without_numbering_reads_its_text_only() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("1. Đã gõ sẵn số.")
    document.add_paragraph("- Đã gõ gạch đầu dòng.")
    assert _read(document) == ["1. Đã gõ sẵn số.", "- Đã gõ gạch đầu dòng."]


def _raw(document: Any, xml: str) -> None:
    """Append body XML as Word writes it (content controls, tracked changes, text boxes)."""
    from docx.oxml import parse_xml

    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))  # before the section properties


def test_words_in_content_controls_fields_and_insertions_are_read() -> None:
    import docx

    document = docx.Document()
    _raw(
        document,
        f'<w:p {W}><w:r><w:t xml:space="preserve">Số </w:t></w:r>'
        "<w:sdt><w:sdtContent><w:r><w:t>172-KH/HU</w:t></w:r></w:sdtContent></w:sdt>"
        '<w:smartTag w:element="place"><w:r><w:t xml:space="preserve">, Di Linh</w:t></w:r>'
        "</w:smartTag>"
        '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> ngày 24</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="A"><w:r><w:delText> ngày 23</w:delText></w:r></w:del>'
        '<w:fldSimple w:instr="PAGE"><w:r><w:t xml:space="preserve"> (trang 1)</w:t></w:r>'
        "</w:fldSimple></w:p>",
    )
    # A block-level content control holding whole paragraphs (a template's "Mục đích" field).
    _raw(
        document,
        f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>I. MỤC ĐÍCH</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Nâng cao nhận thức.</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    )
    assert _read(document) == [
        "Số 172-KH/HU, Di Linh ngày 24 (trang 1)",
        "I. MỤC ĐÍCH",
        "Nâng cao nhận thức.",
    ]


def test_a_text_box_is_read_once_after_its_paragraph() -> None:
    import docx

    document = docx.Document()
    wps = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = "<w:txbxContent><w:p><w:r><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r></w:p></w:txbxContent>"
    _raw(
        document,
        f"<w:p {W} {wps} {mc}><w:r><w:t>HUYỆN ỦY DI LINH</w:t></w:r>"
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx>'
        f"</mc:Choice><mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>",
    )
    assert _read(document) == ["HUYỆN ỦY DI LINH", "ĐẢNG CỘNG SẢN VIỆT NAM"]
