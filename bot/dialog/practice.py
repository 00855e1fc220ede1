"""Practice quiz in text mode: questions with A/B/C/D options, answered by a letter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.services.identity import ChatRef, UserRef
from bot.services.quiz_bank import QuizError
from bot.texts import quiz as quiz_texts

if TYPE_CHECKING:
    from bot.services.quiz_play import QuizPlay
    from bot.wiring import Services


class PracticeDialog:
    """`onthi [chủ đề]` starts a practice; a bare letter answers its current question."""

    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def quiz_play(self) -> QuizPlay:
        # Built on first use: a chat that never practises does not touch the quiz bank.
        return self.services.quiz_play

    def start(self, user: UserRef, chat: ChatRef, topic: str) -> list[str]:
        try:
            question = self.quiz_play.start_practice(user, chat, topic or None)
        except QuizError as error:
            return [str(error)]
        started = quiz_texts.PRACTICE_STARTED.format(total=question.total)
        if not topic:  # a mixed practice: say which topics can be chosen next time
            started = f"{self.topic_list()}\n\n{started}"
        return [f"{started}\n\n{quiz_texts.question_plain(question)}"]

    def topic_list(self) -> str:
        """The topics of the bank, for `onthi <chủ đề>`."""
        lines = [
            quiz_texts.TOPIC_LINE.format(topic=name, count=count)
            for name, count in self.services.quiz_bank.topics()
        ]
        return "\n".join([quiz_texts.TOPICS_TITLE, *lines, quiz_texts.TOPIC_DOCUMENT_FACTS])

    def answer(self, user: UserRef, chat: ChatRef, letter: str) -> list[str]:
        """Feedback on `letter`, then the next question or the final score."""
        question = self.quiz_play.current_practice(user, chat)
        if question is None:
            return [quiz_texts.NO_PRACTICE]
        try:
            step = self.quiz_play.answer_practice(user, chat, letter)
        except QuizError as error:
            return [str(error)]
        feedback = quiz_texts.feedback(
            step.was_correct, step.correct, question.options[step.correct], step.explanation
        )
        upcoming = step.next
        if upcoming is not None:
            return [f"{feedback}\n\n{quiz_texts.question_plain(upcoming)}"]
        return [f"{feedback}\n\n{quiz_texts.practice_score(step.score, step.total)}"]
