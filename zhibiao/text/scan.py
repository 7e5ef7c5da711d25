"""Patterns that scan long texts quickly: each compiled knowing the characters its matches can
start with.

Python's regex engine tries a pattern at every position of the text it searches. A pattern that
opens with a literal word is found by a fast scan for that word, one that opens with a character
class by a fast scan for its characters (a loop in C that never enters the matcher); one that opens
with an optional part, an alternation or a look-behind (``(?<!…)(?:截至|到)?(20\\d\\d)年``) runs its
whole opening machinery at every position, ten times the cost of testing one character.
:func:`scanner` reads from the pattern the set of characters a match can begin with and gives it to
the engine as the pattern's first-character set — what re's own compiler writes for a pattern
opening with a class — so the engine's fast scan skips the positions that cannot start a match
(three times faster than a ``(?=[…])`` look-ahead in front, which still enters the matcher at every
position: that form is kept for a Python whose compiler this module does not know). The matches
are the same: the set only refuses positions where the pattern would fail anyway, and ``match``
and ``fullmatch``, which try one position, never read it.

A pattern the engine already finds by a fast scan (one opening with a literal word, a character
class or an anchor such as ``^``), or whose first character cannot be bounded (it may start with
``.``, a negated class, or match the empty string), is compiled as it is.
"""
from __future__ import annotations

import re
import weakref

import _sre
from re import _compiler, _constants as _c, _parser as _p  # the parser behind re (Python 3.11+)

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}
_LEADING_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
_CASE_OR_CLASSES = re.IGNORECASE | re.ASCII | re.LOCALE | re.UNICODE


class _Unbounded(Exception):
    """The first character of a match is not limited to a set we can write down."""



def alternation(words) -> str:
    """``w1|w2|…``: words as a regex alternation, escaped, longest first (``(?!)`` for none) — the
    one way every stage writes a word list of its data files as a pattern."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"

def _class_items(items) -> list[str]:
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE, a negated category, …
            raise _Unbounded
    return out


def _first(seq) -> tuple[list[str], bool]:
    """(what a match of ``seq`` can start with, whether ``seq`` can match the empty string)."""
    out: list[str] = []
    for op, av in seq:
        if op is _c.LITERAL:
            return out + [re.escape(chr(av))], False
        if op is _c.IN:
            return out + _class_items(av), False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the character after it starts the match
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if (add_flags | del_flags) & _CASE_OR_CLASSES:
                raise _Unbounded  # (?i:…), (?a:…): the characters matched are not those written
            chars, empty = _first(body)
        elif op is _c.BRANCH:
            chars, empty = [], False
            for alternative in av[1]:
                c, e = _first(alternative)
                chars += c
                empty = empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            low, _high, item = av
            chars, empty = _first(item)
            empty = empty or low == 0
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            chars, empty = _first(av)
        else:  # ANY, NOT_LITERAL, a group reference, …
            raise _Unbounded
        out += chars
        if not empty:
            return out, False
    return out, True


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """A character class (``[…]``) holding every character a match of ``pattern`` can start
    with, or ``None`` when there is no such bound."""
    parsed = _p.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    if parsed.data and parsed.data[0][0] in (_c.LITERAL, _c.IN, _c.AT):
        return None  # the engine scans for it already (or tries one position: ^)
    try:  # (re's own test for a literal prefix or a first-character set)
        if _compiler._get_literal_prefix(parsed, parsed.state.flags)[0] or \
                _compiler._get_charset_prefix(parsed, parsed.state.flags):
            return None
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - another Python's internals
        pass
    try:
        chars, empty = _first(parsed)
    except _Unbounded:
        return None
    if empty or not chars:
        return None
    return "[" + "".join(dict.fromkeys(chars)) + "]"


def _with_first_set(pattern: str, flags: int, first: str) -> re.Pattern | None:
    """``pattern`` compiled as ``re.compile`` compiles it, with ``first`` written into its info
    block as the set of characters a match starts with; ``None`` where this Python's compiler is
    not the one this was written against (3.11–3.13: the info block, ``_sre.compile``)."""
    try:
        parsed = _p.parse(pattern, flags)
        all_flags = parsed.state.flags | flags
        code = _compiler._code(parsed, flags)
        low, high = parsed.getwidth()
        if code[0] != _c.INFO or code[2] != 0 or low == 0:
            return None  # (an info block holding a prefix already, or no width to bound)
        body = code[code[1] + 1:]
        (op, items), = _p.parse(first).data
        charset, cased = _compiler._optimize_charset(_without_categories(items))
        if op is not _c.IN or cased:
            return None
        info = [_c.INFO, 0, _c.SRE_INFO_CHARSET, min(low, _compiler.MAXCODE), min(high, _compiler.MAXCODE)]
        _compiler._compile_charset(charset, all_flags, info)
        info[1] = len(info) - 1
        index_group = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            index_group[index] = name
        return _sre.compile(pattern, all_flags, info + body, parsed.state.groups - 1, parsed.state.groupdict,
                            tuple(index_group))
    except (AttributeError, TypeError, ValueError, IndexError, RuntimeError):  # pragma: no cover - another Python's
        return None  # internals (_sre.compile refuses code it does not know with RuntimeError: invalid SRE code)


def first_character_set(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with (:func:`first_characters`) as a set, where
    they are single characters written out (no range, no category); else ``None``. (A position of a
    text whose character is not among them starts no match: tested before the pattern is tried there.)"""
    first = first_characters(pattern, flags)
    if first is None:
        return None
    (op, items), = _p.parse(first).data
    if op is not _c.IN or any(item_op is not _c.LITERAL for item_op, _av in items):
        return None
    return frozenset(chr(av) for _op, av in items)


