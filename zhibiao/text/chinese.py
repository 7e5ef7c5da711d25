"""Traditional characters read as simplified, one character for one, so offsets do not move.

The extractor's patterns are written in simplified Chinese; a document printed in traditional
characters (國內生產總值增長) is searched through a simplified *shadow* of the same length, and
every name and phrase is then cut from the printed text at the same offsets. The character table
comes from OpenCC's dictionary (the TSCharacters list), first candidate of each entry.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Final


def _character_table(file_name: str) -> dict[int, str]:
    """One OpenCC character list as a translate table: each single character mapped to the first
    candidate of its entry, when that is one other character."""
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", file_name)
    table: dict[int, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or len(parts[0]) != 1:
                continue
            target = parts[1].split(" ")[0]
            if len(target) == 1 and target != parts[0]:
                table[ord(parts[0])] = target
    return table


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Each traditional character with its simplified form: OpenCC's TSCharacters list."""
    return _character_table("TSCharacters.txt")


def simplified_from(character: str) -> tuple[str, ...]:
    """The characters :func:`to_simplified` reads as ``character``: itself, then the traditional
    ones it simplifies (占: 占, 佔)."""
    return (character, *_traditional_of().get(character, ()))


@lru_cache(maxsize=1)
def _traditional_table() -> dict[int, str]:
    """Each simplified character with its usual traditional form: OpenCC's STCharacters list, first
    candidate of each entry (镇: 鎮; 发: 發 before 髮)."""
    return _character_table("STCharacters.txt")


def to_traditional(text: str) -> str:
    """Character-for-character simplified -> traditional (same length): for words a document does not
    print (a name composed from a coordination: 城鄉居民… → 城鎮居民…), written in its script."""
    return text.translate(_traditional_table())


@lru_cache(maxsize=1)
def _traditional_of() -> dict[str, tuple[str, ...]]:
    """Each simplified character with the traditional ones :func:`_table` simplifies to it."""
    inverse: dict[str, list[str]] = {}
    for code, simple in _table().items():
        inverse.setdefault(simple, []).append(chr(code))
    return {simple: tuple(sorted(chars)) for simple, chars in inverse.items()}


def script_forms(words) -> list[str]:
    """Every printing of ``words`` in simplified or traditional characters, character by character
    (亿元 → 亿元, 億元; 执行情况 → 执行情况, 執行情况, 执行情況, 執行情況): a word list written once, in
    either script, for a stage that reads a text as printed, before its simplified shadow exists."""
    out: set[str] = set()
    for word in words:
        forms = [""]
        for ch in to_simplified(word):
            forms = [f + c for f in forms for c in simplified_from(ch)]
        out.update(forms)
    return sorted(out)


@lru_cache(maxsize=1)
def _traditional() -> tuple[re.Pattern, re.Pattern | None]:
    """Patterns finding the characters :func:`_table` simplifies: runs of those in the Basic
    Multilingual Plane (written ``[…][…]*``: the engine scans fast for a pattern opening with a
    class, and tests a character against a class of the plane in one lookup), and a class of the
    others (one class mixing both is tested item by item, a hundred times slower)."""
    codes = sorted(_table())
    bmp = "[" + "".join(re.escape(chr(c)) for c in codes if c <= 0xFFFF) + "]"
    astral = "".join(chr(c) for c in codes if c > 0xFFFF)
    global _COMPILED
    _COMPILED = re.compile(f"{bmp}{bmp}*"), (re.compile(f"[{astral}]") if astral else None)
    return _COMPILED


_COMPILED: tuple[re.Pattern, re.Pattern | None] | None = None  # _traditional()'s, once a text needed them


ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")


def has_astral(text: str) -> bool:
    """Does ``text`` hold a character beyond the Basic Multilingual Plane (what :data:`ASTRAL`
    finds)? Such a character takes four bytes in UTF-16, every other one two (a lone surrogate
    too, passed through): the encoding, a copy, costs a fifth of the regex's scan of a long text."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


SHORT: Final = 64  # a text up to this long is translated whole (its runs' patterns take 5 ms to compile, once)


def to_simplified(text: str) -> str:
    """Character-for-character traditional -> simplified (same length). In a long text only the
    runs of traditional characters are translated: ``str.translate`` raises and clears a KeyError
    for every character its table lacks (~40 ns each), a scan for the runs costs far less. A
    short one (a name, a title) is translated whole, or kept when the patterns, compiled already
    for a long text, find nothing to translate: a command that only reads names never compiles them."""
    if len(text) <= SHORT:
        if _COMPILED is not None:  # (a test for the runs costs a fifth of translating: once they are compiled, ask it first)
            if _COMPILED[0].search(text) is None and ASTRAL.search(text) is None:
                return text
        return text.translate(_table())
    runs, astral = _traditional()
    if astral is not None and has_astral(text):
        return text.translate(_table())
    first = runs.search(text)
    if first is None:  # (most texts, and most names the catalogue reads)
        return text
    parts: list[str] = []
    pos = 0
    for run in runs.finditer(text, first.start()):
        parts += (text[pos:run.start()], run.group().translate(_table()))
        pos = run.end()
    parts.append(text[pos:])
    return "".join(parts)


def has_traditional(text: str, sample: int = 4000) -> bool:
    """Three or more characters of the first ``sample`` are traditional ones (counted by the regex
    engine: a loop over the characters in Python cost ~0.2 ms a document)."""
    runs, astral = _traditional()
    found = 0
    for run in runs.finditer(text, 0, sample):
        found += run.end() - run.start()
        if found >= 3:
            return True
    if astral is not None and has_astral(text[:sample]):
        found += len(astral.findall(text, 0, sample))
    return found >= 3


# a year written in Chinese numerals, digit by digit (二〇二五年, 二零二五年): four characters, like its
# digits; not a part of a longer numeral. (The look-behind after the first character: a pattern
# opening with a class is found by the engine's fast scan, one opening with a look-behind is tried
# at every position.)
CHINESE_YEAR: Final = re.compile(r"[一二](?<![〇零一二三四五六七八九十百千万][一二])[〇零一二三四五六七八九]{3}(?=\s*年)")
_YEAR_DIGITS: Final = str.maketrans("〇零一二三四五六七八九", "00123456789")


def years_in_digits(text: str) -> str:
    """``text`` with each year written in Chinese numerals in digits (same length and offsets):
    ``CHINESE_YEAR.sub`` of the text, the pattern tried only where a match can start — four characters
    before each 年 and the spaces before it (every match ends there: four numerals, then its look-ahead
    ``\\s*年``), found by str.find — instead of at every 一 and 二 of the text (a test of every character
    against the set)."""
    k = text.find("年")
    pieces: list[str] = []
    done = 0  # (where the text not yet copied starts: after the last year replaced)
    while k >= 0:
        j = k
        while j > 0 and text[j - 1].isspace():  # (\s: str.isspace, as the engine's)
            j -= 1
        start = j - 4
        if start >= done and text[start] in "一二":
            m = CHINESE_YEAR.match(text, start)
            if m is not None:
                pieces.append(text[done:start])
                pieces.append(m.group().translate(_YEAR_DIGITS))
                done = m.end()
        k = text.find("年", k + 1)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def search_form(text: str) -> str:
    """A short text (a title) as the extractor's patterns read a document: simplified characters,
    years in digits."""
    return years_in_digits(to_simplified(text))
