"""Writes docs/o2_bao_cao_ct05_hoa_thuan.docx: a commune party committee's results report, its
header and signature in tables, its figures in a table (invented names; python-docx).

    .venv/bin/python bench/probes/own/make_report_docx.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

OUT = Path(__file__).resolve().parent / "docs" / "o2_bao_cao_ct05_hoa_thuan.docx"

HEADER = (
    "ĐẢNG BỘ HUYỆN PHÚ LỘC\nĐẢNG ỦY XÃ HÒA THUẬN\n*\nSố 42-BC/ĐU",
    "ĐẢNG CỘNG SẢN VIỆT NAM\nHòa Thuận, ngày 28 tháng 11 năm 2024",
)
BEFORE_TABLE = (
    "BÁO CÁO",
    "kết quả 3 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm "
    "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Thực hiện Hướng dẫn số 18-HD/BTGHU ngày 10/10/2024 của Ban Tuyên giáo Huyện ủy về sơ kết "
    "3 năm thực hiện Chỉ thị 05-CT/TW, Đảng ủy xã Hòa Thuận báo cáo kết quả như sau:",
    "I. TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN",
    "1. Công tác lãnh đạo, chỉ đạo",
    "Đảng ủy đã ban hành 03 kế hoạch, 02 chương trình hành động để triển khai Chỉ thị; giao Ban "
    "Tuyên giáo Đảng ủy làm cơ quan thường trực, tham mưu theo dõi việc thực hiện.",
    "2. Công tác học tập, quán triệt",
    "Đảng ủy tổ chức 6 hội nghị học tập chuyên đề hằng năm cho 100% cán bộ, đảng viên; các chi bộ "
    "đưa nội dung làm theo Bác vào sinh hoạt định kỳ hằng tháng.",
    "Kết quả học tập chuyên đề qua các năm:",
)
FIGURES = (
    ("Năm", "Số đảng viên tham gia", "Tỷ lệ"),
    ("2022", "412", "96,2%"),
    ("2023", "428", "97,5%"),
    ("2024", "441", "98,9%"),
)
AFTER_TABLE = (
    "3. Việc xây dựng và nhân rộng điển hình",
    "Qua 3 năm, Đảng ủy đã biểu dương 24 tập thể và 57 cá nhân điển hình trong học tập và làm "
    "theo Bác; trong đó mô hình “Dân vận khéo” của Chi bộ thôn Đông Hồ được Huyện ủy khen thưởng "
    "năm 2023.",
    "II. HẠN CHẾ, NGUYÊN NHÂN",
    "Một số chi bộ chưa cụ thể hóa nội dung làm theo Bác thành việc làm cụ thể; việc đăng ký làm "
    "theo của một số đảng viên còn hình thức. Nguyên nhân chủ yếu là cấp ủy chi bộ chưa thường "
    "xuyên kiểm tra, đôn đốc.",
    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    "1. Tiếp tục đưa việc học tập và làm theo Bác thành nội dung sinh hoạt thường xuyên của "
    "chi bộ.",
    "2. Phấn đấu đến năm 2025 có 100% chi bộ xây dựng được mô hình làm theo Bác.",
    "3. Gắn việc làm theo Bác với đánh giá, xếp loại chất lượng đảng viên cuối năm.",
    "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    "Đề nghị Ban Tuyên giáo Huyện ủy cấp bổ sung tài liệu học tập chuyên đề năm 2025 cho các "
    "chi bộ.",
)
SIGNATURE = (
    "Nơi nhận:\n- Ban Tuyên giáo Huyện ủy (báo cáo),\n- Các chi bộ trực thuộc,\n"
    "- Lưu Văn phòng Đảng ủy.",
    "T/M ĐẢNG ỦY\nBÍ THƯ\nLê Văn Tâm",
)


def main() -> None:
    document = Document()
    header = document.add_table(rows=1, cols=2)
    for column, text in enumerate(HEADER):
        header.cell(0, column).text = text
    for paragraph in BEFORE_TABLE:
        document.add_paragraph(paragraph)
    figures = document.add_table(rows=len(FIGURES), cols=len(FIGURES[0]))
    for row, values in enumerate(FIGURES):
        for column, value in enumerate(values):
            figures.cell(row, column).text = value
    for paragraph in AFTER_TABLE:
        document.add_paragraph(paragraph)
    signature = document.add_table(rows=1, cols=2)
    for column, text in enumerate(SIGNATURE):
        signature.cell(0, column).text = text
    document.save(str(OUT))


if __name__ == "__main__":
    main()