# what the engine's categories hold in a str pattern (sre: Py_UNICODE_ISDECIMAL, Py_UNICODE_ISSPACE,
# Py_UNICODE_ISALNUM or "_"), each character of the Basic Multilingual Plane tested by its str method
_CATEGORY_TESTS = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}
_BMP: dict[str, list] = {}


def _category_members(category: str) -> list:
    """The class items of every character a category (``\\d``, ``\\s``, ``\\w``) matches, as literals and
    ranges: the characters of the Basic Multilingual Plane it matches, and every character beyond it (a
    superset there: one range, instead of the category's test)."""
    if category not in _BMP:
        plane = "".join(map(chr, range(0x10000)))
        items: list = []
        for run in re.finditer(f"{category}+", plane):
            lo, hi = run.start(), run.end() - 1
            items.append((_c.LITERAL, lo) if lo == hi else (_c.RANGE, (lo, hi)))
        _BMP[category] = items + [(_c.RANGE, (0x10000, 0x10FFFF))]
    return _BMP[category]


def _without_categories(items) -> list:
    """A first-character set's items with its categories (``\\d``) written out as the characters they
    match (a superset beyond the Basic Multilingual Plane). Why: the engine tests a category by a
    call into the Unicode database at every character of the text it scans (~45 instructions a
    character for ``\\d``), a set of characters by a lookup in a bitmap — the same positions refused
    (the set only says where a match may start; the pattern itself still tests its ``\\d``)."""
    out: list = []
    for op, av in items:
        if op is _c.CATEGORY and av in _CATEGORY_TESTS:
            out += _category_members(_CATEGORY_TESTS[av])
        else:
            out.append((op, av))
    return out


_SCANNERS: weakref.WeakSet = weakref.WeakSet()


def is_scanner(rx: re.Pattern) -> bool:
    """Was ``rx`` compiled by :func:`scanner` with a set of first characters (tests read it)?"""
    return rx in _SCANNERS


