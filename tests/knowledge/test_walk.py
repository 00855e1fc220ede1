"""Folder walking and batches: regular files only, never outside the folder, one bad file
does not stop the others, and `python ingest.py` says which files failed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bot.settings import PROJECT_ROOT
from bot.texts.knowledge import describe
from knowledge.library import Library
from knowledge.loaders import SUPPORTED_SUFFIXES
from knowledge.textnorm import fold
from knowledge.types import IngestReport, KnowledgeError
from knowledge.walk import walk
from tests.auxil.documents import DUC_TRONG_PLAN, SECRET, with_document_xml
from tests.auxil.processes import run_python
from tests.auxil.services import library_in

MEETING = "Chi bộ thôn 3 họp định kỳ vào ngày mùng 5 hằng tháng để học tập nghị quyết mới."


def _said(result: IngestReport | KnowledgeError) -> str:
    """What a person is told about one file of a batch."""
    return describe(result) if isinstance(result, KnowledgeError) else str(result)


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    """A folder with two good files and every kind of entry that must be skipped."""
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "mat.txt").write_text(SECRET * 3, encoding="utf-8")
    folder = tmp_path / "tailieu"
    (folder / "con").mkdir(parents=True)
    (folder / "kh55.txt").write_text(DUC_TRONG_PLAN, encoding="utf-8")
    (folder / "con" / "hop.txt").write_text(MEETING, encoding="utf-8")
    (folder / "anh.png").write_bytes(b"\x89PNG not ours")
    os.symlink(folder / "khong-co.txt", folder / "hong.txt")  # dangling
    os.symlink(folder / "vong.txt", folder / "vong.txt")  # loops onto itself
    os.symlink(folder / "b.md", folder / "a.md")
    os.symlink(folder / "a.md", folder / "b.md")  # a two-link loop
    os.symlink(outside / "mat.txt", folder / "mat.txt")  # leaves the folder
    os.symlink(outside, folder / "ngoai")  # a folder outside
    os.symlink(folder, folder / "con" / "len")  # a folder loop
    os.symlink(folder / "kh55.txt", folder / "ban-sao.txt")  # alias of a file inside
    os.mkfifo(folder / "ong.txt")  # opening it would block forever
    return folder


def test_walk_keeps_regular_files_inside_the_folder_only(messy: Path) -> None:
    found = walk([messy], SUPPORTED_SUFFIXES)
    assert [p.relative_to(messy).as_posix() for p in found.files] == ["con/hop.txt", "kh55.txt"]
    reasons = {p.path.name: describe(p.reason) for p in found.skipped}
    assert set(reasons) == {
        "hong.txt",
        "vong.txt",
        "a.md",
        "b.md",
        "mat.txt",
        "ngoai",
        "len",
        "ong.txt",
    }
    assert "liên kết hỏng" in reasons["hong.txt"] and "vòng lặp" in reasons["vong.txt"]
    assert "ra ngoài thư mục" in reasons["mat.txt"] and "ra ngoài" in reasons["ngoai"]
    assert "tới thư mục" in reasons["len"]
    assert "không phải tệp thông thường" in reasons["ong.txt"]
    assert all("\n" not in reason for reason in reasons.values())
    assert found.refused == []


def test_explicit_paths_that_cannot_be_read_are_refused_not_raised(messy: Path) -> None:
    found = walk([messy / "ong.txt", messy / "thieu.txt", messy / "kh55.txt"], SUPPORTED_SUFFIXES)
    assert found.files == [messy / "kh55.txt"]
    refused = {path.name: describe(error) for path, error in found.refused}
    assert "không phải tệp thông thường" in refused["ong.txt"]
    assert "Không tìm thấy" in refused["thieu.txt"]


def test_folder_ingest_skips_the_mess_and_never_reads_outside(messy: Path, tmp_path: Path) -> None:
    library = library_in(tmp_path / "data")
    skipped: list[str] = []
    results = library.ingest_many([messy], on_skip=lambda s: skipped.append(s.path.name))
    assert all(isinstance(r, IngestReport) for r in results), results
    assert {d.meta.document for d in library.documents()} == {"kh55.txt", "hop.txt"}
    assert "ong.txt" in skipped and "mat.txt" in skipped
    everything = fold(" ".join(c.text for c in library.chunks()))
    assert "hoa-sen-42" not in everything
    assert all("hoa-sen" not in hit.chunk.text for hit in library.search("mật khẩu kho lưu trữ"))
    with pytest.raises(KnowledgeError) as caught:
        library.ingest_path(messy / "ong.txt")  # named directly: refused, not opened
    assert "không phải tệp thông thường" in describe(caught.value)


def test_one_bad_file_does_not_stop_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lo"
    folder.mkdir()
    (folder / "a_kh55.txt").write_text(DUC_TRONG_PLAN, encoding="utf-8")
    (folder / "b_bom.docx").write_bytes(with_document_xml("billion-laughs"))
    (folder / "c_loi.txt").write_text(
        "Tệp này làm lộ một lỗi bất ngờ của bộ chia đoạn.", encoding="utf-8"
    )
    (folder / "d_hop.txt").write_text(MEETING, encoding="utf-8")
    library: Library = library_in(tmp_path / "data")
    original = library._ingest  # the step every file of a batch goes through

    def fragile(data: bytes, filename: str, *args: Any, **kwargs: Any) -> object:
        if filename == "c_loi.txt":
            raise RuntimeError("a bug, not a bad file")
        return original(data, filename, *args, **kwargs)

    monkeypatch.setattr(library, "_ingest", fragile)
    outcome: dict[str, str] = {}
    library.ingest_many(
        [folder], on_result=lambda path, result: outcome.__setitem__(path.name, _said(result))
    )
    assert set(outcome) == {"a_kh55.txt", "b_bom.docx", "c_loi.txt", "d_hop.txt"}
    assert "DTD" in outcome["b_bom.docx"]
    assert "không mong đợi" in outcome["c_loi.txt"] and "RuntimeError" in outcome["c_loi.txt"]
    assert {d.meta.document for d in library.documents()} == {"a_kh55.txt", "d_hop.txt"}


def test_ingest_cli_reports_failures_and_exits_non_zero(messy: Path, tmp_path: Path) -> None:
    (messy / "bom.docx").write_bytes(with_document_xml("billion-laughs"))
    ingest = str(PROJECT_ROOT / "ingest.py")
    done = run_python(
        [ingest, str(messy), str(tmp_path / "thieu.txt")], tmp_path / "data", tmp_path
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "✓ Đã nạp kh55.txt" in done.stdout and "✓ Đã nạp hop.txt" in done.stdout
    assert "Tổng kết: 2 đã nạp, 0 đã cập nhật, 0 không đổi, 2 lỗi, 8 bỏ qua." in done.stdout
    failures = done.stderr.split("Các tệp không nạp được:")[1]
    assert "bom.docx" in failures and "DTD" in failures and "thieu.txt" in failures
    assert "⚠ bỏ qua" in done.stderr and "ong.txt" in done.stderr

    clean = run_python([ingest, str(messy / "kh55.txt")], tmp_path / "data", tmp_path)
    assert clean.returncode == 0, clean.stderr
    assert "✓ Không đổi kh55.txt" in clean.stdout and "0 lỗi" in clean.stdout
