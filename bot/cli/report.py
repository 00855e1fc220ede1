"""`python -m bot report --unit X --campaign Y --format xlsx|csv|json [--out FILE]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.services.errors import DomainError
from bot.services.report_data import CellReport
from bot.services.report_export import FORMATS, chart_png, render
from bot.settings import Settings
from bot.texts import cli as cli_texts
from bot.texts import records as texts
from bot.wiring import Services


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help=cli_texts.CLI_REPORT)
    parser.add_argument("--unit", help=cli_texts.CLI_REPORT_UNIT)
    parser.add_argument("--campaign", help=cli_texts.CLI_REPORT_CAMPAIGN)
    parser.add_argument("--format", choices=FORMATS, default="xlsx")
    parser.add_argument("--out", type=Path, help=cli_texts.CLI_REPORT_OUT)
    parser.add_argument("--chart", type=Path, help=cli_texts.CLI_REPORT_CHART)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    services = Services(Settings())
    try:
        # The console operator has the server in hand, so no role applies (viewer None).
        report = services.reports.report(None, args.unit, args.campaign)
    except DomainError as error:
        print(error, file=sys.stderr)
        return 2
    data = render(report, args.format)
    out: Path | None = args.out
    if out is None and args.format == "xlsx":
        name = report.cell if isinstance(report, CellReport) else report.unit
        out = Path(texts.report_file_name(name, "xlsx"))
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        out.write_bytes(data)
        print(cli_texts.cli_written(str(out)), file=sys.stderr)
    if args.chart is not None:
        args.chart.write_bytes(chart_png(report))
        print(cli_texts.cli_written(str(args.chart)), file=sys.stderr)
    return 0
