"""The page's verdict: tampered or not, clone or parasite, and how far its numbers can be trusted.

Clone (P12): a page that carries a government site's identity codes but is served
from a host outside the government namespace. Parasite (P13): a page on any host
whose text is mostly spam vocabulary and has no report structure. Pages served
from loopback or reserved names are local copies whose origin is unknown, so
they are not judged as clones.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from ..model import SpamFinding, SpamReport
from . import lexicon
from .hosts import registrable_domain

GOV_SUFFIXES = (".gov.cn", ".政务", ".gov.hk", ".gov.mo")
RESERVED_SUFFIXES = (".localhost", ".test", ".example", ".invalid", ".local")
IDENTITY_MARKERS = re.compile(r"网站标识码|網站標識碼|公网安备|公網安備|党政机关")
# Findings that describe the page's provenance or a doubt, not an injection.
NOT_INJECTED = frozenset(("clone_suspected", "spam_suspected", "char_loss_suspected"))
SPAM_PAGE_SCORE = 6.0
# The combined score at which a page is tampered: the sum of its injection findings' scores.
# Chosen on the training split of tests/bench/eval_defacement.py (`--split train --sweep`):
# its clean controls score 0 and every defaced page any signal finds scores 2 or more, so 2.0
# is the highest threshold that loses none of them; one strong signal (a swap, a list of
# brands, a hidden block, a hijacked title) crosses it alone, a lone weak one (a literal tag
# line, a brand word in the title, two odd tags) does not. Chosen again after numbered names,
# channel slots and stuffed titles without brand words were added: still 2.0 (training split:
# precision 49/49, recall 49/52; no clean control scores above 0). Chosen again after pure
# Chinese phrase swaps on real pages were added to the training split and the site code's
# label became a slot: still 2.0 (precision 58/58, recall 58/66; clean controls all at 0);
# with names shared by a portal's parallel labels: still 2.0 (precision 60/60, recall 60/66);
# with hidden lists of links out (no lexicon word) and tail and hidden rows on every real
# page: still 2.0 (precision 69/69, recall 69/76); with tail lists of made-up names after
# the footer: still 2.0 (precision 70/70, recall 70/76); with names over link labels and the
# title's site name (label_swap, 2.0 confirmed, 1.0 a lone clue): still 2.0 (precision
# 192/192, recall 192/194 on the split of 194 pages; no clean control scores above 0); with
# split names, names calling the reader in and names of words foreign to the page (split_name
# 2.0), on a split of 401 pages with phrase swaps and tail lists of every brand kind: still 2.0
# (precision 370/370, recall 370/401; the next threshold, 3.0, loses 149 of them).
TAMPERED_SCORE = 2.0


def is_local_host(host: str) -> bool:
    if host == "localhost" or host.endswith(RESERVED_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private


def clone_finding(url: str, corpus: str, meta: dict[str, str]) -> SpamFinding | None:
    host = (urlsplit(url).hostname or "").lower()
    if not host or is_local_host(host):
        return None
    declared = meta.get("sitedomain", "").lower().split("/")[0].split(":")[0]
    if declared and "." in declared and not is_local_host(declared) and not host.endswith(GOV_SUFFIXES):
        if registrable_domain(declared) != registrable_domain(host):
            return SpamFinding("clone_suspected", f"{host} serves a page of {declared}", "flagged", 2.0)
    if host.endswith(GOV_SUFFIXES):
        return None
    marker = IDENTITY_MARKERS.search(corpus)
    if marker or "siteidcode" in meta:
        evidence = f"{host} carries {marker[0] if marker else 'SiteIDCode'}"
        return SpamFinding("clone_suspected", evidence, "flagged", 2.0)
    return None


def score(findings: Sequence[SpamFinding]) -> float:
    return round(sum(f.score for f in findings), 2)


def judge(
    findings: Sequence[SpamFinding], url: str, text: str, is_report: bool, corpus: str, meta: dict[str, str]
) -> SpamReport:
    found = list(findings)
    if clone := clone_finding(url, corpus, meta):
        found.append(clone)
    if not is_report and lexicon.score(text) >= SPAM_PAGE_SCORE:
        found.append(SpamFinding("spam_page", text[:160], "flagged", 4.0))
    kinds = {f.kind for f in found}
    actions = {f.action for f in found if f.kind == "brand_swap"}
    injected = [f for f in found if f.kind not in NOT_INJECTED]
    tampered = score(injected) >= TAMPERED_SCORE
    if "spam_page" in kinds:
        verdict = "spam_page"
    elif "clone_suspected" in kinds:
        verdict = "clone_low_trust"
    elif "masked" in actions and tampered:
        verdict = "tampered_unrecovered"
    elif "replaced" in actions:
        verdict = "tampered_recovered"
    elif tampered or any(f.action in ("removed", "masked") for f in injected):
        # A known brand's name masked once, below the threshold: the text was cleaned, and the
        # page is not called tampered where its flag says it is not.
        verdict = "cleaned"
    else:
        verdict = "clean"
    return SpamReport(
        tampered=tampered,
        score=score(found),
        findings=tuple(found),
        verdict=verdict,
        low_trust=verdict in ("spam_page", "clone_low_trust"),
    )
