"""Who a page belongs to, read from what cloners leave alone (spec §5.1).

Cloners rewrite names, not codes: the host, e-mail domains, the 网站标识码, the
公网安备 number, 索引号 credit codes, 文号 prefixes, telephone area codes and the
names of neighbouring places survive. Each clue votes for divisions; the
*author* of the report (the body whose name was swapped in the text) and the
*host* (the site whose footer the page carries) are told apart, because a
provincial portal reposting a city's report carries the province's codes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..chars import HAN, is_han
from ..gazetteer import Division, Gazetteer, gazetteer

SITE_ID_RE = re.compile(r"(?:标识码|標識碼)\s*[:：]?\s*(\d{10})")
POLICE_RE = re.compile("(" + HAN + r")?\s*公[网網]安[备備]\s*(\d{14})")
ICP_RE = re.compile("(" + HAN + r")ICP[备備]")
# (?<![\d\w])1 and (?<!\d)0 with the digit first: a pattern that opens with a literal
# character is searched for in C, one that opens with a lookbehind is tried everywhere.
CREDIT_RE = re.compile(r"1(?<![\d\w]1)[1-9](\d{6})[0-9A-Z]{2,10}(?![\d])")
DOC_NUMBER_RE = re.compile("(" + HAN + r"{2,7}?)\s*[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*\d{1,4}\s*号")
AREA_CODE_RE = re.compile(r"(0(?<!\d0)\d{2,3})[-－—)）\s]\s*\d{7,8}(?!\d)")
GOV_DOMAIN_RE = re.compile(r"(?:[a-z0-9-]+\.)*?([a-z0-9-]+)\.gov\.cn", re.I)
GOV_HOST_RE = re.compile(r"[a-z0-9.-]+\.gov\.cn", re.I)
# The other patterns open with a character class or an optional part, so a search tries
# them at every position of a page. The finders below look for the literal word every
# match holds (a search in C), and try the pattern only where the match would start.
_SITE_ID_WORDS = tuple(re.compile(word + r"\s*[:：]?\s*(\d{10})") for word in ("标识码", "標識碼"))
_POLICE_WORD = re.compile("公[网網]安[备備]")
_ICP_WORD = re.compile("ICP[备備]")
_YEAR_IN_BRACKETS = tuple(re.compile(re.escape(b) + "(?:19|20)\\d{2}[〕\\]］)）]") for b in "〔[［(（")
_GOV_SUFFIX = re.compile(r"\.gov\.cn", re.I)
_HOST_CHAR = re.compile(r"[a-z0-9.-]", re.I)
# The level the report speaks at: 我县 / 全县 is a county's report.
LEVEL_CUES = {
    3: ("我县", "全县", "县政府", "我旗", "全旗", "我区", "全区", "区政府"),
    2: ("我市", "全市", "市政府", "我州", "全州"),
    1: ("我省", "全省", "省政府"),
}
WEIGHTS = {
    "domain": 3.0,
    "site_id": 2.0,
    "credit_code": 2.0,
    "doc_prefix": 2.0,
    "area_code": 1.5,
    "place": 1.0,
    "site_name": 3.0,
    "site_code": 2.0,
}


# Below this confidence in a city or county, a provincial portal's page is the province's.
PROVINCE_FALLBACK_BELOW = 0.6
OWN_CLUES = ("domain", "文号", "索引号", "SiteName")


@dataclass
class Evidence:
    province_votes: Counter[str] = field(default_factory=Counter)
    host_codes: list[str] = field(default_factory=list)  # divisions of the hosting site
    domains: list[str] = field(default_factory=list)  # first labels of .gov.cn hosts
    doc_prefixes: list[str] = field(default_factory=list)
    area_codes: list[str] = field(default_factory=list)  # division codes
    credit_codes: list[str] = field(default_factory=list)
    places: list[Division] = field(default_factory=list)
    level: int | None = None
    clues: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)  # divisions the page's own site name names


def gather(corpus: str, url: str, meta: dict[str, str], written_over: Collection[str] = ()) -> Evidence:
    """What the page tells of its identity. `written_over`: the names found swapped in, which
    are no evidence of it (成都 written over 抚顺 names a place of Sichuan ten times)."""
    g = gazetteer()
    found = Evidence()
    for code in dict.fromkeys(_all_site_ids(corpus, meta)):
        if code[:6] in g.by_code:
            found.host_codes.append(code[:6])
            found.province_votes[code[:2] + "0000"] += 2
            found.clues.append(f"网站标识码 {code}")
    for abbreviation, number in _police_numbers(corpus):
        if number[:6] in g.by_code:
            found.host_codes.append(number[:6])
            found.province_votes[number[:2] + "0000"] += 2
            found.clues.append(f"公网安备 {number}")
        _vote_abbreviation(g, abbreviation, found, 1)
    for abbreviation in _icp_marks(corpus):
        _vote_abbreviation(g, abbreviation, found, 1)
    for code in CREDIT_RE.findall(corpus[:3000]):
        if code in g.by_code and g.by_code[code].level >= 2:
            found.credit_codes.append(code)
            found.province_votes[code[:2] + "0000"] += 2
            found.clues.append(f"索引号/信用代码 {code}")
    # <meta name="SiteName">: the site's own name, which cloners leave in the head.
    for division in g.names_in(meta.get("sitename", "")):
        found.site_names.append(division.code)
        found.province_votes[division.province] += 2
        found.clues.append(f"SiteName {division.name}")
    hosts = [urlsplit(url).hostname or ""] + _gov_hosts(corpus)
    for host in hosts:
        if (label := gov_label(host)) and label not in ("www", "gov", "zwgk", "xxgk"):
            found.domains.append(label)
    for label in dict.fromkeys(found.domains):
        # baotou.gov.cn: a full pinyin name is nearly specific (fushun is 抚顺 and 富顺).
        for division in (d for d in g.by_pinyin.get(label, ()) if d.level >= 2):
            found.province_votes[division.province] += 2
            found.clues.append(f"host {label} = {division.name}")
    found.doc_prefixes = list(dict.fromkeys(_doc_prefixes(corpus)))
    for first in dict.fromkeys(p[0] for p in found.doc_prefixes):
        _vote_abbreviation(g, first, found, 0.5)
    for area in AREA_CODE_RE.findall(corpus):
        if code := g.area_codes.get(area):
            found.area_codes.append(code)
            found.province_votes[code[:2] + "0000"] += 1
    found.places = [
        place
        for place in g.names_in(corpus)
        if place.short not in written_over and place.name not in written_over
    ]
    for place in {p.code: p for p in found.places}.values():
        found.province_votes[place.province] += 1
    levels = {level: sum(corpus.count(cue) for cue in cues) for level, cues in LEVEL_CUES.items()}
    if any(levels.values()):
        found.level = max(levels, key=lambda lv: levels[lv])
    return found


def gov_label(host: str) -> str:
    """The label before .gov.cn of a government host (www.gz.gov.cn → gz), else ""."""
    match = GOV_DOMAIN_RE.fullmatch(host.lower())
    return match[1] if match else ""


def site_code_divisions(corpus: str, meta: dict[str, str]) -> list[Division]:
    """The divisions of the site's own codes (网站标识码, 公网安备), without the rest of gather()."""
    g = gazetteer()
    codes = [code[:6] for code in _all_site_ids(corpus, meta)] + [n[:6] for _, n in _police_numbers(corpus)]
    return [g.by_code[code] for code in dict.fromkeys(codes) if code in g.by_code]


