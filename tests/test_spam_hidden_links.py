"""Links out of the site moved where no reader sees them, whatever the brands' names.

The defaced page is a real portal page of ../shared with brands of the training split that
no word list knows; the clean blocks are what portals hide themselves: drop-down menus
folded away with display:none, and lists of other government sites.
"""

import pytest

from extract.html import parse_html
from extract.spam.dom import scan_dom

from .helpers.defaced import defaced_report

BRANDS = ["锦绣阁", "银龙湾", "吉利坊", "宏图汇", "金麒麟", "鼎丰园"]
URL = "http://www.zhucheng.gov.cn/xxgk/ndbg/t20180330_9.html"


@pytest.fixture(scope="module")
def hidden_links():
    return defaced_report(BRANDS[0], "hidden_block", "corpus:mhxqwer__jchgz.gov.cn", BRANDS)


@pytest.mark.shared
def test_hidden_links_are_a_hidden_block_finding(hidden_links):
    assert "hidden_block" in {f.kind for f in hidden_links.spam.findings}


@pytest.mark.shared
def test_hidden_links_page_is_tampered(hidden_links):
    assert hidden_links.spam.tampered


def _kinds(block: str) -> set[str]:
    tree = parse_html(f"<html><body><p>正文内容。</p>{block}</body></html>")
    return {f.kind for f in scan_dom(tree, URL).findings}


def _links(hosts: list[str]) -> str:
    return " ".join(
        f"<a href='http://{host}/'>{name}</a>" for name, host in zip(BRANDS[: len(hosts)], hosts, strict=True)
    )


FOREIGN = [f"www.b{i}x.example" for i in range(6)]


def test_off_screen_links_out_are_a_hidden_block():
    assert "hidden_block" in _kinds(f"<div style='position:absolute;left:-9999px'>{_links(FOREIGN)}</div>")


def test_links_out_in_text_of_size_zero_are_a_hidden_block():
    assert "hidden_block" in _kinds(f"<div style='font-size:0px'>{_links(FOREIGN)}</div>")


@pytest.mark.parametrize(
    "block",
    [
        # A drop-down menu folded away until the pointer comes.
        f"<ul style='display:none'>{_links(FOREIGN)}</ul>",
        # Other government sites, off screen: trusted hosts, not links out.
        f"<div style='position:absolute;left:-9999px'>{_links([f'www.s{i}.gov.cn' for i in range(6)])}</div>",
        # Too few links to be a list.
        f"<div style='position:absolute;left:-9999px'>{_links(FOREIGN[:3])}</div>",
    ],
)
def test_a_portal_s_own_hidden_blocks_are_kept(block):
    assert "hidden_block" not in _kinds(block)
