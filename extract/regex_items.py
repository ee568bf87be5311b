"""A regular expression's text read as a sequence of items, for extract/literals.py.

Only as much of the syntax as a required-literal search needs: literal characters,
groups (and whether they fold case), repeats (and their least count) and
alternations. Everything else (classes, escapes such as \\d, anchors, lookarounds,
backreferences) is one opaque item that matches no literal text. The standard
library's own parser (re._parser) is private and changes between versions; this one
reads a pattern as that parser does for what matters here, simplifications included,
since they decide what counts as one run of literal text:

- a group with neither a name nor flags is replaced by its items ("a(?:b)c" is "abc");
- branches that all open with the same character or class have it moved out in front
  of the alternation ("网上|网络" is "网" then "上|络");
- an alternation of single characters or classes is a class, not an alternation;
- a class of one character is that character.

The pattern is assumed valid (it has been compiled); nothing here reports errors.
"""

from __future__ import annotations

import re
import unicodedata

# Item kinds: (LITERAL, char), (OTHER, text), (GROUP, folds_case, items),
# (REPEAT, least, items), (BRANCH, branches). Plain tuples, so that two items compare
# equal when they are written alike, as the common-prefix step needs.
LITERAL, OTHER, GROUP, REPEAT, BRANCH = "literal", "other", "group", "repeat", "branch"
Item = tuple  # type: ignore[type-arg]

_CATEGORIES = frozenset("dDsSwW")
_ANCHORS = frozenset("bBAZ")
_CONTROLS = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_COUNTED = re.compile(r"\{(?=[\d,])(\d*)(?:(,)(\d*))?\}")  # "{}" is two literals
_FLAGS = re.compile(r"\(\?([aiLmsux]*)(?:-([imsx]*))?([:)])")


def parse_items(pattern: str, verbose: bool = False) -> list[Item]:
    reader = _Reader(pattern, verbose)
    return reader.alternation()


