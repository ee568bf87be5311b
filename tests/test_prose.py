"""Figures read from prose (spec §2.1, §9), golden figures from the hand-read seeds."""

from __future__ import annotations

import pytest

from extract.model import APPROXIMATE, OK, OWN_BODY, REGION_TOTAL, UNKNOWN_SCOPE, Stat
from extract.prose import OWN_PHRASES, REGION_PHRASES, SCOPE_MARKS, prose_figures, scope_before

from .helpers.paths import SAMPLE_PORTAL, shared_file

A = "legacy.applications."

# Seed 000 (大连 2017): ../shared/seeds/README.md plus the sentences of its sections 八 and 九.
DALIAN_PROSE: list[tuple[str, str, int]] = [
    ("legacy.proactive.items_total", REGION_TOTAL, 311003),
    (A + "received_total", REGION_TOTAL, 5516),
    (A + "received_online", REGION_TOTAL, 4929),
    (A + "received_letter", REGION_TOTAL, 379),
    (A + "received_in_person", REGION_TOTAL, 208),
    (A + "replies_total", REGION_TOTAL, 5516),
    (A + "reply_already_public", REGION_TOTAL, 1283),
    (A + "reply_granted", REGION_TOTAL, 966),
    (A + "reply_partially_granted", REGION_TOTAL, 39),
    (A + "reply_refused_total", REGION_TOTAL, 881),
    (A + "reply_not_this_agency", REGION_TOTAL, 621),
    (A + "reply_not_exist", REGION_TOTAL, 1031),
    (A + "reply_amend_requested", REGION_TOTAL, 587),
    (A + "reply_redirected", REGION_TOTAL, 108),
    (A + "refused.state_secret", REGION_TOTAL, 2),
    (A + "refused.commercial_secret", REGION_TOTAL, 282),
    (A + "refused.personal_privacy", REGION_TOTAL, 6),
    (A + "refused.security_stability", REGION_TOTAL, 74),
    (A + "refused.not_gov_info", REGION_TOTAL, 344),
    (A + "refused.other_legal_grounds", REGION_TOTAL, 173),
    ("legacy.admin_review.total", UNKNOWN_SCOPE, 49),
    ("legacy.admin_review.upheld", UNKNOWN_SCOPE, 27),
    ("legacy.admin_review.corrected", UNKNOWN_SCOPE, 5),
    ("legacy.admin_review.other", UNKNOWN_SCOPE, 17),
    ("legacy.litigation.total", UNKNOWN_SCOPE, 50),
    ("legacy.litigation.upheld", UNKNOWN_SCOPE, 32),
    ("legacy.litigation.corrected", UNKNOWN_SCOPE, 4),
    ("legacy.litigation.other", UNKNOWN_SCOPE, 14),
    ("legacy.complaints.total", UNKNOWN_SCOPE, 0),
    ("legacy.org.staff_full_time", REGION_TOTAL, 9),
    ("legacy.org.special_budget", OWN_BODY, 59),  # "市政府本级…专项经费59万元"
]


def by_key(stats: tuple[Stat, ...]) -> dict[tuple[str, str], Stat]:
    return {(stat.key, stat.scope): stat for stat in stats}


@pytest.fixture(scope="module")
def dalian() -> dict[tuple[str, str], Stat]:
    text = shared_file("seeds", "000_193d3c49623dce5c.txt").read_text("utf-8")
    return by_key(prose_figures(text, 2017))


@pytest.fixture(scope="module")
def dalian_page() -> dict[tuple[str, str], Stat]:
    """The same report as served on the sample portal, through the whole pipeline."""
    from extract.pipeline import process

    page = SAMPLE_PORTAL / "xxgk" / "ndbg" / "201803" / "t20180330_1234567.html"
    report = process(page.read_bytes(), "http://127.0.0.1:8000/xxgk/ndbg/201803/t20180330_1234567.html")
    return by_key(report.stats)


@pytest.mark.shared
@pytest.mark.parametrize(("key", "scope", "value"), DALIAN_PROSE)
def test_seed_000_prose_figure(dalian: dict[tuple[str, str], Stat], key: str, scope: str, value: int) -> None:
    assert dalian[(key, scope)].value == value


@pytest.mark.parametrize(("key", "scope", "value"), DALIAN_PROSE)
def test_sample_page_prose_figure(
    dalian_page: dict[tuple[str, str], Stat], key: str, scope: str, value: int
) -> None:
    assert dalian_page[(key, scope)].value == value


def test_page_figures_are_marked_prose(dalian_page: dict[tuple[str, str], Stat]) -> None:
    assert {stat.source for stat in dalian_page.values()} == {"prose"}


@pytest.mark.shared
def test_a_breakdown_does_not_replace_its_total(dalian: dict[tuple[str, str], Stat]) -> None:
    # "其中,市政府及其组成部门主动公开政府信息200739条" follows the 311003 total.
    assert [s.value for (k, _), s in dalian.items() if k == "legacy.proactive.items_total"] == [311003]


@pytest.mark.shared
def test_percentages_are_never_counts(dalian: dict[tuple[str, str], Stat]) -> None:
    # "属于已主动公开范围的1283件,占23.2%": 23.2 appears in no figure.
    assert all(stat.value not in (23.2, 23, 89.4) for stat in dalian.values())


