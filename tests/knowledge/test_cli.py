"""`python ingest.py` and `python -m bot search` as admins and scripts run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bot.settings import PROJECT_ROOT
from tests.knowledge.test_library import PLAN


def run(args: list[str], data_dir: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k.isupper() and not k.startswith("TEST_")}
    env = {k: v for k, v in env.items() if k not in {"DATABASE_URL", "CHROMA_HOST", "EMBEDDER"}}
    env["DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_search_json_returns_the_cay_tre_passage_first(
    seeded_data_dir: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_data_dir, data_dir)
    done = run(["-m", "bot", "search", "ban sac cay tre", "--json", "-k", "3"], data_dir, tmp_path)
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert len(hits) == 3
    assert {"document", "title", "number", "date", "section", "score", "text"} <= set(hits[0])
    assert "gốc vững" in hits[0]["text"]
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]

    empty = run(["-m", "bot", "search", "   "], data_dir, tmp_path)
    assert empty.returncode == 2 and empty.stdout.strip()


def test_ingest_list_remove_and_bad_input(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    plan = tmp_path / "kh55.txt"
    plan.write_text(PLAN, encoding="utf-8")
    ingest = str(PROJECT_ROOT / "ingest.py")

    done = run([ingest, str(plan), "--list"], data_dir, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "55-KH/HU" in done.stdout and "kh55.txt" in done.stdout

    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    bad = run([ingest, str(broken)], data_dir, tmp_path)
    assert bad.returncode == 1 and "hong.docx" in bad.stderr
    missing = run([ingest, str(tmp_path / "khong-co.txt")], data_dir, tmp_path)
    assert missing.returncode == 1 and "khong-co.txt" in missing.stderr
    listed = run([ingest, "--list"], data_dir, tmp_path)
    assert listed.stdout.count("\n") == 1 and "kh55.txt" in listed.stdout

    unknown = run([ingest, "--remove", "khong-co.txt"], data_dir, tmp_path)
    assert unknown.returncode == 1 and "khong-co.txt" in unknown.stderr
    removed = run([ingest, "--remove", "kh55.txt", "--list"], data_dir, tmp_path)
    assert removed.returncode == 0 and "kh55.txt" in removed.stdout
    assert run([ingest, "--list"], data_dir, tmp_path).stdout.strip() == ""
