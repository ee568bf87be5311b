"""Map a 2008–2018 table row to its indicator from what its label says, not from a list of labels.

Before 2019 every body wrote its own rows, so the wording of a row cannot be listed in
advance: 主动公开文件数 means 主动公开政府信息数, 按时答复数 means 按时办结数, 否决公开 means
不同意公开. A label is read as the concepts it names (data/legacy_concepts.csv): the thing
counted (申请, 答复, 办结, 复议, 诉讼, 收费 …), its qualifier (同意, 部分, 不予, 非本机关,
不存在 …), the channel (当面, 网络, 信函 …). Each indicator of the legacy table names the
concepts it needs (data/legacy_meaning.csv): some in the label itself, one of its `context`
concepts in the label or in the rows enclosing it (同意公开 under 申请答复数), and it may
tolerate a few more (`allows`: 申请 in 申请答复数).

A row maps to a key only when the key explains every concept of its label: 接受行政诉讼、举报数
names two things and no key is both, so it is kept raw with that reason. Among keys that
explain the label, the one that needs most concepts wins, then the one whose context
concept is nearest; a tie between keys is kept raw as ambiguous. Words that are no
concept (neither meaning nor filler such as 数, 政府信息, 的) lower the confidence: a label
mostly made of unknown words is kept raw too.

A word may mean two things (邮寄 is a channel of applications and a service a fee is charged
for; 人数 is a count of staff or just how a count of people is printed): it is listed under
both concepts, and the label is read both ways; the reading that an indicator explains wins.
A label naming a situation (情况) heads the rows below it and counts nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import chain

from .caches import loaded, memo

DATA = resources.files("extract") / "data"
CONCEPTS_CSV = DATA / "legacy_concepts.csv"
MEANING_CSV = DATA / "legacy_meaning.csv"
FILLER = "filler"  # a kind of concept: words that carry no meaning of their own here
HEADING = "heading"  # a kind of concept: 情况, the label heads rows
# A label with more words of two meanings than this is read with the first meaning of the rest.
MAX_AMBIGUOUS_WORDS = 3
# Below this share of a label's meaningful characters explained by concepts, the mapping is
# a guess: the row stays raw. 主动公开文件数 is 1.0, 全文电子化的主动公开信息数 0.44.
MIN_CONFIDENCE = 0.75
# A concept found only in an enclosing row, not in the label, is weaker evidence.
CONTEXT_PENALTY = 0.05


@dataclass(frozen=True)
class Vocabulary:
    words: dict[str, tuple[str, ...]]  # word -> its concepts (most have one), filler words included
    kinds: dict[str, str]  # concept -> thing, qualifier, channel, reason, item, heading, filler
    longest: int
    by_first: dict[str, tuple[str, ...]]  # first character -> words, longest first
    # word -> its concepts, each once, "" standing for a filler meaning (no concept)
    meanings: dict[str, tuple[str, ...]]
    headings: frozenset[str]  # the concepts of kind heading: a label naming one heads rows
    # first character -> the lengths of its words, longest first: at a position, at most one
    # word of each length can start, so trying the lengths finds the word by_first would
    sizes: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class Signature:
    key: str
    needs: frozenset[str]  # every one in the label
    context: tuple[str, ...]  # one of them in the label or an enclosing row ("" when none)
    allows: frozenset[str]  # may be in the label without being needed
    explained: frozenset[str]  # needs, allows and context: what a label it explains may name


@dataclass(frozen=True)
class Reading:
    concepts: frozenset[str]  # named by words of one meaning
    known_chars: int  # characters covered by words with a meaning
    unknown: str  # characters covered by neither a concept nor filler, in order
    # Every way to read the label: its sure concepts plus one meaning of each word of two.
    meanings: tuple[frozenset[str], ...]
    # The concepts of all the readings together: what the label may name as an enclosing row.
    named: frozenset[str]


def _meanings(concepts: frozenset[str], choices: Sequence[tuple[str, ...]]) -> tuple[frozenset[str], ...]:
    readings = [concepts]
    for options in choices:  # "" stands for a filler meaning: no concept
        readings = [reading | {option} - {""} for reading in readings for option in options]
    return tuple(dict.fromkeys(readings))


@dataclass(frozen=True)
class Meaning:
    key: str | None
    confidence: float
    reason: str = ""  # why no key, or how the key was chosen


@loaded()
def vocabulary() -> Vocabulary:
    words: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, str] = {}
    with CONCEPTS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kinds[row["concept"]] = row["kind"]
            for word in row["words"].split("|"):
                if word and row["concept"] not in words.get(word, ()):
                    words[word] = (*words.get(word, ()), row["concept"])
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(word)
    meanings = {
        word: tuple(dict.fromkeys("" if kinds[c] == FILLER else c for c in named))
        for word, named in words.items()
    }
    return Vocabulary(
        words,
        kinds,
        max(map(len, words)),
        {c: tuple(ws) for c, ws in by_first.items()},
        meanings,
        frozenset(concept for concept, kind in kinds.items() if kind == HEADING),
        {c: tuple(dict.fromkeys(map(len, ws))) for c, ws in by_first.items()},
    )


@loaded()
def signatures() -> tuple[Signature, ...]:
    with MEANING_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        Signature(
            key=row["key"],
            needs=frozenset(_split(row["needs"])),
            context=tuple(_split(row["context"])),
            allows=frozenset(_split(row["allows"])),
            explained=frozenset(_split(row["needs"]) + _split(row["allows"]) + _split(row["context"])),
        )
        for row in rows
    )


def _split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


@memo(8192)  # every report prints the same labels
def read_concepts(text: str) -> Reading:
    """The concepts a normalised label names, the longest word first at each position."""
    vocab = vocabulary()
    sizes, meanings_of = vocab.sizes, vocab.meanings
    concepts: set[str] = set()
    choices: list[tuple[str, ...]] = []
    known = 0
    unknown: list[str] = []
    position = 0
    while position < len(text):
        for size in sizes.get(text[position], ()):
            # Cut short by the text's end, the slice is still the longest word that can start here.
            word = text[position : position + size]
            meanings = meanings_of.get(word)
            if meanings is not None:
                # A filler meaning is no concept: "" stands for it among a word's meanings.
                if len(meanings) > 1 and len(choices) < MAX_AMBIGUOUS_WORDS:
                    choices.append(meanings)
                    known += len(word)
                elif meanings[0]:
                    concepts.add(meanings[0])
                    known += len(word)
                position += len(word)
                break
        else:
            unknown.append(text[position])
            position += 1
    sure = frozenset(concepts)
    readings = _meanings(sure, choices) if choices else (sure,)
    return Reading(sure, known, "".join(unknown), readings, frozenset().union(*readings))


def word_across(before: str, after: str) -> bool:
    """True when a word with a meaning starts in `before` and ends in `after`.

    A cell wraps at its width, not at a word: 因涉及个 / 人隐私不予公开数 is 个人隐私 cut in
    two, though 个 could end a label as its unit.
    """
    vocab = vocabulary()
    for start in range(max(0, len(before) - vocab.longest + 1), len(before)):
        tail = before[start:]
        for word in vocab.by_first.get(tail[0], ()):
            if len(word) > len(tail) and word.startswith(tail) and after.startswith(word[len(tail) :]):
                if any(vocab.kinds[concept] != FILLER for concept in vocab.words[word]):
                    return True
    return False


def names_a_heading(reading: Reading) -> bool:
    """True when the label names a situation (情况 …): a block or group header, not a count."""
    return not reading.concepts.isdisjoint(vocabulary().headings)


def _context_distance(
    signature: Signature, label: frozenset[str], enclosing: Callable[[], Sequence[frozenset[str]]]
) -> int:
    """0 when a context concept is in the label, n for the n-th enclosing row, -1 when none.

    `enclosing` gives the enclosing rows' concepts; it is called only when the label alone
    does not settle the distance."""
    if not signature.context:
        return 0
    if label.intersection(signature.context):
        return 0
    for distance, concepts in enumerate(enclosing(), start=1):
        if concepts.intersection(signature.context):
            return distance
    return -1


def confidence_of(reading: Reading, from_context: bool) -> float:
    meaningful = reading.known_chars + len(reading.unknown)
    share = reading.known_chars / meaningful if meaningful else 0.0
    return round(max(0.0, share - (CONTEXT_PENALTY if from_context else 0.0)), 2)


def meaning_of(label: str, enclosing: Sequence[str] = ()) -> Meaning:
    """The key a normalised label means, read with the labels of its enclosing rows, nearest first."""
    reading = read_concepts(label)
    readings = [concepts for concepts in reading.meanings if concepts]
    if not readings:
        return Meaning(None, 0.0, "no known concept in the label")
    if names_a_heading(reading):
        return Meaning(None, 0.0, "a heading: it names a situation, not a count")
    # The enclosing rows are read once, and only for a key whose context concept the label lacks.
    around: list[frozenset[str]] = []

    def enclosing_concepts() -> list[frozenset[str]]:
        if len(around) < len(enclosing):
            around[:] = [_context_concepts(text) for text in enclosing]
        return around

    best_of_key: dict[str, tuple[int, int]] = {}
    for concepts in readings:
        for signature in _may_explain(concepts):
            if not signature.needs <= concepts <= signature.explained:  # _explains, inlined: every row
                continue
            distance = _context_distance(signature, concepts, enclosing_concepts)
            if distance < 0:
                continue
            rank = (-len(signature.needs), distance)
            best_of_key[signature.key] = min(rank, best_of_key.get(signature.key, rank))
    if not best_of_key:
        names = " or ".join("+".join(sorted(concepts)) for concepts in readings)
        return Meaning(None, 0.0, f"no indicator means {names}")
    ranked = sorted(best_of_key.items(), key=lambda item: item[1])
    key, rank = ranked[0]
    rivals = [other for other, other_rank in ranked[1:] if other_rank == rank]
    if rivals:
        return Meaning(None, 0.0, f"ambiguous: {key} or {', '.join(rivals)}")
    confidence = confidence_of(reading, rank[1] > 0)
    if confidence < MIN_CONFIDENCE:
        return Meaning(None, confidence, f"unknown words {reading.unknown!r} (would be {key})")
    return Meaning(key, confidence, "meaning")


def _may_explain(concepts: frozenset[str]) -> list[Signature]:
    """The signatures, in their order, whose first needed concept the reading names: the only
    ones whose needs it can hold."""
    all_signatures, by_first_need = signatures(), _by_first_need()
    # Each position is under one first need: the groups are disjoint, each in order.
    groups = [by_first_need[concept] for concept in by_first_need.keys() & concepts]
    if "" in by_first_need:
        groups.append(by_first_need[""])
    positions = groups[0] if len(groups) == 1 else sorted(chain.from_iterable(groups))
    return [all_signatures[p] for p in positions]


@loaded()
def _by_first_need() -> dict[str, tuple[int, ...]]:
    """Positions in signatures() by the first of their needs in sorted order ("": needs none)."""
    found: dict[str, list[int]] = {}
    for position, signature in enumerate(signatures()):
        found.setdefault(min(signature.needs, default=""), []).append(position)
    return {concept: tuple(positions) for concept, positions in found.items()}


def _context_concepts(text: str) -> frozenset[str]:
    """Every concept an enclosing row's label may name, whichever way its words are read."""
    return read_concepts(text).named


