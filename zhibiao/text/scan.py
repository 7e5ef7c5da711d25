"""Patterns that scan long texts quickly: each compiled with a look-ahead of the characters its
matches can start with.

Python's regex engine tries a pattern at every position of the text it searches. A pattern that
opens with a literal word is found by a fast scan for that word; one that opens with an optional
part, an alternation or a look-behind (``(?<!…)(?:截至|到)?(20\\d\\d)年``) runs its whole opening
machinery at every position, ten times the cost of testing one character. :func:`scanner` puts
``(?=[…])`` — the set of characters a match can begin with, read from the pattern itself — in
front: positions that cannot start a match fail on that test. The matches are the same (the
look-ahead consumes nothing and only refuses positions where the pattern would fail anyway).

A pattern the engine already finds by a fast scan (one opening with a literal word, a character
class or an anchor such as ``^``), or whose first character cannot be bounded (it may start with
``.``, a negated class, or match the empty string), is compiled as it is: a look-ahead would only
slow it down.
"""
from __future__ import annotations

import re

from re import _compiler, _constants as _c, _parser as _p  # the parser behind re (Python 3.11+)

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}
_LEADING_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
_CASE_OR_CLASSES = re.IGNORECASE | re.ASCII | re.LOCALE | re.UNICODE


class _Unbounded(Exception):
    """The first character of a match is not limited to a set we can write down."""


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


def scanner(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, with a look-ahead of its first characters in front when
    they can be bounded: the same matches, found without trying the pattern at every position."""
    plain = re.compile(pattern, flags)
    first = first_characters(pattern, flags)
    if first is None:
        return plain
    lead = _LEADING_FLAGS.match(pattern)
    head, body = (lead.group(), pattern[lead.end():]) if lead else ("", pattern)
    return re.compile(f"{head}(?={first})(?:{body})", flags)
