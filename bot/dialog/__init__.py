"""The text dialog shared by channels without buttons (Zalo, console)."""

from bot.dialog.text_dialog import TextDialog

__all__ = ["TextDialog"]