def scanner(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, told the characters its matches can start with when they
    can be bounded: the same matches, found without trying the pattern at every position."""
    first = first_characters(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    fast = _with_first_set(pattern, flags, first)
    if fast is None:
        lead = _LEADING_FLAGS.match(pattern)
        head, body = (lead.group(), pattern[lead.end():]) if lead else ("", pattern)
        fast = re.compile(f"{head}(?={first})(?:{body})", flags)
    _SCANNERS.add(fast)
    return fast


def word_trie(words) -> str:
    """``w1|w2|…``, the words longest first (as :func:`alternation` writes them), written as a
    trie: ``万(?:人(?:次)?|元)?|亿…``. The same matches, and at any position the same words tried in
    the same order — those that match there, longest first, since they are all prefixes of the one
    text (each level's optional group is tried before the word that ends there) — so the pattern
    can be followed by anything. Why: re tries the branches of an alternation one by one, so a list
    of 500 units costs 500 first-character tests wherever it is tried (~1 µs); the trie one per
    character matched."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branches(node: dict) -> list[str]:
        return [re.escape(ch) + rest(child) for ch, child in sorted(node.items()) if ch]

    def rest(node: dict) -> str:
        after = branches(node)
        if not after:
            return ""
        if len(after) == 1 and "" not in node:
            return after[0]  # (one way on, and no word ends here: no group needed)
        group = "(?:" + "|".join(after) + ")"
        return group + "?" if "" in node else group

    top = branches(root) + ([""] if "" in root else [])  # (an empty word last, as longest first puts it)
    return "|".join(top) or "(?!)"  # (no words, or only an empty one: never a match, as alternation)


class LineScanner:
    """A pattern that matches at a line's start (``(?m)^…``), found through the engine's fast scan
    for the newline before each line: re tries a ``(?m)^`` pattern at every position of a text
    (the anchor fails at all but a line's first). The matches are those of the plain pattern, in
    order and without overlap (its ``finditer`` and ``search``, with ``pos`` and ``endpos``).

    ``holding``: words every match holds (a pattern that never spans lines), when they are rarer
    than lines: only the lines where a scan for them finds some are tried."""

    def __init__(self, pattern: str, flags: int = 0, holding: str | None = None):
        self.holding = scanner(holding) if holding else None
        self.plain = re.compile(pattern, flags)
        self.pattern, self.flags = pattern, self.plain.flags
        parsed = _p.parse(pattern, flags)
        if not (self.plain.flags & re.MULTILINE and parsed.data and parsed.data[0] == (_c.AT, _c.AT_BEGINNING)
                and parsed.getwidth()[0] > 0):
            raise ValueError(f"not a pattern of a line's start that matches at least one character: {pattern!r}")
        lead = _LEADING_FLAGS.match(pattern)
        head, body = (lead.group(), pattern[lead.end():]) if lead else ("", pattern)
        # a literal newline first: the engine looks for it alone, then tries the pattern after it
        self._after_newline = re.compile(f"{head}\n(?=(?:{body}))", flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        pos = max(pos, 0)
        last = pos  # a match starts at or after the end of the one before
        if self.holding is not None:
            tried = -1
            for word in self.holding.finditer(text, pos, endpos):
                start = text.rfind("\n", 0, word.start()) + 1  # the start of the word's line
                if start < last or start == tried:
                    continue  # (a line begun before pos, in the match before, or tried already)
                tried = start
                m = self.plain.match(text, start, endpos)
                if m:
                    yield m
                    last = m.end()
            return
        if pos == 0:
            m = self.plain.match(text, 0, endpos)
            if m:
                yield m
                last = m.end()
        for line in self._after_newline.finditer(text, max(pos - 1, 0), endpos):
            if line.end() >= last:
                m = self.plain.match(text, line.end(), endpos)
                if m:  # (always: the look-ahead read the same pattern there)
                    yield m
                    last = m.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def __repr__(self) -> str:
        return f"LineScanner({self.pattern!r})"
