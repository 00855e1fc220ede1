"""Records on Telegram: /moi, /mophien, /diemdanh (or the button), /dongphien, /baocao, /ketqua."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from telegram import InputFile, Update
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from bot.channels.telegram import checkin_post
from bot.channels.telegram.common import (
    chat_ref,
    command_argument,
    cpu_bound,
    reply_plain,
    user_ref,
)
from bot.channels.telegram.sending import answer_query, caption
from bot.services.attendance import CheckIn
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
# A check-in typed after /mophien must find the session open, one typed before /dongphien
# must count: these wait for the chat's earlier updates and the later ones wait for them.
IN_ORDER_COMMANDS = ("mophien", "dongphien")
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
        await reply_plain(
            message,
            texts.session_opened(opened.cell, opened.topic, opened.code, opened.campaign),
        )
        # The check-in post (with the button) is its own message, edited as members check in.
        await checkin_post.posts_of(context.application, services).open(
            context.bot, opened.id, chat.chat_id
        )

    def show_in_post(context: ContextTypes.DEFAULT_TYPE, result: CheckIn) -> None:
        where = result.session_chat
        if where is not None and where.channel == "telegram" and not result.already:
            checkin_post.posts_of(context.application, services).touch(
                context.bot, result.session_id, where.chat_id
            )

    async def check_in(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        code = command_argument(message)
        if not code:
            await reply_plain(message, texts.DIEMDANH_USAGE)
            return
        result = await asyncio.to_thread(services.conversation.check_in, user_ref(update), code)
        show_in_post(context, result)
        if chat_ref(update).is_group:
            return  # acknowledged by the live check-in post, not one group message each
        await reply_plain(
            message,
            texts.checked_in(result.member_name, result.topic, result.already, result.present),
        )

    async def check_in_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        code = query.data.split(":", 1)[1]
        result = await asyncio.to_thread(services.conversation.check_in, user_ref(update), code)
        show_in_post(context, result)
        await answer_query(
            query,
            texts.checked_in(result.member_name, result.topic, result.already, result.present),
        )

    async def close_session(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        summary = await asyncio.to_thread(
            services.attendance.close_session, user_ref(update), chat_ref(update)
        )
        await checkin_post.posts_of(context.application, services).close(
            context.bot, summary.session_id
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
        # Building a report is CPU work: on the bounded CPU pool, off the event loop.
        built = await cpu_bound(services, services.reports.report, user_ref(update), unit)
        workbook, chart = await asyncio.gather(
            cpu_bound(services, to_xlsx, built), cpu_bound(services, chart_png, built)
        )
        if isinstance(built, CellReport):
            name, text = built.cell, texts.cell_report_text(built)
        else:
            name, text = built.unit, texts.unit_report_text(built)
        title = caption(texts.report_caption(name, built.campaign))
        await reply_plain(message, text)
        await message.reply_photo(chart, caption=title)
        await message.reply_document(
            InputFile(workbook, filename=texts.report_file_name(name, "xlsx")), caption=title
        )

    async def my_record(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        campaign = command_argument(message) or None
        record = await asyncio.to_thread(
            services.conversation.my_record, user_ref(update), campaign
        )
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


async def on_stopping(
    application: Application[Any, Any, Any, Any, Any, Any], services: Services
) -> None:
    """Stop refreshing live check-in posts."""
    await checkin_post.on_stopping(application)
