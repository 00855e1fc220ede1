"""knowledge/ reports codes; bot/texts words every one of them, as users saw them before."""

from __future__ import annotations

from bot.services.errors import DomainError
from bot.texts import knowledge as knowledge_texts
from bot.texts import quiz_checks
from knowledge.errors import Code, KnowledgeError, Notice
from knowledge.quiz.checks import Check, Problem


def test_every_code_has_its_words() -> None:
    assert set(knowledge_texts.TEMPLATES) == set(Code)
    assert set(quiz_checks.TEMPLATES) == set(Check)


def test_an_error_is_described_with_its_parameters() -> None:
    error = KnowledgeError(Code.FILE_TOO_LARGE, name="lon.pdf", size_mb=25.0, limit_mb=20.0)
    assert knowledge_texts.describe(error) == (
        "Tệp «lon.pdf» quá lớn (25.0 MB, tối đa 20 MB) / File too large"
    )
    assert str(error) == "file_too_large (name='lon.pdf', size_mb=25.0, limit_mb=20.0)"


def test_a_notice_is_described_like_an_error() -> None:
    notice = Notice(Code.OCR_REPAIRED, {"repaired": 12})
    assert knowledge_texts.describe(notice) == (
        "Văn bản bị lỗi dấu do quét OCR: đã sửa tự động phần nhận ra được (12% từ)"
    )


def test_the_bots_own_refusals_keep_their_words() -> None:
    refusal = DomainError("Bạn chưa là đảng viên của chi bộ nào.")
    assert knowledge_texts.describe(refusal) == "Bạn chưa là đảng viên của chi bộ nào."


def test_quiz_problems_and_generation_summaries_are_worded() -> None:
    problem = Problem(Check.DISTRACTOR_SUPPORTED, {"option": "kiểm ngư"})
    assert quiz_checks.describe(problem) == "phương án nhiễu “kiểm ngư” cũng có trong đoạn nguồn"
    assert str(problem) == "distractor_supported"
    assert quiz_checks.describe_rejection("cloze: distractor_supported") == (
        "cloze: phương án nhiễu “…” cũng có trong đoạn nguồn"
    )
    kept = "document_facts: vượt 20% câu hỏi về văn bản"
    assert quiz_checks.describe_rejection(kept) == kept
