"""The one `shorten`, and the channel-specific ways its callers use it."""

from __future__ import annotations

from knowledge.textnorm import shorten

TEXT = "Kế hoạch triển khai đợt sinh hoạt chính trị về tác phẩm của Tổng Bí thư"


def test_short_text_is_unchanged() -> None:
    assert shorten(TEXT, len(TEXT)) == TEXT


def test_cut_at_a_word_within_the_limit() -> None:
    short = shorten(TEXT, 30)
    assert len(short) <= 30 and short.endswith("…")
    assert TEXT.startswith(short[:-1]) and TEXT[len(short) - 1] == " "


def test_no_word_boundary_in_the_second_half_cuts_mid_word() -> None:
    long_word = "x" * 50 + " y"
    assert shorten(long_word, 20) == "x" * 19 + "…"


def test_marker_counts_in_the_limit() -> None:
    short = shorten(TEXT, 40, marker=" …")
    assert len(short) <= 40 and short.endswith(" …")


def test_telegram_caption_and_source_title_variants() -> None:
    from bot.channels.telegram.sending import caption
    from bot.services.presenting import shorten as shorten_title

    assert len(caption("chữ " * 400)) <= 1024
    quoted = "Kế hoạch về tác phẩm “Xây dựng và phát triển nền đối ngoại, ngoại giao”"
    title = shorten_title(quoted, 50)
    assert title.endswith(" …”") and title.count("“") == title.count("”")
