"""Splitting Telegram HTML, checked with the fake server's strict parser."""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.telegram.formatting import split_html
from tests.auxil.fake_telegram import TelegramBadRequest, parse_telegram_html


def test_short_message_is_one_piece() -> None:
    assert split_html("<b>ngắn</b>") == ["<b>ngắn</b>"]


def test_long_paragraphs_split_on_paragraph_boundaries() -> None:
    paragraphs = [(f"Đoạn {i}: " + "nội dung học tập " * 40).strip() for i in range(30)]
    html = "\n\n".join(paragraphs)
    pieces = split_html(html)
    assert len(pieces) > 1
    assert all(len(p) <= 4096 for p in pieces)
    for piece in pieces:
        assert piece.startswith("Đoạn ")  # every piece starts at a paragraph
        assert piece.endswith("nội dung học tập")
    assert "\n\n".join(pieces) == html  # nothing lost


def test_split_never_cuts_tags_or_entities_and_reopens_open_tags() -> None:
    body = " ".join(f"<i>câu {i}</i> &amp; &lt;trích&gt;" for i in range(900))
    html = f"<blockquote><b>Trích dẫn:</b> {body}</blockquote>"
    pieces = split_html(html)
    assert len(pieces) > 1
    visible = []
    for piece in pieces:
        assert len(piece) <= 4096
        visible.append(parse_telegram_html(piece))  # each piece is well-formed on its own
        assert piece.startswith("<blockquote>") and piece.endswith("</blockquote>")
    assert " ".join(visible) == parse_telegram_html(html)


def test_text_without_spaces_is_cut_hard_within_the_limit() -> None:
    html = "<code>" + "x" * 10_000 + "</code>"
    pieces = split_html(html, limit=1000)
    assert all(len(p) <= 1000 for p in pieces)
    assert "".join(parse_telegram_html(p) for p in pieces) == "x" * 10_000


def test_lines_are_preferred_over_words() -> None:
    lines = [f"{i}. " + "chữ " * 30 for i in range(200)]
    pieces = split_html("\n".join(lines), limit=1000)
    assert all(p.split(". ", 1)[0].isdigit() for p in pieces)


@pytest.mark.parametrize(
    "bad",
    ["<b>mở mà không đóng", "a < b", "x & y", "<script>x</script>", "<b><i>x</b></i>"],
)
def test_fake_server_refuses_malformed_html(bad: str) -> None:
    with pytest.raises(TelegramBadRequest):
        parse_telegram_html(bad)


_words = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=12)


@st.composite
def telegram_html(draw: st.DrawFn, depth: int = 0) -> str:
    """Well-formed Telegram HTML: escaped words and whitespace inside nested supported tags."""
    parts = []
    for _ in range(draw(st.integers(1, 30))):
        if depth < 3 and draw(st.integers(0, 9)) == 0:
            tag = draw(st.sampled_from(["b", "i", "u", "code", "blockquote", "s"]))
            parts.append(f"<{tag}>{draw(telegram_html(depth + 1))}</{tag}>")
        else:
            parts.append(escape(draw(_words), quote=False))
        parts.append(draw(st.sampled_from([" ", " ", "\n", "\n\n"])))
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(html=telegram_html(), limit=st.integers(120, 600))
def test_every_piece_parses_and_fits_and_nothing_is_lost(html: str, limit: int) -> None:
    pieces = split_html(html, limit)
    assert all(len(piece) <= limit for piece in pieces)
    visible = [parse_telegram_html(piece) for piece in pieces]
    assert "".join("".join(visible).split()) == "".join(parse_telegram_html(html).split())
