"""The extractor's words, loaded once from ``extract/data/lexicon.yaml``.

The data file is the only home of the word lists (comparators, units, verbs of growth and
decline, modality, time words …); code asks for a list by its dotted path and combines the
words with structure of its own. Like dateparser's language files: the words are data, the
parser is language-neutral.

    >>> from zhibiao.extract.lexicon import LEX
    >>> LEX.alt("comparators.at_least_after")   # a regex alternation, longest word first
    '以上'
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from zhibiao.datafiles import load_yaml
from zhibiao.text.scan import alternation


def load_data(name: str) -> dict:
    """A data file of ``extract/data`` (parsed with the C loader where PyYAML has it)."""
    return load_yaml("zhibiao.extract", "data", name)


class Lexicon:
    """Named word lists; ``alt`` turns one or more of them into a regex alternation."""

    def __init__(self, data: dict):
        self._data = data
        self._alt: dict[tuple[str, ...], str] = {}

    def get(self, path: str):
        node: Any = self._data
        for key in path.split("."):
            node = node[key]
        return node

    def words(self, *paths: str) -> tuple[str, ...]:
        out: list[str] = []
        for path in paths:
            for w in self.get(path):
                if w not in out:
                    out.append(str(w))
        return tuple(out)

    def alt(self, *paths: str) -> str:
        """``(?:w1|w2|…)`` without the group: the words of ``paths``, escaped, longest first so a
        longer word (万人次) wins over its prefix (万人)."""
        key = tuple(paths)
        if key not in self._alt:
            self._alt[key] = alternation(self.words(*paths))
        return self._alt[key]

    def ending(self, *paths: str) -> "Ending":
        """What ``re.compile(f"(?:{alt(*paths)})$")`` tests, as a test of the text's end."""
        return Ending(self.words(*paths))

    def mapping(self, path: str) -> dict[str, tuple[str, ...]]:
        return {k: tuple(v) for k, v in self.get(path).items()}




class Ending:
    """Does a text end with one of some words? The same answer as a search for the pattern
    ``(?:w1|w2|…)$`` (whose ``$`` also matches before a final newline), without trying the
    pattern at every position of the text."""

    __slots__ = ("words", "last", "empty")

    def __init__(self, words):
        self.words = tuple(words)
        self.last = frozenset(w[-1] for w in self.words if w)  # (most texts end with none of these)
        self.empty = "" in self.words  # (an empty word ends every text; asked once, not per search)

    def search(self, text: str) -> bool:
        end = text[-1:]
        if end == "\n":
            return text.endswith(self.words) or text[:-1].endswith(self.words)
        return (end in self.last or self.empty) and text.endswith(self.words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_data("lexicon.yaml"))


LEX = lexicon()
