"""The offline (extractive) question answering over the five seed documents.

Grounded answers quote the documents and cite them; anything the documents do not support is
declined with the texts of `bot/texts/answers.py`, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.services.answers import Answer, Conversation
from bot.services.qa import InvalidQuestion, QAService
from bot.texts import answers as text
from bot.wiring import Services
from knowledge.textnorm import fold
from tests.auxil.services import make_settings

QUESTION_CAY_TRE = "Bản sắc cây tre Việt Nam là gì?"
CAY_TRE_QUOTE = "gốc vững, thân chắc, cành uyển chuyển"
TRA_VINH_PLAN = "000_52af6b9f4ce84aaf.txt"  # the Trà Vinh plan: its text carries no number

# From /work/shared/eval/dev_questions.json (id, question, phrases that must appear after
# folding, seed-file prefix holding the answer): the ones the extractive backend gets right.
DEV_ANSWERABLE = [
    ("d01", "Hướng dẫn số 91-HD/BTGTW được ban hành ngày nào?", ["22/4/2019"], "003"),
    ("d02", "ke hoach 78-KH/BTGTU ve noi dung gi", ["chi thi so 32"], "003"),
    ("d06", "so ngoai vu lang son co nhiem vu gi", ["bao chi"], "003"),
    ("d08", "Những ai dự trực tiếp hội nghị quán triệt Kết luận 57 tại hội trường UBND thị xã?",
     ["thuong truc thi uy"], "004"),
    ("d14", "Trường Chính trị tỉnh Lâm Đồng cập nhật nội dung tác phẩm vào chương trình nào?",
     ["lich su dang"], "002"),
    ("d18", "Kế hoạch 14-KH/TW của Ban Bí thư thực hiện nghị quyết nào?", ["35-nq/tw"], "003"),
    ("d20", "Kết luận 57 yêu cầu kịp thời làm gì với những mô hình mới, cách làm hay?",
     ["khen thuong"], "004"),
]  # fmt: skip
DEV_UNANSWERABLE = [
    "Thời tiết Hà Nội ngày mai thế nào?",
    "Giá xăng RON95 hôm nay?",
    "Kết luận số 999-KL/TW nói về điều gì?",
]
OFF_TOPIC = [
    "Giá vàng hôm nay bao nhiêu?",
    "Đội tuyển nào vô địch World Cup 2022?",
    "Thời tiết Đà Lạt ngày mai thế nào?",
]


@pytest.fixture
def qa(seeded_services: Services) -> QAService:
    return seeded_services.qa


def assert_cited(answer: Answer) -> None:
    """A grounded answer: sources with their metadata, and the text ends with the citation."""
    assert answer.grounded
    assert answer.sources
    assert all(s.document and s.title and s.text for s in answer.sources)
    assert answer.source_line.startswith(f"{text.SOURCE_PREFIX}: ")
    assert answer.text.endswith(f"\n\n{answer.source_line}")


def assert_declined(answer: Answer, message: str = text.NOT_IN_DOCUMENTS) -> None:
    assert not answer.grounded
    assert answer.sources == []
    assert answer.text.startswith(message)
    assert text.SOURCE_PREFIX not in answer.text


# --- grounded answers -----------------------------------------------------------------------


@pytest.mark.parametrize("question", ["ban sac cay tre viet nam la gi", QUESTION_CAY_TRE])
def test_cay_tre_quoted_with_and_without_diacritics(qa: QAService, question: str) -> None:
    answer = qa.ask(question)

    assert_cited(answer)
    assert CAY_TRE_QUOTE in answer.text
    assert answer.question == question
    first = answer.sources[0]
    assert first.document == TRA_VINH_PLAN
    assert first.section == "II > 1 > 1.1"
    assert CAY_TRE_QUOTE in first.text  # the quoted passage is the first source
    assert any(s.number for s in answer.sources)  # numbered plans (172-KH/HU…) also cited
    assert all(0.0 <= s.score <= 1.0 for s in answer.sources)
    # The citation names the issuer and the section of the quoted passage.
    assert "Ban Thường vụ Tỉnh ủy Trà Vinh" in answer.source_line
    assert f"mục {first.section}" in answer.source_line


def test_numbered_document_cited_by_number_and_date(qa: QAService) -> None:
    answer = qa.ask("Sở Ngoại vụ Lạng Sơn có nhiệm vụ gì?")

    assert_cited(answer)
    first = answer.sources[0]
    assert (first.number, first.date, first.section) == ("84-KH/BTGTU", "21/6/2019", "IV > 3")
    expected = "Nguồn: Kế hoạch số 84-KH/BTGTU, ngày 21/6/2019, Ban Tuyên giáo Tỉnh ủy Lạng Sơn"
    assert answer.source_line.startswith(expected)


@pytest.mark.parametrize(
    ("question", "must", "doc_prefix"),
    [pytest.param(q, m, d, id=i) for i, q, m, d in DEV_ANSWERABLE],
)
def test_dev_questions_answered(
    qa: QAService, question: str, must: list[str], doc_prefix: str
) -> None:
    answer = qa.ask(question)

    assert_cited(answer)
    folded = fold(answer.text)
    for phrase in must:
        assert fold(phrase) in folded, (phrase, answer.text)
    assert answer.sources[0].document.startswith(doc_prefix)


# --- declined -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (OFF_TOPIC[0], text.NOT_IN_DOCUMENTS),
        # The library names no 2022 at all: the decline says so.
        (OFF_TOPIC[1], text.NOT_ABOUT.format(name="2022")),
        # Nor any "Đà Lạt": a name typed with capitals is looked up like a place.
        (OFF_TOPIC[2], text.NOT_ABOUT.format(name="Đà Lạt")),
    ],
)
def test_off_topic_declined(qa: QAService, question: str, reason: str) -> None:
    answer = qa.ask(question)

    assert_declined(answer, reason)
    # The decline says what the library does cover.
    assert text.LIBRARY_COVERS.split("{")[0] in answer.text
    assert CAY_TRE_QUOTE not in answer.text


@pytest.mark.parametrize("question", DEV_UNANSWERABLE)
def test_dev_unanswerable_declined(qa: QAService, question: str) -> None:
    answer = qa.ask(question)

    assert not answer.grounded
    assert answer.sources == []


@pytest.mark.parametrize("question", ["Kết luận 999-KL/TW nói gì?", "ket luan 999-kl/tw noi gi"])
def test_unknown_document_number_declined(qa: QAService, question: str) -> None:
    answer = qa.ask(question)

    assert_declined(answer, text.UNKNOWN_REFERENCE.format(reference="999-KL/TW"))
    assert "999-KL/TW" in answer.text


def test_known_document_number_not_declined(qa: QAService) -> None:
    """The reference check only rejects numbers absent from the library (57-KL/TW is there)."""
    answer = qa.ask("Kết luận 57-KL/TW yêu cầu kịp thời làm gì với mô hình mới, cách làm hay?")

    assert_cited(answer)
    assert "khen thưởng" in answer.text


# --- invalid questions ----------------------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", " \n\t  \n"])
def test_empty_question_rejected(qa: QAService, question: str) -> None:
    with pytest.raises(InvalidQuestion) as error:
        qa.ask(question)
    assert str(error.value) == text.EMPTY_QUESTION


def test_over_long_question_rejected(qa: QAService) -> None:
    question = "Bản sắc cây tre " * 200  # 3200 characters after normalising spaces
    normalised = " ".join(question.split())

    with pytest.raises(InvalidQuestion) as error:
        qa.ask(question)
    assert str(error.value) == text.TOO_LONG.format(length=len(normalised), limit=2000)


def test_question_at_the_limit_accepted(qa: QAService) -> None:
    question = ("bản sắc cây tre việt nam là gì " * 80)[:2000]

    answer = qa.ask(question)  # no InvalidQuestion: 2000 characters are allowed

    assert answer.question == " ".join(question.split())


def test_limit_follows_settings(services_factory: Callable[..., Services]) -> None:
    qa = services_factory(max_question_chars=20).qa

    with pytest.raises(InvalidQuestion, match="tối đa 20"):
        qa.ask("Bản sắc cây tre Việt Nam là gì?")


def test_empty_library_declined(tmp_path: Path) -> None:
    services = Services(make_settings(tmp_path / "empty"))

    answer = services.qa.ask("Bản sắc cây tre Việt Nam là gì?")

    assert_declined(answer, text.EMPTY_LIBRARY)


# --- follow-up questions --------------------------------------------------------------------

LESSONS = "Tác phẩm nhấn mạnh bao nhiêu bài học kinh nghiệm?"
TASKS_FOLLOW_UP = "còn nhiệm vụ thì sao?"


def test_follow_up_uses_the_previous_question(qa: QAService) -> None:
    conversation = Conversation()

    first = qa.ask(LESSONS, conversation)
    follow_up = qa.ask(TASKS_FOLLOW_UP, conversation)

    assert_cited(first)
    assert "05 bài học kinh nghiệm" in first.text
    assert_cited(follow_up)
    # The follow-up answers the new aspect (the 06 tasks) of the same work, not the last answer.
    assert "06 nhiệm vụ chủ yếu" in follow_up.text
    assert "bài học" not in follow_up.text
    assert follow_up.sources[0].section == first.sources[0].section == "II > 1 > 1.1"
    assert len(conversation.turns) == 2
    assert conversation.turns[-1] == (TASKS_FOLLOW_UP, follow_up)


def test_follow_up_alone_has_no_context(qa: QAService) -> None:
    answer = qa.ask(TASKS_FOLLOW_UP)

    assert "06 nhiệm vụ" not in answer.text
    assert not answer.grounded


def test_follow_up_about_another_office_of_the_same_plan(qa: QAService) -> None:
    conversation = Conversation()

    first = qa.ask("Sở Ngoại vụ Lạng Sơn có nhiệm vụ gì?", conversation)
    follow_up = qa.ask("còn Sở Văn hóa thì sao?", conversation)

    assert "Sở Ngoại vụ" in first.text
    assert_cited(follow_up)
    assert "Sở Văn hóa, Thể thao và Du lịch" in follow_up.text
    assert follow_up.sources[0].number == "84-KH/BTGTU"


def test_off_topic_follow_up_declined(qa: QAService) -> None:
    """The previous question steers the search but cannot ground an unrelated follow-up."""
    conversation = Conversation()

    assert_cited(qa.ask("Bản sắc cây tre Việt Nam là gì?", conversation))
    for follow_up in ("còn giá vàng thì sao?", "thời tiết thế nào?"):
        assert_declined(qa.ask(follow_up, conversation))


def test_conversation_keeps_three_turns(qa: QAService) -> None:
    conversation = Conversation()
    questions = [LESSONS, TASKS_FOLLOW_UP, "Bản sắc cây tre Việt Nam là gì?", OFF_TOPIC[0]]

    for question in questions:
        qa.ask(question, conversation)

    assert [q for q, _ in conversation.turns] == questions[-3:]


def test_a_shortened_title_keeps_its_quotation_marks_balanced() -> None:
    from bot.services.presenting import shorten

    title = (
        "Kế hoạch triển khai đợt sinh hoạt chính trị về tác phẩm "
        "“Xây dựng và phát triển nền đối ngoại”"
    )
    short = shorten(title, 70)
    assert len(short) < len(title) and short.endswith("…”")
    assert short.count("“") == short.count("”")
