"""Upgrades in place: a database written by the release before schema versions opens, migrates,
keeps every row and works with `nianbao reextract`; one of a newer version is refused."""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.store import Store
from crawler.store.schema import SCHEMA_VERSION
from extract.version import EXTRACTOR_VERSION

from .bench.revision import export_revision
from .helpers.cli import assert_one_line_error, nianbao

# The last revision before schema and extractor versions were recorded.
OLD_RELEASE = "9227e1d"


def rows_by_table(db: Path, columns: dict[str, list[str]] | None = None) -> dict[str, list]:
    """Every row of every table (of the given columns), sorted, so two databases compare whole."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            name
            for (name,) in conn.execute("select name from sqlite_master where type = 'table'")
            if not name.startswith(("reports_fts", "sqlite_"))
        ]
        found = {}
        for table in tables:
            names = (columns or {}).get(table) or [r[1] for r in conn.execute(f"pragma table_info({table})")]
            selected = ", ".join(f'"{c}"' for c in names)
            found[table] = sorted(conn.execute(f"select {selected} from {table}").fetchall(), key=repr)
        return found
    finally:
        conn.close()


def column_names(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    try:
        tables = [n for (n,) in conn.execute("select name from sqlite_master where type = 'table'")]
        return {t: [r[1] for r in conn.execute(f"pragma table_info({t})")] for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def old_database(tmp_path_factory) -> tuple[Path, dict, dict]:
    """The sample portal crawled by the old release's own code (its `nianbao demo`, run from an
    export of that revision), with the rows and columns it wrote."""
    work = tmp_path_factory.mktemp("old-release")
    old_code = export_revision(OLD_RELEASE, work / "code")
    db = work / "data" / "reports.db"
    result = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "demo", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=old_code,
        env={**os.environ, "PYTHONPATH": str(old_code)},
    )
    assert result.returncode == 0, result.stderr
    return db, column_names(db), rows_by_table(db)


def test_the_old_release_recorded_no_schema_version(old_database):
    db, columns, _ = old_database
    conn = sqlite3.connect(db)
    assert conn.execute("pragma user_version").fetchone()[0] == 0
    assert "extractor_version" not in columns["reports"]


def test_opening_an_old_database_migrates_it_and_records_the_version(old_database, tmp_path):
    db, _, _ = old_database
    Store(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("select distinct extractor_version from reports").fetchall() == [(0,)]
    assert conn.execute("select distinct extractor_version from report_versions").fetchall() == [(0,)]


def test_every_row_is_kept(old_database):
    db, columns, before = old_database
    Store(db).close()
    after = rows_by_table(db, columns)
    assert {t: len(rows) for t, rows in after.items() if t in before} == {
        t: len(r) for t, r in before.items()
    }
    assert {t: rows for t, rows in after.items() if t in before} == before
    assert sum(len(rows) for rows in before.values()) > 300


def test_the_migrated_database_works_with_reextract(old_database, tmp_path):
    """The old release's reports are redone by this extractor, which also records each table
    figure's cell: a report that reads differently now (at least the two with a table, whose
    cells are placed) gets a new version, one that reads the same gets none; old versions are
    kept, every figure's value is the same."""
    original, columns, before = old_database
    shutil.copytree(original.parent, tmp_path / "data")
    db = tmp_path / "data" / original.name
    result = nianbao("reextract", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert f"reports made before extractor version {EXTRACTOR_VERSION}: 5" in result.stdout
    counts = re.search(
        r"redone: 5  new versions: (\d+)  unchanged: (\d+)  unreadable records: 0", result.stdout
    )
    assert counts, result.stdout
    new_versions, unchanged = int(counts.group(1)), int(counts.group(2))
    assert new_versions >= 2 and new_versions + unchanged == 5
    after = rows_by_table(db, columns)
    assert set(before["report_versions"]) <= set(after["report_versions"])
    assert len(after["report_versions"]) == len(before["report_versions"]) + new_versions
    conn = sqlite3.connect(db)
    figures = sorted(conn.execute("select report_key, scope, key, value from stats").fetchall(), key=repr)
    placed = conn.execute("select count(*) from stats where source = 'table' and cell_row is null").fetchone()
    conn.close()
    old = sqlite3.connect(original)
    old_figures = sorted(old.execute("select report_key, scope, key, value from stats").fetchall(), key=repr)
    old.close()
    assert figures == old_figures
    assert placed == (0,)


def test_a_database_of_a_newer_schema_is_refused_in_one_line(tmp_path):
    db = tmp_path / "reports.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    result = nianbao("reextract", "--db", str(db))
    assert_one_line_error(result, f"written by a newer nianbao (schema version {SCHEMA_VERSION + 1}")
    conn = sqlite3.connect(db)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION + 1
