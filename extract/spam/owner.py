"""A name slot that names a place the page's owner is not, while the page never names its owner.

A defacer may write a real place's name over the owner's (江苏省人民政府 → 三亚省人民政府,
广州市 → 西湖市): no word shape and no gazetteer miss shows it. The page's identity does:
its host (jiangsu.gov.cn), 网站标识码 and 公网安备 numbers name one body; a page of that
body names it, in its footer at least. When the title's or footer's name slot names an
unrelated division over and over and the owner's name stands nowhere on the page, the slot's
name was written over the owner's. A city's site naming a district of its own, a province's
site reposting a city's report, or a news page naming another city while its footer names its
own are all left alone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..gazetteer import Division, gazetteer
from .evidence import Recovery, gather, gov_label, recover, site_code_divisions
from .names import MIN_CONFIDENCE
from .shape import load_shapes
from .slots import LEVEL_CHARS, LEVEL_ENDS, MIN_REPEATS, is_foreign_name, slot_matches


def divisions_named(token: str) -> list[Division]:
    """The divisions a slot's token may name: its full name, or a short name with a level."""
    g = gazetteer()
    found = [*g.by_any_name.get(token, ())]
    for level in LEVEL_CHARS:
        found += g.by_any_name.get(token + level, ())
    for full in g.by_prefix.get(token[:2], ()):
        if full.startswith(token) and len(full) - len(token) <= 5:
            found += g.by_name[full]
    return list({d.code: d for d in found}.values())


def slot_places(title: str, footer: str, corpus: str) -> list[str]:
    """Division names in the title's and the footer's name slots that the page repeats."""
    tokens: list[str] = []
    for _, match in slot_matches(title, footer):
        # A hierarchy (武汉市洪山) is read by its last part: a swap writes over that one.
        token = [part for part in LEVEL_ENDS.split(match[1]) if part][-1]
        if (
            len(token) >= 2
            and token not in tokens
            and not is_foreign_name(token)
            and corpus.count(token) >= MIN_REPEATS
            and divisions_named(token)
        ):
            tokens.append(token)
    return tokens


def odd_hierarchies(title: str, footer: str, corpus: str) -> list[str]:
    """Slot names that hold a level character and are no hierarchy of places (都市丽人市,
    北京市金三角区区): what is left after the places that open the name, repeated on the page.

    A development zone (连云港经济技术开发区) is such a name too: only the owner test of
    owner_conflicts (the footer never names the site's owner) tells a swap from it.
    """
    found: list[str] = []
    for _, match in slot_matches(title, footer):
        parts = [part for part in LEVEL_ENDS.split(match[1]) if part]
        while len(parts) > 1 and not is_foreign_name(parts[0]) and divisions_named(parts[0]):
            parts = parts[1:]  # 北京市 opens 北京市金三角区: a place, read past
        rest = "".join(parts)
        has_level = any(char in LEVEL_CHARS for char in rest)
        # 全市, 本县: one character and a level is a collective, no name.
        agency = rest.endswith(load_shapes().agency_ends)
        if len(rest.rstrip(LEVEL_CHARS)) < 2 or not has_level or agency or rest in found:
            continue
        if divisions_named(rest) or corpus.count(rest) < MIN_REPEATS:
            continue
        found.append(rest)
    return found


def _host_divisions(label: str) -> tuple[Division, ...]:
    """The divisions a host's first label spells, in full pinyin (fushun) or initials (gz)."""
    if not label:
        return ()
    g = gazetteer()
    return (*g.by_pinyin.get(label, ()), *g.by_initials.get(label, ()))


def _agrees_with_host(divisions: list[Division], label: str) -> bool:
    """The host spells one of the divisions or one above it (fcgs.gov.cn, bjdx.gov.cn, gz.gov.cn).

    Only a shortcut past reading the page's codes: initials are shared (gz is 广州 and 贵州),
    so a swap between two such places is left to the rest of the spam layer.
    """
    g = gazetteer()
    # A label that is a place's full pinyin (fushun, shaanxi) is read as that: initials inside
    # it (sh: 上海) spell nothing. Initials spell a label at one of its ends (bjdx: 北京 大兴).
    by_initials = label not in g.by_pinyin
    for division in divisions:
        for d in (division, *g.ancestors(division.code)):
            if d.pinyin in label:
                return True
            ends = label.startswith(d.initials) or label.endswith(d.initials)
            if by_initials and len(d.initials) >= 2 and ends:
                return True
    return False


def _related(a: Division, b: Division) -> bool:
    g = gazetteer()
    return a.code in g.lineage(b.code) or b.code in g.lineage(a.code)


def owner_conflicts(
    title: str,
    footer: str,
    corpus: str,
    url: str,
    meta: dict[str, str],
    coded: list[Division] | None = None,
    recovery: Recovery | None = None,
) -> tuple[dict[str, Division], Recovery | None]:
    """Slot names the page's owner is not → the owner; and the recovery read, if any was.

    `coded` (the divisions of the site's codes) and `recovery`: what the caller already read
    of this page, so that it is not read twice.
    """
    # Where a page names its owner: the footer (版权所有, 主办), else anywhere on it. A script
    # or a link may keep the old name on a defaced page; the footer a defacer rewrote does not.
    owner_lines = footer or corpus
    label = gov_label(urlsplit(url).hostname or "")
    if any(d.short in owner_lines for d in _host_divisions(label)):
        return {}, None  # the page names the body its host spells
    coded = site_code_divisions(corpus, meta) if coded is None else coded
    if not label and not coded:
        return {}, None  # no identity of its own: the page's names are all there is
    if any(d.short in owner_lines for d in coded):
        return {}, None  # the page names the body its own codes name
    tokens = slot_places(title, footer, corpus)
    odd = odd_hierarchies(title, footer, corpus)
    if not tokens and not odd:
        return {}, None
    named = {token: divisions_named(token) for token in tokens}
    if not odd and label and all(_agrees_with_host(divisions, label) for divisions in named.values()):
        return {}, None
    recovery = recovery or recover(gather(corpus, url, meta, [*tokens, *odd]))
    # An author the evidence barely prefers (林芝市's seat, where the page names only the
    # city) is a guess, which names no owner: only the host or a confident author does.
    owner = recovery.host or (recovery.author if recovery.confidence >= MIN_CONFIDENCE else None)
    if owner is None or owner.short in owner_lines:
        return {}, recovery
    found = {
        token: owner for token, divisions in named.items() if not any(_related(owner, d) for d in divisions)
    }
    found.update((token, owner) for token in odd if token not in found)
    return found, recovery
