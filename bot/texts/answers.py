"""Texts of the question-answering capability."""

EMPTY_QUESTION = (
    "Bạn chưa nhập câu hỏi. Hãy gõ câu hỏi về tài liệu học tập, "
    "ví dụ: «Bản sắc cây tre Việt Nam là gì?»"
)
TOO_LONG = "Câu hỏi dài quá ({length} ký tự, tối đa {limit}). Hãy hỏi ngắn gọn hơn."
NOT_IN_DOCUMENTS = (
    "Tài liệu trong thư viện không nói về nội dung này, nên tôi không trả lời để tránh sai lệch."
)
UNKNOWN_REFERENCE = (
    "Thư viện không có văn bản nào mang số hiệu {reference}, "
    "nên tôi không trả lời để tránh sai lệch."
)
CITED_ONLY = (
    "Thư viện chưa có văn bản {reference}, chỉ có văn bản khác nhắc đến nó, "
    "nên tôi không biết người ký, chữ ký số hay nơi nhận của văn bản này."
)
OFF_TOPIC = (
    "Xin lỗi, tôi chỉ trả lời các câu hỏi về tài liệu học tập, sinh hoạt chính trị của chi bộ."
)
LIBRARY_COVERS = "Thư viện hiện có: {topics}."
EMPTY_LIBRARY = "Thư viện chưa có tài liệu nào. Quản trị viên cần nạp tài liệu trước."
SOURCE_PREFIX = "Nguồn"
SECTION = "mục {section}"
NUMBERED = "{kind} số {number}"  # "Kế hoạch số 172-KH/HU"
DATED = "ngày {date}"
OCR_NOTE = "văn bản quét, dấu có thể chưa chính xác"
LLM_UNAVAILABLE = (
    "Máy chủ mô hình ngôn ngữ chưa phản hồi, nên dưới đây là trích dẫn nguyên văn từ tài liệu:"
)
NOT_ABOUT = "Thư viện chưa có tài liệu nào nói về {name}, nên tôi không trả lời để tránh sai lệch."
PARTIAL = "Tài liệu có nói về nội dung này nhưng không nêu {what}, nên tôi không trả lời."
ISSUED_BY = "Cơ quan ban hành: {issuer}."
SIGNED_BY = "Người ký: {title} {name}."
MISSING_KIND = {
    "when": "thời gian cụ thể",
    "number": "con số cụ thể",
    "signer": "người ký",
    "venue": "địa điểm tổ chức",
}
