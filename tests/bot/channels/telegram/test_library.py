"""Library in chat, end to end: /tailieu, admin uploads, refusals that change nothing, removal."""

from __future__ import annotations

import io
import zipfile

from tests.auxil.documents import HOA_BINH_PLAN
from tests.auxil.telegram_bot import ADMIN_ID, MEMBER_ID, TelegramBot


def _names(bot: TelegramBot) -> set[str]:
    return {info.meta.document for info in bot.services.library.documents()}


async def test_documents_lists_the_library_with_number_date_and_issuer(
    telegram_bot: TelegramBot,
) -> None:
    reply = await telegram_bot.say(MEMBER_ID, MEMBER_ID, "/tailieu")
    text = reply.params["text"]
    assert "Thư viện có 5 tài liệu" in text
    assert "172-KH/HU" in text and "24/4/2024" in text and "Huyện ủy Di Linh" in text
    assert "002_68006443504ec425.txt" in text


async def test_admin_upload_is_ingested_and_then_listed(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    mark = len(bot.fake.calls)
    bot.fake.push_document(ADMIN_ID, ADMIN_ID, "kh_12_cb.txt", HOA_BINH_PLAN.encode("utf-8"))
    report = await bot.fake.wait_for_call(
        "sendMessage", lambda c: "Đã thêm" in c.params["text"], timeout=60, after=mark
    )
    assert "12-KH/CB" in report.params["text"]
    assert "Số đoạn đã lập chỉ mục" in report.params["text"]
    assert bot.fake.calls_to("download"), "the file was downloaded through the file URL"
    assert "kh_12_cb.txt" in _names(bot)

    listing = await bot.say(MEMBER_ID, MEMBER_ID, "/tailieu")
    assert "Thư viện có 6 tài liệu" in listing.params["text"]
    assert "12-KH/CB" in listing.params["text"]
    # The HTML-escaped "&" in the title survived the trip (the fake parses the HTML).
    assert "kh_12_cb.txt" in listing.params["text"]


async def test_member_upload_is_refused_without_download(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    before = _names(bot)
    mark = len(bot.fake.calls)
    bot.fake.push_document(MEMBER_ID, MEMBER_ID, "kh_12_cb.txt", HOA_BINH_PLAN.encode())
    reply = await bot.reply_to(MEMBER_ID, mark)
    assert "chỉ quản trị viên" in reply.params["text"]
    assert not bot.fake.calls_to("getFile") and not bot.fake.calls_to("download")
    assert _names(bot) == before


async def test_oversized_upload_is_refused_before_download(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    before = _names(bot)
    mark = len(bot.fake.calls)
    bot.fake.push_document(
        ADMIN_ID, ADMIN_ID, "kh_lon.pdf", b"%PDF-1.4 tiny", declared_size=25 * 1024 * 1024
    )
    reply = await bot.reply_to(ADMIN_ID, mark)
    assert "quá lớn" in reply.params["text"]
    await bot.settle()
    assert not bot.fake.calls_to("getFile") and not bot.fake.calls_to("download")
    assert _names(bot) == before


async def test_unsupported_type_is_refused_before_download(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    mark = len(bot.fake.calls)
    bot.fake.push_document(ADMIN_ID, ADMIN_ID, "anh.jpg", b"\xff\xd8\xff\xe0 jpeg")
    reply = await bot.reply_to(ADMIN_ID, mark)
    assert "Không hỗ trợ định dạng" in reply.params["text"]
    assert not bot.fake.calls_to("getFile")


async def test_corrupt_upload_is_refused_and_nothing_is_ingested(
    telegram_bot: TelegramBot,
) -> None:
    bot = telegram_bot
    before = _names(bot)
    fingerprint = bot.services.library.fingerprint()
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("not_word.xml", "<x/>")
    for name, data in [("hong.docx", broken.getvalue()), ("hong.pdf", b"%PDF-1.7\n garbage")]:
        mark = len(bot.fake.calls)
        bot.fake.push_document(ADMIN_ID, ADMIN_ID, name, data)
        await bot.fake.wait_for_call(
            "sendMessage",
            lambda c, n=name: n in c.params["text"] and "Đang tải" not in c.params["text"],
            timeout=60,
            after=mark,
        )
    assert _names(bot) == before
    assert bot.services.library.fingerprint() == fingerprint


async def test_admin_removes_a_document_members_cannot(telegram_bot: TelegramBot) -> None:
    bot = telegram_bot
    refused = await bot.say(MEMBER_ID, MEMBER_ID, "/xoatailieu 002_68006443504ec425.txt")
    assert "Chỉ quản trị viên" in refused.params["text"]
    assert "002_68006443504ec425.txt" in _names(bot)

    usage = await bot.say(ADMIN_ID, ADMIN_ID, "/xoatailieu")
    assert "Cách dùng" in usage.params["text"]

    done = await bot.say(ADMIN_ID, ADMIN_ID, "/xoatailieu 002_68006443504ec425.txt")
    assert "Đã xóa" in done.params["text"]
    assert "002_68006443504ec425.txt" not in _names(bot)

    again = await bot.say(ADMIN_ID, ADMIN_ID, "/xoatailieu 002_68006443504ec425.txt")
    assert "Không có tài liệu" in again.params["text"]

    by_number = await bot.say(ADMIN_ID, ADMIN_ID, "/xoatailieu 1")
    assert "Đã xóa" in by_number.params["text"]
    assert len(_names(bot)) == 3


async def test_an_upload_captioned_with_its_place_is_that_places_document(
    telegram_bot: TelegramBot,
) -> None:
    """A news page that says only "Thành ủy": the admin's caption "Địa phương: Cần Thơ" is its
    place. A caption whose place is a sentence is refused before the download."""
    bot = telegram_bot
    page = (
        "Thành ủy ban hành chỉ thị về kinh tế đêm\n"
        "Ban Thường vụ Thành ủy vừa ban hành Chỉ thị số 9 về phát triển kinh tế ban đêm.\n"
    ).encode()
    mark = len(bot.fake.calls)
    bot.fake.push_document(
        ADMIN_ID, ADMIN_ID, "tin_ct9.txt", page, caption="Địa phương: " + "Cần Thơ " * 12
    )
    reply = await bot.reply_to(ADMIN_ID, mark)
    assert "Địa phương ghi ở chú thích" in reply.params["text"]
    await bot.settle()
    assert not bot.fake.calls_to("getFile") and "tin_ct9.txt" not in _names(bot)

    mark = len(bot.fake.calls)
    bot.fake.push_document(ADMIN_ID, ADMIN_ID, "tin_ct9.txt", page, caption="Địa phương: Cần Thơ")
    await bot.fake.wait_for_call(
        "sendMessage", lambda c: "Đã thêm" in c.params["text"], timeout=60, after=mark
    )
    (info,) = [d for d in bot.services.library.documents() if d.meta.document == "tin_ct9.txt"]
    assert info.meta.place == "Cần Thơ"
