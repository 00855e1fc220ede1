"""`python -m bot quiz generate|export|import|list|approve|retire`: curate the question bank."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bot.services.quiz_bank import QuizBank, QuizError
from bot.services.quiz_io import export_csv, export_xlsx, import_file
from bot.settings import Settings
from bot.texts import quiz as text
from bot.texts.quiz_checks import describe_rejection
from bot.wiring import Services


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("quiz", help=text.CLI_HELP)
    commands = parser.add_subparsers(dest="quiz_command", required=True)
    generate = commands.add_parser("generate", help=text.CLI_GENERATE)
    generate.add_argument("--force", action="store_true")
    generate.set_defaults(func=run_generate)
    export = commands.add_parser("export", help=text.CLI_EXPORT)
    export.add_argument("--json", action="store_true", help=text.CLI_EXPORT_JSON)
    export.add_argument("--csv", type=Path, metavar="TỆP")
    export.add_argument("--xlsx", type=Path, metavar="TỆP")
    export.add_argument("--status", choices=["draft", "approved", "retired"])
    export.set_defaults(func=run_export)
    importer = commands.add_parser("import", help=text.CLI_IMPORT)
    importer.add_argument("file", type=Path)
    importer.set_defaults(func=run_import)
    listing = commands.add_parser("list", help=text.CLI_LIST)
    listing.add_argument("--status", choices=["draft", "approved", "retired"])
    listing.add_argument("--topic")
    listing.set_defaults(func=run_list)
    for name, status in (("approve", "approved"), ("retire", "retired"), ("draft", "draft")):
        command = commands.add_parser(name, help=text.CLI_SET_STATUS.format(status=status))
        command.add_argument("ids", type=int, nargs="+")
        command.set_defaults(func=run_status, status=status)


def _bank() -> QuizBank:
    services = Services(Settings())
    return QuizBank(services.records, services.library)


def run_generate(args: argparse.Namespace) -> int:
    bank = _bank()
    if not bank.library.chunks():
        print(text.CLI_EMPTY_LIBRARY, file=sys.stderr)
        return 1
    report = bank.generate(force=args.force)
    if report.skipped:
        print(text.CLI_UNCHANGED)
        return 0
    print(text.CLI_GENERATED.format(**vars(report)))
    for reason, count in sorted(report.rejected.items()):
        print(text.CLI_REJECTED.format(count=count, reason=describe_rejection(reason)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    chosen = [bool(args.json), args.csv is not None, args.xlsx is not None]
    if sum(chosen) != 1:
        print(text.CLI_CHOOSE_FORMAT, file=sys.stderr)
        return 2
    bank = _bank()
    bank.generate()
    if args.json:
        print(json.dumps(bank.questions(args.status), ensure_ascii=False, indent=2))
        return 0
    path = args.csv or args.xlsx
    count = export_csv(bank, path) if args.csv else export_xlsx(bank, path)
    print(text.CLI_EXPORTED.format(count=count, path=path))
    return 0


def run_import(args: argparse.Namespace) -> int:
    try:
        report = import_file(_bank(), args.file)
    except (QuizError, OSError) as error:
        print(str(error), file=sys.stderr)
        return 1
    print(
        text.CLI_IMPORTED.format(
            added=report.added, updated=report.updated, errors=len(report.errors)
        )
    )
    for row, message in report.errors:
        print(text.CLI_ROW_ERROR.format(row=row, message=message))
    return 1 if report.errors else 0


def run_list(args: argparse.Namespace) -> int:
    for question in _bank().questions(args.status, args.topic):
        answer = question["options"][question["correct"]]
        print(f"#{question['id']} [{question['status']}] {question['text']}")
        print(f"    → {answer}   ({question['source']['document']}, {question['topic']})")
    return 0


def run_status(args: argparse.Namespace) -> int:
    bank, failed = _bank(), 0
    for question_id in args.ids:
        try:
            bank.set_status(question_id, args.status)
            print(text.CLI_STATUS_SET.format(id=question_id, status=args.status))
        except QuizError as error:
            print(str(error), file=sys.stderr)
            failed += 1
    return 1 if failed else 0
