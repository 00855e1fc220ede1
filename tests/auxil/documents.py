"""Documents written for tests: plans as text, .docx packages (good and hostile), a tiny PDF."""

from __future__ import annotations

import io
import struct
import zipfile

# Plan 55-KH/HU of Đức Trọng: tree planting (the library, ingest and hostile-file tests).
DUC_TRONG_PLAN = """HUYỆN ỦY ĐỨC TRỌNG
Số 55-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Đức Trọng, ngày 3 tháng 5 năm 2024

KẾ HOẠCH
về học tập chuyên đề trồng cây xanh

I. MỤC ĐÍCH, YÊU CẦU
1. Mỗi chi bộ trồng ít nhất 50 cây sao đen dọc đường liên thôn.
2. Đảng viên nhận chăm sóc cây xanh trước cửa nhà.
II. TỔ CHỨC THỰC HIỆN
1. Các chi bộ báo cáo kết quả trồng cây trước ngày 30/6/2024.
"""

# Plan 41-KH/HU of Kim Bôi, with recipients, a signature block and a digital signature.
KIM_BOI_PLAN = """ĐẢNG BỘ TỈNH HÒA BÌNH
HUYỆN ỦY KIM BÔI
*
ĐẢNG CỘNG SẢN VIỆT NAM
Kim Bôi, ngày 5 tháng 3 năm 2025
Số 41-KH/HU

KẾ HOẠCH
học tập chuyên đề về phòng, chống lãng phí

Thực hiện Hướng dẫn số 12-HD/BTGTU, ngày 20/02/2025 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ \
Huyện ủy ban hành kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Giúp cán bộ, đảng viên nhận thức đầy đủ về phòng, chống lãng phí trong cơ quan, đơn vị.
II. THỜI GIAN
Các chi bộ tổ chức học tập xong trước ngày 30/4/2025.

Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy (b/c),
- Thường trực Huyện ủy,
- Các chi bộ trực thuộc,
- Lưu VPHU.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Hà Văn Tâm
CỤC CHỨNG THỰC SỐ VÀ BẢO MẬT THÔNG TIN
2025-03-05T09:12:40+0700
HUYỆN ỦY KIM BÔI<hukimboi@example.vn> đã ký lên văn bản này!
"""

# A cell's plan that none of the bundled documents resembles (uploads in chat).
HOA_BINH_PLAN = """ĐẢNG BỘ XÃ HÒA BÌNH
CHI BỘ THÔN 3
ĐẢNG CỘNG SẢN VIỆT NAM
Hòa Bình, ngày 5 tháng 3 năm 2025
Số 12-KH/CB

KẾ HOẠCH
học tập chuyên đề về phòng, chống lãng phí năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Giúp đảng viên nắm vững các quy định về thực hành tiết kiệm, chống lãng phí & tiêu cực.
2. Mỗi đảng viên viết bản thu hoạch cá nhân, nộp cho chi bộ trước ngày 30/4/2025.

II. NỘI DUNG
1. Tổ chức sinh hoạt chuyên đề vào kỳ sinh hoạt chi bộ tháng 4.
2. Bí thư chi bộ chủ trì, báo cáo kết quả về Đảng ủy xã.
"""

# A secret that must never reach the library (external entities, files outside a folder).
SECRET = "Mật khẩu kho lưu trữ của văn phòng là hoa-sen-42."


