"""Substance questions on a plan written here (no corpus): a new document needs no code change."""

from __future__ import annotations

from collections import Counter

import pytest

from knowledge.quiz import QuizItem, generate_bank, norm, problems
from knowledge.quiz.statements import statements
from knowledge.quiz.topics import is_organisational, matches, topic_of
from knowledge.quiz.variety import same_fact, varied
from knowledge.types import Chunk, DocumentMeta

PLAN = """Thực hiện Nghị quyết số 21-NQ/TW, ngày 05/3/2022 của Ban Chấp hành Trung ương \
về phát triển bền vững kinh tế biển, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Giúp cán bộ, đảng viên hiểu rõ vai trò của kinh tế biển trong phát triển địa phương.
- Nâng cao ý thức bảo vệ môi trường biển, hải đảo của toàn dân.
2. Yêu cầu
- Việc học tập phải nghiêm túc, gắn với thực tiễn của từng chi bộ.
II. NỘI DUNG CỐT LÕI
- Khẳng định biển là không gian sinh tồn, cửa ngõ giao lưu quốc tế của dân tộc.
- Khẳng định sự phối hợp giữa các lực lượng: kiểm ngư, biên phòng và dân quân biển.
- Nhấn mạnh 04 đột phá chiến lược về hạ tầng cảng biển trong giai đoạn tới.
- Kinh tế biển xanh là động lực tăng trưởng mới của các huyện ven biển.
III. NHIỆM VỤ, GIẢI PHÁP
- Phát triển nuôi trồng thủy sản theo hướng bền vững, ứng dụng công nghệ cao.
- Đẩy mạnh du lịch sinh thái biển gắn với bảo tồn rạn san hô.
- Hoàn thiện hạ tầng cảng cá, khu neo đậu tránh trú bão cho ngư dân.
- Tăng cường tuần tra, kiểm soát khai thác hải sản trái phép trên vùng biển huyện.
IV. TỔ CHỨC THỰC HIỆN
- Ban Tuyên giáo Huyện ủy hướng dẫn các chi bộ tổ chức học tập trước ngày 30/9/2024."""

OTHER = """Thực hiện Chỉ thị số 09-CT/TW, ngày 10/01/2022 của Ban Bí thư về rừng, \
Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao trách nhiệm của chính quyền các cấp trong quản lý, bảo vệ rừng.
- Ngăn chặn tình trạng phá rừng, lấn chiếm đất rừng trái phép.
II. NỘI DUNG CỐT LÕI
- Khẳng định rừng là lá phổi xanh, nguồn sinh kế của đồng bào các dân tộc.
- Rừng phòng hộ là tấm lá chắn trước thiên tai cho các xã vùng cao.
- Huy động sức mạnh tổng hợp của các lực lượng: kiểm lâm, công an và dân quân tự vệ.
III. NHIỆM VỤ, GIẢI PHÁP
- Giao đất, giao rừng gắn với hỗ trợ sinh kế cho người dân giữ rừng.
- Phát triển trồng rừng gỗ lớn, cấp chứng chỉ rừng bền vững.
- Xử lý nghiêm các vụ vi phạm lâm luật, công khai kết quả xử lý."""


def _doc(name: str, title: str, number: str, text: str) -> list[Chunk]:
    meta = DocumentMeta(name, title, number, "01/4/2024", "Ban Thường vụ Huyện ủy")
    paragraphs = text.split("\nII.")
    parts = [paragraphs[0], "II." + paragraphs[1]]
    return [Chunk(f"{name}#{i}", meta, None, "", part, i) for i, part in enumerate(parts)]


@pytest.fixture(scope="module")
def chunks() -> list[Chunk]:
    return _doc(
        "bien.txt",
        "Kế hoạch học tập, quán triệt Nghị quyết số 21-NQ/TW về phát triển bền vững kinh tế biển",
        "12-KH/HU",
        PLAN,
    ) + _doc("rung.txt", "Kế hoạch thực hiện Chỉ thị số 09-CT/TW về rừng", "13-KH/HU", OTHER)


@pytest.fixture(scope="module")
def items(chunks: list[Chunk]) -> list[QuizItem]:
    return generate_bank(chunks).items


