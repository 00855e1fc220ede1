"""Questions: any text in private chats; in groups /hoi, a mention or a reply to the bot."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, MessageHandler, filters

from bot.channels.telegram.common import (
    chat_ref,
    command_argument,
    cpu_bound,
    entity_text,
    reply_html,
    typing,
    user_ref,
)
from bot.services.presenting import format_answer_html
from bot.texts import telegram as texts

if TYPE_CHECKING:
    from bot.wiring import Services

COMMANDS = [("hoi", texts.CMD_HOI)]


class _AddressedToBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == bot.id:
            return True
        username = (bot.username or "").lower()
        mentions = (
            entity_text(message, entity)
            for entity in message.entities
            if entity.type == MessageEntity.MENTION
        )
        return bool(username) and any(m and m[1:].lower() == username for m in mentions)


ADDRESSED_TO_BOT = _AddressedToBot(name="addressed_to_bot")


def vote_keyboard(question_id: int) -> InlineKeyboardMarkup:
    """👍/👎 under an answer; the callback data carries the logged question's id."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(texts.VOTE_UP_LABEL, callback_data=f"vote:{question_id}:1"),
                InlineKeyboardButton(texts.VOTE_DOWN_LABEL, callback_data=f"vote:{question_id}:-1"),
            ]
        ]
    )


def _without_mention(text: str, username: str | None) -> str:
    if not username:
        return text.strip()
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


def handlers(services: Services) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
    """/hoi in any chat; free text in private chats; mentions and replies in groups.

    Keep this module last in FEATURE_MODULES: its private free-text handler takes every
    text message no earlier handler wanted.
    """
    conversation = services.conversation

    async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
        message = update.effective_message
        assert message is not None
        user, chat = user_ref(update), chat_ref(update)
        # Admitted on the event loop (a lock, no I/O): a refusal shows no "typing…" and never
        # waits behind other chats' answers for a CPU worker.
        wait = conversation.admit(user)
        if wait is not None:
            await reply_html(message, texts.flood_wait(wait.retry_after_s))
            return
        # InvalidQuestion (empty/too long) is a KnowledgeError: the error handler answers it.
        settings = services.settings
        # More answers under way than Telegram lets the bot send in a second: no "typing…".
        busy = int(settings.telegram_messages_per_s)
        async with typing(update, context, settings.telegram_typing_after_s, busy):
            # Retrieval is CPU work: on the bounded CPU pool, so the event loop stays free for
            # other chats. The service remembers the turn for follow-ups and logs it.
            asked = await cpu_bound(services, conversation.answer, user, chat, question)
        await reply_html(
            message, format_answer_html(asked.answer), vote_keyboard(asked.question_id)
        )

    async def ask_about(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
        message = update.effective_message
        assert message is not None
        question = _without_mention(text, context.bot.username)
        if not question:
            await reply_html(message, texts.HOI_USAGE)
            return
        await answer(update, context, question)

    async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await ask_about(update, context, command_argument(update.effective_message))

    async def free_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await ask_about(update, context, update.effective_message.text or "")

    async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.text is not None
        await reply_html(message, texts.unknown_command(message.text.split()[0]))

    text = filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE
    return [
        CommandHandler(["hoi", "ask"], ask_command),
        MessageHandler(text & filters.ChatType.PRIVATE, free_text),
        MessageHandler(text & filters.ChatType.GROUPS & ADDRESSED_TO_BOT, free_text),
        # In groups other bots' commands are none of our business; in private chat, answer.
        MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, unknown_command),
    ]
