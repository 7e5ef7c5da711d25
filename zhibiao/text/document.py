"""A loaded document together with its normalised text: what the extractor reads."""
from __future__ import annotations

from dataclasses import dataclass

from zhibiao.models import LoadedText, Span
from zhibiao.text.normalize import NormalizedText, normalize


@dataclass
class Document:
    loaded: LoadedText
    normalized: NormalizedText

    @classmethod
    def from_loaded(cls, loaded: LoadedText) -> "Document":
        return cls(loaded, normalize(loaded))

    @property
    def text(self) -> str:
        """The normalised text (spans of extracted lines point into it)."""
        return self.normalized.text

    @property
    def raw(self) -> str:
        return self.loaded.text

    def to_source(self, span: Span) -> Span:
        """The span of the raw text a normalised span came from."""
        return self.normalized.to_source(span.start, span.end)

    def page_of(self, span: Span) -> int | None:
        if len(self.loaded.pages) <= 1:
            return None
        return self.loaded.page_of(self.to_source(span).start)
