"""What every view of a document shares, computed once: the text the patterns read, its
segments, its sections, its metadata and its time scope."""
from __future__ import annotations

from dataclasses import dataclass

from zhibiao.extract.metadata import Metadata
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
    limit: int  # where the appended targets table zone starts (or the text's end)
    target_sentences: tuple[tuple[int, int], ...]  # the year's targets in prose: never results
