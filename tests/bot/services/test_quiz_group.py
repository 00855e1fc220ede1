"""Group quizzes: idempotent answers, retraction, late answers, leaderboard, member scores."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.records.database import Database
from bot.records.models import Identity, Member, Unit, utcnow
from bot.records.quiz_models import QuizAnswer
from bot.services.identity import ChatRef, UserRef
from bot.services.quiz_bank import QuizError
from bot.services.quiz_group import GroupQuizService
from bot.services.report_queries import Period, quiz_scores
from bot.texts import quiz as texts

GROUP = ChatRef("telegram", "-100", is_group=True)
SECRETARY = UserRef("telegram", "1", "Bí thư")
AN, BINH, CHI, DUNG = (
    UserRef("telegram", str(i), n) for i, n in [(2, "An"), (3, "Bình"), (4, "Chi"), (5, "Dũng")]
)


def test_group_quiz_answers_count_once(group_quiz: GroupQuizService) -> None:
    play = group_quiz
    first = play.start(GROUP, SECRETARY, 2, 30)
    with pytest.raises(QuizError):
        play.start(GROUP, SECRETARY, 2, 30)  # one quiz per group at a time
    sent = utcnow()
    deadline = play.mark_sent(first.run_id, 0, "poll-1", "10", sent)
    right, wrong = first.correct, (first.correct + 1) % len(first.options)
    assert play.answer_poll("telegram", "poll-1", AN, [right], sent) == "counted"
    assert play.answer_poll("telegram", "poll-1", AN, [right], sent) == "duplicate"
    assert play.answer_poll("telegram", "poll-1", AN, [wrong], sent) == "duplicate"
    assert play.answer_poll("telegram", "poll-1", BINH, [wrong], sent) == "counted"
    assert play.answer_poll("telegram", "poll-1", CHI, [right], sent) == "counted"
    assert play.answer_poll("telegram", "poll-1", CHI, [], sent) == "retracted"
    late = deadline + timedelta(seconds=1)
    assert play.answer_poll("telegram", "poll-1", DUNG, [right], late) == "late"
    assert play.answer_poll("telegram", "poll-x", DUNG, [right], sent) == "unknown"

    second = play.advance(first.run_id)
    assert second is not None and second.position == 1
    play.mark_sent(first.run_id, 1, "poll-2", "11", sent)
    assert play.answer_poll("telegram", "poll-2", BINH, [second.correct], sent) == "counted"
    assert play.answer_poll("telegram", "poll-2", CHI, [second.correct], sent) == "counted"
    assert play.advance(first.run_id) is None  # finished
    assert play.running(GROUP) is None
    assert play.answer_poll("telegram", "poll-2", AN, [0], sent) == "closed"

    results = play.results(first.run_id)
    board = [(line.name, line.correct, line.answered) for line in results.lines]
    # Ties: fewer answers (fewer guesses) first, then by name.
    assert board == [("An", 1, 1), ("Chi", 1, 1), ("Bình", 1, 2)]
    assert results.participants == 3 and results.total == 2
    assert "3 người tham gia" in texts.results(results.lines, results.total)


def test_answers_count_for_the_member_in_reports(
    group_quiz: GroupQuizService, db: Database
) -> None:
    with db.session() as session:
        unit = Unit(name="Chi bộ Thôn 1", kind="cell")
        session.add(unit)
        session.flush()
        member = Member(name="An", unit_id=unit.id, role="member", created_at=utcnow())
        session.add(member)
        session.flush()
        session.add(Identity(channel="zalo", user_id="z-an", member_id=member.id))
        member_id = member.id
    chat = ChatRef("zalo", "g1", is_group=True)
    an = UserRef("zalo", "z-an", "An")
    first = group_quiz.start(chat, SECRETARY, 1, 20)
    group_quiz.mark_sent(first.run_id, 0, "zp-1", None, utcnow())
    assert group_quiz.answer_poll("zalo", "zp-1", an, [4], utcnow()) == "invalid"
    assert group_quiz.answer_poll("zalo", "zp-1", an, [first.correct], utcnow()) == "counted"
    assert group_quiz.answer_poll("zalo", "zp-1", an, [0], utcnow()) == "duplicate"
    assert group_quiz.advance(first.run_id) is None
    everything = Period(None, None, None, None)
    with db.session() as session:
        scores = quiz_scores(session, [Member.id.in_([member_id, 999])], everything)
        assert session.scalars(select(QuizAnswer.member_id)).all() == [member_id]
    assert list(scores) == [member_id]
    assert (scores[member_id].answered, scores[member_id].correct) == (1, 1)


def test_open_runs_after_restart(group_quiz: GroupQuizService, db: Database) -> None:
    first = group_quiz.start(GROUP, SECRETARY, 3, 30)
    group_quiz.mark_sent(first.run_id, 0, "p1", "1", utcnow())
    # A new service over the same database: what a restarted bot sees.
    again = GroupQuizService(db, group_quiz.bank)
    [open_run] = again.open_runs("telegram")
    assert (open_run.run_id, open_run.position, open_run.total) == (first.run_id, 0, 3)
    assert open_run.deadline is not None and open_run.message_id == "1"
    following = again.advance(first.run_id)
    assert following is not None and following.position == 1
    again.close(first.run_id)
    assert again.open_runs("telegram") == []


def test_bad_parameters(group_quiz: GroupQuizService) -> None:
    with pytest.raises(QuizError):
        group_quiz.start(GROUP, SECRETARY, 0, 30)
    with pytest.raises(QuizError):
        group_quiz.start(GROUP, SECRETARY, 5, 4)
    assert group_quiz.running(GROUP) is None