def _all_site_ids(corpus: str, meta: dict[str, str]) -> list[str]:
    """The 网站标识码 of the text, then that of <meta name="SiteIDCode">."""
    return _site_ids(corpus) + [c for c in [meta.get("siteidcode", "")] if re.fullmatch(r"\d{10}", c)]


def _site_ids(corpus: str) -> list[str]:
    """SITE_ID_RE.findall(corpus): the matches of its two words, which cannot overlap, in order."""
    matches = [m for pattern in _SITE_ID_WORDS for m in pattern.finditer(corpus)]
    return [m[1] for m in sorted(matches, key=lambda m: m.start())]


def _police_numbers(corpus: str) -> list[tuple[str, str]]:
    """POLICE_RE.findall(corpus), tried only where 公网安备 stands.

    A match is an optional Chinese character, spaces, the word and its number. Scanning
    from where the last match ended, the first start that fits is the Chinese character
    before the spaces before the word, else the first of those spaces, else the word.
    """
    found: list[tuple[str, str]] = []
    end = 0
    for word in _POLICE_WORD.finditer(corpus):
        start = word.start()
        while start > end and corpus[start - 1].isspace():
            start -= 1
        if start > end and is_han(corpus[start - 1]):
            start -= 1
        if match := POLICE_RE.match(corpus, start):
            found.append(match.groups(default=""))
            end = match.end()
    return found


