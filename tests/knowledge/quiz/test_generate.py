"""The rule-based generator over the bundled corpus: correct, traceable, within Telegram limits."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.texts.quiz_checks import describe
from knowledge.quiz import QuizItem, generate_bank, norm, problems, supports
from knowledge.types import Chunk, DocumentMeta
from tests.auxil.corpus import corpus_chunks


@pytest.fixture(scope="module")
def bank() -> list[QuizItem]:
    return generate_bank(corpus_chunks()).items


def _find(bank: list[QuizItem], needle: str) -> list[QuizItem]:
    return [item for item in bank if norm(needle) in norm(item.text)]


def test_every_question_passes_the_checks(bank: list[QuizItem]) -> None:
    assert len(bank) >= 40
    for item in bank:
        assert (
            problems(item.text, item.options, item.correct, item.explanation, item.source_text)
            == []
        )
        assert item.explanation.startswith("Nguồn:")


def test_covers_all_five_documents_and_distinct(bank: list[QuizItem]) -> None:
    assert len({item.document for item in bank}) == 5
    assert len({(norm(item.text), norm(item.answer)) for item in bank}) == len(bank)
    assert len({item.fingerprint for item in bank}) == len(bank)


@pytest.fixture(scope="module")
def full_bank() -> list[QuizItem]:
    """Without the cap on organisational facts, to check those generators too."""
    return generate_bank(corpus_chunks(), organisational_share=1.0).items


def test_core_content_answers(bank: list[QuizItem], full_bank: list[QuizItem]) -> None:
    bamboo = [item for item in bank if item.answer == "gốc vững, thân chắc, cành uyển chuyển"]
    assert bamboo and all("cay tre" in norm(item.text) for item in bamboo)
    lessons = _find(bank, "kinh nghiệm quý báu")
    assert "05 bài học" in {item.answer for item in lessons}
    tasks = [i for i in bank if "nhiem vu" in norm(i.answer) and i.generator == "numbered_facts"]
    assert tasks and {item.answer for item in tasks} == {"06 nhiệm vụ"}
    pillars = [i for i in _find(bank, "các trụ cột") if not i.text.count("KHÔNG")]
    assert {item.answer for item in pillars} <= {
        "đối ngoại Đảng",
        "ngoại giao Nhà nước",
        "đối ngoại nhân dân",
    }
    assert pillars
    bank = full_bank
    implements = {i.document[:3]: i.answer for i in bank if "để thực hiện văn bản nào" in i.text}
    assert implements["003"] == "Chỉ thị số 32-CT/TW"
    assert implements["002"] == "Kế hoạch số 69-KH/BTGTU"
    deadline = _find(bank, "Thực hiện xong trước ngày")
    assert [item.answer for item in deadline] == ["30/06/2019"]


def test_ocr_document_only_gets_header_facts(full_bank: list[QuizItem]) -> None:
    scanned = [item for item in full_bank if item.document.startswith("001_")]
    assert scanned and all(item.generator == "document_facts" for item in scanned)
    assert all(item.section is None for item in scanned)
    answers = {item.answer for item in scanned}
    assert {"69-KH/BTGTU", "16/04/2024", "Ban Tuyên giáo Tỉnh ủy Lâm Đồng"} <= answers


def test_garbled_header_metadata_makes_no_question() -> None:
    items = generate_bank(corpus_chunks(repair_ocr_meta=False)).items
    assert not [item for item in items if item.document.startswith("001_")]


def test_generation_is_deterministic() -> None:
    first = [i.fingerprint for i in generate_bank(corpus_chunks()).items]
    second = [i.fingerprint for i in generate_bank(corpus_chunks()).items]
    assert first == second


def worded(
    text: str, options: list[str], correct: int, explanation: str, passage: str
) -> list[str]:
    """The problems of a question in the words the bot shows them."""
    return [describe(p) for p in problems(text, options, correct, explanation, passage)]


def test_distractor_stated_by_passage_is_rejected() -> None:
    passage = "Thực hiện Chỉ thị số 32-CT/TW, ngày 18/02/2019 của Bộ Chính trị"
    ok = problems("Ngày nào?", ["18/02/2019", "15/05/2016", "22/04/2019"], 0, "Nguồn: x", passage)
    assert ok == []
    bad = worded("Ngày nào?", ["18/02/2019", "32-CT/TW", "22/4/2019"], 0, "Nguồn: x", passage)
    assert any("cũng có trong đoạn nguồn" in p for p in bad)
    wrong_key = worded("Ngày nào?", ["15/05/2016", "18/2/2019"], 0, "Nguồn: x", passage)
    assert "đoạn nguồn không chứa đáp án đúng" in wrong_key
    assert supports(passage, "18/2/2019") and not supports("ngày 21/6/2019", "1/6/2019")


def test_limits_and_duplicates_are_reported() -> None:
    passage = "gốc vững, thân chắc, cành uyển chuyển"
    long_text = "x" * 301
    found = worded(long_text, ["gốc vững", "Gốc vững", "y" * 101], 0, "z" * 201, passage)
    assert any("câu hỏi dài" in p for p in found)
    assert any("giải thích dài" in p for p in found)
    assert any("phương án dài" in p for p in found)
    assert "các phương án trùng nhau" in found


def _chunk(name: str, text: str, position: int = 0) -> Chunk:
    meta = DocumentMeta(document=name, title="Kế hoạch thử", number=None)
    return Chunk(f"{name}#{position}", meta, "I", "I", text, position)


def test_conflicting_citations_make_no_question() -> None:
    chunks = [
        _chunk("a.txt", "Thực hiện Chỉ thị số 32-CT/TW, ngày 18/02/2019 của Bộ Chính trị."),
        _chunk("b.txt", "Thực hiện Chỉ thị số 32-CT/TW, ngày 19/02/2019 của Bộ Chính trị."),
        _chunk("c.txt", "Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị."),
        _chunk(
            "d.txt",
            "Thực hiện Hướng dẫn số 91-HD/BTGTW ngày 22/4/2019 của Ban Tuyên giáo Trung ương.",
        ),
    ]
    items = generate_bank(chunks, organisational_share=1.0).items
    keys = Counter(item.generator for item in items)
    assert keys["document_facts"] > 0
    assert not [i for i in items if "32-CT/TW" in i.text and "ngày nào" in i.text]
    assert [i.answer for i in items if "57-KL/TW" in i.text and "ngày nào" in i.text] == [
        "15/06/2023"
    ]