def test_sections_get_their_roles(chunks: list[Chunk]) -> None:
    found = statements(chunks[:2])
    roles = {st.text[:20]: st.role for st in found}
    assert roles["Giúp cán bộ, đảng vi"] == "aim"
    assert roles["Việc học tập phải ng"] == "requirement"
    assert roles["Khẳng định biển là k"] == "core"
    assert roles["Phát triển nuôi trồn"] == "task"
    assert roles["Ban Tuyên giáo Huyện"] == "organisation"


def test_plan_written_here_gets_substance_questions(items: list[QuizItem]) -> None:
    generators = Counter(item.generator for item in items)
    assert generators["aims_tasks"] >= 4 and generators["lists"] >= 2 and generators["notions"] >= 1
    substance = [i for i in items if not is_organisational(i.generator)]
    assert len(substance) / len(items) >= 0.8
    answers = {norm(i.answer) for i in items}
    assert norm("kiểm ngư") in answers or norm("biên phòng") in answers
    assert norm("động lực tăng trưởng mới của các huyện ven biển") in answers
    tasks = [i for i in items if i.document == "bien.txt" and "nhiệm vụ" in i.text]
    assert tasks and all(
        norm(i.answer) in norm(i.source_text) for i in tasks if "KHÔNG" not in i.text
    )


def test_every_key_is_checked_and_distractors_come_from_the_library(
    items: list[QuizItem], chunks: list[Chunk]
) -> None:
    library = norm(" ".join(c.text for c in chunks))
    for item in items:
        assert (
            problems(item.text, item.options, item.correct, item.explanation, item.source_text)
            == []
        )
        if is_organisational(item.generator) or item.generator == "numbered_facts":
            continue  # dates and counts: neighbouring values, no statements
        for option in item.options:
            assert norm(option) in library, option  # never invented


def test_negative_question_keys_are_the_outsider(items: list[QuizItem]) -> None:
    negative = [i for i in items if "KHÔNG" in i.text]
    assert negative
    for item in negative:
        assert norm(item.answer) not in norm(item.source_text)
        others = [o for k, o in enumerate(item.options) if k != item.correct]
        assert all(norm(o) in norm(item.source_text) for o in others)


def test_a_true_distractor_is_rejected() -> None:
    passage = "các lực lượng: kiểm ngư, biên phòng và dân quân biển"
    text = "Ý nào KHÔNG thuộc các lực lượng?"
    assert problems(text, ["kiểm lâm", "kiểm ngư", "biên phòng"], 0, "Nguồn: x", passage) == []
    stated = problems(text, ["kiểm ngư", "biên phòng", "dân quân biển"], 0, "Nguồn: x", passage)
    assert stated  # the "outsider" is in the list: refused
    bad = problems("Đâu là một lực lượng?", ["kiểm lâm", "kiểm ngư"], 1, "Nguồn: x", passage)
    assert bad == []
    wrong = problems("Đâu là một lực lượng?", ["kiểm ngư", "biên phòng"], 0, "Nguồn: x", passage)
    assert wrong  # a distractor the passage states


def test_topics_come_from_titles() -> None:
    work = DocumentMeta("a", "Kế hoạch về tác phẩm “Sổ tay “Bông sen nhỏ”” của tác giả", None)
    assert topic_of(work) == "Tác phẩm “Bông sen nhỏ”"
    plain = DocumentMeta("b", "Kế hoạch thực hiện Chỉ thị số 09-CT/TW về rừng", None)
    assert topic_of(plain) == "Chỉ thị số 09-CT/TW"
    assert matches("Chỉ thị số 09-CT/TW", "09-CT/TW") and matches(
        "Chỉ thị số 09-CT/TW", "chi thi 09"
    )
    assert matches("Tác phẩm “Bông sen nhỏ”", "bong sen")
    assert not matches("Chỉ thị số 09-CT/TW", "19") and not matches("Chỉ thị số 09-CT/TW", "rừng")


def test_one_quiz_never_tests_one_fact_twice(items: list[QuizItem]) -> None:
    rows = [
        {
            "options": list(i.options),
            "correct": i.correct,
            "explanation": i.explanation,
            "source": {"text": i.source_text},
        }
        for i in items
    ]
    lists = [r for r, i in zip(rows, items, strict=True) if i.generator == "lists"]
    assert len(lists) >= 2 and same_fact(lists[0], lists[1])
    chosen = varied(rows, len(rows))
    assert len(chosen) < len(rows)
    assert not any(same_fact(a, b) for k, a in enumerate(chosen) for b in chosen[k + 1 :])
