"""What a page's inline scripts do (spec P8, P11): redirect, write links, hide, obfuscate.

Scripts are read, never run. A defacer's script writes its links into the page
(document.write, innerHTML), often after encoding them (unescape('%3Ca…'), atob, \\x3c,
String.fromCharCode) so that no keyword filter reads them: the strings are decoded here
and read as the markup they write. A script may also hide a block by its id, as a
<style> rule would.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

from ..caches import memo
from ..model import SpamFinding
from .hosts import leads_off
from .text import is_spam_item

# fmt: off
TRUSTED_SCRIPT_MARKERS = (
    "_jiucuo_", "jiucuo.js", "exposure/jiucuo", "conac.cn", "kaipuyun", "hm.baidu.com/hm.js", "cnzz.com"
)
# fmt: on

_REDIRECT_SINK = re.compile(
    r"(?:window\.|top\.|self\.|document\.)?location(?:\.href)?\s*=(?!=|\s*(?:yes|no|[01])\b)|location\.replace\s*\(",
    re.I,
)
# location=yes is a window feature. A window opened on a click is a share button or a
# help desk, not a redirect, unless the script tests who is visiting.
_POPUP_SINK = re.compile(r"window\.open\s*\(", re.I)
# Every sink's match holds "location" within its first ten characters. The case-blind pattern
# is tried at every position of a script; these exact case-blind spellings of the word (re.I
# also lets i match İ and ı) let the engine skip to where it stands first.
_LOCATION = re.compile("[lL][oO][cC][aA][tT][iI\u0130\u0131][oO][nN]")
_SINK_REACH = len("document.")
# A user-agent test for phones is a mobile redirect; a test for search engines or their
# visitors (or the hour) is cloaking.
_CLOAK_GUARD = re.compile(
    r"document\.referrer|spider|bot\b|baidu|sogou|so\.com|sm\.cn|bing|google|getHours\s*\(", re.I
)
# An address in a string: "//console.log" in a comment is not one.
_URL = re.compile(r"(?:https?:|[\"'])//([a-z0-9.-]+\.[a-z]{2,})", re.I)
_WRITE = re.compile(r"document\.write(?:ln)?\s*\(", re.I)
# Other ways a script puts markup into the page. A portal builds its own menus and tabs so:
# what they write counts only where it is hidden or its links' words read as spam.
_INSERT = re.compile(r"\.(?:inner|outer)HTML\s*\+?=|\.insertAdjacentHTML\s*\(", re.I)
_LINK = re.compile(r"<a\s", re.I)
_HIDDEN_MARKUP = re.compile(r"<(?:div|iframe|span|p)\b[^>]*(?:display\s*:\s*none|width=.?0)", re.I)
_ANCHOR_WORDS = re.compile(r"<a\s[^>]*>\s*([^<>]{1,40}?)\s*</a>", re.I)
# Each with literals one of which every match holds: a script without it is not searched (the case-blind
# and alternation patterns are tried at every character of a script otherwise).
_OBFUSCATION = (
    (("eval",), re.compile(r"eval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,\s*[dr]\s*\)")),
    (
        ("atob", "eval", "document.write"),
        re.compile(r"(?:atob|eval|document\.write)\s*\(\s*['\"][A-Za-z0-9+/=]{200,}"),
    ),
    (("\\x",), re.compile(r"(?:\\x[0-9a-fA-F]{2}){50,}")),
    (("%u",), re.compile(r"(?:%u[0-9a-fA-F]{4}){50,}")),
    (("fromCharCode",), re.compile(r"String\.fromCharCode\s*\((?:\s*\d+\s*,){29,}")),
    (("64,",), re.compile(r"data:text/html;base64,", re.I)),
)
# Encoded strings, by how they are written: percent escapes (unescape, decodeURIComponent) or
# \x and \u escapes inside a string literal, a base64 literal handed to atob, character codes.
_LITERAL = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"")
_PERCENT = re.compile(r"%(?:u[0-9a-fA-F]{4}|[0-9a-fA-F]{2})")
_BACKSLASH = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))")
_MIN_ESCAPES = 3
_ATOB = re.compile(r"atob\s*\(\s*['\"]([A-Za-z0-9+/=]{8,})['\"]")
_CHAR_CODES = re.compile(r"fromCharCode\s*\(\s*(\d+(?:\s*,\s*\d+){2,})\s*\)")
# Markup and addresses encoded hold an encoded "<" or "/": scripts without one are not read
# for encoded strings (a "%" alone is a percentage or a remainder). Looked for as literals,
# which str.find skips to in C.
_ENCODED_MARKS = ("%3C", "%3c", "%2F", "%2f", "\\x3", "\\x2", "\\u003", "\\u002", "atob", "fromCharCode")
# A script that hides an element by its id, as a style rule would: getElementById('x').style
# .display = 'none', or jQuery's $('#x').hide() and .css('display', 'none').
# Each opens with a literal, so that the engine skips to it in C.
_HIDES_BY_ID = (
    re.compile(
        r"getElementById\(\s*['\"]([\w-]+)['\"]\s*\)\.style\.(?:display\s*=\s*['\"]none|visibility\s*=\s*['\"]hidden)"
    ),
    re.compile(
        r"\$\(\s*['\"]#([\w-]+)['\"]\s*\)\s*\.\s*(?:hide\(\s*\)|css\(\s*['\"](?:display|visibility)['\"]\s*,"
        r"\s*['\"](?:none|hidden)['\"])"
    ),
)


def _percent_decoded(literal: str) -> str:
    return unquote(re.sub(r"%u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), literal), errors="replace")


def _backslash_decoded(literal: str) -> str:
    return _BACKSLASH.sub(lambda m: chr(int(m[1] or m[2], 16)), literal)


def _base64_decoded(literal: str) -> str:
    try:
        return base64.b64decode(literal + "=" * (-len(literal) % 4)).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return ""


def _char_codes_decoded(codes: str) -> str:
    return "".join(chr(int(code)) for code in codes.split(",") if int(code) < 0x110000)


def may_name_an_address(script: str) -> bool:
    """The script writes "//" as it stands or encoded: it may name a host."""
    return "//" in script or any(mark in script for mark in _ENCODED_MARKS)


def decoded_strings(script: str) -> str:
    """The script's encoded strings decoded, one per line: what it writes where it hides it."""
    if not any(mark in script for mark in _ENCODED_MARKS):
        return ""
    found = []
    for match in _LITERAL.finditer(script):
        literal = match[1] if match[1] is not None else match[2]
        if len(_PERCENT.findall(literal)) >= _MIN_ESCAPES:
            found.append(_percent_decoded(literal))
        elif len(_BACKSLASH.findall(literal)) >= _MIN_ESCAPES:
            found.append(_backslash_decoded(literal))
    found += [_base64_decoded(m[1]) for m in _ATOB.finditer(script)]
    found += [_char_codes_decoded(m[1]) for m in _CHAR_CODES.finditer(script)]
    # JavaScript strings are UTF-16: a pair of surrogates escaped one by one (\ud83d\ude00)
    # is one character, and a lone one is no character at all.
    joined = "\n".join(text for text in found if text)
    return joined.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def ids_hidden_by(script: str) -> list[str]:
    """The ids of elements the script hides."""
    if "none" not in script and "hid" not in script:
        return []
    return [m[1] for pattern in _HIDES_BY_ID for m in pattern.finditer(script)]


