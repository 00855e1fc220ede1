"""Channel-neutral presentation of answers: plain text (console, Zalo) and HTML (Telegram)."""

from __future__ import annotations

import html

from bot.services.answers import Answer, Source
from bot.texts import answers as text
from knowledge import textnorm


def describe_source(source: Source) -> str:
    """'Kế hoạch số 172-KH/HU, ngày 24/4/2024, Huyện ủy Di Linh, mục II > 1' from the metadata."""
    kind = " ".join(source.title.split()[:2]) if source.number else shorten(source.title, 90)
    parts = [text.NUMBERED.format(kind=kind, number=source.number) if source.number else kind]
    if source.date:
        parts.append(text.DATED.format(date=source.date))
    if source.issuer:
        parts.append(source.issuer)
    if source.section:
        parts.append(text.SECTION.format(section=source.section))
    return ", ".join(parts)


def source_line(sources: list[Source], limit: int = 2) -> str:
    seen: list[str] = []
    for source in sources:
        described = describe_source(source)
        if described not in seen:
            seen.append(described)
        if len(seen) == limit:
            break
    return f"{text.SOURCE_PREFIX}: " + "; ".join(seen) if seen else ""


def shorten(value: str, limit: int) -> str:
    """A source title cut like `textnorm.shorten`, with " …" and any quotation left open closed."""
    cut = textnorm.shorten(value, limit, marker=" …")
    return cut + "”" * max(0, cut.count("“") - cut.count("”"))


def format_answer_plain(answer: Answer) -> str:
    return answer.text


def format_answer_html(answer: Answer) -> str:
    body = answer.text
    if answer.source_line and body.endswith(answer.source_line):
        body = body[: -len(answer.source_line)].rstrip()
        return f"{html.escape(body)}\n\n<i>{html.escape(answer.source_line)}</i>"
    return html.escape(body)
