"""Messages about the document library (ingestion, search). Vietnamese first, English after.

knowledge/ reports a code and its parameters (knowledge.errors); these are the words.
"""

from __future__ import annotations

from collections.abc import Mapping

from knowledge.errors import Code, KnowledgeError, Notice

TEMPLATES: Mapping[str, str] = {
    Code.UNSUPPORTED_TYPE: (
        "Không hỗ trợ định dạng tệp «{name}» (chỉ nhận .txt, .md, .docx, .pdf)"
        " / Unsupported file type"
    ),
    Code.EMPTY_FILE: "Tệp «{name}» rỗng, không có nội dung / Empty file",
    Code.FILE_TOO_LARGE: (
        "Tệp «{name}» quá lớn ({size_mb:.1f} MB, tối đa {limit_mb:.0f} MB) / File too large"
    ),
    Code.NOT_TEXT: "Tệp «{name}» bị hỏng hoặc không đọc được (không phải văn bản) / Corrupt file",
    Code.CORRUPT_FILE: "Tệp «{name}» bị hỏng hoặc không đọc được ({detail}) / Corrupt file",
    Code.ENCRYPTED_PDF: "Tệp PDF «{name}» được đặt mật khẩu, không đọc được / Encrypted PDF",
    Code.ENCRYPTED_PDF_CIPHER: (
        "Tệp PDF «{name}» được mã hóa bằng thuật toán máy chủ chưa hỗ trợ (thiếu thư viện"
        " cryptography) / Encrypted PDF: cipher not supported"
    ),
    Code.NO_TEXT_LAYER: (
        "Tệp PDF «{name}» không có lớp văn bản (bản quét): cần nhận dạng chữ (OCR) trước"
        " / PDF has no text layer"
    ),
    Code.NO_CONTENT: "Tệp «{name}» không có nội dung văn bản dùng được / No usable text",
    Code.TOO_MUCH_TEXT: (
        "Tệp «{name}» quá dài ({chars} ký tự, tối đa {limit}): hãy chia thành nhiều tệp"
        " / Too much text"
    ),
    Code.DOCX_TOO_MANY_PARTS: (
        "Tệp «{name}» có quá nhiều thành phần nén ({count}, tối đa {limit})"
        " / Too many parts in the .docx"
    ),
    Code.DOCX_TOO_BIG_UNZIPPED: (
        "Tệp «{name}» khi giải nén quá lớn ({size_mb:.0f} MB, tối đa {limit_mb} MB)"
        " / Decompressed size over the limit"
    ),
    Code.DOCX_RATIO: (
        "Tệp «{name}» nén bất thường (tỉ lệ {ratio:.0f}:1, tối đa {limit:.0f}:1), có thể là bom nén"
        " / Suspicious compression ratio"
    ),
    Code.DOCX_SIZE_LIE: (
        "Tệp «{name}» khai sai kích thước khi giải nén, có thể là bom nén"
        " / Part larger than declared"
    ),
    Code.XML_ENTITIES: (
        "Tệp «{name}» chứa khai báo DTD hoặc thực thể XML, không được phép"
        " / XML DTD/entities refused"
    ),
    Code.TOO_MANY_ELEMENTS: (
        "Tệp «{name}» có quá nhiều phần tử XML (hơn {limit}) / Too many XML elements"
    ),
    Code.TOO_MANY_PARAGRAPHS: (
        "Tệp «{name}» có quá nhiều đoạn văn (hơn {limit}) / Too many paragraphs"
    ),
    Code.PARSE_TIMEOUT: (
        "Đọc tệp «{name}» quá {seconds:.0f} giây nên đã dừng, thư viện không đổi"
        " / Parsing took too long"
    ),
    Code.PARSE_MEMORY: (
        "Đọc tệp «{name}» cần quá {limit_mb} MB bộ nhớ nên đã dừng, thư viện không đổi"
        " / Parsing needs too much memory"
    ),
    Code.PARSE_ABORTED: (
        "Trình đọc tệp «{name}» dừng bất thường (tệp hỏng hoặc cần quá {limit_mb} MB bộ nhớ),"
        " thư viện không đổi / Parser aborted"
    ),
    Code.NOT_FOUND: "Không tìm thấy tệp hoặc thư mục «{name}» / Not found",
    Code.NOT_REGULAR_FILE: (
        "«{name}» không phải tệp thông thường (ống, thiết bị…) / Not a regular file"
    ),
    Code.LINK_OUTSIDE: (
        "«{name}» là liên kết trỏ ra ngoài thư mục «{root}», không theo / Link leaves the folder"
    ),
    Code.BROKEN_LINK: "«{name}» là liên kết hỏng hoặc vòng lặp / Broken or looping link",
    Code.LINKED_FOLDER: "«{name}» là liên kết tới thư mục, không theo / Linked folder not entered",
    Code.UNREADABLE: "Không đọc được «{name}» ({detail}) / Cannot read",
    Code.UNEXPECTED_ERROR: (
        "Nạp tệp «{name}» gặp lỗi không mong đợi ({detail}), thư viện không đổi / Unexpected error"
    ),
    Code.MODEL_UNAVAILABLE: (
        "Không nạp được mô hình nhúng «{model}» từ máy (không tải từ Internet): {detail}"
        " / Embedding model not available locally"
    ),
    Code.MODEL_NOT_CONFIGURED: (
        "Chưa cấu hình mô hình cho sentence-transformers (EMBEDDING_MODEL=tên hoặc đường dẫn)"
        " / No sentence-transformers model configured"
    ),
    Code.EMBEDDER_MISMATCH: (
        "Kho chỉ mục «{collection}» được tạo bằng mô hình «{stored}», không dùng chung với"
        " «{wanted}» được. Hãy dùng mô hình cũ hoặc tạo kho mới (COLLECTION=...)."
        " / Index was built with another embedding model"
    ),
    Code.OCR_REPAIRED: (
        "Văn bản bị lỗi dấu do quét OCR: đã sửa tự động phần nhận ra được ({repaired}% từ)"
    ),
    Code.NO_DIACRITICS: (
        "Văn bản không có dấu tiếng Việt: vẫn tìm được, nhưng trích dẫn sẽ không dấu"
    ),
}


BAD_PLACE = (
    "Địa phương ghi ở chú thích tệp phải có chữ và dài không quá {limit} ký tự "
    "(ví dụ «Địa phương: Cần Thơ»). Tài liệu chưa được nạp, đồng chí vui lòng gửi lại."
)


def describe(problem: KnowledgeError | Notice) -> str:
    """The one-line Vietnamese message for a knowledge error or notice.

    The bot's own refusals (DomainError, QuizError, InvalidQuestion) subclass KnowledgeError
    with their message as the code: it has no template and is shown as it is.
    """
    template = TEMPLATES.get(problem.code)
    if template is None:
        return str(problem)
    return template.format(**problem.params)
