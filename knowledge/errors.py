"""What the knowledge layer reports: a machine code and its parameters, never the words.

As httpx leaves the wording of an `HTTPStatusError` to whoever shows it, callers word these
(the bot: `bot.texts.knowledge.describe`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Code(StrEnum):
    """Every refusal and notice the knowledge layer can report."""

    # A file refused by the loaders (params: name, plus the values named).
    UNSUPPORTED_TYPE = "unsupported_type"
    EMPTY_FILE = "empty_file"
    FILE_TOO_LARGE = "file_too_large"  # size_mb, limit_mb
    NOT_TEXT = "not_text"  # bytes that decode to no text
    CORRUPT_FILE = "corrupt_file"  # detail: "pdf", "docx"
    ENCRYPTED_PDF = "encrypted_pdf"
    ENCRYPTED_PDF_CIPHER = "encrypted_pdf_cipher"
    NO_TEXT_LAYER = "no_text_layer"
    NO_CONTENT = "no_content"
    TOO_MUCH_TEXT = "too_much_text"  # chars, limit
    # A .docx over the bounds of knowledge.limits (params: name, plus the values named).
    DOCX_TOO_MANY_PARTS = "docx_too_many_parts"  # count, limit
    DOCX_TOO_BIG_UNZIPPED = "docx_too_big_unzipped"  # size_mb, limit_mb
    DOCX_RATIO = "docx_ratio"  # ratio, limit
    DOCX_SIZE_LIE = "docx_size_lie"
    XML_ENTITIES = "xml_entities"
    TOO_MANY_ELEMENTS = "too_many_elements"  # limit
    TOO_MANY_PARAGRAPHS = "too_many_paragraphs"  # limit
    # The parsing child process (params: name, plus the values named).
    PARSE_TIMEOUT = "parse_timeout"  # seconds
    PARSE_MEMORY = "parse_memory"  # limit_mb
    PARSE_ABORTED = "parse_aborted"  # limit_mb
    # Paths given to ingest and what folders hold (params: name, plus the values named).
    NOT_FOUND = "not_found"
    NOT_REGULAR_FILE = "not_regular_file"
    LINK_OUTSIDE = "link_outside"  # root
    BROKEN_LINK = "broken_link"
    LINKED_FOLDER = "linked_folder"
    UNREADABLE = "unreadable"  # detail: the OS's reason
    UNEXPECTED_ERROR = "unexpected_error"  # detail: the exception's type
    # The embedding model and the index.
    MODEL_UNAVAILABLE = "model_unavailable"  # model, detail
    MODEL_NOT_CONFIGURED = "model_not_configured"
    EMBEDDER_MISMATCH = "embedder_mismatch"  # collection, stored, wanted
    # Notices on an ingested document (not refusals).
    OCR_REPAIRED = "ocr_repaired"  # repaired: percent of words changed
    NO_DIACRITICS = "no_diacritics"


def _render(code: str, params: Mapping[str, object]) -> str:
    """Code and parameters on one line, for logs."""
    if not params:
        return str(code)
    return str(code) + " (" + ", ".join(f"{key}={value!r}" for key, value in params.items()) + ")"


class KnowledgeError(Exception):
    """A refusal: `code` says what went wrong, `params` holds what a message would quote.

    Subclasses raised by the bot's services pass their finished Vietnamese message as the
    code, with no params; `bot.texts.knowledge.describe` then shows it as it is.
    """

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        return _render(self.code, self.params)


@dataclass(frozen=True)
class Notice:
    """Something worth telling about a file that was still handled (a warning, a skip)."""

    code: Code
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return _render(self.code, self.params)
