"""Texts about reading spreadsheet files, shared by every import (members, quiz bank)."""

CSV_NOT_UTF8 = "Tệp CSV phải được lưu với mã UTF-8."
