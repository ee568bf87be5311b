"""crawler/serve/metadata.yml describes every table, view and column, in Chinese and English."""

import re

import pytest
import yaml

from crawler.store import Store

from .helpers.paths import REPO

METADATA = yaml.safe_load((REPO / "crawler" / "serve" / "metadata.yml").read_text(encoding="utf-8"))
TABLES = METADATA["databases"]["reports"]["tables"]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(scope="module")
def primary_keys(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("keys") / "reports.db")
    keys = {name: store.db[name].pks for name in store.db.table_names() if not name.startswith("reports_fts")}
    store.close()
    return keys


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("metadata") / "reports.db")
    db = store.db
    hidden = {name for name in db.table_names() if name.startswith("reports_fts")}
    names = [n for n in db.table_names() if n not in hidden] + db.view_names()
    columns = {name: list(db[name].columns_dict) for name in names}
    store.close()
    return columns


def bilingual(text: str) -> bool:
    return bool(CHINESE.search(text) and ENGLISH.search(text))


def test_every_table_and_view_has_a_bilingual_description(schema):
    described = {name: t.get("description") or t.get("description_html", "") for name, t in TABLES.items()}
    missing = [name for name in schema if not bilingual(described.get(name, ""))]
    assert missing == []


def test_every_column_has_a_bilingual_description(schema):
    missing = [
        f"{name}.{column}"
        for name, columns in schema.items()
        for column in columns
        if not bilingual(str(TABLES.get(name, {}).get("columns", {}).get(column, "")))
    ]
    assert missing == []


def test_no_description_names_a_column_that_does_not_exist(schema):
    extra = [
        f"{name}.{column}"
        for name, table in TABLES.items()
        for column in table.get("columns", {})
        if column not in schema.get(name, [])
    ]
    assert extra == []


@pytest.mark.parametrize("setting", ["facets", "sortable_columns"])
def test_facets_and_sort_columns_exist(schema, setting):
    # Datasette answers 400 for a whole table whose metadata names a missing facet column.
    unknown = [
        f"{name}.{column}"
        for name, table in TABLES.items()
        for column in table.get(setting, [])
        if column not in schema.get(name, [])
    ]
    assert unknown == []


@pytest.mark.parametrize("column", ["province", "level", "year", "era", "tampered"])
def test_headline_views_facet_on(column):
    assert column in TABLES["report_headlines"]["facets"]


@pytest.mark.parametrize("field", ["title", "license", "source"])
def test_instance_metadata_has(field):
    assert METADATA.get(field)


def test_every_dashboard_chart_reads_the_reports_database():
    charts = METADATA["plugins"]["datasette-dashboards"]["nianbao"]["charts"]
    assert {chart["db"] for chart in charts.values()} == {"reports"}


def test_tables_with_sort_columns_can_sort_by_their_primary_key(primary_keys):
    # The table page's filter form submits `_sort=<primary key>`: Datasette refuses the
    # whole page when sortable_columns leaves it out.
    refused = [
        f"{name}.{key}"
        for name, table in TABLES.items()
        if "sortable_columns" in table and name in primary_keys
        for key in primary_keys[name]
        if key not in table["sortable_columns"]
    ]
    assert refused == []
