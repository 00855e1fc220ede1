"""Practice and group quizzes: idempotent answers, retraction, late answers, leaderboard, scores."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.records.database import Database
from bot.records.models import Identity, Member, Unit, utcnow
from bot.records.quiz_models import QuizAnswer
from bot.services.identity import ChatRef, UserRef
from bot.services.quiz_bank import QuizError
from bot.services.quiz_play import QuizPlay, letter_index, quiz_scores
from bot.texts import quiz as texts

GROUP = ChatRef("telegram", "-100", is_group=True)
SECRETARY = UserRef("telegram", "1", "Bí thư")
AN, BINH, CHI, DUNG = (
    UserRef("telegram", str(i), n) for i, n in [(2, "An"), (3, "Bình"), (4, "Chi"), (5, "Dũng")]
)


def test_letters() -> None:
    assert [letter_index(x, 4) for x in ("a", "B", " c ", "4", "D.", "E", "5", "", "ab")] == [
        0,
        1,
        2,
        3,
        3,
        None,
        None,
        None,
        None,
    ]
    assert letter_index("D", 3) is None


def test_practice_scores_and_finishes(play: QuizPlay) -> None:
    chat = ChatRef("zalo", "u1")
    user = UserRef("zalo", "u1", "Lan")
    assert not play.has_active_practice(user, chat)
    first = play.start_practice(user, chat, "cây tre", 3)
    assert first.total == 3 and play.has_active_practice(user, chat)
    assert "A. " in texts.question_plain(first)
    with pytest.raises(QuizError):
        play.answer_practice(user, chat, "Z")
    step = play.answer_practice(user, chat, "ABCD"[first.correct])
    assert step.was_correct and step.score == 1 and step.next is not None
    wrong = (step.next.correct + 1) % len(step.next.options)
    step = play.answer_practice(user, chat, "ABCD"[wrong])
    assert not step.was_correct and step.score == 1 and step.next is not None
    step = play.answer_practice(user, chat, "ABCD"[step.next.correct])
    assert step.next is None and (step.score, step.total) == (2, 3)
    assert not play.has_active_practice(user, chat)
    with pytest.raises(QuizError):
        play.answer_practice(user, chat, "A")


def test_practice_topic_without_questions(play: QuizPlay) -> None:
    with pytest.raises(QuizError, match="Không có câu hỏi"):
        play.start_practice(AN, ChatRef("telegram", "2"), "bóng đá", 3)


def test_group_quiz_answers_count_once(play: QuizPlay) -> None:
    first = play.start_group(GROUP, SECRETARY, 2, 30)
    with pytest.raises(QuizError):
        play.start_group(GROUP, SECRETARY, 2, 30)  # one quiz per group at a time
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
    assert play.running_group(GROUP) is None
    assert play.answer_poll("telegram", "poll-2", AN, [0], sent) == "closed"

    results = play.results(first.run_id)
    board = [(line.name, line.correct, line.answered) for line in results.lines]
    # Ties: fewer answers (fewer guesses) first, then by name.
    assert board == [("An", 1, 1), ("Chi", 1, 1), ("Bình", 1, 2)]
    assert results.participants == 3 and results.total == 2
    assert "3 người tham gia" in texts.results(results.lines, results.total)


def test_text_mode_group_and_member_scores(play: QuizPlay, database: Database) -> None:
    with database.session() as session:
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
    first = play.start_group(chat, SECRETARY, 1, 20)
    play.mark_sent(first.run_id, 0, None, None, utcnow())
    assert play.answer_text(chat, an, "X", utcnow()) == "invalid"
    assert play.answer_text(chat, an, "ABCD"[first.correct], utcnow()) == "counted"
    assert play.answer_text(chat, an, "A", utcnow()) == "duplicate"
    assert play.advance(first.run_id) is None
    with database.session() as session:
        scores = quiz_scores(session, [member_id, 999])
        assert session.scalars(select(QuizAnswer.member_id)).all() == [member_id]
    assert list(scores) == [member_id]
    assert (scores[member_id].answered, scores[member_id].correct) == (1, 1)


def test_open_runs_after_restart(play: QuizPlay, database: Database) -> None:
    first = play.start_group(GROUP, SECRETARY, 3, 30)
    play.mark_sent(first.run_id, 0, "p1", "1", utcnow())
    # A new service over the same database: what a restarted bot sees.
    again = QuizPlay(database, play.bank)
    [open_run] = again.open_group_runs("telegram")
    assert (open_run.run_id, open_run.position, open_run.total) == (first.run_id, 0, 3)
    assert open_run.deadline is not None
    following = again.advance(first.run_id)
    assert following is not None and following.position == 1
    again.close(first.run_id)
    assert again.open_group_runs("telegram") == []


def test_bad_parameters(play: QuizPlay) -> None:
    with pytest.raises(QuizError):
        play.start_group(GROUP, SECRETARY, 0, 30)
    with pytest.raises(QuizError):
        play.start_group(GROUP, SECRETARY, 5, 4)
    assert play.running_group(GROUP) is None
