"""The fake Bot API refuses what Telegram refuses, checked through a real PTB `Bot`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InputFile
from telegram.error import BadRequest

from tests.auxil.fake_telegram import FakeTelegram


@pytest.fixture
async def fake_and_bot() -> AsyncIterator[tuple[FakeTelegram, Bot]]:
    async with FakeTelegram() as fake:
        bot = Bot(fake.token, base_url=fake.base_url, base_file_url=fake.base_file_url)
        async with bot:
            yield fake, bot


async def test_message_limits_and_html_parsing(fake_and_bot: tuple[FakeTelegram, Bot]) -> None:
    fake, bot = fake_and_bot
    sent = await bot.send_message(7, "<b>Chào</b> &amp; hẹn gặp", parse_mode="HTML")
    assert sent.text == "Chào & hẹn gặp" and sent.chat.id == 7
    await bot.send_message(7, "x" * 4096)
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(7, "x" * 4097)
    # 4,096 visible characters are fine even when the HTML source is longer.
    await bot.send_message(7, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(7, "<b>không đóng thẻ", parse_mode="HTML")
    with pytest.raises(BadRequest, match="empty"):
        await bot.send_message(7, "   ")
    await bot.edit_message_text("Đã sửa", chat_id=7, message_id=sent.message_id)
    assert fake.messages[(7, sent.message_id)]["text"] == "Đã sửa"
    assert len(fake.calls_to("sendMessage")) == 6  # refused calls are recorded too


async def test_poll_limits(fake_and_bot: tuple[FakeTelegram, Bot]) -> None:
    _fake, bot = fake_and_bot
    message = await bot.send_poll(
        -5, "Câu 1?", ["A", "B", "C"], type="quiz", correct_option_id=1, is_anonymous=False,
        explanation="Vì " + "x" * 197,
    )  # fmt: skip
    assert message.poll is not None and message.poll.correct_option_id == 1
    with pytest.raises(BadRequest):
        await bot.send_poll(-5, "?" * 301, ["A", "B"])
    with pytest.raises(BadRequest):
        await bot.send_poll(-5, "Câu hỏi?", ["A" * 101, "B"])
    with pytest.raises(BadRequest):
        await bot.send_poll(-5, "Câu hỏi?", ["Chỉ một"])
    with pytest.raises(BadRequest):
        await bot.send_poll(
            -5, "Câu hỏi?", ["A", "B"], type="quiz", correct_option_id=0, explanation="x" * 201
        )
    stopped = await bot.stop_poll(-5, message.message_id)
    assert stopped.is_closed
    with pytest.raises(BadRequest):
        await bot.stop_poll(-5, message.message_id)


async def test_files_downloads_and_the_20_mb_limit(fake_and_bot: tuple[FakeTelegram, Bot]) -> None:
    fake, bot = fake_and_bot
    small = fake.add_file(b"noi dung", "a.txt")
    file = await bot.get_file(small.file_id)
    assert bytes(await file.download_as_bytearray()) == b"noi dung"
    assert fake.calls_to("download")
    big = fake.add_file(b"x", "big.pdf", declared_size=21 * 1024 * 1024)
    with pytest.raises(BadRequest, match="too big"):
        await bot.get_file(big.file_id)
    document = await bot.send_document(3, InputFile(b"%PDF-1.4", filename="bao_cao.pdf"))
    assert document.document is not None
    photo = await bot.send_photo(3, b"\x89PNG\r\n", caption="Biểu đồ")
    assert photo.photo and photo.caption == "Biểu đồ"
    assert fake.calls_to("sendPhoto")[0].files["photo"] == b"\x89PNG\r\n"


async def test_commands_are_validated(fake_and_bot: tuple[FakeTelegram, Bot]) -> None:
    _fake, bot = fake_and_bot
    await bot.set_my_commands([("hoi", "Hỏi về tài liệu")])
    assert [c.command for c in await bot.get_my_commands()] == ["hoi"]
    with pytest.raises(BadRequest):
        await bot.set_my_commands([("Hỏi", "có dấu")])
