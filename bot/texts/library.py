"""Vietnamese texts about the document library, plain text, shared by every channel."""

from __future__ import annotations

from bot.texts import knowledge as knowledge_texts
from knowledge.types import DocumentInfo, IngestReport

EMPTY = "Thư viện chưa có tài liệu nào."

_STATUS = {
    "added": "Đã thêm tài liệu vào thư viện",
    "replaced": "Đã cập nhật tài liệu (thay bản cũ)",
    "unchanged": "Tài liệu này đã có trong thư viện, không có gì thay đổi",
}


def _describe(info: DocumentInfo) -> str:
    meta = info.meta
    details = [
        part
        for part in (
            f"số {meta.number}" if meta.number else "",
            f"ngày {meta.date}" if meta.date else "",
            meta.issuer or "",
        )
        if part
    ]
    line = meta.title or meta.document
    if details:
        line += f" ({', '.join(details)})"
    return line


def listing(documents: list[DocumentInfo]) -> str:
    """The /tailieu answer: one numbered line per document plus its file name."""
    if not documents:
        return EMPTY
    lines = [f"Thư viện có {len(documents)} tài liệu:"]
    for index, info in enumerate(documents, start=1):
        lines.append(f"{index}. {_describe(info)}\n   Tệp: {info.meta.document}")
    return "\n".join(lines)


def ingested(report: IngestReport) -> str:
    """What an upload produced: status, title, number, date, chunk count and warnings."""
    info = report.document
    lines = [
        f"{_STATUS.get(report.status, report.status)}:",
        f"• Tên: {info.meta.title or info.meta.document}",
        f"• Số hiệu: {info.meta.number or 'không rõ'}",
        f"• Ngày: {info.meta.date or 'không rõ'}",
        f"• Cơ quan ban hành: {info.meta.issuer or 'không rõ'}",
        f"• Số đoạn đã lập chỉ mục: {info.chunks}",
        f"• Tệp: {info.meta.document}",
    ]
    lines += [f"⚠️ {knowledge_texts.describe(warning)}" for warning in report.warnings]
    return "\n".join(lines)


def removed(document: str) -> str:
    return f"Đã xóa tài liệu «{document}» khỏi thư viện."


def not_found(document: str) -> str:
    return f"Không có tài liệu «{document}» trong thư viện. Gõ /tailieu để xem tên tệp."
