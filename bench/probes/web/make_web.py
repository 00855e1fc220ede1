"""Write the five sample plans as a member copies them from a party web portal: the page's
masthead, menu, breadcrumb, title, date line and share buttons above the plan, and its tags,
related news, comments box, counters and footer below it, as a browser's "select all, copy"
gives them (one line per block, blank lines between).

    python bench/probes/web/make_web.py

The `seed/` questions are asked of these pages (`probe-web`): the gap to `seed/` is the
furniture's. The pages are committed; run this only to write them again.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
OUT = Path(__file__).resolve().parent / "docs"

_TOP = """Cổng thông tin điện tử Đảng bộ tỉnh
Cơ quan của Ban Chấp hành Đảng bộ tỉnh
Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản | Học tập và làm theo Bác | Liên hệ
Đăng nhập
Tìm kiếm...
Trang chủ > Văn bản > Kế hoạch
{title}
Thứ Hai, 15/04/2024 - 14:35
Lượt xem: 1.245
Cỡ chữ: A- A A+
Chia sẻ
Facebook
Zalo
In bài
"""

_BOTTOM = """Tác giả: Ban Biên tập
Từ khóa: kế hoạch, học tập, tuyên truyền
Chia sẻ
In bài
Gửi email
Tin liên quan
Hội nghị báo cáo viên tháng 4/2024
Tổng kết công tác tuyên giáo năm 2023
Ý kiến bạn đọc
Họ và tên
Nội dung
Gửi ý kiến
Lên đầu trang
Đang truy cập: 52
Tổng truy cập: 3.456.789
Bản quyền thuộc Ban Tuyên giáo Tỉnh ủy
Địa chỉ: số 1 đường Lê Lợi, thành phố; Điện thoại: 0123 456 789; Email: btg@dcs.vn
Ghi rõ nguồn khi phát hành lại thông tin từ website này
"""


def page(plan: str) -> str:
    lines = [line.rstrip() for line in plan.splitlines()]
    title = next((line for line in lines if line.strip().upper() == "KẾ HOẠCH"), "Kế hoạch")
    index = lines.index(title) if title in lines else 0
    following = next((line for line in lines[index + 1 :] if line.strip()), "")
    heading = f"Kế hoạch {following.strip()}" if following else "Kế hoạch"
    body = "\n\n".join(line for line in lines if line.strip())
    return _TOP.format(title=heading) + "\n" + body + "\n\n" + _BOTTOM


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for source in sorted((ROOT / "knowledge" / "corpus").glob("*.txt")):
        (OUT / source.name).write_text(page(source.read_text(encoding="utf-8")), encoding="utf-8")
        print(OUT / source.name)


if __name__ == "__main__":
    main()
