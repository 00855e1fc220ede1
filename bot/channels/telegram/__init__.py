"""The Telegram channel: python-telegram-bot handlers over the shared services."""
