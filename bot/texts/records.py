"""Texts of enrolment, attendance and reports (Vietnamese, shown in every channel).

The renderers (`records_render`), the Telegram menu (`menus`) and the formatting helpers
(`formats`) live in their own modules; their names are re-exported here so callers keep one
`from bot.texts import records as texts`.
"""

from __future__ import annotations

from datetime import datetime

from bot.texts.formats import percent as percent
from bot.texts.formats import when as when
from bot.texts.menus import CHECK_IN_BUTTON as CHECK_IN_BUTTON
from bot.texts.menus import CMD_BAOCAO as CMD_BAOCAO
from bot.texts.menus import CMD_DIEMDANH as CMD_DIEMDANH
from bot.texts.menus import CMD_DONGPHIEN as CMD_DONGPHIEN
from bot.texts.menus import CMD_KETQUA as CMD_KETQUA
from bot.texts.menus import CMD_MOI as CMD_MOI
from bot.texts.menus import CMD_MOPHIEN as CMD_MOPHIEN
from bot.texts.menus import DIEMDANH_USAGE as DIEMDANH_USAGE
from bot.texts.menus import MOPHIEN_GROUP_ONLY as MOPHIEN_GROUP_ONLY
from bot.texts.menus import MOPHIEN_USAGE as MOPHIEN_USAGE
from bot.texts.menus import REPORT_PRIVATE_ONLY as REPORT_PRIVATE_ONLY
from bot.texts.menus import invite_link as invite_link
from bot.texts.records_render import LIVE_NAME_CHARS as LIVE_NAME_CHARS
from bot.texts.records_render import LIVE_NAMES_CHARS as LIVE_NAMES_CHARS
from bot.texts.records_render import NO_CAMPAIGN as NO_CAMPAIGN
from bot.texts.records_render import campaign_label as campaign_label
from bot.texts.records_render import cell_report_text as cell_report_text
from bot.texts.records_render import live_check_in as live_check_in
from bot.texts.records_render import my_record_lines as my_record_lines
from bot.texts.records_render import my_record_text as my_record_text
from bot.texts.records_render import names_line as names_line
from bot.texts.records_render import report_caption as report_caption
from bot.texts.records_render import summary_pairs_cell as summary_pairs_cell
from bot.texts.records_render import summary_pairs_unit as summary_pairs_unit
from bot.texts.records_render import unit_report_text as unit_report_text
from bot.texts.tables import CSV_NOT_UTF8

# --- access -------------------------------------------------------------------------------
NOT_ENROLLED = (
    "Bạn chưa được ghi danh vào chi bộ nào. Hãy mở đường dẫn mời do bí thư chi bộ gửi "
    "(hoặc gõ /start <mã mời>) để ghi danh."
)
NOT_SECRETARY = "Chỉ bí thư chi bộ, cấp ủy cấp trên hoặc quản trị viên mới làm được việc này."
NAME_THE_CELL = "Bạn sinh hoạt ở cấp trên chi bộ: hãy ghi rõ tên chi bộ."
MEMBER_ONLY_OWN = "Đảng viên chỉ xem được kết quả của chính mình (gõ /ketqua)."


def outside_scope(unit: str) -> str:
    return f"Bạn không có quyền với đơn vị «{unit}»: chỉ xem và quản lý được đơn vị mình phụ trách."


# --- organisation ---------------------------------------------------------------------------
UNIT_NAME_EMPTY = "Tên đơn vị không được để trống."
MEMBER_NAME_EMPTY = "Thiếu họ tên đảng viên."
CAMPAIGN_TITLE_EMPTY = "Tên đợt sinh hoạt không được để trống."
CAMPAIGN_NEEDS_UNIT = "Đợt sinh hoạt phải có ít nhất một đơn vị tham gia."
KIND_NAMES = {"province": "tỉnh ủy", "district": "huyện ủy/đảng bộ", "cell": "chi bộ"}
ROLE_NAMES = {"member": "đảng viên", "secretary": "bí thư", "admin": "quản trị"}


def bad_unit_kind(kind: str) -> str:
    return f"Loại đơn vị «{kind}» không hợp lệ; dùng province, district hoặc cell."


def unit_exists(name: str) -> str:
    return f"Đơn vị «{name}» đã có."


def bad_parent(name: str, parent: str) -> str:
    return f"Không thể đặt «{name}» dưới «{parent}»: đơn vị cấp dưới phải thấp hơn cấp trên."


def unknown_unit(name: str) -> str:
    return f"Không tìm thấy đơn vị «{name}»."


def not_a_cell(name: str) -> str:
    return f"«{name}» không phải là chi bộ."


def bad_role(role: str) -> str:
    return f"Vai trò «{role}» không hợp lệ; dùng: đảng viên, bí thư hoặc quản trị."


def identity_taken(channel: str, user_id: str) -> str:
    return f"Tài khoản {channel} {user_id} đã gắn với một đảng viên khác."


def campaign_exists(title: str) -> str:
    return f"Đợt sinh hoạt «{title}» đã có."


def unknown_campaign(title: str) -> str:
    return f"Không tìm thấy đợt sinh hoạt «{title}»."


# --- enrolment ------------------------------------------------------------------------------
INVITE_UNKNOWN = "Mã mời không đúng. Hãy kiểm tra lại hoặc xin bí thư chi bộ mã mới."
INVITE_EXPIRED = "Mã mời đã hết hạn. Hãy xin bí thư chi bộ tạo mã mới (/moi)."


def enrolled_elsewhere(cell: str) -> str:
    return f"Bạn đang sinh hoạt ở «{cell}». Muốn chuyển sinh hoạt, hãy liên hệ quản trị viên."


