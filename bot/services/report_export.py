"""Reports rendered for people: XLSX (summary sheet first), CSV, JSON, and a PNG chart."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from bot.services.report_data import CellReport, Report, UnitReport
from bot.services.spreadsheet import append_row, write_table
from bot.texts import records as texts
from bot.texts import records_render as render_texts

FORMATS = ("xlsx", "csv", "json")


def summary(report: Report) -> list[tuple[str, str]]:
    """The summary sheet's label/value pairs."""
    if isinstance(report, CellReport):
        return render_texts.summary_pairs_cell(
            report.cell, report.campaign, len(report.sessions), len(report.members),
            report.attendance_rate, len(report.not_attended), len(report.no_quiz),
            report.quiz_average, report.questions_asked, report.generated_at,
        )  # fmt: skip
    return render_texts.summary_pairs_unit(
        report.unit, report.campaign, len(report.rows), len(report.cells_without_session),
        report.members, report.members_attended, report.attendance_rate, report.quiz_average,
        report.generated_at,
    )  # fmt: skip


def main_table(report: Report) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Header and rows of the report's main table (members of a cell, or cells of a unit)."""
    if isinstance(report, CellReport):
        return texts.CELL_COLUMNS, [
            [
                m.name,
                texts.ROLE_NAMES.get(m.role, m.role),
                m.sessions_attended,
                m.quiz.answered if m.quiz else None,
                m.quiz.correct if m.quiz else None,
                m.quiz.percent if m.quiz else None,
            ]
            for m in report.members
        ]
    return texts.UNIT_COLUMNS, [
        [
            r.cell, r.members, r.sessions, r.check_ins, r.members_attended, r.attendance_rate,
            r.quiz_takers, r.quiz_average, r.questions_asked,
            texts.YES if r.held_session else texts.NO,
        ]
        for r in report.rows
    ]  # fmt: skip


def to_csv(report: Report) -> str:
    """The main table as CSV (UTF-8 with BOM so Excel shows Vietnamese correctly)."""
    header, rows = main_table(report)
    return write_table(header, rows, "csv").decode("utf-8")


def to_dict(report: Report) -> dict[str, Any]:
    """Everything in the report, computed figures included, JSON-ready."""
    data = asdict(report)
    if isinstance(report, CellReport):
        data["kind"] = "cell"
        data.update(
            attendance_rate=report.attendance_rate,
            not_attended=report.not_attended,
            no_quiz=report.no_quiz,
            quiz_average=report.quiz_average,
            quiz_bands=report.quiz_bands,
        )
        for stat, row in zip(report.sessions, data["sessions"], strict=True):
            row["attendance_rate"] = stat.attendance_rate
        for member, row in zip(report.members, data["members"], strict=True):
            if member.quiz is not None:
                row["quiz"]["percent"] = member.quiz.percent
    else:
        data["kind"] = "unit"
        data.update(
            attendance_rate=report.attendance_rate,
            members=report.members,
            members_attended=report.members_attended,
            cells_without_session=report.cells_without_session,
        )
        for cell_row, row in zip(report.rows, data["rows"], strict=True):
            row["attendance_rate"] = cell_row.attendance_rate
            row["held_session"] = cell_row.held_session
    return data


def to_json(report: Report) -> str:
    """The report as JSON text."""

    def default(value: object) -> str:
        if isinstance(value, datetime):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    return json.dumps(to_dict(report), ensure_ascii=False, indent=2, default=default)


def to_xlsx(report: Report) -> bytes:
    """A workbook: summary sheet first, then the detail sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = texts.SHEET_SUMMARY
    for label, value in summary(report):
        append_row(sheet, [label, value])
    for cell in sheet["A"]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 48

    header, rows = main_table(report)
    detail = book.create_sheet(
        texts.SHEET_MEMBERS if isinstance(report, CellReport) else texts.SHEET_CELLS
    )
    _table(detail, header, rows)
    if isinstance(report, UnitReport):
        highlight = PatternFill("solid", fgColor="FFC7CE")  # cells still to hold a session
        for index, row in enumerate(report.rows, start=2):
            if not row.held_session:
                for cell in detail[index]:
                    cell.fill = highlight
    else:
        _table(
            book.create_sheet(texts.SHEET_SESSIONS),
            texts.SESSION_COLUMNS,
            [
                [s.topic, texts.when(s.opened_at), texts.when(s.closed_at) if s.closed_at else "",
                 s.present, s.enrolled, s.attendance_rate]
                for s in report.sessions
            ],
        )  # fmt: skip
    _table(
        book.create_sheet(texts.SHEET_QUESTIONS),
        texts.QUESTION_COLUMNS,
        [[q.question, q.count] for q in report.top_questions],
    )
    _table(
        book.create_sheet(texts.SHEET_DISLIKED),
        texts.DISLIKED_COLUMNS,
        [[d.question_id, d.question, d.answer, d.down, d.up] for d in report.disliked],
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table(sheet: Any, header: tuple[str, ...], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Font

    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, row)
    sheet.freeze_panes = "A2"
    for index, title in enumerate(header):
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = max(12, min(60, len(title) + 4))


def chart_png(report: Report) -> bytes:
    """Attendance per session (or per cell) and the quiz score distribution, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    if isinstance(report, CellReport):
        labels = [s.topic[:30] for s in report.sessions]
        values = [s.attendance_rate or 0.0 for s in report.sessions]
        colors = ["#c0392b"] * len(values)
        bands = report.quiz_bands
    else:
        labels = [r.cell[:30] for r in report.rows]
        values = [r.attendance_rate or 0.0 for r in report.rows]
        colors = ["#c0392b" if r.held_session else "#bbbbbb" for r in report.rows]
        bands = report.quiz_bands
    height = max(3.5, 0.22 * len(labels) + 1.5)
    figure = Figure(figsize=(11, height), dpi=100)
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    left.barh(range(len(labels)), values, color=colors)
    left.set_yticks(range(len(labels)), labels, fontsize=7 if len(labels) > 40 else 9)
    left.invert_yaxis()
    left.set_xlim(0, 100)
    left.set_xlabel(texts.CHART_ATTENDANCE)
    left.set_title(render_texts.report_caption(_name(report), report.campaign), fontsize=10)
    right.bar(list(bands), list(bands.values()), color="#f1c40f")
    right.set_title(texts.CHART_SCORES, fontsize=10)
    right.set_ylabel(texts.CHART_MEMBERS)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _name(report: Report) -> str:
    return report.cell if isinstance(report, CellReport) else report.unit


def render(report: Report, fmt: str) -> bytes:
    """The report in one of FORMATS, as bytes ready to write or send."""
    if fmt == "xlsx":
        return to_xlsx(report)
    if fmt == "csv":
        return to_csv(report).encode("utf-8")
    if fmt == "json":
        return to_json(report).encode("utf-8")
    raise ValueError(fmt)
