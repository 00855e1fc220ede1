"""Texts of the ingest CLI and of ingestion reports shown in chat."""

from collections.abc import Mapping

from bot.texts.knowledge import describe as explain
from knowledge.textnorm import shorten
from knowledge.types import DocumentInfo, IngestReport

CLI_DESCRIPTION = "Nạp tài liệu (.txt, .md, .docx, .pdf) vào thư viện tra cứu."
CLI_PATHS = "tệp hoặc thư mục cần nạp"
CLI_LIST = "liệt kê tài liệu trong thư viện"
CLI_REMOVE = "xóa một tài liệu (theo tên tệp)"
CLI_PLACE_METAVAR = "ĐỊA_PHƯƠNG"
CLI_PLACE = (
    "địa phương ban hành của các tệp nạp lần này, khi văn bản không ghi "
    '(ví dụ "Cần Thơ" cho một trang tin chỉ ghi "Thành ủy")'
)
BAD_PLACE = (
    "Tên địa phương (--place) phải có chữ, dài không quá {limit} ký tự, và đi kèm tệp cần nạp."
)
REMOVED = "Đã xóa tài liệu «{name}»."
UNKNOWN_DOCUMENT = "Thư viện không có tài liệu «{name}»."
FAILED = "✗ {name}: {error}"
EMPTY_LIBRARY = "Thư viện chưa có tài liệu nào."

STATUS = {"added": "Đã nạp", "replaced": "Đã cập nhật", "unchanged": "Không đổi"}


def describe(info: DocumentInfo) -> str:
    """'Kế hoạch số 172-KH/HU, ngày 24/4/2024, Huyện ủy Di Linh' from what the header says."""
    meta = info.meta
    kind = meta.title.split(" ")[0:2]
    head = " ".join(kind) if meta.number else shorten(meta.title, 80, marker=" …")
    parts = [f"{head} số {meta.number}" if meta.number else head]
    if meta.date:
        parts.append(f"ngày {meta.date}")
    if meta.issuer:
        parts.append(meta.issuer)
    return ", ".join(parts)


def format_document_line(info: DocumentInfo) -> str:
    quality = " [bản quét OCR]" if info.meta.text_quality == "ocr_damaged" else ""
    return f"{info.meta.document}: {describe(info)} ({info.chunks} đoạn){quality}"


def format_report(report: IngestReport) -> str:
    lines = [f"✓ {STATUS[report.status]} {format_document_line(report.document)}"]
    lines.extend(f"  ⚠ {explain(warning)}" for warning in report.warnings)
    return "\n".join(lines)


PROGRESS_UNIT = "tệp"
SKIPPED = "⚠ bỏ qua: {reason}"
FAILED_HEADER = "Các tệp không nạp được:"
FAILED_ITEM = "  ✗ {path}: {error}"


def summary(done: Mapping[str, int], failed: int, skipped: int) -> str:
    """'Tổng kết: 3 đã nạp, 1 đã cập nhật, 0 không đổi, 2 lỗi, 1 bỏ qua.'"""
    return (
        f"Tổng kết: {done.get('added', 0)} đã nạp, {done.get('replaced', 0)} đã cập nhật,"
        f" {done.get('unchanged', 0)} không đổi, {failed} lỗi, {skipped} bỏ qua."
    )
