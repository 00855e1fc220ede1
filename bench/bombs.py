"""Hostile files benchmark: time to refusal and peak memory of each bomb, default limits.

Builds every bomb in a temp dir (nothing downloaded; in a separate process, because Linux
carries a parent's peak RSS over fork and exec into its children's figures), then for each one
starts a fresh `python bench/bombs.py --one FILE` that calls `load_text` (the library's
parser) and reports its own peak RSS and the parsing child's (getrusage of RUSAGE_SELF and
RUSAGE_CHILDREN; the latter includes the few tens of MB the child inherits at fork).
Target (issue 12): each refused in under 10 s with peak memory under 500 MB.

    python bench/bombs.py
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.settings import Settings  # noqa: E402
from bot.texts.knowledge import describe  # noqa: E402
from bot.wiring import parse_limits  # noqa: E402
from knowledge.loaders import load_text  # noqa: E402
from knowledge.types import KnowledgeError  # noqa: E402
from tests.auxil.documents import lying_sizes  # noqa: E402

MB = 2**20
GB_AND_A_HALF = 1536 * MB


def base_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Kế hoạch số 12-KH/CB về học tập chuyên đề năm 2025.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def package(extra: dict[str, bytes] | None = None, document_xml: bytes | None = None) -> bytes:
    """The base .docx, its document.xml replaced and extra parts added (all deflated)."""
    source = zipfile.ZipFile(io.BytesIO(base_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "word/document.xml" and document_xml is not None:
                body = document_xml
            target.writestr(info.filename, body)
        for name, body in (extra or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def zeros_part(archive: zipfile.ZipFile, name: str, size: int) -> None:
    with archive.open(name, "w", force_zip64=True) as part:
        block = b"\0" * (16 * MB)
        for _ in range(size // len(block)):
            part.write(block)


def with_big_part(size: int, parts: int = 1) -> bytes:
    out = io.BytesIO(package())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for number in range(parts):
            zeros_part(archive, f"word/media/image{number}.bin", size)
    return out.getvalue()


def billion_laughs() -> bytes:
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    xml = zipfile.ZipFile(io.BytesIO(base_docx())).read("word/document.xml")
    declaration, body = xml.split(b"?>", 1)
    body = body.replace(b"</w:t>", b"&lol9;</w:t>", 1)
    return package(document_xml=declaration + b"?><!DOCTYPE w:document [" + entities + b"]>" + body)


def many_paragraphs(count: int) -> bytes:
    """`count` paragraphs of 8 random letters: compresses ~6:1, so no ratio check fires."""
    letters = (string.ascii_lowercase * 10).encode()[:256]
    noise = random.Random(12).randbytes(8 * count).translate(letters)
    xml = zipfile.ZipFile(io.BytesIO(base_docx())).read("word/document.xml")
    body = b"".join(
        b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % noise[i : i + 8] for i in range(0, len(noise), 8)
    )
    return package(document_xml=xml.replace(b"<w:body>", b"<w:body>" + body, 1))


def build(folder: Path) -> list[Path]:
    big_part = with_big_part(GB_AND_A_HALF)
    bombs = {
        "zip_bomb_10x100MB.docx": with_big_part(100 * MB, parts=10),
        "ratio_48MB_zeros.docx": with_big_part(48 * MB),
        "billion_laughs.docx": billion_laughs(),
        "paragraphs_2M.docx": many_paragraphs(2_000_000),
        "part_1.5GB.docx": big_part,
        "part_1.5GB_lying_header.docx": lying_sizes(big_part, "word/media/image0.bin", 4096),
    }
    for name, data in bombs.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in bombs]


def one(path: Path) -> None:
    """Child mode: refuse one file, print seconds, message and peak memory as JSON."""
    settings = Settings()
    data = path.read_bytes()
    start = time.perf_counter()
    try:
        load_text(data, path.name, settings.max_upload_bytes, parse_limits(settings))
        outcome = "ACCEPTED"
    except KnowledgeError as error:
        outcome = describe(error)
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "outcome": outcome, "self_mb": own, "child_mb": child}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one)
        return
    if args.build:
        for path in build(args.build):
            print(path)
        return
    settings = Settings()
    print(f"limits: {parse_limits(settings)}; upload limit {settings.max_upload_bytes / MB:.0f} MB")
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        command = [sys.executable, __file__, "--build", folder]
        built = subprocess.run(command, capture_output=True, text=True, check=True)
        paths = [Path(line) for line in built.stdout.splitlines()]
        print(f"built {len(paths)} bombs in {time.perf_counter() - start:.1f} s\n")
        print(f"{'file':32} {'size':>8} {'refused in':>10} {'peak RSS':>9}  message")
        worst_s, worst_mb = 0.0, 0.0
        for path in paths:
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(path)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            row = json.loads(done.stdout.strip().splitlines()[-1])
            peak = max(row["self_mb"], row["child_mb"])
            worst_s, worst_mb = max(worst_s, row["seconds"]), max(worst_mb, peak)
            size = path.stat().st_size / MB
            print(
                f"{path.name:32} {size:6.1f} MB {row['seconds']:8.2f} s {peak:6.0f} MB  "
                f"{row['outcome']}"
            )
        verdict = "met" if worst_s < 10 and worst_mb < 500 else "MISSED"
        target = "target < 10 s, < 500 MB"
        print(f"\nworst: {worst_s:.2f} s, {worst_mb:.0f} MB peak ({target}): {verdict}")


if __name__ == "__main__":
    main()
