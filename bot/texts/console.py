"""Texts of the command line and the console chat."""

HELP_ASK = "hỏi một câu về tài liệu và in câu trả lời có trích nguồn"
HELP_JSON = "in đúng một đối tượng JSON {answer, grounded, sources}"
HELP_CHAT = "trò chuyện với trợ lý ngay trên cửa sổ dòng lệnh"
SEEDING = "Đang nạp bộ tài liệu mẫu vào thư viện (chỉ lần đầu)…"
WELCOME = (
    "Trợ lý học tập chi bộ. Gõ câu hỏi về tài liệu (có dấu hay không dấu đều được),"
    " «trogiup» để xem các lệnh, «thoat» để kết thúc."
)
PROMPT = "Bạn: "
BOT = "Trợ lý: "
GOODBYE = "Tạm biệt!"
EXIT_WORDS = frozenset({"thoat", "thoát", "exit", "quit", "/thoat"})
CLI_RUN = "chạy bot (Telegram/Zalo nếu có token, nếu không thì trò chuyện trên console)"
HELP_ASK_FILE = (
    "tệp câu hỏi, mỗi dòng một câu (- để đọc từ đầu vào chuẩn); in mỗi câu trả lời một dòng"
)
ASK_NEEDS_ONE = "Hãy đưa một câu hỏi, hoặc --file TỆP (mỗi dòng một câu hỏi), không đưa cả hai."
ASK_FILE_UNREADABLE = "Không đọc được tệp câu hỏi {name} ({detail})."
