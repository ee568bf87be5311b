"""One pass over a page for where a phrase swap may stand: brand words, Latin runs, numbers.

extract/spam/phrases.py reads three kinds of candidate: a brand word with what is glued to
it (体育188, 视频app), a lower-case Latin run (vwin) and a bare number after a Chinese
character (皇家88). A page holds thousands of characters and few candidates, so one regular
expression finds where any of them may start and the engine skips the rest in C.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..caches import loaded
from ..chars import HAN, HAN_RANGE
from ..script import t2s_class
from .shape import load_shapes

# Opens with a letter, so the engine skips the page's many digits in C; digits before it are
# added by hand (188bet).
LOWER_RUN = re.compile(r"[a-z][a-z0-9]*")
# A whole word opening with a capital right after a Chinese character (思想政治KAIYUN司): the
# rest after the capital.
CAPITALISED_REST = r"[A-Za-z]{3,11}(?![A-Za-z0-9])"
_DIGITS = "0-9０-９"
_FULL_WIDTH_LETTERS = "Ａ-Ｚａ-ｚ"
FULL_WIDTH_ALNUM = re.compile(f"[０-９{_FULL_WIDTH_LETTERS}]")
MAX_NAME_DIGITS = 5
# An ASCII digit after anything but a Chinese character opens no pattern (a number opens right
# after one): refused before the alternatives are tried, which spares the pass the page's many
# figures in tables and dates.
_NO_NUMBER_OPENS = rf"(?<![^{HAN_RANGE}][0-9])"
# What continues a figure: a decimal point, percent sign, range or bracket (93(01)班 is a class).
FIGURE_GOES_ON = frozenset(".．%％:：/~～-(（[【〔")


@dataclass(frozen=True)
class Patterns:
    core: re.Pattern[str]  # a brand word with the calls to action and digits glued to it
    glue: re.Pattern[str]  # what makes a lone core a brand: a call to action, digits, Latin
    particles: tuple[str, ...]  # words a sentence puts before a name: 通过, 在, 由
    number: re.Pattern[str]  # a bare number glued after a Chinese character: 皇家88
    # core, LOWER_RUN and number in one pass over the page, which also marks any full-width
    # letter or digit, finds capitalised words after Chinese and tells whether the page holds
    # a character t2s rewrites (see scan_phrases)
    starts: re.Pattern[str]
    brand_words: frozenset[str]  # the shapes' suffixes: 体育, 视频…
    channel_firsts: frozenset[str]  # the first characters of the words opening a channel's slot
    channel_slot: re.Pattern[str]  # shapes.channel_slot
    brand_word_sizes: tuple[int, ...]  # their lengths, longest first


def _by_first_character(words: tuple[str, ...]) -> tuple[str, str]:
    """The words' first characters, as the inside of a character class, and the rest of each
    word behind a lookbehind on its first character, longest first: what follows a first
    character the pass has matched."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    firsts = "".join(map(re.escape, rests))
    return firsts, "|".join(f"(?<={re.escape(first)})(?:{'|'.join(ends)})" for first, ends in rests.items())