def _writes_links(markup: str, foreign: list[str], by_insertion: bool) -> bool:
    """Markup a script writes that puts links out of the site into the page: a hidden block,
    or three links or more with a foreign host among them. `by_insertion`: written through
    innerHTML or insertAdjacentHTML, as portals build their own menus: only links whose words
    read as spam count, and hiding alone does not."""
    if not by_insertion and _HIDDEN_MARKUP.search(markup):
        return True
    if len(_LINK.findall(markup)) < 3 or not foreign:
        return False
    if not by_insertion:
        return True
    words = _ANCHOR_WORDS.findall(markup)
    return bool(words) and sum(map(is_spam_item, words)) >= 0.5 * len(words)


# A portal's template gives every page the same inline scripts (and many <script src> an
# empty text): each is read once per site. Inline scripts are a few kilobytes at most.
@memo(1024)
def script_findings(script: str, domains: tuple[str, ...]) -> tuple[SpamFinding, ...]:
    """`domains`: the page's own (its host's, and those its tags name)."""
    if any(marker in script for marker in TRUSTED_SCRIPT_MARKERS):
        return ()
    found: list[SpamFinding] = []
    decoded = decoded_strings(script)
    hosts = _URL.findall(script) + _URL.findall(decoded)
    foreign = [host for host in hosts if leads_off(domains, "//" + host)]
    # A sink with a foreign address, or any sink behind a test of who visits. The case-blind
    # search for that test costs the most of the three and most scripts hold no sink: it is
    # made only where a sink stands.
    word = _LOCATION.search(script)
    redirect = word and _REDIRECT_SINK.search(script, max(0, word.start() - _SINK_REACH))
    if (redirect and foreign) or ((redirect or _POPUP_SINK.search(script)) and _CLOAK_GUARD.search(script)):
        found.append(SpamFinding("redirect_script", script.strip()[:160], "flagged", 2.0))
    writes = _WRITE.search(script) is not None
    if writes or _INSERT.search(script):
        by_insertion = not writes
        if _writes_links(script, foreign, by_insertion) or (
            decoded and _writes_links(decoded, foreign, by_insertion)
        ):
            evidence = (decoded or script).strip()[:160]
            found.append(SpamFinding("document_write_links", evidence, "flagged", 2.0))
    if any(any(mark in script for mark in marks) and rule.search(script) for marks, rule in _OBFUSCATION):
        found.append(SpamFinding("obfuscated_script", script.strip()[:160], "flagged", 2.0))
    return tuple(found)
