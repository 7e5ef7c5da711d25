"""Paragraphs, sentences and clauses with their offsets, computed once per document.

A paragraph is a line of the normalised text (the normaliser joins lines a wrap cut); a
sentence ends at 。！？ or a line break; a clause at ，；： (and their ASCII forms). Every
extractor walks these instead of splitting the text again.
"""
from __future__ import annotations
from typing import Iterable, Iterator

import re
from bisect import bisect_left, bisect_right
from typing import Final, NamedTuple

from zhibiao.extract.lexicon import LEX
from zhibiao.text.scan import scanner

SENTENCE_ENDS: Final = "。！!？?\n"  # the characters that end a sentence
CLAUSE_ENDS_OR_BRACKETS: Final = "，,：:；;（(）)"  # those that end a clause, and the brackets that hide them


def positions(text: str, start: int, end: int, chars: Iterable[str]) -> list[int]:
    """The offsets in ``text[start:end]`` of every character of ``chars``, in order (the matches of
    the class ``[chars]``), found by ``str.find``: re tests each character of a text against
    a class (a function call a character), str.find runs through a text for one character many
    times faster, so a scan for each of a few characters, most of them absent, costs less than one
    test of every character. ``chars`` may hold words: where each of them starts (overlaps too)."""
    out: list[int] = []
    kinds = 0
    for ch in chars:
        k = text.find(ch, start, end)
        if k < 0:
            continue
        kinds += 1
        while k >= 0:
            out.append(k)
            k = text.find(ch, k + 1, end)
    if kinds > 1:
        out.sort()  # (runs already in order, one a character: timsort merges them in linear time)
    return out


def matches_at(pattern: re.Pattern, text: str, starts: list[int], endpos: int) -> Iterator[re.Match]:
    """``pattern.finditer(text, 0, endpos)`` for a pattern that never matches the empty string and
    whose every match starts at one of ``starts`` (in order; more are harmless): the pattern tried
    at those places alone."""
    last = 0  # a match starts at or after the end of the one before
    for start in starts:
        if last <= start < endpos:
            m = pattern.match(text, start, endpos)
            if m:
                yield m
                last = m.end()


class Clause(NamedTuple):
    start: int
    end: int
    sep: str  # the separator before it ("" for a sentence's first clause)


class Sentence:
    """A sentence; its clauses are split when first asked for (most sentences an extractor
    passes over, it never reads clause by clause)."""

    __slots__ = ("start", "end", "_text", "_clauses")
    _clauses: tuple[Clause, ...] | None

    def __init__(self, text: str, start: int, end: int):
        self.start, self.end, self._text, self._clauses = start, end, text, None

    @property
    def clauses(self) -> tuple[Clause, ...]:
        if self._clauses is None:
            self._clauses = _clauses(self._text, self.start, self.end)
        return self._clauses


class Paragraph:
    """A paragraph; its sentences are split when first asked for."""

    __slots__ = ("start", "end", "_text", "_sentences")
    _sentences: tuple[Sentence, ...] | None

    def __init__(self, text: str, start: int, end: int):
        self.start, self.end, self._text, self._sentences = start, end, text, None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        if self._sentences is None:
            self._sentences = _sentences(self._text, self.start, self.end)
        return self._sentences


OPEN: Final = "（("
CLOSE: Final = "）)"
BRACKET_SPAN: Final = 80  # a bracket left open longer than this is a stray one, not a parenthesis
# a bracket opening a breakdown of the figure before it or the plan it is weighed against
# ("增长8.1%（其中制造业增长9.2%）", "2.3万人（完成年度目标的115%）"): a clause of its own, not hidden
OWN_CLAUSE_BRACKET: Final = re.compile(
    rf"[（(](?:{LEX.alt('names.breakdowns')}|(?:{LEX.alt('plans.comparisons')})?(?:{LEX.alt('plans.periods')})?"
    rf"(?:{LEX.alt('plans.words', 'plans.nouns')}))")


def _clauses(text: str, start: int, end: int) -> tuple[Clause, ...]:
    """Clauses of a sentence; a separator inside brackets ("(主要是纳统项目剩余投资不足,难以支撑投资持续
    增长)") separates nothing."""
    out = []
    pos, sep = start, ""
    opened = -1  # where the bracket now open was opened
    own = False  # the bracket now open holds a clause of its own
    for at in positions(text, start, end, CLAUSE_ENDS_OR_BRACKETS):
        ch = text[at]
        if ch in OPEN:
            own = opened < 0 and OWN_CLAUSE_BRACKET.match(text, at) is not None  # (not inside a hidden one)
            if not own:
                opened = at
                continue
        elif ch in CLOSE:
            opened = -1
            if not own:
                continue
            own = False
        if opened >= 0 and at - opened < BRACKET_SPAN:
            continue
        opened = -1
        out.append(_new_tuple(Clause, (pos, at, sep)))
        pos, sep = at + 1, ch
    out.append(_new_tuple(Clause, (pos, end, sep)))
    return tuple(out)


# Clause(start, end, sep) made by the tuple's own constructor: the named tuple's __new__ is a Python
# function, and a document has thousands of clauses
_new_tuple: Final = tuple.__new__


