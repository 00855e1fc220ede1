"""`python ingest.py` as admins and scripts run it."""

from __future__ import annotations

from pathlib import Path

from bot.settings import PROJECT_ROOT
from tests.auxil.documents import DUC_TRONG_PLAN
from tests.auxil.processes import run_python


def test_ingest_list_remove_and_bad_input(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    plan = tmp_path / "kh55.txt"
    plan.write_text(DUC_TRONG_PLAN, encoding="utf-8")
    ingest = str(PROJECT_ROOT / "ingest.py")

    done = run_python([ingest, str(plan), "--list"], data_dir, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "55-KH/HU" in done.stdout and "kh55.txt" in done.stdout

    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    bad = run_python([ingest, str(broken)], data_dir, tmp_path)
    assert bad.returncode == 1 and "hong.docx" in bad.stderr
    missing = run_python([ingest, str(tmp_path / "khong-co.txt")], data_dir, tmp_path)
    assert missing.returncode == 1 and "khong-co.txt" in missing.stderr
    listed = run_python([ingest, "--list"], data_dir, tmp_path)
    assert listed.stdout.count("\n") == 1 and "kh55.txt" in listed.stdout

    unknown = run_python([ingest, "--remove", "khong-co.txt"], data_dir, tmp_path)
    assert unknown.returncode == 1 and "khong-co.txt" in unknown.stderr
    removed = run_python([ingest, "--remove", "kh55.txt", "--list"], data_dir, tmp_path)
    assert removed.returncode == 0 and "kh55.txt" in removed.stdout
    assert run_python([ingest, "--list"], data_dir, tmp_path).stdout.strip() == ""
