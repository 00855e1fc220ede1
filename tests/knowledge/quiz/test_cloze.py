"""A key clause whose meaning is a mirrored pair ("A hóa, B hóa" + a shared object) is asked as a
cloze of the pair, with other pairs of the library as distractors."""

from __future__ import annotations

from knowledge.quiz import generate_bank, norm
from knowledge.quiz.cloze import mirrored_pairs, paired_phrases
from knowledge.quiz.phrasing import BLANK
from knowledge.types import Chunk, DocumentMeta

FARMING = """I. NỘI DUNG CỐT LÕI
- Khẳng định quan điểm xuyên suốt của Đảng bộ là phát triển nông nghiệp sinh thái, nông thôn \
hiện đại, nông dân văn minh; cơ giới hóa, tự động hóa sản xuất lúa gạo.
II. NHIỆM VỤ, GIẢI PHÁP
- Xây dựng vùng nguyên liệu tập trung gắn với chế biến sâu."""

SCHOOLS = """I. NỘI DUNG CỐT LÕI
- Nhà trường phải bảo đảm dạy thật, học thật; chuẩn hóa, hiện đại hóa đội ngũ giáo viên.
- Giáo dục phải gắn với thực tiễn địa phương, gắn học với hành.
II. NHIỆM VỤ, GIẢI PHÁP
- Đổi mới phương pháp dạy, phương pháp học theo hướng chủ động, sáng tạo.
- Tăng cường kỷ cương, nền nếp trong trường học, lớp học."""

HEALTH = """I. NỘI DUNG CỐT LÕI
- Y tế cơ sở là nền tảng; xã hội hóa, đa dạng hóa các nguồn lực cho y tế.
- Phòng bệnh hơn chữa bệnh, chăm sóc sức khỏe ban đầu cho nhân dân.
II. NHIỆM VỤ, GIẢI PHÁP
- Nâng cao y đức, tinh thần trách nhiệm, thái độ phục vụ người bệnh."""


def _doc(name: str, title: str, text: str) -> list[Chunk]:
    meta = DocumentMeta(name, title, "01-KH/HU", "01/4/2024", "Ban Thường vụ Huyện ủy")
    return [Chunk(f"{name}#0", meta, None, "", text, 0)]


def test_mirrored_pairs_end_where_the_mirror_ends() -> None:
    clause = "hiện đại, nông dân văn minh; cơ giới hóa, tự động hóa sản xuất lúa gạo"
    assert mirrored_pairs(clause) == ["cơ giới hóa, tự động hóa"]
    # Items of a longer list are no pair, and unlike items do not mirror.
    assert mirrored_pairs("kiểm ngư, biên phòng, dân quân biển") == []
    assert mirrored_pairs("dạy thật, học lớp mười") == []
    assert "cấp ủy, chính quyền" not in paired_phrases(["cấp ủy, chính quyền, đoàn thể"])


def test_pair_of_a_key_clause_is_blanked_with_library_pairs_as_distractors() -> None:
    chunks = (
        _doc("nong.txt", "Kế hoạch phát triển nông nghiệp", FARMING)
        + _doc("truong.txt", "Kế hoạch đổi mới giáo dục", SCHOOLS)
        + _doc("yte.txt", "Kế hoạch chăm sóc sức khỏe", HEALTH)
    )
    items = [i for i in generate_bank(chunks).items if i.answer == "cơ giới hóa, tự động hóa"]
    assert len(items) == 1
    item = items[0]
    assert item.generator == "key_statements"
    # The short clause is shown with the clause before it, and only the pair is blanked.
    assert f"văn minh; {BLANK} sản xuất lúa gạo" in item.text
    assert "cơ giới hóa" not in item.text
    distractors = [o for o in item.options if o != item.answer]
    library = norm(SCHOOLS + HEALTH)
    assert len(distractors) >= 2
    assert all(", " in d and norm(d) in library for d in distractors)
    assert norm(item.answer) in norm(item.source_text)
