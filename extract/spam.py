"""Find what spammers injected into a report page.

This is the first layer: garbage tags and hidden blocks in the DOM, keyword
lists (link farms) in the text, and casino brands written over the reporting
body's name in the title. Every hit becomes a finding with its evidence; only
whole separable units (an element, a whole line) are removed, never characters
inside a report sentence.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lxml import etree

from .model import SpamFinding

# Tags that a hijacker inserts with a random id as a fingerprint (seed 003: <wbr id="cxndz">).
_GARBAGE_TAGS = ("wbr",)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A brand in a link farm is a short name glued to 娱乐 / 娛樂 (天辰娱乐, 摩臣2娱乐).
_BRAND_TOKEN = re.compile(r"[\w·]{1,8}?(?:娱乐|娛樂)")
_SENTENCE_PUNCT = re.compile(r"[。；;，,：:]")


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[str, ...]
    benign: tuple[str, ...]


@cache
def load_lexicon() -> Lexicon:
    """The lexicon is immutable package data, read once."""
    data = resources.files("extract") / "data"
    with (data / "spam_lexicon.csv").open(encoding="utf-8") as handle:
        terms = tuple(row["term"] for row in csv.DictReader(handle))
    with (data / "spam_benign.csv").open(encoding="utf-8") as handle:
        benign = tuple(row["phrase"] for row in csv.DictReader(handle))
    return Lexicon(terms, benign)


def lexicon_hits(text: str, lexicon: Lexicon | None = None) -> list[str]:
    lexicon = lexicon or load_lexicon()
    for phrase in lexicon.benign:
        text = text.replace(phrase, " ")
    lowered = text.lower()
    hits = [term for term in lexicon.terms if term.lower() in lowered]
    hits += [m.group(0) for m in _BRAND_TOKEN.finditer(text) if not any(m.group(0) in h for h in hits)]
    return hits


def strip_dom_spam(tree: etree._Element) -> list[SpamFinding]:
    """Remove garbage tags and inline-hidden blocks in place; report each."""
    findings: list[SpamFinding] = []
    for element in list(tree.iter(*_GARBAGE_TAGS)):
        if element.get("id") or element.get("class"):
            evidence = etree.tostring(element, encoding="unicode", with_tail=False)[:120]
            findings.append(SpamFinding("garbage_tag", evidence, "removed"))
            element.drop_tree()
    for element in list(tree.iter()):
        style = element.get("style") if isinstance(element.tag, str) else None
        if style and _HIDDEN_STYLE.search(style):
            text = " ".join(element.text_content().split())
            if text and lexicon_hits(text):
                findings.append(SpamFinding("hidden_block", text[:120], "removed"))
                element.drop_tree()
    return findings


def is_keyword_list(line: str) -> bool:
    """A line made of spam names rather than sentences: a link farm or keyword list."""
    hits = lexicon_hits(line)
    if len(hits) < 3:
        return False
    return len(_SENTENCE_PUNCT.findall(line)) <= len(hits) // 3


def strip_keyword_lists(lines: Sequence[str]) -> tuple[list[str], list[SpamFinding]]:
    kept: list[str] = []
    findings: list[SpamFinding] = []
    for line in lines:
        if is_keyword_list(line):
            findings.append(SpamFinding("keyword_list", line[:200], "removed"))
        else:
            kept.append(line)
    return kept, findings


def brand_findings(field: str, value: str | None) -> list[SpamFinding]:
    """A casino brand in the title or the reporting body's name: the name was swapped."""
    if not value:
        return []
    hits = lexicon_hits(value)
    return [SpamFinding("brand_swap", f"{field}: {value} ({', '.join(hits)})", "flagged")] if hits else []


def score(findings: Sequence[SpamFinding]) -> float:
    return round(sum(f.score for f in findings), 2)
