"""Text that remembers where every character came from.

A :class:`MappedText` is a string plus, for each of its characters, the ``[start, end)`` range of
the original (raw) text it was made from. Every normalisation pass is a list of non-overlapping
edits applied through :meth:`MappedText.edit`, so the map stays exact however many passes run
(a blunt whole-text NFKC would shift offsets silently).
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple

from zhibiao.models import Span


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``replacement``. ``kind`` names the pass; flagged kinds
    (restored decimal points, say) are reported to the user. (A named tuple: a pass makes one for
    every space it folds and every line it joins, and a frozen dataclass costs twice as much to make.)"""

    start: int
    end: int
    replacement: str
    kind: str = "edit"


@dataclass(frozen=True)
class Change:
    """A flagged change, with its span in the normalised text and in the raw text."""

    kind: str
    before: str
    after: str
    span: Span
    source_span: Span


_COUNTING = array("l", range(1 << 16))  # 0, 1, 2, …: an identity stretch of a map is a slice of it


def _counting(n: int) -> array:
    """The shared ``array("l", range(m))`` for some m > n (grown when too short)."""
    global _COUNTING
    if len(_COUNTING) <= n:
        _COUNTING = array("l", range(max(n + 1, 2 * len(_COUNTING))))
    return _COUNTING


