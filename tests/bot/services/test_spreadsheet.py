"""The one CSV/XLSX reader and writer: round trips, delimiters, limits and unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.services.spreadsheet import (
    TableKindUnknown,
    TableNotUtf8,
    TableTooLarge,
    TableUnreadable,
    read_table,
    table_kind,
    write_table,
)

HEADER = ("Họ và tên", "Chi bộ", "Số buổi")
ROWS = [['=HYPERLINK("x")', "Chi bộ Thôn 1", 3], ["Trần Thị Bình", "Chi bộ Thôn 2", None]]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_what_is_written_reads_back_the_same(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"ds.{kind}"
    path.write_bytes(write_table(HEADER, ROWS, kind, title="ds"))
    for source in (path, path.read_bytes()):
        table = read_table(source, table_kind(path.name))
        assert table.header == list(HEADER)
        assert table.rows == [
            {"Họ và tên": '=HYPERLINK("x")', "Chi bộ": "Chi bộ Thôn 1", "Số buổi": "3"},
            {"Họ và tên": "Trần Thị Bình", "Chi bộ": "Chi bộ Thôn 2", "Số buổi": ""},
        ]


def test_csv_is_utf8_with_bom_and_formulas_quoted() -> None:
    data = write_table(HEADER, ROWS, "csv")
    assert data.startswith("\ufeff".encode())
    assert "'=HYPERLINK" in data.decode("utf-8")


def test_semicolon_csv_and_blank_rows() -> None:
    data = "Họ và tên;Chi bộ\n\n;\nA;Chi bộ 1\nB;Chi bộ 2\n".encode("utf-8-sig")
    table = read_table(data, "csv")
    assert table.header == ["Họ và tên", "Chi bộ"]
    assert [row["Họ và tên"] for row in table.rows] == ["A", "B"]


def test_short_rows_have_empty_cells_and_a_repeated_title_keeps_its_first_column() -> None:
    table = read_table(b"name,unit,name\nA,U1,Z\nB\n", "csv")
    assert table.rows == [{"name": "A", "unit": "U1"}, {"name": "B", "unit": ""}]


def test_empty_file_is_an_empty_table() -> None:
    table = read_table(b"", "csv")
    assert table.header == [] and table.rows == []


def test_unreadable_files_raise_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(TableKindUnknown):
        read_table(b"x", table_kind("ds.pdf"))
    with pytest.raises(TableTooLarge):
        read_table(b"a,b\n" * 10, "csv", max_bytes=8)
    big = tmp_path / "big.csv"
    big.write_bytes(b"a,b\n" * 10)
    with pytest.raises(TableTooLarge):
        read_table(big, "csv", max_bytes=8)
    with pytest.raises(TableNotUtf8):
        read_table("Tên,Chi bộ\n".encode("utf-16"), "csv")
    with pytest.raises(TableUnreadable):
        read_table(b"PK\x03\x04garbage", "xlsx")
    with pytest.raises(TableKindUnknown):
        write_table(HEADER, ROWS, "ods")
