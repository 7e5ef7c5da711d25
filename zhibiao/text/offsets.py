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


_COUNTING = array("l", range(1 << 16))  # 0, 1, 2, …: the identity map of a new text is a slice of it


def _counting(n: int) -> array:
    """``array("l", range(n + 1))``, copied from a shared one (a copy costs far less than
    building an array from n integers)."""
    global _COUNTING
    if len(_COUNTING) <= n:
        _COUNTING = array("l", range(max(n + 1, 2 * len(_COUNTING))))
    return _COUNTING[:n + 1]


class MappedText:
    __slots__ = ("text", "starts", "ends", "raw_length")

    def __init__(self, text: str, starts: array | None = None, ends: array | None = None,
                 raw_length: int | None = None):
        self.text = text
        n = len(text)
        if starts is None or ends is None:
            counting = _counting(n)
            self.starts = starts if starts is not None else counting[:n]
            self.ends = ends if ends is not None else counting[1:]
        else:
            self.starts, self.ends = starts, ends
        self.raw_length = raw_length if raw_length is not None else n

    def __len__(self) -> int:
        return len(self.text)

    def to_source(self, start: int, end: int) -> Span:
        """The raw-text span that the normalised span ``[start, end)`` came from."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span [{start}, {end}) outside text of length {n}")
        if start == end:
            pos = self.starts[start] if start < n else self.raw_length
            return Span(pos, pos)
        first, last = self.starts[start], self.ends[end - 1]
        if last < first:  # a span across pieces put in a new order (columns rebuilt): cover them all
            first, last = min(self.starts[start:end]), max(self.ends[start:end])
        return Span(first, last)

    def rearrange(self, pieces: list[tuple[int, int] | str]) -> "MappedText":
        """A new text made of slices of this one in any order (``(start, end)``) and inserted
        strings (mapped, empty, to where the next slice comes from): columns put one after the
        other keep an exact map."""
        parts: list[str] = []
        starts = array("l")
        ends = array("l")
        for i, piece in enumerate(pieces):
            if isinstance(piece, str):
                nxt = next((p for p in pieces[i + 1:] if not isinstance(p, str)), None)
                anchor = self.starts[nxt[0]] if nxt and nxt[0] < len(self.text) else self.raw_length
                parts.append(piece)
                starts.extend([anchor] * len(piece))
                ends.extend([anchor] * len(piece))
            else:
                a, b = piece
                parts.append(self.text[a:b])
                starts.extend(self.starts[a:b])
                ends.extend(self.ends[a:b])
        return MappedText("".join(parts), starts, ends, self.raw_length)

    def edit(self, edits: Iterable[tuple[int, int, str, str]]) -> "MappedText":
        """Apply non-overlapping edits (any order) and return the new mapped text. An edit is an
        :class:`Edit` or a plain tuple of its fields (made faster than a named tuple). (The new map is
        gathered as views of the old one and copied once at the end: extending an array piece by
        piece copied each piece twice and grew the array again and again.)"""
        ordered = sorted(edits, key=lambda e: (e[0], e[1]))
        if not ordered:
            return self
        text = self.text
        old_starts, old_ends = memoryview(self.starts), memoryview(self.ends)
        parts: list[str] = []
        starts: list = []  # views of the old map and arrays of new entries, in order
        ends: list = []
        pos = 0
        for start, end, replacement, _kind in ordered:
            if start < pos:
                raise ValueError(f"overlapping edits at {start}")
            if start > pos:
                parts.append(text[pos:start])
                starts.append(old_starts[pos:start])
                ends.append(old_ends[pos:start])
            if replacement:
                if len(replacement) == end - start:  # same length: keep the 1:1 map
                    starts.append(old_starts[start:end])
                    ends.append(old_ends[start:end])
                else:
                    if end > start:
                        src_start, src_end = self.starts[start], self.ends[end - 1]
                    else:  # a pure insertion takes the position of the next character
                        anchor = self.starts[start] if start < len(text) else self.raw_length
                        src_start = src_end = anchor
                    starts.append(array("l", [src_start]) * len(replacement))
                    ends.append(array("l", [src_end]) * len(replacement))
                parts.append(replacement)
            pos = end
        parts.append(text[pos:])
        starts.append(old_starts[pos:])
        ends.append(old_ends[pos:])
        return MappedText("".join(parts), array("l", b"".join(starts)), array("l", b"".join(ends)), self.raw_length)

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
        return MappedText(out, self.starts, self.ends, self.raw_length)
