"""Group-quiz timers on a real Application's JobQueue, started against the fake Bot API."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from telegram.ext import Application, CallbackContext

from bot.channels.telegram.group_quiz import group_quiz_driver
from bot.channels.telegram.timers import JOB_NAME, JobQueueTimers
from bot.records.models import utcnow
from tests.auxil.fake_telegram import FakeTelegram

App = Application[Any, Any, Any, Any, Any, Any]


@pytest.fixture
async def application() -> AsyncIterator[App]:
    async with FakeTelegram() as fake:
        app = Application.builder().token(fake.token).base_url(fake.base_url).build()
        async with app:
            await app.start()
            try:
                yield app
            finally:
                if app.running:
                    await app.stop()


def recorder(fired: list[str], label: str) -> Callable[[], Awaitable[None]]:
    async def callback() -> None:
        fired.append(label)

    return callback


async def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


def queued(app: App, name: str = JOB_NAME) -> list[str]:
    assert app.job_queue is not None
    return [job.name for job in app.job_queue.jobs() if job.name == name]


async def test_timers_fire_soon_late_and_naive(application: App) -> None:
    assert application.job_queue is not None
    timers = JobQueueTimers(application.job_queue)
    fired: list[str] = []
    now = utcnow()
    timers.run_once(now + timedelta(seconds=0.3), recorder(fired, "soon"))
    # A deadline already well past (beyond APScheduler's default 1 s grace) still fires.
    timers.run_once(now - timedelta(seconds=30), recorder(fired, "late"))
    timers.run_once((now + timedelta(seconds=0.1)).replace(tzinfo=None), recorder(fired, "naive"))
    assert len(queued(application)) == 3
    await wait_until(lambda: len(fired) == 3)
    assert fired == ["late", "naive", "soon"]
    assert queued(application) == []
    await timers.stop()


async def test_stop_removes_only_its_own_jobs(application: App) -> None:
    assert application.job_queue is not None
    mine = JobQueueTimers(application.job_queue)
    other = JobQueueTimers(application.job_queue, name="other-feature")
    fired: list[str] = []
    later = utcnow() + timedelta(seconds=0.4)
    mine.run_once(later, recorder(fired, "mine"))
    mine.run_once(later + timedelta(minutes=5), recorder(fired, "mine later"))
    other.run_once(later, recorder(fired, "other"))

    async def unrelated(context: CallbackContext[Any, Any, Any, Any]) -> None:
        fired.append("unrelated")

    application.job_queue.run_once(unrelated, when=0.4, name="unrelated")

    await mine.stop()
    assert queued(application) == []
    assert queued(application, "other-feature") and queued(application, "unrelated")
    mine.run_once(utcnow(), recorder(fired, "after stop"))  # a late caller arms nothing
    assert queued(application) == []
    await wait_until(lambda: len(fired) == 2)
    await asyncio.sleep(0.3)
    assert sorted(fired) == ["other", "unrelated"]


async def test_stop_waits_for_a_running_callback(application: App) -> None:
    assert application.job_queue is not None
    timers = JobQueueTimers(application.job_queue)
    started, finished = asyncio.Event(), asyncio.Event()

    async def slow() -> None:
        started.set()
        await asyncio.sleep(0.3)
        finished.set()

    timers.run_once(utcnow(), slow)
    await asyncio.wait_for(started.wait(), 5)
    await timers.stop()
    assert finished.is_set()


async def test_stop_after_the_application_stopped(application: App) -> None:
    """serve() stops the Application (and its JobQueue) before the driver's timers."""
    assert application.job_queue is not None
    timers = JobQueueTimers(application.job_queue)
    fired: list[str] = []
    timers.run_once(utcnow() + timedelta(seconds=0.3), recorder(fired, "never"))
    await application.stop()
    await timers.stop()  # the queue is shut down already: nothing left to remove, no error
    await application.job_queue.start()  # even a queue started again does not run it
    await asyncio.sleep(0.6)
    await application.job_queue.stop()
    assert fired == []


async def test_the_telegram_driver_runs_on_the_job_queue(application: App) -> None:
    services: Any = SimpleNamespace(group_quiz=object())
    driver = group_quiz_driver(application, services)
    assert isinstance(driver.timers, JobQueueTimers)
    assert driver.timers.job_queue is application.job_queue
    assert group_quiz_driver(application, services) is driver
