"""A loaded document together with its normalised text: what the extractor reads."""
from __future__ import annotations

from dataclasses import dataclass, field

from zhibiao.models import LoadedText, Span
from zhibiao.text.chinese import has_traditional, to_simplified, to_traditional, years_in_digits
from zhibiao.text.normalize import NormalizedText, normalize


@dataclass
class Document:
    loaded: LoadedText
    normalized: NormalizedText
    # (search_text, made on first use; not a functools.cached_property, which a class compiled by
    # mypyc computes again at every read: it has no instance dictionary to keep the value in. Set
    # by __init__ — a field left out of it is undefined in a compiled class)
    _search_text: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_loaded(cls, loaded: LoadedText) -> "Document":
        return cls(loaded, normalize(loaded))

    @property
    def text(self) -> str:
        """The normalised text (spans of extracted lines point into it)."""
        return self.normalized.text

    @property
    def search_text(self) -> str:
        """The text the extractor's patterns read: simplified characters and years in digits
        (二〇二五年 → 2025年), same offsets as ``text``."""
        if self._search_text is None:
            text = self.normalized.text
            self._search_text = years_in_digits(to_simplified(text) if has_traditional(text) else text)
        return self._search_text

    def printed(self, value: str, span: Span | tuple[int, int]) -> str:
        """``value`` (found in ``search_text`` at ``span``) written as the document prints it."""
        if self.search_text is self.normalized.text or not value:
            return value
        a, b = (span.start, span.end) if isinstance(span, Span) else span
        searched, printed = self.search_text[a:b], self.normalized.text[a:b]
        if searched == printed:
            return value  # (a span with no character changed: every character maps to itself)
        # (the search form keeps the text's offsets: the two slices are of one length)
        at = searched.find(value)
        if at >= 0:
            return printed[at:at + len(value)]  # the value as printed where it stands (头发与发展: 頭髮與發展)
        # a value not printed as it is (a name cleaned of its marks): each character of the span's
        # search form -> the printed one at its first place in the span (a table built in C from the
        # two, reversed so that the first place wins)
        out = value.translate(str.maketrans(searched[::-1], printed[::-1]))
        if all(c in searched for c in value) or not any(s != p and not s.isdigit() for s, p in zip(searched, printed)):
            return out  # (a span whose only change is a year's digits is not printed in traditional characters)
        # a character the span does not print (镇 of 城镇居民…, composed from 城鄉居民…) in the span's script
        return "".join(o if c in searched else to_traditional(c) for c, o in zip(value, out))

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
