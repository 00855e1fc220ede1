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


def test_ingest_with_the_place_a_text_never_names(tmp_path: Path) -> None:
    """`--place` gives every file of the run its place; an empty or overlong one, or one
    without a file to give it to, is refused and nothing is ingested."""
    from tests.auxil.services import library_in

    data_dir = tmp_path / "data"
    page = tmp_path / "tin.txt"
    page.write_text(
        "Thành ủy ban hành chỉ thị về kinh tế đêm\n"
        "Ban Thường vụ Thành ủy vừa ban hành Chỉ thị số 9 về phát triển kinh tế ban đêm.\n",
        encoding="utf-8",
    )
    ingest = str(PROJECT_ROOT / "ingest.py")
    bad_places = ("   ", str(page)), ("x" * 81, str(page)), ("Huế",)
    for bad in bad_places:
        refused = run_python([ingest, "--place", *bad], data_dir, tmp_path)
        assert refused.returncode == 2 and "Tên địa phương" in refused.stderr, refused.stderr
    assert run_python([ingest, "--list"], data_dir, tmp_path).stdout.strip() == ""

    done = run_python([ingest, str(page), "--place", " Cần  Thơ "], data_dir, tmp_path)
    assert done.returncode == 0, done.stderr
    (info,) = library_in(data_dir).documents()
    assert info.meta.place == "Cần Thơ"
