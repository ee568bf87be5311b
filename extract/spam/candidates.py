"""What every phrase rule asks of a candidate name, wherever it was found.

The characters all its occurrences share around it (where the name's unit ends), the particle
a sentence puts before a name (通过, 在), and whether the name is foreign: no place, no
collective, no word a report writes before a brand word.
"""

from __future__ import annotations

import unicodedata

from ..chars import is_han
from .shape import load_shapes
from .slots import is_foreign_name

MAX_NAME_HAN = 4  # a brand's Chinese name before its brand word: 伟德, 金宝搏, 澳门新葡
MAX_CONTEXT = 6  # characters read around a candidate to find where its unit ends


def _is_name_char(char: str) -> bool:
    return is_han(char) or ("a" <= char <= "z") or char.isdigit()


def shared_context(text: str, where: list[int], size: int, step: int) -> str:
    """The characters every occurrence shares before (step -1) or after (step 1) it."""
    shared = ""
    for offset in range(MAX_CONTEXT):
        chars = set()
        for start in where:
            at = start - 1 - offset if step < 0 else start + size + offset
            chars.add(text[at] if 0 <= at < len(text) else "")
        char = chars.pop() if len(chars) == 1 else ""
        if not char or not _is_name_char(char):
            break
        shared = char + shared if step < 0 else shared + char
    return shared


def without_particle(name: str, particles: tuple[str, ...]) -> str:
    """The name without the particle every sentence wrote before it (通过, 在), where two
    characters or more are left."""
    for particle in particles:
        if name.startswith(particle) and len(name) - len(particle) >= 2:
            return name[len(particle) :]
    return name


def is_foreign(name: str) -> bool:
    """A brand's name: no place, no collective, no ordinary word before a brand word."""
    shapes = load_shapes()
    han = "".join(c for c in name if is_han(c))
    if name[:1].isdigit() and name.startswith(shapes.hotlines):
        return False  # 12345热线直播: a hotline's programme, not 明升88
    # Full-width letters (ＷＴＯ, ＡＰＰ) are the same acronym to a reader, and to the word list.
    plain = unicodedata.normalize("NFKC", name)
    letters = "".join(c for c in plain if c.isascii() and c.isalpha()).lower()
    if letters and (letters in shapes.latin_words or plain.lower() in shapes.latin_words or len(plain) < 2):
        return False  # 5G直播, CCTV直播, VR体育: words a report writes; 7m体育 is a name
    if len(han) < 2:
        return han != name  # 龙8, w66利: Latin or digits make the name
    return is_foreign_name(han) and not han.endswith(load_shapes().prefixes)
