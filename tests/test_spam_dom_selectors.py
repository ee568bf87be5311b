"""The hiding classes and ids the DOM pass hands on are those of the tree it leaves behind.

The metadata grid stage reads them after the pass instead of parsing the <style> blocks
again, so a <style> that left with a removed block must no longer count.
"""

from extract.html import parse_html
from extract.spam.dom import hidden_selectors, scan_dom

URL = "http://www.zhucheng.gov.cn/xxgk/ndbg/t20180330_9.html"
HEAD = "<head><style>.fold{display:none} #away{left:-9999px}</style></head>"
LINKS_OUT = " ".join(f"<a href='http://www.b{i}x.example/'>锦绣阁{i}</a>" for i in range(6))


def test_clean_page_hands_on_its_selectors():
    tree = parse_html(f"<html>{HEAD}<body><p>正文内容。</p></body></html>")
    assert scan_dom(tree, URL).hidden_selectors == {".fold": "display_none", "#away": "off_screen"}


def test_style_removed_with_a_block_no_longer_counts():
    block = (
        f"<div style='position:absolute;left:-9999px'><style>.inner{{display:none}}</style>{LINKS_OUT}</div>"
    )
    tree = parse_html(f"<html>{HEAD}<body><p>正文内容。</p>{block}</body></html>")
    scan = scan_dom(tree, URL)
    assert scan.hidden_selectors == hidden_selectors(tree) == {".fold": "display_none", "#away": "off_screen"}


def test_removed_block_was_removed():
    block = (
        f"<div style='position:absolute;left:-9999px'><style>.inner{{display:none}}</style>{LINKS_OUT}</div>"
    )
    tree = parse_html(f"<html>{HEAD}<body><p>正文内容。</p>{block}</body></html>")
    assert "hidden_block" in {f.kind for f in scan_dom(tree, URL).findings}


def test_a_style_written_in_capitals_hides_as_in_lower_case():
    # CSS reads property names and keywords case-blind: DISPLAY:NONE hides as display:none does.
    head = (
        "<head><style>.FOLD{DISPLAY:NONE} #Away{Left:-9999PX} .cam{Color:#FFF;Background:#fff}</style></head>"
    )
    tree = parse_html(f"<html>{head}<body><p>正文内容。</p></body></html>")
    assert hidden_selectors(tree) == {
        ".FOLD": "display_none",
        "#Away": "off_screen",
        ".cam": "colour_camouflage",
    }
