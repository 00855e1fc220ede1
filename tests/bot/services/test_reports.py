"""Reports: exact numbers reconciled with raw rows, rollups, role rules, exports."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from bot.records.models import (
    Attendance,
    Member,
    QuestionLog,
    Refusal,
    StudySession,
    Unit,
    utcnow,
)
from bot.records.quiz_models import QuizAnswer, QuizQuestion, QuizRun
from bot.services.answers import Answer
from bot.services.errors import AccessDenied, DomainError, NotEnrolled
from bot.services.identity import UserRef
from bot.services.report_data import CellReport, UnitReport
from bot.services.report_export import chart_png, to_csv, to_json, to_xlsx
from bot.services.reports import ReportService
from bot.texts import records as texts
from tests.auxil.records_world import ADMIN, DISTRICT_SEC, GROUP_A, SEC_A, SEC_B, World


@pytest.fixture
def reports(world: World) -> ReportService:
    return ReportService(world.db, world.access)


def add_quiz(world: World, answers: list[tuple[UserRef, int, bool]]) -> None:
    """Each (user, answered, correct?) becomes that many answers, the first ones correct."""
    now = utcnow()
    with world.db.session() as session:
        question = QuizQuestion(
            text="?", options=["a", "b"], correct=0, explanation="", document="000_kh.txt",
            source_text="", topic="t", difficulty="easy", status="approved", generator="manual",
            fingerprint=f"fp{random.random()}", edited=False, created_at=now, updated_at=now,
        )  # fmt: skip
        session.add(question)
        session.flush()
        for user, answered, correct in answers:
            run = QuizRun(
                mode="practice", channel="telegram", chat_id=user.user_id, started_by=user.user_id,
                state="finished", question_ids=[question.id] * answered, seconds_per_question=30,
                started_at=now,
            )  # fmt: skip
            session.add(run)
            session.flush()
            member_id = world.access.member(session, user)
            for position in range(answered):
                session.add(
                    QuizAnswer(
                        run_id=run.id, position=position, question_id=question.id,
                        channel=user.channel, user_id=user.user_id,
                        member_id=member_id.id if member_id else None, option=0,
                        correct=position < correct, answered_at=now,
                    )
                )  # fmt: skip


def ask(world: World, user: UserRef, question: str) -> int:
    return world.questions.record(user, GROUP_A, Answer("…", True, [], question))


@pytest.fixture
def scenario(world: World) -> dict[str, UserRef]:
    """Thôn 1: two sessions (3/4 then 2/4 present); Thôn 2: none; Lộc Bắc elsewhere."""
    an = world.enrol("Chi bộ Thôn 1", "501", "An", SEC_A)
    binh = world.enrol("Chi bộ Thôn 1", "502", "Bình", SEC_A)
    cuong = world.enrol("Chi bộ Thôn 1", "503", "Cường", SEC_A)
    dung = world.enrol("Chi bộ Thôn 2", "601", "Dung", SEC_B)
    first = world.attendance.open_session(SEC_A, GROUP_A, "Buổi 1")
    for user in (SEC_A, an, binh, an):  # An's check-in delivered twice
        world.attendance.check_in(user, first.code)
    world.attendance.close_session(SEC_A, GROUP_A)
    second = world.attendance.open_session(SEC_A, GROUP_A, "Buổi 2")
    for user in (an, cuong):
        world.attendance.check_in(user, second.code)
    world.attendance.close_session(SEC_A, GROUP_A)
    add_quiz(world, [(an, 4, 3), (binh, 2, 1), (dung, 5, 5)])
    for user, question in [
        (an, "Mục tiêu?"),
        (binh, "Mục tiêu?"),
        (an, "Thời gian?"),
        (dung, "Mục tiêu?"),
        (UserRef("telegram", "999"), "Mục tiêu?"),
    ]:
        qid = ask(world, user, question)
    world.questions.vote(qid - 1, dung, -1)  # Dung's own question, disliked
    world.questions.vote(qid - 1, binh, -1)
    world.questions.vote(qid - 1, an, 1)  # fmt: skip
    return {"an": an, "binh": binh, "cuong": cuong, "dung": dung}


def test_cell_report_numbers(reports: ReportService, scenario: dict[str, UserRef]) -> None:
    report = reports.report(SEC_A)
    assert isinstance(report, CellReport)
    assert report.cell == "Chi bộ Thôn 1" and report.campaign == "Học tập Nghị quyết 57"
    assert [(s.topic, s.present, s.enrolled) for s in report.sessions] == [
        ("Buổi 1", 3, 4),
        ("Buổi 2", 2, 4),
    ]
    assert [s.attendance_rate for s in report.sessions] == [75.0, 50.0]
    assert report.attendance_rate == 62.5
    assert report.not_attended == []
    assert report.no_quiz == ["Bí thư A", "Cường"]
    scores = {m.name: m.quiz.percent for m in report.members if m.quiz}
    assert scores == {"An": 75.0, "Bình": 50.0}
    assert report.quiz_average == 62.5
    assert report.quiz_bands == {"< 50%": 0, "50–64%": 1, "65–79%": 1, "≥ 80%": 0}
    # Only enrolled members' questions count; the unenrolled user's and other cells' do not.
    assert [(q.question, q.count) for q in report.top_questions] == [
        ("Mục tiêu?", 2),
        ("Thời gian?", 1),
    ]
    assert report.questions_asked == 3
    assert report.disliked == []  # the disliked answer was Dung's, in Thôn 2


def test_unit_rollup_reconciles_with_cells_and_raw_rows(
    reports: ReportService, world: World, scenario: dict[str, UserRef]
) -> None:
    report = reports.report(DISTRICT_SEC)
    assert isinstance(report, UnitReport)
    assert [r.cell for r in report.rows] == ["Chi bộ Thôn 1", "Chi bộ Thôn 2"]
    assert report.cells_without_session == ["Chi bộ Thôn 2"]
    first, second = report.rows
    cell = reports.report(SEC_A)
    assert isinstance(cell, CellReport)
    assert first.members == len(cell.members) == 4
    assert first.sessions == len(cell.sessions) == 2
    assert first.check_ins == sum(s.present for s in cell.sessions) == 5
    assert first.members_attended == 4 - len(cell.not_attended)
    assert first.attendance_rate == cell.attendance_rate
    assert first.quiz_average == cell.quiz_average and first.quiz_takers == 2
    assert (second.members, second.sessions, second.quiz_takers, second.quiz_average) == (
        2, 0, 1, 100.0,
    )  # fmt: skip
    assert report.members == 6 and report.members_attended == 4
    with world.db.session() as session:
        raw_check_ins = session.scalar(sa.select(sa.func.count()).select_from(Attendance))
        raw_questions = session.scalar(
            sa.select(sa.func.count()).select_from(QuestionLog).where(QuestionLog.member_id.is_not(None))
        )  # fmt: skip
    assert sum(r.check_ins for r in report.rows) == raw_check_ins
    assert sum(r.questions_asked for r in report.rows) == raw_questions == 4
    assert [(d.question, d.down, d.up) for d in report.disliked] == [("Mục tiêu?", 2, 1)]


def test_random_records_reconcile_exactly(reports: ReportService, world: World) -> None:
    rng = random.Random(7)
    users = [world.enrol("Chi bộ Thôn 1", str(800 + i), f"ĐV {i:02d}", SEC_A) for i in range(12)]
    for number in range(4):
        opened = world.attendance.open_session(SEC_A, GROUP_A, f"Buổi {number}")
        for user in rng.sample(users, rng.randint(0, len(users))):
            for _ in range(rng.randint(1, 2)):
                world.attendance.check_in(user, opened.code)
        world.attendance.close_session(SEC_A, GROUP_A)
    report = reports.report(SEC_A, "Chi bộ Thôn 1")
    assert isinstance(report, CellReport)
    with world.db.session() as session:
        raw = session.execute(
            sa.select(StudySession.topic, Member.name)
            .join(Attendance, Attendance.session_id == StudySession.id)
            .join(Member, Member.id == Attendance.member_id)
        ).all()
        members = session.scalar(
            sa.select(sa.func.count())
            .select_from(Member)
            .join(Unit, Unit.id == Member.unit_id)
            .where(Unit.name == "Chi bộ Thôn 1")
        )
    for stat in report.sessions:
        assert stat.present == sum(1 for topic, _ in raw if topic == stat.topic)
        assert stat.enrolled == members == len(report.members)
    for member in report.members:
        assert member.sessions_attended == sum(1 for _, name in raw if name == member.name)
    assert report.not_attended == sorted(
        m.name for m in report.members if all(name != m.name for _, name in raw)
    )


def test_role_rules_refuse_and_log(
    reports: ReportService, world: World, scenario: dict[str, UserRef]
) -> None:
    refusals = [
        (scenario["an"], None, texts.MEMBER_ONLY_OWN),
        (SEC_A, "Chi bộ Thôn 2", texts.outside_scope("Chi bộ Thôn 2")),
        (SEC_B, "Huyện ủy Di Linh", texts.outside_scope("Huyện ủy Di Linh")),
        (DISTRICT_SEC, "Chi bộ Lộc Bắc", texts.outside_scope("Chi bộ Lộc Bắc")),
        (DISTRICT_SEC, "Tỉnh ủy Lâm Đồng", texts.outside_scope("Tỉnh ủy Lâm Đồng")),
    ]
    for viewer, unit, message in refusals:
        with pytest.raises(AccessDenied) as caught:
            reports.report(viewer, unit)
        assert str(caught.value) == message
    with pytest.raises(NotEnrolled):
        reports.report(UserRef("telegram", "999"))
    with world.db.session() as session:
        logged = session.execute(sa.select(Refusal.user_id, Refusal.action)).all()
    assert len(logged) == len(refusals) + 1 and {a for _, a in logged} == {"report"}
    # Allowed: a committee inside its subtree, admins and the console operator everywhere.
    assert isinstance(reports.report(DISTRICT_SEC, "Chi bộ Thôn 2"), CellReport)
    province = reports.report(ADMIN)
    assert isinstance(province, UnitReport) and len(province.rows) == 3
    assert isinstance(reports.report(None, "Chi bộ Lộc Bắc"), CellReport)
    with pytest.raises(DomainError, match="Không tìm thấy đợt"):
        reports.report(ADMIN, campaign="Không có")


def test_my_record(reports: ReportService, scenario: dict[str, UserRef]) -> None:
    record = reports.my_record(scenario["cuong"])
    assert (record.name, record.cell, record.attended, len(record.sessions)) == (
        "Cường", "Chi bộ Thôn 1", 1, 2,
    )  # fmt: skip
    assert record.quiz is None and record.questions_asked == 0
    an = reports.my_record(scenario["an"])
    assert an.attended == 2 and an.quiz is not None and an.quiz.percent == 75.0
    text = texts.my_record_text(record)
    assert "1/2 buổi" in text and "Buổi 1" in text and "chưa làm" in text
    with pytest.raises(NotEnrolled):
        reports.my_record(UserRef("zalo", "abc"))


def test_exports(reports: ReportService, scenario: dict[str, UserRef]) -> None:
    unit = reports.report(DISTRICT_SEC)
    cell = reports.report(SEC_A)
    book = load_workbook(io.BytesIO(to_xlsx(unit)))
    assert book.sheetnames[0] == texts.SHEET_SUMMARY
    summary = {row[0]: row[1] for row in book[texts.SHEET_SUMMARY].iter_rows(values_only=True)}
    assert summary["Chi bộ chưa sinh hoạt"] == "1" and summary["Số đảng viên"] == "6"
    cells = list(book[texts.SHEET_CELLS].iter_rows(values_only=True))
    assert cells[1][:4] == ("Chi bộ Thôn 1", 4, 2, 5) and cells[2][-1] == texts.NO
    assert book[texts.SHEET_CELLS]["A3"].fill.fgColor.rgb.endswith("FFC7CE")
    cell_book = load_workbook(io.BytesIO(to_xlsx(cell)))
    assert cell_book.sheetnames[:3] == [
        texts.SHEET_SUMMARY,
        texts.SHEET_MEMBERS,
        texts.SHEET_SESSIONS,
    ]
    rows = list(csv.reader(io.StringIO(to_csv(cell).lstrip("\ufeff"))))
    assert rows[0] == list(texts.CELL_COLUMNS) and len(rows) == 5
    data = json.loads(to_json(unit))
    assert data["kind"] == "unit" and data["cells_without_session"] == ["Chi bộ Thôn 2"]
    assert json.loads(to_json(cell))["sessions"][0]["attendance_rate"] == 75.0
    png = chart_png(unit)
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    assert chart_png(cell).startswith(b"\x89PNG")
    assert "Chi bộ Thôn 2" in texts.unit_report_text(unit)  # type: ignore[arg-type]
    assert "Buổi 1" in texts.cell_report_text(cell)  # type: ignore[arg-type]