@loaded()
def phrase_patterns() -> Patterns:
    """Built from the shape words (immutable package data), once per process."""
    shapes = load_shapes()

    def alternation(items: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    funnels = alternation(shapes.funnels)
    core_tail = rf"(?:{funnels}|\d+)*"
    # A whole run of one to MAX_NAME_DIGITS digits right after a Chinese character, where
    # a name with a number may end or open (皇家88, 9游会), and nothing after it that makes it
    # a figure (12.5%, 88件, 2020年). A page holds many such figures and few such names: the engine reads
    # past the figures in C. It opens with a digit, so it skips the page's letters in C;
    # the lookbehind then checks the character before that digit.
    number_tail = (
        rf"(?<={HAN}.)[{_DIGITS}]{{0,{MAX_NAME_DIGITS - 1}}}(?![{_DIGITS}])"
        rf"(?![{re.escape(''.join(sorted(FIGURE_GOES_ON)))}]|{alternation(shapes.units)})"
    )
    # The three patterns open with characters no two of them share (a brand word's first
    # character, a lower-case letter, a digit): one pass finds where each may start by its
    # first character, as one set the engine skips to in C, and a lookbehind on that
    # character (one set first, so that a digit is not tried against each brand word)
    # then reads the rest of the pattern it opens.
    firsts, core_rest = _by_first_character(shapes.suffixes)
    # A character t2s rewrites (萬) is a match of its own: the page's script is read in the
    # same pass (script.holds_traditional), where a pass of its own reads every character again.
    traditional = t2s_class()
    # Where a report names its channel (通过X公开, shapes.channel_slot): found by its opening
    # word's first character, the one character matched; the rest is a lookahead, so the pass
    # goes on reading the name (在米乐m6集中发布) for the other patterns.
    channel_firsts, channel_rest = _by_first_character(shapes.channel_befores)
    return Patterns(
        brand_words=frozenset(shapes.suffixes),
        channel_firsts=frozenset(word[0] for word in shapes.channel_befores),
        channel_slot=shapes.channel_slot,
        brand_word_sizes=tuple(sorted({len(word) for word in shapes.suffixes}, reverse=True)),
        core=re.compile(rf"(?:{alternation(shapes.suffixes)}){core_tail}"),
        glue=re.compile(rf"(?:{funnels}|\d)"),
        particles=shapes.particles,
        number=re.compile(rf"[{_DIGITS}]{number_tail}"),
        starts=re.compile(
            rf"[{firsts}a-zA-Z{_DIGITS}{_FULL_WIDTH_LETTERS}{channel_firsts}{traditional[1:-1]}]"
            rf"{_NO_NUMBER_OPENS}(?:(?<=[{firsts}])(?:{core_rest}){core_tail}"
            rf"|(?<=[a-z])[a-z0-9]*|(?<=[{_DIGITS}]){number_tail}|(?<=[０-９{_FULL_WIDTH_LETTERS}])"
            rf"|(?<={HAN}[A-Z]){CAPITALISED_REST}"
            rf"|(?<=[{channel_firsts}])(?=(?:{channel_rest}){shapes.channel_rest})|(?<={traditional}))"
        ),
    )


Matches = list[re.Match[str]]


@dataclass(frozen=True)
class Scan:
    cores: Matches  # core.finditer(text)
    runs: Matches  # LOWER_RUN.finditer(text)
    numbers: Matches  # number.finditer(text)
    full_width: bool  # FULL_WIDTH_ALNUM.search(text) is not None
    capitals: Matches  # words opening with a capital right after a Chinese character (KAIYUN)
    traditional: bool  # script.holds_traditional(text)
    channels: Matches  # shapes.channel_slot.finditer(text)


def scan_phrases(text: str, patterns: Patterns) -> Scan:
    """core.finditer, LOWER_RUN.finditer, number.finditer and channel_slot.finditer of `text`,
    in one pass.

    A match of one pattern can only hold the start of another inside a brand word's match
    (视频app, 体育188): there the two others are tried at each character, as their own
    passes would try them, each pass going on after its own last match. A channel's slot is
    a match of its first character alone, so the pass reads on inside it. A full-width letter
    or digit that opens none of them is a match of one character, and so is a character t2s
    rewrites: every character is then either tried as a start or inside a match, whose text
    is read for them (brand words and what is glued to them hold no character t2s rewrites
    and none that opens a channel's slot).
    """
    cores: Matches = []
    runs: Matches = []
    numbers: Matches = []
    capitals: Matches = []
    channels: Matches = []
    run_end = number_end = channel_end = 0
    slot = patterns.channel_slot
    full_width = traditional = False
    for match in patterns.starts.finditer(text):
        start = match.start()
        first = text[start]
        if "A" <= first <= "Z":
            capitals.append(match)
            # Letters only: the lower-case runs inside (aiyun of Kaiyun) are LOWER_RUN's.
            for at in range(start + 1, match.end()):
                if at >= run_end and "a" <= text[at] <= "z" and (run := LOWER_RUN.match(text, at)):
                    runs.append(run)
                    run_end = run.end()
        elif "a" <= first <= "z":
            if start >= run_end:
                runs.append(match)
                run_end = match.end()
        elif first in patterns.channel_firsts:
            if start >= channel_end and (channel := slot.match(text, start)):
                channels.append(channel)
                channel_end = channel.end()
        elif first.isdigit():
            full_width = full_width or FULL_WIDTH_ALNUM.search(match[0]) is not None
            # One digit (9游会) is a number; a full-width one may be a match that opens none.
            opens = match.end() - start > 1 or first.isascii() or patterns.number.match(text, start)
            if start >= number_end and opens:
                numbers.append(match)
                number_end = match.end()
        elif match.end() - start == 1:
            if "\uff10" <= first <= "\uff5a":
                full_width = True  # a full-width letter that opens no pattern
            else:
                traditional = True
        else:
            full_width = full_width or FULL_WIDTH_ALNUM.search(match[0]) is not None
            cores.append(match)
            for at in range(start + 1, match.end()):
                char = text[at]
                if at >= run_end and "a" <= char <= "z" and (run := LOWER_RUN.match(text, at)):
                    runs.append(run)
                    run_end = run.end()
                elif at >= number_end and char.isdigit() and (number := patterns.number.match(text, at)):
                    numbers.append(number)
                    number_end = number.end()
    return Scan(cores, runs, numbers, full_width, capitals, traditional, channels)
