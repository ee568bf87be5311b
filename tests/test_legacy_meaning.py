"""Legacy rows mapped by what their labels mean (issue 18): built tables, one field per test."""

from __future__ import annotations

import pytest

from extract.divisions import COUNTY, body_level
from extract.labels import load_legacy_lexicon, map_row, normalise_label
from extract.legacy_meaning import _may_explain, meaning_of, signatures, vocabulary
from extract.legacy_table import LegacyTables, parse_legacy_tables
from extract.pipeline import process

from .bench.legacy_labels import BLIND2, load_variants, score, split

HEADER = ["统计指标", "单位", "统计数"]


def _meaning(label: str, *enclosing: str) -> str | None:
    texts = [normalise_label(text).text for text in enclosing]
    return map_row(normalise_label(label), "/".join(texts[::-1]), texts, True, load_legacy_lexicon()).key


@pytest.mark.parametrize(
    ("label", "enclosing", "key"),
    [
        ("(一)主动公开文件数", ("一、主动公开情况",), "legacy.proactive.items_total"),
        ("1.按时答复数", ("(二)申请办结数",), "legacy.applications.closed_on_time"),
        ("否决公开", ("本年度对申请的答复总数",), "legacy.applications.reply_refused_total"),
        ("同意公开", ("本年度对申请的答复总数",), "legacy.applications.reply_granted"),
        ("一是受理申请总数", (), "legacy.applications.received_total"),
        ("维持", ("五、行政诉讼数量",), "legacy.litigation.upheld"),
        ("维持", ("四、行政复议数量",), "legacy.admin_review.upheld"),
        ("接受行政诉讼、举报数", (), None),
        ("告知通过其他渠道办理的", ("(三)答复申请总数",), None),
    ],
)
def test_row_meaning(label: str, enclosing: tuple[str, ...], key: str | None) -> None:
    assert _meaning(label, *enclosing) == key


def test_signatures_a_reading_may_be_explained_by_hold_every_one_that_explains_it() -> None:
    # Readings made of every signature's concepts, alone and with each other concept of the
    # vocabulary: the shortlist meaning_of tries keeps every signature (in order) that fits.
    concepts = sorted({c for word in vocabulary().words.values() for c in word})
    readings = {s.needs for s in signatures()} | {s.explained for s in signatures()}
    readings |= {s.needs | {c} for s in signatures() for c in concepts}
    for reading in readings:
        fits = [s for s in signatures() if s.needs <= reading <= s.explained]
        assert [s for s in _may_explain(reading) if s.needs <= reading <= s.explained] == fits, reading


def test_two_indicators_in_one_label_say_so() -> None:
    assert meaning_of("接受行政诉讼举报数").reason == "no indicator means complaint+litigation"


def test_mostly_unknown_words_are_not_a_mapping() -> None:
    assert meaning_of("全文电子化的主动公开信息数").key is None


# --- built tables ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reworded() -> LegacyTables:
    return parse_legacy_tables(
        [
            *HEADER,
            "三、依申请公开情况",
            "-",
            "(一)受理申请总数",
            "9",
            "(三)答复申请总数",
            "-",
            "申请信息不",  # the cell's label wraps mid-word
            "存在数",
            "4",
            "接受行政诉讼、举报数",
            "2",
            "五、行政诉讼数量",
            "2",
        ]
    )


def _key_of(tables: LegacyTables, key: str) -> list[object]:
    return [stat.value for stat in tables.stats if stat.key == key]


def test_label_cut_over_two_lines_maps(reworded: LegacyTables) -> None:
    assert _key_of(reworded, "legacy.applications.reply_not_exist") == [4]


def test_reworded_row_keeps_its_confidence(reworded: LegacyTables) -> None:
    stat = next(s for s in reworded.stats if s.key == "legacy.applications.received_total")
    assert stat.confidence == 1.0


def test_row_naming_two_indicators_stays_raw(reworded: LegacyTables) -> None:
    assert [(cell.label, cell.value) for cell in reworded.raw_cells] == [("接受行政诉讼、举报数", "2")]


