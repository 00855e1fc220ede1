"""Admin CLI: `python ingest.py PATH...`, `--list`, `--remove DOC`. Same service as chat uploads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from bot.settings import Settings
from bot.texts import ingest as text
from bot.wiring import Services
from knowledge.types import IngestReport, KnowledgeError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python ingest.py", description=text.CLI_DESCRIPTION)
    parser.add_argument("paths", nargs="*", type=Path, help=text.CLI_PATHS)
    parser.add_argument("--list", action="store_true", help=text.CLI_LIST)
    parser.add_argument("--remove", metavar="DOC", help=text.CLI_REMOVE)
    args = parser.parse_args(argv)
    if not (args.paths or args.list or args.remove):
        parser.print_usage(sys.stderr)
        return 2
    library = Services(Settings()).library
    if args.remove:
        if not library.remove(args.remove):
            print(text.UNKNOWN_DOCUMENT.format(name=args.remove), file=sys.stderr)
            return 1
        print(text.REMOVED.format(name=args.remove))
    exit_code = 0
    if args.paths:
        exit_code = _ingest(library, args.paths)
    if args.list:
        for info in library.documents():
            print(text.format_document_line(info))
    return exit_code


def _ingest(library: object, paths: list[Path]) -> int:
    from knowledge.library import Library, expand_paths

    assert isinstance(library, Library)
    try:
        files = expand_paths(paths)
    except KnowledgeError as error:
        print(str(error), file=sys.stderr)
        return 1
    failures = 0
    with tqdm(total=len(files), unit=text.PROGRESS_UNIT, file=sys.stderr) as bar:

        def report(path: Path, result: IngestReport | KnowledgeError) -> None:
            nonlocal failures
            bar.update(1)
            if isinstance(result, KnowledgeError):
                failures += 1
                tqdm.write(text.FAILED.format(name=path.name, error=result), file=sys.stderr)
            else:
                tqdm.write(text.format_report(result))

        library.ingest_many(files, on_result=report)
    library.collect_strays()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