# The longest sentence of the real documents has under 500 characters (a clause under 150). A
# longer run without a full stop is not prose: it is cut (at a clause break where there is one),
# so that the work an extractor does per sentence, which grows faster than its length, stays bounded.
MAX_SENTENCE: Final = 1000
_BREAKS: Final = "，,；;：:、"


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        cut = max(text.rfind(ch, start + MAX_SENTENCE // 2, start + MAX_SENTENCE) for ch in _BREAKS)
        if cut < 0:
            cut = start + MAX_SENTENCE
        yield start, cut
        start = cut + 1 if text[cut] in _BREAKS else cut
    if end > start:
        yield start, end


def _sentences(text: str, start: int, end: int) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    pos = start
    for at in positions(text, start, end, SENTENCE_ENDS):
        if at - pos > MAX_SENTENCE:
            out.extend(Sentence(text, a, b) for a, b in _bounded(text, pos, at))
        elif at > pos:
            out.append(Sentence(text, pos, at))  # (what _bounded gives a sentence within the bound)
        pos = at + 1
    if pos < end:
        out.extend(Sentence(text, a, b) for a, b in _bounded(text, pos, end))
    return tuple(out)


class Segments:
    """The paragraphs of a text (with their sentences and clauses), in order."""

    def __init__(self, text: str):
        self.text = text
        paragraphs = []
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            paragraphs.append(Paragraph(text, pos, end))
            pos = end + 1
        self.paragraphs: tuple[Paragraph, ...] = tuple(paragraphs)
        self._starts = [p.start for p in self.paragraphs]

    def paragraphs_in(self, start: int, end: int) -> Iterator[Paragraph]:
        """Paragraphs that begin in ``[start, end)``, cut to that range."""
        i = max(0, bisect_right(self._starts, start) - 1)
        while i < len(self.paragraphs):
            p = self.paragraphs[i]
            i += 1
            if p.end < start:
                continue
            if p.start >= end:
                break
            if p.start >= start and p.end <= end:
                yield p
            else:
                a, b = max(p.start, start), min(p.end, end)
                yield Paragraph(self.text, a, b)


    def before(self, start: int) -> Paragraph | None:
        """The last paragraph with words that ends before ``start`` (blank lines passed over)."""
        i = bisect_right(self._starts, start) - 1
        while i >= 0:
            p = self.paragraphs[i]
            i -= 1
            if p.end <= start and not self.text[p.start:p.end].isspace() and p.end > p.start:
                return p
        return None


class SpanIndex:
    """Spans (any order, overlapping or not) asked whether any of them overlaps a range, in
    logarithmic time: the sentences where targets are stated, tested for every clause."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [a for a, _b in ordered]
        self._reach: list[float] = []  # the furthest end among the spans up to each one
        furthest = float("-inf")
        for _a, b in ordered:
            furthest = max(furthest, b)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Is there a span ``(a, b)`` with ``a < end`` and ``start < b``?"""
        k = bisect_left(self._starts, end)  # the spans that start before ``end``
        return k > 0 and self._reach[k - 1] > start


# A bilingual page's English (a paragraph's translation, a heading's English half, a gloss in brackets:
# 一般公共预算收入（General Public Budget Revenue）增长3%（up 3%）) states no name, target, result or task of
# the document's: its words are read in the Chinese beside it. English prose is told by its words — two
# lowercase letters in a row (up, within; never GDP, PM2.5, kWh) — in a stretch of text holding no Chinese
# character or punctuation (nor a line or cell break): two such words, or one and a space in a bracket.
# (a scanner: re compiles a repeat of a class with no first-character set and tries the pattern at every
# position — four times the cost of the set's test, over the whole text of a document that holds English)
LOWER_PAIR: Final = scanner(r"[a-z]{2}")
LATIN_WORD: Final = re.compile(r"[A-Za-z]*[a-z]{2}[A-Za-z]*")
CJK_OR_BREAK: Final = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\n\t]")
LATIN_LETTER: Final = re.compile(r"[A-Za-z]")


def without_latin_prose(text: str, tables: tuple[tuple[int, int], ...] = ()) -> str:
    """``text`` with English prose outside ``tables`` blanked (same offsets; see LATIN_WORD): tried only
    at two lowercase letters, each stretch once (linear in the text)."""
    # (LOWER_PAIR over the text's ASCII alone first: two lowercase letters in a row in the text are two in
    # a row there too, so a text whose ASCII holds none — most documents — is passed without a scan of
    # every character, 5× dearer than dropping the rest)
    if LOWER_PAIR.search(text.encode("ascii", "ignore").decode("ascii")) is None:
        return text
    return _latin_prose_blanked(text, tables)


def _latin_prose_blanked(text: str, tables: tuple[tuple[int, int], ...]) -> str:
    """without_latin_prose's scan itself."""
    cuts: list[tuple[int, int]] = []
    done = 0
    in_tables = SpanIndex(tables)
    for m in LOWER_PAIR.finditer(text):
        if m.start() < done:
            continue
        end = CJK_OR_BREAK.search(text, m.end())
        b = len(text) if end is None else end.start()
        a = m.start()
        while a > done and CJK_OR_BREAK.match(text, a - 1) is None:
            a -= 1
        done = b
        if in_tables.overlaps(a, b):
            continue
        words = len(LATIN_WORD.findall(text, a, b))
        if 0 < a and b < len(text) and text[a - 1] in "（(" and text[b] in "）)":
            if words and " " in text[a:b]:
                cuts.append((a - 1, b + 1))  # a gloss in brackets, brackets and all
            continue
        first = LATIN_LETTER.search(text, a, b)
        start = m.start() if first is None else first.start()
        opened = text.rfind("(", a, start)  # "增长3%(up 3%)", "1.2万人(12000+ jobs)": the bracket the English opens
        if opened >= 0 and ")" not in text[opened:start] and text[start:b].rstrip().endswith(")"):
            start = opened
        inner = text[start:b].rstrip()
        if words >= 2 or (words and inner.startswith("(") and " " in inner):
            cuts.append((start, b))
    if not cuts:
        return text
    out: list[str] = []
    pos = 0
    for a, b in cuts:
        out += [text[pos:a], " " * (b - a)]
        pos = b
    out.append(text[pos:])
    return "".join(out)
