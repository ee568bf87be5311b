from __future__ import annotations

import csv

import pytest

from extract.labels import (
    LEVEL_BLOCK,
    LEVEL_DETAIL,
    LEVEL_GROUP,
    LEVEL_ITEM,
    LEVEL_NONE,
    Label,
    LexiconIndex,
    load_legacy_lexicon,
    match_legacy_row,
    normalise_label,
)

from .helpers.paths import SHARED

INDICATORS = SHARED / "spec" / "indicators.csv"


@pytest.mark.parametrize(
    ("raw", "text", "prefix", "level"),
    [
        ("一、主动公开情况", "主动公开情况", "一、", LEVEL_BLOCK),
        ("十二、机构建设和保障经费情况", "机构建设和保障经费情况", "十二、", LEVEL_BLOCK),
        (
            "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
            "主动公开政府信息数",
            "(一)",
            LEVEL_GROUP,
        ),
        ("  (一)\xa0主动 公开\n政府信息数", "主动公开政府信息数", "(一)", LEVEL_GROUP),
        ("1.政府公报公开政府信息数", "政府公报公开政府信息数", "1.", LEVEL_ITEM),
        ("1、当面申请数", "当面申请数", "1、", LEVEL_ITEM),
        ("1．当面申请数", "当面申请数", "1.", LEVEL_ITEM),
        ("（1）当面申请数", "当面申请数", "(1)", LEVEL_ITEM),
        ("①涉及国家秘密", "涉及国家秘密", "(1)", LEVEL_ITEM),
        ("其中：主动公开规范性文件数", "主动公开规范性文件数", "其中:", LEVEL_DETAIL),
        ("涉及商业秘密", "涉及商业秘密", "", LEVEL_NONE),
        # Seed 003 typos and variants, folded to the national wording.
        (
            "危机国家安全、公共安全、经济安全和社会稳定",
            "危及国家安全、公共安全、经济安全和社会稳定",
            "",
            LEVEL_NONE,
        ),
        ("危機国家安全", "危及国家安全", "", LEVEL_NONE),
        ("不是《条例》所指定应公开的政府信息", "不是条例所指政府信息", "", LEVEL_NONE),
        ("8.告知通过转其他途径办理数", "告知通过其他途径办理数", "8.", LEVEL_ITEM),
        ("5.其它方式公开政府信息数", "其他方式公开政府信息数", "5.", LEVEL_ITEM),
        ("3.网上申请数", "网络申请数", "3.", LEVEL_ITEM),
        ("四、行政复议数量", "行政复议数", "四、", LEVEL_BLOCK),
        ("危及“三安全一稳定”", "危及三安全一稳定", "", LEVEL_NONE),
        ("公(gong)开政府信息", "公开政府信息", "", LEVEL_NONE),
        # Seed 003 lost the start of "(七)" and one closing bracket.
        (")旗县(市、)未建政务服务中心(注明具体旗县)", "旗县未建政务服务中心", ")", LEVEL_GROUP),
        ("(五)旗县(市、已建成政务服务中心(注明具体旗县)", "旗县市、已建成政务服务中心", "(五)", LEVEL_GROUP),
    ],
)
def test_normalise_label(raw: str, text: str, prefix: str, level: int) -> None:
    label = normalise_label(raw)
    assert (label.text, label.prefix, label.level) == (text, prefix, level)


def test_normalise_label_keeps_the_printed_label() -> None:
    assert normalise_label(" （一）收到申请数 ").raw == "（一）收到申请数"


@pytest.fixture(scope="module")
def indicators() -> dict[str, dict[str, str]]:
    if not INDICATORS.exists():
        pytest.skip(f"{INDICATORS} is not available")
    with INDICATORS.open(encoding="utf-8", newline="") as handle:
        return {row["key"]: row for row in csv.DictReader(handle)}


@pytest.mark.shared
def test_lexicon_keys_exist_in_indicators(indicators: dict[str, dict[str, str]]) -> None:
    assert [row.key for row in load_legacy_lexicon() if row.key not in indicators] == []


@pytest.mark.shared
def test_lexicon_units_match_indicators(indicators: dict[str, dict[str, str]]) -> None:
    mismatched = [row.key for row in load_legacy_lexicon() if row.unit != indicators[row.key]["unit"]]
    assert mismatched == []


@pytest.mark.shared
def test_lexicon_covers_every_legacy_key(indicators: dict[str, dict[str, str]]) -> None:
    covered = {row.key for row in load_legacy_lexicon()}
    assert sorted(key for key in indicators if key.startswith("legacy.") and key not in covered) == []


def test_lexicon_keys_are_unique() -> None:
    keys = [row.key for row in load_legacy_lexicon()]
    assert len(keys) == len(set(keys))


def _key(raw: str, context: str) -> str | None:
    row = match_legacy_row(normalise_label(raw), context, load_legacy_lexicon())
    return row.key if row else None


@pytest.mark.parametrize(
    ("raw", "context", "key"),
    [
        ("(一)维持具体行政行为数", "行政复议数", "legacy.admin_review.upheld"),
        ("(一)维持具体行政行为或者驳回原告诉讼请求数", "行政诉讼数", "legacy.litigation.upheld"),
        ("(一)维持具体行政行为数", "被举报投诉数", "legacy.sd.complaints.upheld"),
        (
            "其中:涉及国家秘密",
            "依申请公开情况/申请答复数/不同意公开答复数",
            "legacy.applications.refused.state_secret",
        ),
        ("涉及国家秘密", "主动公开情况", None),  # the same words outside the refusal group
        ("(二)设置政府信息公开查阅点数", "机构建设和保障经费情况", "legacy.org.reading_points"),
        ("十、设置政府信息查阅点数", "", "legacy.sd.reading_points.total"),
        (
            "县市区政府(市属开发区管委会)部门",
            "设置政府信息查阅点数/县市区政府",
            "legacy.sd.reading_points.county_dept",
        ),
        (
            "县市区政府(市属开发区管委会)部门",
            "查阅点接待人数/县市区政府",
            "legacy.sd.reading_visitors.county_dept",
        ),
        (
            "其中:主要负责同志参加政府网站在线访谈数",
            "回应解读情况",
            "legacy.response.online_interviews_principal",
        ),
        ("2.政府网站在线访谈次数", "回应解读情况", "legacy.response.online_interviews"),
        ("一、主动公开情况", "", None),  # a block header is context, not a figure
    ],
)
def test_match_legacy_row(raw: str, context: str, key: str | None) -> None:
    assert _key(raw, context) == key


def test_lexicon_index_matches_the_row_the_rows_match() -> None:
    # Every row's own keywords as a label, under every row's context keywords: the index
    # (what the packaged lexicon is matched with) answers as trying the rows in order does.
    lexicon = load_legacy_lexicon()
    index = LexiconIndex.of(lexicon)
    labels = dict.fromkeys("".join(row.label_all) for row in lexicon)
    contexts = dict.fromkeys(["", *("/".join(row.context_all) for row in lexicon)])
    differing = [
        (label, context)
        for label in labels
        for context in contexts
        if index.match(label, context) is not next((r for r in lexicon if r.matches(label, context)), None)
    ]
    assert differing == []
    assert match_legacy_row(Label("", "", "", LEVEL_NONE), "", lexicon) is index.match("", "")
