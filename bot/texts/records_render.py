"""Records rendered as plain text: the live check-in post, report summaries, a member's record."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.texts.formats import percent, when
from bot.texts.menus import CHECK_IN_BUTTON
from knowledge.textnorm import shorten

if TYPE_CHECKING:
    from bot.services.report_data import CellReport, MemberRecord, UnitReport

NO_CAMPAIGN = "tất cả các đợt"

# The live check-in post is edited in place, so it must stay one message: long name lists
# are cut (the final list at /dongphien is complete, split over messages if needed).
LIVE_NAMES_CHARS = 3000
LIVE_NAME_CHARS = 40


def live_check_in(
    cell: str, topic: str, code: str, present: list[str], enrolled: int, closed: bool = False
) -> str:
    """The one check-in post of a session, edited as members check in."""
    lines = [f"📋 Điểm danh buổi «{shorten(topic, 200)}» — {cell}"]
    if closed:
        lines.append("Đã đóng điểm danh.")
    else:
        lines.append(f"Gõ /diemdanh {code} hoặc bấm nút «{CHECK_IN_BUTTON}» bên dưới.")
    lines.append(f"Có mặt: {len(present)}/{enrolled}")
    shown: list[str] = []
    length = 0
    for name in present:
        name = shorten(name, LIVE_NAME_CHARS)
        if length + len(name) + 2 > LIVE_NAMES_CHARS:
            break
        shown.append(name)
        length += len(name) + 2
    if shown:
        more = len(present) - len(shown)
        tail = f" và {more} đồng chí khác" if more else ""
        lines.append(", ".join(shown) + tail)
    return "\n".join(lines)


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
