"""Texts of the records command line: `python -m bot report|units|members|campaigns`."""

from __future__ import annotations

from bot.texts.records import KIND_NAMES

CLI_REPORT = "báo cáo sinh hoạt của một đơn vị (xlsx, csv, json)"
CLI_REPORT_UNIT = "tên chi bộ hoặc đơn vị (mặc định: đơn vị cao nhất)"
CLI_REPORT_CAMPAIGN = "tên hoặc số của đợt sinh hoạt (mặc định: đợt mới nhất)"
CLI_REPORT_OUT = "ghi vào tệp này (xlsx mặc định ghi bao_cao_<đơn vị>.xlsx)"
CLI_REPORT_CHART = "ghi thêm biểu đồ PNG vào tệp này"
CLI_UNITS = "quản lý đơn vị: add, list, invite"
CLI_MEMBERS = "quản lý đảng viên: add, import"
CLI_CAMPAIGNS = "quản lý đợt sinh hoạt: add, list"
CLI_BAD_DATE = "Ngày phải theo dạng YYYY-MM-DD."


def cli_written(path: str) -> str:
    return f"Đã ghi {path}"


def cli_unit_added(name: str, kind: str) -> str:
    return f"Đã tạo {KIND_NAMES.get(kind, kind)} «{name}»."


def cli_member_added(name: str, unit: str) -> str:
    return f"Đã ghi đảng viên {name} vào «{unit}»."


def cli_campaign_added(title: str, number: int) -> str:
    return f"Đã tạo đợt sinh hoạt số {number}: «{title}»."
