"""The admin command line: set up units, members, a campaign, then export a report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.__main__ import main


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    return tmp_path


def test_set_up_and_report(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units", "add", "Huyện ủy Di Linh", "--kind", "district"]) == 0
    assert (
        main(["units", "add", "Chi bộ Thôn 1", "--kind", "cell", "--parent", "Huyện ủy Di Linh"])
        == 0
    )
    assert (
        main(["units", "add", "Chi bộ Thôn 2", "--kind", "cell", "--parent", "Huyện ủy Di Linh"])
        == 0
    )
    members = cli_db / "ds.csv"
    members.write_text("Họ và tên,Chi bộ,Vai trò\nAn,Chi bộ Thôn 1,bí thư\nBình,Chi bộ Thôn 1,\n")
    assert main(["members", "import", str(members)]) == 0
    assert main(["campaigns", "add", "Đợt 1", "--unit", "Huyện ủy Di Linh",
                 "--deadline", "2026-12-31"]) == 0  # fmt: skip
    assert main(["units", "invite", "Chi bộ Thôn 2"]) == 0
    capsys.readouterr()

    assert main(["report", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unit"] == "Huyện ủy Di Linh" and data["campaign"] == "Đợt 1"
    assert data["cells_without_session"] == ["Chi bộ Thôn 1", "Chi bộ Thôn 2"]

    assert main(["report", "--unit", "Chi bộ Thôn 1", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert [r[0] for r in rows[1:]] == ["An", "Bình"]

    out, chart = cli_db / "r.xlsx", cli_db / "r.png"
    assert main(["report", "--campaign", "Đợt 1", "--out", str(out), "--chart", str(chart)]) == 0
    assert load_workbook(out).sheetnames[0] == "Tổng hợp"
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_bad_input_is_refused_with_a_message(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["units", "add", "Chi bộ X", "--kind", "cell", "--parent", "Không có"]) == 2
    assert "Không tìm thấy đơn vị" in capsys.readouterr().err
    assert main(["report", "--unit", "Không có"]) == 2
    bad = cli_db / "ds.csv"
    bad.write_text("Họ và tên,Chi bộ\nAn,Chi bộ Không Có\n")
    assert main(["members", "import", str(bad)]) == 1
    assert "dòng 2" in capsys.readouterr().err
    assert main(["campaigns", "add", "Đ", "--unit", "X", "--deadline", "31/12/2026"]) == 2
    assert main(["members", "import", str(cli_db / "missing.csv")]) == 2
