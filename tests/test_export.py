"""`nianbao export`: the crawled data set as CSV, Parquet and Excel, each figure with its provenance."""

import hashlib
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from warcio.archiveiterator import ArchiveIterator

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.crawl import run_demo

TABLES = ("reports", "statistics_long", "statistics_wide", "indicators")
PROVENANCE = ("url", "fetched_at", "snapshot_sha256", "warc_file", "warc_offset", "row_label", "raw_value")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict:
    """The sample portal crawled, then exported in every format by `nianbao export`."""
    folder = tmp_path_factory.mktemp("export")
    db = folder / "reports.db"
    assert run_demo(db).returncode == 0
    outs = {"csv": folder / "csv", "parquet": folder / "parquet", "xlsx": folder / "nianbao.xlsx"}
    for file_format, out in outs.items():
        result = nianbao("export", "--format", file_format, "--db", str(db), str(out))
        assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    figures = conn.execute("select report_key, scope, key, value from stats").fetchall()
    reports = conn.execute("select count(*) from reports").fetchone()[0]
    conn.close()
    return {"db": db, "outs": outs, "figures": figures, "reports": reports}


def xlsx_sheet(path: Path, name: str) -> pd.DataFrame:
    """A sheet read back with openpyxl alone (header row, then rows)."""
    book = load_workbook(path)
    rows = list(book[name].iter_rows(values_only=True))
    book.close()
    return pd.DataFrame(rows[1:], columns=rows[0])


def read(exported: dict, file_format: str, table: str) -> pd.DataFrame:
    out = exported["outs"][file_format]
    if file_format == "csv":
        return pd.read_csv(out / f"{table}.csv")
    if file_format == "parquet":
        return pd.read_parquet(out / f"{table}.parquet")
    return xlsx_sheet(out, table)


def figures_of(frame: pd.DataFrame) -> list[tuple]:
    return sorted(
        (r.report_key, r.scope, r.key, None if pd.isna(r.value) else float(r.value))
        for r in frame.itertuples()
    )


@pytest.mark.parametrize("file_format", ["csv", "parquet", "xlsx"])
def test_long_form_holds_every_figure_of_the_database(exported, file_format):
    expected = sorted((k, s, key, None if v is None else float(v)) for k, s, key, v in exported["figures"])
    assert len(expected) > 200
    assert figures_of(read(exported, file_format, "statistics_long")) == expected


@pytest.mark.parametrize("file_format", ["csv", "parquet", "xlsx"])
def test_every_report_is_exported(exported, file_format):
    assert len(read(exported, file_format, "reports")) == exported["reports"]


@pytest.mark.parametrize("file_format", ["csv", "parquet", "xlsx"])
def test_every_figure_has_its_provenance(exported, file_format):
    long = read(exported, file_format, "statistics_long")
    table_figures = long[long.source == "table"]
    assert not long[list(PROVENANCE[:5])].isna().any().any()
    assert (
        not table_figures[["table_index", "row_label", "cell_row", "cell_column", "raw_value"]]
        .isna()
        .any()
        .any()
    )


def test_the_provenance_opens_the_snapshot_the_figure_was_read_from(exported):
    long = xlsx_sheet(exported["outs"]["xlsx"], "statistics_long")
    folder = exported["db"].parent
    for row in long.drop_duplicates("url").itertuples():
        with open(folder / row.warc_file, "rb") as file:
            file.seek(row.warc_offset)
            record = next(iter(ArchiveIterator(file)))
            assert record.rec_headers.get_header("WARC-Target-URI") == row.url
            assert hashlib.sha256(record.content_stream().read()).hexdigest() == row.snapshot_sha256


@pytest.mark.parametrize("file_format", ["csv", "parquet", "xlsx"])
def test_wide_form_has_one_row_per_report_and_scope_and_the_long_values(exported, file_format):
    long = read(exported, file_format, "statistics_long")
    wide = read(exported, file_format, "statistics_wide").set_index(["report_key", "scope"])
    assert len(wide) == len(long.groupby(["report_key", "scope"]))
    assert set(wide.columns) == set(long.key)
    for row in long.itertuples():
        cell = wide.loc[(row.report_key, row.scope), row.key]
        assert (pd.isna(cell) and pd.isna(row.value)) or float(cell) == float(row.value)


@pytest.mark.parametrize("file_format", ["csv", "parquet", "xlsx"])
def test_dictionary_names_every_exported_key_in_chinese(exported, file_format):
    dictionary = read(exported, file_format, "indicators").set_index("key")
    keys = set(read(exported, file_format, "statistics_long").key)
    assert keys <= set(dictionary.index)
    assert dictionary.loc[sorted(keys), "label_zh"].str.contains(r"[\u4e00-\u9fff]").all()
    assert dictionary.loc["legacy.admin_review.corrected", "unit"] == "件"


def test_xlsx_into_a_folder_is_a_user_error(exported, tmp_path):
    result = nianbao("export", "--format", "xlsx", "--db", str(exported["db"]), str(tmp_path))
    assert_one_line_error(result, "is a folder")


def test_a_missing_database_is_a_user_error(tmp_path):
    result = nianbao("export", "--db", str(tmp_path / "none.db"), str(tmp_path / "out"))
    assert_one_line_error(result, "no database at")
