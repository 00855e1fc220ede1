"""Bounds on parsing one file: anything over a bound is refused whole, never truncated."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseLimits:
    """Defaults fit real party documents (tens of pages) with a wide margin.

    Operators change them through the environment (PARSE_TIMEOUT_S, DOCX_MAX_ENTRIES, ...);
    the bot builds this from its settings in `bot.wiring.parse_limits`.
    """

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
