"""OCR repair against the vocabulary of clean text written here."""

from __future__ import annotations

from knowledge.ocr import OcrRepairer

# "trọng" is frequent and "trưởng" rare; three lines end with "Trọng" and the next opens with
# "Ban": read across the line break, "trọng ban" would look like a frequent pair.
CLEAN = [
    "Tổng Bí thư Nguyễn Phú Trọng\nBan Tuyên giáo Tỉnh ủy chú trọng, coi trọng việc này.",
    "Tác phẩm của Nguyễn Phú Trọng\nBan Chỉ đạo tôn trọng, quý trọng, trân trọng Nhân dân.",
    "Đồng chí Nguyễn Phú Trọng\nBan Thường vụ. Quan trọng, trọng tâm, trọng điểm, nặng nề.",
    "Trọng tâm, trọng yếu, quan trọng, chú trọng, coi trọng, đề cao, trọng dụng, trọng thị.",
    "Đồng chí Trưởng Ban Tuyên giáo chủ trì.",
]


def test_words_are_repaired_to_the_clean_texts_accented_forms() -> None:
    repairer = OcrRepairer(CLEAN)
    lines, changed = repairer.repair(["Ban Tuyén gido Tinh uy chu trong"])
    assert lines == ["Ban Tuyên giáo Tỉnh ủy chú trọng"]
    assert changed > 0.5


def test_word_pairs_are_learnt_within_a_phrase_not_across_a_line_break() -> None:
    """ "Noi nhan: TRUONG BAN" is the signer's title "TRƯỞNG BAN", not "TRỌNG BAN": the
    clean texts say "Trọng" then "Ban" only across a line break or a full stop."""
    repairer = OcrRepairer(CLEAN)
    assert repairer.decode(["Noi", "nhan", "TRUONG", "BAN"])[2:] == ["TRƯỞNG", "BAN"]
