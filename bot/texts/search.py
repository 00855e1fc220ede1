"""Texts of the search command."""

HELP = "tìm các đoạn tài liệu liên quan"
HELP_JSON = "in kết quả dạng JSON"
EMPTY_QUERY = "Hãy nhập nội dung cần tìm."
NO_RESULTS = "Không tìm thấy đoạn nào phù hợp."