@pytest.mark.shared
def test_raw_label_keeps_the_sentence(dalian: dict[tuple[str, str], Stat]) -> None:
    assert dalian[(A + "received_total", REGION_TOTAL)].raw_label == "收到政府信息公开申请5516件"


@pytest.fixture(scope="module")
def fushun() -> dict[tuple[str, str], Stat]:
    return by_key(prose_figures(shared_file("seeds", "001_24be5d677ff59441.txt").read_text("utf-8"), 2017))


@pytest.mark.shared
def test_seed_001_items_total(fushun: dict[tuple[str, str], Stat]) -> None:
    assert fushun[("legacy.proactive.items_total", REGION_TOTAL)].value == 66366


@pytest.mark.shared
def test_seed_001_normative_docs(fushun: dict[tuple[str, str], Stat]) -> None:
    assert fushun[("legacy.proactive.normative_docs_published", REGION_TOTAL)].value == 136


@pytest.mark.shared
def test_seed_001_drops_the_unscoped_part_figures(fushun: dict[tuple[str, str], Stat]) -> None:
    # 市政府及其部门 47355 and 县(区)政府及其部门 19011 are parts of the 66366.
    assert ("legacy.proactive.items_total", UNKNOWN_SCOPE) not in fushun


@pytest.fixture(scope="module")
def heishan() -> dict[tuple[str, str], Stat]:
    return by_key(prose_figures(shared_file("seeds", "002_19a69fc2833c1675.txt").read_text("utf-8"), 2018))


@pytest.mark.shared
def test_seed_002_applications_counted_in_letters(heishan: dict[tuple[str, str], Stat]) -> None:
    # "全年共收到群众政府信息公开申请信件3封"
    assert heishan[(A + "received_total", UNKNOWN_SCOPE)].value == 3


@pytest.mark.shared
@pytest.mark.parametrize("key", ["legacy.admin_review.total", "legacy.litigation.total"])
def test_seed_002_stated_zero(heishan: dict[tuple[str, str], Stat], key: str) -> None:
    # "未发生因政府信息公开而产生的投诉举报、行政复议、行政诉讼案件"
    assert heishan[(key, UNKNOWN_SCOPE)].value == 0


NUMBER_CASES = [
    ("全市共收到政府信息公开申请5.5万件。", 55000, OK),
    ("全市共收到政府信息公开申请3.4万余件。", 34000, APPROXIMATE),
    ("全市共收到政府信息公开申请约1200件。", 1200, APPROXIMATE),
    ("全市共收到政府信息公开申请三件。", 3, OK),
    ("全市共收到政府信息公开申请十一件。", 11, OK),
    ("全市共收到政府信息公开申请1,234件。", 1234, OK),
]


@pytest.mark.parametrize(("sentence", "value", "status"), NUMBER_CASES)
def test_number_conventions(sentence: str, value: int, status: str) -> None:
    (stat,) = prose_figures(sentence, 2017)
    assert (stat.value, stat.status) == (value, status)


def test_a_share_is_not_a_count() -> None:
    assert prose_figures("全市依申请公开答复中属于已主动公开范围的占23.2%。", 2017) == ()


@pytest.mark.parametrize(
    ("paragraph", "scope"),
    [
        ("全市各级行政机关共收到申请", REGION_TOTAL),
        ("我市各级政府受理申请", REGION_TOTAL),
        ("市本级共收到申请", OWN_BODY),
        ("本机关共收到申请", OWN_BODY),
        ("我市共收到申请", UNKNOWN_SCOPE),
        ("全市共有专门机构3个。市政府本级专项经费", OWN_BODY),
    ],
)
def test_scope_of_a_sentence(paragraph: str, scope: str) -> None:
    assert scope_before(paragraph, len(paragraph)) == scope


def test_every_scope_phrase_holds_a_mark() -> None:
    # scope_before skips its phrase search in text holding none of the marks
    assert all(any(mark in phrase for mark in SCOPE_MARKS) for phrase in REGION_PHRASES + OWN_PHRASES)


@pytest.mark.parametrize(
    ("paragraph", "position", "scope"),
    [
        ("其中，市政府部门主动公开200739条", 18, UNKNOWN_SCOPE),  # no mark at all
        ("本年度市本级收到申请3件；部门收到申请5件", 21, OWN_BODY),  # the paragraph's first phrase
        ("部门收到申请5件，全市收到申请9件", 7, UNKNOWN_SCOPE),  # a phrase after the figure
    ],
)
def test_scope_before_a_position(paragraph: str, position: int, scope: str) -> None:
    assert scope_before(paragraph, position) == scope


def test_new_format_prose_uses_new_keys() -> None:
    (stat,) = prose_figures("本年度新收政府信息公开申请120件。", 2021)
    assert (stat.key, stat.value) == ("applications.new_received.total", 120)


def test_new_format_prose_ignores_legacy_keys() -> None:
    assert all(
        not s.key.startswith("legacy.") for s in prose_figures("全市共收到政府信息公开申请88件。", 2021)
    )
