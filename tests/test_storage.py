import sqlite3

import pytest

from crawler.store import StorageError, Store
from extract.model import Report, Section, SpamFinding, SpamReport, Stat

URL = "http://127.0.0.1:1/xxgk/ndbg/201803/t20180329_1.html"


def make_report(text: str = "一、概述\n正文", sha: str = "a" * 64) -> Report:
    return Report(
        url=URL,
        sha256=sha,
        encoding="utf-8",
        is_report=True,
        title="诸城市人民政府2017年政府信息公开工作年度报告",
        agency="诸城市人民政府",
        region="诸城市",
        year=2017,
        published_on="2018-03-29",
        era="legacy",
        text=text,
        sections=(Section("一、概述", "正文"),),
        stats=(Stat("legacy.applications.received_total", 88, "region_total", "件"),),
        spam=SpamReport(True, 1.0, (SpamFinding("keyword_list", "天辰娱乐 南山娱乐", "removed"),)),
    )


def dump(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    tables = ["reports", "report_versions", "sections", "stats", "spam_findings", "validation_findings"]
    rows = {t: conn.execute(f"select * from {t} order by 1, 2").fetchall() for t in tables}
    conn.close()
    return rows


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "reports.db"


def test_report_is_stored_once(db_path):
    store = Store(db_path)
    store.save_page(make_report(), 200, "text/html", 100, "run1")
    store.save_page(make_report(), 200, "text/html", 100, "run2")
    assert store.db["reports"].count == 1


def test_identical_resave_changes_no_report_table(db_path):
    store = Store(db_path)
    store.save_page(make_report(), 200, "text/html", 100, "run1")
    before = dump(db_path)
    store.save_page(make_report(), 200, "text/html", 100, "run2")
    assert dump(db_path) == before


def test_changed_report_keeps_both_versions(db_path):
    store = Store(db_path)
    store.save_page(make_report(), 200, "text/html", 100, "run1")
    store.save_page(make_report("一、概述\n改过的正文", "b" * 64), 200, "text/html", 100, "run2")
    assert store.db["report_versions"].count == 2


def test_changed_report_shows_the_new_text(db_path):
    store = Store(db_path)
    store.save_page(make_report(), 200, "text/html", 100, "run1")
    store.save_page(make_report("一、概述\n改过的正文", "b" * 64), 200, "text/html", 100, "run2")
    assert list(store.db["reports"].rows)[0]["text"].endswith("改过的正文")


def test_fetch_error_is_kept_as_a_page(db_path):
    store = Store(db_path)
    store.save_fetch_error("http://127.0.0.1:1/missing.html", None, "fetch: ConnectionRefusedError", "run1")
    assert store.db["pages"].get("http://127.0.0.1:1/missing.html")["error"].startswith("fetch:")


def test_full_text_search_finds_words_inside_chinese_text(db_path):
    store = Store(db_path)
    store.save_page(make_report("一、概述\n全市主动公开政府信息27519条"), 200, "text/html", 100, "run1")
    hits = store.db.execute(
        "select count(*) from reports_fts where reports_fts match ?", ['"主动公开"']
    ).fetchone()[0]
    assert hits == 1


def test_unwritable_path_is_a_storage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        Store(blocker / "reports.db")


def test_locked_database_is_a_storage_error(db_path):
    Store(db_path).close()
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError):
            Store(db_path)
    finally:
        holder.rollback()
        holder.close()


def test_a_database_another_crawl_writes_is_waited_for(db_path):
    # Another crawl of this host (a live process with a running run) holds the write lock for
    # a commit longer than the connection's timeout: a store opened meanwhile waits its turn.
    import socket
    import subprocess
    import threading

    store = Store(db_path)
    crawl = subprocess.Popen(["sleep", "30"])
    try:
        store.db["crawl_runs"].insert(
            {"run_id": "other", "status": "running", "pid": crawl.pid, "host": socket.gethostname()},
            alter=True,
        )
        store.db.conn.commit()
        store.close()
        holder = sqlite3.connect(db_path, check_same_thread=False)
        holder.execute("BEGIN EXCLUSIVE")
        threading.Timer(3.0, holder.rollback).start()
        opened = Store(db_path)
        opened.close()
        holder.close()
    finally:
        crawl.kill()
        crawl.wait()