LEXICON = "lexicon"
LEXICON_ONLY_CONFIDENCE = 0.9  # a lexicon row the concepts neither confirm nor contradict


def _signature(key: str) -> Signature | None:
    return _signatures_by_key().get(key)


@loaded()
def _signatures_by_key() -> dict[str, Signature]:
    """The first signature of each key, as a scan of signatures() in order finds it."""
    by_key: dict[str, Signature] = {}
    for signature in signatures():
        by_key.setdefault(signature.key, signature)
    return by_key


def _explains(signature: Signature, concepts: frozenset[str]) -> bool:
    return signature.needs <= concepts <= signature.explained


def _foreign_things(key: str, reading: Reading) -> list[str]:
    """Things the label names that the key does not count: 诉讼 and 举报 in one row.

    Of the label's readings, the one with the fewest such things counts: 人数 may be a unit.
    """
    signature = _signature(key)
    if signature is None:
        return []
    explained = signature.explained
    kinds = vocabulary().kinds
    return min(
        (sorted(c for c in meaning - explained if kinds.get(c) == "thing") for meaning in reading.meanings),
        key=len,
    )


def decide(lexicon_key: str | None, label: str, enclosing: Sequence[str], has_figure: bool) -> Meaning:
    """The key of a legacy row from the lexicon's answer and the label's meaning together.

    The lexicon (data/legacy_rows.csv) knows the printed national and regional wordings; the
    concepts confirm it, overrule it when the label names another thing too, and stand in
    for it when it knows no row. A row without a figure ("-" or blank) is mapped only by the
    lexicon (a blank figure of a known row is stored as blank, not lost), and never when its
    label names a situation (三、依申请公开情况): a header's words set the context of the rows
    below it.
    """
    reading = read_concepts(label)
    if not has_figure and (lexicon_key is None or names_a_heading(reading)):
        return Meaning(None, 0.0, "no figure")
    meaning = meaning_of(label, enclosing)
    if lexicon_key is None:
        return meaning
    if meaning.key == lexicon_key:
        return Meaning(lexicon_key, 1.0, LEXICON)
    foreign = _foreign_things(lexicon_key, reading)
    if foreign:
        return Meaning(None, 0.0, f"names {'+'.join(foreign)} besides {lexicon_key}")
    signature = _signature(lexicon_key)
    if meaning.key is not None and signature is not None:
        if not any(_explains(signature, concepts) for concepts in reading.meanings):
            return meaning  # the lexicon's row leaves a concept of the label unexplained
        if meaning.confidence >= 1.0:
            return Meaning(None, 0.0, f"ambiguous: {lexicon_key} or {meaning.key}")
    return Meaning(lexicon_key, LEXICON_ONLY_CONFIDENCE, LEXICON)