class MappedText:
    """A text and, for each of its characters, the ``[start, end)`` of the raw text it was made from.

    The map is kept as runs, not as two arrays a character: every pass only copies stretches of the
    map and gives the characters it inserts one raw range, so a run is either *counting* (its k-th
    character made from raw ``[src + k, src + k + 1)``, copied unchanged from the raw text) or
    *constant* (every character made from ``[src, tail)``). A pass then costs as many runs as it
    makes edits, not two copies of a map of eight bytes a character; the arrays (``starts``,
    ``ends``) are built on first use only."""

    __slots__ = ("text", "raw_length", "_at", "_src", "_tail", "_starts", "_ends")

    def __init__(self, text: str, starts: array | None = None, ends: array | None = None,
                 raw_length: int | None = None):
        """``text`` mapped to itself; or, given both, mapped by the arrays ``starts`` and ``ends``."""
        self.text = text
        self.raw_length = raw_length if raw_length is not None else len(text)
        self._at: list[int] = []  # where each run starts in the text, ascending
        self._src: list[int] = []  # the raw start of its first character
        self._tail: list[int] = []  # -1: a counting run; else the raw end of each of its characters
        self._starts: array | None = None
        self._ends: array | None = None
        if starts is None or ends is None:
            if text:
                self._at, self._src, self._tail = [0], [0], [-1]
        else:
            for i in range(len(text)):
                s, e = starts[i], ends[i]
                self._append(i, s, -1 if e == s + 1 else e)
            self._starts, self._ends = starts, ends

    def __len__(self) -> int:
        return len(self.text)

    @property
    def starts(self) -> array:
        """The raw start of each character (built on first use)."""
        if self._starts is None:
            self._build()
        assert self._starts is not None
        return self._starts

    @property
    def ends(self) -> array:
        """The raw end of each character (built on first use)."""
        if self._ends is None:
            self._build()
        assert self._ends is not None
        return self._ends

    def _build(self) -> None:
        n = len(self.text)
        at, src, tail = self._at, self._src, self._tail
        runs = len(at)
        top = 0  # (the largest raw end a counting run reaches)
        for k in range(runs):
            if tail[k] < 0:
                top = max(top, src[k] + (at[k + 1] if k + 1 < runs else n) - at[k])
        counting = _counting(top)
        if runs == 1 and tail[0] < 0:  # (the whole text one run: two slices)
            self._starts, self._ends = counting[src[0]:src[0] + n], counting[src[0] + 1:src[0] + n + 1]
            return
        view = memoryview(counting)
        starts: list = []  # views of the counting array and arrays of constant runs, in order
        ends: list = []
        for k in range(runs):
            length = (at[k + 1] if k + 1 < runs else n) - at[k]
            s = src[k]
            if tail[k] < 0:
                starts.append(view[s:s + length])
                ends.append(view[s + 1:s + 1 + length])
            else:
                starts.append(array("l", [s]) * length)
                ends.append(array("l", [tail[k]]) * length)
        self._starts, self._ends = array("l", b"".join(starts)), array("l", b"".join(ends))

    def _run(self, i: int) -> int:
        """The run holding the text's ``i``-th character (a binary search: runs are few)."""
        at = self._at
        lo, hi = 0, len(at)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if at[mid] <= i:
                lo = mid
            else:
                hi = mid
        return lo

    def start_of(self, i: int) -> int:
        """The raw start of the ``i``-th character (``starts[i]``, without building the array)."""
        k = self._run(i)
        return self._src[k] + (i - self._at[k] if self._tail[k] < 0 else 0)

    def end_of(self, i: int) -> int:
        """The raw end of the ``i``-th character (``ends[i]``, without building the array)."""
        k = self._run(i)
        tail = self._tail[k]
        return self._src[k] + i - self._at[k] + 1 if tail < 0 else tail

    def _append(self, at: int, src: int, tail: int) -> None:
        """Add a run at ``at`` (of a new text being built): one with the run before it when it goes
        on with it (a stretch copied after a stretch it was next to, a constant run after an equal one)."""
        if self._at:
            k = len(self._at) - 1
            if tail == self._tail[k] and src == (self._src[k] + at - self._at[k] if tail < 0 else self._src[k]):
                return
        self._at.append(at)
        self._src.append(src)
        self._tail.append(tail)

    def _copy(self, out: "MappedText", a: int, b: int, at: int) -> None:
        """Append this map's ``[a, b)`` to ``out``'s runs, at ``at`` of its text."""
        if a >= b:
            return
        k = self._run(a)
        runs = len(self._at)
        while a < b:
            stop = min(b, self._at[k + 1] if k + 1 < runs else len(self.text))
            tail = self._tail[k]
            out._append(at, self._src[k] + a - self._at[k] if tail < 0 else self._src[k], tail)
            at += stop - a
            a = stop
            k += 1

    def _made(self, text: str) -> "MappedText":
        """A new text of this raw text, its runs to be appended."""
        out = MappedText("", None, None, self.raw_length)
        out.text = text
        return out

    def to_source(self, start: int, end: int) -> Span:
        """The raw-text span that the normalised span ``[start, end)`` came from."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span [{start}, {end}) outside text of length {n}")
        if start == end:
            pos = self.start_of(start) if start < n else self.raw_length
            return Span(pos, pos)
        at, src, tail = self._at, self._src, self._tail
        k = self._run(start)
        first = src[k] + start - at[k] if tail[k] < 0 else src[k]
        if end - 1 >= (at[k + 1] if k + 1 < len(at) else len(self.text)):  # (most spans lie in one run)
            k = self._run(end - 1)
        last = src[k] + end - at[k] if tail[k] < 0 else tail[k]
        if last < first:  # a span across pieces put in a new order (columns rebuilt): cover them all
            first, last = min(self.starts[start:end]), max(self.ends[start:end])
        return Span(first, last)

    def rearrange(self, pieces: list[tuple[int, int] | str]) -> "MappedText":
        """A new text made of slices of this one in any order (``(start, end)``) and inserted
        strings (mapped, empty, to where the next slice comes from): columns put one after the
        other keep an exact map."""
        out = self._made("".join(p if isinstance(p, str) else self.text[p[0]:p[1]] for p in pieces))
        at = 0
        for i, piece in enumerate(pieces):
            if isinstance(piece, str):
                nxt = next((p for p in pieces[i + 1:] if not isinstance(p, str)), None)
                anchor = self.start_of(nxt[0]) if nxt and nxt[0] < len(self.text) else self.raw_length
                if piece:
                    out._append(at, anchor, anchor)
                at += len(piece)
            else:
                a, b = piece
                self._copy(out, a, b, at)
                at += b - a
        return out

    def edit(self, edits: Iterable[tuple[int, int, str, str]]) -> "MappedText":
        """Apply non-overlapping edits (any order) and return the new mapped text. An edit is an
        :class:`Edit` or a plain tuple of its fields (made faster than a named tuple). (The new
        map's runs are the old ones' stretches between the edits and a run for each replacement.)"""
        ordered = list(edits)
        if not ordered:
            return self
        if any(ordered[k][0] > ordered[k + 1][0] or (ordered[k][0] == ordered[k + 1][0] and ordered[k][1] > ordered[k + 1][1])
               for k in range(len(ordered) - 1)):  # (the passes give them in order: most need no sort)
            ordered.sort(key=lambda e: (e[0], e[1]))
        text = self.text
        out = self._made("")
        parts: list[str] = []
        pos = 0
        at = 0  # (in the new text)
        for start, end, replacement, _kind in ordered:
            if start < pos:
                raise ValueError(f"overlapping edits at {start}")
            if start > pos:
                parts.append(text[pos:start])
                self._copy(out, pos, start, at)
                at += start - pos
            if replacement:
                if len(replacement) == end - start:  # same length: the map kept
                    self._copy(out, start, end, at)
                elif end > start:
                    out._append(at, self.start_of(start), self.end_of(end - 1))
                else:  # a pure insertion takes the position of the next character
                    anchor = self.start_of(start) if start < len(text) else self.raw_length
                    out._append(at, anchor, anchor)
                parts.append(replacement)
                at += len(replacement)
            pos = end
        parts.append(text[pos:])
        self._copy(out, pos, len(text), at)
        out.text = "".join(parts)
        return out

    def translate(self, table: "Mapping[int, str | int | None]", present: "re.Pattern | None" = None,
                  runs: "Iterable[re.Match] | None" = None) -> "MappedText":
        """A character-for-character translation (width folding): the map is unchanged.
        ``present``: a pattern finding the runs of characters of the table (every such character
        must be in a run it finds); only those are translated, and a text with none is kept as
        it is. (``str.translate`` costs ~40 ns for each character the table does not hold — a
        failed lookup raises and clears a KeyError —, a regex scan far less.) ``runs``: those
        runs found already (matches in this text, in order)."""
        if present is None and runs is None:
            out = self.text.translate(table)
        else:
            text = self.text
            parts: list[str] = []
            pos = 0
            if runs is None:
                assert present is not None  # (the first branch took neither)
                runs = present.finditer(text)
            for run in runs:
                parts.append(text[pos:run.start()])
                parts.append(run.group().translate(table))
                pos = run.end()
            if not parts:
                return self
            parts.append(text[pos:])
            out = "".join(parts)
        if len(out) != len(self.text):
            raise ValueError("translate() must keep the length; use edit() to delete or insert")
        new = self._made(out)
        new._at, new._src, new._tail = self._at, self._src, self._tail  # (never changed once made)
        new._starts, new._ends = self._starts, self._ends
        return new
