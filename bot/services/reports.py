"""Reports: a cell's participation, a committee's rollup over its cells, a member's own record."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from bot.records import Database
from bot.records.models import (
    Attendance,
    Campaign,
    CampaignUnit,
    Member,
    QuestionLog,
    StudySession,
    utcnow,
)
from bot.services.access import Access, Actor, UnitNode, UnitTree
from bot.services.errors import DomainError, NotEnrolled
from bot.services.identity import UserRef
from bot.services.organisation import require_unit
from bot.services.report_data import (
    CellReport,
    CellRow,
    MemberRecord,
    MemberStat,
    QuizScore,
    Report,
    SessionAttendance,
    SessionStat,
    UnitReport,
    quiz_summary,
)
from bot.services.report_queries import Period, by_cell, disliked, questions, quiz_scores
from bot.texts import records as texts


class ReportService:
    """Builds reports, enforcing who may see what."""

    def __init__(self, database: Database, access: Access) -> None:
        self.database = database
        self.access = access

    def report(
        self, viewer: UserRef | None, unit: str | None = None, campaign: str | None = None
    ) -> Report:
        """The cell report for a cell, the rollup for a higher unit; role-checked."""
        with self.access.audited(), self.database.read() as session:
            tree = UnitTree.load(session)
            actor = self.access.actor(session, viewer)
            node = self._target(tree, actor, unit)
            if actor.member is not None and actor.member.role == "member" and not actor.is_admin:
                assert viewer is not None
                self.access.refuse(viewer, "report", node.name, texts.MEMBER_ONLY_OWN, actor.member)
            self.access.require_oversight(tree, actor, node, "report")
            period = self._period(session, tree, node, campaign)
            if node.kind == "cell":
                return self._cell(session, node, period)
            return self._unit(session, tree, node, period)

    def my_record(self, user: UserRef, campaign: str | None = None) -> MemberRecord:
        """The member's own attendance and quiz results (`/ketqua`)."""
        with self.access.audited(), self.database.read() as session:
            member = self.access.require_member(session, user, "my_record")
            tree = UnitTree.load(session)
            cell = tree.nodes[member.unit_id]
            period = self._period(session, tree, cell, campaign)
            rows = session.execute(
                select(StudySession.topic, StudySession.opened_at, Attendance.id)
                .outerjoin(
                    Attendance,
                    and_(
                        Attendance.session_id == StudySession.id, Attendance.member_id == member.id
                    ),
                )
                .where(StudySession.cell_id == cell.id, period.sessions())
                .order_by(StudySession.opened_at)
            ).all()
            quiz = quiz_scores(session, [Member.id == member.id], period).get(member.id)
            asked = session.scalar(
                select(func.count())
                .select_from(QuestionLog)
                .where(QuestionLog.member_id == member.id, period.window(QuestionLog.asked_at))
            )
            sessions = [SessionAttendance(r.topic, r.opened_at, r.id is not None) for r in rows]
            return MemberRecord(member.name, cell.name, period.title, sessions, quiz, asked or 0)

    def _target(self, tree: UnitTree, actor: Actor, unit: str | None) -> UnitNode:
        if unit is not None:
            return require_unit(tree, unit)
        if actor.member is not None:
            return tree.nodes[actor.member.unit_id]
        roots = [n for n in tree.nodes.values() if n.parent_id is None]
        if (actor.is_admin or actor.is_operator) and len(roots) == 1:
            return roots[0]
        if actor.user is not None and not actor.is_admin:
            self.access.refuse(actor.user, "report", None, texts.NOT_ENROLLED, error=NotEnrolled)
        raise DomainError(texts.NAME_THE_UNIT)

    @staticmethod
    def _period(session: Session, tree: UnitTree, node: UnitNode, name: str | None) -> Period:
        """The named campaign, else the newest one involving this unit; None: all records."""
        query = select(Campaign)
        campaign: Campaign | None
        if name is not None:
            wanted = name.strip()
            found = [
                c
                for c in session.scalars(query)
                if c.title.casefold() == wanted.casefold() or str(c.id) == wanted
            ]
            if not found:
                raise DomainError(texts.unknown_campaign(wanted))
            campaign = found[0]
        else:
            related = set(tree.ancestors(node.id)) | set(tree.subtree(node.id))
            campaign = session.scalars(
                query.join(CampaignUnit, CampaignUnit.campaign_id == Campaign.id)
                .where(CampaignUnit.unit_id.in_(related))
                .order_by(Campaign.created_at.desc(), Campaign.id.desc())
            ).first()
            if campaign is None:
                return Period(None, None, None, None)
        return Period(campaign.id, campaign.title, campaign.starts_at, campaign.deadline)

    def _cell(self, session: Session, cell: UnitNode, period: Period) -> CellReport:
        members = session.execute(
            select(Member.id, Member.name, Member.role)
            .where(Member.unit_id == cell.id)
            .order_by(Member.name)
        ).all()
        sessions = session.execute(
            select(StudySession.id, StudySession.topic, StudySession.opened_at,
                   StudySession.closed_at, func.count(Attendance.id))
            .outerjoin(Attendance, Attendance.session_id == StudySession.id)
            .where(StudySession.cell_id == cell.id, period.sessions())
            .group_by(StudySession.id)
            .order_by(StudySession.opened_at)
        ).all()  # fmt: skip
        attended = dict(
            session.execute(
                select(Attendance.member_id, func.count())
                .join(StudySession, StudySession.id == Attendance.session_id)
                .where(StudySession.cell_id == cell.id, period.sessions())
                .group_by(Attendance.member_id)
            ).all()
        )
        quiz = quiz_scores(session, [Member.unit_id == cell.id], period)
        top, asked = questions(session, [cell.id], period)
        return CellReport(
            cell=cell.name,
            campaign=period.title,
            generated_at=utcnow(),
            sessions=[SessionStat(s[1], s[2], s[3], s[4], len(members)) for s in sessions],
            members=[
                MemberStat(m.name, m.role, attended.get(m.id, 0), quiz.get(m.id)) for m in members
            ],
            top_questions=top,
            disliked=disliked(session, [cell.id], period),
            questions_asked=asked,
        )

    def _unit(self, session: Session, tree: UnitTree, unit: UnitNode, period: Period) -> UnitReport:
        cells = tree.cells_under(unit.id)
        cell_ids = [c.id for c in cells]
        in_cells = Member.unit_id.in_(cell_ids)
        members = by_cell(session, select(Member.unit_id, func.count()).where(in_cells))
        held = by_cell(
            session,
            select(StudySession.cell_id, func.count()).where(
                StudySession.cell_id.in_(cell_ids), period.sessions()
            ),
        )
        check_ins = {
            row[0]: (row[1], row[2])
            for row in session.execute(
                select(
                    StudySession.cell_id, func.count(), func.count(Attendance.member_id.distinct())
                )
                .join(Attendance, Attendance.session_id == StudySession.id)
                .where(StudySession.cell_id.in_(cell_ids), period.sessions())
                .group_by(StudySession.cell_id)
            )
        }
        asked = by_cell(
            session,
            select(Member.unit_id, func.count())
            .join(QuestionLog, QuestionLog.member_id == Member.id)
            .where(in_cells, period.window(QuestionLog.asked_at)),
        )
        member_cell = dict(session.execute(select(Member.id, Member.unit_id).where(in_cells)).all())
        per_cell: dict[int, list[QuizScore]] = defaultdict(list)
        scores = quiz_scores(session, [in_cells], period)
        for member_id, score in scores.items():
            per_cell[member_cell[member_id]].append(score)
        rows = [
            CellRow(
                cell=c.name,
                members=members.get(c.id, 0),
                sessions=held.get(c.id, 0),
                check_ins=check_ins.get(c.id, (0, 0))[0],
                members_attended=check_ins.get(c.id, (0, 0))[1],
                quiz_takers=len(per_cell[c.id]),
                quiz_average=quiz_summary(per_cell[c.id])[0],
                questions_asked=asked.get(c.id, 0),
            )
            for c in cells
        ]
        subtree = tree.subtree(unit.id)
        average, bands = quiz_summary(list(scores.values()))
        return UnitReport(
            unit=unit.name,
            campaign=period.title,
            generated_at=utcnow(),
            rows=rows,
            top_questions=questions(session, subtree, period)[0],
            disliked=disliked(session, subtree, period),
            quiz_bands=bands,
            quiz_average=average,
        )
