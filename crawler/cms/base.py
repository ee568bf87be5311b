"""What a CMS adapter reads from a column page, and the shape every adapter shares.

Government CMSs hide their column paging in JavaScript or behind AJAX, and some
hide the list items too. An adapter turns one fetched page, parsed (a parsel
`Selector`), into the extra list requests and links a plain `<a href>` walk
cannot see; the spider decides what to follow. Links are read from the parsed
page; patterns are kept for what lives in script strings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parsel import Selector

# A column with more pages than this is a trap or a typo, not a report list.
MAX_LIST_PAGES = 500


@dataclass(frozen=True)
class ListRequest:
    """One more page of a column: a GET URL, or a POST with form fields (Hanweb's dataproxy)."""

    url: str
    method: str = "GET"
    formdata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FoundLink:
    """A link the page writes outside plain markup (CDATA records, script strings)."""

    url: str
    text: str = ""


def script_text(page: Selector) -> str:
    """The page's scripts, one after another (what the patterns of script strings read)."""
    return "\n".join(page.xpath("//script/text()").getall())


def page_text(page: Selector) -> str:
    """The text a reader sees (no scripts, no comments): where 共N页 is stated."""
    return " ".join(page.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]").getall())


class CmsAdapter:
    """One CMS family. Subclasses override what their family needs; the defaults find nothing."""

    name = "base"

    def matches(self, page: Selector) -> bool:
        return True

    def list_requests(self, page: Selector, page_url: str) -> list[ListRequest]:
        return []

    def links(self, page: Selector, page_url: str) -> list[FoundLink]:
        return []

    def past_last_page(self, page: Selector) -> Callable[[str], bool]:
        """Whether a link of this page goes to a list page past the last one its pager states
        (the page is read once, the test asked of each link)."""
        return _nowhere


def _nowhere(url: str) -> bool:
    return False
