"""Practice quiz in text mode: questions with A/B/C/D options, answered by a letter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.services.identity import ChatRef, UserRef
from bot.services.quiz_bank import QuizError
from bot.texts import quiz as quiz_texts

if TYPE_CHECKING:
    from bot.services.practice import PracticeService
    from bot.wiring import Services


class PracticeDialog:
    """`onthi [chủ đề]` starts a practice; a bare letter answers its current question."""

    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def practice(self) -> PracticeService:
        # Built on first use: a chat that never practises does not touch the quiz bank.
        return self.services.practice

    def start(self, user: UserRef, chat: ChatRef, topic: str) -> list[str]:
        try:
            question = self.practice.start(user, chat, topic or None)
        except QuizError as error:
            return [str(error)]
        started = quiz_texts.PRACTICE_STARTED.format(total=question.total)
        if not topic:  # a mixed practice: say which topics can be chosen next time
            started = f"{quiz_texts.topic_list(self.practice.topics())}\n\n{started}"
        return [f"{started}\n\n{quiz_texts.question_plain(question)}"]

    def answer(self, user: UserRef, chat: ChatRef, letter: str) -> list[str]:
        """Feedback on `letter`, then the next question or the final score."""
        try:
            step = self.practice.answer(user, chat, letter)
        except QuizError as error:  # no practice running, or not an option's letter
            return [str(error)]
        feedback = quiz_texts.feedback(step)
        if step.next is not None:
            return [f"{feedback}\n\n{quiz_texts.question_plain(step.next)}"]
        return [f"{feedback}\n\n{quiz_texts.practice_score(step.score, step.total)}"]