def test_raw_row_keeps_the_reason(reworded: LegacyTables) -> None:
    assert reworded.raw_cells[0].reason.startswith("names complaint besides legacy.litigation.total")


def test_litigation_total_from_its_own_row(reworded: LegacyTables) -> None:
    assert _key_of(reworded, "legacy.litigation.total") == [2]


def test_table_printed_twice_is_read_once() -> None:
    table = [*HEADER, "一、主动公开情况", "-", "(一)主动公开政府信息数", "12"]
    assert parse_legacy_tables([*table, *table]).table_count == 1


# --- whole pages -------------------------------------------------------------------------


def _page(rows: str, prose: str = "") -> bytes:
    title = "某县人民政府2016年政府信息公开工作年度报告"
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>根据《中华人民共和国政府信息公开条例》规定，特向社会公布本县2016年政府信息公开工作年度报告。</p>"
        f"<p>一、概述</p><p>{prose or '本年度我县政府信息公开工作有序开展，现将有关情况报告如下。'}</p>"
        "<p>二、主动公开政府信息情况</p><p>我县主动公开政府信息，方便群众查阅。</p>"
        "<p>三、依申请公开政府信息情况</p><p>详见附表。</p>"
        f"<table border='1'><tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>{rows}</table>"
        "<p>六、存在的主要问题及改进措施</p><p>无。</p></body></html>"
    ).encode()


def _rows(*cells: tuple[str, str]) -> str:
    return "".join(f"<tr><td>{label}</td><td></td><td>{value}</td></tr>" for label, value in cells)


def test_two_rows_claiming_a_key_keep_the_better_one() -> None:
    page = _page(_rows(("五、行政诉讼数量", "3"), ("行政诉讼数", "3"), ("(一)收到申请数", "5")))
    report = process(page, "https://example.gov.cn/a.html")
    keys = [stat.key for stat in report.stats if stat.key == "legacy.litigation.total"]
    assert keys == ["legacy.litigation.total"]


def test_the_row_that_lost_its_key_is_kept_raw() -> None:
    page = _page(_rows(("五、行政诉讼数量", "3"), ("其中:行政诉讼数", "1"), ("(一)收到申请数", "5")))
    report = process(page, "https://example.gov.cn/a.html")
    assert [cell.reason for cell in report.raw_cells] == [
        "legacy.litigation.total is claimed by the row '五、行政诉讼数量'"
    ]


def test_prose_disagreeing_with_the_table_is_a_finding() -> None:
    prose = "2016年，共收到政府信息公开申请5件，其中网上申请4件。全年收到行政复议申请1件。"
    rows = _rows(("(一)收到申请数", "5"), ("1.网络申请数", "2"), ("四、行政复议数量", "0"))
    report = process(_page(rows, prose), "https://example.gov.cn/a.html")
    keys = sorted(finding.key for finding in report.validation if finding.rule == "PROSE-TABLE")
    assert keys == ["legacy.admin_review.total", "legacy.applications.received_online"]


def test_zone_committee_office_is_a_government() -> None:
    assert body_level("潍坊高新技术产业开发区管委会办公室", None, None) == COUNTY


def test_city_management_committee_stays_a_department() -> None:
    assert body_level("潍坊市城市管理委员会", "潍坊市", None) == "department"


# --- the leave-variants-out evaluation ---------------------------------------------------


def test_held_out_part_is_a_third_and_at_least_30() -> None:
    seen, held_out = split(load_variants())
    assert len(held_out) >= 30 and len(held_out) * 3 >= len(seen) + len(held_out) - 1


def test_held_out_variants_map_right() -> None:
    right, _, _, _ = score(split(load_variants())[1])
    assert right >= 0.95 * len(split(load_variants())[1])


def test_no_held_out_variant_maps_to_a_wrong_key() -> None:
    _, _, wrong, _ = score(split(load_variants())[1])
    assert wrong == 0


def test_no_variant_of_the_frozen_set_maps_to_a_wrong_key() -> None:
    _, _, wrong, _ = score(load_variants(BLIND2))
    assert wrong == 0
