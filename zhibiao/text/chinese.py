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


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
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


def to_simplified(text: str) -> str:
    """Character-for-character traditional -> simplified (same length)."""
    return text.translate(_table())


def has_traditional(text: str, sample: int = 4000) -> bool:
    table = _table()
    head = text[:sample]
    return sum(1 for ch in head if ord(ch) in table) >= 3


# a year written in Chinese numerals, digit by digit (二〇二五年, 二零二五年): four characters, like its digits
CHINESE_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十百千万])[一二][〇零一二三四五六七八九]{3}(?=\s*年)")
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def years_in_digits(text: str) -> str:
    """``text`` with each year written in Chinese numerals in digits (same length and offsets)."""
    return CHINESE_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text) if "年" in text else text


def search_form(text: str) -> str:
    """A short text (a title) as the extractor's patterns read a document: simplified characters,
    years in digits."""
    return years_in_digits(to_simplified(text))
