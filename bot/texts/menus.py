"""The records commands as Telegram shows them: menu entries, usage lines, buttons, links."""

from __future__ import annotations

CMD_MOI = "Bí thư: tạo mã mời vào chi bộ"
CMD_MOPHIEN = "Bí thư: mở điểm danh buổi sinh hoạt"
CMD_DIEMDANH = "Điểm danh buổi sinh hoạt: /diemdanh <mã>"
CMD_DONGPHIEN = "Bí thư: đóng điểm danh"
CMD_BAOCAO = "Bí thư, cấp ủy: báo cáo sinh hoạt (Excel và biểu đồ)"
CMD_KETQUA = "Xem kết quả học tập của mình"
CHECK_IN_BUTTON = "Điểm danh"
MOPHIEN_USAGE = "Hãy ghi chủ đề buổi sinh hoạt, ví dụ: /mophien Học tập Nghị quyết số 57."
MOPHIEN_GROUP_ONLY = "Hãy mở buổi sinh hoạt trong nhóm của chi bộ, để đảng viên cùng điểm danh."
DIEMDANH_USAGE = "Cách dùng: /diemdanh <mã>. Mã do bí thư đọc trong buổi sinh hoạt."
REPORT_PRIVATE_ONLY = (
    "Báo cáo có tên từng đảng viên nên chỉ gửi trong tin nhắn riêng: hãy nhắn /baocao cho trợ lý."
)


def invite_link(bot_username: str, code: str) -> str:
    """The deep link that opens the bot with the invite code as /start argument."""
    return f"https://t.me/{bot_username}?start={code}"
