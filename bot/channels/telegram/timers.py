"""Group-quiz timers as one-shot jobs on the Application's JobQueue (the `job-queue` extra)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from telegram.ext import CallbackContext, Job, JobQueue

log = logging.getLogger(__name__)

JOB_NAME = "group-quiz"


class JobQueueTimers:
    """`Timers` (see group_quiz_driver.py) over `JobQueue.run_once`; `stop` removes only its own
    jobs. Nothing survives a restart, which is why the deadlines are kept in the database."""

    def __init__(self, job_queue: JobQueue[Any], name: str = JOB_NAME) -> None:
        self.job_queue = job_queue
        self.name = name
        self._pending: set[Job[Any]] = set()
        self._firing: set[asyncio.Task[Any]] = set()
        self._stopped = False

    def run_once(self, when: datetime, callback: Callable[[], Awaitable[None]]) -> None:
        """Call `callback` at `when` (at once if it has passed)."""
        if self._stopped:  # a callback finishing after stop() must not arm the next question
            log.debug("timers stopped: not arming %s at %s", self.name, when)
            return
        if when.tzinfo is None:  # the records' clock is UTC
            when = when.replace(tzinfo=UTC)

        async def fire(context: CallbackContext[Any, Any, Any, Any]) -> None:
            if context.job is not None:
                self._pending.discard(context.job)
            # A job already handed to the scheduler's executor cannot be removed any more.
            if self._stopped:
                return
            task = asyncio.current_task()
            if task is not None:
                self._firing.add(task)
            try:
                await callback()
            finally:
                if task is not None:
                    self._firing.discard(task)

        job = self.job_queue.run_once(
            fire,
            when=when,
            name=self.name,
            # APScheduler drops a job run more than 1 s late by default (a busy event loop, a
            # deadline just passed): a quiz must move on however late its timer fires.
            job_kwargs={"misfire_grace_time": None},
        )
        self._pending.add(job)

    async def stop(self) -> None:
        """Remove this owner's pending jobs and wait for the ones already running."""
        self._stopped = True
        for job in list(self._pending):
            # Already handed to the executor, or the whole queue was shut down by
            # Application.stop(): either way the `_stopped` check keeps it from acting.
            with contextlib.suppress(JobLookupError):
                job.schedule_removal()
        self._pending.clear()
        running = [task for task in self._firing if task is not asyncio.current_task()]
        await asyncio.gather(*running, return_exceptions=True)
