"""What every view of a document shares, computed once: the text the patterns read, its
segments, its sections, its metadata and its time scope."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, cast

from zhibiao.extract.clauses import DIGIT_COMMA_DIGIT, first_figure, numbers_within
from zhibiao.extract.grammar import MAY_HOLD_CANDIDATE
from zhibiao.extract.metadata import Metadata
from zhibiao.extract.numbers import NumberMatch, iter_numbers
from zhibiao.extract.scope import Scope
from zhibiao.extract.segments import Segments
from zhibiao.models import Section
from zhibiao.text.document import Document

_UNREAD: Final = object()  # (a sentence whose first figure was not looked for yet: None is an answer)


@dataclass
class Reading:
    doc: Document
    text: str  # doc.search_text: simplified characters, offsets of the normalised text
    segments: Segments
    sections: list[Section]
    meta: Metadata
    scope: Scope
    limit: int  # where an appended part (附件: the targets table) starts, or the text's end
    target_sentences: tuple[tuple[int, int], ...]  # the year's targets in prose: never results
    target_lists: tuple = ()  # prose.TargetList: where those targets are listed (target_sentences are their spans)
    tables: list = field(default_factory=list)  # tables.Table, each read once
    table_spans: tuple[tuple[int, int], ...] = ()  # where tables are: never read as prose
    title_span: tuple[int, int] | None = None  # the title at the document's head
    quoted_plans: list = field(default_factory=list)  # actuals.QuotedPlan: last year's plans beside results
    _first_figures: dict[tuple[int, int], NumberMatch | None] = field(default_factory=dict, repr=False)  # (start, end) -> first_figure
    # (start, end) of a sentence -> its numbers, read with its first figure, for its clauses; None
    # where they are not its clauses' (a thousands comma: see clauses.numbers_within)
    _numbers: dict[tuple[int, int], tuple[NumberMatch, ...] | None] = field(default_factory=dict, repr=False)

    def first_figure(self, start: int, end: int) -> NumberMatch | None:
        """The first figure of ``text[start:end]`` (offsets within it), or ``None``: found once per
        sentence of this document, though actuals and commitments both ask. The numbers of a
        sentence that may hold a figure are read whole, once: its clauses' are among them."""
        key = (start, end)
        known = self._first_figures.get(key, _UNREAD)  # (one lookup: most sentences are asked twice)
        if known is not _UNREAD:
            return cast("NumberMatch | None", known)
        text = self.text[start:end]
        found: NumberMatch | None = None  # (no candidate: no figure, and no clause of it read)
        if MAY_HOLD_CANDIDATE.search(text):
            numbers = tuple(iter_numbers(text))
            self._numbers[key] = None if "," in text and DIGIT_COMMA_DIGIT.search(text) else numbers
            found = first_figure(text, numbers)
        self._first_figures[key] = found
        return found

    def clause_numbers(self, sentence_start: int, sentence_end: int, start: int, end: int) -> tuple[NumberMatch, ...] | None:
        """The numbers of the clause ``text[start:end]`` of the sentence ``text[sentence_start:sentence_end]``
        (offsets within the clause), from the sentence's, or ``None`` when the clause must read its own
        (its sentence's first figure was not asked for, or its numbers are not its clauses')."""
        numbers = self._numbers.get((sentence_start, sentence_end))
        if numbers is None:
            return None
        return numbers_within(numbers, start - sentence_start, end - sentence_start)
