"""Every user-facing text of the quiz capability (Vietnamese), and small formatters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

LETTERS = "ABCD"

NO_QUESTIONS = "Ngân hàng câu hỏi chưa có câu nào được duyệt."
NO_QUESTIONS_TOPIC = "Không có câu hỏi đã duyệt nào về chủ đề “{topic}”."
# The topic that asks for organisational facts (issuing dates, numbers, bodies) on purpose.
DOCUMENT_FACTS_TOPICS = ("văn bản", "van ban", "thông tin văn bản")
TOPICS_TITLE = "Chủ đề ôn tập (gõ onthi <chủ đề>):"
TOPIC_LINE = "• {topic}: {count} câu"
TOPIC_DOCUMENT_FACTS = "• văn bản: ngày ban hành, số hiệu, cơ quan ban hành"
TOPIC_ALL = "Tất cả chủ đề"
CHOOSE_TOPIC = "Chọn chủ đề ôn tập:"
BAD_COUNT = "Số câu phải từ 1 đến {max}."
BAD_SECONDS = "Thời gian mỗi câu phải từ 5 đến 600 giây."
ALREADY_RUNNING = "Nhóm này đang có một cuộc kiểm tra chưa kết thúc."
NO_RUN = "Không tìm thấy cuộc kiểm tra."
NO_PRACTICE = "Bạn chưa bắt đầu ôn tập. Gõ /onthi [chủ đề] để bắt đầu."
BAD_LETTER = "Hãy trả lời bằng một chữ cái: {letters}."
PRIVATE_ONLY = "Lệnh /onthi dùng trong trò chuyện riêng với bot."
GROUP_ONLY = "Lệnh /dokiemtra dùng trong nhóm của chi bộ."
SECRETARY_ONLY = "Chỉ bí thư chi bộ hoặc quản trị viên mới được tổ chức kiểm tra."
GROUP_STARTED = (
    "📝 Bắt đầu kiểm tra: {total} câu, mỗi câu {seconds} giây. Chúc các đồng chí làm bài tốt!"
)
PRACTICE_STARTED = "📚 Ôn tập {total} câu. Chọn đáp án đúng cho từng câu."
RIGHT = "✅ Đúng!"
WRONG = "❌ Chưa đúng. Đáp án: {letter}. {option}"
LEADERBOARD_TITLE = "🏆 Bảng xếp hạng sau câu {position}/{total}:"
RESULTS_TITLE = "🏁 Kết quả kiểm tra ({total} câu, {participants} người tham gia):"
NOBODY = "Chưa có ai trả lời."

CLI_GENERATE = "sinh lại câu hỏi từ thư viện"
CLI_EXPORT = "xuất ngân hàng câu hỏi"
CLI_EXPORT_JSON = "một mảng JSON ra màn hình"
CLI_IMPORT = "nhập câu hỏi từ tệp .csv hoặc .xlsx"
CLI_LIST = "liệt kê câu hỏi"
CLI_SET_STATUS = "đặt trạng thái {status}"

# --- curating the bank (admins: CLI, import reports) -------------------------------------------
NO_SUCH_QUESTION = "Không có câu hỏi số {id}."
BAD_STATUS = "Trạng thái không hợp lệ: {status}."
CANNOT_APPROVE = "Câu hỏi số {id} chưa đạt kiểm tra, không thể duyệt."
BAD_DIFFICULTY_FIELD = "độ khó phải là một trong {choices}"
BAD_STATUS_FIELD = "trạng thái phải là một trong {choices}"
APPROVED_NEEDS_SOURCE = "câu hỏi được duyệt phải ghi văn bản nguồn"
EXCEL_UNREADABLE = "Không đọc được tệp Excel: {error}"
IMPORT_TYPES = "Chỉ nhập được tệp .csv hoặc .xlsx."
BAD_CORRECT_COLUMN = "cột correct phải là A, B, C hoặc D (có “{value}”)"
MISSING_COLUMNS = "Thiếu cột: {columns}"

# --- problems found by the answer-key check (knowledge/quiz/checks.py) -------------------------
PROBLEM_EMPTY_QUESTION = "câu hỏi trống"
PROBLEM_QUESTION_TOO_LONG = "câu hỏi dài {length} > {limit} ký tự"
PROBLEM_OPTION_COUNT = "cần {low}–{high} phương án, có {count}"
PROBLEM_EMPTY_OPTION = "có phương án trống"
PROBLEM_OPTION_TOO_LONG = "phương án dài {length} > {limit} ký tự"
PROBLEM_EXPLANATION_TOO_LONG = "giải thích dài {length} > {limit} ký tự"
PROBLEM_DUPLICATE_OPTIONS = "các phương án trùng nhau"
PROBLEM_NESTED_OPTIONS = "một phương án nằm trong phương án khác"
PROBLEM_BAD_KEY = "đáp án đúng không hợp lệ"
PROBLEM_KEY_UNSUPPORTED = "đoạn nguồn không chứa đáp án đúng"
PROBLEM_DISTRACTOR_SUPPORTED = "phương án nhiễu “{option}” cũng có trong đoạn nguồn"
PROBLEM_NEGATIVE_KEY_STATED = "câu hỏi “KHÔNG”: đoạn nguồn lại nêu đáp án đúng"
PROBLEM_NEGATIVE_OPTION_UNSUPPORTED = "câu hỏi “KHÔNG”: đoạn nguồn không nêu phương án “{option}”"
NO_DISTRACTORS = "không đủ phương án nhiễu cùng loại"
CLOSED_AFTER_RESTART = "⚠️ Cuộc kiểm tra bị gián đoạn do bot khởi động lại và đã được đóng."
RESUMED_AFTER_RESTART = "🔄 Bot đã khởi động lại; cuộc kiểm tra tiếp tục."


class AskedQuestion(Protocol):
    @property
    def position(self) -> int: ...
    @property
    def total(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def options(self) -> tuple[str, ...]: ...


class AnsweredStep(Protocol):
    @property
    def was_correct(self) -> bool: ...
    @property
    def correct(self) -> int: ...
    @property
    def correct_option(self) -> str: ...
    @property
    def explanation(self) -> str: ...


class Line(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def correct(self) -> int: ...


def question_plain(question: AskedQuestion) -> str:
    """A question with A/B/C/D options, for channels without polls (console, Zalo)."""
    options = "\n".join(f"{LETTERS[i]}. {option}" for i, option in enumerate(question.options))
    letters = "/".join(LETTERS[: len(question.options)])
    return (
        f"Câu {question.position + 1}/{question.total}: {question.text}\n{options}\n"
        f"Trả lời bằng một chữ cái ({letters})."
    )


def poll_title(question: AskedQuestion) -> str:
    """The poll question (Telegram limit 300 characters, checked at generation)."""
    prefix = f"Câu {question.position + 1}/{question.total}: "
    text = question.text
    return prefix + text if len(prefix) + len(text) <= 300 else text


def feedback(step: AnsweredStep) -> str:
    """Right or wrong (with the right option), then the explanation."""
    if step.was_correct:
        verdict = RIGHT
    else:
        verdict = WRONG.format(letter=LETTERS[step.correct], option=step.correct_option)
    return f"{verdict}\n{step.explanation}"


def topic_list(topics: Sequence[tuple[str, int]]) -> str:
    """The topics to practise with their question counts, for `onthi <chủ đề>`."""
    lines = [TOPIC_LINE.format(topic=name, count=count) for name, count in topics]
    return "\n".join([TOPICS_TITLE, *lines, TOPIC_DOCUMENT_FACTS])


def practice_score(score: int, total: int) -> str:
    return f"🎯 Kết thúc ôn tập: đúng {score}/{total} câu. Gõ /onthi để ôn tiếp."


def _lines(lines: Sequence[Line], limit: int) -> list[str]:
    medals = ["🥇", "🥈", "🥉"]
    out = []
    for rank, line in enumerate(lines[:limit]):
        mark = medals[rank] if rank < 3 else f"{rank + 1}."
        out.append(f"{mark} {line.name}: {line.correct} câu đúng")
    return out or [NOBODY]


def leaderboard(lines: Sequence[Line], position: int, total: int, limit: int = 10) -> str:
    title = LEADERBOARD_TITLE.format(position=position + 1, total=total)
    return "\n".join([title, *_lines(lines, limit)])


def results(lines: Sequence[Line], total: int, limit: int = 10) -> str:
    title = RESULTS_TITLE.format(total=total, participants=len(lines))
    return "\n".join([title, *_lines(lines, limit)])


# --- command line -----------------------------------------------------------------------------
CLI_HELP = "ngân hàng câu hỏi trắc nghiệm: sinh, xuất, nhập, duyệt"
CLI_GENERATED = (
    "Đã sinh {generated} câu hỏi hợp lệ: thêm {added}, giữ nguyên {kept}, loại bỏ {retired}."
)
CLI_UNCHANGED = (
    "Thư viện không đổi kể từ lần sinh trước; không có gì để làm (dùng --force để sinh lại)."
)
CLI_REJECTED = "  bỏ {count} câu ({reason})"
CLI_EMPTY_LIBRARY = "Thư viện chưa có tài liệu nào; hãy nạp tài liệu trước (python ingest.py …)."
CLI_EXPORTED = "Đã xuất {count} câu hỏi ra {path}."
CLI_IMPORTED = "Đã nhập: thêm {added}, cập nhật {updated}, lỗi {errors} dòng."
CLI_ROW_ERROR = "  dòng {row}: {message}"
CLI_STATUS_SET = "Câu {id}: {status}."
CLI_CHOOSE_FORMAT = "Chọn một định dạng: --json, --csv TỆP hoặc --xlsx TỆP."


# --- Telegram ---------------------------------------------------------------------------------
CMD_ONTHI = "Ôn tập trắc nghiệm: /onthi [chủ đề]"
CMD_DOKIEMTRA = "Bí thư tổ chức kiểm tra trong nhóm: /dokiemtra [chủ đề] [số câu] [giây]"
STALE_BUTTON = "Câu hỏi này đã qua."


def question_with_options(question: AskedQuestion) -> str:
    """A question and its lettered options, answered with buttons."""
    options = "\n".join(f"{LETTERS[i]}. {option}" for i, option in enumerate(question.options))
    return f"Câu {question.position + 1}/{question.total}: {question.text}\n{options}"
