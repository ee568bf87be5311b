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


def hit_spans(text: str, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """Non-overlapping spans of spam vocabulary, merged: one brand is one hit."""
    lexicon = lexicon or load_lexicon()
    masked = text
    for phrase in lexicon.benign:
        masked = masked.replace(phrase, " " * len(phrase))
    lowered = masked.lower()
    spans: list[tuple[int, int]] = []
    for term in lexicon.terms:
        start = lowered.find(term.lower())
        while start != -1:
            spans.append((start, start + len(term)))
            start = lowered.find(term.lower(), start + 1)
    spans += [m.span() for m in _BRAND_TOKEN.finditer(masked)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def lexicon_hits(text: str, lexicon: Lexicon | None = None) -> list[str]:
    return [text[start:end] for start, end in hit_spans(text, lexicon)]


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
    """A line made of spam names rather than sentences: a link farm or keyword list.

    A report sentence that merely carries a swapped brand is not one: the brand is
    a single hit inside ordinary prose, and the line is kept for the name-recovery
    stage. A list is several hits that, with their separators, make up most of the line.
    """
    spans = hit_spans(line)
    if len(spans) < 3:
        return False
    covered = sum(end - start for start, end in spans)
    text_chars = len(re.sub(r"\s", "", line))
    tokens = line.split()
    spam_tokens = sum(1 for token in tokens if hit_spans(token))
    return covered >= 0.5 * text_chars or (len(tokens) >= 3 and spam_tokens >= 0.6 * len(tokens))


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