class _Reader:
    def __init__(self, pattern: str, verbose: bool) -> None:
        self.text = pattern
        self.at = 0
        self.verbose = verbose

    def peek(self, count: int = 1) -> str:
        return self.text[self.at : self.at + count]

    def alternation(self) -> list[Item]:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.at += 1
            branches.append(self.sequence())
        return _simplified(branches)

    def sequence(self) -> list[Item]:
        items: list[Item] = []
        while self.at < len(self.text) and self.peek() not in "|)":
            char = self.peek()
            if self.verbose and (char.isspace() or char == "#"):
                self._skip_verbose()
                continue
            if char in "*+?" or (char == "{" and _COUNTED.match(self.text, self.at)):
                if items:
                    items[-1] = self._repeat(items[-1])
                    continue
            item = self._atom()
            if item is not None:
                items.append(item)
        # A group with neither a name, a number nor flags is its items, as re unpacks it.
        return [inner for item in items for inner in (item[2] if _plain_group(item) else (item,))]

    def _skip_verbose(self) -> None:
        if self.peek() == "#":
            end = self.text.find("\n", self.at)
            self.at = len(self.text) if end < 0 else end + 1
        else:
            self.at += 1

    def _repeat(self, item: Item) -> Item:
        char = self.peek()
        if char == "{":
            counted = _COUNTED.match(self.text, self.at)
            assert counted is not None
            self.at = counted.end()
            least = int(counted[1] or 0)
        else:
            self.at += 1
            least = 1 if char == "+" else 0
        if self.peek() in ("?", "+"):  # lazy or possessive: the same least count
            self.at += 1
        body = list(item[2]) if _plain_group(item) else [item]
        return (REPEAT, least, tuple(body))

    def _atom(self) -> Item | None:
        char = self.peek()
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == "\\":
            return self._escape()
        self.at += 1
        if char in ".^$":
            return (OTHER, char)
        return (LITERAL, char)

    def _group(self) -> Item | None:
        start = self.at
        if self.peek(2) != "(?":
            self.at += 1
            return self._group_body(start, folds_case=False)
        if self.peek(3) == "(?#":  # a comment: no item at all
            self.at = self.text.index(")", self.at) + 1
            return None
        if self.peek(4) == "(?P<":
            self.at = self.text.index(">", self.at) + 1
            return self._group_body(start, folds_case=False)
        flags = _FLAGS.match(self.text, self.at)
        if flags:
            self.at = flags.end()
            if flags[3] == ")":  # flags for the whole pattern, in pattern.flags already
                return None
            return self._group_body(start, folds_case="i" in flags[1], flagged=bool(flags[1] or flags[2]))
        # Lookarounds, atomic groups, conditionals and named backreferences require no text.
        self.at += 2
        if self.peek(4) == "P=":
            self.at = self.text.index(")", self.at) + 1
            return (OTHER, self.text[start : self.at])
        if self.peek() == "(":  # a conditional's condition
            self.at = self.text.index(")", self.at) + 1
        self.alternation()
        self.at += 1
        return (OTHER, self.text[start : self.at])

    def _group_body(self, start: int, folds_case: bool, flagged: bool = True) -> Item:
        capturing = self.text[start + 1 : start + 2] != "?" or self.text.startswith("(?P<", start)
        body = self.alternation()
        self.at += 1  # ")"
        # None marks a group with neither a name, a number nor flags (see _plain_group).
        return (GROUP, folds_case if capturing or flagged else None, tuple(body))

    def _escape(self) -> Item:
        start = self.at
        char = self.text[self.at + 1 : self.at + 2]
        self.at += 2
        if char in _CATEGORIES or char in _ANCHORS:
            return (OTHER, "\\" + char)
        if char.isdigit():
            octal = re.match(r"0[0-7]{0,2}|[0-7]{3}", self.text[start + 1 :])
            if octal:
                self.at = start + 1 + octal.end()
                return (LITERAL, chr(int(octal[0], 8)))
            backref = re.match(r"\d{1,2}", self.text[start + 1 :])
            assert backref is not None
            self.at = start + 1 + backref.end()
            return (OTHER, self.text[start : self.at])
        return (LITERAL, self._escaped_char(char))

    def _escaped_char(self, char: str) -> str:
        """The character an escape other than a category or a number stands for."""
        width = {"x": 2, "u": 4, "U": 8}.get(char)
        if width:
            digits = self.text[self.at : self.at + width]
            self.at += width
            return chr(int(digits, 16))
        if char == "N":
            end = self.text.index("}", self.at)
            name = self.text[self.at + 1 : end]
            self.at = end + 1
            return unicodedata.lookup(name)
        return _CONTROLS.get(char, char)

    def _class(self) -> Item:
        start = self.at
        self.at += 1
        negated = self.peek() == "^"
        if negated:
            self.at += 1
        members: list[tuple[str, ...]] = []
        first = True
        while first or self.peek() != "]":
            first = False
            member = self._class_member()
            ranges = self.peek() == "-" and self.text[self.at + 1 : self.at + 2] not in ("]", "")
            if ranges and member[0] == "char":
                self.at += 1
                end = self._class_member()
                members.append(("range", member[1], end[1]))
            else:
                members.append(member)
        self.at += 1
        distinct = list(dict.fromkeys(members))
        if not negated and len(distinct) == 1 and distinct[0][0] == "char":
            return (LITERAL, distinct[0][1])
        return (OTHER, self.text[start : self.at])

    def _class_member(self) -> tuple[str, ...]:
        char = self.peek()
        if char != "\\":
            self.at += 1
            return ("char", char)
        escaped = self.text[self.at + 1 : self.at + 2]
        self.at += 2
        if escaped in _CATEGORIES:
            return ("category", escaped)
        if escaped.isdigit():
            octal = re.match(r"[0-7]{1,3}", self.text[self.at - 1 :])
            assert octal is not None
            self.at += octal.end() - 1
            return ("char", chr(int(octal[0], 8)))
        if escaped == "b":
            return ("char", "\b")
        return ("char", self._escaped_char(escaped))


def _simplified(branches: list[list[Item]]) -> list[Item]:
    """An alternation's items, simplified as re's parser does (see the module's docstring)."""
    if len(branches) == 1:
        return branches[0]
    prefix: list[Item] = []
    while all(branches) and _flat(branches[0][0]) and all(branch[0] == branches[0][0] for branch in branches):
        prefix.append(branches[0][0])
        branches = [branch[1:] for branch in branches]
    if all(len(branch) == 1 and _is_set_member(branch[0]) for branch in branches):
        return [*prefix, (OTHER, "set")]
    return [*prefix, (BRANCH, tuple(tuple(branch) for branch in branches))]


def _plain_group(item: Item) -> bool:
    return item[0] == GROUP and item[1] is None


def _flat(item: Item) -> bool:
    """Whether the item holds no items of its own: re compares only such items when it looks
    for a common prefix (groups, repeats and lookarounds never compare equal there)."""
    return item[0] == LITERAL or (item[0] == OTHER and not item[1].startswith("("))


def _is_set_member(item: Item) -> bool:
    """A character, a class that is not negated, or a category such as \\d."""
    if item[0] == LITERAL:
        return True
    text = item[1] if item[0] == OTHER else ""
    if text.startswith("\\"):
        return text[1:] in _CATEGORIES
    return text.startswith("[") and not text.startswith("[^")
