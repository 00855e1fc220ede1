"""Texts of enrolment, attendance and reports (Vietnamese, shown in every channel)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services.report_data import CellReport, MemberRecord, UnitReport

VN_TIME = timezone(timedelta(hours=7))  # giờ Việt Nam, không có giờ mùa hè

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
IMPORT_NOT_UTF8 = "Tệp CSV phải được lưu với mã UTF-8."
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
TOPIC_EMPTY = "Hãy ghi chủ đề buổi sinh hoạt, ví dụ: /mophien Học tập Nghị quyết số 57."
NO_OPEN_SESSION = "Chi bộ của bạn hiện không có buổi sinh hoạt nào đang điểm danh."
NO_OPEN_SESSION_TO_CLOSE = "Không có buổi sinh hoạt nào đang mở để đóng."
WRONG_CODE = "Mã điểm danh không đúng. Hãy nghe lại mã do bí thư đọc trong buổi sinh hoạt."
SESSION_CLOSED = "Buổi sinh hoạt này đã kết thúc điểm danh; không thể điểm danh muộn."
CHECK_IN_BUTTON = "Điểm danh"


def when(moment: datetime) -> str:
    return moment.astimezone(VN_TIME).strftime("%H:%M %d/%m/%Y")


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


# The live check-in post is edited in place, so it must stay one message: long name lists
# are cut (the final list at /dongphien is complete, split over messages if needed).
LIVE_NAMES_CHARS = 3000
LIVE_NAME_CHARS = 40


def live_check_in(
    cell: str, topic: str, code: str, present: list[str], enrolled: int, closed: bool = False
) -> str:
    """The one check-in post of a session, edited as members check in."""
    lines = [f"📋 Điểm danh buổi «{_cut(topic, 200)}» — {cell}"]
    if closed:
        lines.append("Đã đóng điểm danh.")
    else:
        lines.append(f"Gõ /diemdanh {code} hoặc bấm nút «{CHECK_IN_BUTTON}» bên dưới.")
    lines.append(f"Có mặt: {len(present)}/{enrolled}")
    shown: list[str] = []
    length = 0
    for name in present:
        name = _cut(name, LIVE_NAME_CHARS)
        if length + len(name) + 2 > LIVE_NAMES_CHARS:
            break
        shown.append(name)
        length += len(name) + 2
    if shown:
        more = len(present) - len(shown)
        tail = f" và {more} đồng chí khác" if more else ""
        lines.append(", ".join(shown) + tail)
    return "\n".join(lines)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- reports ---------------------------------------------------------------------------------
NAME_THE_UNIT = "Hãy ghi rõ tên đơn vị cần báo cáo."
NO_CAMPAIGN = "tất cả các đợt"
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


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%".replace(".", ",")


def campaign_label(campaign: str | None) -> str:
    return campaign or NO_CAMPAIGN


def summary_pairs_cell(
    cell: str, campaign: str | None, sessions: int, members: int, attendance: float | None,
    not_attended: int, no_quiz: int, quiz_average: float | None, questions: int, at: datetime,
) -> list[tuple[str, str]]:  # fmt: skip
    return [
        ("Chi bộ", cell),
        ("Đợt sinh hoạt", campaign_label(campaign)),
        ("Số đảng viên", str(members)),
        ("Số buổi sinh hoạt", str(sessions)),
        ("Tỷ lệ dự chung", percent(attendance)),
        ("Chưa dự buổi nào", str(not_attended)),
        ("Chưa làm trắc nghiệm", str(no_quiz)),
        ("Điểm trắc nghiệm trung bình", percent(quiz_average)),
        ("Số câu hỏi đã hỏi", str(questions)),
        ("Lập lúc", when(at)),
    ]


def summary_pairs_unit(
    unit: str, campaign: str | None, cells: int, without: int, members: int,
    attended: int, attendance: float | None, quiz_average: float | None, at: datetime,
) -> list[tuple[str, str]]:  # fmt: skip
    return [
        ("Đơn vị", unit),
        ("Đợt sinh hoạt", campaign_label(campaign)),
        ("Số chi bộ", str(cells)),
        ("Chi bộ chưa sinh hoạt", str(without)),
        ("Số đảng viên", str(members)),
        ("Đảng viên đã dự ít nhất một buổi", str(attended)),
        ("Tỷ lệ dự chung", percent(attendance)),
        ("Điểm trắc nghiệm trung bình", percent(quiz_average)),
        ("Lập lúc", when(at)),
    ]


def names_line(title: str, names: list[str], limit: int = 30) -> str:
    shown = ", ".join(names[:limit]) + (
        f" và {len(names) - limit} người khác" if len(names) > limit else ""
    )
    return f"{title} ({len(names)}): {shown}" if names else f"{title}: không có"


def report_caption(unit: str, campaign: str | None) -> str:
    return f"Báo cáo {unit} — {campaign_label(campaign)}"


def report_file_name(unit: str, extension: str) -> str:
    safe = "".join(c if c.isalnum() else "_" for c in unit).strip("_")
    return f"bao_cao_{safe}.{extension}"


def my_record_lines(
    name: str, cell: str, campaign: str | None, attended: int, sessions: int,
    quiz_percent: float | None, quiz_answered: int, questions: int, missed: list[str],
) -> str:  # fmt: skip
    lines = [
        f"Kết quả của {name} ({cell}) — {campaign_label(campaign)}",
        f"Dự sinh hoạt: {attended}/{sessions} buổi",
    ]
    if missed:
        lines.append("Các buổi vắng: " + "; ".join(missed))
    if quiz_percent is None:
        lines.append("Trắc nghiệm: chưa làm")
    else:
        lines.append(
            f"Trắc nghiệm: {percent(quiz_percent)} đúng trên {quiz_answered} câu đã trả lời"
        )
    lines.append(f"Câu hỏi đã hỏi trợ lý: {questions}")
    return "\n".join(lines)


def cell_report_text(report: CellReport) -> str:
    lines = [report_caption(report.cell, report.campaign)]
    lines.append(
        f"Số buổi: {len(report.sessions)} · tỷ lệ dự chung: {percent(report.attendance_rate)}"
    )
    for stat in report.sessions:
        lines.append(
            f"- {stat.topic} ({when(stat.opened_at)}): {stat.present}/{stat.enrolled}"
            f" = {percent(stat.attendance_rate)}"
        )
    lines.append(names_line("Chưa dự buổi nào", report.not_attended))
    lines.append(names_line("Chưa làm trắc nghiệm", report.no_quiz))
    lines.append(f"Điểm trắc nghiệm trung bình: {percent(report.quiz_average)}")
    if report.top_questions:
        lines.append("Câu hỏi nhiều nhất:")
        lines += [f"- {q.question} ({q.count})" for q in report.top_questions[:5]]
    if report.disliked:
        lines.append(f"Câu trả lời bị chê 👎: {len(report.disliked)} (xem tệp Excel)")
    return "\n".join(lines)


def unit_report_text(report: UnitReport) -> str:
    without = report.cells_without_session
    lines = [
        report_caption(report.unit, report.campaign),
        f"Số chi bộ: {len(report.rows)} · đã sinh hoạt: {len(report.rows) - len(without)}",
        f"Đảng viên đã dự: {report.members_attended}/{report.members}"
        f" · tỷ lệ dự chung: {percent(report.attendance_rate)}",
        f"Điểm trắc nghiệm trung bình: {percent(report.quiz_average)}",
        names_line("⚠️ Chi bộ chưa sinh hoạt", without),
        "Chi tiết từng chi bộ trong tệp Excel.",
    ]
    return "\n".join(lines)


def my_record_text(record: MemberRecord) -> str:
    missed = [f"{s.topic} ({when(s.opened_at)})" for s in record.sessions if not s.attended]
    return my_record_lines(
        record.name,
        record.cell,
        record.campaign,
        record.attended,
        len(record.sessions),
        record.quiz.percent if record.quiz else None,
        record.quiz.answered if record.quiz else 0,
        record.questions_asked,
        missed,
    )


# --- command line ------------------------------------------------------------------------------
CLI_REPORT = "báo cáo sinh hoạt của một đơn vị (xlsx, csv, json)"
CLI_REPORT_UNIT = "tên chi bộ hoặc đơn vị (mặc định: đơn vị cao nhất)"
CLI_REPORT_CAMPAIGN = "tên hoặc số của đợt sinh hoạt (mặc định: đợt mới nhất)"
CLI_REPORT_OUT = "ghi vào tệp này (xlsx mặc định ghi bao_cao_<đơn vị>.xlsx)"
CLI_REPORT_CHART = "ghi thêm biểu đồ PNG vào tệp này"
CLI_UNITS = "quản lý đơn vị: add, list, invite"
CLI_MEMBERS = "quản lý đảng viên: add, import"
CLI_CAMPAIGNS = "quản lý đợt sinh hoạt: add, list"
CLI_BAD_DATE = "Ngày phải theo dạng YYYY-MM-DD."


def cli_written(path: str) -> str:
    return f"Đã ghi {path}"


def cli_unit_added(name: str, kind: str) -> str:
    return f"Đã tạo {KIND_NAMES.get(kind, kind)} «{name}»."


def cli_member_added(name: str, unit: str) -> str:
    return f"Đã ghi đảng viên {name} vào «{unit}»."


def cli_campaign_added(title: str, number: int) -> str:
    return f"Đã tạo đợt sinh hoạt số {number}: «{title}»."


# --- Telegram commands ---------------------------------------------------------------------------
CMD_MOI = "Bí thư: tạo mã mời vào chi bộ"
CMD_MOPHIEN = "Bí thư: mở điểm danh buổi sinh hoạt"
CMD_DIEMDANH = "Điểm danh buổi sinh hoạt: /diemdanh <mã>"
CMD_DONGPHIEN = "Bí thư: đóng điểm danh"
CMD_BAOCAO = "Bí thư, cấp ủy: báo cáo sinh hoạt (Excel và biểu đồ)"
CMD_KETQUA = "Xem kết quả học tập của mình"
MOPHIEN_USAGE = TOPIC_EMPTY
MOPHIEN_GROUP_ONLY = "Hãy mở buổi sinh hoạt trong nhóm của chi bộ, để đảng viên cùng điểm danh."
DIEMDANH_USAGE = "Cách dùng: /diemdanh <mã>. Mã do bí thư đọc trong buổi sinh hoạt."
REPORT_PRIVATE_ONLY = (
    "Báo cáo có tên từng đảng viên nên chỉ gửi trong tin nhắn riêng: hãy nhắn /baocao cho trợ lý."
)


def invite_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={code}"
