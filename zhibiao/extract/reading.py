"""What every view of a document shares, computed once: the text the patterns read, its
segments, its sections, its metadata and its time scope."""
from __future__ import annotations

from dataclasses import dataclass, field

from zhibiao.extract.clauses import first_figure
from zhibiao.extract.metadata import Metadata
from zhibiao.extract.numbers import NumberMatch
from zhibiao.extract.scope import Scope
from zhibiao.extract.segments import Segments
from zhibiao.models import Section
from zhibiao.text.document import Document


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

    def first_figure(self, start: int, end: int) -> NumberMatch | None:
        """The first figure of ``text[start:end]`` (offsets within it), or ``None``: found once per
        sentence of this document, though actuals and commitments both ask."""
        key = (start, end)
        if key not in self._first_figures:
            self._first_figures[key] = first_figure(self.text[start:end])
        return self._first_figures[key]
