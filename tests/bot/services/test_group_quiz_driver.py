"""The group-quiz driver over a recording messenger and hand-fired timers: timing and recovery."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from itertools import count

from bot.records.models import utcnow
from bot.services.group_quiz_driver import STALE_AFTER_S, GroupQuizDriver, SentPoll
from bot.services.identity import ChatRef, UserRef
from bot.services.quiz_group import GroupQuizService
from bot.services.quiz_runs import PlayQuestion
from bot.texts import quiz as texts

SECRETARY = UserRef("test", "1", "Bí thư")
AN = UserRef("test", "2", "An")


class Messenger:
    """Records what the driver sends."""

    def __init__(self) -> None:
        self.polls: list[tuple[str, PlayQuestion]] = []
        self.texts: list[tuple[str, str]] = []
        self.closed: list[SentPoll] = []
        self._ids = count(1)

    async def send_poll(self, chat_id: str, question: PlayQuestion) -> SentPoll:
        self.polls.append((chat_id, question))
        number = next(self._ids)
        return SentPoll(f"poll-{number}", str(number))

    async def send_text(self, chat_id: str, text: str) -> None:
        self.texts.append((chat_id, text))

    async def close_poll(self, chat_id: str, poll: SentPoll) -> None:
        self.closed.append(poll)


class Timers:
    """Timers fired by the test, not by the clock."""

    def __init__(self) -> None:
        self.pending: list[tuple[datetime, Callable[[], Awaitable[None]]]] = []
        self.stopped = False

    def run_once(self, when: datetime, callback: Callable[[], Awaitable[None]]) -> None:
        self.pending.append((when, callback))

    async def fire(self) -> datetime:
        when, callback = self.pending.pop(0)
        await callback()
        return when

    async def stop(self) -> None:
        self.stopped = True


def driver_for(quizzes: GroupQuizService) -> tuple[GroupQuizDriver, Messenger, Timers]:
    messenger, timers = Messenger(), Timers()
    return GroupQuizDriver(quizzes, messenger, timers, "test"), messenger, timers


def chat(name: str) -> ChatRef:
    return ChatRef("test", name, is_group=True)


async def test_each_question_is_timed_then_the_next_follows(group_quiz: GroupQuizService) -> None:
    driver, messenger, timers = driver_for(group_quiz)
    first = group_quiz.start(chat("g1"), SECRETARY, 2, 30)
    before = utcnow()
    await driver.ask("g1", first)
    assert messenger.polls == [("g1", first)] and len(timers.pending) == 1
    assert group_quiz.answer_poll("test", "poll-1", AN, [first.correct]) == "counted"
    when = await timers.fire()
    assert timedelta(seconds=29) < when - before < timedelta(seconds=31)
    assert messenger.closed == [SentPoll("poll-1", "1")]
    assert messenger.texts[0][1].startswith("🏆 Bảng xếp hạng sau câu 1/2")
    assert f"{AN.display_name}: 1 câu đúng" in messenger.texts[0][1]
    assert [q.position for _, q in messenger.polls] == [0, 1]
    await timers.fire()
    assert messenger.texts[-1][1].startswith("🏁 Kết quả kiểm tra (2 câu, 1 người tham gia)")
    assert not timers.pending and group_quiz.running(chat("g1")) is None
    await driver.stop()
    assert timers.stopped


async def test_recovery_after_a_restart(group_quiz: GroupQuizService) -> None:
    now = utcnow()
    # Still open: only its timer is armed again.
    open_ = group_quiz.start(chat("open"), SECRETARY, 2, 30)
    group_quiz.mark_sent(open_.run_id, 0, "p-open", "11", now)
    # Ended while the bot was down, a moment ago: the quiz goes on.
    recent = group_quiz.start(chat("recent"), SECRETARY, 2, 30)
    group_quiz.mark_sent(recent.run_id, 0, "p-recent", "12", now - timedelta(seconds=40))
    # Ended long ago: closed with the results so far.
    old = group_quiz.start(chat("old"), SECRETARY, 2, 30)
    long_ago = now - timedelta(seconds=STALE_AFTER_S + 60)
    group_quiz.mark_sent(old.run_id, 0, "p-old", "13", long_ago)
    # Started but its first question never went out.
    unsent = group_quiz.start(chat("unsent"), SECRETARY, 2, 30)

    driver, messenger, timers = driver_for(group_quiz)
    await driver.recover()

    sent = {chat_id: text for chat_id, text in messenger.texts}
    assert "open" not in sent
    assert sent["recent"].startswith("🏆")  # after the resume notice
    assert ("recent", texts.RESUMED_AFTER_RESTART) in messenger.texts
    assert sent["old"].startswith(texts.CLOSED_AFTER_RESTART)
    assert group_quiz.running(chat("old")) is None
    assert {(c, q.position) for c, q in messenger.polls} == {("recent", 1), ("unsent", 0)}
    assert SentPoll(None, "12") in messenger.closed and SentPoll(None, "13") in messenger.closed
    # Timers: the open question's own deadline, and one for each question just sent.
    assert len(timers.pending) == 3
    assert group_quiz.open_runs("test")[0].run_id in {open_.run_id, recent.run_id, unsent.run_id}
    assert old.run_id not in {run.run_id for run in group_quiz.open_runs("test")}
