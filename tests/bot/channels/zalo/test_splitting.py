from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.zalo.splitting import split_message


def test_short_text_is_one_piece() -> None:
    assert split_message("  Xin chào  ") == ["Xin chào"]
    assert split_message("   ") == []


def test_splits_on_paragraphs_within_limit_and_keeps_all_words() -> None:
    paragraphs = [f"Đoạn {i}: " + "nội dung học tập " * 40 for i in range(8)]
    text = "\n\n".join(paragraphs)
    pieces = split_message(text, limit=2000)
    assert len(pieces) > 1
    assert all(1 <= len(piece) <= 2000 for piece in pieces)
    # Each piece starts at a paragraph boundary.
    assert all(piece.startswith("Đoạn ") for piece in pieces)
    assert " ".join(" ".join(pieces).split()) == " ".join(text.split())


def test_falls_back_to_sentences_then_words() -> None:
    sentence = "Chi bộ tổ chức học tập nghị quyết. "
    pieces = split_message(sentence * 100, limit=500)
    assert all(len(piece) <= 500 and piece.endswith(".") for piece in pieces)
    words = "từ " * 1000
    pieces = split_message(words, limit=301)
    assert all(len(piece) <= 301 for piece in pieces)
    assert all(word == "từ" for piece in pieces for word in piece.split(" "))


def test_unbreakable_text_is_cut_hard() -> None:
    pieces = split_message("x" * 4500, limit=2000)
    assert [len(piece) for piece in pieces] == [2000, 2000, 500]


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(st.characters(blacklist_categories=["Cs"]), max_size=3000),
    limit=st.integers(20, 2000),
)
def test_pieces_fit_and_keep_every_word(text: str, limit: int) -> None:
    pieces = split_message(text, limit)
    assert all(0 < len(piece) <= limit and piece == piece.strip() for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
