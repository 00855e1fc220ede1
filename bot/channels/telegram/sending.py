"""Every text the bot sends on Telegram goes through here, split to fit Telegram's limits."""

from __future__ import annotations

from html import escape

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode

from bot.channels.telegram.formatting import MAX_MESSAGE_CHARS, split_html
from knowledge.textnorm import shorten

MAX_CALLBACK_ANSWER_CHARS = 200  # answerCallbackQuery's text limit
MAX_CAPTION_CHARS = 1024
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def send_html(
    bot: Bot,
    chat_id: int | str,
    html: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    *,
    reply_to: Message | None = None,
) -> Message | None:
    """Send HTML in as many messages as needed; buttons go under the last one.

    With `reply_to` the first piece quotes that message in groups (private chats need no quote).
    """
    parts = split_html(html, MAX_MESSAGE_CHARS)
    quoted = None
    if reply_to is not None and reply_to.chat.type != reply_to.chat.PRIVATE:
        # If the member deleted their message meanwhile, the answer still goes out.
        quoted = ReplyParameters(reply_to.message_id, allow_sending_without_reply=True)
    sent: Message | None = None
    for index, part in enumerate(parts):
        sent = await bot.send_message(
            chat_id,
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=reply_markup if index == len(parts) - 1 else None,
            link_preview_options=NO_PREVIEW,
            reply_parameters=quoted if index == 0 else None,
        )
    return sent


async def send_plain(
    bot: Bot,
    chat_id: int | str,
    text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    *,
    reply_to: Message | None = None,
) -> Message | None:
    """Send service text verbatim (escaped for HTML, so splitting stays safe)."""
    return await send_html(bot, chat_id, escape(text, quote=False), reply_markup, reply_to=reply_to)


async def reply_html(
    message: Message, html: str, reply_markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Answer `message` in its chat with HTML (quoting it in groups)."""
    return await send_html(message.get_bot(), message.chat.id, html, reply_markup, reply_to=message)


async def reply_plain(
    message: Message, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Answer `message` in its chat with service text."""
    return await reply_html(message, escape(text, quote=False), reply_markup)


async def edit_text(
    bot: Bot,
    chat_id: int | str,
    message_id: int,
    text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Replace a message's text (one message: the text is shortened to fit, never split)."""
    await bot.edit_message_text(
        shorten(text, MAX_MESSAGE_CHARS),
        chat_id=chat_id,
        message_id=message_id,
        reply_markup=reply_markup,
        link_preview_options=NO_PREVIEW,
    )


async def answer_query(query: CallbackQuery, text: str | None = None, alert: bool = False) -> None:
    """The small notice under a pressed button (Telegram allows 200 characters)."""
    await query.answer(shorten(text, MAX_CALLBACK_ANSWER_CHARS) if text else None, alert)


def caption(text: str) -> str:
    """A photo or document caption (1,024 characters)."""
    return shorten(text, MAX_CAPTION_CHARS)
