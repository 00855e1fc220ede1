"""The study assistant: channels (console, Telegram, Zalo), services and records."""
