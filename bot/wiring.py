"""The one wiring place: builds every service from `Settings`, lazily, once per process."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.records import Database
    from bot.services.access import Access
    from bot.services.attendance import AttendanceService
    from bot.services.enrolment import EnrolmentService
    from bot.services.organisation import Organisation
    from bot.services.qa import QAService
    from bot.services.question_log import QuestionLogService
    from bot.services.quiz_bank import QuizBank
    from bot.services.quiz_play import QuizPlay
    from bot.services.reports import ReportService
    from knowledge.library import Library


class Services:
    """Lazily built, shared service instances. Channels receive this object."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def cpu_pool(self) -> ThreadPoolExecutor:
        """Threads for CPU-heavy work (answers, reports, quiz generation). Bounded and apart
        from asyncio's default pool, so a burst of questions never delays quick database work
        such as check-ins."""
        return ThreadPoolExecutor(self.settings.cpu_workers, thread_name_prefix="cpu")

    @cached_property
    def library(self) -> Library:
        from knowledge.library import Library

        return Library.from_settings(self.settings)

    @cached_property
    def qa(self) -> QAService:
        from bot.services.qa import QAService

        return QAService.from_settings(self.settings, self.library)

    @cached_property
    def records(self) -> Database:
        from bot.records import Database

        database = Database(self.settings.db_url)
        database.migrate()
        return database

    @cached_property
    def access(self) -> Access:
        from bot.services.access import Access

        admins = [("telegram", str(i)) for i in self.settings.admin_ids]
        admins += [("zalo", i) for i in self.settings.zalo_admin_ids]
        return Access(self.records, admins)

    @cached_property
    def organisation(self) -> Organisation:
        from bot.services.organisation import Organisation

        return Organisation(self.records)

    @cached_property
    def enrolment(self) -> EnrolmentService:
        from bot.services.enrolment import EnrolmentService

        return EnrolmentService(self.records, self.access)

    @cached_property
    def attendance(self) -> AttendanceService:
        from bot.services.attendance import AttendanceService

        return AttendanceService(self.records, self.access)

    @cached_property
    def question_log(self) -> QuestionLogService:
        from bot.services.question_log import QuestionLogService

        return QuestionLogService(self.records, self.access)

    @cached_property
    def reports(self) -> ReportService:
        from bot.services.reports import ReportService

        return ReportService(self.records, self.access)

    @cached_property
    def quiz_bank(self) -> QuizBank:
        from bot.services.quiz_bank import QuizBank

        bank = QuizBank(self.records, self.library)
        bank.generate()  # no-op unless the library changed since the bank was built
        return bank

    @cached_property
    def quiz_play(self) -> QuizPlay:
        from bot.services.quiz_play import QuizPlay

        return QuizPlay(self.records, self.quiz_bank, self.access)
