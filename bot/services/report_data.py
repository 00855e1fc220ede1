"""What reports contain: plain data, computed once, rendered as text, XLSX, CSV, JSON or PNG."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Score bands (percent of answered quiz questions correct), as grading is read in cells.
SCORE_BANDS = ((0, 50, "< 50%"), (50, 65, "50–64%"), (65, 80, "65–79%"), (80, 101, "≥ 80%"))


def rate(part: int, whole: int) -> float | None:
    """A percentage rounded to one decimal, or None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class QuizScore:
    """A member's quiz results in the period: answered and correct questions."""

    answered: int
    correct: int

    @property
    def percent(self) -> float:
        """Share of answered questions answered correctly."""
        return round(100 * self.correct / self.answered, 1) if self.answered else 0.0


@dataclass(frozen=True)
class SessionStat:
    """One study session of a cell."""

    topic: str
    opened_at: datetime
    closed_at: datetime | None
    present: int
    enrolled: int

    @property
    def attendance_rate(self) -> float | None:
        """Present / enrolled, in percent."""
        return rate(self.present, self.enrolled)


@dataclass(frozen=True)
class MemberStat:
    """One member's participation."""

    name: str
    role: str
    sessions_attended: int
    quiz: QuizScore | None  # None: has not taken a quiz


@dataclass(frozen=True)
class QuestionStat:
    """A question and how many times it was asked."""

    question: str
    count: int


@dataclass(frozen=True)
class DislikedAnswer:
    """An answer people rated 👎."""

    question_id: int
    question: str
    answer: str
    down: int
    up: int


def quiz_summary(scores: list[QuizScore]) -> tuple[float | None, dict[str, int]]:
    """Average percent and the count per score band."""
    bands = {label: 0 for _, _, label in SCORE_BANDS}
    for score in scores:
        label = next(lab for low, high, lab in SCORE_BANDS if low <= score.percent < high)
        bands[label] += 1
    average = round(sum(s.percent for s in scores) / len(scores), 1) if scores else None
    return average, bands


@dataclass
class CellReport:
    """A cell's participation in a campaign (or in everything, when no campaign)."""

    cell: str
    campaign: str | None
    generated_at: datetime
    sessions: list[SessionStat]
    members: list[MemberStat]
    top_questions: list[QuestionStat] = field(default_factory=list)
    disliked: list[DislikedAnswer] = field(default_factory=list)
    questions_asked: int = 0

    @property
    def attendance_rate(self) -> float | None:
        """All check-ins over all seats offered (sessions × enrolled)."""
        return rate(sum(s.present for s in self.sessions), sum(s.enrolled for s in self.sessions))

    @property
    def not_attended(self) -> list[str]:
        """Members who attended no session."""
        return [m.name for m in self.members if m.sessions_attended == 0]

    @property
    def no_quiz(self) -> list[str]:
        """Members who have not taken a quiz."""
        return [m.name for m in self.members if m.quiz is None]

    @property
    def quiz_average(self) -> float | None:
        """Average quiz score of the members who took one."""
        return quiz_summary([m.quiz for m in self.members if m.quiz])[0]

    @property
    def quiz_bands(self) -> dict[str, int]:
        """How many members fall in each score band."""
        return quiz_summary([m.quiz for m in self.members if m.quiz])[1]


@dataclass(frozen=True)
class CellRow:
    """One cell's line in a higher unit's report."""

    cell: str
    members: int
    sessions: int
    check_ins: int
    members_attended: int
    quiz_takers: int
    quiz_average: float | None
    questions_asked: int

    @property
    def held_session(self) -> bool:
        """False marks the cells to chase up."""
        return self.sessions > 0

    @property
    def attendance_rate(self) -> float | None:
        """Check-ins over seats offered (sessions × members)."""
        return rate(self.check_ins, self.sessions * self.members)


@dataclass
class UnitReport:
    """A committee's rollup: one row per cell of its subtree."""

    unit: str
    campaign: str | None
    generated_at: datetime
    rows: list[CellRow]
    top_questions: list[QuestionStat] = field(default_factory=list)
    disliked: list[DislikedAnswer] = field(default_factory=list)
    quiz_bands: dict[str, int] = field(default_factory=dict)
    quiz_average: float | None = None

    @property
    def members(self) -> int:
        """Members in all cells."""
        return sum(r.members for r in self.rows)

    @property
    def cells_without_session(self) -> list[str]:
        """Cells that have not held a session."""
        return [r.cell for r in self.rows if not r.held_session]

    @property
    def attendance_rate(self) -> float | None:
        """Check-ins over seats offered, across all cells."""
        return rate(
            sum(r.check_ins for r in self.rows), sum(r.sessions * r.members for r in self.rows)
        )

    @property
    def members_attended(self) -> int:
        """Members who attended at least one session."""
        return sum(r.members_attended for r in self.rows)


@dataclass(frozen=True)
class SessionAttendance:
    """One session in a member's own record."""

    topic: str
    opened_at: datetime
    attended: bool


@dataclass(frozen=True)
class MemberRecord:
    """What `/ketqua` shows a member about themselves."""

    name: str
    cell: str
    campaign: str | None
    sessions: list[SessionAttendance]
    quiz: QuizScore | None
    questions_asked: int

    @property
    def attended(self) -> int:
        """Sessions attended."""
        return sum(s.attended for s in self.sessions)


Report = CellReport | UnitReport
