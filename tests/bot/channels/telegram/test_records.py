"""Records in chat, end to end: invite, enrol, session with check-in, reports with files."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from bot.services.identity import UserRef
from tests.auxil.fake_telegram import Call
from tests.auxil.telegram_bot import ADMIN_ID, GROUP_ID, MEMBER_ID, TelegramBot

SECRETARY_ID = 3003
DISTRICT_ID = 4004
LATE_ID = 5005


def set_up(bot: TelegramBot) -> None:
    org = bot.services.organisation
    org.add_unit("Huyện ủy Di Linh", "district")
    org.add_unit("Chi bộ Thôn 1", "cell", "Huyện ủy Di Linh")
    org.add_unit("Chi bộ Thôn 2", "cell", "Huyện ủy Di Linh")
    org.add_member("Bí thư Thôn 1", "Chi bộ Thôn 1", "secretary", {"telegram": str(SECRETARY_ID)})
    org.add_member("Bí thư huyện", "Huyện ủy Di Linh", "secretary", {"telegram": str(DISTRICT_ID)})
    org.add_campaign("Học tập Nghị quyết 57", ["Huyện ủy Di Linh"])


async def sent_after(bot: TelegramBot, method: str, chat_id: int, mark: int) -> Call:
    return await bot.fake.wait_for_call(
        method, lambda c: c.params.get("chat_id") == str(chat_id), timeout=30, after=mark
    )


async def test_secretary_runs_a_session_and_gets_reports(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    set_up(bot)

    invite = (await bot.say(SECRETARY_ID, SECRETARY_ID, "/moi")).params["text"]
    match = re.search(r"start=([A-Z0-9]+)", invite)
    assert match and "Chi bộ Thôn 1" in invite and "chibo_test_bot" in invite
    for user_id in (MEMBER_ID, LATE_ID):
        joined = await bot.say(user_id, user_id, f"/start {match.group(1)}")
        assert "Chi bộ Thôn 1" in joined.params["text"]

    private = await bot.say(SECRETARY_ID, SECRETARY_ID, "/mophien Học tập")
    assert "trong nhóm" in private.params["text"]
    mark = len(bot.fake.calls)
    bot.fake.push_message(GROUP_ID, SECRETARY_ID, "/mophien Học tập Nghị quyết 57", "supergroup")
    opened = await bot.reply_to(GROUP_ID, mark)
    code = re.search(r"Mã điểm danh: (\d+)", opened.params["text"])
    assert code and "Học tập Nghị quyết 57" in opened.params["text"]
    button_post = await bot.fake.wait_for_call(
        "sendMessage", lambda c: "reply_markup" in c.params, timeout=30, after=mark
    )
    data = button_post.json("reply_markup")["inline_keyboard"][0][0]["callback_data"]
    assert data == f"ci:{code.group(1)}"

    # The member presses the button, then also types the command: one check-in.
    mark = len(bot.fake.calls)
    posted = [m for m in bot.fake.bot_messages(GROUP_ID) if "reply_markup" in m]
    bot.fake.push_callback(GROUP_ID, MEMBER_ID, data, posted[-1]["message_id"])
    toast = await bot.fake.wait_for_call("answerCallbackQuery", timeout=30, after=mark)
    assert "đã điểm danh" in toast.params["text"]
    # The check-in post is edited with the count and the name (not one message per member).
    live = await bot.fake.wait_for_call("editMessageText", timeout=30, after=mark)
    assert live.params["message_id"] == str(posted[-1]["message_id"])
    assert "Có mặt: 1/3" in live.params["text"] and "Đảng viên 2002" in live.params["text"]
    assert live.json("reply_markup")["inline_keyboard"][0][0]["callback_data"] == data
    group_sends = len(bot.fake.sent_texts(GROUP_ID))
    bot.fake.push_message(GROUP_ID, MEMBER_ID, f"/diemdanh {code.group(1)}", "supergroup")

    closed = await bot.say(GROUP_ID, SECRETARY_ID, "/dongphien", "supergroup")
    assert "có mặt 1/3" in closed.params["text"] and "Bí thư Thôn 1" in closed.params["text"]
    assert "Có mặt: Đảng viên 2002" in closed.params["text"]
    # The repeated /diemdanh (handled before /dongphien) got no group message of its own.
    assert len(bot.fake.sent_texts(GROUP_ID)) == group_sends + 1
    final = bot.fake.messages[(GROUP_ID, posted[-1]["message_id"])]
    assert "Đã đóng điểm danh" in final["text"] and "reply_markup" not in final
    late = await bot.say(GROUP_ID, LATE_ID, f"/diemdanh {code.group(1)}", "supergroup")
    assert "không thể điểm danh muộn" in late.params["text"]

    in_group = await bot.say(GROUP_ID, SECRETARY_ID, "/baocao", "supergroup")
    assert "tin nhắn riêng" in in_group.params["text"]
    mark = len(bot.fake.calls)
    bot.fake.push_message(SECRETARY_ID, SECRETARY_ID, "/baocao")
    document = await sent_after(bot, "sendDocument", SECRETARY_ID, mark)
    photo = await bot.fake.wait_for_call("sendPhoto", timeout=30, after=mark)
    summary = bot.fake.sent_texts(SECRETARY_ID)[-1]
    assert "Chi bộ Thôn 1" in summary and "1/3 = 33,3%" in summary
    book = load_workbook(io.BytesIO(document.files["document"]))
    assert book.sheetnames[0] == "Tổng hợp"
    assert photo.files["photo"].startswith(b"\x89PNG")

    mark = len(bot.fake.calls)
    bot.fake.push_message(DISTRICT_ID, DISTRICT_ID, "/baocao")
    await sent_after(bot, "sendDocument", DISTRICT_ID, mark)
    rollup = bot.fake.sent_texts(DISTRICT_ID)[-1]
    assert "Huyện ủy Di Linh" in rollup and "Chi bộ Thôn 2" in rollup  # not met yet

    refused = await bot.say(MEMBER_ID, MEMBER_ID, "/baocao")
    assert "chỉ xem được kết quả của chính mình" in refused.params["text"]
    own = await bot.say(MEMBER_ID, MEMBER_ID, "/ketqua")
    assert "1/1 buổi" in own.params["text"]
    stranger = await bot.say(ADMIN_ID + 7, ADMIN_ID + 7, "/ketqua")
    assert "chưa được ghi danh" in stranger.params["text"]
    assert bot.services.reports.my_record(UserRef("telegram", str(LATE_ID))).attended == 0
