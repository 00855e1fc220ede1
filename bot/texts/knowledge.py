"""Messages about the document library (ingestion, search). Vietnamese first, English after."""

UNSUPPORTED_TYPE = (
    "Không hỗ trợ định dạng tệp «{name}» (chỉ nhận .txt, .md, .docx, .pdf) / Unsupported file type"
)
EMPTY_FILE = "Tệp «{name}» rỗng, không có nội dung / Empty file"
TOO_LARGE = "Tệp «{name}» quá lớn ({size_mb:.1f} MB, tối đa {limit_mb:.0f} MB) / File too large"
NOT_TEXT = "không phải văn bản"
CORRUPT_FILE = "Tệp «{name}» bị hỏng hoặc không đọc được ({detail}) / Corrupt file"
ENCRYPTED_PDF = "Tệp PDF «{name}» được đặt mật khẩu, không đọc được / Encrypted PDF"
NO_TEXT_LAYER = (
    "Tệp PDF «{name}» không có lớp văn bản (bản quét): cần nhận dạng chữ (OCR) trước"
    " / PDF has no text layer"
)
UNDECODABLE_TEXT = "Không nhận ra bảng mã của tệp «{name}» / Unknown text encoding"
NO_CONTENT = "Tệp «{name}» không có nội dung văn bản dùng được / No usable text"
NOT_FOUND = "Không tìm thấy tệp hoặc thư mục «{name}» / Not found"
UNKNOWN_DOCUMENT = "Thư viện không có tài liệu «{name}» / Unknown document"
EMBEDDER_MISMATCH = (
    "Kho chỉ mục «{collection}» được tạo bằng mô hình «{stored}», không dùng chung với «{wanted}»"
    " được. Hãy dùng mô hình cũ hoặc tạo kho mới (COLLECTION=...)."
    " / Index was built with another embedding model"
)
MODEL_UNAVAILABLE = (
    "Không nạp được mô hình nhúng «{model}» từ máy (không tải từ Internet): {detail}"
    " / Embedding model not available locally"
)
MODEL_NOT_CONFIGURED = (
    "Chưa cấu hình mô hình cho sentence-transformers (EMBEDDING_MODEL=tên hoặc đường dẫn)"
    " / No sentence-transformers model configured"
)
OCR_WARNING = "Văn bản bị lỗi dấu do quét OCR: đã sửa tự động phần nhận ra được ({repaired}% từ)"
NO_DIACRITICS_WARNING = (
    "Văn bản không có dấu tiếng Việt: vẫn tìm được, nhưng trích dẫn sẽ không dấu"
)
