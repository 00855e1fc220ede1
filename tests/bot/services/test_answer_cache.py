"""A question asked again on the same library is answered from memory; anything else is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.services.answer_cache import AnswerCache
from bot.services.answers import Answer, Conversation
from bot.services.qa import QAService
from bot.wiring import Services

QUESTION = "Bản sắc cây tre Việt Nam là gì?"


@pytest.fixture
def counted(seeded_services: Services, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The queries the library is searched with."""
    library = seeded_services.library
    searched: list[str] = []
    search = library.search

    def counting(query: str, k: int = 5) -> list:  # type: ignore[type-arg]
        searched.append(query)
        return search(query, k)

    monkeypatch.setattr(library, "search", counting)
    return searched


def test_the_same_question_is_searched_once(seeded_services: Services, counted: list[str]) -> None:
    qa: QAService = seeded_services.qa
    first = qa.ask(QUESTION)
    again = qa.ask(f"  {QUESTION} ")  # the same question, spaced differently
    assert first == again and first.grounded
    assert counted == [QUESTION]


def test_a_follow_up_is_never_answered_from_memory(
    seeded_services: Services, counted: list[str]
) -> None:
    qa: QAService = seeded_services.qa
    conversation = Conversation()
    qa.ask("Kế hoạch 172-KH/HU có mục đích gì?", conversation)
    qa.ask("Còn thời gian thực hiện?", conversation)
    qa.ask("Kế hoạch 172-KH/HU có mục đích gì?", conversation)
    qa.ask("Còn thời gian thực hiện?", conversation)
    follow_ups = [q for q in counted if q.endswith("Còn thời gian thực hiện?")]
    assert len(follow_ups) == 2  # searched each time, with the previous question


def test_a_changed_library_is_searched_again(
    seeded_services: Services, counted: list[str], tmp_path: Path
) -> None:
    qa: QAService = seeded_services.qa
    qa.ask(QUESTION)
    extra = tmp_path / "ke_hoach_moi.txt"
    extra.write_text(
        "ĐẢNG BỘ TỈNH X\nKẾ HOẠCH\nVề học tập chuyên đề năm 2026\n"
        "Các chi bộ tổ chức học tập chuyên đề về bản sắc văn hóa trong quý II năm 2026.\n",
        encoding="utf-8",
    )
    seeded_services.library.ingest_path(extra)
    qa.ask(QUESTION)
    assert counted == [QUESTION, QUESTION]


def test_the_cache_keeps_the_most_recent_answers() -> None:
    cache = AnswerCache(size=2)
    answers = {q: Answer(text=q, grounded=True) for q in ("a", "b", "c")}
    for question, answer in answers.items():
        cache.put(question, "v1", answer)
    assert cache.get("a", "v1") is None
    assert cache.get("c", "v1") == answers["c"]
    assert cache.get("c", "v2") is None  # another library version
