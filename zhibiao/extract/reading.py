"""What every view of a document shares, computed once: the text the patterns read, its
segments, its sections, its metadata and its time scope."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, cast

from zhibiao.extract.clauses import DIGIT_COMMA_DIGIT, first_figure, numbers_within
from zhibiao.extract.grammar import MAY_HOLD_CANDIDATE
from zhibiao.extract.metadata import KnownLevels, Metadata
from zhibiao.extract.numbers import NumberMatch, iter_numbers
from zhibiao.extract.scope import Scope
from zhibiao.extract.segments import Paragraph, Segments
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
    breakdowns: list = field(default_factory=list)  # allocations.BreakdownTable: targets of the regions below
    table_spans: tuple[tuple[int, int], ...] = ()  # where tables are: never read as prose
    title_span: tuple[int, int] | None = None  # the title at the document's head
    quoted_plans: list = field(default_factory=list)  # actuals.QuotedPlan: last year's plans beside results
    known_levels: KnownLevels | None = None  # the registry's levels of the regions it knows (metadata.region_level)
    _first_figures: dict[tuple[int, int], NumberMatch | None] = field(default_factory=dict, repr=False)  # (start, end) -> first_figure
    # (start, end) of a sentence -> its numbers, read with its first figure, for its clauses; None
    # where they are not its clauses' (a thousands comma: see clauses.numbers_within)
    _numbers: dict[tuple[int, int], tuple[NumberMatch, ...] | None] = field(default_factory=dict, repr=False)
    _paragraph_times: dict[int, tuple[str | None, int | None]] = field(default_factory=dict, repr=False)  # start -> paragraph_time

    def paragraph_time(self, para: Paragraph) -> tuple[str | None, int | None]:
        """What a paragraph says of its time: ``Scope.time_of`` of its opening. One adding to the one
        before (同时，完成…; ``Scope.adding_time``) and naming no time of its own speaks of the time the
        one before ends in: that one's last sentence naming a time, else that one's own (a news page gives
        each sentence a paragraph: 2025年，全市…增长5.9%。 / 同时，完成…: the review goes on). Each
        paragraph read once; a run of such paragraphs walked back once."""
        known = self._paragraph_times.get(para.start)
        if known is not None:
            return known
        scope, text = self.scope, self.text
        going_on: list[int] = []  # the paragraphs that take the time of the one before
        p = para
        found: tuple[str | None, int | None] = (None, None)
        while True:
            p_text = text[p.start:p.end]
            found = scope.time_of(scope.opening(p_text))
            if found[0] is not None:
                break
            adding = scope.adding_time(p_text)
            if adding is None or adding[0] is not None:
                found = adding or found
                break
            going_on.append(p.start)
            before = self.segments.before(p.start)
            if before is None:
                break
            closing = self._closing_time(before)
            earlier = self._paragraph_times.get(before.start)
            if closing is not None or earlier is not None:
                found = closing or earlier or found
                break
            p = before
        self._paragraph_times[p.start] = found
        for start in going_on:
            self._paragraph_times[start] = found
        return found

    def _closing_time(self, para: Paragraph) -> tuple[str | None, int | None] | None:
        """The time the last sentence of ``para`` that names one names (``Scope.lead_time``), or None."""
        for sentence in reversed(para.sentences):
            mode, year = self.scope.lead_time(self.text[sentence.start:sentence.end])
            if mode is not None:
                return mode, year
        return None

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