def plan_docx(paragraphs: int = 0) -> bytes:
    """A real .docx of the plan, padded with `paragraphs` extra short paragraphs."""
    import docx

    document = docx.Document()
    for line in DUC_TRONG_PLAN.splitlines():
        document.add_paragraph(line)
    for number in range(paragraphs):
        document.add_paragraph(f"Đoạn bổ sung số {number}.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def repack(data: bytes, replace: dict[str, bytes] | None = None, **extra: bytes) -> bytes:
    """The same package with some parts replaced and extra parts (name=bytes) added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            body = (replace or {}).get(info.filename, source.read(info.filename))
            target.writestr(info.filename, body)
        for name, body in extra.items():
            target.writestr(name.replace("__", "/"), body)
    return out.getvalue()


def with_document_xml(transform: str) -> bytes:
    """The plan .docx whose document.xml gets a DOCTYPE prologue (`transform` = which one)."""
    good = plan_docx()
    xml = zipfile.ZipFile(io.BytesIO(good)).read("word/document.xml")
    declaration, body = xml.split(b"?>", 1)
    if transform == "billion-laughs":
        entities = b'<!ENTITY lol0 "lol">' + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)
        )
        dtd = b"<!DOCTYPE w:document [" + entities + b"]>"
        body = body.replace("Đức Trọng".encode(), b"&lol9;", 1)
    else:  # external entity pointing at a local file
        dtd = b'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://%s">]>' % transform.encode()
        body = body.replace("Đức Trọng".encode(), b"&secret;", 1)
    return repack(good, {"word/document.xml": declaration + b"?>" + dtd + body})


def pdf_bytes(text: str) -> bytes:
    """A minimal one-page PDF with a real text layer (Helvetica, ASCII)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return _one_page_pdf(stream, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")


def kerned_pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF of Vietnamese lines, as a word processor writes one: its text drawn in
    runs, the pen moved back between two runs where a "|" stands inside a word (kerning). A
    /ToUnicode map gives each letter outside ASCII a one-byte code."""
    letters = sorted({c for line in lines for c in line if ord(c) > 126})
    codes = {c: 0x80 + i for i, c in enumerate(letters)}

    def encoded(run: str) -> bytes:
        out = bytearray()
        for c in run:
            if c in "()\\":
                out += b"\\"
            out.append(codes.get(c, ord(c)))
        return b"(" + bytes(out) + b")"

    shown = (b"[" + b" -450 ".join(map(encoded, line.split("|"))) + b"] TJ T*" for line in lines)
    stream = b"BT /F1 12 Tf 14 TL 72 720 Td\n" + b"\n".join(shown) + b"\nET"
    chars = b"\n".join(b"<%02X> <%04X>" % (codes[c], ord(c)) for c in letters)
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Kerned def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"1 beginbfrange <20> <7E> <0020> endbfrange\n"
        + b"%d beginbfchar\n" % len(letters)
        + chars
        + b"\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    return _one_page_pdf(
        stream, font, b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    )


def _one_page_pdf(stream: bytes, font: bytes, *more: bytes) -> bytes:
    """The PDF of one page drawing `stream` with font F1 (object 5); `more` objects follow."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        font,
        *more,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def lying_sizes(data: bytes, part: str, declared: int) -> bytes:
    """Patch the local and central headers of `part` to declare `declared` bytes unpacked."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(part)
    patched = bytearray(data)
    struct.pack_into("<I", patched, info.header_offset + 22, declared)
    central = patched.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_length] == part.encode():
            struct.pack_into("<I", patched, central + 24, declared)
            return bytes(patched)
        central = patched.find(b"PK\x01\x02", central + 4)
    raise AssertionError("central directory entry not found")


# A letter (công văn): no type line, a subject, addressees, a deadline beside an email address.
LETTER = """HUYỆN ỦY MAI CHÂU
BAN TUYÊN GIÁO
Mai Châu, ngày 12 tháng 8 năm 2024
Số 52-CV/BTGHU
V/v gửi tài liệu sinh hoạt chi bộ tháng 9
Kính gửi:
- Các chi bộ trực thuộc,
- Đảng ủy các xã, thị trấn.
Thực hiện Công văn số 218-CV/BTGTU ngày 2/8/2024 của Ban Tuyên giáo Tỉnh ủy, Ban Tuyên giáo \
Huyện ủy gửi tài liệu sinh hoạt chi bộ tháng 9 năm 2024 và đề nghị các chi bộ tổ chức sinh \
hoạt đầy đủ.
Các chi bộ báo cáo kết quả trước ngày 30/9/2024, qua email: btghu.maichau@hoabinh.gov.vn để \
tổng hợp báo cáo Thường trực Huyện ủy.
"""

# A state document: its number first, then its type and issuer ("07/CTr-UBND").
STATE_PROGRAMME = """ỦY BAN NHÂN DÂN
TỈNH HÒA AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 07/CTr-UBND
Hòa An, ngày 09 tháng 02 năm 2021
CHƯƠNG TRÌNH
PHỔ BIẾN PHÁP LUẬT NĂM 2021
I. MỤC TIÊU
1. Nâng cao ý thức chấp hành pháp luật của cán bộ, công chức và nhân dân trên địa bàn tỉnh.
II. NHIỆM VỤ
1. Sở Tư pháp chủ trì tổ chức hội nghị phổ biến pháp luật cho cán bộ cấp xã trong quý II.
2. Các huyện báo cáo kết quả thực hiện về Sở Tư pháp trước ngày 15/12/2021.
"""