def _icp_marks(corpus: str) -> list[str]:
    """ICP_RE.findall(corpus): the Chinese character before each ICP备 no earlier match holds."""
    found: list[str] = []
    end = 0
    for word in _ICP_WORD.finditer(corpus):
        start = word.start() - 1
        if start >= end and is_han(corpus[start]):
            found.append(corpus[start])
            end = word.end()
    return found


def _doc_prefixes(corpus: str) -> list[str]:
    """DOC_NUMBER_RE.findall(corpus), tried only before a bracketed year.

    A match's two to seven Chinese characters run up to the spaces before the bracket:
    scanning from where the last match ended, it starts at the earliest of them.
    """
    brackets = sorted(m.start() for pattern in _YEAR_IN_BRACKETS for m in pattern.finditer(corpus))
    found: list[str] = []
    end = 0
    for bracket in brackets:
        stop = bracket  # where the Chinese characters stop
        while stop > end and corpus[stop - 1].isspace():
            stop -= 1
        start = stop
        while start > max(end, stop - 7) and is_han(corpus[start - 1]):
            start -= 1
        if stop - start >= 2 and (match := DOC_NUMBER_RE.match(corpus, start)):
            found.append(match[1])
            end = match.end()
    return found


def heads_a_document_number(corpus: str, name: str) -> bool:
    """The page writes `name` right before a bracketed year (朗人大〔2020〕05号): the prefix of a
    document number, the short name its issuer numbers its documents by."""
    at = corpus.find(name)
    while at != -1:
        after = at + len(name)
        while corpus[after : after + 1].isspace():
            after += 1
        if any(pattern.match(corpus, after) for pattern in _YEAR_IN_BRACKETS):
            return True
        at = corpus.find(name, at + 1)
    return False


def _gov_hosts(corpus: str) -> list[str]:
    """GOV_HOST_RE.findall(corpus), read only in the runs of host characters that hold .gov.cn.

    A match is made of host characters, so the matches of the whole text are those of
    each run of them, and a run without .gov.cn has none.
    """
    found: list[str] = []
    end = 0
    for suffix in _GOV_SUFFIX.finditer(corpus):
        if suffix.start() < end:
            continue  # in the run just read
        start = suffix.start()
        while start > 0 and _HOST_CHAR.match(corpus, start - 1):
            start -= 1
        end = suffix.end()
        while end < len(corpus) and _HOST_CHAR.match(corpus, end):
            end += 1
        found += GOV_HOST_RE.findall(corpus, start, end)
    return found


def _vote_abbreviation(g: Gazetteer, abbreviation: str, found: Evidence, weight: float) -> None:
    for code in g.abbreviations.get(abbreviation, ()):
        found.province_votes[code] += weight


@dataclass(frozen=True)
class PlacesNamed:
    """The divisions a page names, indexed once for scoring every candidate."""

    codes: set[str]
    children: dict[str, set[str]]  # parent code → codes of its named children

    @classmethod
    def of(cls, places: Sequence[Division]) -> PlacesNamed:
        children: dict[str, set[str]] = defaultdict(set)
        for place in places:
            children[place.parent].add(place.code)
        return cls({p.code for p in places}, dict(children))


@dataclass(frozen=True)
class Recovery:
    author: Division | None
    host: Division | None
    confidence: float
    clues: tuple[str, ...]


@dataclass(frozen=True)
class _Known:
    """The evidence as sets, looked up once for each candidate division."""

    domains: frozenset[str]
    prefixes_by_first: dict[str, frozenset[str]]  # 文号 prefixes by first character, province marks left out
    credit_codes: frozenset[str]
    area_codes: frozenset[str]
    site_names: frozenset[str]
    host_codes: frozenset[str]

    @classmethod
    def of(cls, ev: Evidence, province_marks: frozenset[str]) -> _Known:
        by_first: dict[str, set[str]] = defaultdict(set)
        for prefix in ev.doc_prefixes:
            # A prefix opening with the province's own abbreviation (辽政办明电) is the province's.
            if prefix[0] not in province_marks:
                by_first[prefix[0]].add(prefix)
        return cls(
            frozenset(ev.domains),
            {first: frozenset(found) for first, found in by_first.items()},
            frozenset(ev.credit_codes),
            frozenset(ev.area_codes),
            frozenset(ev.site_names),
            frozenset(ev.host_codes),
        )


