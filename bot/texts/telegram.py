"""Vietnamese texts of the Telegram channel: welcome, help, command list, refusals."""

from __future__ import annotations

from html import escape

# Command descriptions shown by Telegram's "/" menu (set_my_commands), one line each.
CMD_START = "Bắt đầu, xem lời chào và cách dùng"
CMD_HOI = "Hỏi về nội dung tài liệu học tập"
CMD_TAILIEU = "Danh sách tài liệu trong thư viện"
CMD_TROGIUP = "Hướng dẫn sử dụng"
CMD_XOATAILIEU = "(Quản trị) Xóa một tài liệu khỏi thư viện"


def welcome(name: str) -> str:
    """Greeting for /start, HTML."""
    who = f", {escape(name)}" if name else ""
    return (
        f"Chào đồng chí{who}! 👋\n\n"
        "Tôi là trợ lý học tập của chi bộ. Đồng chí có thể hỏi tôi về nội dung các "
        "tài liệu học tập; câu trả lời luôn được trích từ tài liệu, kèm nguồn.\n\n"
        "• Trong tin nhắn riêng: cứ gõ câu hỏi.\n"
        "• Trong nhóm chi bộ: gõ <code>/hoi câu hỏi</code>, nhắc tên tôi, "
        "hoặc trả lời tin nhắn của tôi.\n\n"
        "Gõ /trogiup để xem đầy đủ các lệnh."
    )


HELP = (
    "<b>Hướng dẫn sử dụng</b>\n\n"
    "• <b>Hỏi đáp</b>: trong tin nhắn riêng, gõ câu hỏi bất kỳ. Trong nhóm, dùng "
    "<code>/hoi câu hỏi</code>, nhắc tên tôi hoặc trả lời tin nhắn của tôi.\n"
    "• Có thể hỏi tiếp nối, ví dụ: «còn mục tiêu thứ hai?».\n"
    "• Bấm 👍 hoặc 👎 dưới câu trả lời để góp ý, giúp cải thiện chất lượng.\n\n"
    "<b>Các lệnh</b>\n"
    "/hoi – hỏi về tài liệu\n"
    "/tailieu – danh sách tài liệu trong thư viện\n"
    "/trogiup – hướng dẫn này\n\n"
    "<b>Dành cho quản trị viên</b>\n"
    "• Gửi tệp .pdf, .docx hoặc .txt để thêm tài liệu vào thư viện. Văn bản không ghi nơi "
    "ban hành (trang tin chỉ ghi «Thành ủy») thì ghi chú thích tệp: «Địa phương: Cần Thơ».\n"
    "• /xoatailieu &lt;tên tệp&gt; – xóa một tài liệu."
)


def unknown_command(command: str) -> str:
    """A private-chat command the bot doesn't have, HTML."""
    return f"Không có lệnh {escape(command)}. Gõ /trogiup để xem các lệnh."


HOI_USAGE = (
    "Đồng chí hãy gõ câu hỏi sau lệnh, ví dụ: <code>/hoi Mục tiêu của kế hoạch là gì?</code>"
)


def flood_wait(seconds: int) -> str:
    """Asked too many questions in a minute."""
    return f"Đồng chí hỏi hơi nhanh. Vui lòng đợi khoảng {seconds} giây rồi hỏi tiếp nhé. 🙏"


ERROR_GENERIC = (
    "Xin lỗi, đã có lỗi xảy ra khi xử lý yêu cầu của đồng chí. "
    "Lỗi đã được ghi lại; đồng chí vui lòng thử lại sau ít phút."
)

# --- feedback ---------------------------------------------------------------------------------
VOTE_UP_LABEL = "👍 Hữu ích"
VOTE_DOWN_LABEL = "👎 Chưa đúng"
VOTE_THANKS = "Cảm ơn đồng chí đã góp ý!"
VOTE_UNKNOWN = "Không tìm thấy câu hỏi này, có thể đã quá cũ."

# --- library ----------------------------------------------------------------------------------
UPLOAD_NOT_ADMIN = (
    "Cảm ơn đồng chí! Tuy nhiên chỉ quản trị viên mới được thêm tài liệu vào thư viện. "
    "Nếu tài liệu này cần cho chi bộ, đồng chí vui lòng gửi cho bí thư hoặc quản trị viên."
)
UPLOAD_WORKING = "Đang tải và xử lý tài liệu, đồng chí chờ trong giây lát…"
UPLOAD_DOWNLOAD_FAILED = "Không tải được tệp từ Telegram. Đồng chí vui lòng gửi lại."
REMOVE_NOT_ADMIN = "Chỉ quản trị viên mới được xóa tài liệu."
REMOVE_USAGE = (
    "Cách dùng: <code>/xoatailieu tên_tệp</code> (tên tệp như trong /tailieu), "
    "ví dụ <code>/xoatailieu ke_hoach_172.pdf</code>."
)


# --- enrolment (/start <code>) ----------------------------------------------------------------
def enrolled(cell: str, member_name: str, already: bool) -> str:
    """Reply to a deep-link invite, HTML."""
    if already:
        return f"Đồng chí {escape(member_name)} đã là đảng viên của {escape(cell)} rồi. 👍"
    return (
        f"Chào mừng đồng chí {escape(member_name)} tham gia {escape(cell)} "
        "trên trợ lý học tập! 🎉\n"
        "Gõ /trogiup để xem cách dùng."
    )


# --- senders without a person, stray buttons --------------------------------------------------
NEEDS_A_PERSON = (
    "Đồng chí hãy tắt chế độ ẩn danh để dùng lệnh này (hoặc gửi bằng tài khoản cá nhân, "
    "không gửi với tư cách nhóm hay kênh): trợ lý cần biết ai là người gửi."
)
NEEDS_A_CHAT = "Lệnh này chỉ dùng được trong một cuộc trò chuyện với trợ lý."
UNKNOWN_BUTTON = "Nút này không còn dùng được. Đồng chí hãy gõ lại lệnh."
