"""Records on Telegram: /moi, /mophien, /diemdanh (or the button), /dongphien, /baocao, /ketqua."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.channels.telegram.common import chat_ref, command_argument, reply_plain, user_ref
from bot.services.report_data import CellReport
from bot.services.report_export import chart_png, to_xlsx
from bot.texts import records as texts

if TYPE_CHECKING:
    from bot.wiring import Services

COMMANDS = [
    ("moi", texts.CMD_MOI),
    ("mophien", texts.CMD_MOPHIEN),
    ("diemdanh", texts.CMD_DIEMDANH),
    ("dongphien", texts.CMD_DONGPHIEN),
    ("baocao", texts.CMD_BAOCAO),
    ("ketqua", texts.CMD_KETQUA),
]
CHECK_IN_DATA = r"^ci:(\d{1,8})$"

Handler = BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]


def handlers(services: Services) -> list[Handler]:
    """Command handlers; DomainError refusals are answered by the global error handler."""

    async def invite(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        cell = command_argument(message) or None
        info = await asyncio.to_thread(
            services.enrolment.create_invite_info, user_ref(update), cell
        )
        link = texts.invite_link(context.bot.username, info.code)
        await reply_plain(
            message, texts.invite_created(info.code, info.cell, info.expires_at, link)
        )

    async def open_session(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        chat = chat_ref(update)
        if not chat.is_group:
            await reply_plain(message, texts.MOPHIEN_GROUP_ONLY)
            return
        topic = command_argument(message)
        if not topic:
            await reply_plain(message, texts.MOPHIEN_USAGE)
            return
        opened = await asyncio.to_thread(
            services.attendance.open_session, user_ref(update), chat, topic
        )
        button = InlineKeyboardButton(texts.CHECK_IN_BUTTON, callback_data=f"ci:{opened.code}")
        await reply_plain(
            message,
            texts.session_opened(opened.cell, opened.topic, opened.code, opened.campaign),
        )
        # The button sits on its own message so the check-in post stays easy to find.
        await message.reply_text(
            texts.CHECK_IN_BUTTON, reply_markup=InlineKeyboardMarkup([[button]])
        )

    async def check_in(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        code = command_argument(message)
        if not code:
            await reply_plain(message, texts.DIEMDANH_USAGE)
            return
        result = await asyncio.to_thread(
            services.attendance.check_in, user_ref(update), code.split()[0]
        )
        await reply_plain(
            message,
            texts.checked_in(result.member_name, result.topic, result.already, result.present),
        )

    async def check_in_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        code = query.data.split(":", 1)[1]
        result = await asyncio.to_thread(services.attendance.check_in, user_ref(update), code)
        await query.answer(
            texts.checked_in(result.member_name, result.topic, result.already, result.present)
        )

    async def close_session(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        summary = await asyncio.to_thread(
            services.attendance.close_session, user_ref(update), chat_ref(update)
        )
        await reply_plain(
            message,
            texts.session_closed(summary.cell, summary.topic, summary.present, summary.absent),
        )

    async def report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        if chat_ref(update).is_group:
            await reply_plain(message, texts.REPORT_PRIVATE_ONLY)
            return
        unit = command_argument(message) or None
        built = await asyncio.to_thread(services.reports.report, user_ref(update), unit)
        workbook, chart = await asyncio.gather(
            asyncio.to_thread(to_xlsx, built), asyncio.to_thread(chart_png, built)
        )
        if isinstance(built, CellReport):
            name, text = built.cell, texts.cell_report_text(built)
        else:
            name, text = built.unit, texts.unit_report_text(built)
        caption = texts.report_caption(name, built.campaign)
        await reply_plain(message, text)
        await message.reply_photo(chart, caption=caption[:1024])
        await message.reply_document(
            InputFile(workbook, filename=texts.report_file_name(name, "xlsx")),
            caption=caption[:1024],
        )

    async def my_record(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        campaign = command_argument(message) or None
        record = await asyncio.to_thread(services.reports.my_record, user_ref(update), campaign)
        await reply_plain(message, texts.my_record_text(record))

    return [
        CommandHandler("moi", invite),
        CommandHandler("mophien", open_session),
        CommandHandler("diemdanh", check_in),
        CallbackQueryHandler(check_in_button, pattern=CHECK_IN_DATA),
        CommandHandler("dongphien", close_session),
        CommandHandler("baocao", report),
        CommandHandler("ketqua", my_record),
    ]