def _candidate_score(
    g: Gazetteer, division: Division, known: _Known, places: PlacesNamed
) -> tuple[float, list[str]]:
    score = 0.0
    clues: list[str] = []
    if division.pinyin in known.domains or division.initials in known.domains:
        score += WEIGHTS["domain"]
        clues.append(f"domain {division.pinyin}/{division.initials}")
    if prefixes := known.prefixes_by_first.get(division.short[:1]):
        score += WEIGHTS["doc_prefix"]
        clues.append("文号 " + "/".join(sorted(prefixes)))
    if division.code in known.credit_codes:
        score += WEIGHTS["credit_code"]
        clues.append(f"索引号 {division.code}")
    if division.code in known.site_names:
        score += WEIGHTS["site_name"]
        clues.append(f"SiteName {division.name}")
    if division.code in known.host_codes:
        score += WEIGHTS["site_code"]
        clues.append(f"网站标识码 {division.code}")
    if division.code in known.area_codes or division.parent in known.area_codes:
        score += WEIGHTS["area_code"]
        clues.append("area code")
    children = places.children.get(division.code, set())
    if division.parent in places.codes:
        score += WEIGHTS["place"]
        clues.append(f"parent {g.by_code[division.parent].name} named")
    if children:
        score += WEIGHTS["place"]
        clues.append("districts named: " + ",".join(g.by_code[c].name for c in sorted(children)[:3]))
    return score, clues


def recover(ev: Evidence) -> Recovery:
    """The report's author and the page's host, with a confidence for the author."""
    g = gazetteer()
    host = None
    if ev.host_codes:
        host = g.by_code[Counter(ev.host_codes).most_common(1)[0][0]]
        if host.level == 3 and ev.host_codes.count(host.code) == 1 and len(set(ev.host_codes)) > 1:
            host = g.by_code[sorted(set(ev.host_codes), key=len)[0]]
        # A 公网安备 district is where the server's owner files, not the site: prefer the site code.
        site_level = [g.by_code[c] for c in ev.host_codes if g.by_code[c].level < 3]
        host = site_level[0] if site_level else host
    if not ev.province_votes:
        return Recovery(None, host, 0.0, tuple(ev.clues))
    top = ev.province_votes.most_common(1)[0][1]
    provinces = {code for code, votes in ev.province_votes.items() if votes >= top - 0.5}
    levels = (ev.level,) if ev.level in (2, 3) else (2, 3)
    if ev.level == 2:
        levels = (2, 3)  # a county-level city also says 我市
    marks = frozenset(a for a, codes in g.abbreviations.items() if provinces & set(codes))
    scored = []
    places = PlacesNamed.of(ev.places)
    candidates = [d for province in provinces for d in g.by_province.get(province, ())]
    if len(provinces) > 1:
        candidates.sort(key=lambda d: g.rank[d.code])  # the gazetteer's order settles equal scores
    known = _Known.of(ev, marks)
    for division in candidates:
        if division.level not in levels:
            continue
        score, clues = _candidate_score(g, division, known, places)
        if ev.level == 2 and division.level == 3:
            score -= 0.5  # 我市 leans to a prefecture-level city
        if score > 0:
            scored.append((score, division, clues))
    scored.sort(key=lambda item: -item[0])
    province = _province_site(ev, host)
    if not scored:
        return province or Recovery(None, host, 0.0, tuple(ev.clues))
    best_score, best, clues = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    # Confidence is the lead over the runner-up, in units of one strong clue (3 points).
    confidence = round(min(1.0, (best_score - second) / 3.0), 2)
    # On a provincial portal, a district's police filing and telephone code say where the
    # server sits, not whose name was written over: only the text's own clues (its host's
    # name, 文号, credit codes, SiteName) make a city or county the author there.
    if province and (confidence < PROVINCE_FALLBACK_BELOW or not any(c.startswith(OWN_CLUES) for c in clues)):
        return province
    return Recovery(best, host, confidence, tuple(ev.clues + clues))


def _province_site(ev: Evidence, host: Division | None) -> Recovery | None:
    """A provincial portal's own page: its site code and its SiteName name the same province.

    No city or county stands out there (a provincial news page names many), so the name a
    cloner wrote over is the province's, which the page tells twice.
    """
    if host is None or host.level != 1 or host.code not in ev.site_names:
        return None
    clue = f"province portal: 网站标识码 and SiteName name {host.name}"
    return Recovery(host, host, 1.0, (*ev.clues, clue))
