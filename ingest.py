"""Admin CLI: `python ingest.py PATH... [--place NAME]`, `--list`, `--remove DOC`. Same service as
chat uploads."""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from bot import logs
from bot.services.uploads import MAX_PLACE_CHARS, clean_place
from bot.settings import Settings
from bot.texts import ingest as text
from bot.texts.knowledge import describe
from bot.wiring import build_library
from knowledge.types import IngestReport, KnowledgeError

if TYPE_CHECKING:
    from knowledge.library import Library


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python ingest.py", description=text.CLI_DESCRIPTION)
    parser.add_argument("paths", nargs="*", type=Path, help=text.CLI_PATHS)
    parser.add_argument("--list", action="store_true", help=text.CLI_LIST)
    parser.add_argument("--remove", metavar="DOC", help=text.CLI_REMOVE)
    parser.add_argument("--place", metavar=text.CLI_PLACE_METAVAR, help=text.CLI_PLACE)
    args = parser.parse_args(argv)
    place = clean_place(args.place) if args.place is not None else None
    if args.place is not None and (place is None or not args.paths):
        print(text.BAD_PLACE.format(limit=MAX_PLACE_CHARS), file=sys.stderr)
        return 2
    logs.configure(logging.WARNING)  # the progress bar and the per-file lines say the rest
    if not (args.paths or args.list or args.remove):
        parser.print_usage(sys.stderr)
        return 2
    try:
        library = build_library(Settings())
    except KnowledgeError as error:  # the model or the index cannot be opened: say which
        print(describe(error), file=sys.stderr)
        return 1
    if args.remove:
        if not library.remove(args.remove):
            print(text.UNKNOWN_DOCUMENT.format(name=args.remove), file=sys.stderr)
            return 1
        print(text.REMOVED.format(name=args.remove))
    exit_code = 0
    if args.paths:
        exit_code = _ingest(library, args.paths, place)
    if args.list:
        for info in library.documents():
            print(text.format_document_line(info))
    return exit_code


def _ingest(library: Library, paths: list[Path], place: str | None = None) -> int:
    """Each file on its own; exit status 1 when any failed, and the summary names them. A
    `place` given is every file's place (a page copied from a site that never names its city)."""
    from knowledge.loaders import SUPPORTED_SUFFIXES
    from knowledge.walk import walk

    found = walk(paths, SUPPORTED_SUFFIXES)
    for skipped in found.skipped:
        print(text.SKIPPED.format(reason=describe(skipped.reason)), file=sys.stderr)
    failed: list[tuple[Path, KnowledgeError]] = []
    done: Counter[str] = Counter()

    def report(path: Path, result: IngestReport | KnowledgeError) -> None:
        if isinstance(result, KnowledgeError):
            failed.append((path, result))
            tqdm.write(text.FAILED.format(name=path.name, error=describe(result)), file=sys.stderr)
        else:
            done[result.status] += 1
            tqdm.write(text.format_report(result))

    for path, error in found.refused:
        report(path, error)
    with tqdm(total=len(found.files), unit=text.PROGRESS_UNIT, file=sys.stderr) as bar:

        def advance(path: Path, result: IngestReport | KnowledgeError) -> None:
            bar.update(1)
            report(path, result)

        library.ingest_many(found.files, on_result=advance, place=place)
    library.collect_strays()
    print(text.summary(done, len(failed), len(found.skipped)))
    if failed:
        print(text.FAILED_HEADER, file=sys.stderr)
        for path, error in failed:
            print(text.FAILED_ITEM.format(path=path, error=describe(error)), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
