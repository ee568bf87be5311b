"""What a CMS adapter reads from a column page, and the shape every adapter shares.

Government CMSs hide their column paging in JavaScript or behind AJAX, and some
hide the list items too. An adapter turns one fetched page into the extra list
requests and links a plain `<a href>` walk cannot see; the spider decides what
to follow.
"""

from __future__ import annotations

from dataclasses import dataclass

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


class CmsAdapter:
    """One CMS family. Subclasses override what their family needs; the defaults find nothing."""

    name = "base"

    def matches(self, html: str) -> bool:
        return True

    def list_requests(self, html: str, page_url: str) -> list[ListRequest]:
        return []

    def links(self, html: str, page_url: str) -> list[FoundLink]:
        return []

    def beyond_last_page(self, html: str, link_url: str) -> bool:
        """A link of this page to a list page past the last one its pager states."""
        return False