def unnamed_member(user_id: str) -> str:
    return f"Đảng viên {user_id}"


def invite_created(code: str, cell: str, expires_at: datetime, link: str | None = None) -> str:
    target = link or f"/start {code}"
    return (
        f"Mã mời vào «{cell}»: {code}\n"
        f"Đảng viên mở {target} để ghi danh. Mã dùng được đến {when(expires_at)}."
    )


def enrolled(cell: str, name: str, already: bool) -> str:
    if already:
        return f"Bạn đã có tên trong «{cell}» ({name}), không cần ghi danh lại."
    return f"Đã ghi danh {name} vào «{cell}». Từ nay bạn có thể điểm danh và xem /ketqua."


# --- import ---------------------------------------------------------------------------------
IMPORT_TOO_LARGE = "Tệp danh sách quá lớn (tối đa 5 MB)."
IMPORT_NOT_UTF8 = CSV_NOT_UTF8
IMPORT_BAD_XLSX = "Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx."
IMPORT_BAD_TYPE = "Chỉ nhận danh sách dạng .csv hoặc .xlsx."
IMPORT_EMPTY = "Tệp danh sách không có dòng nào."
IMPORT_NO_HEADER = "Dòng đầu phải là tiêu đề, có ít nhất các cột «Họ và tên» và «Chi bộ»."
BAD_TELEGRAM_ID = "Mã Telegram phải là số."


def import_done(count: int) -> str:
    return f"Đã nhập {count} đảng viên."


def import_failed(errors: list[tuple[int, str]]) -> str:
    lines = [f"Chưa nhập gì vì có {len(errors)} dòng lỗi:"]
    lines += [f"- dòng {row}: {message}" for row, message in errors]
    return "\n".join(lines)


# --- sessions and attendance ------------------------------------------------------------------
TOPIC_EMPTY = MOPHIEN_USAGE  # the refusal of an empty topic is the usage line
NO_OPEN_SESSION = "Chi bộ của bạn hiện không có buổi sinh hoạt nào đang điểm danh."
NO_OPEN_SESSION_TO_CLOSE = "Không có buổi sinh hoạt nào đang mở để đóng."
WRONG_CODE = "Mã điểm danh không đúng. Hãy nghe lại mã do bí thư đọc trong buổi sinh hoạt."
SESSION_CLOSED = "Buổi sinh hoạt này đã kết thúc điểm danh; không thể điểm danh muộn."


def session_already_open(topic: str, code: str) -> str:
    return f"Chi bộ đang có buổi «{topic}» mở điểm danh (mã {code}). Đóng bằng /dongphien trước."


def session_opened(cell: str, topic: str, code: str, campaign: str | None) -> str:
    lines = [f"📋 {cell} — buổi sinh hoạt: {topic}"]
    if campaign:
        lines.append(f"Đợt: {campaign}")
    lines.append(f"Mã điểm danh: {code}")
    lines.append(f"Đảng viên gõ /diemdanh {code} hoặc bấm nút «{CHECK_IN_BUTTON}».")
    return "\n".join(lines)


def checked_in(name: str, topic: str, already: bool, present: int) -> str:
    if already:
        return f"{name} đã điểm danh buổi «{topic}» rồi."
    return f"✅ {name} đã điểm danh buổi «{topic}» (có mặt: {present})."


def session_closed(cell: str, topic: str, present: list[str], absent: list[str]) -> str:
    total = len(present) + len(absent)
    lines = [f"Đã đóng điểm danh buổi «{topic}» của {cell}: có mặt {len(present)}/{total}."]
    if present:
        lines.append("Có mặt: " + ", ".join(present))
    if absent:
        lines.append("Vắng: " + ", ".join(absent))
    return "\n".join(lines)


# --- reports ---------------------------------------------------------------------------------
NAME_THE_UNIT = "Hãy ghi rõ tên đơn vị cần báo cáo."
ROLE_LABEL = "Vai trò"
CELL_COLUMNS = ("Họ và tên", ROLE_LABEL, "Số buổi dự", "Số câu trắc nghiệm đã trả lời",
                "Số câu đúng", "Điểm trắc nghiệm (%)")  # fmt: skip
SESSION_COLUMNS = ("Chủ đề", "Mở lúc", "Đóng lúc", "Có mặt", "Số đảng viên", "Tỷ lệ dự (%)")
UNIT_COLUMNS = ("Chi bộ", "Số đảng viên", "Số buổi sinh hoạt", "Lượt điểm danh",
                "Số đảng viên đã dự", "Tỷ lệ dự (%)", "Số người làm trắc nghiệm",
                "Điểm trắc nghiệm TB (%)", "Số câu hỏi", "Đã sinh hoạt")  # fmt: skip
QUESTION_COLUMNS = ("Câu hỏi", "Số lần hỏi")
DISLIKED_COLUMNS = ("Mã", "Câu hỏi", "Câu trả lời", "👎", "👍")
SHEET_SUMMARY = "Tổng hợp"
SHEET_SESSIONS = "Buổi sinh hoạt"
SHEET_MEMBERS = "Đảng viên"
SHEET_CELLS = "Chi bộ"
SHEET_QUESTIONS = "Câu hỏi nhiều"
SHEET_DISLIKED = "Trả lời bị chê"
YES = "có"
NO = "chưa"
CHART_ATTENDANCE = "Tỷ lệ dự (%)"
CHART_SCORES = "Phân bố điểm trắc nghiệm"
CHART_MEMBERS = "Số đảng viên"
CHART_NO_SESSION = "chưa sinh hoạt"


def report_file_name(unit: str, extension: str) -> str:
    safe = "".join(c if c.isalnum() else "_" for c in unit).strip("_")
    return f"bao_cao_{safe}.{extension}"
