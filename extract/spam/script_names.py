"""Names written in the other script: 萬豪會 on a Simplified page.

A Simplified portal writes Traditional characters in few places, and one at a time: an old
variant in a person's or a place's name (乾安), a quoted name from Hong Kong, Macao or Taiwan
(澳門, 臺灣). A defacer who writes a brand in Traditional over the page's words (思想政治萬豪會司,
政府財神爺指南) leaves a run holding two Traditional characters or more, coming back in
several places. Stretched to what every occurrence shares, that run is a name, whatever it
reads as once folded (龍騰體育 folds to words), unless folded it is a place or a body the
page may quote (臺灣, 澳門特別行政區政府), or a label of the report's own tables (收到申請數).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..chars import is_han
from ..model import SpamFinding
from .names import in_one_sentence, is_other_script_name, occurrences, stretch
from .shape import load_shapes
from .slots import MIN_REPEATS

# Two characters of the other script at most this far apart open a run (萬豪會: 萬 and 會).
MAX_GAP = 3
MIN_NAME_CHARS, MAX_NAME_CHARS = 2, 8
MIN_OTHER_SCRIPT = 2
# Characters of the other script outside the names a page may hold (乾安, 瀋陽, a quoted name).
MAX_OTHER_CHARS = 12
NAME_SCORE = 2.0  # as strong as a phrase swap: a name the page's own script never writes


def other_script_names(corpus: str, odd: Sequence[int]) -> list[str]:
    """Names of two Traditional characters or more a Simplified page writes in several places.

    `odd`: where the page holds Traditional characters (text.minority_script_chars)."""
    if len(odd) < MIN_OTHER_SCRIPT * MIN_REPEATS:
        return []  # every occurrence holds two: fewer characters cannot make a name
    odd_set = set(odd)
    found: list[str] = []
    for first, second in zip(odd, odd[1:], strict=False):
        if second - first > MAX_GAP or any(corpus[first : second + 1] in name for name in found):
            continue
        name = stretch(corpus, first, second + 1)
        if name is None or name in found or not MIN_NAME_CHARS <= len(name) <= MAX_NAME_CHARS:
            continue
        where = occurrences(corpus, name)
        if len(where) < MIN_REPEATS or in_one_sentence(corpus, where, len(name)):
            continue  # a sentence printed twice
        if not all(map(is_han, name)) or not is_other_script_name(corpus, name, where):
            continue  # a place, a report's label, a name the page quotes (“長江實業”)
        if any(corpus.startswith(load_shapes().honorifics, at + len(name)) for at in where):
            continue  # a person's name (陳志強先生)
        if sum(at in odd_set for at in range(where[0], where[0] + len(name))) >= MIN_OTHER_SCRIPT:
            found.append(name)
    names = [n for n in found if not any(n != other and n in other for other in found)]
    # A page quoting a Traditional text of its own (a notice in both scripts) holds many more
    # such characters than its names: it is the page's own writing, not a brand written over it.
    covered = {
        at for name in names for start in occurrences(corpus, name) for at in range(start, start + len(name))
    }
    if len(odd_set - covered) > MAX_OTHER_CHARS:
        return []
    return names


def script_name_finding(name: str, count: int) -> SpamFinding:
    return SpamFinding(
        "phrase_swap", f"{name} ×{count}: Traditional on a Simplified page", "removed", NAME_SCORE
    )
