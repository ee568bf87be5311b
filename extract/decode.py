"""Bytes to text.

Chinese portals lie about their encoding in both directions: pages that declare
gb2312 are often GBK (characters such as 镕 are outside GB2312), and pages
re-saved as UTF-8 often still declare gb2312. So the bytes are trusted over the
declarations: a byte-order mark wins, then bytes that are valid UTF-8, then the
declared charset (the GB family read as its superset gb18030), then gb18030.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from .mojibake import repair_mojibake

# GB2312 and GBK are subsets of GB18030; decoding with the superset never loses
# a character that a lying declaration would have rejected.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HEADER_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
# Only the head is searched: a charset named in body text is not a declaration.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None
    error: str | None = None
    # The codec the text had been misread with before it was saved, when it was repaired.
    mojibake: str | None = None


def canonical_encoding(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(name.strip().lower(), _SUPERSETS.get(codec, codec))


def declared_encoding(body: bytes, content_type: str | None = None) -> str | None:
    """The charset the server or the page claims, header first."""
    if content_type:
        match = _HEADER_CHARSET.search(content_type.encode("latin-1", "replace"))
        if match:
            return match.group(1).decode("ascii").lower()
    match = _META_CHARSET.search(body[:4096])
    if match:
        return match.group(1).decode("ascii").lower()
    return None


def _decode(body: bytes, content_type: str | None) -> Decoded:
    declared = declared_encoding(body, content_type)
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(encoding, errors="replace"), encoding.replace("-sig", ""), declared)

    candidates: list[str] = ["utf-8"]
    if declared:
        canonical = canonical_encoding(declared)
        if canonical and canonical not in candidates:
            candidates.append(canonical)
    if "gb18030" not in candidates:
        candidates.append("gb18030")

    for encoding in candidates:
        try:
            return Decoded(body.decode(encoding), encoding, declared)
        except UnicodeDecodeError:
            continue

    # Nothing decodes cleanly: keep what can be read and say so.
    fallback = candidates[1] if len(candidates) > 1 else "utf-8"
    text = body.decode(fallback, errors="replace")
    bad = text.count("\ufffd")
    return Decoded(
        text, fallback, declared, error=f"decode: {bad} undecodable byte sequences replaced ({fallback})"
    )


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    decoded = _decode(body, content_type)
    text, misread_as = repair_mojibake(decoded.text)
    if misread_as is None:
        return decoded
    return replace(decoded, text=text, mojibake=misread_as)
