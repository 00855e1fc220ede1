"""Bounds on parsing one file: anything over a bound is refused whole, never truncated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings


@dataclass(frozen=True)
class ParseLimits:
    """Defaults fit real party documents (tens of pages) with a wide margin; see Settings."""

    timeout_s: float = 60.0  # wall time of the parsing child process (.docx, .pdf)
    memory_mb: int = 1024  # address-space limit of that child
    max_text_chars: int = 2_000_000  # ~1,000 pages; more would take hours to embed
    docx_max_entries: int = 1000  # parts in the .docx zip
    docx_max_unzipped_mb: int = 100  # all parts together, decompressed
    docx_max_ratio: float = 100.0  # decompressed/compressed size of one part (over 1 MiB)
    docx_max_xml_elements: int = 1_000_000  # XML elements in all parts together
    docx_max_paragraphs: int = 50_000  # <w:p> in all parts together (~2,000 pages)

    @property
    def docx_max_unzipped_bytes(self) -> int:
        return self.docx_max_unzipped_mb * 2**20


def limits_from(settings: Settings) -> ParseLimits:
    """The operator's limits (PARSE_TIMEOUT_S, DOCX_MAX_ENTRIES, ... in the environment)."""
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
