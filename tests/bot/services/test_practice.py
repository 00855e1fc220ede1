"""Private practice: letters, scoring, finishing, stale answers."""

from __future__ import annotations

import pytest

from bot.services.identity import ChatRef, UserRef
from bot.services.practice import PracticeService, StaleQuestion
from bot.services.quiz_bank import QuizError
from bot.services.quiz_runs import letter_index
from bot.texts import quiz as texts

AN = UserRef("telegram", "2", "An")


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


def test_practice_scores_and_finishes(practice: PracticeService) -> None:
    chat = ChatRef("zalo", "u1")
    user = UserRef("zalo", "u1", "Lan")
    assert practice.current(user, chat) is None
    first = practice.start(user, chat, "cây tre", 3)
    assert first.total == 3 and practice.current(user, chat) == first
    assert "A. " in texts.question_plain(first)
    with pytest.raises(QuizError):
        practice.answer(user, chat, "Z")
    step = practice.answer(user, chat, "ABCD"[first.correct])
    assert step.was_correct and step.score == 1 and step.next is not None
    assert step.question == first and step.answered == 1
    wrong = (step.next.correct + 1) % len(step.next.options)
    step = practice.answer(user, chat, "ABCD"[wrong])
    assert not step.was_correct and step.score == 1 and step.next is not None
    assert texts.feedback(step).startswith(f"❌ Chưa đúng. Đáp án: {'ABCD'[step.correct]}.")
    step = practice.answer(user, chat, "ABCD"[step.next.correct])
    assert step.next is None and (step.score, step.total) == (2, 3)
    assert practice.current(user, chat) is None
    with pytest.raises(QuizError):
        practice.answer(user, chat, "A")


def test_practice_topic_without_questions(practice: PracticeService) -> None:
    with pytest.raises(QuizError, match="Không có câu hỏi"):
        practice.start(AN, ChatRef("telegram", "2"), "bóng đá", 3)


def test_an_old_button_is_stale(practice: PracticeService) -> None:
    chat = ChatRef("telegram", "2")
    first = practice.start(AN, chat, "cây tre", 3)
    asked = (first.run_id, first.position)
    practice.answer(AN, chat, "1", asked)
    with pytest.raises(StaleQuestion, match=texts.STALE_BUTTON):
        practice.answer(AN, chat, "1", asked)  # the same button pressed twice
    practice.stop(AN, chat)
    with pytest.raises(StaleQuestion):
        practice.answer(AN, chat, "1", (first.run_id, 1))  # no practice running any more
