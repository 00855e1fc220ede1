"""Vietnamese texts specific to the Zalo channel."""

from __future__ import annotations

TEXT_ONLY = (
    "Hiện tôi chỉ đọc được tin nhắn văn bản. "
    "Đồng chí hãy gõ câu hỏi, hoặc gõ «trogiup» để xem các lệnh."
)
GROUPS_UNSUPPORTED = (
    "Trên Zalo tôi chỉ hỗ trợ trò chuyện riêng. "
    "Đồng chí hãy nhắn riêng cho tôi; gõ «onthi» để làm bài trắc nghiệm ôn tập."
)
FAILURE = "Xin lỗi, đã có lỗi khi xử lý tin nhắn. Đồng chí vui lòng thử lại sau ít phút."
