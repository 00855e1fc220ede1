"""Vietnamese texts of the text dialog shared by Zalo and the console."""

from __future__ import annotations

WELCOME = (
    "Xin chào đồng chí! Tôi là trợ lý học tập của chi bộ.\n"
    "Đồng chí cứ gõ câu hỏi về tài liệu học tập, tôi sẽ trả lời kèm trích dẫn nguồn.\n"
    "Gõ «trogiup» để xem các lệnh."
)

HELP_HEADER = "Các lệnh (gõ có hoặc không có dấu «/» ở đầu):"
# One help line per command, in the order shown; only commands the dialog offers are listed.
HELP_LINES = {
    "hoi": "• hoi <câu hỏi> — hỏi về tài liệu (hoặc gõ thẳng câu hỏi)",
    "start": "• start <mã mời> — tham gia chi bộ bằng mã mời",
    "diemdanh": "• diemdanh <mã> — điểm danh buổi sinh hoạt",
    "onthi": "• onthi [chủ đề] — làm bài trắc nghiệm ôn tập, trả lời bằng A, B, C hoặc D",
    "ketqua": "• ketqua — xem kết quả học tập và điểm danh của đồng chí",
    "tailieu": "• tailieu — danh sách tài liệu học tập",
    "trogiup": "• trogiup — xem hướng dẫn này",
}

EMPTY_MESSAGE = "Đồng chí chưa nhập nội dung. Gõ câu hỏi hoặc «trogiup» để xem các lệnh."
UNKNOWN_COMMAND = "Không có lệnh «{command}». Gõ «trogiup» để xem các lệnh."
ASK_USAGE = "Cách dùng: hoi <câu hỏi>. Ví dụ: hoi Mục tiêu của kế hoạch là gì?"
CHECK_IN_USAGE = "Cách dùng: diemdanh <mã>. Mã điểm danh do bí thư công bố tại buổi sinh hoạt."

FLOOD = "Đồng chí hỏi hơi nhanh. Vui lòng đợi khoảng {seconds} giây rồi hỏi tiếp."

GROUP_ONLY = (
    "Lệnh «{command}» chỉ dùng trong nhóm chi bộ trên Telegram. "
    "Trên kênh này đồng chí có thể tự ôn tập: gõ «onthi» để làm bài trắc nghiệm ôn tập."
)

NO_DOCUMENTS = "Thư viện chưa có tài liệu nào."
DOCUMENTS_HEADER = "Tài liệu học tập ({count}):"

FAILURE = "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Đồng chí vui lòng thử lại sau."


def flood(seconds: int) -> str:
    """The flood-protection reply."""
    return FLOOD.format(seconds=seconds)


def enrolled(cell: str, member_name: str, already: bool) -> str:
    """Reply to `start <code>`."""
    if already:
        return f"Đồng chí {member_name} đã là đảng viên của {cell} rồi."
    return (
        f"Chào mừng đồng chí {member_name} tham gia {cell} trên trợ lý học tập!\n"
        "Gõ «trogiup» để xem cách dùng."
    )


def checked_in(member_name: str, topic: str, already: bool, present: int) -> str:
    """Reply to `diemdanh <code>`."""
    if already:
        return f"Đồng chí {member_name} đã điểm danh buổi «{topic}» rồi."
    return (
        f"Đã điểm danh đồng chí {member_name} — buổi sinh hoạt «{topic}». "
        f"Hiện có {present} đồng chí có mặt."
    )


def group_only(command: str) -> str:
    """The refusal for a group-only command."""
    return GROUP_ONLY.format(command=command)


def document_line(index: int, title: str, number: str | None, date: str | None) -> str:
    """One line of the document listing."""
    details = ", ".join(part for part in (number, f"ngày {date}" if date else None) if part)
    suffix = f" ({details})" if details else ""
    return f"{index}. {title}{suffix}"
