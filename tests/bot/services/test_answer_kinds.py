"""Which kinds of answer a unit carries: a field's label names its kind."""

from __future__ import annotations

import pytest

from bot.services.answer_kinds import labelled_kinds
from knowledge import question as q
from knowledge.question import parse_question


@pytest.mark.parametrize(
    ("unit", "asked", "kind"),
    [
        ("c) Thời gian: 01 buổi, lúc 7 giờ 30 phút ngày 17/10/2023.", "Họp khi nào?", q.WHEN),
        ("3. Địa điểm: Hội trường Ủy ban nhân dân xã.", "Hội nghị tổ chức ở đâu?", q.WHERE),
        ("- Báo cáo viên: Đồng chí Lê Văn Hà.", "Ai trình bày chuyên đề?", q.WHO),
        ("Truy cập vào địa chỉ: http://tuyengiao.vn", "Tải tài liệu ở đâu?", q.WHERE),
    ],
)  # fmt: skip
def test_a_label_names_the_kind_of_its_field(unit: str, asked: str, kind: str) -> None:
    assert labelled_kinds(unit, parse_question(asked)) == {kind}


def test_a_label_counts_only_for_the_kind_asked_and_prose_has_none() -> None:
    where = parse_question("Hội nghị tổ chức ở đâu?")
    assert labelled_kinds("2. Thời gian: ngày 28/3/2024.", where) == set()
    # A sentence with a colon later on is not a field: its opening words are no label.
    sentence = "Ban Tuyên giáo tổ chức hội nghị tại hội trường huyện, gồm các thành phần: bí thư."
    assert labelled_kinds(sentence, parse_question("Ai dự hội nghị?")) == set()
